// Package progress reports the steps of a build. On a terminal a step
// that takes long is redrawn in place with a live status; anywhere else
// each step is one plain line, so logs stay readable.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gohugoio/hugo/common/terminal"
)

// Reporter writes a build's steps, each line starting with its prefix.
// A nil writer makes a Reporter that says nothing.
type Reporter struct {
	w        io.Writer
	prefix   string
	terminal bool
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
	fmt.Fprintf(p.w, p.prefix+": "+format+"\n", args...)
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
	start := time.Now()
	if !p.terminal {
		return func() { p.Step("%s: %s in %s", what, status(), since(start)) }
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
				fmt.Fprintf(p.w, "\r\x1b[K%s: %s… %s (%s)", p.prefix, what, status(), time.Since(start).Round(time.Second))
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		fmt.Fprintf(p.w, "\r\x1b[K%s: %s: %s in %s\n", p.prefix, what, status(), since(start))
	}
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }
