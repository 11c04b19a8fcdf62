//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package site

import (
	"os"
	"syscall"
)

// lockDir holds an exclusive lock on dir until the returned function is
// called, so that two builds into the same folder publish one after the
// other. The kernel releases it when a build is killed.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, &os.PathError{Op: "lock", Path: dir, Err: err}
	}
	return func() { f.Close() }, nil
}

// sameDevice reports whether a and b are on the same file system; a
// mount point is not on its parent's.
func sameDevice(a, b string) bool {
	var sa, sb syscall.Stat_t
	if syscall.Stat(a, &sa) != nil || syscall.Stat(b, &sb) != nil {
		return true
	}
	return sa.Dev == sb.Dev
}
