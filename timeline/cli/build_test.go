package cli

import (
	"context"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/export"
	"conflict-timeline/timeline/timex"
)

// realEnv runs the commands on the real steps, as cmd/timeline does.
func realEnv() (*env, *syncBuilder, *syncBuilder) {
	var out, errs syncBuilder
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errs, resolve: timex.Resolve}, &out, &errs
}

// syncBuilder is a strings.Builder that a command running in another
// goroutine (serve) may write to while the test reads it.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDefaultBuildsTheSeeds: "timeline" with no command builds the
// repository's own timeline, on the real steps, the same twice over.
func TestDefaultBuildsTheSeeds(t *testing.T) {
	var sites []map[string]string
	for range 2 {
		dest := filepath.Join(t.TempDir(), "public")
		e, out, errs := realEnv()
		if code := e.main([]string{"--config", "../../config.toml", "--dest", dest}); code != exitOK {
			t.Fatalf("exit %d, stderr:\n%s", code, errs)
		}
		if strings.Contains(out.String(), "problem") {
			t.Errorf("the seeds built with problems:\n%s", errs)
		}
		if !strings.Contains(out.String(), "Built "+dest+": ") {
			t.Errorf("stdout:\n%s", out)
		}
		site := tree(t, dest)
		for _, name := range []string{"index.html", ".nojekyll", "filter/index.js"} {
			if _, ok := site[name]; !ok {
				t.Errorf("no %s", name)
			}
		}
		for _, f := range export.Formats {
			if _, ok := site[f.File]; !ok {
				t.Errorf("no export %s", f.File)
			}
		}
		seeds, _ := filepath.Glob("../../seeds/*.txt")
		pages, _ := filepath.Glob(filepath.Join(dest, "sources", "*.html"))
		if len(pages) != len(seeds)+1 { // and sources/index.html
			t.Errorf("%d source pages for %d seeds", len(pages), len(seeds))
		}
		if events, _ := filepath.Glob(filepath.Join(dest, "events", "*.html")); len(events) == 0 {
			t.Error("no event pages")
		}
		checkOffline(t, dest, site)
		sites = append(sites, site)
	}
	if !maps.Equal(sites[0], sites[1]) {
		for name := range sites[0] {
			if sites[0][name] != sites[1][name] {
				t.Errorf("%s differs between two builds", name)
			}
		}
	}
}

// fakeExtract makes an event of each day the fake resolver found.
func fakeExtract(in []event.Input, _ event.Gazetteer) timeline.Timeline {
	var tl timeline.Timeline
	for _, a := range in {
		for _, tx := range a.Timexes {
			if len(tx.Value) == len("2016-08-02") {
				tl.Events = append(tl.Events, timeline.Event{ID: tx.Value + "-" + a.Article.Slug, Date: tx.Value, Precision: timeline.PrecisionDay, Text: a.Article.Text,
					Sources: []timeline.Source{{Article: a.Article.Slug, Timex: timeline.SourceTimex{Start: tx.Start, End: tx.End, Text: tx.Text, Value: tx.Value}}}})
			}
		}
	}
	return tl
}

var fakeExports = []export.Format{{Name: "ids", File: "events.txt", Write: func(w io.Writer, tl timeline.Timeline) error {
	for _, e := range tl.Events {
		io.WriteString(w, e.ID+"\n")
	}
	return nil
}}}

// TestBuild: a bad file is named on stderr and the rest is built; the
// base URL reaches the site.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":        "[timeline]\nsource = \"articles\"\n[site]\ntitle = \"Talks\"\n",
		"articles/talks.md":  "---\ntitle: Talks resume\ndate: 2016-08-02\n---\nThe talks resumed on Tuesday after three years.\n",
		"articles/empty.txt": "  \n",
	})
	var out, errs strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errs, resolve: fakeResolve, extract: fakeExtract, exports: fakeExports}
	code := e.main([]string{"build", "--config", filepath.Join(dir, "config.toml"), "--base-url", "https://user.github.io/repo/"})
	if code != exitSkipped {
		t.Fatalf("exit %d, want %d (built, a file left out); stderr:\n%s", code, exitSkipped, errs.String())
	}
	dest := filepath.Join(dir, "public")
	for _, want := range []string{
		"timeline: " + filepath.Join(dir, "articles", "empty.txt") + ": empty file\n",                                     // as it was met
		"timeline: 1 problem left out or cut short:\n  " + filepath.Join(dir, "articles", "empty.txt") + ": empty file\n", // and at the end
		"site: wrote ", // progress
	} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs.String())
		}
	}
	for _, want := range []string{
		"Built " + dest + ": 1 event from 1 article, without what the 1 problem above left out.\n",
		"Exports: events.txt.\n",
		"Open file://" + filepath.ToSlash(dest) + "/index.html, or preview it with 'timeline serve'.\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out.String())
		}
	}
	site := tree(t, dest)
	if site["events.txt"] != "2016-08-02-talks\n" {
		t.Errorf("events.txt = %q", site["events.txt"])
	}
	if !strings.Contains(site["index.html"], `<link rel="canonical" href="https://user.github.io/repo/">`) || !strings.Contains(site["index.html"], "<title>Talks</title>") {
		t.Error("the base URL or the title did not reach the site")
	}
}

