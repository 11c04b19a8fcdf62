package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"conflict-timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the writers produce")

// Fixture event IDs, for the tests that look at one.
const (
	idMonth      = "2011-03-64e378edb1"    // a month, background
	idYear       = "2012-d9602bf291"       // a year only
	idQuarter    = "2016-Q3-7a1b2c3d4e"    // a quarter
	idRange      = "2016-07-23-0c1d2e3f4a" // a range of days
	idWeek       = "2016-W31-5b6c7d8e9f"   // an ISO week
	idInferred   = "2016-08-02-9e8d7c6b5a" // a day counted from an estimated article date
	idStated     = "2016-08-07-b0aa348c9f" // a day stated outright, two sources
	idPlanned    = "2016-08-191f83bc97"    // a planned month
	idHostile    = "2016-08-08-hostile0001"
	idUndated    = "undated-1"
	hostileTitle = `=HYPERLINK("http://x","click")`
)

// fixture is a small timeline that exercises what the formats must get
// right: a day stated outright, an inferred day, a week, a month, a
// quarter, a year, a range, a background event, a planned one, one with
// two sources, an undated one, a hostile one whose every text tries to
// break out of its format, and a sentence long enough to fold.
// cited is a source whose file names its outlet, author and day.
func cited(s timeline.Source) timeline.Source {
	s.Outlet, s.Author, s.Published = "Reuters", "Tom Perry", "2016-08-07"
	return s
}

