package progress

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
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

// A counted step is counted by many goroutines at once and ends with the
// count, the rate and its time, which Times and Summary keep.
func TestCount(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, "timeline")
	c := p.Count("resolving dates", 40, "article")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 10 {
				c.Add(1)
			}
		})
	}
	wg.Wait()
	time.Sleep(2 * time.Millisecond)
	c.Done()
	p.Live("merging events", func() string { return "3 events" })()
	p.Total("dating articles", 40, "article")()
	p.Summary()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 3 lines:\n%s", out.String())
	}
	if !regexp.MustCompile(`^timeline: resolving dates: 40 of 40 articles in \d+ms, [0-9.]+ a second$`).MatchString(lines[0]) {
		t.Errorf("counted step: %q", lines[0])
	}
	if !regexp.MustCompile(`^timeline: dating articles: 40 articles in \d+m?s(, [0-9.]+ a second)?$`).MatchString(lines[2]) {
		t.Errorf("total step: %q", lines[2])
	}
	if !regexp.MustCompile(`^timeline: time per step: resolving dates \d+ms, merging events \d+m?s, dating articles \d+m?s; \d+ms in all$`).MatchString(lines[3]) {
		t.Errorf("summary: %q", lines[3])
	}
	if times := p.Times(); len(times) != 3 || times[0].Step != "resolving dates" || times[0].Took < 2*time.Millisecond {
		t.Errorf("times %+v", times)
	}
}

func TestRate(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		d    time.Duration
		want string
	}{
		{1999, 400 * time.Millisecond, "4998"},
		{25, 2 * time.Second, "12.5"},
		{1, 3 * time.Second, "0.33"},
	} {
		if got := Rate(tt.n, tt.d); got != tt.want {
			t.Errorf("Rate(%d, %s) = %s, want %s", tt.n, tt.d, got, tt.want)
		}
	}
}
