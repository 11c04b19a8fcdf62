package site

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
)

// build renders in with the project into a fresh folder and returns it.
func build(t *testing.T, project string, in Input, opt Options) string {
	t.Helper()
	if opt.DestDir == "" {
		opt.DestDir = t.TempDir()
	}
	opt.ProjectDir = project
	var log bytes.Buffer
	opt.Log = &log
	if err := Build(in, opt); err != nil {
		t.Fatal(err)
	}
	if log.Len() > 0 {
		t.Errorf("Hugo logged:\n%s", log.String())
	}
	return opt.DestDir
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tree maps every file under dir to its content.
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

// copyProject copies testdata/project into a temporary folder the test
// may change.
func copyProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/project")); err != nil {
		t.Fatal(err)
	}
	return dir
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

// TestBuildGolden pins the rendered pages of each kind. Review changes with
// go test -update and git diff.
func TestBuildGolden(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{})
	for _, name := range []string{
		"index.html",
		"index.xml",
		"events/2016-08-11-millis-hospital.html", // uncertain
		"events/2016-08-08-security-council-meeting.html", // planned
		"events/2016-07-23-aleppo-hospitals.html",         // a range
		"events/2012-fighting-aleppo.html",                // background
		"events/undated-aid-warning.html",                 // undated
		"events/2016-08-06-aleppo-siege-broken.html",      // verified, summed up, merged, cited with outlet and author
		"events/a1b2c3d4e5f6.html",                        // added by hand from a web page
		"sources/aleppo-siege-broken.html",                // outlet, author, publication date
		"sources/millis-hospital-strike.html",             // plain text: its headline stands in
		"sources/aid-warning.html",                        // no date of its own
		"sources/index.html",
		"months/2016-07.html",
		"months/index.html",
		"places/aleppo.html",
		"places/index.html",
		"about.html",
	} {
		golden(t, "site/"+name, []byte(read(t, dir, name)))
	}
	for name, want := range filterFiles(newSiteData(fixture())) {
		if got := read(t, dir, name); got != string(want) {
			t.Errorf("%s in the site differs from the data the filter was tested with", name)
		}
	}
}

func TestBuildMakesEveryPage(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{})
	files := tree(t, dir)
	for _, e := range fixture().Timeline.Events {
		if _, ok := files["events/"+e.ID+".html"]; !ok {
			t.Errorf("no page for event %s", e.ID)
		}
	}
	for _, name := range []string{
		".nojekyll", "index.xml", "filter/index.js", "filter/2016-08.js", "filter/background-2011.js", "filter/undated.js", "js/timeline.js", "css/timeline.css", "favicon.svg",
		"sources/millis-hospital-strike.html", "types/air-strike.html", "actors/islamic-state.html",
		"months/2016-02.html", "sources/aid-warning.html", "events/undated-aid-warning.html",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	// Background has no month pages: the months are the news's; it
	// has a page a year.
	if _, ok := files["months/2011-03.html"]; ok {
		t.Error("a background event made a month page")
	}
	for _, name := range []string{"months/background-2011.html", "months/undated.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	// The timeline's data and the theme's sources are Hugo's input, not
	// part of the site.
	for name := range files {
		if strings.HasSuffix(name, ".gotmpl") || strings.HasSuffix(name, "timeline.json") || strings.HasPrefix(name, virtualDir) {
			t.Errorf("%s was published", name)
		}
	}
}

// TestBuildWithoutEventPages: with event_pages = "never" no event page
// is written, each card says how its event was dated, and every link to
// an event (cards, lists, source pages, the filter, the feed) goes to
// its card on its period's page. TestBuildWorksOffline checks that these
// links land.
func TestBuildWithoutEventPages(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{EventPages: EventPagesNever, BaseURL: "https://user.github.io/repo/"})
	files := tree(t, dir)
	for name := range files {
		if strings.HasPrefix(name, "events/") {
			t.Errorf("%s was written", name)
		}
	}
	period := files["months/2016-08.html"]
	if n := strings.Count(period, `<details class="event-how">`); n == 0 || n != strings.Count(period, `<article class="event`) {
		t.Errorf("months/2016-08.html: %d cards say how they were dated, of %d", n, strings.Count(period, `<article class="event`))
	}
	for _, want := range []struct{ file, link string }{
		{"months/2016-08.html", `href="../months/2016-08.html#e-`},
		{"sources/millis-hospital-strike.html", `href="../months/2016-08.html#e-`},
		{"types/air-strike.html", `href="../months/2016-08.html#e-`},
		{"index.xml", `<link>https://user.github.io/repo/months/2016-08.html#e-`},
		{"filter/2016-08.js", `months/2016-08.html#e-`},
	} {
		if !strings.Contains(files[want.file], want.link) {
			t.Errorf("%s: no link %s", want.file, want.link)
		}
	}
	if strings.Contains(files["filter/2016-08.js"], "events/") || strings.Contains(files["index.xml"], "events/") {
		t.Error("the filter or the feed links to event pages")
	}
}

