package site

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// exchange swaps the names a and b atomically.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		// An old kernel, or a file system without the flag.
		return errNoExchange
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}

// processDirs are the working directories of the processes this user may
// see: a file server started inside the destination is one.
func processDirs() []string {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var dirs []string
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		if d, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd")); err == nil && filepath.IsAbs(d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}
