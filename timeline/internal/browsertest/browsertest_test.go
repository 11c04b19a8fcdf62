package browsertest

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"conflict-timeline/timeline/internal/testenv"
)

// recorder keeps the errors a check reports instead of failing the test,
// so that a test can see the harness catch what it must catch.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) all() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "\n")
}

// TestHarnessCatches runs the harness over a small bad site: a harness
// that misses a console error, an exception, a request leaving the
// machine or a broken link would let every browser test pass wrongly.
func TestHarnessCatches(t *testing.T) {
	chromium := testenv.Chromium(t)
	var outsideHits atomic.Int64
	outside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		outsideHits.Add(1)
	}))
	defer outside.Close()

	dir := t.TempDir()
	head := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"></head><body>`
	files := map[string]string{
		"index.html": head + `<main><h1>Home</h1><h3>Skipped a level</h3>
<p><time datetime="Aug 2016">August 2016</time></p>
<p><a href="other.html#there">fine</a> <a href="other.html#nowhere">no such element</a>
<a href="missing.css">no such file</a> <a href="https://example.org/original">an original</a>
<a href="http://example.org/plain">plain http</a></p>
<img src="` + outside.URL + `/pixel.png" alt="">
<script>console.error("boom")</script></main></body></html>`,
		"other.html": head + `<main><h1 id="there">Other</h1></main><script>throw new Error("bang")</script></body></html>`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := Serve(t, dir, "/site")
	b := Start(t, chromium, Within(root))
	rec := &recorder{TB: t}
	pages := Crawl(rec, b.Tab(rec), root, dir)
	if len(pages) != 2 {
		t.Errorf("crawled %d pages, want 2", len(pages))
	}
	got := rec.all()
	for _, want := range []string{
		`index.html: console.error: "boom"`,
		"index.html: request leaves the site: " + outside.URL + "/pixel.png",
		"index.html: blocked request to " + outside.URL + "/pixel.png",
		"other.html: uncaught exception",
		"Error: bang",
		"index.html: heading h3 follows h1",
		`index.html: <time datetime="Aug 2016">`,
		"index.html: link to #nowhere, which other.html does not have",
		"index.html: link " + root + "missing.css",
		"index.html: link http://example.org/plain leaves the site",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the harness did not report %q; it reported:\n%s", want, got)
		}
	}
	for _, wrong := range []string{"#there", "https://example.org/original"} {
		if strings.Contains(got, wrong) {
			t.Errorf("the harness reported %q, which is fine:\n%s", wrong, got)
		}
	}
	if n := outsideHits.Load(); n != 0 {
		t.Errorf("%d requests reached the server outside the site", n)
	}
}

// TestOnlyTestsImport: the harness starts browsers and fails tests; no
// program code may depend on it.
func TestOnlyTestsImport(t *testing.T) {
	const self = "conflict-timeline/timeline/internal/browsertest"
	root := testenv.RepoRoot()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == self {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s imports %s, which only tests may use", rel, self)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
