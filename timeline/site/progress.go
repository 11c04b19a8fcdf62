package site

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gohugoio/hugo/common/terminal"
	"github.com/spf13/afero"
)

// progress reports build steps. On a terminal the step that takes long
// (Hugo rendering) is redrawn in place with a live count; anywhere else
// each step is one plain line, so logs stay readable.
type progress struct {
	w        io.Writer
	terminal bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		p.terminal = terminal.IsTerminal(f)
	}
	return p
}

func (p *progress) step(format string, args ...any) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "site: "+format+"\n", args...)
}

// redrawEvery is how often a live step redraws itself.
const redrawEvery = 200 * time.Millisecond

// live starts a step whose status changes while it runs; the returned
// function ends it with a final line.
func (p *progress) live(what string, status func() string) (stop func()) {
	if p.w == nil {
		return func() {}
	}
	if !p.terminal {
		return func() { p.step("%s: %s", what, status()) }
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	start := time.Now()
	go func() {
		defer wg.Done()
		t := time.NewTicker(redrawEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				// \r and erase-line: redraw the same terminal line.
				fmt.Fprintf(p.w, "\r\x1b[Ksite: %s… %s (%s)", what, status(), time.Since(start).Round(time.Second))
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		fmt.Fprintf(p.w, "\r\x1b[Ksite: %s: %s\n", what, status())
	}
}

// countingFs counts the files Hugo creates, which is the only measure of
// its progress the library offers.
type countingFs struct {
	afero.Fs
	created atomic.Int64
}

func (c *countingFs) Create(name string) (afero.File, error) {
	f, err := c.Fs.Create(name)
	if err == nil {
		c.created.Add(1)
	}
	return f, err
}

func (c *countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := c.Fs.OpenFile(name, flag, perm)
	if err == nil && flag&os.O_CREATE != 0 {
		c.created.Add(1)
	}
	return f, err
}
