package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline/cache"
)

// TestBuildCache: a build keeps the build cache beside config.toml, the
// next one reads it back, and --no-cache neither reads nor writes it.
func TestBuildCache(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":        "[timeline]\nsource = \"articles\"\n",
		"articles/talks.md":  "---\ntitle: Talks resume\ndate: 2016-08-02\n---\nThe talks resumed on Tuesday after three years.\n",
		"articles/siege.txt": "Siege broken\n\nALEPPO, Aug 7 (Reuters) - Rebels said on Saturday they had broken the siege of Aleppo.\n",
	})
	cfg := filepath.Join(dir, "config.toml")
	stash := filepath.Join(dir, cache.Dir)
	for _, step := range []struct {
		name   string
		args   []string
		want   string
		cached bool // the folder is there after it
	}{
		{"no cache", []string{"--no-cache"}, "", false},
		{"cold", nil, "expressions 0 of 2 reused", true},
		{"warm", nil, "expressions 2 of 2 reused", true},
	} {
		e, _, errs := realEnv()
		if code := e.main(append([]string{"build", "--config", cfg}, step.args...)); code != exitOK {
			t.Fatalf("%s: exit %d, stderr:\n%s", step.name, code, errs)
		}
		said := strings.Contains(errs.String(), "timeline: build cache ")
		if said != step.cached || !strings.Contains(errs.String(), step.want) {
			t.Errorf("%s: stderr lacks %q:\n%s", step.name, step.want, errs)
		}
		if _, err := os.Stat(stash); (err == nil) != step.cached {
			t.Errorf("%s: %s there: %v, want %v", step.name, stash, err == nil, step.cached)
		}
		if !strings.Contains(errs.String(), "timeline: time per step: reading articles ") {
			t.Errorf("%s: no time per step:\n%s", step.name, errs)
		}
	}
}
