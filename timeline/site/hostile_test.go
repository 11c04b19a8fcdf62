package site

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/internal/browsertest"
	"conflict-timeline/timeline/internal/testenv"
)

// payload is what a hostile article puts in a field: every way into a
// page a script has, each naming the field it came through when it runs.
func payload(field string) string {
	q := fmt.Sprintf("%q", field)
	return ` "'><script>alert(` + q + `)</script><img src=x onerror="window.__xss=` + strings.ReplaceAll(q, `"`, `'`) + `">` +
		`<svg onload=confirm(` + q + `)></svg><a href="javascript:prompt(` + q + `)">x</a>` +
		`</script><!--<script>alert(` + q + `)//--> ` + "\u2028\u2029" +
		` {{ .Site.Title }} {{< stat "events" >}} javascript:alert(` + q + `)`
}

// hostileInput is a generated timeline with a payload in every field that
// comes from an article: titles, texts, sources, file names, places,
// actors, types, IDs, reasons, and links to javascript: and data: URLs,
// and dates that are no dates.
func hostileInput() Input {
	n := 0
	in := generated(12, 3, func(field string) string {
		if field == "url" {
			n++
			if n%2 == 0 {
				return `data:text/html,<script>alert("url")</script>`
			}
			return ` JaVaScript:alert("url")`
		}
		return payload(field)
	})
	in.Articles[0].Anchor.Date = payload("anchor date")
	in.Articles[1].Timexes[0].Value = payload("timex value")
	e := &in.Timeline.Events[0]
	e.Date, e.End, e.Earliest, e.Latest = "2016-07-01", payload("end"), payload("earliest"), payload("latest")
	in.Timeline.Events[1].Sources[0].URL = "javascript:alert('source url')"
	in.Timeline.Events[1].Sources[0].Title = payload("source title")
	in.Timeline.Events[2].Sources[0].Timex.Value = payload("source timex")
	return in
}

// TestHostileSite builds a site from hostile input and loads every page
// of it in chromium, from disk: no dialog may open, no console error be
// logged, and no script, handler, javascript: URL or frame that came
// from the input may be in any page.
func TestHostileSite(t *testing.T) {
	chromium := testenv.Chromium(t)
	dir := build(t, "testdata/project", hostileInput(), Options{})
	root := browsertest.FileRoot(dir)
	b := browsertest.Start(t, chromium, browsertest.Within(root))
	tb := b.Tab(t)
	var pages []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(dir, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(pages)
	if len(pages) < 50 {
		t.Fatalf("the hostile site has %d pages; the generator makes more", len(pages))
	}
	// The site's own scripts: the theme's and the filter's data.
	allowed := []string{"js/timeline.js"}
	for name := range filterFiles(newSiteData(hostileInput())) {
		allowed = append(allowed, name)
	}
	for _, p := range pages {
		tb.Open(root + p)
		tb.Check(p)
		for _, bad := range browsertest.Injected(tb, allowed...) {
			t.Errorf("%s: %s", p, bad)
		}
	}
	t.Logf("loaded %d pages", len(pages))
}

// TestHostileSiteSource checks the hostile site's files without a
// browser: the payloads' markup reaches no page unescaped, a link to the
// original is never a script, and the scripts and data the site writes
// can be embedded in a page as they are.
func TestHostileSiteSource(t *testing.T) {
	in := hostileInput()
	extra := map[string][]byte{"events.json": []byte(`{"text":"</script><!--<script>` + "\u2028\u2029" + `"}`)}
	files := tree(t, build(t, "testdata/project", in, Options{Extra: extras(extra)}))
	for name, content := range files {
		switch {
		case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".xml"):
			for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", `href="javascript:`, `href="data:`, "<!--<script>", "onerror=\"window"} {
				if strings.Contains(content, bad) {
					t.Errorf("%s holds %q", name, bad)
				}
			}
			if strings.Contains(strings.ToLower(content), "href=\" javascript:") {
				t.Errorf("%s links to a javascript: URL", name)
			}
		case strings.HasSuffix(name, ".js"), strings.HasSuffix(name, ".json"):
			if name == "js/timeline.js" {
				continue // the theme's own script
			}
			for _, bad := range []string{"</script", "<!--", "\u2028", "\u2029"} {
				if strings.Contains(strings.ToLower(content), bad) {
					t.Errorf("%s holds %q: it could not be embedded in a page's <script>", name, bad)
				}
			}
		}
	}
	// The payloads did reach the pages, as text.
	for _, field := range []string{"article title", "text", "source", "place", "actor", "type", "event reason", "anchor reason", "file"} {
		want := "&lt;script&gt;alert(&#34;" + field + "&#34;)&lt;/script&gt;"
		if !slices.ContainsFunc(slices.Collect(maps.Values(files)), func(c string) bool { return strings.Contains(c, want) }) {
			t.Errorf("no page shows the payload of the %s as text", field)
		}
	}
	var data strings.Builder
	for name, content := range files {
		if strings.HasPrefix(name, "filter/") {
			data.WriteString(content)
		}
	}
	if !strings.Contains(data.String(), `\u003c/script\u003e`) {
		t.Error("the filter's data does not carry the payload escaped; was it in the input?")
	}
}
