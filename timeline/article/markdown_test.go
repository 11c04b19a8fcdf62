package article

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
)

func TestReadMarkdown(t *testing.T) {
	tests := []struct {
		file          string
		title         string
		date          string // as written
		day           time.Time
		precision     timeline.Precision
		dates         int // pieces of date evidence
		meta          Meta
		firstSentence string
		sentences     []string // some sentences that must be there
		absent        []string
	}{
		{
			file:      "toml-front-matter.md",
			title:     "Rebels and army trade blame over Aleppo gas attack",
			date:      "2016-08-02",
			day:       time.Date(2016, 8, 2, 0, 0, 0, 0, time.UTC),
			precision: timeline.PrecisionDay,
			dates:     1,
			meta: Meta{Source: "Levant Monitor", URL: "https://www.levant-monitor.example/news/aleppo-gas-attack-blame",
				Author: "Samir Khoury", Lang: "en"},
			firstSentence: "Syrian rebels and the government accused each other on Tuesday of using toxic gas in Aleppo, after dozens of people were treated for breathing difficulties in the Sukkari district.",
			sentences: []string{
				"The claim could not be verified by Reuters or other agencies.",
				`"We smelled chlorine and the children started coughing," a resident said.`,
				"opened an inquiry into the 2014 attacks, and",
				`A spokesman for the U.S. State Department said Washington was "deeply concerned" by the reports.`,
			},
			absent: []string{"**", "](", "Advertisement", "+++", "tags"},
		},
		{
			file:      "yaml-front-matter.md",
			title:     "UN envoy calls for weekly 48-hour pause in Aleppo",
			date:      "August 9th, 2016",
			day:       time.Date(2016, 8, 9, 0, 0, 0, 0, time.UTC),
			precision: timeline.PrecisionDay,
			dates:     2, // the front matter date, then /2016/08/ in the URL
			meta: Meta{Source: "UN News", URL: "https://news.un.example/en/story/2016/08/aleppo-pause",
				Author: "UN News Centre", Lang: "en-GB"},
			firstSentence: "The UN special envoy for Syria, Staffan de Mistura, on Tuesday called for a weekly 48-hour pause in the fighting in Aleppo so that aid convoys could reach civilians on both sides of the front line.",
			sentences: []string{
				`"Aleppo cannot wait," he told reporters in Geneva.`,
				`"We need a window, and we need it now."`,
			},
			absent: []string{"Share", "# UN envoy", "UN envoy calls"},
		},
		{
			file:          "no-front-matter.md",
			title:         "Hospitals in Idlib hit by air strikes",
			precision:     timeline.PrecisionUnknown,
			firstSentence: "Two hospitals in Idlib province were damaged by air strikes on Saturday night, the medical charity that supports them said.",
			absent:        []string{"#", "Hospitals in Idlib hit"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, err := Read(filepath.Join("testdata", "markdown", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Format != FormatMarkdown || a.Title != tc.title {
				t.Errorf("got %s %q, want markdown %q", a.Format, a.Title, tc.title)
			}
			d := a.Meta.Date
			if d.Text != tc.date || !d.Time.Equal(tc.day) || d.Precision != tc.precision || len(a.Meta.Dates) != tc.dates {
				t.Errorf("date %v %v %s with %d pieces of evidence, want %q %v %s with %d", d, d.Time, d.Precision, len(a.Meta.Dates), tc.date, tc.day, tc.precision, tc.dates)
			}
			if tc.date != "" && d.From != "front matter date" {
				t.Errorf("date from %q, want front matter date", d.From)
			}
			got := a.Meta
			got.Date, got.Dates = Date{}, nil
			if !reflect.DeepEqual(got, tc.meta) {
				t.Errorf("meta %+v, want %+v", got, tc.meta)
			}
			checkSentences(t, a, tc.firstSentence, tc.sentences, tc.absent)
		})
	}
}

// checkSentences asserts the first sentence, that each of want is a whole
// sentence, and that none of absent is left in the text.
func checkSentences(t *testing.T, a *Article, first string, want, absent []string) {
	t.Helper()
	all := map[string]bool{}
	for _, s := range a.Sentences {
		all[s.In(a.Text)] = true
	}
	if got := a.Sentences[0].In(a.Text); got != first {
		t.Errorf("first sentence %q, want %q", got, first)
	}
	for _, s := range want {
		if !all[s] {
			t.Errorf("no sentence %q", s)
		}
	}
	for _, s := range absent {
		if strings.Contains(a.Text, s) {
			t.Errorf("text still holds %q", s)
		}
	}
}

func TestFrontMatterDates(t *testing.T) {
	tests := []struct {
		name, fm  string
		text      string
		precision timeline.Precision
	}{
		{"TOML local date", "+++\ndate = 2016-08-07\n+++\n", "2016-08-07", timeline.PrecisionDay},
		{"TOML offset datetime", "+++\ndate = 2016-08-07T10:32:00+03:00\n+++\n", "2016-08-07T10:32:00+03:00", timeline.PrecisionDay},
		{"TOML local datetime", "+++\ndate = 2016-08-07T10:32:00\n+++\n", "2016-08-07T10:32:00", timeline.PrecisionDay},
		{"TOML string", "+++\ndate = \"August 2016\"\n+++\n", "August 2016", timeline.PrecisionMonth},
		{"TOML bare year", "+++\ndate = 2016\n+++\n", "2016", timeline.PrecisionYear},
		{"YAML timestamp kept as written", "---\ndate: 2016-08-07T10:32:00Z\n---\n", "2016-08-07T10:32:00Z", timeline.PrecisionDay},
		{"YAML quoted", "---\ndate: \"7 August 2016\"\n---\n", "7 August 2016", timeline.PrecisionDay},
		{"YAML unparseable kept", "---\ndate: early August\n---\n", "early August", timeline.PrecisionUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ReadBytes("a.md", []byte(tc.fm+"\nHeadline\n\nBody.\n"))
			if err != nil {
				t.Fatal(err)
			}
			d := a.Meta.Date
			if warned := len(a.Warnings) > 0; warned != (tc.precision == timeline.PrecisionUnknown) {
				t.Errorf("warnings %v; want one only for a date that is no date", a.Warnings)
			}
			if d.Text != tc.text || d.Precision != tc.precision || d.From != "front matter date" {
				t.Errorf("date = %q %s from %q, want %q %s", d.Text, d.Precision, d.From, tc.text, tc.precision)
			}
		})
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		reason     string
	}{
		{"TOML syntax", "+++\ntitle = \"a\"\ndate = \n+++\nBody.", 3, "malformed TOML front matter: expected value"},
		{"TOML wrong type", "+++\n\ntitle = 5\n+++\nBody.", 3, "malformed TOML front matter: title is a whole number; want a string (text in quotes)"},
		{"TOML title a table", "+++\ntitle = { a = 1 }\n+++\nBody.", 2, "malformed TOML front matter: title is a table; want a string"},
		{"TOML date not a date", "+++\ndate = [1]\n+++\nBody.", 2, "date must be a date or a string"},
		{"YAML syntax", "---\ntitle: a\nsource: x: y\n---\nBody.", 3, "malformed YAML front matter: mapping value is not allowed"},
		{"YAML date not a value", "---\ntitle: a\ndate: [1, 2]\n---\nBody.", 3, "malformed YAML front matter"},
		{"YAML unclosed", "---\ntitle: a\n\nBody.", 1, "YAML front matter opened with --- is never closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBytes("bad.md", []byte(tc.data))
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != "bad.md" || fe.Line != tc.line || !strings.Contains(fe.Error(), tc.reason) {
				t.Errorf("ReadBytes = %v, want bad.md:%d: ...%s...", err, tc.line, tc.reason)
			}
		})
	}
}
