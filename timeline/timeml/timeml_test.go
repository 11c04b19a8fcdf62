package timeml_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

func TestReadFile(t *testing.T) {
	tests := []struct {
		file     string
		id       string
		dctValue string
		dct      time.Time
		gran     timex.Granularity
		title    string
		text     string
		timexes  []timex.Timex
	}{
		{
			// Entities, CDATA, a comment, EVENT nested in a TIMEX3, a
			// multi-byte rune before a timex and a TIMEX3 outside <TEXT>
			// that must not be gold.
			file:     "APW19980807.0261.tml",
			id:       "APW19980807.0261",
			dctValue: "1998-08-07T06:18",
			dct:      time.Date(1998, 8, 7, 0, 0, 0, 0, time.UTC),
			gran:     timex.GranDay,
			title:    "Explosions rock U.S. embassies",
			text: "\nNAIROBI, Kenya (AP) & Dar es Salaam _\n\n" +
				"Bombs exploded Friday, witnesses said <sic>.\n" +
				"Café owners had for about three years feared it & more, every week.\n",
			timexes: []timex.Timex{
				{Start: 55, End: 61, Text: "Friday", Type: timex.Date, Value: "1998-08-07"},
				{Start: 106, End: 123, Text: "about three years", Type: timex.Duration, Value: "P3Y", Mod: "APPROX"},
				{Start: 142, End: 152, Text: "every week", Type: timex.Set, Value: "P1W"},
			},
		},
		{
			// CR LF line ends, no DOCID, a TIMEX3 nested in another and an
			// empty (non-consuming) one.
			file:     "01_Narrative.tml",
			id:       "01_Narrative",
			dctValue: "2009-12-19",
			dct:      time.Date(2009, 12, 19, 0, 0, 0, 0, time.UTC),
			gran:     timex.GranDay,
			text:     "\nOn early September 1,\nwar.\n",
			timexes: []timex.Timex{
				{Start: 4, End: 21, Text: "early September 1", Type: timex.Date, Value: "1939-09"},
				{Start: 10, End: 21, Text: "September 1", Type: timex.Date, Value: "1939-09-01"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "corpus", tt.file)
			d, err := timeml.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if d.ID != tt.id || d.Path != path || d.Title != tt.title {
				t.Errorf("ID, Path, Title = %q, %q, %q; want %q, %q, %q", d.ID, d.Path, d.Title, tt.id, path, tt.title)
			}
			if d.DCTValue != tt.dctValue || !d.DCT.Equal(tt.dct) || d.DCTGranularity != tt.gran {
				t.Errorf("DCT = %q, %v, %v; want %q, %v, %v", d.DCTValue, d.DCT, d.DCTGranularity, tt.dctValue, tt.dct, tt.gran)
			}
			if d.Text != tt.text {
				t.Errorf("Text = %q\nwant   %q", d.Text, tt.text)
			}
			if !slices.Equal(d.Timexes, tt.timexes) {
				t.Errorf("Timexes =\n%+v\nwant\n%+v", d.Timexes, tt.timexes)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		xml      string
		dctValue string
		gran     timex.Granularity
		text     string
		values   []string
	}{
		{
			name: "no DCT",
			xml:  `<TimeML><TEXT>in <TIMEX3 type="DATE" value="1998">1998</TIMEX3></TEXT></TimeML>`,
			text: "in 1998", values: []string{"1998"},
		},
		{
			name:     "odd DCT leaves the document unanchored",
			xml:      `<TimeML><DCT><TIMEX3 value="XXXX-XX-XX"/></DCT><TEXT>x</TEXT></TimeML>`,
			dctValue: "XXXX-XX-XX", text: "x",
		},
		{
			name:     "week DCT",
			xml:      `<TimeML><DCT><TIMEX3 value="1998-W32"/></DCT><TEXT>x</TEXT></TimeML>`,
			dctValue: "1998-W32", gran: timex.GranWeek, text: "x",
		},
		{
			name: "numeric character references count as the runes they decode to",
			xml:  `<TimeML><TEXT>&#233;&#x2014; <TIMEX3 type="DATE" value="PRESENT_REF">now</TIMEX3></TEXT></TimeML>`,
			text: "é— now", values: []string{"PRESENT_REF"},
		},
		{
			name: "empty text",
			xml:  `<TimeML><TEXT/></TimeML>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := timeml.Parse(strings.NewReader(tt.xml), "x.tml")
			if err != nil {
				t.Fatal(err)
			}
			if d.DCTValue != tt.dctValue || d.DCTGranularity != tt.gran {
				t.Errorf("DCT = %q, %v; want %q, %v", d.DCTValue, d.DCTGranularity, tt.dctValue, tt.gran)
			}
			if d.Text != tt.text {
				t.Errorf("Text = %q, want %q", d.Text, tt.text)
			}
			var values []string
			for _, tx := range d.Timexes {
				values = append(values, tx.Value)
				if tx.Text != d.Text[tx.Start:tx.End] {
					t.Errorf("timex %q at %d:%d, where the text has %q", tx.Text, tx.Start, tx.End, d.Text[tx.Start:tx.End])
				}
			}
			if !slices.Equal(values, tt.values) {
				t.Errorf("values = %q, want %q", values, tt.values)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		xml  string
		want string // the error must start with this
	}{
		{"mismatched tag", "<TimeML>\n<TEXT>\n<TIMEX3>x</EVENT>\n</TEXT></TimeML>", "bad.tml:3: "},
		{"unknown entity", "<TimeML>\n\n<TEXT>&nbsp;</TEXT></TimeML>", "bad.tml:3: "},
		{"unclosed", "<TimeML>\n<TEXT>x", "bad.tml:2: "},
		{"no TEXT", "<TimeML><DOCID>x</DOCID></TimeML>", "bad.tml: no <TEXT>"},
		{"two TEXTs", "<TimeML>\n<TEXT>x</TEXT>\n<TEXT>y</TEXT></TimeML>", "bad.tml:3: a second <TEXT>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := timeml.Parse(strings.NewReader(tt.xml), "bad.tml")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	docs, err := timeml.Load(dir, filepath.Join(dir, "01_Narrative.tml"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	want := []string{"01_Narrative", "APW19980807.0261", "01_Narrative"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}

	for _, path := range []string{"testdata/nowhere", "testdata"} {
		if _, err := timeml.Load(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("Load(%q) error = %v, want one naming the path", path, err)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		value string
		want  time.Time
		gran  timex.Granularity
		ok    bool
	}{
		{"1998", day(1998, 1, 1), timex.GranYear, true},
		{"1998-08", day(1998, 8, 1), timex.GranMonth, true},
		{"1998-08-07", day(1998, 8, 7), timex.GranDay, true},
		{"1998-08-07T06:18", day(1998, 8, 7), timex.GranDay, true},
		{"1998-W01", day(1997, 12, 29), timex.GranWeek, true},
		{"2015-W53", day(2015, 12, 28), timex.GranWeek, true},
		{"2016-W53", time.Time{}, 0, false}, // 2016 has 52 ISO weeks
		{"2016-02-29", day(2016, 2, 29), timex.GranDay, true},
		{"2015-02-29", time.Time{}, 0, false},
		{"1998-13", time.Time{}, 0, false},
		{"1998-08-7", time.Time{}, 0, false},
		{"1998-08-07X", time.Time{}, 0, false},
		{"1998-Q3", time.Time{}, 0, false},
		{"1998-XX-XX", time.Time{}, 0, false},
		{"XXXX-XX-XX", time.Time{}, 0, false},
		{"PRESENT_REF", time.Time{}, 0, false},
		{"P1D", time.Time{}, 0, false},
		{"", time.Time{}, 0, false},
	}
	for _, tt := range tests {
		got, gran, ok := timeml.ParseDate(tt.value)
		if !got.Equal(tt.want) || gran != tt.gran || ok != tt.ok {
			t.Errorf("ParseDate(%q) = %v, %v, %v; want %v, %v, %v", tt.value, got, gran, ok, tt.want, tt.gran, tt.ok)
		}
	}
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
