package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"conflict-timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the writers produce")

// fixture is a small timeline that exercises what the formats must get
// right: every precision, a range, a planned event, an event with two
// sources, one undated, text with the characters each format escapes,
// and a sentence long enough to fold.
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
	return timeline.Timeline{
		Title: "Syria, 2011–2016",
		Events: []timeline.Event{
			{ID: "2011-03-64e378edb1", Date: "2011-03", Precision: timeline.PrecisionMonth, Type: "other",
				Text:   "Syria's conflict has killed more than 280,000 people since it erupted in March 2011.",
				Places: []string{}, Actors: []string{}, Confidence: 1,
				Sources: []timeline.Source{aleppo(812, "March 2011", "2011-03")}},
			{ID: "2012-d9602bf291", Date: "2012", Precision: timeline.PrecisionYear, Type: "battle",
				Text:   "Recapturing east Aleppo, which rebels seized in 2012, would be the government's biggest victory yet.",
				Places: []string{"Aleppo"}, Actors: []string{"rebels"}, Confidence: 1,
				Sources: []timeline.Source{withSpans(aleppo(948, "2012", "2012"),
					timeline.SourceSpan{Start: 900, End: 1000, Text: "Recapturing east Aleppo, which rebels seized in 2012, would be the government's biggest victory yet."},
					timeline.SourceSpan{Start: 925, End: 953, Text: "which rebels seized in 2012,"})}},
			{ID: "2016-07-23-0c1d2e3f4a", Date: "2016-07-23", End: "2016-07-31", Precision: timeline.PrecisionDay, Type: "harm to civilians",
				Text:   `All six facilities hit between July 23 and July 31 were "major" hospitals, a monitor said.`,
				Places: []string{"Aleppo"}, Actors: []string{}, Confidence: 0.74,
				Sources: []timeline.Source{aleppo(400, "July 23 and July 31", "2016-07-23/2016-07-31")}},
			{ID: "2016-W31-5b6c7d8e9f", Date: "2016-W31", Precision: timeline.PrecisionWeek, Type: "battle",
				Text:   "Some 700 fighters from the government and the insurgent side were killed in the week of fighting.",
				Places: []string{}, Actors: []string{"Syrian government forces", "rebels"}, Confidence: 0.88,
				Sources: []timeline.Source{aleppo(1701, "the week", "2016-W31")}},
			{ID: "2016-08-07-b0aa348c9f", Date: "2016-08-07", Precision: timeline.PrecisionDay, Type: "battle",
				Text:   "Syrian regime forces were on the defensive around Aleppo on Sunday, August 7, after a rebel alliance said it had broken a 3-week government siege of the battered city — a setback for Damascus, Moscow and Tehran.",
				Places: []string{"Aleppo", "Ramousah"}, Actors: []string{"Syrian government forces", "rebels", "Russia"}, Confidence: 0.88,
				Sources: []timeline.Source{
					aleppo(123, "Sunday, August 7", "2016-08-07"),
					idlib(2050, "Saturday", "2016-08-06"),
				}},
			{ID: "2016-08-191f83bc97", Date: "2016-08", Precision: timeline.PrecisionMonth, Planned: true, Type: "diplomacy or ceasefire",
				Text:   "On Monday, the UN Security Council is due to hold an informal meeting on the Aleppo crisis.",
				Places: []string{"Aleppo"}, Actors: []string{"United Nations"}, Confidence: 0.7,
				Sources: []timeline.Source{idlib(2858, "Monday", "XXXX-WXX-1")}},
			{ID: "undated-1", Date: "PRESENT_REF", Precision: timeline.PrecisionUnknown, Type: "statement",
				Text: "Officials said the talks would go on.", Confidence: 0.3},
		},
	}
}

func withSpans(s timeline.Source, sentence, clause timeline.SourceSpan) timeline.Source {
	s.Sentence, s.Clause = sentence, clause
	return s
}

