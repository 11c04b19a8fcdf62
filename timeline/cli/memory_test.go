package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestLimitMemory(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(was) })
	tests := []struct {
		env  string
		want int64
	}{
		{"", DefaultMemoryLimit},
		// The runtime has read GOMEMLIMIT at start; it is left alone.
		{"4GiB", math.MaxInt64},
		{"off", math.MaxInt64},
	}
	for _, tt := range tests {
		debug.SetMemoryLimit(math.MaxInt64)
		limitMemory(func(key string) string {
			if key == "GOMEMLIMIT" {
				return tt.env
			}
			return ""
		})
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("GOMEMLIMIT=%q: limit %d, want %d", tt.env, got, tt.want)
		}
	}
}
