package anchor

import (
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/article"
)

// now is late enough for every fixture and fixed, so that no test
// depends on the day it runs.
var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// want is what a test expects of an anchor: its claimed period, its
// likeliest day when it claims one, a floor under its confidence, its
// source, and words its reasons must contain.
type want struct {
	value     string
	day       string
	precision timeline.Precision
	minConf   float64
	source    Source
	reasons   []string
}

func check(t *testing.T, a Anchor, w want) {
	t.Helper()
	if a.Value() != w.value || a.Precision != w.precision || a.Source != w.source || a.Confidence < w.minConf || (w.day != "" && a.Day() != w.day) {
		t.Errorf("anchor %s (day %s, %s, %.2f, from %s), want %s (day %s, %s, at least %.2f, from %s)\nreasons:\n  %s",
			a.Value(), a.Day(), a.Precision, a.Confidence, a.Source, w.value, w.day, w.precision, w.minConf, w.source, strings.Join(a.Reasons, "\n  "))
	}
	all := strings.Join(a.Reasons, "\n")
	for _, r := range w.reasons {
		if !strings.Contains(all, r) {
			t.Errorf("no reason says %q; reasons:\n  %s", r, strings.Join(a.Reasons, "\n  "))
		}
	}
	if a.Confidence > 1 || (a.Known() && a.Confidence <= 0) || (!a.Known() && a.Day() != "") {
		t.Errorf("anchor %+v: confidence or date out of place", a)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name        string
		title, body string
		want        want
	}{
		{
			name: "a dateline with the year gives the day",
			body: "BEIRUT, Aug 7, 2016 (Reuters) - Rebels said on Sunday they had broken the siege.",
			want: want{"2016-08-07", "2016-08-07", timeline.PrecisionDay, 0.9, FromDateline,
				[]string{`the dateline "BEIRUT, Aug 7, 2016 (Reuters) -" gives the day the story was filed, August 7, 2016`}},
		},
		{
			name: "a dateline without the year leaves it to the text",
			body: "BEIRUT, Aug 7 (Reuters) - Rebels said on Sunday they had broken the siege.",
			want: want{precision: timeline.PrecisionUnknown, source: FromNothing,
				reasons: []string{"gives the day the story was filed, August 7", "nothing names a year"}},
		},
		{
			name: "a weekday with the date fixes the year among the candidates, the lead the week",
			body: "Syrian forces advanced on Tuesday, August 9, after an offensive that began on July 31, 2016.",
			want: want{"2016-W32", "2016-08-09", timeline.PrecisionWeek, 0.7, FromText,
				[]string{"August 9 fell on a Tuesday in 2016 and 2022", `the latest date the text tells of as past is "July 31, 2016"`, "does not fix the day"}},
		},
		{
			// Sunday is the last day of an ISO week: "written that day or
			// the next" spans two weeks, so only the month is claimed.
			name: "a Sunday and the day after it",
			body: "Syrian forces advanced on Sunday, August 7, after an offensive that began on July 31, 2016. The council will meet on Monday.",
			want: want{"2016-08", "2016-08-07", timeline.PrecisionMonth, 0.75, FromText,
				[]string{`"Monday" is told as to come`, "only the month, August 2016"}},
		},
		{
			name: "only relative dates: no year, no anchor",
			body: "Police said on Tuesday they had arrested three men. A court will hear the case on Friday.",
			want: want{precision: timeline.PrecisionUnknown, source: FromNothing,
				reasons: []string{`the lead reports "Tuesday"`, `"Friday" is told as to come`, "nothing names a year, so the date is not known at all"}},
		},
		{
			name: "no date at all",
			body: "Police arrested three men.",
			want: want{precision: timeline.PrecisionUnknown, source: FromNothing, reasons: []string{"mentions no date"}},
		},
		{
			name: "a stamped tweet, and a Tuesday that may be the day after",
			body: "Stop bombing hospitals.\n— UNICEF (@UNICEF) November 21, 2016\nThe army pushed on Tuesday into the east of the city.",
			want: want{"2016-11", "", timeline.PrecisionMonth, 0.75, FromText,
				[]string{`"November 21, 2016" stamps a tweet or a photo`}},
		},
		{
			// A year told only as background bounds the date, and the
			// years since are all alike: nothing is claimed.
			name: "background years draw nothing near",
			body: "The war, raging since 2011, has killed 300,000 people. Rebels attacked on Sunday, August 7.",
			want: want{precision: timeline.PrecisionUnknown, source: FromText,
				reasons: []string{`"2011" is where a story starts`, "August 7 fell on a Sunday in 2011, 2016 and 2022", "leaves the date open"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Text(tt.title, tt.body, Options{Now: now}), tt.want)
		})
	}
}

