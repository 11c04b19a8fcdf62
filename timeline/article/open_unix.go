//go:build unix

package article

import "syscall"

// openFlags open an article without blocking, so that a named pipe that
// took a file's place is never waited on.
const openFlags = syscall.O_NONBLOCK
