package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
)

// The seeds with an editor's corrections: the caption is hidden, a quote
// typed as fighting is a statement, checked and summarized; bad entries
// are problems by file and line, and the rest is built all the same.
func TestCollectAppliesCorrections(t *testing.T) {
	files := map[string]string{"config.toml": "[timeline]\nsource = \"seeds\"\n"}
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("the seeds: %v", err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		files["seeds/"+filepath.Base(s)] = string(b)
	}
	dir := writeProject(t, files)
	opt := Options{Now: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	before, err := Collect(load(t, dir), filepath.Join(dir, "seeds"), opt)
	if err != nil {
		t.Fatal(err)
	}
	caption := find(t, before.Timeline, "REUTERS/Ammar Abdullah")
	lavrov := find(t, before.Timeline, "Lavrov complained")
	maurer := find(t, before.Timeline, "Peter Maurer")
	writeFile(t, filepath.Join(dir, "events.toml"), fmt.Sprintf(`[events.%q]
hide = true
reason = "photo caption"

[events.%q]
type = "statement"
summary = "Lavrov: militants used ceasefires to rearm"
verified = true
by = "AB"

[events."nosuchevent0"]
verified = true

[events.%q]
date = "2016-13-01"
`, caption.ID, lavrov.ID, maurer.ID))
	after, err := Collect(load(t, dir), filepath.Join(dir, "seeds"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if after.Timeline.Hidden != 1 || len(after.Timeline.Events) != len(before.Timeline.Events)-1 {
		t.Errorf("%d events, %d hidden; want %d, 1", len(after.Timeline.Events), after.Timeline.Hidden, len(before.Timeline.Events)-1)
	}
	for _, e := range after.Timeline.Events {
		if e.ID == caption.ID {
			t.Error("the hidden caption is still an event")
		}
	}
	l := find(t, after.Timeline, "Lavrov complained")
	if l.Type != "statement" || !l.Verified || l.VerifiedBy != "AB" || l.Summary == "" || strings.Join(l.Edited, ",") != "type,summary" {
		t.Errorf("Lavrov's complaint: type %q, verified %v by %q, summary %q, edited %q", l.Type, l.Verified, l.VerifiedBy, l.Summary, l.Edited)
	}
	var problems []string
	for _, p := range after.Problems {
		problems = append(problems, p.Error())
	}
	for _, want := range []string{"events.toml:11: events.\"nosuchevent0\": no event has this ID", "events.toml:14: events."} {
		if !strings.Contains(strings.Join(problems, "\n"), want) {
			t.Errorf("problems %q, want one with %q", problems, want)
		}
	}
}

func find(t *testing.T, tl timeline.Timeline, words string) timeline.Event {
	t.Helper()
	for _, e := range tl.Events {
		if strings.Contains(e.Text, words) {
			return e
		}
	}
	t.Fatalf("no event with %q", words)
	return timeline.Event{}
}
