package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/internal/testenv"
)

// TestSeedContent builds the repository's own timeline, as `go run
// ./cmd/timeline` does, and checks that the top-level content/ is part
// of it: the about and method pages are rendered, linked from every
// page's navigation, and give the figures of this build.
func TestSeedContent(t *testing.T) {
	cfg, err := config.Load(filepath.Join(testenv.RepoRoot(), config.DefaultFile), false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(cfg, Options{DestDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	files := tree(t, res.Dest)
	for _, page := range []string{"index.html", "sources/index.html", "about.html", "method.html"} {
		up := strings.Repeat("../", strings.Count(page, "/"))
		if up == "" {
			up = "./"
		}
		for _, link := range []string{`<a href="` + up + `about.html"`, `<a href="` + up + `method.html"`} {
			if !strings.Contains(files[page], link) {
				t.Errorf("%s: the navigation lacks %s", page, link)
			}
		}
	}
	for _, c := range []struct{ file, want string }{
		{"about.html", "<h1>About this timeline</h1>"},
		{"about.html", fmt.Sprintf("holds %d events from %d articles.", res.Events, res.Articles)},
		{"method.html", "<h1>How this timeline is made</h1>"},
		{"method.html", fmt.Sprintf("<li>Articles: %d, of which", res.Articles)},
		{"method.html", fmt.Sprintf("<li>Events: %d: ", res.Events)},
		{"method.html", `<a href="./sources/index.html">sources</a>`},
	} {
		if !strings.Contains(files[c.file], c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
}

// TestContentBrokenFrontMatter: a hand-written page whose front matter
// cannot be read stops the build with its file and line, and the site
// already built stays as it was.
func TestContentBrokenFrontMatter(t *testing.T) {
	dir := writeProject(t, project)
	cfg := load(t, dir)
	dest := filepath.Join(dir, "public")
	if _, err := Run(cfg, Options{DestDir: dest, Extract: fakeExtract}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)

	writeFile(t, filepath.Join(dir, "content", "about.md"), "---\ntitle: About\nweight: [1\n---\nBuilt from news articles.\n")
	_, err := Run(cfg, Options{DestDir: dest, Extract: fakeExtract})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("content", "about.md")+":3:") {
		t.Errorf("Run: %v; want an error naming content/about.md:3", err)
	}
	after := tree(t, dest)
	if len(after) != len(before) {
		t.Errorf("a failed build changed the site: %d files, then %d", len(before), len(after))
	}
	for name, b := range before {
		if after[name] != b {
			t.Errorf("a failed build changed %s", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "about.html")); err != nil {
		t.Error(err)
	}
}