// TestBuildWorksOffline checks without a browser what the browser test
// checks with one: every link and resource of every page is relative and
// names a file of the site.
// TestBuildWorksOffline: every link of every page is relative and names
// a file of the site, and an anchor in it, with a page per event or
// without.
func TestBuildWorksOffline(t *testing.T) {
	for _, mode := range []EventPages{EventPagesAlways, EventPagesNever} {
		t.Run(string(mode), func(t *testing.T) {
			dir := build(t, "testdata/project", fixture(), Options{BaseURL: "https://user.github.io/repo/", EventPages: mode})
			files := tree(t, dir)
			for name, content := range files {
				if strings.HasSuffix(name, ".html") {
					checkRelativeLinks(t, dir, name, content, files)
				}
			}
		})
	}
}

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

func checkRelativeLinks(t *testing.T, dir, name, content string, files map[string]string) {
	t.Helper()
	for _, m := range linkAttr.FindAllStringSubmatch(content, -1) {
		link := m[1]
		switch {
		case strings.HasPrefix(link, "#"):
		case strings.HasPrefix(link, "https://example.org/"):
			// The fixture's original article URLs.
		case strings.HasPrefix(link, "https://user.github.io/repo/") && strings.Contains(content, `rel="canonical" href="`+link+`"`):
		case strings.HasPrefix(link, "/") || strings.Contains(link, "://"):
			t.Errorf("%s: link %q is not relative", name, link)
		default:
			target, frag, _ := strings.Cut(link, "#")
			rel, err := filepath.Rel(dir, filepath.Join(dir, filepath.Dir(filepath.FromSlash(name)), filepath.FromSlash(target)))
			page, ok := files[filepath.ToSlash(rel)]
			switch {
			case err != nil || !ok:
				t.Errorf("%s: link %q names no file", name, link)
			case frag != "" && !strings.Contains(frag, "=") && !strings.Contains(page, `id="`+frag+`"`):
				// A fragment with "=" is a query for the filter.
				t.Errorf("%s: link %q names no anchor of %s", name, link, rel)
			}
		}
	}
}

func TestBuildForGitHubPages(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{BaseURL: "https://user.github.io/repo/"})
	checks := []struct{ file, want string }{
		{"index.html", `<link rel="canonical" href="https://user.github.io/repo/">`},
		{"index.html", `href="./events/2016-08-14-idlib-market-shelling.html"`},
		{"events/2016-08-14-idlib-market-shelling.html", `<link rel="canonical" href="https://user.github.io/repo/events/2016-08-14-idlib-market-shelling.html">`},
		{"events/2016-08-14-idlib-market-shelling.html", `<code>https://user.github.io/repo/events/2016-08-14-idlib-market-shelling.html</code>`},
		{"index.xml", `<link>https://user.github.io/repo/events/2016-08-14-idlib-market-shelling.html</link>`},
		{".nojekyll", ""},
	}
	for _, c := range checks {
		if got := read(t, dir, c.file); !strings.Contains(got, c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
}

func TestBuildIsReproducible(t *testing.T) {
	a := build(t, "testdata/project", fixture(), Options{})
	b := build(t, "testdata/project", fixture(), Options{})
	ta, tb := tree(t, a), tree(t, b)
	if !maps.Equal(ta, tb) {
		for name := range ta {
			if ta[name] != tb[name] {
				t.Errorf("%s differs between two builds", name)
			}
		}
		t.Errorf("two builds differ: %d and %d files", len(ta), len(tb))
	}

	// Rebuilding in place rewrites nothing, so servers and caches see no
	// change.
	old := time.Now().Add(-time.Hour)
	for name := range ta {
		os.Chtimes(filepath.Join(a, filepath.FromSlash(name)), old, old)
	}
	build(t, "testdata/project", fixture(), Options{DestDir: a})
	for name := range ta {
		fi, err := os.Stat(filepath.Join(a, filepath.FromSlash(name)))
		if err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was rewritten", name)
		}
	}
}