func fixture() timeline.Timeline {
	src := func(article, title, url, anchor string, p timeline.Precision, start int, text, value string) timeline.Source {
		return timeline.Source{
			Article: article, Title: title, URL: url,
			Anchor: timeline.SourceAnchor{Date: anchor, Precision: p},
			Timex:  timeline.SourceTimex{Start: start, End: start + len(text), Text: text, Value: value},
		}
	}
	aleppo := func(start int, text, value string) timeline.Source {
		return src("aleppo-siege", "Rebels break the siege of Aleppo", "https://example.org/aleppo?id=1&lang=en", "2016-08-07", timeline.PrecisionDay, start, text, value)
	}
	idlib := func(start int, text, value string) timeline.Source {
		return src("idlib-market", "Shelling hits market; dozens hurt", "", "2016-08", timeline.PrecisionMonth, start, text, value)
	}
	undatedArticle := func(start int, text, value string) timeline.Source {
		return src("manbij-front", "Fighting near Manbij", "https://example.org/manbij", "2016-08-04", timeline.PrecisionDay, start, text, value)
	}
	hostile := func(title, url string) timeline.Source {
		return src("hostile", title, url, "2016-08-08", timeline.PrecisionDay, 10, "Monday, August 8, 2016", "2016-08-08")
	}
	return timeline.Timeline{
		Title: "Syria, 2011–2016",
		Events: []timeline.Event{
			{ID: idMonth, Date: "2011-03", Precision: timeline.PrecisionMonth, Type: "other",
				Confidence: 1, Earliest: "2011-03-01", Latest: "2011-03-31", Stated: true, Background: true,
				Reasons: []string{`"March 2011" names its month and year`, "well before the article's own date: background"},
				Text:    "Syria's conflict has killed more than 280,000 people since it erupted in March 2011.",
				Places:  []string{}, Actors: []string{},
				Sources: []timeline.Source{aleppo(812, "March 2011", "2011-03")}},
			{ID: idYear, Date: "2012", Precision: timeline.PrecisionYear, Type: "battle",
				Confidence: 1, Earliest: "2012-01-01", Latest: "2012-12-31", Stated: true,
				Reasons: []string{`"2012" names its year`},
				Text:    "Recapturing east Aleppo, which rebels seized in 2012, would be the government's biggest victory yet.",
				Places:  []string{"Aleppo"}, Actors: []string{"rebels"},
				Sources: []timeline.Source{withSpans(aleppo(948, "2012", "2012"),
					timeline.SourceSpan{Start: 900, End: 1000, Text: "Recapturing east Aleppo, which rebels seized in 2012, would be the government's biggest victory yet."},
					timeline.SourceSpan{Start: 925, End: 953, Text: "which rebels seized in 2012,"})}},
			{ID: idQuarter, Date: "2016-Q3", Precision: timeline.PrecisionMonth, Type: "battle",
				Confidence: 0.8, Earliest: "2016-07-01", Latest: "2016-09-30",
				Reasons: []string{`"this quarter" is the quarter of the article's date`},
				Text:    "Air strikes on Aleppo rose sharply this quarter, the monitor said.",
				Places:  []string{"Aleppo"}, Actors: []string{},
				Sources: []timeline.Source{aleppo(1500, "this quarter", "2016-Q3")}},
			{ID: idRange, Date: "2016-07-23", End: "2016-07-31", Precision: timeline.PrecisionDay, Type: "harm to civilians",
				Confidence: 0.74, Earliest: "2016-07-23", Latest: "2016-07-31",
				Text:   `All six facilities hit between July 23 and July 31 were "major" hospitals, a monitor said.`,
				Places: []string{"Aleppo"}, Actors: []string{},
				Sources: []timeline.Source{aleppo(400, "July 23 and July 31", "2016-07-23/2016-07-31")}},
			{ID: idWeek, Date: "2016-W31", Precision: timeline.PrecisionWeek, Type: "battle",
				Confidence: 0.88, Earliest: "2016-08-01", Latest: "2016-08-07",
				Text:   "Some 700 fighters from the government and the insurgent side were killed in the week of fighting.",
				Places: []string{}, Actors: []string{"Syrian government forces", "rebels"},
				Sources: []timeline.Source{aleppo(1701, "the week", "2016-W31")}},
			{ID: idInferred, Date: "2016-08-02", Precision: timeline.PrecisionDay, Type: "battle",
				Confidence: 0.9, Earliest: "2016-08-01", Latest: "2016-08-03", Inferred: true,
				Reasons: []string{"the article's own date is estimated: 2016-08-04, from its last dated event",
					`"on Tuesday" is the Tuesday before it`},
				Text:   "Kurdish-led fighters entered the western edge of Manbij on Tuesday.",
				Places: []string{"Manbij"}, Actors: []string{"Syrian Democratic Forces"},
				Sources: []timeline.Source{undatedArticle(77, "Tuesday", "2016-08-02")}},
			{ID: idStated, Date: "2016-08-07", Precision: timeline.PrecisionDay, Type: "battle",
				Confidence: 1, Earliest: "2016-08-07", Latest: "2016-08-07", Stated: true,
				Text:   "Syrian regime forces were on the defensive around Aleppo on Sunday, August 7, 2016, after a rebel alliance said it had broken a 3-week government siege of the battered city — a setback for Damascus, Moscow and Tehran.",
				Places: []string{"Aleppo", "Ramousah"}, Actors: []string{"Syrian government forces", "rebels", "Russia"},
				// An editor's hand: summarized, verified, merged, and
				// cited by the outlet and author the file gives.
				Summary: "Rebels break the siege of Aleppo", Verified: true, VerifiedBy: "AB", Note: "checked against SOHR",
				Edited: []string{"summary", "merge"},
				Sources: []timeline.Source{
					cited(aleppo(123, "Sunday, August 7, 2016", "2016-08-07")),
					idlib(2050, "Saturday", "2016-08-06"),
				}},
			{ID: idHostile, Date: "2016-08-08", Precision: timeline.PrecisionDay, Type: `<img src=x onerror=alert(1)>`,
				Confidence: 1, Earliest: "2016-08-08", Latest: "2016-08-08", Stated: true,
				Reasons: []string{`</p><script>alert("reason")</script>`},
				Text:    hostileTitle + "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nDTSTART:20000101",
				Places:  []string{"-2+3", "<script>alert(1)</script>"}, Actors: []string{"+rebels", "@attacker"},
				Sources: []timeline.Source{
					hostile(hostileTitle, "javascript:alert(document.cookie)"),
					hostile("@SUM(1+1)*cmd|' /C calc'!A0\nEND:VEVENT\nBEGIN:VEVENT", "https://evil.example/x\r\nBEGIN:VEVENT\r\nURL:https://evil.example/"),
					hostile("\tTabbed title", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
					hostile("-Minus title", " JaVaScRiPt:alert(1)"),
					hostile(`"><script>alert(1)</script>`, `https://example.org/ok?a="><script>`),
					hostile("Safe after all", "https://example.org/hostile"),
				}},
			{ID: idPlanned, Date: "2016-08", Precision: timeline.PrecisionMonth, Planned: true, Type: "diplomacy or ceasefire",
				Confidence: 0.7, Earliest: "2016-08-01", Latest: "2016-08-31",
				Text:   "On Monday, the UN Security Council is due to hold an informal meeting on the Aleppo crisis.",
				Places: []string{"Aleppo"}, Actors: []string{"United Nations"},
				Sources: []timeline.Source{idlib(2858, "Monday", "XXXX-WXX-1")}},
			{ID: idUndated, Date: "", Precision: timeline.PrecisionUnknown, Type: "statement",
				Reasons: []string{"no expression dates the clause"},
				Text:    "Officials said the talks would go on.", Confidence: 0.3},
		},
	}
}

func withSpans(s timeline.Source, sentence, clause timeline.SourceSpan) timeline.Source {
	s.Sentence, s.Clause = sentence, clause
	return s
}

// dated is how many of the fixture's events have a date.
const dated = 9

// formats are checked against testdata/<file>; go test -update rewrites
// them.
func TestGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(f.Name, func(t *testing.T) {
			got := write(t, f.Write)
			golden := filepath.Join("testdata", f.File)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test -update if the change is intended):\n%s", f.Name, golden, got)
			}
		})
	}
}

