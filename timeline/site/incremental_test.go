package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"conflict-timeline/theme"
)

// TestSiteDataStreamed: the data file written one item at a time is the
// bytes json.Marshal gives, for a timeline with every kind of item and
// for an empty one.
func TestSiteDataStreamed(t *testing.T) {
	for name, in := range map[string]Input{"fixture": fixture(), "generated": generated(30, 3, nil), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			data := newSiteData(in)
			want, err := json.Marshal(data)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if _, err := encodeSiteData(&got, &data); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("streamed data differs from json.Marshal:\n%.300s\nwant\n%.300s", got.Bytes(), want)
			}
		})
	}
}

// rendered matches the progress line of a build that reuses pages.
var rendered = regexp.MustCompile(`rendering (\d+) of (\d+) event, source, period and term pages`)

// TestIncrementalSameAsFull: a build over the last one gives the very
// site a build from scratch gives, for each kind of change; one that
// changes an event's data renders only a few pages.
func TestIncrementalSameAsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("builds many sites")
	}
	base := func() Input { return generated(40, 5, nil) }
	cases := []struct {
		name   string
		from   func() Input // the first build's; nil: base
		change func(project string) Input
		// most is the most event, source and period pages the build
		// may render; -1: it renders all.
		most int
		mode EventPages
	}{
		{"unchanged", nil, func(string) Input { return base() }, 16, ""},
		{"change one event", nil, func(string) Input {
			in := base()
			in.Timeline.Events[10].Summary = "A new summary by the editor"
			return in
		}, 5, ""},
		// An article of two events: its page, its events, the events
		// beside them (prev and next), the source pages of all these and
		// the period pages of its events.
		{"add one article", nil, func(string) Input { return generated(41, 5, nil) }, 18, ""},
		{"remove one article", func() Input { return generated(41, 5, nil) }, func(string) Input { return base() }, 16, ""},
		{"change a word", nil, func(project string) Input {
			writeFiles(t, project, map[string]string{"i18n/en.toml": "[citeTitle]\nother = \"How to cite it\"\n"})
			return base()
		}, -1, ""},
		{"change a template", nil, func(project string) Input {
			b, err := fs.ReadFile(theme.FS, "layouts/_partials/site-title.html")
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, project, map[string]string{"theme/layouts/_partials/site-title.html": string(b) + "{{/* changed */}}\n"})
			return base()
		}, -1, ""},
	}
	// Without event pages, the changes to the data are tried again: source,
	// period and term pages are then reused. An event shows on its
	// period's page, its source's and its terms' (a type, two places, an
	// actor): a changed one renders one more page than with event pages,
	// whose term pages Hugo always renders; an article of two events,
	// its page, at most two periods' and eight terms'.
	offMost := map[string]int{"change one event": 6, "add one article": 11, "remove one article": 11}
	for _, c := range cases[:4] {
		if n, ok := offMost[c.name]; ok {
			c.most = n
		}
		c.name = "without event pages/" + c.name
		c.mode = EventPagesNever
		cases = append(cases, c)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			project := benchProject(t)
			dest := filepath.Join(t.TempDir(), "public")
			from := c.from
			if from == nil {
				from = base
			}
			build(t, project, from(), Options{DestDir: dest, CacheDir: filepath.Join(project, ".timeline-cache", "site"), EventPages: c.mode})
			in := c.change(project)
			var progress bytes.Buffer
			build(t, project, in, Options{DestDir: dest, Progress: &progress, CacheDir: filepath.Join(project, ".timeline-cache", "site"), EventPages: c.mode})

			fresh := benchProject(t)
			want := build(t, fresh, c.change(fresh), Options{DestDir: filepath.Join(t.TempDir(), "public"), EventPages: c.mode})
			sameTree(t, dest, tree(t, want), "the site built over the last one")

			m := rendered.FindStringSubmatch(progress.String())
			switch {
			case c.most < 0 && m != nil:
				t.Errorf("the build reused pages it should have rendered: %s", m[0])
			case c.most >= 0 && m == nil:
				t.Errorf("the build rendered every page; progress:\n%s", progress.String())
			case c.most >= 0:
				if n, _ := strconv.Atoi(m[1]); n > c.most {
					t.Errorf("%s; want at most %d", m[0], c.most)
				}
			}
		})
	}
}

