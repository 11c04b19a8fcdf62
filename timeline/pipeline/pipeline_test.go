package pipeline

import (
	"bytes"
	"errors"
	"fmt"
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
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/export"
	"conflict-timeline/timeline/timex"
)

// project is a small timeline as a user would lay it out: three good
// articles in three formats and one file in the wrong encoding.
var project = map[string]string{
	"config.toml": `# A timeline project.
[timeline]
source = "articles"

[site]
title = "Idlib and Aleppo, August 2016"
language = "en-GB"

[[gazetteer.places]]
name = "Idlib"

[[gazetteer.places]]
name = "Aleppo"
aliases = ["Halab"]
`,
	"content/about.md": "---\ntitle: About\n---\nBuilt from news articles.\n",
	"articles/idlib-market.txt": "Shelling hits market in Idlib\n\n" +
		"IDLIB, Syria, Aug 16 (Reuters) - Shelling hit the main market in Idlib on Sunday, a monitor said on Tuesday.\n\n" +
		"Rebels broke the siege of Aleppo on 6 August 2016.\n",
	"articles/aleppo-siege.md": "---\ntitle: Rebels break the siege of Aleppo\ndate: 2016-08-07\nsource: Syria Monitor\nurl: https://example.org/aleppo-siege\n---\n\n" +
		"Rebels said on Saturday they had broken the siege of eastern Aleppo.\n\n" +
		"The offensive began on 31 July 2016.\n",
	"articles/talks.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Truce talks stall</title></head><body>" +
		"<article><h1>Truce talks stall</h1><p>Talks on a ceasefire for Aleppo ended without agreement on 12 August 2016, diplomats said.</p>" +
		"<p>A further round is planned for September.</p></article></body></html>",
	// Windows-1252, not UTF-8: "café" on the third line.
	"articles/bad.txt": "Headline\n\nA caf\xe9 was hit.\n",
}

// slugs are the good articles' page names.
var slugs = []string{"aleppo-siege", "idlib-market", "talks"}

