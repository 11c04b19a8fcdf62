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

func TestGiB(t *testing.T) {
	for n, want := range map[int64]string{1536 << 20: "1.5 GiB", 2 << 30: "2 GiB", 1792 << 20: "1.75 GiB", 1600 << 20: "1.56 GiB"} {
		if got := gib(n); got != want {
			t.Errorf("gib(%d) = %q, want %q", n, got, want)
		}
	}
}
