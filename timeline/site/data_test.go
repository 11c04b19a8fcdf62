package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
	files := filterFiles(d)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		golden(t, name, files[name])
	}
}

// TestBelief: what the site makes of each fixture event's date belief.
func TestBelief(t *testing.T) {
	d := newSiteData(fixture())
	got := map[string]eventData{}
	for _, e := range d.Events {
		got[e.ID] = e
	}
	tests := []struct {
		id        string
		part      string
		exact     bool
		badge     string
		precision string
		span      string
		why       string
	}{
		{"2016-08-11-millis-hospital", "chronology", false, "likely", "day", "Thursday 4 August – Thursday 11 August 2016",
			"“Thursday” counted from a guessed article date: inferred, on its likely day, marked"},
		{"2016-08-14-idlib-market-shelling", "chronology", true, "", "day", "",
			"“Sunday” resolved against a given article date: known to the day"},
		{"2016-07-castello-road-cut", "chronology", false, "", "month", "Friday 1 July – Sunday 31 July 2016",
			"“last month” is neither stated nor a day"},
		{"2016-07-31-aleppo-offensive", "chronology", true, "", "day", "", "“31 July 2016” states its date"},
		{"2016-07-23-aleppo-hospitals", "chronology", true, "", "day", "Saturday 23 July – Sunday 31 July 2016",
			"a range of days, counted from a given article date"},
		{"2012-fighting-aleppo", "background", true, "", "year", "Sunday 1 January – Monday 31 December 2012",
			"“2012” states a year, four years before the article: background"},
		{"2011-03-15-protests-damascus", "background", true, "", "day", "", "stated, and background"},
		{"undated-aid-warning", "undated", false, "", "unknown", "", "nothing dates it"},
	}
	for _, tt := range tests {
		e, ok := got[tt.id]
		if !ok {
			t.Errorf("no event %s", tt.id)
			continue
		}
		if e.Part != tt.part || e.Exact != tt.exact || e.Badge != tt.badge || e.Precision != tt.precision || e.SpanLabel != tt.span {
			t.Errorf("%s: part %s, exact %v, badge %q, precision %s, span %q; want %s, %v, %q, %s, %q: %s",
				tt.id, e.Part, e.Exact, e.Badge, e.Precision, e.SpanLabel, tt.part, tt.exact, tt.badge, tt.precision, tt.span, tt.why)
		}
		if e.Uncertain != (tt.badge != "") {
			t.Errorf("%s: uncertain %v with badge %q", tt.id, e.Uncertain, e.Badge)
		}
	}
}

// TestSetBelief covers the beliefs the fixture lacks.
func TestSetBelief(t *testing.T) {
	tests := []struct {
		name string
		e    timeline.Event
		want eventData // Part, Exact, Uncertain, Badge, Earliest, Latest, SpanLabel
	}{
		{"low confidence, not inferred",
			timeline.Event{Date: "2016-08-14", Precision: timeline.PrecisionDay, Confidence: 0.4},
			eventData{Part: "chronology", Exact: true, Uncertain: true, Badge: "unsure"}},
		{"low confidence but stated",
			timeline.Event{Date: "2016-08-14", Precision: timeline.PrecisionDay, Confidence: 0.4, Stated: true},
			eventData{Part: "chronology", Exact: true}},
		{"no confidence given",
			timeline.Event{Date: "2016-08-14", Precision: timeline.PrecisionDay},
			eventData{Part: "chronology", Exact: true}},
		{"inferred and stated: the words win for the filter",
			timeline.Event{Date: "2016-08", Precision: timeline.PrecisionMonth, Confidence: 0.9, Inferred: true, Stated: true},
			eventData{Part: "chronology", Exact: true, Uncertain: true, Badge: "likely"}},
		{"inferred day",
			timeline.Event{Date: "2016-08-11", Precision: timeline.PrecisionDay, Confidence: 0.9, Inferred: true, Earliest: "2016-08-10", Latest: "2016-08-12"},
			eventData{Part: "chronology", Uncertain: true, Badge: "likely", Earliest: "2016-08-10", Latest: "2016-08-12",
				SpanLabel: "Wednesday 10 August – Friday 12 August 2016"}},
		{"a week is not a day",
			timeline.Event{Date: "2016-W31", Precision: timeline.PrecisionWeek, Confidence: 0.9},
			eventData{Part: "chronology"}},
		{"a day shown to the month is not a day",
			timeline.Event{Date: "2016-08-11", Precision: timeline.PrecisionMonth, Confidence: 0.9},
			eventData{Part: "chronology"}},
		{"one-day span: no span label",
			timeline.Event{Date: "2016-08-11", Precision: timeline.PrecisionDay, Confidence: 0.9, Earliest: "2016-08-11", Latest: "2016-08-11"},
			eventData{Part: "chronology", Exact: true, Earliest: "2016-08-11", Latest: "2016-08-11"}},
		{"unreadable span: left out",
			timeline.Event{Date: "2016-08-11", Precision: timeline.PrecisionDay, Confidence: 0.9, Earliest: "2016-08", Latest: "soon"},
			eventData{Part: "chronology", Exact: true}},
		{"background",
			timeline.Event{Date: "2011-03", Precision: timeline.PrecisionMonth, Confidence: 0.9, Stated: true, Background: true},
			eventData{Part: "background", Exact: true}},
		{"undated, even if background",
			timeline.Event{Precision: timeline.PrecisionUnknown, Background: true, Inferred: true},
			eventData{Part: "undated"}},
		{"unreadable date",
			timeline.Event{Date: "PAST_REF", Precision: timeline.PrecisionUnknown, Confidence: 0.2},
			eventData{Part: "undated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEventData(tt.e, nil, newPather())
			got := eventData{Part: e.Part, Exact: e.Exact, Uncertain: e.Uncertain, Badge: e.Badge,
				Earliest: e.Earliest, Latest: e.Latest, SpanLabel: e.SpanLabel}
			tt.want.Reasons, got.Reasons = nil, nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if e.Reasons == nil {
				t.Error("reasons are null, not a list")
			}
		})
	}
}

