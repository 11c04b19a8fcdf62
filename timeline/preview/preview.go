// Package preview serves a built site on the loopback interface and builds
// it again whenever its sources change, for an author to watch the
// timeline while editing articles, the config or the theme.
//
// The sources are polled rather than watched through the operating
// system: a poll of a few thousand files costs a few milliseconds, sees
// through editors that save by renaming, and needs no per-folder set-up
// as folders come and go. A change is acted on once the files have been
// still for one poll, so saving many files at once builds once.
//
// Pages are served from a copy in memory of the last site that built
// without error, taken once its build is over: a build under way, or
// one that failed, never shows a half-written site; after a failed one,
// each page shows its error at the top. Requests are looked up in that
// copy by cleaned path, so nothing outside the site can be named, and
// the copy holds no link out of the site's folder.
package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Options say what to build, what to watch and where to serve.
type Options struct {
	// Port is the port on 127.0.0.1; 0 picks a free one.
	Port int
	// Build builds the site and returns the folder it was written to.
	Build func() (dir string, err error)
	// Watch returns the files and folders whose changes call for a new
	// build, and the folders among them to pass over (the built site
	// itself). It is asked again before every build, since a build's
	// settings may move them.
	Watch func() (paths, skip []string)
	// Interval is how often the sources are checked; zero means 300ms.
	Interval time.Duration
	// Log receives a line per build and the errors of failed ones.
	Log io.Writer
	// Ready, if set, is called with the site's address once it is served.
	Ready func(url string)
}

// Serve builds the site, serves it until ctx is done, and builds it again
// after every change. A failed build is reported and the last good site
// stays up, so mistakes can be fixed while watching.
func Serve(ctx context.Context, opt Options) error {
	if opt.Interval <= 0 {
		opt.Interval = 300 * time.Millisecond
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	// Loopback only: a preview is for the author, not the network. The
	// port is taken first, so that a busy one fails at once; until the
	// first build is over, pages answer that it is under way.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opt.Port)))
	if err != nil {
		return fmt.Errorf("%w; pick another port with --port", err)
	}
	s := &server{opt: opt}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	paths, skip := watched(opt.Watch)
	seen := scan(paths, skip)
	s.build("")
	if opt.Ready != nil {
		opt.Ready("http://" + ln.Addr().String() + "/")
	}

	tick := time.NewTicker(opt.Interval)
	defer tick.Stop()
	var pending map[string]stamp // the change seen at the last poll, if any
	for {
		select {
		case <-ctx.Done():
			// Requests under way may finish; a connection that stays
			// silent (a browser's preconnect) or a client that reads too
			// slowly is cut rather than waited for.
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutdown); errors.Is(err, context.DeadlineExceeded) {
				return srv.Close()
			} else if err != nil {
				return err
			}
			return nil
		case err := <-served:
			return err
		case <-tick.C:
		}
		now := scan(paths, skip)
		switch {
		case maps.Equal(now, seen):
			pending = nil
		case pending == nil || !maps.Equal(now, pending):
			// Still changing: wait for it to settle.
			pending = now
		default:
			what := changed(seen, now)
			// Stamp before building: what changes during the build is
			// then seen at the next poll.
			paths, skip = watched(opt.Watch)
			seen, pending = scan(paths, skip), nil
			s.build(what)
		}
	}
}

// watched asks what to watch, as absolute paths, so that the folders to
// skip are recognized however they were named.
func watched(watch func() (paths, skip []string)) (absPaths, absSkip []string) {
	paths, skip := watch()
	abs := func(list []string) []string {
		out := make([]string, 0, len(list))
		for _, p := range list {
			if a, err := filepath.Abs(p); err == nil {
				out = append(out, a)
			}
		}
		return out
	}
	return abs(paths), abs(skip)
}

// server holds the site being served.
type server struct {
	opt  Options
	site atomic.Pointer[snapshot]
	// failed is the error of the last build when no build ever
	// succeeded, shown instead of a site.
	failed atomic.Pointer[string]
	// broken is the error of the last build when it failed after one
	// that did not: the last good site is served, each page with this
	// error at its top.
	broken atomic.Pointer[string]
}

// snapshot is a built site in memory, by slash-separated path.
type snapshot struct {
	files map[string][]byte
	built time.Time
}