// TestIncrementalChecksFiles: a page file changed by hand since the last
// build is rendered again, not reused.
func TestIncrementalChecksFiles(t *testing.T) {
	project := benchProject(t)
	dest := filepath.Join(t.TempDir(), "public")
	in := generated(20, 2, nil)
	build(t, project, in, Options{DestDir: dest, CacheDir: filepath.Join(project, ".timeline-cache", "site")})
	want := tree(t, dest)
	var page string
	for name := range want {
		if strings.HasPrefix(name, "events/") {
			page = name
			break
		}
	}
	path := filepath.Join(dest, filepath.FromSlash(page))
	os.Remove(path)
	writeFiles(t, dest, map[string]string{page: "spoiled"})
	build(t, project, in, Options{DestDir: dest, CacheDir: filepath.Join(project, ".timeline-cache", "site")})
	sameTree(t, dest, want, "the site rebuilt over a spoiled page")
}

// TestPlan: a page is reused only when its digest is the cached one and
// its file is the very one the cache describes, in the destination the
// cache was made for.
func TestPlan(t *testing.T) {
	cache, dest := t.TempDir(), t.TempDir()
	files := map[string]string{"events/a.html": "a", "events/b.html": "b", "sources/c.html": "c"}
	writeFiles(t, dest, files)
	digests := map[string]digest{}
	for f := range files {
		digests[f] = digest{f[0], f[len(f)-6]}
	}
	if err := writeCache(cache, dest, digests, true); err != nil {
		t.Fatal(err)
	}
	changed := maps.Clone(digests)
	changed["events/b.html"] = digest{9}
	changed["events/new.html"] = digest{8}
	cases := []struct {
		name       string
		dest       string
		digests    map[string]digest
		touch      string // a file rewritten since the cache was made
		reuse, ren []string
	}{
		{"same", dest, digests, "", []string{"events/a.html", "events/b.html", "sources/c.html"}, nil},
		{"changed", dest, changed, "", []string{"events/a.html", "sources/c.html"}, []string{"events/b", "events/new"}},
		{"rewritten", dest, digests, "sources/c.html", []string{"events/a.html", "events/b.html"}, []string{"sources/c"}},
		{"other destination", t.TempDir(), digests, "", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.touch != "" {
				path := filepath.Join(dest, filepath.FromSlash(c.touch))
				os.Remove(path)
				writeFiles(t, dest, map[string]string{c.touch: "rewritten"})
			}
			p := makePlan(cache, c.dest, c.digests, nil, true)
			if !slices.Equal(p.reuse, c.reuse) || !slices.Equal(p.changed, c.ren) {
				t.Errorf("reuse %q, render %q; want %q, %q", p.reuse, p.changed, c.reuse, c.ren)
			}
		})
	}
	if p := makePlan(cache, dest, digests, nil, false); p.reuse != nil {
		t.Errorf("a project the digests cannot follow reuses %q", p.reuse)
	}
}

// TestEventDigestsIgnorePlaces: the data names an event's articles and
// terms by their places in the lists, but an article or term added
// before them leaves the event's digest as it was.
func TestEventDigestsIgnorePlaces(t *testing.T) {
	own := func(in Input) map[string]digest {
		t.Helper()
		d := newSiteData(in)
		d.linkEvents(false)
		ps, err := encodeSiteData(&bytes.Buffer{}, &d)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]digest{}
		for _, e := range d.Events {
			out[e.Path] = ps.own[e.Path]
		}
		return out
	}
	in := generated(30, 3, nil)
	before := own(in)
	in.Articles = append([]Article{{Slug: "aaa-first", Title: "An article first"}}, in.Articles...)
	in.Timeline.Events[0].Places = append(in.Timeline.Events[0].Places, "Aardvark")
	after := own(in)
	for path, d := range before {
		if after[path] != d && path != "events/"+in.Timeline.Events[0].ID {
			t.Errorf("%s: digest changed with an article and a term added before its own", path)
		}
	}
}
