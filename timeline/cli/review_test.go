package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/correct"
)

// On the seeds, review finds the photo caption taken for an event and
// the quotes typed as the fighting they tell of, each with a stanza
// that, pasted into events.toml, is read back without an error.
func TestReviewSeeds(t *testing.T) {
	code, stdout, stderr := runReal("review", "--format", "json", "--config", "../../config.toml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct{ Findings []correct.Finding }
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"REUTERS/Ammar Abdullah":                   correct.KindCaption,
		"Sergei Lavrov complained on Monday":       correct.KindStatement,
		"International Committee of the Red Cross": correct.KindStatement,
	}
	var stanzas []string
	for _, f := range got.Findings {
		for words, kind := range want {
			if strings.Contains(f.Text, words) && slices.Contains(f.Kinds, kind) {
				delete(want, words)
			}
		}
		stanzas = append(stanzas, f.Stanza)
	}
	for words, kind := range want {
		t.Errorf("no %s finding for %q", kind, words)
	}
	path := filepath.Join(t.TempDir(), "events.toml")
	if err := os.WriteFile(path, []byte(strings.Join(stanzas, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs := correct.Read(path); len(errs) > 0 {
		t.Errorf("the stanzas pasted as they are do not read: %v", errs)
	}
}