// TestBuildLeavesProjectAlone: generated content goes to Hugo in memory,
// never into the user's folder, except the site itself in public/.
func TestBuildLeavesProjectAlone(t *testing.T) {
	project := copyProject(t)
	writeFiles(t, project, map[string]string{"seeds/a.txt": "An article.", "static/CNAME": "timeline.example.org"})
	before := tree(t, project)
	build(t, project, fixture(), Options{DestDir: filepath.Join(project, "public")})
	after := tree(t, project)
	for name := range after {
		if strings.HasPrefix(name, "public/") {
			delete(after, name)
		}
	}
	if !maps.Equal(before, after) {
		t.Errorf("the project changed:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
	if _, err := os.Stat(filepath.Join(project, "public", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestBuildOverrides: the project's layouts/, static/ and theme/ win over
// the embedded theme, file by file, as Hugo users expect.
func TestBuildOverrides(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string
		want  []string
		not   []string
	}{
		{
			name:  "layouts",
			files: map[string]string{"layouts/page.html": `{{ define "main" }}<h1>Mine: {{ .Title }}</h1>{{ end }}`},
			file:  "about.html",
			want:  []string{"<h1>Mine: About</h1>", `href="./css/timeline.css"`},
		},
		{
			name:  "layouts partial",
			files: map[string]string{"layouts/_partials/count.html": `{{ return printf "%d things" (int .n) }}`},
			file:  "index.html",
			want:  []string{"17 things from 4 things"},
		},
		{
			name:  "theme folder, one file",
			files: map[string]string{"theme/static/css/timeline.css": "body { color: red }"},
			file:  "css/timeline.css",
			want:  []string{"body { color: red }"},
		},
		{
			name:  "theme folder keeps the rest",
			files: map[string]string{"theme/static/css/timeline.css": "body { color: red }"},
			file:  "js/timeline.js",
			want:  []string{"TIMELINE_FILTER_ADD"},
		},
		{
			name:  "static",
			files: map[string]string{"static/CNAME": "timeline.example.org\n"},
			file:  "CNAME",
			want:  []string{"timeline.example.org"},
		},
		{
			name:  "params",
			files: map[string]string{"config.toml": "title = \"Small\"\n[params]\nhomeEventLimit = 5\n[timeline]\nsources = \"seeds\"\n"},
			file:  "index.html",
			want: []string{`<li id="m-2016-08"><a href="./months/2016-08.html"><time datetime="2016-08">August 2016</time></a> <span class="count">5 events</span></li>`, "<title>Small</title>",
				// The latest events, newest first.
				`<section id="latest"`, `id="e-2016-08-14-idlib-market-shelling"`,
				// The background, over the limit, is listed by year; the
				// one undated event, under it, in full.
				`<a href="./months/background-2011.html"><time datetime="2011">2011</time></a> <span class="count">3 events</span>`,
				`id="e-undated-aid-warning"`},
			// No event of the background in full: they are on their
			// pages.
			not: []string{`id="e-2011-03-18-deraa-fire"`},
		},
		{
			name:  "no config at all",
			files: map[string]string{"config.toml": ""},
			file:  "index.html",
			want:  []string{"<title>Syria 2011–2016</title>", `<html lang="en">`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			project := copyProject(t)
			writeFiles(t, project, tt.files)
			got := read(t, build(t, project, fixture(), Options{}), tt.file)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s lacks %s", tt.file, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%s has %s", tt.file, n)
				}
			}
		})
	}
}

// TestBuildIgnoresHugoEnvironment: a HUGO_* variable in the user's shell
// must not change the site.
func TestBuildIgnoresHugoEnvironment(t *testing.T) {
	t.Setenv("HUGO_TITLE", "Hijacked")
	t.Setenv("HUGO_UGLYURLS", "false")
	t.Setenv("HUGO_PARAMS_HOMEEVENTLIMIT", "1")
	got := read(t, build(t, "testdata/project", fixture(), Options{}), "index.html")
	if strings.Contains(got, "Hijacked") || !strings.Contains(got, `<title>Syria timeline</title>`) || !strings.Contains(got, `class="event"`) {
		t.Error("HUGO_* variables changed the site")
	}
}

// TestBuildRemovesStaleFiles: a rebuild removes the pages of events that
// are gone, and nothing it did not write itself.
func TestBuildRemovesStaleFiles(t *testing.T) {
	dest := t.TempDir()
	writeFiles(t, dest, map[string]string{"notes.txt": "mine"})
	build(t, "testdata/project", fixture(), Options{DestDir: dest})
	in := fixture()
	gone := in.Timeline.Events[0].ID
	in.Timeline.Events = in.Timeline.Events[1:]
	build(t, "testdata/project", in, Options{DestDir: dest})
	files := tree(t, dest)
	if _, ok := files["events/"+gone+".html"]; ok {
		t.Errorf("the page of removed event %s is still there", gone)
	}
	if files["notes.txt"] != "mine" {
		t.Error("a file the build did not write was removed")
	}
}

func TestBuildFailsCleanly(t *testing.T) {
	project := copyProject(t)
	writeFiles(t, project, map[string]string{"layouts/page.html": `{{ define "main" }}{{ .Broken }}{{ end }}`})
	dest := filepath.Join(t.TempDir(), "public")
	err := Build(fixture(), Options{ProjectDir: project, DestDir: dest})
	if err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Errorf("Build with a broken template: %v; want an error naming page.html", err)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("a failed build wrote to the destination")
	}
}