// read reads fixtures as the article readers do, by file name.
func read(t *testing.T, files [][2]string) []*article.Article {
	t.Helper()
	var arts []*article.Article
	for _, f := range files {
		a, err := article.ReadBytes(f[0], []byte(f[1]))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

func TestArticles(t *testing.T) {
	arts := read(t, [][2]string{
		{"given.md", "+++\ntitle = \"Siege broken\"\ndate = 2016-08-07\n+++\nRebels said on Sunday they had broken the siege.\n"},
		{"contradicted.md", "+++\ntitle = \"Siege broken\"\ndate = 2016-08-01\n+++\nThe army pushed into the east on Tuesday. On November 21, 2016, officials said the offensive had begun.\n"},
		{"month.md", "+++\ntitle = \"Advance\"\ndate = \"2016-08\"\n+++\nSyrian forces advanced on Tuesday, August 9, the monitor said.\n"},
		{"pinned.txt", "Siege broken\nRebels said on Sunday they had broken the siege.\n"},
		{"pinned-month.txt", "Advance\nSyrian forces advanced on Tuesday, August 9, the monitor said.\n"},
		{"dated.txt", "Manbij falls\nMANBIJ, Aug. 12, 2016 (Reuters) - The Kurdish-led Kobani brigades took Manbij from the jihadists on Friday, the Hamdaniya council said.\n"},
		{"related.txt", "Manbij celebrates\nResidents of Manbij burned the niqab on Saturday as the Kobani brigades and the Hamdaniya council took over.\n"},
		{"unrelated.txt", "Markets\nShares in Tokyo rose on Monday.\n"},
	})
	pins := map[string]string{"pinned.txt": "2016-08-07", "pinned-month.txt": "2016-08"}
	wants := []want{
		{"2016-08-07", "2016-08-07", timeline.PrecisionDay, 0.95, FromMetadata, []string{"the file's front matter date gives 2016-08-07"}},
		{"2016-08-01", "2016-08-01", timeline.PrecisionDay, 0.5, FromMetadata,
			[]string{`but the text tells of "November 21, 2016" as past, after August 1, 2016: either that date or the text is wrong`}},
		{"2016-W32", "2016-08-09", timeline.PrecisionWeek, 0.75, FromMetadata, []string{"the file's metadata gives 2016-08", "Tuesday, August 9"}},
		{"2016-08-07", "2016-08-07", timeline.PrecisionDay, 1, FromPin, []string{"config.toml pins this article at 2016-08-07 (day precision)"}},
		{"2016-W32", "2016-08-09", timeline.PrecisionWeek, 0.75, FromPin, []string{"config.toml pins this article at 2016-08"}},
		{"2016-08-12", "2016-08-12", timeline.PrecisionDay, 0.9, FromDateline, nil},
		{"2016", "", timeline.PrecisionYear, 0.75, FromCollection,
			[]string{`the collection: it shares rare names with dated (2016-08-12, day precision: "Hamdaniya", "Kobani", "Manbij")`}},
		{"", "", timeline.PrecisionUnknown, 0, FromNothing, []string{"nothing names a year"}},
	}
	got := Articles(arts, Options{Now: now, Pins: pins})
	for i, w := range wants {
		t.Run(arts[i].Path, func(t *testing.T) { check(t, got[i], w) })
	}
	// Read alone, the related article has nothing to go by.
	if a := Article(arts[6], Options{Now: now}); a.Known() {
		t.Errorf("alone, %s is anchored at %s", arts[6].Path, a.Value())
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		a    Anchor
		want string
	}{
		{Anchor{Date: time.Date(2016, 8, 7, 0, 0, 0, 0, time.UTC), Precision: timeline.PrecisionWeek}, "2016-08-07 gran 3"},
		// News with no date resolves with none: "last month" stays open
		// rather than count from a date the text mentions.
		{Anchor{Precision: timeline.PrecisionUnknown}, "no date"},
	}
	for _, tt := range tests {
		o := tt.a.Options()
		got := "no date"
		switch {
		case o.Narrative:
			got = "narrative"
		case !o.Anchor.IsZero():
			got = o.Anchor.Format(time.DateOnly) + " gran " + string(rune('0'+o.AnchorGranularity))
		}
		if got != tt.want {
			t.Errorf("%+v.Options() = %s, want %s", tt.a, got, tt.want)
		}
	}
}
