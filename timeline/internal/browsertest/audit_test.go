package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline/internal/testenv"
)

// TestHarnessCatchesScripts: a page that some input got a script into
// is caught by the dialogs it opens and by what Injected finds in it,
// and a clean page passes.
func TestHarnessCatchesScripts(t *testing.T) {
	chromium := testenv.Chromium(t)
	dir := t.TempDir()
	head := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"></head><body><main><h1>t</h1>`
	files := map[string]string{
		"bad.html": head + `<script>alert("one")</script><script>confirm("two")</script>
<img alt="" src="x.png" onerror="window.__xss = 'img'"><a href=" JaVaScript:prompt('three')">x</a><a href="data:text/html,hi">d</a>
<iframe srcdoc="hi"></iframe><script src="js/evil.js"></script></main></body></html>`,
		"good.html": head + `<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="#ZgotmplZ">escaped</a></p></main>
<script type="application/json" id="words">{"a":"\u003c/script\u003e"}</script><script src="js/site.js"></script></body></html>`,
		"js/site.js":  "",
		"js/evil.js":  "",
		"x.png":       "not a picture",
		"favicon.ico": "",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := FileRoot(dir)
	b := Start(t, chromium, Within(root))
	tb := b.Tab(t)

	tb.Open(root + "bad.html")
	got := strings.Join(append(tb.Problems(), Injected(tb, "js/site.js")...), "\n")
	for _, want := range []string{
		`JavaScript alert dialog: "one"`,
		`JavaScript confirm dialog: "two"`,
		"inline script: alert(\"one\")",
		`<img onerror=`,
		`<a href=" JaVaScript:prompt('three')">`,
		`<a href="data:text/html,hi">`,
		"<iframe> element",
		"<iframe srcdoc>",
		"script src=js/evil.js",
		"window.__xss was set: img",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the audit did not report %q; it reported:\n%s", want, got)
		}
	}

	tb.Open(root + "good.html")
	if got := append(tb.Problems(), Injected(tb, "js/site.js")...); len(got) > 0 {
		t.Errorf("a clean page was reported: %q", got)
	}
}