func TestBuildEmptyTimeline(t *testing.T) {
	got := read(t, build(t, "testdata/project", Input{}, Options{}), "index.html")
	if strings.Contains(got, "<svg") || !strings.Contains(got, "0 events from 0 articles") {
		t.Error("an empty timeline should build a home page with no chart and zero counts")
	}
}

func TestBuildProgress(t *testing.T) {
	var progress bytes.Buffer
	build(t, "testdata/project", fixture(), Options{Progress: &progress})
	out := progress.String()
	for _, want := range []string{
		"site: preparing 17 events from 4 articles\n",
		"site: rendering pages: ",
		"site: wrote ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("progress lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\r") {
		t.Error("progress redraws lines on something that is not a terminal")
	}
}

// TestUndatedAndOddDates: events the chronology cannot place by day still
// appear, in the right group, with a truthful label.
func TestUndatedAndOddDates(t *testing.T) {
	in := fixture()
	in.Timeline.Events = append(in.Timeline.Events,
		timeline.Event{ID: "2016-q3-talks", Date: "2016-Q3", Precision: timeline.PrecisionMonth, Text: "Talks resumed in the third quarter.", Type: "diplomacy"},
		timeline.Event{ID: "undated-exodus", Date: "PAST_REF", Precision: timeline.PrecisionUnknown, Text: "Thousands fled at some point.", Type: "displacement"},
		timeline.Event{ID: "2016-w31-strikes", Date: "2016-W31", Precision: timeline.PrecisionWeek, Text: "Strikes continued that week.", Type: "air strike"},
	)
	got := read(t, build(t, "testdata/project", in, Options{}), "index.html")
	for _, want := range []string{
		`<h3 id="d-2016-00-q3" class="day-h"><time datetime="2016">Q3 2016</time></h3>`,
		`<h2 id="undated-h" class="year-h">Undated</h2>`,
		// An unreadable value is shown as it is; a missing one is not.
		`<h3 id="u-d-undated-00-00-PAST_REF" class="day-h">PAST_REF</h3>`,
		`id="e-undated-exodus"`,
		`<h4 id="d-2016-08-01w" class="day-h"><time datetime="2016-W31">week of Monday 1 August 2016</time></h4>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Index(got, `id="undated-h"`) < strings.Index(got, "Sunday 14 August 2016") {
		t.Error("undated events should close the chronology")
	}
}

func TestBuildRefusesBadFolders(t *testing.T) {
	project := copyProject(t)
	tests := []struct {
		name, project, dest, want string
	}{
		{"no project", filepath.Join(project, "missing"), "", "not a folder"},
		{"destination is the project", project, project, "holds the project folder"},
		{"destination above the project", project, filepath.Dir(project), "holds the project folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Build(fixture(), Options{ProjectDir: tt.project, DestDir: tt.dest})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Build: %v; want an error saying %q", err, tt.want)
			}
		})
	}
	if files := tree(t, project); len(files) != len(tree(t, "testdata/project")) {
		t.Error("a refused build wrote into the project")
	}
}

// TestBuildOddInput: whatever extraction produces, the site builds and
// shows it truthfully.
func TestBuildOddInput(t *testing.T) {
	in := fixture()
	in.Timeline.Events = append(in.Timeline.Events,
		// The same id twice, no type, blank and repeated names.
		timeline.Event{ID: "2016-08-14-idlib-market-shelling", Date: "2016-08-14", Precision: timeline.PrecisionDay, Text: "A second report.", Places: []string{" ", "Idlib", "Idlib"}},
		// A range that starts on a day with its own event.
		timeline.Event{ID: "2016-08-14-to-16-strikes", Date: "2016-08-14", End: "2016-08-16", Precision: timeline.PrecisionDay, Text: "Strikes for three days.", Type: "air strike"},
		// A source whose article is not in the input.
		timeline.Event{ID: "2016-08-15-lost", Date: "2016-08-15", Precision: timeline.PrecisionDay, Text: "Reported on Monday.", Type: "shelling",
			Sources: []timeline.Source{{Article: "gone", Title: "A lost article", Timex: timeline.SourceTimex{Start: 12, End: 18, Text: "Monday", Value: "2016-08-15"}}}},
	)
	dir := build(t, "testdata/project", in, Options{})
	files := tree(t, dir)
	for _, want := range []string{"events/2016-08-14-idlib-market-shelling-2.html", "events/2016-08-14-to-16-strikes.html", "events/2016-08-15-lost.html"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "types/.") || strings.HasPrefix(name, "places/.") {
			t.Errorf("a blank name made the page %s", name)
		}
	}
	home := files["index.html"]
	for _, want := range []string{
		`<h4 id="d-2016-08-14" class="day-h"><time datetime="2016-08-14">Sunday 14 August 2016</time></h4>`,
		`<h4 id="d-2016-08-14~2016-08-16" class="day-h"><time datetime="2016-08-14">Sunday 14 August – Tuesday 16 August 2016</time></h4>`,
		`<mark class="timex dating" title="DATE 2016-08-15: Monday 15 August 2016">Monday</mark>`,
		`<div><dt>Source</dt><dd>A lost article</dd></div>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// TestBuildExtraFiles: the exports are published with the site, listed
// with it for cleanup, and never replace a file of the site.
func TestBuildExtraFiles(t *testing.T) {
	dest := t.TempDir()
	extra := map[string][]byte{"events.json": []byte(`{"events":[]}`), "data/events.csv": []byte("id\n")}
	build(t, "testdata/project", fixture(), Options{DestDir: dest, Extra: extras(extra)})
	files := tree(t, dest)
	for name, want := range extra {
		if files[name] != string(want) {
			t.Errorf("%s = %q, want %q", name, files[name], want)
		}
		if !strings.Contains(files[manifestName], "\n"+name+"\n") {
			t.Errorf("%s is not in %s", name, manifestName)
		}
	}

	// Every page links to them.
	for _, page := range []string{"index.html", "sources/aleppo-siege-broken.html"} {
		up := strings.Repeat("../", strings.Count(page, "/"))
		if up == "" {
			up = "./"
		}
		for _, want := range []string{`<a href="` + up + `data/events.csv" download>data/events.csv</a>`, `<a href="` + up + `events.json" download>events.json</a>`} {
			if !strings.Contains(files[page], want) {
				t.Errorf("%s lacks %s", page, want)
			}
		}
	}

	// A rebuild without one removes it, as it would a page.
	delete(extra, "data/events.csv")
	build(t, "testdata/project", fixture(), Options{DestDir: dest, Extra: extras(extra)})
	if _, ok := tree(t, dest)["data/events.csv"]; ok {
		t.Error("an extra file the last build did not make is still there")
	}

	tests := []struct {
		name  string
		extra map[string][]byte
		want  string
	}{
		{"a file of the site", map[string][]byte{"css/timeline.css": nil}, "css/timeline.css is both a file of the site"},
		{"outside the site", map[string][]byte{"../escape.json": nil}, `extra file "../escape.json": want a relative path`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: dest, Extra: extras(tt.extra)})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Build: %v; want an error saying %q", err, tt.want)
			}
			if _, err := os.Stat(dest); err == nil {
				t.Error("a failed build wrote to the destination")
			}
		})
	}
}

