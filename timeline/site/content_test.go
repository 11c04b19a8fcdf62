package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"conflict-timeline/timeline/internal/testenv"
)

// repoContent lays the repository's own content/ (the about and method
// pages of the seed timeline) into a copy of the test project, in place
// of its about page.
func repoContent(t *testing.T) string {
	t.Helper()
	project := copyProject(t)
	if err := os.RemoveAll(filepath.Join(project, "content", "about.md")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"about.md", "method.md"} {
		b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(), "content", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, project, map[string]string{"content/" + name: string(b)})
	}
	return project
}

var navElement = regexp.MustCompile(`(?s)<nav class="site-nav".*?</nav>`)

// TestContentNavGolden pins the navigation with the repository's
// hand-written pages, about and method, after the generated sections, on
// a page of each kind: each level of the site links relatively, and the
// page or section a reader is on is marked. Review changes with go test
// -update and git diff.
func TestContentNavGolden(t *testing.T) {
	dir := build(t, repoContent(t), fixture(), Options{})
	var navs strings.Builder
	for _, name := range []string{
		"index.html",
		"about.html",
		"method.html",
		"sources/index.html",
		"sources/aleppo-siege-broken.html",
		"events/2016-08-11-millis-hospital.html",
		"places/aleppo.html",
	} {
		nav := navElement.FindString(read(t, dir, name))
		if nav == "" {
			t.Errorf("%s has no navigation", name)
		}
		fmt.Fprintf(&navs, "<!-- %s -->\n%s\n", name, nav)
	}
	golden(t, "content/nav.html", []byte(navs.String()))
}

