package pipeline

import (
	"cmp"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline/cache"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/internal/testenv"
)

// cachedProject is the small project with the seed articles beside its
// own, undated ones whose anchors come from their text and neighbours,
// without the file it cannot read.
func cachedProject(t *testing.T) string {
	t.Helper()
	files := maps.Clone(project)
	delete(files, "articles/bad.txt")
	seeds, err := filepath.Glob(filepath.Join(testenv.RepoRoot(), "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files["articles/"+filepath.Base(p)] = string(b)
	}
	return writeProject(t, files)
}

// collectCached collects the project with the real steps, through the
// cache of the version given (nil: none).
func collectCached(t *testing.T, dir string, c *cache.Cache) Collected {
	t.Helper()
	cfg := load(t, dir)
	got, err := Collect(cfg, cfg.Source(), Options{Cache: c, Now: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Problems) > 0 {
		t.Fatalf("problems: %v", got.Problems)
	}
	return got
}

func openCache(t *testing.T, dir, version string) *cache.Cache {
	t.Helper()
	c, err := cache.OpenVersion(filepath.Join(dir, cache.Dir), version)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// stats are the cache's counts by kind.
func stats(c *cache.Cache) map[string]cache.Stats {
	out := map[string]cache.Stats{}
	for _, s := range c.Stats() {
		out[s.Kind] = s
	}
	return out
}

// sameCollection fails unless two collections made the same inputs and
// the same timeline.
func sameCollection(t *testing.T, what string, got, want Collected) {
	t.Helper()
	// The collection may add an anchor's probabilities in another order:
	// they are compared as the cache keys them.
	if len(got.Inputs) != len(want.Inputs) {
		t.Fatalf("%s: %d inputs, want %d", what, len(got.Inputs), len(want.Inputs))
	}
	for i, g := range got.Inputs {
		w := want.Inputs[i]
		if !reflect.DeepEqual(g.Article, w.Article) || !reflect.DeepEqual(beliefOf(g.Anchor), beliefOf(w.Anchor)) ||
			!reflect.DeepEqual(g.Anchor.Reasons, w.Anchor.Reasons) || !reflect.DeepEqual(g.Timexes, w.Timexes) {
			t.Errorf("%s: %s differs", what, g.Article.Path)
		}
	}
	if !reflect.DeepEqual(got.Timeline, want.Timeline) {
		t.Errorf("%s: the timeline differs: %d events, want %d", what, len(got.Timeline.Events), len(want.Timeline.Events))
	}
}

// A build from the cache is the build without it; the next one works out
// again only the article added, and those whose anchor it moved.
func TestCacheRebuildsOnlyWhatChanged(t *testing.T) {
	dir := cachedProject(t)
	fresh := collectCached(t, dir, nil)
	n := len(fresh.Inputs)
	if n < 8 || len(fresh.Timeline.Events) == 0 {
		t.Fatalf("%d articles, %d events: the project is too small to tell", n, len(fresh.Timeline.Events))
	}
	// All at once, by event.Extract, as the per-article extraction must
	// give it.
	cfg := load(t, dir)
	whole, err := Collect(cfg, cfg.Source(), Options{Extract: event.Extract, Now: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	sameCollection(t, "event.Extract", fresh, whole)

	cold := openCache(t, dir, "v1")
	sameCollection(t, "cold cache", collectCached(t, dir, cold), fresh)
	for _, kind := range []string{"expressions", "events"} {
		if s := stats(cold)[kind]; s.Hits != 0 || s.Misses != n {
			t.Errorf("cold %s: %+v, want %d misses", kind, s, n)
		}
	}
	warm := openCache(t, dir, "v1")
	sameCollection(t, "warm cache", collectCached(t, dir, warm), fresh)
	for _, kind := range []string{"clues", "expressions", "events"} {
		if s := stats(warm)[kind]; s.Misses != 0 || s.Hits == 0 {
			t.Errorf("warm %s: %+v, want hits only", kind, s)
		}
	}

	// An article added changes the collection's count of articles, and
	// with it which names are rare: the undated articles that drew on
	// them may move. Exactly the new one and those are resolved afresh.
	writeFile(t, filepath.Join(dir, "articles", "2016-08-20-port.md"), "---\ntitle: Floods close a port\ndate: 2016-08-20\n---\n\n"+
		"Floods closed the port on Friday, officials said on Saturday.\n")
	added := openCache(t, dir, "v1")
	got := collectCached(t, dir, added)
	sameCollection(t, "one article added", got, collectCached(t, dir, nil))
	moved := 1 // the new article, and each whose anchor it moved
	for _, in := range got.Inputs {
		for _, was := range fresh.Inputs {
			if was.Article.Path == in.Article.Path && !reflect.DeepEqual(beliefOf(was.Anchor), beliefOf(in.Anchor)) {
				moved++
			}
		}
	}
	if s := stats(added)["expressions"]; s.Misses != moved || s.Hits != n+1-moved || s.Hits == 0 {
		t.Errorf("one article added: expressions %+v, want %d resolved afresh, the other %d read back", s, moved, n+1-moved)
	}

	// An article edited in words that name nothing moves no other: it
	// alone is resolved and read for events afresh.
	path := filepath.Join(dir, "articles", "aleppo-siege.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(b)+"\nMore fighting was reported on Sunday.\n")
	edited := openCache(t, dir, "v1")
	sameCollection(t, "one article edited", collectCached(t, dir, edited), collectCached(t, dir, nil))
	for _, kind := range []string{"expressions", "events"} {
		if s := stats(edited)[kind]; s.Misses != 1 || s.Hits != n {
			t.Errorf("one article edited: %s %+v, want 1 worked out afresh, %d read back", kind, s, n)
		}
	}
}

// A spoiled entry is worked out afresh, and the build is the same.
func TestCacheSpoiledEntries(t *testing.T) {
	dir := cachedProject(t)
	fresh := collectCached(t, dir, nil)
	collectCached(t, dir, openCache(t, dir, "v1"))
	spoiled := 0
	filepath.WalkDir(filepath.Join(dir, cache.Dir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			// Entries are records in a few packs: every other file is
			// cut short within its first record, the rest keep their
			// first 40 bytes (a pack's header) and have a third of
			// the others flipped, so that every record is spoiled.
			b, _ := os.ReadFile(p)
			if spoiled%2 == 0 {
				b = b[:min(len(b), 40)]
			} else if len(b) > 40 {
				for i := 40; i < len(b); i += 3 {
					b[i] ^= 0xff
				}
			} else {
				b = []byte(strings.Repeat("\xff", len(b)))
			}
			writeFile(t, p, string(b))
			spoiled++
		}
		return err
	})
	if spoiled == 0 {
		t.Fatal("the cache is empty")
	}
	c := openCache(t, dir, "v1")
	sameCollection(t, "spoiled cache", collectCached(t, dir, c), fresh)
	for kind, s := range stats(c) {
		if s.Hits != 0 {
			t.Errorf("%s: %+v, want no hits from spoiled entries", kind, s)
		}
	}
}

// What invalidates what: the sections of config.toml that shape an
// article's expressions or events do; the others do not, nor does a
// program of the same version.
func TestCacheKeys(t *testing.T) {
	tests := []struct {
		name    string
		config  func(string) string
		version string
		// which kinds are worked out afresh for every article
		expressions, events bool
	}{
		{name: "nothing changed"},
		{name: "site title", config: func(c string) string {
			return strings.Replace(c, `title = "Idlib and Aleppo, August 2016"`, `title = "Aleppo"`, 1)
		}},
		{name: "gazetteer", config: func(c string) string {
			return c + "\n[[gazetteer.places]]\nname = \"Homs\"\n"
		}, events: true},
		{name: "types", config: func(c string) string {
			return c + "\n[[types.list]]\nname = \"ceasefire\"\nkeywords = [\"ceasefire\"]\n"
		}, events: true},
		{name: "max expressions", config: func(c string) string {
			return c + "\n[limits]\nmax_expressions = 1000\n"
		}, expressions: true, events: true},
		{name: "another program", version: "v2", expressions: true, events: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := cachedProject(t)
			first := collectCached(t, dir, openCache(t, dir, "v1"))
			if tt.config != nil {
				path := filepath.Join(dir, "config.toml")
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				changed := tt.config(string(b))
				if changed == string(b) {
					t.Fatal("the config did not change")
				}
				writeFile(t, path, changed)
			}
			c := openCache(t, dir, cmp.Or(tt.version, "v1"))
			got := collectCached(t, dir, c)
			if tt.config == nil {
				sameCollection(t, "rebuilt", got, first)
			}
			n := len(got.Inputs)
			for kind, afresh := range map[string]bool{"expressions": tt.expressions, "events": tt.events} {
				s := stats(c)[kind]
				if want := map[bool]int{true: n, false: 0}[afresh]; s.Misses != want || s.Hits != n-want {
					t.Errorf("%s: %+v, want %d of %d worked out afresh", kind, s, want, n)
				}
			}
		})
	}
}
