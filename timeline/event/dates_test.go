package event

import (
	"testing"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/timex"
)

// Events read their dates with date.Parse (tested there); a period is
// one value, or the two ends of a range, and tells the precision of the
// coarser end.
func TestParsePeriod(t *testing.T) {
	tests := []struct {
		value     string
		date, end string
		precision timeline.Precision
	}{
		{"2016-08-07", "2016-08-07", "", timeline.PrecisionDay},
		{"2016-08-07TEV", "2016-08-07", "", timeline.PrecisionDay},
		{"2016-W31", "2016-W31", "", timeline.PrecisionWeek},
		{"2016-W31-1", "2016-08-01", "", timeline.PrecisionDay},
		{"2016-Q3", "2016-Q3", "", timeline.PrecisionMonth},
		{"2016-WI", "2016-WI", "", timeline.PrecisionMonth},
		{"2016", "2016", "", timeline.PrecisionYear},
		{"201", "201", "", timeline.PrecisionYear},
	}
	for _, tt := range tests {
		p, ok := parsePeriod(tt.value)
		if !ok {
			t.Errorf("parsePeriod(%q) failed", tt.value)
			continue
		}
		if p.date() != tt.date || p.endDate() != tt.end || p.precision() != tt.precision {
			t.Errorf("parsePeriod(%q) = %s..%q (%s), want %s..%q (%s)", tt.value, p.date(), p.endDate(), p.precision(), tt.date, tt.end, tt.precision)
		}
	}
	for _, v := range []string{"", "PRESENT_REF", "PAST_REF", "P3W", "XXXX-08-07", "XXXX-WXX-1", "2016-02-30", "2016-13", "2016-W54", "2016-XY", "XXXX-XX-XXTNI"} {
		if p, ok := parsePeriod(v); ok {
			t.Errorf("parsePeriod(%q) = %s, want no date", v, p.date())
		}
	}
}