// formats are checked against testdata/<file>; go test -update rewrites
// them.
func TestGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(f.Name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.Write(&b, fixture()); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", f.File)
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test -update if the change is intended):\n%s", f.Name, golden, b.String())
			}
		})
	}
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

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Events) != len(fixture().Events) {
		t.Fatalf("%d events, want %d", len(got.Events), len(fixture().Events))
	}
	for _, e := range got.Events {
		for _, key := range []string{"id", "date", "precision", "planned", "text", "type", "places", "actors", "confidence", "sources"} {
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
}

func TestCSVColumns(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0][:10], ",")
	if want := "event_id,event_date,time_precision,event_type,actor1,actor2,location,notes,source,source_url"; head != want {
		t.Errorf("columns %s, want ACLED's first: %s", head, want)
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[0]] = r
	}
	tests := []struct {
		id, date, end, precision string
	}{
		{"2011-03-64e378edb1", "2011-03-01", "2011-03-31", "month"},
		{"2012-d9602bf291", "2012-01-01", "2012-12-31", "year"},
		{"2016-07-23-0c1d2e3f4a", "2016-07-23", "2016-07-31", "day"},
		{"2016-W31-5b6c7d8e9f", "2016-08-01", "2016-08-07", "week"},
		{"undated-1", "PRESENT_REF", "", "unknown"},
	}
	for _, tt := range tests {
		r := byID[tt.id]
		if r == nil {
			t.Errorf("no row for %s", tt.id)
			continue
		}
		if r[1] != tt.date || r[10] != tt.end || r[2] != tt.precision {
			t.Errorf("%s: event_date %s, end_date %s, time_precision %s; want %s, %s, %s", tt.id, r[1], r[10], r[2], tt.date, tt.end, tt.precision)
		}
	}
}

func TestTimelineJSDates(t *testing.T) {
	var b bytes.Buffer
	if err := TimelineJS(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	var got tjsFile
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	byID := map[string]tjsSlide{}
	for _, s := range got.Events {
		byID[s.UniqueID] = s
	}
	tests := []struct {
		id         string
		start, end *tjsDate
		group      string
	}{
		{"2011-03-64e378edb1", &tjsDate{Year: "2011", Month: "3"}, nil, "other"},
		{"2012-d9602bf291", &tjsDate{Year: "2012"}, nil, "battle"},
		{"2016-07-23-0c1d2e3f4a", &tjsDate{Year: "2016", Month: "7", Day: "23"}, &tjsDate{Year: "2016", Month: "7", Day: "31"}, "harm to civilians"},
		{"2016-W31-5b6c7d8e9f", &tjsDate{Year: "2016", Month: "8", Day: "1"}, &tjsDate{Year: "2016", Month: "8", Day: "7"}, "battle"},
	}
	for _, tt := range tests {
		s, ok := byID[tt.id]
		if !ok {
			t.Errorf("no slide for %s", tt.id)
			continue
		}
		if *s.StartDate != *tt.start || (s.EndDate == nil) != (tt.end == nil) || (tt.end != nil && *s.EndDate != *tt.end) || s.Group != tt.group {
			t.Errorf("%s: start %+v end %+v group %q; want %+v, %+v, %q", tt.id, s.StartDate, s.EndDate, s.Group, tt.start, tt.end, tt.group)
		}
	}
	if _, ok := byID["undated-1"]; ok {
		t.Error("an undated event became a slide")
	}
	if got.Title == nil || got.Title.Text.Headline == "" {
		t.Error("no title slide")
	}
}

// TestICSRules checks the RFC 5545 rules every line must follow, and that
// unfolding gives back the escaped values.
func TestICSRules(t *testing.T) {
	var b bytes.Buffer
	if err := ICS(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatal("lines must end in CRLF, and no bare LF may appear")
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
		"DTSTAMP:20160807T000000Z", // the newest article date, not the clock
		"UID:2016-08-07-b0aa348c9f@conflict-timeline",
		"DTSTART;VALUE=DATE:20160807\r\nDTEND;VALUE=DATE:20160808",                     // a day
		"DTSTART;VALUE=DATE:20160801\r\nDTEND;VALUE=DATE:20160808",                     // ISO week 31
		"DTSTART;VALUE=DATE:20110301\r\nDTEND;VALUE=DATE:20110401",                     // a month
		"DTSTART;VALUE=DATE:20120101\r\nDTEND;VALUE=DATE:20130101",                     // a year
		"DTSTART;VALUE=DATE:20160723\r\nDTEND;VALUE=DATE:20160801",                     // July 23 to 31
		`SUMMARY:Syrian regime forces were on the defensive around Aleppo on Sunday\,`, // commas escaped
		`Source: Shelling hits market\; dozens hurt`,                                   // semicolons escaped
		`LOCATION:Aleppo\, Ramousah`,
		"STATUS:TENTATIVE", // the planned meeting
		"URL:https://example.org/aleppo?id=1&lang=en",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("no %q in\n%s", want, unfolded)
		}
	}
	if n := strings.Count(out, "BEGIN:VEVENT"); n != len(fixture().Events)-1 {
		t.Errorf("%d VEVENTs, want one per dated event, %d", n, len(fixture().Events)-1)
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
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
