package cli

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline"
)

// runReal runs the command line on the real steps.
func runReal(args ...string) (code int, stdout, stderr string) {
	e, out, errs := realEnv()
	code = e.main(args)
	return code, out.String(), errs.String()
}

// testdata/extract holds two wire stories of one shelling, dated by their
// datelines, one of which also tells of a planned meeting and of 2012.
func TestExtractJSON(t *testing.T) {
	code, stdout, stderr := runReal("extract", "testdata/extract")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var tl timeline.Timeline
	if err := json.Unmarshal([]byte(stdout), &tl); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	byText := func(words string) *timeline.Event {
		for i, e := range tl.Events {
			if strings.Contains(e.Text, words) {
				return &tl.Events[i]
			}
		}
		t.Fatalf("no event tells %q in %s", words, stdout)
		return nil
	}
	shelling := byText("main market in Idlib")
	var from []string
	for _, s := range shelling.Sources {
		from = append(from, s.Article)
	}
	slices.Sort(from)
	if shelling.Date != "2016-08-07" || shelling.Type != "shelling" || !slices.Equal(from, []string{"afp", "reuters"}) {
		t.Errorf("the shelling: %s %s from %q; want 2016-08-07, shelling, from both stories", shelling.Date, shelling.Type, from)
	}
	if strings.Contains(shelling.Text, "IDLIB") {
		t.Errorf("the dateline is quoted as news: %q", shelling.Text)
	}
	if m := byText("Security Council"); !m.Planned || m.Type != "diplomacy or ceasefire" {
		t.Errorf("the meeting: planned %v, type %q", m.Planned, m.Type)
	}
	if b := byText("rebels seized in 2012"); b.Date != "2012" || !slices.Equal(b.Places, []string{"Aleppo"}) {
		t.Errorf("the seizure: %s in %q", b.Date, b.Places)
	}
}

func TestExtractCommand(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // each must appear
		stderr []string
	}{
		{name: "csv", args: []string{"extract", "--format", "csv", "testdata/extract"}, code: exitOK,
			stdout: []string{"event_id,event_date,time_precision,event_type,actor1,actor2,location,notes,source,source_url", ",2016-08-07,1,shelling,"}},
		{name: "timelinejs", args: []string{"extract", "testdata/extract", "--format", "timelinejs"}, code: exitOK,
			stdout: []string{`"start_date": {`, `"group": "shelling"`}},
		{name: "ics", args: []string{"extract", "--format", "ics", "testdata/extract"}, code: exitOK,
			stdout: []string{"BEGIN:VCALENDAR\r\n", "DTSTART;VALUE=DATE:20160807\r\n", "END:VCALENDAR\r\n"}},
		// The config names the folder, a title and a gazetteer of its own.
		{name: "the config's folder, title and gazetteer", args: []string{"extract", "--config", "testdata/extract.toml", "--format", "csv"}, code: exitOK,
			stdout: []string{",Idleb city,", ",the UN,"}},
		{name: "the config's title", args: []string{"extract", "--config", "testdata/extract.toml", "--format", "ics"}, code: exitOK,
			stdout: []string{"X-WR-CALNAME:Idlib\\, August 2016\r\n"}},
		{name: "a gazetteer that gives one name to two entries", args: []string{"extract", "--config", "testdata/badgazetteer.toml", "testdata/extract"}, code: exitFail,
			stderr: []string{`testdata/badgazetteer.toml: [[gazetteer.actors]] "Syrian government forces": "Damascus" is already a name of "Damascus"`}},
		{name: "bad files are named, the rest extracted", args: []string{"extract", "testdata/anchors"}, code: exitFail,
			stdout: []string{`"events": [`}, stderr: []string{"testdata/anchors/empty.txt: empty file", "3 of 5 files could not be read"}},
		{name: "a folder with no articles", args: []string{"extract", "testdata/corpus"}, code: exitFail, stderr: []string{"testdata/corpus: no articles here"}},
		{name: "an unknown format", args: []string{"extract", "--format", "xml", "testdata/extract"}, code: exitUsage, stderr: []string{`--format "xml": want one of json, csv, timelinejs, ics`}},
		{name: "two folders", args: []string{"extract", "a", "b"}, code: exitUsage, stderr: []string{"want at most one DIR; got 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runReal(tt.args...)
			ok := code == tt.code
			for _, s := range tt.stdout {
				ok = ok && strings.Contains(stdout, s)
			}
			for _, s := range tt.stderr {
				ok = ok && strings.Contains(stderr, s)
			}
			if !ok {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout with %q, stderr with %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// The CSV is one row per event, with ACLED's columns first.
func TestExtractCSVRows(t *testing.T) {
	code, stdout, stderr := runReal("extract", "--format", "csv", "testdata/extract")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Errorf("%d rows, want a header and three events:\n%s", len(rows), stdout)
	}
}
