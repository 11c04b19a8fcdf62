package pipeline

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/event"
)

// TestCollectLimits: an article with more expressions than the limit
// keeps the first so many and says so, as a problem and in a note for its
// page; a pin for a file that is not there and a key nothing reads are
// warnings with their lines; every one is written to the progress as it
// is met.
func TestCollectLimits(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"config.toml": "[timeline]\nsource = \"articles\"\n\n[limits]\nmax_expressions = 3\nmax_title_chars = 20\n\n" +
			"[articles.\"gone.txt\"]\ndate = \"2016-08-07\"\n\n[colours]\nred = 1\n",
		"articles/many.txt": "Many dates\n\n" + strings.Repeat("Fighting went on on Monday. ", 5) + "\n",
		"articles/few.md":   "---\ntitle: A headline longer than twenty characters\ndate: 2016-08-07\n---\nTalks resumed on Monday.\n",
		"articles/note.png": "\x89PNG\r\n\x1a\n\x00\x00",
	})
	cfg := load(t, dir)
	var progress bytes.Buffer
	opt := options(t)
	opt.Progress = &progress
	c, err := Collect(cfg, cfg.Source(), opt)
	if err != nil {
		t.Fatal(err)
	}
	var got []event.Input
	for _, in := range c.Inputs {
		got = append(got, in)
	}
	if len(got) != 2 {
		t.Fatalf("%d articles, want 2", len(got))
	}
	for _, in := range got {
		if n := len(in.Timexes); n > 3 {
			t.Errorf("%s: %d expressions kept, over the limit of 3", in.Article.Path, n)
		}
	}
	many := filepath.Join(dir, "articles", "many.txt")
	if len(c.Problems) != 1 || !errors.Is(c.Problems[0], article.ErrOverLimit) ||
		c.Problems[0].Error() != many+": resolving dates: the article has 5 temporal expressions, over the limit of 3; the first 3 are kept, and its page says so (raise [limits] max_expressions in config.toml to allow more)" {
		t.Errorf("problems %v", c.Problems)
	}
	if notes := c.Notes[many]; len(notes) != 1 || !strings.Contains(notes[0], "the first 3 are kept") {
		t.Errorf("notes of many.txt: %q", notes)
	}
	few := filepath.Join(dir, "articles", "few.md")
	if notes := c.Notes[few]; len(notes) != 1 || !strings.Contains(notes[0], "the headline is 40 characters long, over the limit of 20; it is cut there") {
		t.Errorf("notes of few.md: %q", notes)
	}
	cfgFile := filepath.Join(dir, config.DefaultFile)
	wantWarnings := []string{
		cfgFile + ":11: colours: neither the timeline nor Hugo reads this setting",
		cfgFile + `:8: [articles."gone.txt"]: there is no file gone.txt in ` + filepath.Join(dir, "articles") + "; the pin is unused",
		filepath.Join(dir, "articles", "few.md") + ": the headline is 40 characters long",
		filepath.Join(dir, "articles", "note.png") + ": unsupported file type (.png)",
	}
	if len(c.Warnings) != len(wantWarnings) {
		t.Errorf("warnings %q", c.Warnings)
	}
	for i, w := range wantWarnings {
		if i < len(c.Warnings) && !strings.HasPrefix(c.Warnings[i].Error(), w) {
			t.Errorf("warning %d = %q, want %q...", i, c.Warnings[i], w)
		}
		if !strings.Contains(progress.String(), "timeline: warning: "+w) {
			t.Errorf("progress lacks %q:\n%s", w, progress.String())
		}
	}
	if !strings.Contains(progress.String(), "timeline: "+c.Problems[0].Error()+"\n") {
		t.Errorf("progress lacks the problem:\n%s", progress.String())
	}
}