// TestNewThenBuild: a new project builds at once, empty, and with an
// article once one is added.
func TestNewThenBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "aleppo")
	e, out, errs := realEnv()
	if code := e.main([]string{"new", dir}); code != exitOK {
		t.Fatalf("new: exit %d, stderr:\n%s", code, errs)
	}
	if !strings.Contains(out.String(), "Made a new timeline in "+dir+":\n") || !strings.Contains(out.String(), filepath.Join(dir, ".github", "workflows", "pages.yml")) {
		t.Errorf("new said:\n%s", out)
	}
	cfg := filepath.Join(dir, "config.toml")
	for _, step := range []struct {
		name     string
		files    map[string]string
		articles int
	}{
		{"empty", nil, 0},
		{"one article", map[string]string{"articles/siege.txt": "Siege broken\n\nALEPPO, Aug 7 (Reuters) - Rebels said on Saturday they had broken the siege of Aleppo.\n"}, 1},
	} {
		writeFiles(t, dir, step.files)
		e, out, errs := realEnv()
		if code := e.main([]string{"build", "--config", cfg}); code != exitOK {
			t.Fatalf("%s: exit %d, stderr:\n%s", step.name, code, errs)
		}
		if !strings.Contains(out.String(), " from "+count(step.articles, "article")+".\n") {
			t.Errorf("%s: stdout:\n%s", step.name, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "public", "about.html")); err != nil {
			t.Errorf("%s: the about page of the new project was not built: %v", step.name, err)
		}
	}
}

// TestServeRebuilds: serve answers with the built site, and with the new
// text once an article changes.
func TestServeRebuilds(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":       "[timeline]\nsource = \"articles\"\n",
		"articles/talks.md": "---\ntitle: Talks resume\ndate: 2016-08-02\n---\nThe talks resumed on Tuesday after three years.\n",
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan string, 1)
	var out, errs syncBuilder
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errs, resolve: fakeResolve, extract: fakeExtract, exports: fakeExports,
		ctx: ctx, served: func(url string) { served <- url }}
	done := make(chan int, 1)
	go func() {
		done <- e.main([]string{"serve", "--port", "0", "--config", filepath.Join(dir, "config.toml")})
	}()
	defer func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve: exit %d, stderr:\n%s", code, errs.String())
		}
	}()

	var url string
	select {
	case url = <-served:
	case code := <-done:
		t.Fatalf("serve: exit %d, stderr:\n%s", code, errs.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start within 60s; stderr:\n%s", errs.String())
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("serving at %s; want loopback only", url)
	}
	waitFor(t, url+"sources/talks.html", "Talks resume")

	writeFiles(t, dir, map[string]string{"articles/talks.md": "---\ntitle: Talks broke down\ndate: 2016-08-02\n---\nThe talks ended on Tuesday without agreement.\n"})
	waitFor(t, url+"sources/talks.html", "Talks broke down")
	if !strings.Contains(out.String(), "Serving the timeline at "+url) {
		t.Errorf("stdout:\n%s", out.String())
	}
}

// waitFor polls url until its page has want, within a deadline generous
// enough for a slow machine: how fast a rebuild comes is not tested.
func waitFor(t *testing.T, url, want string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && strings.Contains(string(b), want) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never had %q (last error %v)", url, want, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkOffline checks what opening the site from disk needs: every style,
// script and icon is a file of the site named relatively, and so is every
// link but those to the articles' originals. (Package site checks the
// same in a browser on its fixture, and package pipeline on the seeds.)
func checkOffline(t *testing.T, dir string, site map[string]string) {
	t.Helper()
	resource := regexp.MustCompile(`<(?:link|script|img)[^>]*(?:href|src)="([^"]*)"`)
	anchor := regexp.MustCompile(`<a [^>]*href="([^"]*)"`)
	for name, content := range site {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		var links []string
		for _, m := range resource.FindAllStringSubmatch(content, -1) {
			if !strings.Contains(m[0], `rel="canonical"`) {
				links = append(links, m[1])
			}
		}
		for _, m := range anchor.FindAllStringSubmatch(content, -1) {
			if !strings.Contains(m[1], "://") {
				links = append(links, m[1])
			}
		}
		for _, link := range links {
			target, _, _ := strings.Cut(link, "#")
			if target == "" && strings.HasPrefix(link, "#") {
				continue
			}
			if strings.HasPrefix(link, "/") || strings.Contains(link, "://") {
				t.Errorf("%s: %q is not relative", name, link)
				continue
			}
			path := filepath.Join(dir, filepath.Dir(filepath.FromSlash(name)), filepath.FromSlash(target))
			if fi, err := os.Stat(path); err != nil || fi.IsDir() {
				t.Errorf("%s: %q names no file of the site", name, link)
			}
		}
	}
}
