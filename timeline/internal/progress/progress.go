// Package progress reports the steps of a build. On a terminal a step
// that takes long is redrawn in place with a live status; anywhere else
// each step is one plain line, so logs stay readable.
//
// A step that works through a known number of things (Count) says how
// many are done and how many a second, counted atomically so that the
// workers of a parallel step can all report to it. Each timed step is
// remembered, and Times lists them at the end of the build.
package progress

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gohugoio/hugo/common/terminal"
)

// Reporter writes a build's steps, each line starting with its prefix.
// A nil writer makes a Reporter that says nothing.
type Reporter struct {
	w        io.Writer
	prefix   string
	terminal bool

	wmu   sync.Mutex // held while writing
	mu    sync.Mutex // guards times
	times []Timed
}

// Timed is one step and how long it took.
type Timed struct {
	Step string
	Took time.Duration
}

// New reports to w, redrawing live steps in place when w is a terminal.
func New(w io.Writer, prefix string) *Reporter {
	p := &Reporter{w: w, prefix: prefix}
	if f, ok := w.(*os.File); ok {
		p.terminal = terminal.IsTerminal(f)
	}
	return p
}

// Step reports one step in a line.
func (p *Reporter) Step(format string, args ...any) {
	if p.w == nil {
		return
	}
	p.write(p.prefix+": "+format+"\n", args...)
}

// write writes one whole line or redraw: the workers of a parallel step
// may report while a live step redraws.
func (p *Reporter) write(format string, args ...any) {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	fmt.Fprintf(p.w, format, args...)
}

// RedrawEvery is how often a live step redraws itself.
const RedrawEvery = 200 * time.Millisecond

// Live starts a step whose status changes while it runs; the returned
// function ends it with a final line that says how long it took. status
// is called from another goroutine, so what it reads must be safe for
// that (an atomic counter, say).
func (p *Reporter) Live(what string, status func() string) (stop func()) {
	if p.w == nil {
		return func() {}
	}
	return p.live(what, status, func(time.Duration) string { return "" })
}

func (p *Reporter) live(what string, status func() string, after func(time.Duration) string) (stop func()) {
	start := time.Now()
	if !p.terminal {
		return func() {
			took := time.Since(start)
			p.Time(what, took)
			p.Step("%s: %s in %s%s", what, status(), round(took), after(took))
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(RedrawEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				// \r and erase-line: redraw the same terminal line.
				took := time.Since(start)
				p.write("\r\x1b[K%s: %s… %s%s (%s)", p.prefix, what, status(), after(took), took.Round(time.Second))
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		took := time.Since(start)
		p.Time(what, took)
		p.write("\r\x1b[K%s: %s: %s in %s%s\n", p.prefix, what, status(), round(took), after(took))
	}
}

func round(d time.Duration) time.Duration { return d.Round(time.Millisecond) }

// Time records that a step took d, for Times.
func (p *Reporter) Time(step string, d time.Duration) {
	p.mu.Lock()
	p.times = append(p.times, Timed{step, d})
	p.mu.Unlock()
}

// Times are the steps timed so far, in the order they ended.
func (p *Reporter) Times() []Timed {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.times)
}

// Summary reports the time of each step timed so far in one line.
func (p *Reporter) Summary() {
	var parts []string
	var total time.Duration
	for _, t := range p.Times() {
		parts = append(parts, fmt.Sprintf("%s %s", t.Step, round(t.Took)))
		total += t.Took
	}
	if len(parts) > 0 {
		p.Step("time per step: %s; %s in all", strings.Join(parts, ", "), round(total))
	}
}

// Counter is a live step that works through a known number of things.
// Its Add is safe from several goroutines at once.
type Counter struct {
	done  atomic.Int64
	total int
	start time.Time
	stop  func()
}

// Count starts a step of total things, each called one (plural: one+"s"):
// its status is how many are done of the total and how many a second.
func (p *Reporter) Count(what string, total int, one string) *Counter {
	c := &Counter{total: total, start: time.Now()}
	status := func() string { return fmt.Sprintf("%d of %s", c.done.Load(), Plural(total, one)) }
	rate := func(d time.Duration) string {
		if d < time.Millisecond || c.done.Load() == 0 {
			return ""
		}
		return fmt.Sprintf(", %s a second", Rate(c.done.Load(), d))
	}
	if p.w == nil {
		c.stop = func() {}
	} else {
		c.stop = p.live(what, status, rate)
	}
	return c
}

// Total starts a step of n things that tells no count until it ends, as
// when another package does the work: its final line has the rate.
func (p *Reporter) Total(what string, n int, one string) (stop func()) {
	if p.w == nil {
		return func() {}
	}
	rate := func(d time.Duration) string {
		if d < time.Millisecond || n == 0 {
			return ""
		}
		return fmt.Sprintf(", %s a second", Rate(int64(n), d))
	}
	return p.live(what, func() string { return Plural(n, one) }, rate)
}

// Add counts n more things done.
func (c *Counter) Add(n int) { c.done.Add(int64(n)) }

// Done ends the step with its final line.
func (c *Counter) Done() { c.stop() }

// Rate is n things in d, a second, told to two or three figures.
func Rate(n int64, d time.Duration) string {
	r := float64(n) / d.Seconds()
	switch {
	case r >= 100:
		return fmt.Sprintf("%.0f", r)
	case r >= 10:
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.2f", r)
}

// Plural is "1 article" or "n articles".
func Plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}
