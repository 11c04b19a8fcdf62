package site

import (
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// TestHugoProjectRendersTheSameSite: the project a build writes for the
// Hugo CLI renders, as the CLI reads it, the pages the build published,
// byte for byte: the theme, the data, the project's own files and the
// settings the build fixes over the project's (the title given, ugly
// URLs whatever config.toml says) are all there.
func TestHugoProjectRendersTheSameSite(t *testing.T) {
	project := copyProject(t)
	cfg := filepath.Join(project, "config.toml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, project, map[string]string{
		"config.toml":                   "uglyURLs = false\n" + string(b),
		"layouts/_partials/footer.html": "<footer>the project's footer</footer>",
		"static/CNAME":                  "timeline.example.org",
	})
	hp := filepath.Join(t.TempDir(), "hugo")
	site := build(t, project, fixture(), Options{Title: "Given title", ConfigFile: cfg, HugoProject: hp})

	renderProject(t, hp)
	want, got := pages(t, site), pages(t, filepath.Join(hp, "public"))
	if len(want) < 10 {
		t.Fatalf("the build published %d pages", len(want))
	}
	for name, page := range want {
		if got[name] != page {
			t.Errorf("%s: the Hugo project renders it differently (or not at all)", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: the Hugo project renders it, the build did not", name)
		}
	}
	if home := want["index.html"]; !strings.Contains(home, "Given title") || !strings.Contains(home, "the project's footer") {
		t.Errorf("the home page lacks the given title or the project's footer")
	}
}

func TestHugoProjectWantsAnEmptyFolder(t *testing.T) {
	hp := t.TempDir()
	writeFiles(t, hp, map[string]string{"notes.txt": "mine"})
	err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: t.TempDir(), HugoProject: hp})
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Build into a folder not empty: %v", err)
	}
}

// renderProject renders the Hugo project in dir into dir/public, reading
// its files as the CLI command that HugoSettings names does.
func renderProject(t *testing.T, dir string) {
	t.Helper()
	flags := config.New()
	flags.Set("workingDir", dir)
	flags.Set("cacheDir", t.TempDir())
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          afero.NewOsFs(),
		Flags:       flags,
		Filename:    "config.toml," + HugoSettings,
		Environment: "production",
		Environ:     []string{"CONFLICT_TIMELINE=1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	fs := hugofs.NewFrom(afero.NewOsFs(), configs.LoadingInfo.BaseConfig)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: fs, LogLevel: logg.LevelWarn, StdOut: io.Discard, StdErr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		t.Fatal(err)
	}
}

// pages are the HTML and XML files under dir, by path.
func pages(t *testing.T, dir string) map[string]string {
	t.Helper()
	all := tree(t, dir)
	for _, name := range slices.Collect(maps.Keys(all)) {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			delete(all, name)
		}
	}
	return all
}
