//go:build !linux

package bench

import (
	"os"
	"time"
)

// peakRSS is unknown (0) off Linux, whose units differ from system to
// system.
func peakRSS(*os.ProcessState) int64 { return 0 }

// cpuTime is the processor time the child used, user and system.
func cpuTime(ps *os.ProcessState) time.Duration {
	return ps.UserTime() + ps.SystemTime()
}
