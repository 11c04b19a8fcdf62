package bench

import (
	"os"
	"syscall"
	"time"
)

// peakRSS is the child's peak resident set in bytes (Linux reports
// kilobytes).
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}

// cpuTime is the processor time the child used, user and system.
func cpuTime(ps *os.ProcessState) time.Duration {
	return ps.UserTime() + ps.SystemTime()
}
