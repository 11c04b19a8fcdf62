package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Page is what Crawl read off one page once its scripts had run.
type Page struct {
	Links    []string `json:"links"` // every a[href], absolute
	IDs      []string `json:"ids"`
	Headings []int    `json:"headings"` // levels, in document order
	H1s      int      `json:"h1s"`
	Mains    int      `json:"mains"`
	Lang     string   `json:"lang"`
	Times    []string `json:"times"` // each <time>'s datetime, "" if none
}

const pageJS = `({
	links: [...document.querySelectorAll("a[href]")].map(a => new URL(a.getAttribute("href"), location.href).href),
	ids: [...document.querySelectorAll("[id]")].map(e => e.id),
	headings: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => +h.tagName[1]),
	h1s: document.querySelectorAll("h1").length,
	mains: document.querySelectorAll("main").length,
	lang: document.documentElement.lang,
	times: [...document.querySelectorAll("time")].map(t => t.getAttribute("datetime") || ""),
})`

// validDatetime is the subset of HTML's datetime syntax the site uses:
// a year, a month, a day or a week.
var validDatetime = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$`)

// Crawl walks every page reachable from root's index.html, the site built
// into dir, and returns them by URL. Each page must load cleanly (the
// tab's Check), be structured (one main, one h1, a language, no skipped
// heading level, valid <time datetime>), and every link into the site
// must reach a page, or a file in dir, and an element of that page when
// it has a fragment. Links out of the site may only go to https://
// originals, which readers follow and the test does not.
func Crawl(t testing.TB, tb *Tab, root, dir string) map[string]Page {
	t.Helper()
	pages := map[string]Page{}
	queue := []string{root + "index.html"}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if _, seen := pages[u]; seen {
			continue
		}
		name := strings.TrimPrefix(u, root)
		tb.Open(u)
		p := Eval[Page](tb, pageJS)
		pages[u] = p
		tb.Check(name)

		if p.Mains != 1 || p.H1s != 1 || p.Lang == "" {
			t.Errorf("%s: %d <main>, %d <h1>, lang %q; want 1, 1 and a language", name, p.Mains, p.H1s, p.Lang)
		}
		for i := 1; i < len(p.Headings); i++ {
			if p.Headings[i] > p.Headings[i-1]+1 {
				t.Errorf("%s: heading h%d follows h%d", name, p.Headings[i], p.Headings[i-1])
				break
			}
		}
		for _, dt := range p.Times {
			if !validDatetime.MatchString(dt) {
				t.Errorf("%s: <time datetime=%q>", name, dt)
			}
		}
		for _, l := range p.Links {
			page, _, _ := strings.Cut(l, "#")
			switch {
			case strings.HasPrefix(page, root) && strings.HasSuffix(page, ".html"):
				queue = append(queue, page)
			case strings.HasPrefix(page, root):
				// The feed, the exports and other files: they must exist;
				// there is no page in them to check.
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(page, root)))); err != nil {
					t.Errorf("%s: link %s: %v", name, l, err)
				}
			case strings.HasPrefix(l, "https://") && !strings.HasPrefix(root, "https://"):
				// Links to the original articles: followed by readers, not
				// by this test, and never requested by the page itself.
			default:
				t.Errorf("%s: link %s leaves the site", name, l)
			}
		}
	}
	for u, p := range pages {
		for _, l := range p.Links {
			page, frag, ok := strings.Cut(l, "#")
			// A fragment with "=" is a filter for the script, not an anchor.
			if !ok || frag == "" || strings.Contains(frag, "=") || !strings.HasPrefix(page, root) {
				continue
			}
			if target, ok := pages[page]; ok && !slices.Contains(target.IDs, frag) {
				t.Errorf("%s: link to #%s, which %s does not have", strings.TrimPrefix(u, root), frag, strings.TrimPrefix(page, root))
			}
		}
	}
	return pages
}