// TestBuildExtraFailed: an extra file whose Write fails or panics is left
// out and reported once the build has waited for it; the site and the
// other extras are published.
func TestBuildExtraFailed(t *testing.T) {
	dest := t.TempDir()
	extra := append(extras(map[string][]byte{"events.csv": []byte("id\n")}),
		Extra{Name: "events.ics", Write: func(w io.Writer) error {
			io.WriteString(w, "BEGIN:VCALENDAR")
			return errors.New("disk full")
		}},
		Extra{Name: "events.json", Write: func(io.Writer) error { panic("a bug") }})
	failed := map[string]string{}
	build(t, "testdata/project", fixture(), Options{DestDir: dest, Extra: extra, ExtraFailed: func(name string, err error) {
		failed[name] = err.Error()
	}})
	want := map[string]string{"events.ics": "disk full", "events.json": "panic: a bug"}
	if !maps.Equal(failed, want) {
		t.Errorf("failed extras = %q, want %q", failed, want)
	}
	files := tree(t, dest)
	if files["events.csv"] != "id\n" || files["index.html"] == "" {
		t.Errorf("the site or the extra that did not fail is missing: events.csv %q", files["events.csv"])
	}
	for name := range want {
		if _, ok := files[name]; ok {
			t.Errorf("%s was published, though its Write failed", name)
		}
	}

	twice := append(extras(map[string][]byte{"events.csv": nil}), extras(map[string][]byte{"events.csv": nil})...)
	err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: filepath.Join(t.TempDir(), "public"), Extra: twice})
	if err == nil || !strings.Contains(err.Error(), `extra file "events.csv": given twice`) {
		t.Errorf("Build with an extra given twice: %v", err)
	}
}