// TestContentPages: the hand-written pages render through the theme, with
// the figures of the build, not of the day they were written.
func TestContentPages(t *testing.T) {
	dir := build(t, repoContent(t), fixture(), Options{})
	data := newSiteData(fixture())
	timexes := 0
	for _, a := range data.Articles {
		timexes += a.Timexes
	}
	about, method := read(t, dir, "about.html"), read(t, dir, "method.html")
	for _, c := range []struct{ file, page, want string }{
		{"about.html", about, "<title>About this timeline · Syria timeline</title>"},
		{"about.html", about, fmt.Sprintf("holds %d events from %d articles.", len(data.Events), len(data.Articles))},
		{"about.html", about, `<a href="./sources/index.html">sources</a>`},
		{"about.html", about, `<a href="./method.html">How this timeline is made</a>`},
		{"method.html", method, "<h1>How this timeline is made</h1>"},
		{"method.html", method, fmt.Sprintf("<li>Articles: %d, of which", len(data.Articles))},
		{"method.html", method, fmt.Sprintf("<li>Dates read in them: %d.</li>", timexes)},
		{"method.html", method, fmt.Sprintf("<li>Events: %d: ", len(data.Events))},
		{"method.html", method, fmt.Sprintf("over %d months.", len(data.Months))},
		{"method.html", method, `<a href="./sources/index.html">sources</a>`},
		{"method.html", method, "004_27d682cdbfe1bedc.txt"},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
	for name, page := range map[string]string{"about.html": about, "method.html": method} {
		if strings.Contains(page, "{{") || strings.Contains(page, "stat ") {
			t.Errorf("%s shows a shortcode unexpanded", name)
		}
	}
}

// TestContentStat: each figure the stat shortcode gives, and an error
// naming the page and line for one it does not know.
func TestContentStat(t *testing.T) {
	in := fixture()
	data := newSiteData(in)
	count := func(f func(e eventData) bool) int {
		n := 0
		for _, e := range data.Events {
			if f(e) {
				n++
			}
		}
		return n
	}
	day := count(func(e eventData) bool { return e.Precision == "day" })
	uncertain := count(func(e eventData) bool { return e.Uncertain })
	articlesUnsure := 0
	for _, a := range data.Articles {
		if a.Anchor.Uncertain {
			articlesUnsure++
		}
	}
	project := copyProject(t)
	writeFiles(t, project, map[string]string{"content/figures.md": "---\ntitle: Figures\n---\n" +
		`events {{< stat "events" >}}; day {{< stat "day" "-" >}}; uncertain {{< stat "uncertain" "dash" >}}; ` +
		`articles {{< stat "articles" >}}; unsure {{< stat "articles-uncertain" "-" >}}; months {{< stat "months" >}}; ` +
		`verified {{< stat "verified" "-" >}}; edited {{< stat "edited" "-" >}}; hidden {{< stat "hidden" >}}` + "\n"})
	got := read(t, build(t, project, in, Options{}), "figures.html")
	verified := count(func(e eventData) bool { return e.Verified })
	edited := count(func(e eventData) bool { return len(e.Edited) > 0 })
	want := fmt.Sprintf("events %d events; day %d; uncertain %d dashs; articles %d articles; unsure %d; months %d months; verified %d; edited %d; hidden %d events",
		len(data.Events), day, uncertain, len(data.Articles), articlesUnsure, len(data.Months), verified, edited, in.Timeline.Hidden)
	if uncertain == 1 {
		want = strings.Replace(want, "dashs", "dash", 1)
	}
	if !strings.Contains(got, want) {
		t.Errorf("figures.html lacks %q:\n%s", want, got)
	}

	writeFiles(t, project, map[string]string{"content/figures.md": "---\ntitle: Figures\n---\n\nThere are {{< stat \"battles\" >}}.\n"})
	err := Build(in, Options{ProjectDir: project, DestDir: filepath.Join(t.TempDir(), "public")})
	if err == nil || !strings.Contains(err.Error(), "figures.md:5:") || !strings.Contains(err.Error(), `stat "battles"`) {
		t.Errorf("Build with an unknown figure: %v; want an error naming figures.md:5 and the figure", err)
	}
}

// TestContentOverridesGeneratedPage: a page of content/ at the path of a
// page the theme generates takes its place, its title in the navigation
// and in the browser tab; build after build, not by chance.
func TestContentOverridesGeneratedPage(t *testing.T) {
	project := copyProject(t)
	writeFiles(t, project, map[string]string{
		"content/sources/_index.md": "---\ntitle: Articles read\n---\nThe articles.\n",
		"content/months/_index.md":  "---\ntitle: By month\n---\nThe months.\n",
	})
	for i := range 3 {
		dir := build(t, project, fixture(), Options{})
		for _, c := range []struct{ file, want string }{
			{"sources/index.html", "<title>Articles read · Syria timeline</title>"},
			{"months/index.html", "<title>By month · Syria timeline</title>"},
			{"index.html", `<a href="./sources/index.html">Articles read</a>`},
			{"index.html", `<a href="./months/index.html">By month</a>`},
			{"index.html", "<title>Syria timeline</title>"}, // content/_index.md over the generated home
		} {
			if got := read(t, dir, c.file); !strings.Contains(got, c.want) {
				t.Errorf("build %d: %s lacks %s", i+1, c.file, c.want)
			}
		}
		// The generated pages of the section are still there.
		read(t, dir, "sources/aleppo-siege-broken.html")
	}
}

// TestContentBrokenFrontMatter: a page of content/ whose front matter
// cannot be read fails the build with its file and line, as an article's
// does, and leaves the last site alone.
func TestContentBrokenFrontMatter(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"yaml", "---\ntitle: About\nweight: [1\n---\nText.\n", "about.md:3:"},
		{"toml", "+++\ntitle = \"About\"\nweight = one\n+++\nText.\n", "about.md:3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			project := copyProject(t)
			writeFiles(t, project, map[string]string{"content/about.md": tt.page})
			dest := filepath.Join(t.TempDir(), "public")
			err := Build(fixture(), Options{ProjectDir: project, DestDir: dest})
			if err == nil || !strings.Contains(err.Error(), filepath.Join("content", tt.want)) {
				t.Errorf("Build: %v; want an error naming content/%s", err, tt.want)
			}
			if _, err := os.Stat(dest); err == nil {
				t.Error("a failed build wrote to the destination")
			}
		})
	}
}

// TestContentOverridesTaxonomyPage: a project's own page for a taxonomy
// (content/places/_index.md) takes the taxonomy page's place, with or
// without event pages, and the terms' pages are still made.
func TestContentOverridesTaxonomyPage(t *testing.T) {
	project := copyProject(t)
	writeFiles(t, project, map[string]string{"content/places/_index.md": "---\ntitle: Where it happened\n---\nThe places.\n"})
	for _, mode := range []EventPages{EventPagesAlways, EventPagesNever} {
		t.Run(string(mode), func(t *testing.T) {
			dir := build(t, project, fixture(), Options{EventPages: mode})
			for _, c := range []struct{ file, want string }{
				{"places/index.html", "<title>Where it happened · Syria timeline</title>"},
				{"index.html", `<a href="./places/index.html">Where it happened</a>`},
				{"places/aleppo.html", "<title>Aleppo · Syria timeline</title>"},
				{"places/index.html", `<li><a href="../places/aleppo.html">Aleppo</a> <span class="count">`},
			} {
				if got := read(t, dir, c.file); !strings.Contains(got, c.want) {
					t.Errorf("%s lacks %s", c.file, c.want)
				}
			}
		})
	}
}