func write(t *testing.T, w func(io.Writer, timeline.Timeline) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := w(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats {
		var a, b bytes.Buffer
		if err := f.Write(&a, fixture()); err != nil {
			t.Fatal(err)
		}
		if err := f.Write(&b, fixture()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes of the same timeline differ", f.Name)
		}
	}
}

func TestFormatsTable(t *testing.T) {
	var names, files []string
	for _, f := range Formats {
		if f.Write == nil {
			t.Errorf("%s has no writer", f.Name)
		}
		names, files = append(names, f.Name), append(files, f.File)
	}
	if got := strings.Join(names, " "); got != "json csv timelinejs ics" {
		t.Errorf("formats %s", got)
	}
	if got := strings.Join(files, " "); got != "events.json events.csv timelinejs.json events.ics" {
		t.Errorf("files %s", got)
	}
}

func TestJSONShape(t *testing.T) {
	var got struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(write(t, JSON), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != len(fixture().Events) {
		t.Fatalf("%d events, want %d", len(got.Events), len(fixture().Events))
	}
	byID := map[string]map[string]any{}
	for _, e := range got.Events {
		byID[e["id"].(string)] = e
		for _, key := range []string{"id", "date", "precision", "confidence", "inferred", "stated", "background", "planned", "text", "type", "places", "actors", "sources"} {
			if _, ok := e[key]; !ok {
				t.Errorf("event %v has no %q", e["id"], key)
			}
		}
		for _, key := range []string{"places", "actors", "sources"} {
			if e[key] == nil {
				t.Errorf("event %v: %q is null, want a list", e["id"], key)
			}
		}
	}
	inferred := byID[idInferred]
	for key, want := range map[string]any{"date": "2016-08-02", "precision": "day", "confidence": 0.9,
		"earliest": "2016-08-01", "latest": "2016-08-03", "inferred": true, "stated": false} {
		if inferred[key] != want {
			t.Errorf("inferred event: %s is %v, want %v", key, inferred[key], want)
		}
	}
	if r, _ := inferred["reasons"].([]any); len(r) != 2 {
		t.Errorf("inferred event: reasons %v, want two", inferred["reasons"])
	}
	if e := byID[idYear]; e["precision"] != "year" || e["date"] != "2012" {
		t.Errorf("year event: %v %v", e["date"], e["precision"])
	}
	if e := byID[idMonth]; e["background"] != true {
		t.Error("background event is not background")
	}
	if e := byID[idUndated]; e["date"] != "" || e["precision"] != "unknown" || e["earliest"] != nil {
		t.Errorf("undated event: date %q precision %v earliest %v", e["date"], e["precision"], e["earliest"])
	}
}

func csvRows(t *testing.T) (head []string, byID map[string]map[string]string) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(write(t, CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byID = map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		byID[r[0]] = m
	}
	return rows[0], byID
}

func TestCSVColumns(t *testing.T) {
	head, byID := csvRows(t)
	if got, want := strings.Join(head[:10], ","), "event_id,event_date,time_precision,event_type,actor1,actor2,location,notes,source,source_url"; got != want {
		t.Errorf("columns %s, want ACLED's first: %s", got, want)
	}
	if len(byID) != len(fixture().Events) {
		t.Errorf("%d rows, want one per event, undated too: %d", len(byID), len(fixture().Events))
	}
	tests := []struct {
		id, date, end, code, value, precision, earliest, latest, confidence, inferred string
	}{
		{idStated, "2016-08-07", "2016-08-07", "1", "2016-08-07", "day", "2016-08-07", "2016-08-07", "1.00", "false"},
		{idInferred, "2016-08-02", "2016-08-02", "1", "2016-08-02", "day", "2016-08-01", "2016-08-03", "0.90", "true"},
		{idWeek, "2016-08-01", "2016-08-07", "2", "2016-W31", "week", "2016-08-01", "2016-08-07", "0.88", "false"},
		{idMonth, "2011-03-01", "2011-03-31", "2", "2011-03", "month", "2011-03-01", "2011-03-31", "1.00", "false"},
		{idQuarter, "2016-07-01", "2016-09-30", "3", "2016-Q3", "month", "2016-07-01", "2016-09-30", "0.80", "false"},
		{idYear, "2012-01-01", "2012-12-31", "3", "2012", "year", "2012-01-01", "2012-12-31", "1.00", "false"},
		{idRange, "2016-07-23", "2016-07-31", "2", "2016-07-23/2016-07-31", "day", "2016-07-23", "2016-07-31", "0.74", "false"},
		// An undated event keeps its row but says no date at all.
		{idUndated, "", "", "", "", "unknown", "", "", "0.30", "false"},
	}
	for _, tt := range tests {
		r := byID[tt.id]
		if r == nil {
			t.Errorf("no row for %s", tt.id)
			continue
		}
		got := []string{r["event_date"], r["end_date"], r["time_precision"], r["date"], r["precision"], r["earliest"], r["latest"], r["confidence"], r["inferred"]}
		want := []string{tt.date, tt.end, tt.code, tt.value, tt.precision, tt.earliest, tt.latest, tt.confidence, tt.inferred}
		if !slices.Equal(got, want) {
			t.Errorf("%s: event_date, end_date, time_precision, date, precision, earliest, latest, confidence, inferred\n got %q\nwant %q", tt.id, got, want)
		}
	}
	if r := byID[idMonth]; r["background"] != "true" || r["stated"] != "true" {
		t.Errorf("background month: background %s stated %s", r["background"], r["stated"])
	}
	if r := byID[idPlanned]; r["planned"] != "true" {
		t.Errorf("planned month: planned %s", r["planned"])
	}
}

// TestCSVInjection: no cell of the file starts with what a spreadsheet
// reads as a formula, and the neutralized cells keep their text.
func TestCSVInjection(t *testing.T) {
	_, byID := csvRows(t)
	for id, r := range byID {
		for col, v := range r {
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				t.Errorf("%s: %s starts with %q: %q", id, col, v[0], v)
			}
		}
	}
	r := byID[idHostile]
	if !strings.HasPrefix(r["notes"], "'"+hostileTitle) {
		t.Errorf("notes %q, want the title after a quote", r["notes"])
	}
	if !strings.HasPrefix(r["source"], "'"+hostileTitle+"; ") {
		t.Errorf("source %q, want the titles after a quote", r["source"])
	}
	for col, want := range map[string]string{"actor1": "'+rebels", "actor2": "'@attacker", "location": "'-2+3; <script>alert(1)</script>"} {
		if r[col] != want {
			t.Errorf("%s %q, want %q", col, r[col], want)
		}
	}
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=1", "a=1"},
		{"2016-08-07", "2016-08-07"},
	}
	for _, tt := range tests {
		if got := neutralize(tt.in); got != tt.want {
			t.Errorf("neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func timelineJS(t *testing.T) (tjsFile, map[string]tjsSlide) {
	t.Helper()
	var got tjsFile
	if err := json.Unmarshal(write(t, TimelineJS), &got); err != nil {
		t.Fatal(err)
	}
	byID := map[string]tjsSlide{}
	for _, s := range got.Events {
		byID[s.UniqueID] = s
	}
	return got, byID
}

func TestTimelineJSDates(t *testing.T) {
	got, byID := timelineJS(t)
	tests := []struct {
		id         string
		start, end *tjsDate
		display    string
		group      string
	}{
		{idStated, &tjsDate{Year: "2016", Month: "8", Day: "7"}, nil, "7 Aug 2016", "battle"},
		{idInferred, &tjsDate{Year: "2016", Month: "8", Day: "2"}, nil, "c. 2 Aug 2016", "battle"},
		{idWeek, &tjsDate{Year: "2016", Month: "8", Day: "1"}, &tjsDate{Year: "2016", Month: "8", Day: "7"}, "c. week of 1 Aug 2016", "battle"},
		{idMonth, &tjsDate{Year: "2011", Month: "3"}, nil, "March 2011", "other"},
		{idPlanned, &tjsDate{Year: "2016", Month: "8"}, nil, "c. August 2016", "diplomacy or ceasefire"},
		{idQuarter, &tjsDate{Year: "2016", Month: "7"}, &tjsDate{Year: "2016", Month: "9"}, "c. July–September 2016", "battle"},
		{idYear, &tjsDate{Year: "2012"}, nil, "2012", "battle"},
		{idRange, &tjsDate{Year: "2016", Month: "7", Day: "23"}, &tjsDate{Year: "2016", Month: "7", Day: "31"}, "c. 23–31 Jul 2016", "harm to civilians"},
	}
	for _, tt := range tests {
		s, ok := byID[tt.id]
		if !ok {
			t.Errorf("no slide for %s", tt.id)
			continue
		}
		if *s.StartDate != *tt.start || (s.EndDate == nil) != (tt.end == nil) || (tt.end != nil && *s.EndDate != *tt.end) || s.DisplayDate != tt.display || s.Group != tt.group {
			t.Errorf("%s: start %+v end %+v display %q group %q; want %+v, %+v, %q, %q", tt.id, s.StartDate, s.EndDate, s.DisplayDate, s.Group, tt.start, tt.end, tt.display, tt.group)
		}
	}
	if _, ok := byID[idUndated]; ok {
		t.Error("an undated event became a slide")
	}
	if len(got.Events) != dated {
		t.Errorf("%d slides, want one per dated event, %d", len(got.Events), dated)
	}
	if got.Title == nil || got.Title.Text.Headline == "" {
		t.Error("no title slide")
	}
	if s := byID[idInferred]; !strings.Contains(s.Text.Text, "Inferred") || !strings.Contains(s.Text.Text, "Likely between 2016-08-01 and 2016-08-03") {
		t.Errorf("inferred slide does not say so: %s", s.Text.Text)
	}
}

// TestTimelineJSSafe: every text TimelineJS puts into the page is escaped
// HTML, and links go only to http and https addresses.
func TestTimelineJSSafe(t *testing.T) {
	got, byID := timelineJS(t)
	href := regexp.MustCompile(`href="([^"]*)"`)
	for _, s := range got.Events {
		for _, field := range []string{s.Text.Headline, s.Text.Text, s.Group, s.DisplayDate, s.UniqueID} {
			lower := strings.ToLower(field)
			for _, bad := range []string{"<script", "<img", "javascript:", "data:", `"><`} {
				if strings.Contains(lower, bad) {
					t.Errorf("%s: %q in %q", s.UniqueID, bad, field)
				}
			}
			for _, m := range href.FindAllStringSubmatch(field, -1) {
				if !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "http://") {
					t.Errorf("%s: link to %q", s.UniqueID, m[1])
				}
			}
		}
	}
	s := byID[idHostile]
	if n := strings.Count(s.Text.Text, "<a "); n != 1 {
		t.Errorf("hostile slide has %d links, want only the one safe address:\n%s", n, s.Text.Text)
	}
	if !strings.Contains(s.Text.Text, `<a href="https://example.org/hostile">Safe after all</a>`) {
		t.Errorf("the safe address lost its link:\n%s", s.Text.Text)
	}
	if !strings.Contains(s.Group, "&lt;img") {
		t.Errorf("group %q not escaped", s.Group)
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://example.org/aleppo?id=1&lang=en", true},
		{"http://example.org", true},
		{"  https://example.org/x  ", true},
		{"HTTPS://EXAMPLE.ORG/", true},
		{"javascript:alert(1)", false},
		{" JaVaScRiPt:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
		{"//example.org/x", false},
		{"/relative", false},
		{"https:example.org", false},
		{"https://example.org/x\r\nBEGIN:VEVENT", false},
		{`https://example.org/"onmouseover="alert(1)`, false},
		{"https://example.org/<script>", false},
		{"", false},
	}
	for _, tt := range tests {
		if _, ok := safeURL(tt.in); ok != tt.ok {
			t.Errorf("safeURL(%q) ok = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		date, end string
		p         timeline.Precision
		ok        bool
		label     string
		days      int
	}{
		{"2016-08-02", "", timeline.PrecisionDay, true, "2 Aug 2016", 1},
		{"2016-08-02T14:00", "", timeline.PrecisionDay, true, "2 Aug 2016", 1},
		{"2016-W31-2", "", timeline.PrecisionDay, true, "2 Aug 2016", 1},
		{"2016-W31", "", timeline.PrecisionWeek, true, "Week of 1 Aug 2016", 7},
		{"2016-W31-WE", "", timeline.PrecisionWeek, true, "Week of 1 Aug 2016", 7},
		{"2016-08", "", timeline.PrecisionMonth, true, "August 2016", 31},
		{"2016-Q3", "", timeline.PrecisionMonth, true, "July–September 2016", 92},
		{"2016-SU", "", timeline.PrecisionMonth, true, "Summer 2016", 92},
		{"2016-H1", "", timeline.PrecisionMonth, true, "January–June 2016", 182},
		{"2016", "", timeline.PrecisionYear, true, "2016", 366},
		{"201", "", timeline.PrecisionYear, true, "2010s", 3652},
		{"2016-07-23", "2016-07-31", timeline.PrecisionDay, true, "23–31 Jul 2016", 9},
		{"2016-07-23", "2016-08-02", timeline.PrecisionDay, true, "23 Jul – 2 Aug 2016", 11},
		{"2015-12-30", "2016-01-02", timeline.PrecisionDay, true, "30 Dec 2015 – 2 Jan 2016", 4},
		{"2016-06", "2016-08", timeline.PrecisionMonth, true, "June–August 2016", 92},
		{"2014", "2016", timeline.PrecisionYear, true, "2014–2016", 1096},
		{"2016-08-02", "2016-07-01", timeline.PrecisionDay, true, "2 Aug 2016", 1}, // an end before the start is no range
		{"2016-08-02", "XXXX-08-09", timeline.PrecisionDay, true, "2 Aug 2016", 1},
		{"", "", timeline.PrecisionUnknown, false, "", 0},
		{"PRESENT_REF", "", timeline.PrecisionUnknown, false, "", 0},
		{"PRESENT_REF", "", timeline.PrecisionDay, false, "", 0},
		{"XXXX-WXX-1", "", timeline.PrecisionDay, false, "", 0},
		{"2016-08-02", "", timeline.PrecisionUnknown, false, "", 0}, // unknown precision: undated, whatever Date says
	}
	for _, tt := range tests {
		d, ok := dateOf(timeline.Event{Date: tt.date, End: tt.end, Precision: tt.p})
		if ok != tt.ok {
			t.Errorf("%s/%s: ok %v, want %v", tt.date, tt.end, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if d.label() != tt.label || d.days() != tt.days {
			t.Errorf("%s/%s: label %q, %d days; want %q, %d", tt.date, tt.end, d.label(), d.days(), tt.label, tt.days)
		}
	}
}

func TestTimePrecision(t *testing.T) {
	for _, tt := range []struct{ date, end, want string }{
		{"2016-08-02", "", "1"},
		{"2016-08-02T14:00", "", "1"},
		{"2016-08-01", "2016-08-03", "2"},
		{"2016-W31", "", "2"},
		{"2016-02", "", "2"},
		{"2016-08", "", "2"},
		{"2016-Q3", "", "3"},
		{"2016-SU", "", "3"},
		{"2016", "", "3"},
		{"201", "", "3"},
		{"2016-06", "2016-08", "3"},
	} {
		v, _ := dateOf(timeline.Event{Date: tt.date, End: tt.end, Precision: timeline.PrecisionDay})
		if got := timePrecision(v); got != tt.want {
			t.Errorf("%s/%s: time_precision %s, want %s", tt.date, tt.end, got, tt.want)
		}
	}
}

// icsLines are the file's content lines, unfolded.
func icsLines(t *testing.T) []string {
	t.Helper()
	out := string(write(t, ICS))
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(out, "\r\n ", ""), "\r\n"), "\r\n")
}

// icsEvents are the file's VEVENTs, each a map from property (with its
// parameters) to value.
func icsEvents(t *testing.T) map[string]map[string]string {
	t.Helper()
	events := map[string]map[string]string{}
	var cur map[string]string
	for _, l := range icsLines(t) {
		name, value, _ := strings.Cut(l, ":")
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			events[strings.TrimSuffix(cur["UID"], "@"+uidDomain)] = cur
			cur = nil
		case cur != nil:
			cur[name] = value
		}
	}
	return events
}

// TestICSRules checks the RFC 5545 rules every line must follow, and that
// unfolding gives back the escaped values.
func TestICSRules(t *testing.T) {
	out := string(write(t, ICS))
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
		t.Fatal("lines must end in CRLF, and no bare LF or CR may appear")
	}
	folded := false
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > maxOctets {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("fold split a character: %q", l)
		}
		folded = folded || strings.HasPrefix(l, " ")
	}
	if !folded {
		t.Error("the fixture's long sentence should have been folded")
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{
		"DTSTAMP:20160808T000000Z", // the newest article date, not the clock
		"UID:" + idStated + "@conflict-timeline",
		`SUMMARY:Rebels break the siege of Aleppo`,                                         // an editor's summary leads
		`DESCRIPTION:Syrian regime forces were on the defensive around Aleppo on Sunday\,`, // commas escaped
		`Source: Reuters: Rebels break the siege of Aleppo (Tom Perry\, 2016-08-07)`,       // cited by outlet and author
		`Source: Shelling hits market\; dozens hurt`,                                       // semicolons escaped
		`LOCATION:Aleppo\, Ramousah`,
		"URL:https://example.org/aleppo?id=1&lang=en",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("no %q in\n%s", want, unfolded)
		}
	}
	if n := strings.Count(out, "\r\nBEGIN:VEVENT\r\n"); n != dated {
		t.Errorf("%d VEVENTs, want one per dated event, %d", n, dated)
	}
}

// TestICSDates: days are whole days, coarser dates one day at the start
// of their period with the period said, inferred and planned dates
// tentative.
func TestICSDates(t *testing.T) {
	events := icsEvents(t)
	tests := []struct {
		id, start, end, status, summary string
	}{
		{idStated, "20160807", "20160808", "CONFIRMED", "Rebels break the siege"},
		{idInferred, "20160802", "20160803", "TENTATIVE", "Kurdish-led fighters"},
		{idRange, "20160723", "20160801", "CONFIRMED", "All six facilities"},
		{idWeek, "20160801", "20160802", "CONFIRMED", `[c. week of 1 Aug 2016] Some 700 fighters`},
		{idMonth, "20110301", "20110302", "CONFIRMED", `[March 2011] Background: Syria's conflict`},
		{idPlanned, "20160801", "20160802", "TENTATIVE", `[c. August 2016] Planned: On Monday`},
		{idQuarter, "20160701", "20160702", "CONFIRMED", `[c. July–September 2016] Air strikes`},
		{idYear, "20120101", "20120102", "CONFIRMED", `[2012] Recapturing east Aleppo`},
	}
	for _, tt := range tests {
		e := events[tt.id]
		if e == nil {
			t.Errorf("no VEVENT for %s", tt.id)
			continue
		}
		if e["DTSTART;VALUE=DATE"] != tt.start || e["DTEND;VALUE=DATE"] != tt.end || e["STATUS"] != tt.status || !strings.HasPrefix(e["SUMMARY"], tt.summary) {
			t.Errorf("%s: %s to %s, %s, %q; want %s to %s, %s, %q…", tt.id, e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"], e["STATUS"], e["SUMMARY"], tt.start, tt.end, tt.status, tt.summary)
		}
	}
	if d := events[idYear]["DESCRIPTION"]; !strings.Contains(d, `Known only to the year: shown on its first day\, 1 Jan 2012`) {
		t.Errorf("year event does not say its day is only a place: %s", d)
	}
	if d := events[idInferred]["DESCRIPTION"]; !strings.Contains(d, `Date: c. 2 Aug 2016 (2016-08-02)\nConfidence: 0.90\nLikely between 2016-08-01 and 2016-08-03\nInferred`) {
		t.Errorf("inferred event does not say how sure: %s", d)
	}
	if _, ok := events[idUndated]; ok {
		t.Error("an undated event is in the calendar")
	}
}

// TestICSInjection: no text can add a property or an event, and only a
// safe address becomes the URL.
func TestICSInjection(t *testing.T) {
	allowed := map[string]bool{}
	for _, p := range []string{"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME",
		"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION",
		"LOCATION", "CATEGORIES", "STATUS", "TRANSP", "URL"} {
		allowed[p] = true
	}
	lines := icsLines(t)
	for _, l := range lines {
		name, _, _ := strings.Cut(l, ":")
		if !allowed[name] {
			t.Errorf("unexpected property %q", l)
		}
		if name == "BEGIN" || name == "END" {
			if v := l[len(name)+1:]; v != "VCALENDAR" && v != "VEVENT" {
				t.Errorf("unexpected component %q", l)
			}
		}
	}
	if n := slices.Index(lines, "SUMMARY:injected"); n >= 0 {
		t.Error("the hostile text added a SUMMARY")
	}
	e := icsEvents(t)[idHostile]
	if e == nil {
		t.Fatal("no hostile VEVENT")
	}
	if e["URL"] != "https://example.org/hostile" {
		t.Errorf("URL %q, want the first safe address", e["URL"])
	}
	if !strings.HasPrefix(e["SUMMARY"], `=HYPERLINK("http://x"\,"click")\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected`) {
		t.Errorf("SUMMARY %q, want the text escaped on one line", e["SUMMARY"])
	}
	for _, bad := range []string{"javascript:", "data:", "evil.example"} {
		if strings.Contains(strings.ToLower(e["DESCRIPTION"]), bad) {
			t.Errorf("DESCRIPTION links %s: %s", bad, e["DESCRIPTION"])
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"short", "SUMMARY:x", []string{"SUMMARY:x"}},
		{"exactly 75", strings.Repeat("a", 75), []string{strings.Repeat("a", 75)}},
		{"76", strings.Repeat("a", 76), []string{strings.Repeat("a", 75), " a"}},
		// é is two octets: the cut backs off rather than split it.
		{"multibyte at the edge", strings.Repeat("a", 74) + "éb", []string{strings.Repeat("a", 74), " éb"}},
		{"two folds", strings.Repeat("b", 75+74+3), []string{strings.Repeat("b", 75), " " + strings.Repeat("b", 74), " bbb"}},
		// An escape sequence stays on one line; an escaped backslash is
		// whole and may end one.
		{"escape at the edge", strings.Repeat("a", 74) + `\,b`, []string{strings.Repeat("a", 74), ` \,b`}},
		{"escaped backslash at the edge", strings.Repeat("a", 73) + `\\b`, []string{strings.Repeat("a", 73) + `\\`, " b"}},
		{"escaped backslash then an escape", strings.Repeat("a", 72) + `\\\,b`, []string{strings.Repeat("a", 72) + `\\`, ` \,b`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			cw := &contentWriter{w: bufio.NewWriter(&b)}
			cw.line(tt.in)
			cw.w.Flush()
			got := strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n")
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a,b;c\d`, `a\,b\;c\\d`},
		{"two\nlines", `two\nlines`},
		{"crlf\r\nline", `crlf\nline`},
		{"cr\rline", `cr\nline`},
		{"sep\u2028line", `sep\nline`},
		{"bell\a nul\x00 esc\x1b del\x7f", "bell nul esc del"},
		{"tab\tkept", "tab\tkept"},
		{"bad \xff byte", "bad  byte"},
		{"\r\nBEGIN:VEVENT", `\nBEGIN:VEVENT`},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
