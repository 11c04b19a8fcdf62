package timeml_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timeml"
)

// TestCorpora reads every reference corpus and checks each document
// against what a plain look at the raw file says: as many gold timexes as
// <TIMEX3 tags in <TEXT> (none is empty there), spans inside the text, and
// a DCT that parses.
func TestCorpora(t *testing.T) {
	for _, sub := range []string{"tempeval3/timebank", "tempeval3/aquaint", "tempeval3/silver", "wikiwars-train"} {
		t.Run(sub, func(t *testing.T) {
			docs, err := timeml.Load(testenv.DataDir(t, sub))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				checkAgainstRaw(t, d)
			}
		})
	}
}

var rawText = regexp.MustCompile(`(?s)<TEXT>(.*)</TEXT>`)

func checkAgainstRaw(t *testing.T, d *timeml.Document) {
	t.Helper()
	raw, err := os.ReadFile(d.Path)
	if err != nil {
		t.Fatal(err)
	}
	m := rawText.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("%s: no <TEXT> in the raw file", d.Path)
	}
	name := filepath.Base(d.Path)
	if want := strings.Count(string(m[1]), "<TIMEX3"); len(d.Timexes) != want {
		t.Errorf("%s: %d gold timexes, the raw <TEXT> has %d", name, len(d.Timexes), want)
	}
	if d.ID == "" || d.DCT.IsZero() {
		t.Errorf("%s: ID %q, DCT %q (parsed %v)", name, d.ID, d.DCTValue, d.DCT)
	}
	last := 0
	for _, tx := range d.Timexes {
		if tx.Start < last || tx.End <= tx.Start || tx.End > len(d.Text) || tx.Text != d.Text[tx.Start:tx.End] {
			t.Errorf("%s: timex %+v out of order or out of the text", name, tx)
		}
		last = tx.Start
	}
}
