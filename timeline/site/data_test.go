package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"conflict-timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites that file
// under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file; run go test -update and review the diff\n%s", name, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line, which is usually enough to
// see what changed before reading the whole diff in git.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n-" + wl + "\n+" + gl
		}
	}
	return ""
}

func TestSiteDataGolden(t *testing.T) {
	d := newSiteData(fixture())
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "timeline.json", append(b, '\n'))
	golden(t, "events.js", eventsJS(d))
}

func TestUncertainEvents(t *testing.T) {
	d := newSiteData(fixture())
	got := map[string]bool{}
	for _, e := range d.Events {
		got[e.ID] = e.Uncertain
	}
	tests := []struct {
		id   string
		want bool
		why  string
	}{
		{"2016-08-11-millis-hospital", true, "“Thursday” needed the article's date, and that date has confidence 0.3"},
		{"2011-03-15-protests-damascus", false, "same article, but “15 March 2011” needs no article date"},
		{"2016-08-14-idlib-market-shelling", false, "“Sunday” resolved against a confident date"},
	}
	for _, tt := range tests {
		if got[tt.id] != tt.want {
			t.Errorf("%s: uncertain = %v, want %v: %s", tt.id, got[tt.id], tt.want, tt.why)
		}
	}
}

func TestEventUncertain(t *testing.T) {
	sure := &articleInfo{Article: &Article{Anchor: Anchor{Date: "2016-08-16", Precision: timeline.PrecisionDay, Confidence: 0.9}}}
	unsure := &articleInfo{Article: &Article{Anchor: Anchor{Date: "2016-08-13", Precision: timeline.PrecisionDay, Confidence: 0.3, Reasons: []string{"file time"}}}, uncertain: true}
	articles := map[string]*articleInfo{"sure": sure, "unsure": unsure}
	relative := func(article string) timeline.Source {
		return timeline.Source{Article: article, Timex: timeline.SourceTimex{Text: "Thursday"}}
	}
	tests := []struct {
		name    string
		sources []timeline.Source
		want    bool
		why     string
	}{
		{"no sources", nil, false, ""},
		{"unsure anchor", []timeline.Source{relative("unsure")}, true, "dated from “Thursday” against an article date that is uncertain (confidence 0.30: file time)"},
		{"one sure source is enough", []timeline.Source{relative("unsure"), relative("sure")}, false, ""},
		{"a written year needs no anchor", []timeline.Source{{Article: "unsure", Timex: timeline.SourceTimex{Text: "in 2012"}}}, false, ""},
		{"unknown article with a month anchor",
			[]timeline.Source{{Article: "gone", Anchor: timeline.SourceAnchor{Date: "2016-08", Precision: timeline.PrecisionMonth}, Timex: timeline.SourceTimex{Text: "Thursday"}}},
			true, "dated from “Thursday” against an article date known only as “2016-08”"},
		{"unknown article with a day anchor",
			[]timeline.Source{{Article: "gone", Anchor: timeline.SourceAnchor{Date: "2016-08-13", Precision: timeline.PrecisionDay}, Timex: timeline.SourceTimex{Text: "Thursday"}}},
			false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := eventUncertain(timeline.Event{Sources: tt.sources}, articles)
			if got != tt.want || why != tt.why {
				t.Errorf("eventUncertain = %v, %q; want %v, %q", got, why, tt.want, tt.why)
			}
		})
	}
}

func TestPather(t *testing.T) {
	p := newPather()
	tests := []struct{ section, id, want string }{
		{"events", "2016-08-14-idlib-market-shelling", "events/2016-08-14-idlib-market-shelling"},
		{"events", "2016-08-14 Idlib: Market/Shelling!", "events/2016-08-14-idlib-market-shelling-2"},
		{"events", "--Ärger--", "events/rger"},
		{"events", "", "events/item"},
		{"sources", "2016-08-14-idlib-market-shelling", "sources/2016-08-14-idlib-market-shelling"},
	}
	for _, tt := range tests {
		if got := p.path(tt.section, tt.id); got != tt.want {
			t.Errorf("path(%q, %q) = %q, want %q", tt.section, tt.id, got, tt.want)
		}
	}
}

func TestMonthsAndChart(t *testing.T) {
	d := newSiteData(fixture())
	var keys []string
	for _, m := range d.Months {
		keys = append(keys, m.Key+"="+strconv.Itoa(m.Count))
	}
	want := "2011-03=2 2011-07=1 2013-08=1 2014-06=1 2015-09=1 2016-02=1 2016-07=3 2016-08=4"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("months %s, want %s", got, want)
	}

	c := d.Chart
	if c.Unit != "month" || len(c.Bins) != 66 || c.Max != 4 || c.Skipped != 1 {
		t.Errorf("chart: unit %s, %d bins, max %d, %d skipped; want month, 66 (March 2011 to August 2016), 4, 1 (the 2012 event)",
			c.Unit, len(c.Bins), c.Max, c.Skipped)
	}
	for _, b := range c.Bins {
		if b.X < 0 || b.X+b.W > float64(c.Width) || b.Y+b.H != c.Baseline || (b.Count > 0) != (b.H > 0) {
			t.Errorf("bin %s out of the chart: %+v", b.Key, b)
		}
	}

	// Twenty-odd years of events make year bars.
	long := fixture()
	long.Timeline.Events = append(long.Timeline.Events, timeline.Event{ID: "x", Date: "1990-01-01", Precision: timeline.PrecisionDay})
	if c := newSiteData(long).Chart; c.Unit != "year" || len(c.Bins) != 27 || c.Skipped != 0 {
		t.Errorf("long chart: unit %s, %d bins, %d skipped; want year, 27, 0", c.Unit, len(c.Bins), c.Skipped)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Short enough.", 20, "Short enough."},
		{"Shelling hit the main market in Idlib on Sunday, the monitor said.", 40, "Shelling hit the main market in Idlib on…"},
		{"Rebels said: the siege, they said, was broken.", 25, "Rebels said: the siege…"},
		{"Ḥalabḥalabḥalab", 7, "Ḥalab…"},
		{"  spaces\n and\tlines  ", 20, "spaces and lines"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