// extras are the files as extra files of the site, by name.
func extras(files map[string][]byte) []Extra {
	var out []Extra
	for _, name := range slices.Sorted(maps.Keys(files)) {
		out = append(out, Extra{Name: name, Write: func(w io.Writer) error {
			_, err := w.Write(files[name])
			return err
		}})
	}
	return out
}

// TestBuildTitleAndLanguage: the timeline tool's [site] settings win over
// Hugo's own, as the base URL does.
func TestBuildTitleAndLanguage(t *testing.T) {
	got := read(t, build(t, "testdata/project", fixture(), Options{Title: "Aleppo 2016", Language: "fr"}), "index.html")
	for _, want := range []string{"<title>Aleppo 2016</title>", `<html lang="fr">`} {
		if !strings.Contains(got, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// TestHomeParts: the home page opens with the background collapsed,
// then the news, and closes with what nothing dates and the articles
// that have no date, with how to pin one.
func TestHomeParts(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{})
	home := read(t, dir, "index.html")
	// The background ends where the news's first year begins (the
	// background's years have ids of their own): a card's own <details>
	// (a badge's reasons, the editor's note) must not end it.
	background := between(t, home, `<details id="background" class="background">`, `<section class="year" aria-labelledby="y-`)
	undated := between(t, home, `<section id="undated"`, "</section>")
	news := between(t, home, background, `<section id="undated"`)

	event := regexp.MustCompile(`<article class="event[^"]*" id="e-([^"]+)"[^>]*data-part="([a-z]+)"`)
	ids := func(html string) (list []string) {
		for _, m := range event.FindAllStringSubmatch(html, -1) {
			list = append(list, m[1]+"/"+m[2])
		}
		return list
	}
	d := newSiteData(fixture())
	want := map[string][]string{}
	for _, e := range d.Events {
		want[e.Part] = append(want[e.Part], e.ID+"/"+e.Part)
	}
	for _, part := range []struct{ name, html string }{{"background", background}, {"chronology", news}, {"undated", undated}} {
		if got := ids(part.html); !slices.Equal(got, want[part.name]) {
			t.Errorf("the %s part holds %q, want %q", part.name, got, want[part.name])
		}
	}
	if len(want["background"]) != 7 || len(want["undated"]) != 1 {
		t.Fatalf("the fixture has %d background and %d undated events, want 7 and 1", len(want["background"]), len(want["undated"]))
	}
	for _, w := range []string{
		`<summary><h2 id="background-h" class="background-h">Background</h2> <span class="count">7 earlier events the articles mention for context, 2011–2015</span></summary>`,
		`<h3 id="bg-y-2011" class="year-h">`, // its own heading ids, a level down
	} {
		if !strings.Contains(background, w) {
			t.Errorf("the background lacks %s", w)
		}
	}
	if strings.Contains(strings.SplitN(background, ">", 2)[0], "open") {
		t.Error("the background is open by default")
	}
	if strings.Contains(news, "badge-background") || strings.Contains(background, "badge-background") {
		t.Error("a background badge where every event is background, or in the news")
	}
	for _, w := range []string{
		`<a href="./sources/aid-warning.html">Aid groups warn food is running out</a>`,
		"<pre class=\"pin\"><code>[articles.\"aid-warning.txt\"]\ndate = \"YYYY-MM-DD\"</code></pre>",
	} {
		if !strings.Contains(undated, w) {
			t.Errorf("the undated part lacks %s", w)
		}
	}

	// The chart and the month pages are the news's.
	if !strings.Contains(home, "<p class=\"lede\">17 events from 4 articles, February 2016 to August 2016.</p>") {
		t.Error("the lede does not span the news, February to August 2016")
	}

	// The undated article says how to pin its date; the others do not.
	if src := read(t, dir, "sources/aid-warning.html"); !strings.Contains(src, `[articles."aid-warning.txt"]`) {
		t.Error("the undated article's page does not say how to pin its date")
	}
	if src := read(t, dir, "sources/aleppo-siege-broken.html"); strings.Contains(src, `class="pin"`) {
		t.Error("a dated article's page says to pin its date")
	}
	// A background event's page leads back to the background.
	if ev := read(t, dir, "events/2012-fighting-aleppo.html"); !strings.Contains(ev, `<p class="kicker"><a href="../index.html#background">Background</a></p>`) {
		t.Error("a background event's page does not lead to the background")
	}
}

// TestBeliefOnCards: an inferred date is marked by a small badge that
// opens on its reasons, on its card; its page gives them in full.
func TestBeliefOnCards(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{})
	home := read(t, dir, "index.html")
	card := between(t, home, `id="e-2016-08-11-millis-hospital"`, "</article>")
	for _, w := range []string{
		`data-precision="day" data-inferred="true" data-stated="false" data-exact="false" data-part="chronology"`,
		`<summary><span class="badge badge-likely">≈ likely · 0.30</span> <span class="why-label">why?</span></summary>`,
		`<li>“Thursday” counts back from the article’s date</li>`,
		`Possible days: Thursday 4 August – Thursday 11 August 2016. Confidence 0.30.`,
	} {
		if !strings.Contains(card, w) {
			t.Errorf("the Millis card lacks %s", w)
		}
	}
	// Dashed, and shaded too: 0.30 is below even odds.
	if !strings.Contains(home, `<article class="event is-uncertain is-doubtful" id="e-2016-08-11-millis-hospital"`) {
		t.Error("the Millis card is not drawn as a doubtful date")
	}
	if n := strings.Count(home, `class="badge badge-likely"`); n != 1 {
		t.Errorf("%d likely badges on the home page, want 1", n)
	}
	if sure := between(t, home, `id="e-2016-02-27-cessation-of-hostilities"`, "</article>"); strings.Contains(sure, "badge") || strings.Contains(sure, "<details") {
		t.Error("a date known to the day carries a badge")
	}
	page := read(t, dir, "events/2016-08-11-millis-hospital.html")
	for _, w := range []string{
		`<p class="flag"><span class="badge badge-likely">≈ likely · 0.30</span> <a href="#how-h">why?</a></p>`,
		`<li>the article’s date, 13 August 2016, is a guess from the file’s modification time (confidence 0.30)</li>`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the Millis event page lacks %s", w)
		}
	}
}

