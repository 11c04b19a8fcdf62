package project

import (
	"conflict-timeline/timeline/correct"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/config"
)

func TestNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "syria")
	files, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".github/workflows/pages.yml", ".gitignore", "articles/README", "config.toml", "content/about.md", "events.toml"}
	slices.Sort(files)
	if !slices.Equal(files, want) {
		t.Errorf("New wrote %v, want %v", files, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".gitignore")); !strings.Contains(string(b), "/public/") {
		t.Error(".gitignore does not ignore the built site")
	}
	// The config loads and names the articles folder it made, which the
	// article reader passes over its README.
	cfg, err := config.Load(filepath.Join(dir, config.DefaultFile), false)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Source() != filepath.Join(dir, "articles") || cfg.Site.Title == "" {
		t.Errorf("source %s, title %q; want %s and a title", cfg.Source(), cfg.Site.Title, filepath.Join(dir, "articles"))
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(dir string) string
		want  string
	}{
		{"a folder with a file", func(dir string) string {
			os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
			return dir
		}, "not empty"},
		{"a file", func(dir string) string {
			path := filepath.Join(dir, "file")
			os.WriteFile(path, nil, 0o644)
			return path
		}, "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := tt.setup(t.TempDir())
			if _, err := New(target); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%s): %v; want an error saying %q", target, err, tt.want)
			}
		})
	}

	// An empty folder is fine: one made for the timeline, or a new clone.
	if _, err := New(t.TempDir()); err != nil {
		t.Errorf("New on an empty folder: %v", err)
	}
}

// TestWorkflowMatchesTheRepository: the workflow a new project gets is the
// repository's own, but for building the tool from its source first.
func TestWorkflowMatchesTheRepository(t *testing.T) {
	repo, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := skeleton.ReadFile("skeleton/dot-github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	// What both must have, in the same order: triggers, permissions, the
	// official Pages actions and the build with the Pages base URL.
	essentials := regexp.MustCompile(`(?m)^\s*(- uses: actions/[\w-]+@v\d+|uses: actions/[\w-]+@v\d+|branches: \[main\]|workflow_dispatch:|pages: write|id-token: write|path: public|go-version-file: .*|.*build --base-url "\$\{\{ steps\.pages\.outputs\.base_url \}\}/")$`)
	pick := func(b []byte) []string {
		var out []string
		for _, m := range essentials.FindAllStringSubmatch(string(b), -1) {
			line := strings.TrimPrefix(strings.TrimSpace(m[1]), "- ")
			// How the tool is run and found differs, by design.
			line = regexp.MustCompile(`^.*(build --base-url)`).ReplaceAllString(line, "$1")
			line = strings.Replace(line, "go-version-file: .timeline-tool/go.mod", "go-version-file: go.mod", 1)
			out = append(out, line)
		}
		return out
	}
	// The project checks out the tool as well as itself: two checkouts
	// in a row.
	r, p := pick(repo), slices.Compact(pick(tmpl))
	if !slices.Equal(r, p) {
		t.Errorf("the workflows differ:\nrepository: %q\nproject:    %q", r, p)
	}
	if len(r) < 10 {
		t.Errorf("found only %q in the repository's workflow", r)
	}
}

// The corrections file a new project gets documents itself and corrects
// nothing until an editor writes in it.
func TestNewEventsFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if _, err := New(dir); err != nil {
		t.Fatal(err)
	}
	f, errs := correct.Read(filepath.Join(dir, "events.toml"))
	if len(errs) > 0 || f == nil || len(f.Events) > 0 || len(f.Adds) > 0 {
		t.Errorf("events.toml of a new project: %v, errors %v", f, errs)
	}
}