func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, dir string) *config.Config {
	t.Helper()
	cfg, err := config.Load(filepath.Join(dir, config.DefaultFile), false)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// fakeExtract stands in for event extraction, written elsewhere: one
// event per expression that names a day, in date order.
func fakeExtract(in []event.Input, g event.Gazetteer) timeline.Timeline {
	var tl timeline.Timeline
	for _, a := range in {
		for _, tx := range a.Timexes {
			if tx.Type != timex.Date || len(tx.Value) != len("2016-08-14") {
				continue
			}
			tl.Events = append(tl.Events, timeline.Event{
				ID: tx.Value + "-" + a.Article.Slug, Date: tx.Value, Precision: timeline.PrecisionDay,
				Text: sentenceAt(a.Article, tx.Start), Places: places(a.Article.Text, g), Confidence: 0.5,
				Sources: []timeline.Source{{
					Article: a.Article.Slug, Title: a.Article.Title,
					Anchor: timeline.SourceAnchor{Date: a.Anchor.Value(), Precision: a.Anchor.Precision},
					Timex:  timeline.SourceTimex{Start: tx.Start, End: tx.End, Text: tx.Text, Value: tx.Value},
				}},
			})
		}
	}
	slices.SortStableFunc(tl.Events, func(a, b timeline.Event) int { return strings.Compare(a.ID, b.ID) })
	return tl
}

func sentenceAt(a *article.Article, at int) string {
	for _, s := range a.Sentences {
		if s.Start <= at && at < s.End {
			return s.In(a.Text)
		}
	}
	return ""
}

func places(text string, g event.Gazetteer) []string {
	var out []string
	for _, p := range g.Places {
		if strings.Contains(text, p.Name) {
			out = append(out, p.Name)
		}
	}
	return out
}

// fakeFormat writes the title and the event ids, one a line.
var fakeFormat = export.Format{Name: "ids", File: "events.txt", Write: func(w io.Writer, tl timeline.Timeline) error {
	fmt.Fprintln(w, tl.Title)
	for _, e := range tl.Events {
		fmt.Fprintln(w, e.ID)
	}
	return nil
}}

// options run the pipeline on the fakes at a fixed date, into a fresh
// folder.
func options(t *testing.T) Options {
	return Options{
		DestDir: filepath.Join(t.TempDir(), "public"),
		Extract: fakeExtract,
		Exports: []export.Format{fakeFormat},
		Now:     time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

func run(t *testing.T, dir string, opt Options) Result {
	t.Helper()
	var log bytes.Buffer
	opt.Log = &log
	res, err := Run(load(t, dir), opt)
	if err != nil {
		t.Fatal(err)
	}
	if log.Len() > 0 {
		t.Errorf("Hugo logged:\n%s", log.String())
	}
	return res
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

// TestRunBuildsDespiteABadFile: the bad file is reported by name and
// line, and every other article is in the site with its events.
func TestRunBuildsDespiteABadFile(t *testing.T) {
	dir := writeProject(t, project)
	before := tree(t, dir)
	var progress bytes.Buffer
	opt := options(t)
	opt.Progress = &progress
	res := run(t, dir, opt)
	// Generated content goes to Hugo in memory, never into the project.
	if !maps.Equal(before, tree(t, dir)) {
		t.Error("the build changed the project folder")
	}

	if len(res.Problems) != 1 {
		t.Fatalf("problems %v; want the bad file alone", res.Problems)
	}
	fe, ok := errors.AsType[*article.FileError](res.Problems[0])
	if !ok || filepath.Base(fe.Path) != "bad.txt" || fe.Line != 3 || !errors.Is(fe, article.ErrEncoding) {
		t.Errorf("problem %v; want bad.txt:3, not valid UTF-8", res.Problems[0])
	}
	if res.Articles != 3 || res.Events == 0 || res.Dest != opt.DestDir || !slices.Equal(res.Exports, []string{"events.txt"}) {
		t.Errorf("result %+v; want 3 articles, some events, events.txt, in %s", res, opt.DestDir)
	}

	files := tree(t, res.Dest)
	for _, slug := range slugs {
		if _, ok := files["sources/"+slug+".html"]; !ok {
			t.Errorf("no page for article %s", slug)
		}
	}
	if _, ok := files["sources/bad.html"]; ok {
		t.Error("the bad file has a page")
	}
	ids := strings.Split(strings.TrimSpace(files["events.txt"]), "\n")
	if ids[0] != "Idlib and Aleppo, August 2016" || len(ids)-1 != res.Events {
		t.Errorf("events.txt starts %q with %d ids; want the [site] title and %d", ids[0], len(ids)-1, res.Events)
	}
	for _, id := range ids[1:] {
		if _, ok := files["events/"+id+".html"]; !ok {
			t.Errorf("event %s of the export has no page", id)
		}
	}
	// The article's date and the expressions resolved against it reach
	// its page: the Markdown one says its date in front matter.
	siege := files["sources/aleppo-siege.html"]
	for _, want := range []string{"Syria Monitor", "https://example.org/aleppo-siege", "front matter", "Saturday</mark>", "<code>2016-08-06</code>"} {
		if !strings.Contains(siege, want) {
			t.Errorf("sources/aleppo-siege.html lacks %s", want)
		}
	}
	home := files["index.html"]
	for _, want := range []string{"<title>Idlib and Aleppo, August 2016</title>", `<html lang="en-GB">`, "Aleppo"} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	for _, want := range []string{"timeline: read 3 articles from ", "; 1 file left out\n", "timeline: " + filepath.Join(dir, "articles", "bad.txt") + ":3: not valid UTF-8", "timeline: dating articles: 3 articles in ", "timeline: resolving dates: 3 of 3 articles in ", "timeline: extracting events: 7 events in ", "timeline: exports: events.txt\n", "site: wrote "} {
		if !strings.Contains(progress.String(), want) {
			t.Errorf("progress lacks %q:\n%s", want, progress.String())
		}
	}
}

func TestRunTwiceIsByteIdentical(t *testing.T) {
	dir := writeProject(t, project)
	a := run(t, dir, options(t))
	b := run(t, dir, options(t))
	ta, tb := tree(t, a.Dest), tree(t, b.Dest)
	if !maps.Equal(ta, tb) {
		for name := range ta {
			if ta[name] != tb[name] {
				t.Errorf("%s differs between two builds", name)
			}
		}
		t.Errorf("two builds differ: %d and %d files", len(ta), len(tb))
	}
}

// TestRunForGitHubPages: the base URL from the command line or from
// [site] gives absolute URLs where they must be, and relative links
// everywhere else, so the site works under the repository's subpath.
func TestRunForGitHubPages(t *testing.T) {
	const base = "https://user.github.io/repo/"
	tests := []struct {
		name    string
		flag    string
		config  string
		canon   string
		noCanon bool
	}{
		{name: "flag", flag: base, canon: base},
		{name: "config", config: "\n[site]\nbase_url = \"" + base + "\"\n", canon: base},
		{name: "flag wins", flag: base, config: "\n[site]\nbase_url = \"https://elsewhere.example/\"\n", canon: base},
		{name: "none", noCanon: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(project)
			files["config.toml"] = "[timeline]\nsource = \"articles\"\n" + tt.config
			dir := writeProject(t, files)
			opt := options(t)
			opt.BaseURL = tt.flag
			site := tree(t, run(t, dir, opt).Dest)

			if _, ok := site[".nojekyll"]; !ok {
				t.Error("no .nojekyll: GitHub Pages would run Jekyll")
			}
			home, page := site["index.html"], site["sources/talks.html"]
			canon := `<link rel="canonical" href="` + tt.canon + `">`
			if strings.Contains(home, canon) == tt.noCanon || strings.Contains(home, "rel=\"canonical\"") == tt.noCanon {
				t.Errorf("index.html: canonical link %q expected %v", canon, !tt.noCanon)
			}
			for name, html := range map[string]string{"index.html": home, "sources/talks.html": page} {
				for _, want := range []string{"css/timeline.css\"", "js/timeline.js\"", "favicon.svg\""} {
					if !regexp.MustCompile(`(?:href|src)="(\./|\.\./)` + regexp.QuoteMeta(want)).MatchString(html) {
						t.Errorf("%s: %s is not linked relatively", name, strings.TrimSuffix(want, `"`))
					}
				}
				if strings.Contains(html, `href="/`) || strings.Contains(html, `src="/`) {
					t.Errorf("%s links from the root of the host, which is not the site's under a subpath", name)
				}
			}
			if !strings.Contains(home, `src="./filter/index.js"`) || !strings.Contains(page, `href="../index.html"`) {
				t.Error("the filter's data or the way home is not linked relatively")
			}
		})
	}
}

// TestRunGoesOn: a step that fails leaves its part out, says so, and the
// site is built from the rest.
func TestRunGoesOn(t *testing.T) {
	failing := export.Format{Name: "bad", File: "events.bad", Write: func(io.Writer, timeline.Timeline) error { return errors.New("no good") }}
	panicking := export.Format{Name: "stub", File: "events.stub", Write: func(io.Writer, timeline.Timeline) error { panic("being written") }}
	tests := []struct {
		name     string
		change   func(*Options)
		problems []string // besides the bad file
		events   bool
		exports  []string
		articles int
	}{
		{
			name: "extraction panics",
			change: func(o *Options) {
				o.Extract = func([]event.Input, event.Gazetteer) timeline.Timeline { panic("being written") }
			},
			problems: []string{"extracting events: panic: being written; the site shows the articles and their dates but no events, and has no exports"},
			articles: 3,
		},
		{
			name:     "exports fail",
			change:   func(o *Options) { o.Exports = []export.Format{failing, fakeFormat, panicking} },
			problems: []string{"writing events.bad: no good; the site is published without it", "writing events.stub: panic: being written"},
			events:   true, exports: []string{"events.txt"}, articles: 3,
		},
		{
			name: "the resolver panics on one article",
			change: func(o *Options) {
				o.Resolve = func(text string, opt timex.Options) []timex.Timex {
					if strings.Contains(text, "Truce talks") || strings.Contains(text, "ceasefire") {
						panic("index out of range")
					}
					return timex.Resolve(text, opt)
				}
			},
			problems: []string{"talks.html: resolving dates: panic: index out of range; the article is left out"},
			events:   true, exports: []string{"events.txt"}, articles: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := options(t)
			tt.change(&opt)
			res := run(t, writeProject(t, project), opt)
			var got []string
			for _, p := range res.Problems[1:] { // [0] is bad.txt
				got = append(got, p.Error())
			}
			if len(got) != len(tt.problems) {
				t.Fatalf("problems:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.problems))
			}
			for i, want := range tt.problems {
				if !strings.Contains(got[i], want) {
					t.Errorf("problem %q; want it to say %q", got[i], want)
				}
			}
			files := tree(t, res.Dest)
			if (res.Events > 0) != tt.events || res.Articles != tt.articles || !slices.Equal(res.Exports, tt.exports) {
				t.Errorf("%d events, %d articles, exports %v; want events %v, %d articles, exports %v", res.Events, res.Articles, res.Exports, tt.events, tt.articles, tt.exports)
			}
			for _, name := range tt.exports {
				if _, ok := files[name]; !ok {
					t.Errorf("no %s", name)
				}
			}
			if _, ok := files["index.html"]; !ok {
				t.Error("no site")
			}
		})
	}
}

// TestRunRefuses: input the build cannot go past is an error, and the
// site built before stays as it was.
func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string
		remove []string
		want   string
	}{
		{name: "no source folder", change: map[string]string{"config.toml": "[timeline]\nsource = \"news\"\n"}, want: "news: the source folder of articles is missing; create it or set [timeline] source in "},
		{name: "no file readable", remove: []string{"articles/idlib-market.txt", "articles/aleppo-siege.md", "articles/talks.html"}, want: "articles: no article could be read from the 1 file there"},
		{name: "a gazetteer of the wrong shape", change: map[string]string{"config.toml": "[timeline]\nsource = \"articles\"\n[gazetteer]\nplaces = \"Idlib\"\n"}, want: `config.toml:4: [gazetteer] places = "Idlib": a string (text in quotes), where an array [ ] is wanted`},
		{name: "a broken template", change: map[string]string{"layouts/home.html": "{{ .Broken }}"}, want: "home.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeProject(t, project)
			opt := options(t)
			built := tree(t, run(t, dir, opt).Dest)
			for name, content := range tt.change {
				writeFile(t, filepath.Join(dir, name), content)
			}
			for _, name := range tt.remove {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := config.Load(filepath.Join(dir, config.DefaultFile), false)
			if err == nil {
				_, err = Run(cfg, opt)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run: %v; want an error saying %q", err, tt.want)
			}
			if !maps.Equal(built, tree(t, opt.DestDir)) {
				t.Error("a failed build changed the site built before")
			}
		})
	}
}

// TestRunEmptyProject: a project with no article yet builds an empty site
// rather than failing, so a new project can be tried at once.
func TestRunEmptyProject(t *testing.T) {
	dir := writeProject(t, map[string]string{"config.toml": "[timeline]\nsource = \"articles\"\n", "articles/README": "Put articles here.\n"})
	res := run(t, dir, options(t))
	if res.Articles != 0 || res.Events != 0 || len(res.Problems) != 0 {
		t.Errorf("result %+v; want an empty site and no problems", res)
	}
	if !strings.Contains(tree(t, res.Dest)["index.html"], "0 events from 0 articles") {
		t.Error("no empty home page")
	}
}

// TestRunConfigOfAnotherName: Hugo reads the settings from the file the
// timeline was given, not from a config.toml it would look for.
func TestRunConfigOfAnotherName(t *testing.T) {
	files := maps.Clone(project)
	delete(files, "config.toml")
	files["syria.toml"] = "[params]\ndescription = \"From syria.toml\"\n[timeline]\nsource = \"articles\"\n"
	dir := writeProject(t, files)
	cfg, err := config.Load(filepath.Join(dir, "syria.toml"), false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(cfg, options(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tree(t, res.Dest)["index.html"], `content="From syria.toml"`) {
		t.Error("Hugo did not read syria.toml")
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