// TestParts: background events open nothing, undated ones close the
// list, and each part chains its own pages.
func TestParts(t *testing.T) {
	d := newSiteData(fixture())
	var order []string
	for i, e := range d.Events {
		if len(order) == 0 || order[len(order)-1] != e.Part {
			order = append(order, e.Part)
		}
		if e.Prev != "" && d.Events[i-1].Part != e.Part || e.Next != "" && d.Events[i+1].Part != e.Part {
			t.Errorf("%s: prev %q, next %q cross out of its part %s", e.ID, e.Prev, e.Next, e.Part)
		}
		if e.Weight != i+1 {
			t.Errorf("%s: weight %d, want %d", e.ID, e.Weight, i+1)
		}
	}
	if got := strings.Join(order, " "); got != "background chronology undated" {
		t.Errorf("parts in the order %s, want background chronology undated", got)
	}
	var undated []string
	for _, a := range d.Articles {
		if a.Undated {
			undated = append(undated, a.Slug+"="+a.File)
		}
	}
	if got := strings.Join(undated, " "); got != "aid-warning=aid-warning.txt" {
		t.Errorf("undated articles %s, want aid-warning=aid-warning.txt", got)
	}
}

func TestPinFile(t *testing.T) {
	tests := []struct {
		a    Article
		want string
	}{
		{Article{File: "004_27d6.txt", Source: "Reuters"}, "004_27d6.txt"},
		{Article{Source: "millis-hospital.txt"}, "millis-hospital.txt"},
		{Article{Source: "Reuters"}, ""},
		{Article{Source: "Syria Monitor.com"}, ""},
	}
	for _, tt := range tests {
		if got := pinFile(&tt.a); got != tt.want {
			t.Errorf("pinFile(%+v) = %q, want %q", tt.a, got, tt.want)
		}
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
	// Only the months the articles report: background has no pages.
	want := "2016-02=1 2016-07=3 2016-08=5"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("months %s, want %s", got, want)
	}

	c := d.Chart
	if c.Unit != "month" || len(c.Bins) != 7 || c.Max != 5 || c.Skipped != 0 || c.Background != 7 || c.Undated != 1 || c.From != "February 2016" {
		t.Errorf("chart: unit %s, %d bins from %s, max %d, %d skipped, %d background, %d undated; "+
			"want month, 7 (February to August 2016), 5, 0, 7, 1",
			c.Unit, len(c.Bins), c.From, c.Max, c.Skipped, c.Background, c.Undated)
	}
	var inferred int
	for _, b := range c.Bins {
		inferred += b.Uncertain
	}
	if inferred != 1 {
		t.Errorf("%d events drawn as uncertain, want 1 (the Millis hospital, on its likely day)", inferred)
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

// TestEditorData: what the site data keeps of the editor's hand and of
// the sources' citations.
func TestEditorData(t *testing.T) {
	d := newSiteData(fixture())
	if d.Hidden != 2 {
		t.Errorf("hidden %d, want the fixture's 2", d.Hidden)
	}
	byID := map[string]eventData{}
	for _, e := range d.Events {
		byID[e.ID] = e
	}
	siege := byID["2016-08-06-aleppo-siege-broken"]
	if !siege.Verified || siege.VerifiedBy != "R. Khalil" || siege.Note == "" || !slices.Equal(siege.Edited, []string{"summary", "merge"}) || siege.Added {
		t.Errorf("the verified event: %+v", siege)
	}
	// A summary names the event's page.
	if siege.Short != "Rebels break the government's siege of eastern Aleppo" {
		t.Errorf("short %q, want the summary", siege.Short)
	}
	if s := siege.Sources[0]; s.Outlet != "Reuters" || s.Author != "Tom Perry" || s.Published != "2016-08-07" || s.PublishedLabel != "Sunday 7 August 2016" || s.PublishedDatetime != "2016-08-07" {
		t.Errorf("the Reuters source: %+v", s)
	}
	if e := byID["a1b2c3d4e5f6"]; !e.Added || e.Verified {
		t.Errorf("the added event: added %v, verified %v", e.Added, e.Verified)
	}
	// A plain-text article cites nothing but its headline.
	for _, s := range byID["2016-08-11-millis-hospital"].Sources {
		if s.Outlet != "" || s.Author != "" || s.Published != "" {
			t.Errorf("a plain-text source cites %+v", s)
		}
	}

	// An event's source without metadata takes its article's; an event
	// added without a quote shows its summary once; a publication date
	// that does not read is left out, not shown raw.
	in := fixture()
	in.Articles[0].Published = "7 August"
	e := in.Timeline.Events[3] // 2012, from the Reuters article
	e.Sources[0].Outlet, e.Sources[0].Author, e.Sources[0].Published = "", "", ""
	e.Summary, e.Text = "  Fighting reaches Aleppo ", "Fighting reaches Aleppo"
	in.Timeline.Events = []timeline.Event{e}
	in.Timeline.Hidden = -1
	d = newSiteData(in)
	got := d.Events[0]
	if s := got.Sources[0]; s.Outlet != "Reuters" || s.Author != "Tom Perry" || s.Published != "" || s.PublishedLabel != "" {
		t.Errorf("a source left to its article: %+v", s)
	}
	if got.Summary != "" {
		t.Errorf("a summary that is the text is shown twice: %q", got.Summary)
	}
	if a := d.Articles[0]; a.Outlet != "Reuters" || a.Published != "" {
		t.Errorf("the Reuters article: outlet %q, published %q", a.Outlet, a.Published)
	}
	if d.Hidden != 0 {
		t.Errorf("hidden %d", d.Hidden)
	}

	for _, tt := range []struct {
		a    Article
		want string
	}{
		{Article{Source: "Reuters", File: "a.html"}, "Reuters"},
		{Article{Source: "a.txt", File: "a.txt"}, ""},
		{Article{Source: "BBC.com", File: "a.html"}, "BBC.com"},
		{Article{Source: "millis-hospital.txt"}, ""},
		{Article{Source: " "}, ""},
	} {
		if got := outlet(&tt.a); got != tt.want {
			t.Errorf("outlet(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

// TestSourceRefs checks that a source whose article is in the data
// gives only what differs from the article, an empty value included,
// and that reading it as source.html does (a field left out is the
// article's) gives the source whole.
func TestSourceRefs(t *testing.T) {
	a := Article{Slug: "a", Title: "Rebels advance", URL: "https://example.org/a", Source: "Reuters",
		Author: "Tom Perry", Published: "2016-08-07",
		Anchor: Anchor{Date: "2016-08-07", Precision: timeline.PrecisionDay, Confidence: 0.9}}
	e := timeline.Event{ID: "e", Date: "2016-08-06", Precision: timeline.PrecisionDay, Text: "Rebels advanced.", Sources: []timeline.Source{
		{Article: "a", Title: "Rebels advance", Published: "2016-08-07", Anchor: timeline.SourceAnchor{Date: "2016-08-07", Precision: timeline.PrecisionDay}},
		{Article: "a", Title: "Rebels advance, updated", Published: "someday"},
		{Article: "gone", Title: "A lost article"},
	}}
	d := newSiteData(Input{Timeline: timeline.Timeline{Events: []timeline.Event{e}}, Articles: []Article{a}})
	var got struct {
		Events []struct {
			Sources []map[string]any `json:"sources"`
		} `json:"events"`
		Articles []map[string]any `json:"articles"`
	}
	var buf bytes.Buffer
	if _, err := encodeSiteData(&buf, &d); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	srcs := got.Events[0].Sources
	if want := []string{"article"}; !slices.Equal(slices.Sorted(maps.Keys(srcs[0])), want) {
		t.Errorf("a source as its article gives %v, want only %v", slices.Sorted(maps.Keys(srcs[0])), want)
	}
	if srcs[1]["title"] != "Rebels advance, updated" || srcs[1]["published"] != "" || srcs[1]["anchorlabel"] != "" {
		t.Errorf("a source unlike its article gives %v", srcs[1])
	}
	if _, ok := srcs[2]["article"]; ok {
		t.Errorf("a source without its article names one: %v", srcs[2])
	}
	art := got.Articles[0]
	for i, s := range srcs[:2] {
		whole, err := json.Marshal(sourceFields(d.Events[0].Sources[i]))
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]any
		json.Unmarshal(whole, &want)
		for k, v := range want {
			r, ok := s[k]
			if !ok {
				r = art[k]
				if anchor, isAnchor := strings.CutPrefix(k, "anchor"); isAnchor {
					r = art["anchor"].(map[string]any)[anchor]
				}
			}
			if !reflect.DeepEqual(r, v) {
				t.Errorf("source %d: %s reads %v, want %v", i, k, r, v)
			}
		}
	}
}