func (s *server) build(why string) {
	if why != "" {
		fmt.Fprintf(s.opt.Log, "preview: %s changed; building again\n", why)
	}
	began := time.Now()
	dir, err := s.opt.Build()
	var snap *snapshot
	if err == nil {
		snap, err = load(dir)
	}
	if err != nil {
		msg := err.Error()
		if s.site.Load() == nil {
			s.failed.Store(&msg)
			fmt.Fprintf(s.opt.Log, "preview: the build failed; fix it and save, and the site will be built again:\n%v\n", err)
		} else {
			s.broken.Store(&msg)
			fmt.Fprintf(s.opt.Log, "preview: the build failed; still serving the last good site:\n%v\n", err)
		}
		return
	}
	s.site.Store(snap)
	s.broken.Store(nil)
	if why != "" {
		fmt.Fprintf(s.opt.Log, "preview: built in %s\n", time.Since(began).Round(time.Millisecond))
	}
}

// load reads a built site into memory, hidden files (the build's own
// list of files, a publish under way) left out. Only regular files are
// read, and a symbolic link only when it leads to one inside the site:
// a link out of it (to ~/.ssh, to /etc) is never served, and a named
// pipe cannot stall the preview.
func load(dir string) (*snapshot, error) {
	snap := &snapshot{files: map[string][]byte{}, built: time.Now()}
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && !linksInside(dir, p) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		snap.files[filepath.ToSlash(rel)] = b
		return err
	})
	return snap, err
}

// linksInside reports whether p is a symbolic link to a regular file
// inside dir.
func linksInside(dir, p string) bool {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, target)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	fi, err := os.Stat(target)
	return err == nil && fi.Mode().IsRegular()
}

// withError puts the error of the last build at the top of a page's
// body, escaped, so the author sees that the page is the last good
// site's, and why the new one is not there.
func withError(page []byte, msg string) []byte {
	at := bytes.Index(page, []byte("<body"))
	if at < 0 {
		return page
	}
	end := bytes.IndexByte(page[at:], '>')
	if end < 0 {
		return page
	}
	at += end + 1
	note := fmt.Sprintf(`<div role="alert" style="margin:0;padding:1em;background:#fee;color:#600;border-bottom:2px solid #c00;font:14px/1.4 system-ui,sans-serif">`+
		`<strong>The last build failed</strong>: this is the site as the build before it left it. Fix the error and save to build again.`+
		`<pre style="white-space:pre-wrap;margin:.5em 0 0">%s</pre></div>`, html.EscapeString(msg))
	out := make([]byte, 0, len(page)+len(note))
	out = append(out, page[:at]...)
	out = append(out, note...)
	return append(out, page[at:]...)
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The author should always see the latest build.
	w.Header().Set("Cache-Control", "no-cache")
	snap := s.site.Load()
	if snap == nil {
		msg := "the site is being built"
		if f := s.failed.Load(); f != nil {
			msg = "the site could not be built:\n\n" + *f
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "<!doctype html><title>Preview</title><pre>%s</pre>", html.EscapeString(msg))
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	b, ok := snap.files[name]
	if !ok {
		if _, dir := snap.files[path.Join(name, "index.html")]; dir {
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, r)
		return
	}
	modified := snap.built
	if msg := s.broken.Load(); msg != nil && strings.HasSuffix(name, ".html") {
		// No modification time: a browser's copy without the error must
		// not be revalidated as current.
		b, modified = withError(b, *msg), time.Time{}
	}
	http.ServeContent(w, r, name, modified, bytes.NewReader(b))
}

// stamp is what a poll knows of a file: enough to tell that it changed.
type stamp struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
}

// scan stamps every file under paths, skipping hidden files and folders
// (.git, an editor's swap files) and the folders in skip.
func scan(paths, skip []string) map[string]stamp {
	out := map[string]stamp{}
	for _, root := range paths {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// Gone, or unreadable: as if absent, so that its coming
				// back is a change.
				return nil
			}
			hidden := strings.HasPrefix(d.Name(), ".") && p != root
			if d.IsDir() && (hidden || slices.Contains(skip, p)) {
				return fs.SkipDir
			}
			if hidden {
				return nil
			}
			if fi, err := d.Info(); err == nil {
				out[p] = stamp{fi.Size(), fi.ModTime(), fi.Mode()}
			}
			return nil
		})
	}
	return out
}

// changed names a file that differs between two scans, for the log.
func changed(before, after map[string]stamp) string {
	var names []string
	for p, st := range after {
		if old, ok := before[p]; !ok || old != st {
			names = append(names, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			names = append(names, p)
		}
	}
	slices.Sort(names)
	switch len(names) {
	case 0:
		return "something"
	case 1:
		return display(names[0])
	}
	return fmt.Sprintf("%s and %d more", display(names[0]), len(names)-1)
}

// display shortens a path below the current folder to a relative one.
func display(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return p
}
