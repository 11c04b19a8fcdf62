package correct

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var types = []string{"air strike", "shelling", "battle", "diplomacy or ceasefire", "other"}

// fixture is a small timeline as the extractor makes it.
func fixture() timeline.Timeline {
	ev := func(id, d string, p timeline.Precision, typ, text string, places ...string) timeline.Event {
		return timeline.Event{ID: id, Date: d, Precision: p, Confidence: 0.7, Inferred: true, Type: typ, Text: text,
			Places: append([]string{}, places...), Actors: []string{},
			Sources: []timeline.Source{{ID: id, Article: "reuters", File: "reuters.txt", Title: "Aleppo fighting",
				Sentence: timeline.SourceSpan{Text: text}}}}
	}
	return timeline.Timeline{
		Title: "Fixture",
		Events: []timeline.Event{
			ev("range0000001", "2016", timeline.PrecisionYear, "other", "Six hospitals were hit between July 23 and July 31."),
			ev("caption00001", "2016-08-01", timeline.PrecisionDay, "battle", "REUTERS/Ammar Abdullah Rebel fighters inspect the wreckage."),
			ev("strike000001", "2016-08-03", timeline.PrecisionDay, "battle", "Warplanes struck Saraqeb on Tuesday.", "Saraqeb"),
			ev("strike000002", "2016-08-02", timeline.PrecisionDay, "battle", "Jets hit the town of Saraqeb, activists said.", "Idlib"),
			ev("quote0000001", "2016-08-08", timeline.PrecisionDay, "battle", "Lavrov complained on Monday that the truce failed."),
		},
		Articles: []timeline.Source{
			{Article: "afp", File: "afp.txt", Title: "Market shelled in Idlib", URL: "https://afp.example/1"},
			{Article: "reuters", File: "reuters.txt", Title: "Aleppo fighting"},
		},
	}
}

func TestApplyGolden(t *testing.T) {
	f, errs := Read("testdata/events.toml")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tl, rep := f.Apply(fixture(), types)
	if len(rep.Errors) > 0 || len(rep.Orphaned) > 0 {
		t.Fatalf("errors %v, orphans %v", rep.Errors, rep.Orphaned)
	}
	if rep.Applied != 4 || rep.Added != 2 || rep.Hidden != 1 {
		t.Errorf("applied %d, added %d, hidden %d; want 4, 2, 1", rep.Applied, rep.Added, rep.Hidden)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(tl); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/applied.json", b.Bytes())

	byID := map[string]timeline.Event{}
	for _, e := range tl.Events {
		byID[e.ID] = e
	}
	if _, ok := byID["caption00001"]; ok {
		t.Error("the hidden caption is still there")
	}
	if _, ok := byID["strike000002"]; ok {
		t.Error("the merged report is still an event of its own")
	}
	s := byID["strike000001"]
	if s.Date != "2016-08-02" || s.Confidence != 1 || s.Inferred || !s.Verified || s.Summary == "" || len(s.Sources) != 2 {
		t.Errorf("the corrected strike: %+v", s)
	}
	if r := byID["range0000001"]; r.Date != "2016-07-23" || r.End != "2016-07-31" || r.Precision != timeline.PrecisionDay {
		t.Errorf("the range: %s..%s (%s)", r.Date, r.End, r.Precision)
	}
	for i := 1; i < len(tl.Events); i++ {
		if tl.Events[i].Date < tl.Events[i-1].Date {
			t.Errorf("not in order: %s after %s", tl.Events[i].Date, tl.Events[i-1].Date)
		}
	}
}

// A bad entry is an error naming the file and line; the good ones are
// applied all the same.
func TestBadCorrections(t *testing.T) {
	tests := []struct {
		name, toml string
		want       string // in the error
	}{
		{"malformed", "[events.\"strike000001\"\ndate = \"2016-08-02\"\n", "bad.toml:2: expected"},
		{"bad date", "\n[events.\"strike000001\"]\ndate = \"2016-13-40\"\n", `bad.toml:2: events."strike000001": date: "2016-13-40" does not read`},
		{"range backwards", "[events.\"strike000001\"]\ndate = \"2016-08-09/2016-08-01\"\n", "bad.toml:1:"},
		{"unknown ID", "\n\n[events.\"nosuchevent1\"]\nverified = true\n", `bad.toml:3: events."nosuchevent1": no event has this ID (orphaned`},
		{"unknown type", "[events.\"strike000001\"]\ntype = \"picnic\"\n", `bad.toml:1: events."strike000001": type "picnic" is not one of the event types`},
		{"unknown setting", "[events.\"strike000001\"]\nverfied = true\n", "bad.toml:2: events.strike000001.verfied: not a setting"},
		{"merge loop", "[events.\"strike000001\"]\nmerge = [\"strike000002\"]\n\n[events.\"strike000002\"]\nmerge = [\"strike000001\"]\n", `bad.toml:4: events."strike000002": merge: merging "strike000001" would loop back`},
		{"merge into itself", "[events.\"strike000001\"]\nmerge = [\"strike000001\"]\n", "bad.toml:1:"},
		{"merge of an unknown ID", "[events.\"strike000001\"]\nmerge = [\"nosuchevent1\"]\n", `bad.toml:1: events."strike000001": merge: no event has the ID "nosuchevent1"`},
		{"an addition without a source", "[[add]]\ndate = \"2016-08-06\"\nsummary = \"x\"\n", "bad.toml:1: [[add]]: a source is needed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := "\n\n\n\n\n\n[events.\"quote0000001\"]\nverified = true\n"
			f, errs := Parse("bad.toml", []byte(tt.toml+good))
			var rep Report
			var tl timeline.Timeline
			if f != nil {
				tl, rep = f.Apply(fixture(), types)
				errs = append(errs, rep.Errors...)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tt.want) {
				t.Errorf("errors %q, want one with %q", msgs, tt.want)
			}
			if f == nil {
				return // not TOML at all: nothing is applied
			}
			for _, e := range tl.Events {
				if e.ID == "quote0000001" && !e.Verified {
					t.Error("a good correction beside the bad one was not applied")
				}
			}
		})
	}
}

func TestAbsentFile(t *testing.T) {
	f, errs := Read(filepath.Join(t.TempDir(), "events.toml"))
	if f != nil || errs != nil {
		t.Errorf("an absent file: %v %v", f, errs)
	}
	tl, rep := f.Apply(fixture(), types)
	if len(tl.Events) != len(fixture().Events) || rep.Applied != 0 {
		t.Error("no corrections changed the timeline")
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run go test -update and read the diff:\n%s", path, got)
	}
}
