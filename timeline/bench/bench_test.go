package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The test binary stands in for both the timeline and the Hugo CLI when
// BENCH_FAKE is set, so that Measure runs end to end without either.
func TestMain(m *testing.M) {
	if os.Getenv("BENCH_FAKE") == "1" {
		if err := fake(os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fake builds like the timeline ("build --config FILE": two pages an
// article and a home page; a cache of one file an article in
// XDG_CACHE_HOME, counted as hits and misses; with "--hugo-project DIR",
// a content file a page but the home page there) or like Hugo ("--source
// DIR", with "--config FILES" or not: a page a content file and a home
// page).
func fake(args []string) error {
	if len(args) == 5 && args[0] == "build" && args[3] == "--hugo-project" {
		if err := fake(args[:3]); err != nil {
			return err
		}
		pages, err := os.ReadDir(filepath.Join(filepath.Dir(args[2]), "public"))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(args[4], 0o755); err != nil {
			return err
		}
		return writePages(filepath.Join(args[4], "content"), len(pages)-1)
	}
	if len(args) == 4 && args[0] == "--source" && args[2] == "--config" {
		args = args[:2]
	}
	switch {
	case len(args) == 3 && args[0] == "build" && args[1] == "--config":
		dir := filepath.Dir(args[2])
		arts, err := os.ReadDir(filepath.Join(dir, "articles"))
		if err != nil {
			return err
		}
		cache := os.Getenv("XDG_CACHE_HOME")
		hits, misses := 0, 0
		for _, a := range arts {
			if a.Name() == "README" {
				continue
			}
			entry := filepath.Join(cache, a.Name())
			if _, err := os.Stat(entry); err == nil {
				hits++
			} else {
				misses++
			}
			if err := os.WriteFile(entry, nil, 0o644); err != nil {
				return err
			}
		}
		fmt.Printf("timeline: cache: %d hits, %d misses\n", hits, misses)
		public := filepath.Join(dir, "public")
		if hits > 0 { // a rebuild
			if err := os.RemoveAll(public); err != nil {
				return err
			}
		}
		return writePages(public, 2*(hits+misses)+1)
	case len(args) == 2 && args[0] == "--source":
		pages, err := os.ReadDir(filepath.Join(args[1], "content"))
		if err != nil {
			return err
		}
		return writePages(filepath.Join(args[1], "public"), len(pages)+1)
	}
	return fmt.Errorf("fake: unexpected arguments %q", args)
}

// writePages writes n HTML files into a folder that must not exist yet:
// a full build that does not start from nothing fails.
func writePages(dir string, n int) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.html", i)), nil, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func TestMeasure(t *testing.T) {
	t.Setenv("BENCH_FAKE", "1")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Data: filepath.Join("testdata", "silver"), Sizes: []int{5, 3}, Undated: 4,
		Work: t.TempDir(), Runs: 2, Timeline: self, Hugo: self}
	res, err := Measure(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dated) != 2 || res.Dated[0].Articles != 3 || res.Dated[1].Articles != 5 {
		t.Fatalf("dated samples %+v, want sizes 3 and 5", res.Dated)
	}
	for _, s := range append(res.Dated, *res.Undated) {
		if want := 2*s.Articles + 1; s.Pages != want || s.FloorPages != want || s.SamePages != want {
			t.Errorf("%s %d: %d pages, floor %d, same site %d; want %d each", s.Kind, s.Articles, s.Pages, s.FloorPages, s.SamePages, want)
		}
		if len(s.Ours.Runs) != 2 || len(s.Floor.Runs) != 2 || len(s.Same.Runs) != 2 {
			t.Errorf("%s %d: %d, %d and %d runs, want 2 each", s.Kind, s.Articles, len(s.Ours.Runs), len(s.Floor.Runs), len(s.Same.Runs))
		}
	}
	if r := res.Rebuild; r == nil || r.Articles != 6 || !r.Counted || r.Hits != 5 || r.Misses != 1 {
		t.Errorf("rebuild %+v, want 6 articles, 5 from the cache, 1 resolved", r)
	}
	if r := res.Template; r == nil || !r.Counted || r.Hits != 6 || r.Misses != 0 {
		t.Errorf("template rebuild %+v, want 6 from the cache", r)
	}
	if _, err := os.Stat(filepath.Join(opt.Work, "dated-5", "layouts", "baseof.html")); err != nil {
		t.Errorf("the template was not overridden: %v", err)
	}
	// Only the largest dated corpus is kept; the floors all go.
	for name, kept := range map[string]bool{"dated-5": true, "dated-3": false, "undated-4": false, "floor-dated-5": false, "same-dated-5": false} {
		if _, err := os.Stat(filepath.Join(opt.Work, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
	// Three corpora, two runs each of all three, then two rebuilds.
	if len(res.Commands) != 20 {
		t.Errorf("%d commands, want 20:\n%s", len(res.Commands), strings.Join(res.Commands, "\n"))
	}
	logs, _ := os.ReadDir(filepath.Join(opt.Work, "logs"))
	if len(logs) != len(res.Commands) {
		t.Errorf("%d logs for %d commands", len(logs), len(res.Commands))
	}
	// Every full build starts with an empty cache.
	for _, l := range logs {
		if !strings.Contains(l.Name(), "-timeline-") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(opt.Work, "logs", l.Name()))
		if err != nil || !strings.Contains(string(b), "cache: 0 hits") {
			t.Errorf("%s: %q, %v; want a build from an empty cache", l.Name(), b, err)
		}
	}
}

// Only one part runs with --only; the rebuilds build their corpus first
// when no dated part did.
func TestMeasureOnly(t *testing.T) {
	t.Setenv("BENCH_FAKE", "1")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Data: filepath.Join("testdata", "silver"), Sizes: []int{4}, Undated: 4,
		Work: t.TempDir(), Runs: 1, Only: "template", Timeline: self, Hugo: "/nonexistent/hugo"}
	res, err := Measure(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dated) != 0 || res.Undated != nil || res.Rebuild != nil || res.Template == nil {
		t.Errorf("--only template measured %+v", res)
	}
	if res.Template.Misses != 0 || res.Template.Hits != 4 {
		t.Errorf("template rebuild %+v, want 4 from the cache", res.Template)
	}
	if !slices.ContainsFunc(res.Commands, func(c string) bool { return strings.Contains(c, "dated-4/config.toml") }) {
		t.Errorf("commands %q", res.Commands)
	}
}

func TestMeasureFails(t *testing.T) {
	t.Setenv("BENCH_FAKE", "1")
	opt := Options{Data: filepath.Join("testdata", "silver"), Sizes: []int{2}, Work: t.TempDir(), Runs: 1,
		Timeline: filepath.Join(t.TempDir(), "no-such-binary")}
	if _, err := Measure(context.Background(), opt); err == nil {
		t.Error("a timeline that cannot run: no error")
	}
}
