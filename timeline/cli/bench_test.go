package cli

import (
	"errors"
	"slices"
	"testing"

	"conflict-timeline/timeline/bench"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1000,5000,25000", []int{1000, 5000, 25000}, true},
		{" 200 , 10", []int{200, 10}, true},
		{"1000,,5000", nil, false},
		{"0", nil, false},
		{"1k", nil, false},
	}
	for _, tt := range tests {
		got, err := parseSizes(tt.in)
		if (err == nil) != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
		if _, usage := errors.AsType[usageError](err); err != nil && !usage {
			t.Errorf("parseSizes(%q): %v is not a usage error", tt.in, err)
		}
	}
}

func TestCheckBenchFlags(t *testing.T) {
	ok := bench.Options{Runs: 1, Undated: 10}
	tests := []struct {
		name   string
		opt    bench.Options
		format string
		ok     bool
	}{
		{"defaults", ok, "md", true},
		{"json, one part", bench.Options{Runs: 3, Only: "template"}, "json", true},
		{"unknown part", bench.Options{Runs: 1, Only: "hugo"}, "md", false},
		{"unknown format", ok, "html", false},
		{"no runs", bench.Options{Runs: 0}, "md", false},
		{"negative undated", bench.Options{Runs: 1, Undated: -1}, "md", false},
	}
	for _, tt := range tests {
		if err := checkBenchFlags(tt.opt, tt.format); (err == nil) != tt.ok {
			t.Errorf("%s: got %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
