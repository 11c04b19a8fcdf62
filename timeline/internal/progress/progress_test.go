package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestReporter(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		want     []string
		not      []string
	}{
		{name: "log", want: []string{"site: step 1\n", "site: rendering: 3 files in "}, not: []string{"\r"}},
		// On a terminal the live step redraws one line and ends it.
		{name: "terminal", terminal: true, want: []string{"site: step 1\n", "\r\x1b[Ksite: rendering… 3 files (", "\r\x1b[Ksite: rendering: 3 files in "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			p := &Reporter{w: &out, prefix: "site", terminal: tt.terminal}
			p.Step("step %d", 1)
			stop := p.Live("rendering", func() string { return "3 files" })
			time.Sleep(RedrawEvery * 3 / 2)
			stop()
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%q", w, out.String())
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out.String(), n) {
					t.Errorf("output has %q:\n%q", n, out.String())
				}
			}
		})
	}

	// Without a writer nothing is printed, and nothing breaks.
	quiet := New(nil, "site")
	quiet.Step("nothing")
	quiet.Live("nothing", func() string { return "" })()
}