// TestEditorOnSite: the editor's hand shows where a reader meets the
// event. A verified event's card carries a compact mark that opens on
// who checked it and the note; a summary leads and the sentence follows;
// an edited event's page says which fields were set by hand; sources are
// cited with outlet, author, date and address where the article gives
// them, by headline alone where it does not; the home page counts what
// is verified, inferred and hidden.
func TestEditorOnSite(t *testing.T) {
	dir := build(t, "testdata/project", fixture(), Options{})
	home := read(t, dir, "index.html")
	checks := []struct {
		name, html string
		want       []string
	}{
		{"the verified card", between(t, home, `<article class="event is-verified" id="e-2016-08-06-aleppo-siege-broken"`, "</article>"), []string{
			`data-verified="true">`,
			`<summary><span class="badge badge-verified">✓ verified</span> <span class="why-label">by whom?</span></summary>`,
			`<p class="verified-by">Verified by R. Khalil.</p>`,
			`<p class="editor-note">checked against the monitor&#39;s report of 6 August</p>`,
			`<p class="edited">Set by hand: summary, merged with other reports.</p>`,
			"<p class=\"summary\">Rebels break the government&#39;s siege of eastern Aleppo</p>\n  <p class=\"text quoted\">ALEPPO, Syria",
			`<span class="outlet">(Reuters)</span>`,
		}},
		{"a card verified by nobody named", between(t, home, `id="e-2011-03-15-protests-damascus"`, "</article>"), []string{
			`<p class="verified-by">Verified by the editor.</p>`,
		}},
		{"an edited card", between(t, home, `id="e-2016-07-castello-road-cut"`, "</article>"), []string{
			`data-verified="false">`,
			`<summary><span class="badge badge-edited">✎ edited</span> <span class="why-label">what?</span></summary>`,
			`<p class="edited">Set by hand: places, actors, summary.</p>`,
			`<p class="summary">Government forces cut the Castello road, the last route into eastern Aleppo</p>`,
		}},
		{"a card added by hand", between(t, home, `id="e-a1b2c3d4e5f6"`, "</article>"), []string{
			`<summary><span class="badge badge-edited">✎ added by hand</span> <span class="why-label">what?</span></summary>`,
			`<p class="edited">Written by the editor, not found in an article.</p>`,
		}},
		{"the home page", home, []string{
			`<p class="tally"><a href="#verified=1">3 verified by the editor</a> ·`,
			"1 dated by inference ·",
			"2 hidden by the editor</p>",
			`<label for="f-verified">Only events verified by the editor</label>`,
		}},
		{"the verified event's page", read(t, dir, "events/2016-08-06-aleppo-siege-broken.html"), []string{
			`<p class="flag flag-editor"><span class="badge badge-verified">✓ verified</span> <a href="#editor-h">Editor’s note</a></p>`,
			"<p class=\"summary lead\">Rebels break the government&#39;s siege of eastern Aleppo</p>\n  <p class=\"text quoted\"><span class=\"source-words\">In the source’s words:</span> ALEPPO",
			`<h2 id="editor-h">Editor’s note</h2>`,
			`<p class="edited">Set by hand: summary, merged with other reports.</p>`,
			`<p class="cite">“Rebels break the government&#39;s siege of eastern Aleppo” (Saturday 6 August 2016).`,
			`<li>Tom Perry, “Rebels say they have broken the siege of eastern Aleppo”, <cite>Reuters</cite>, <time datetime="2016-08-07">Sunday 7 August 2016</time>, <a href="https://example.org/world/aleppo-siege-broken" rel="external noopener">https://example.org/world/aleppo-siege-broken</a>.</li>`,
			`<li>“Shelling hits crowded market in Idlib”, <cite>Syria Monitor</cite>, <time datetime="2016-08-16">Tuesday 16 August 2016</time>.</li>`,
		}},
		{"an edited event's page", read(t, dir, "events/2016-07-31-aleppo-offensive.html"), []string{
			`<p class="flag flag-editor"><span class="badge badge-edited">✎ edited</span>`,
			`<p class="edited">Set by hand: type.</p>`,
			`<p class="text lead">`, // no summary: the sentence leads, as ever
		}},
		{"the added event's page", read(t, dir, "events/a1b2c3d4e5f6.html"), []string{
			// A web page named by its address is cited by it.
			`<li><a href="https://example.org/helicopter" rel="external noopener">https://example.org/helicopter</a>.</li>`,
		}},
		{"a plain-text article's event", read(t, dir, "events/2016-08-11-millis-hospital.html"), []string{
			`<li>“Air strikes hit hospital in Millis”.</li>`,
		}},
		{"a cited article's page", read(t, dir, "sources/aleppo-siege-broken.html"), []string{
			`<div><dt>Author</dt><dd>Tom Perry</dd></div>`,
			`<div><dt>Published</dt><dd><time datetime="2016-08-07">Sunday 7 August 2016</time></dd></div>`,
			`<p class="cite">Tom Perry, “Rebels say they have broken the siege of eastern Aleppo”, <cite>Reuters</cite>, <time datetime="2016-08-07">Sunday 7 August 2016</time>, <a href="https://example.org/world/aleppo-siege-broken" rel="external noopener">https://example.org/world/aleppo-siege-broken</a>.</p>`,
		}},
		{"a plain-text article's page", read(t, dir, "sources/millis-hospital-strike.html"), []string{
			`<p class="cite">“Air strikes hit hospital in Millis”.</p>`,
		}},
	}
	for _, c := range checks {
		for _, w := range c.want {
			if !strings.Contains(c.html, w) {
				t.Errorf("%s lacks %s", c.name, w)
			}
		}
	}
	// Nothing of the editor's on an event as extracted.
	if plain := between(t, home, `id="e-2016-02-27-cessation-of-hostilities"`, "</article>"); strings.Contains(plain, "editor") || strings.Contains(plain, "summary") {
		t.Error("an event no editor touched carries an editor's mark")
	}
	if page := read(t, dir, "events/2016-02-27-cessation-of-hostilities.html"); strings.Contains(page, "editor-h") || strings.Contains(page, "Author") {
		t.Error("an event no editor touched, from an article without an author, has an editor's note or an author")
	}
	// The plain-text article names no author, date or outlet.
	if src := read(t, dir, "sources/millis-hospital-strike.html"); strings.Contains(src, "<dt>Author</dt>") || strings.Contains(src, "<dt>Published</dt>") || strings.Contains(src, "<cite>") {
		t.Error("the plain-text article's page cites what its file does not give")
	}
}