func TestOverlapsAndSpanning(t *testing.T) {
	p := func(v string) period { x, _ := parsePeriod(v); return x }
	overlaps := []struct {
		a, b string
		want bool
	}{
		{"2016-08-07", "2016-08-07", true},
		{"2016-08-07", "2016-08-08", false},
		{"2016-08", "2016-08-31", true},
		{"2016", "2016-W31", true},
		{"2016-W31", "2016-08-07", true},
		{"2016-W31", "2016-07-31", false},
		{"2016-W31", "2016-08-08", false},
		{"2015", "2016-01-01", false},
	}
	for _, tt := range overlaps {
		if got := p(tt.a).overlaps(p(tt.b)); got != tt.want {
			t.Errorf("%s overlaps %s = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	s := spanning(p("2016-07-31"), p("2016-07-23"))
	if s.date() != "2016-07-23" || s.endDate() != "2016-07-31" {
		t.Errorf("spanning July 31 and July 23 = %s..%s", s.date(), s.endDate())
	}
	if s := spanning(p("2016-07-23"), p("2016-08")); s.date() != "2016-07" || s.endDate() != "2016-08" || s.precision() != timeline.PrecisionMonth {
		t.Errorf("spanning a day and a month = %s..%s (%s), want the coarser precision", s.date(), s.endDate(), s.precision())
	}
	// A winter runs from the December before the year it is named for.
	if s := spanning(p("2016-WI"), p("2016-03")); s.date() != "2015-12" || s.endDate() != "2016-03" {
		t.Errorf("spanning winter 2016 and March 2016 = %s..%s, want 2015-12..2016-03", s.date(), s.endDate())
	}
}

func TestSaying(t *testing.T) {
	tests := []struct {
		text string
		want said
	}{
		{"August 1, 2016", saysYear},
		{"March 2011", saysYear},
		{"2012", saysYear},
		{"summer 2015", saysYear},
		{"the 1990s", saysYear},
		{"Sunday, August 7", saysCalendar},
		{"April", saysCalendar},
		{"July 23", saysCalendar},
		{"Monday", saysNothing},
		{"a day earlier", saysNothing},
		{"Last month", saysNothing},
		{"1400 GMT", saysNothing},
		{"overnight", saysNothing},
		{"two years ago", saysNothing},
	}
	for _, tt := range tests {
		if got := saying(tt.text); got != tt.want {
			t.Errorf("saying(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	day := anchorAt(t, "2016-08-07", 0.9)
	month := anchorAt(t, "2016-08", 0.8)
	tx := func(text string, typ timex.Type, value, mod string, conf float64) anchor.Resolved {
		return anchor.Resolved{Timex: timex.Timex{Text: text, Type: typ, Value: value, Mod: mod}, Confidence: conf}
	}
	tests := []struct {
		name      string
		a         bool // day anchor, else month
		tx        anchor.Resolved
		date      string
		precision timeline.Precision
		conf      float64 // 0: no date
	}{
		{"a full date needs no anchor", false, tx("August 6, 2016", timex.Date, "2016-08-06", "", 0.8), "2016-08-06", timeline.PrecisionDay, 1},
		{"a month and day as sure as its year", false, tx("August 6", timex.Date, "2016-08-06", "", 0.8), "2016-08-06", timeline.PrecisionDay, 0.8},
		{"relative: as sure as the belief that gives it", false, tx("Monday", timex.Date, "2016-08-08", "", 0.7), "2016-08-08", timeline.PrecisionDay, 0.7},
		{"a TIME dates by its day", true, tx("Tuesday evening", timex.Time, "2016-08-02TEV", "", 0.9), "2016-08-02", timeline.PrecisionDay, 0.9},
		{"approximate", false, tx("about 2012", timex.Date, "2012", "APPROX", 1), "2012", timeline.PrecisionYear, modFactors["APPROX"]},
		{"a duration dates nothing", true, tx("three weeks", timex.Duration, "P3W", "", 1), "", timeline.PrecisionUnknown, 0},
		{"a set dates nothing", true, tx("daily", timex.Set, "P1D", "", 1), "", timeline.PrecisionUnknown, 0},
		{"PAST_REF dates nothing", true, tx("recently", timex.Date, "PAST_REF", "", 1), "", timeline.PrecisionUnknown, 0},
		{"PRESENT_REF dates nothing", true, tx("now", timex.Date, "PRESENT_REF", "", 1), "", timeline.PrecisionUnknown, 0},
		{"with a belief, an unplaced weekday dates nothing", true, tx("Monday", timex.Date, "XXXX-WXX-1", "", 1), "", timeline.PrecisionUnknown, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := month
			if tt.a {
				a = day
			}
			d := newDater(a, saying)
			got, ok := d.date(tt.tx)
			if tt.conf == 0 {
				if ok {
					t.Errorf("dated %s, want nothing", got.when.date())
				}
				return
			}
			if !ok || !got.known {
				t.Fatal("no date")
			}
			if got.when.date() != tt.date || got.when.precision() != tt.precision || round2(got.confidence) != round2(tt.conf) {
				t.Errorf("%s (%s) confidence %.2f, want %s (%s) %.2f", got.when.date(), got.when.precision(), got.confidence, tt.date, tt.precision, tt.conf)
			}
		})
	}
}

// Without an anchor, what the words say in full still dates; a weekday
// makes an undated event, which the site shows apart rather than drop.
func TestDateWithoutAnchor(t *testing.T) {
	d := newDater(anchor.Anchor{Precision: timeline.PrecisionUnknown, Source: anchor.FromNothing}, saying)
	full := anchor.Resolved{Timex: timex.Timex{Text: "August 6, 2016", Type: timex.Date, Value: "2016-08-06"}, Confidence: 1}
	if got, ok := d.date(full); !ok || !got.known || got.confidence != 1 {
		t.Errorf("a full date without an anchor: %v %v", got.when.date(), got.confidence)
	}
	monday := anchor.Resolved{Timex: timex.Timex{Text: "Monday", Type: timex.Date, Value: "XXXX-WXX-1"}, Confidence: 1}
	if got, ok := d.date(monday); !ok || got.known {
		t.Errorf("an unplaced weekday with no anchor: ok %v known %v, want an undated event", ok, got.known)
	}
}
