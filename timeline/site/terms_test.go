package site

import (
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline"
)

// termInput is the generated timeline, long enough for terms of two
// pages, with names that test how Hugo names a term: punctuation,
// accents, spaces, and the same name twice in an event. Not one name in
// two spellings ("Al Bab", "al Bab"): Hugo titles such a term by the
// spelling it meets first in a map, which varies from build to build,
// where the data takes the last in page path order.
func termInput() Input {
	in := generated(200, 9, nil)
	odd := [][]string{
		{"U.S.", "Deir ez-Zor"},
		{"Ḥamāh", "Al Bab"},
		{"Al Bab", "Tal Abyad (north)"},
		{"Aleppo", "Idlib"},
		{"Zabadani", "Ḥamāh", "Zabadani"},
		{"Ölberg", "Élysée"},
	}
	for i := range in.Timeline.Events {
		// Planned for a year, and for years from it: Hugo collates the
		// groups' keys, "2016-00-00~2018-00-00p" before "2016-00-00p".
		if e := &in.Timeline.Events[i]; i%13 < 2 && e.Date != "" {
			e.Date, e.Precision, e.Planned, e.Earliest, e.Latest = "2016", timeline.PrecisionYear, true, "2016-01-01", "2016-12-31"
			if i%13 == 0 {
				e.End = "2018"
			}
		}
		if i%7 == 0 {
			e := &in.Timeline.Events[i]
			e.Places = append(slices.Clone(odd[(i/7)%len(odd)]), e.Places...)
			e.Actors = append(e.Actors, odd[(i/7+1)%len(odd)][0])
		}
	}
	return in
}

// eventHref matches a link to an event, to its page or to its card.
var eventHref = regexp.MustCompile(`href="(?:\.\./)*(?:events/[^"#]+\.html|months/[^"#]+\.html#e-[^"]*)"`)

// TestTermsAsHugo: without event pages, the terms the build makes are
// Hugo's, page for page: the taxonomy pages are the same files, and each
// term page, its links to events aside (to the event's page with them,
// to its card without), lists the same events in the same order, with
// the same title, count, URL, pager and headings; with the theme's page
// size and with a project's own.
func TestTermsAsHugo(t *testing.T) {
	in := termInput()
	small := copyProject(t)
	config := read(t, small, "config.toml")
	writeFiles(t, small, map[string]string{"config.toml": strings.Replace(config, "[params]\n", "[params]\n  termPageSize = 30\n", 1)})
	for name, project := range map[string]string{"theme's page size": "testdata/project", "project's page size": small} {
		t.Run(name, func(t *testing.T) {
			opt := Options{BaseURL: "https://user.github.io/repo/"}
			opt.EventPages = EventPagesAlways
			hugo := tree(t, build(t, project, in, opt))
			opt.EventPages = EventPagesNever
			ours := tree(t, build(t, project, in, opt))
			sameTerms(t, ours, hugo)
		})
	}
}

// sameTerms compares the term and taxonomy pages of two sites, links to
// events aside.
func sameTerms(t *testing.T, ours, hugo map[string]string) {
	t.Helper()
	terms := func(site map[string]string) []string {
		var out []string
		for name := range site {
			if s, _, _ := strings.Cut(name, "/"); s == "places" || s == "actors" || s == "types" {
				out = append(out, name)
			}
		}
		slices.Sort(out)
		return out
	}
	want, got := terms(hugo), terms(ours)
	if !slices.Equal(got, want) {
		t.Fatalf("term files:\n%q\nwant Hugo's\n%q", got, want)
	}
	if !slices.ContainsFunc(want, func(n string) bool { return strings.Contains(n, "/page/2.html") }) {
		t.Fatal("no term of two pages: the test tests no pager")
	}
	if !slices.ContainsFunc(want, func(n string) bool {
		return strings.Contains(hugo[n], `id="d-2016-00-00~2018-00-00p"`) && strings.Contains(hugo[n], `id="d-2016-00-00p"`)
	}) {
		t.Fatal("no term page with both planned groups: the test tests no collation of keys")
	}
	for _, name := range want {
		h, o := eventHref.ReplaceAllString(hugo[name], `href="EVENT"`), eventHref.ReplaceAllString(ours[name], `href="EVENT"`)
		if h != o {
			t.Errorf("%s differs from Hugo's:\n%s", name, firstDiff(h, o))
		}
	}
}

// TestNoEventPagesInHugo: without event pages, Hugo has no page for an
// event, nor Hugo's own taxonomies: the event pages' section and terms
// are not among its pages.
func TestNoEventPagesInHugo(t *testing.T) {
	project := copyProject(t)
	writeFiles(t, project, map[string]string{
		"content/all-pages.md":   "---\ntitle: All pages\nlayout: all-pages\n---\n",
		"layouts/all-pages.html": "{{ range site.Pages }}{{ .Kind }} {{ .Path }}\n{{ end }}",
	})
	for _, mode := range []EventPages{EventPagesAlways, EventPagesNever} {
		t.Run(string(mode), func(t *testing.T) {
			dir := build(t, project, fixture(), Options{EventPages: mode})
			list := read(t, dir, "all-pages.html")
			events := strings.Count(list, " /events/")
			terms := strings.Count(list, "term /places/")
			switch {
			case mode == EventPagesAlways && (events == 0 || terms == 0):
				t.Errorf("with event pages, Hugo has %d pages under /events/ and %d terms of places, want some:\n%s", events, terms, list)
			case mode == EventPagesNever && (events != 0 || strings.Contains(list, "term ") || strings.Contains(list, "taxonomy ")):
				t.Errorf("without event pages, Hugo has event pages or taxonomies of its own:\n%s", list)
			case mode == EventPagesNever && !strings.Contains(list, "page /places/aleppo\n"):
				t.Errorf("without event pages, no page for the term Aleppo:\n%s", list)
			}
		})
	}
}

// TestTermIncremental: a term page is reused when its events did not
// change, and rendered when they did.
func TestTermIncremental(t *testing.T) {
	project := benchProject(t)
	dest := filepath.Join(t.TempDir(), "public")
	cache := filepath.Join(project, ".timeline-cache", "site")
	opt := Options{DestDir: dest, CacheDir: cache, EventPages: EventPagesNever}
	in := generated(40, 5, nil)
	build(t, project, in, opt)
	before := tree(t, dest)
	e := &in.Timeline.Events[10]
	e.Summary = "A new summary by the editor"
	build(t, project, in, opt)
	after := tree(t, dest)
	d := newSiteData(in)
	d.linkEvents(false)
	terms := d.Events[slices.IndexFunc(d.Events, func(x eventData) bool { return x.ID == e.ID })].Terms
	own := map[string]bool{}
	for _, ref := range slices.Concat(terms.Types, terms.Places, terms.Actors) {
		own[strings.TrimPrefix(ref.Href, "/")] = true
	}
	if len(own) == 0 {
		t.Fatal("the changed event has no term")
	}
	for _, name := range slices.Sorted(maps.Keys(after)) {
		s, _, _ := strings.Cut(name, "/")
		if s != "places" && s != "types" && s != "actors" || strings.HasSuffix(name, "index.html") {
			continue
		}
		changed := before[name] != after[name]
		if own[name] != changed {
			t.Errorf("%s: changed %v, shows the changed event %v", name, changed, own[name])
		}
	}
}
