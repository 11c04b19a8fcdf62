//go:build !unix

package article

// openFlags: elsewhere, the checks before opening are all there is.
const openFlags = 0