// TestBuildI18n: the words readers see are the theme's, in i18n/, and a
// project rewords them the Hugo way.
func TestBuildI18n(t *testing.T) {
	project := copyProject(t)
	writeFiles(t, project, map[string]string{"i18n/en.toml": "backgroundTitle = \"Context\"\nbadgeLikely = \"probably\"\nfilterExact = \"Sure dates only\"\n"})
	home := read(t, build(t, project, fixture(), Options{}), "index.html")
	for _, w := range []string{
		`<h2 id="background-h" class="background-h">Context</h2>`,
		`<span class="badge badge-likely">probably · 0.30</span>`,
		`<label for="f-exact">Sure dates only</label>`,
		`"likely":"probably"`,
		// The rest keep the theme's words.
		`<h2 id="undated-h" class="year-h">Undated</h2>`,
	} {
		if !strings.Contains(home, w) {
			t.Errorf("index.html lacks %s", w)
		}
	}
}

// between is the part of s after the first from and before the next to.
func between(t *testing.T, s, from, to string) string {
	t.Helper()
	_, after, ok := strings.Cut(s, from)
	if !ok {
		t.Fatalf("no %s", from)
	}
	in, _, ok := strings.Cut(after, to)
	if !ok {
		t.Fatalf("no %s after %s", to, from)
	}
	return in
}
