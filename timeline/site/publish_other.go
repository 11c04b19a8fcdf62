//go:build !linux

package site

// exchange cannot swap two names atomically here: publishing renames
// twice instead.
func exchange(a, b string) error { return errNoExchange }

// processDirs cannot tell other processes' working directories here.
func processDirs() []string { return nil }
