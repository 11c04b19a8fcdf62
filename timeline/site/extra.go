package site

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// The extra files (the exports) are written while the site is built: each
// on a goroutine of its own, straight into a file of a scratch folder,
// from where it is moved into the staged site once Hugo has rendered it.
// None is ever held whole in memory.

// spooledFile is an extra file written to disk until it is published:
// name is its path in the site, file where it waits.
type spooledFile struct{ name, file string }

// spooling is the extra files being written.
type spooling struct {
	wg     sync.WaitGroup
	once   sync.Once
	files  []spooledFile
	errs   []error
	failed func(name string, err error)
}

// startSpool starts writing each extra file into dir.
func startSpool(dir string, extra []Extra, failed func(name string, err error)) *spooling {
	s := &spooling{files: make([]spooledFile, len(extra)), errs: make([]error, len(extra)), failed: failed}
	for i, x := range extra {
		s.files[i] = spooledFile{x.Name, filepath.Join(dir, strconv.Itoa(i))}
		s.wg.Go(func() { s.errs[i] = spoolFile(s.files[i].file, x) })
	}
	return s
}

// wait waits for every extra file and returns those written whole. The
// first call reports each that failed to the failed function.
func (s *spooling) wait() []spooledFile {
	s.wg.Wait()
	var out []spooledFile
	for i, f := range s.files {
		if s.errs[i] == nil {
			out = append(out, f)
		}
	}
	s.once.Do(func() {
		for i, err := range s.errs {
			if err != nil && s.failed != nil {
				s.failed(s.files[i].name, err)
			}
		}
	})
	return out
}

// spoolFile writes x into file; a Write that fails or panics leaves no
// file. A JSON file is made safe to embed in a page's <script>, as
// events.js is (see jsonEscaper).
func spoolFile(file string, x Extra) (err error) {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(file)
		}
	}()
	buf := bufio.NewWriterSize(f, 64<<10)
	if !strings.HasSuffix(x.Name, ".json") {
		if err := x.Write(buf); err != nil {
			return err
		}
		return buf.Flush()
	}
	esc := &jsonEscaper{w: buf}
	if err := x.Write(esc); err != nil {
		return err
	}
	if err := esc.Close(); err != nil {
		return err
	}
	return buf.Flush()
}

// jsonEscaper passes JSON through as json.HTMLEscape rewrites it: "<",
// ">", "&", U+2028 and U+2029 become \u escapes, which mean the same to
// every JSON reader (in JSON they can only stand inside strings) and
// cannot end a <script> or a line of one. It writes the runs between
// them as they come, and holds back the first bytes of a U+2028 or
// U+2029 that a write cuts; Close writes what it holds.
type jsonEscaper struct {
	w    io.Writer
	held []byte
	err  error
}

const hexDigits = "0123456789abcdef"

func (e *jsonEscaper) Write(p []byte) (int, error) {
	src := p
	if len(e.held) > 0 {
		src = append(e.held, p...)
		e.held = nil
	}
	start := 0
	for i := 0; i < len(src) && e.err == nil; i++ {
		switch c := src[i]; {
		case c == '<' || c == '>' || c == '&':
			e.write(src[start:i], '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(src):
			if src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
				e.write(src[start:i], '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
				start = i + 3
				i += 2
			}
		case c == 0xE2 && (i+1 == len(src) || src[i+1] == 0x80):
			// Cut by the end of the write: the rest may be next.
			e.held = append([]byte(nil), src[i:]...)
			src = src[:i]
		}
	}
	e.write(src[start:])
	if e.err != nil {
		return 0, e.err
	}
	return len(p), nil
}

// write writes a run of the input and the escape that ends it.
func (e *jsonEscaper) write(run []byte, escape ...byte) {
	if e.err == nil {
		_, e.err = e.w.Write(run)
	}
	if e.err == nil && len(escape) > 0 {
		_, e.err = e.w.Write(escape)
	}
}

// Close writes the bytes held back, which were no U+2028 or U+2029.
func (e *jsonEscaper) Close() error {
	e.write(e.held)
	e.held = nil
	return e.err
}
