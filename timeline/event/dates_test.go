package event

import (
	"testing"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/timex"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		value     string
		date, end string
		precision timeline.Precision
	}{
		{"2016-08-07", "2016-08-07", "", timeline.PrecisionDay},
		{"2016-08-07TEV", "2016-08-07", "", timeline.PrecisionDay},
		{"2016-08-07T14:00", "2016-08-07", "", timeline.PrecisionDay},
		{"2016-W31", "2016-W31", "", timeline.PrecisionWeek},
		{"2016-W31-WE", "2016-W31", "", timeline.PrecisionWeek},
		{"2016-W31-1", "2016-08-01", "", timeline.PrecisionDay},
		{"2015-W53", "2015-W53", "", timeline.PrecisionWeek},
		{"2016-08", "2016-08", "", timeline.PrecisionMonth},
		{"2016-Q3", "2016-07", "2016-09", timeline.PrecisionMonth},
		{"2016-H1", "2016-01", "2016-06", timeline.PrecisionMonth},
		{"2016-SU", "2016-06", "2016-08", timeline.PrecisionMonth},
		{"2016-WI", "2016-12", "2017-02", timeline.PrecisionMonth},
		{"2016", "2016", "", timeline.PrecisionYear},
		{"201", "2010", "2019", timeline.PrecisionYear},
	}
	for _, tt := range tests {
		p, ok := parsePeriod(tt.value)
		if !ok {
			t.Errorf("parsePeriod(%q) failed", tt.value)
			continue
		}
		if p.date() != tt.date || p.endDate() != tt.end || p.precision != tt.precision {
			t.Errorf("parsePeriod(%q) = %s..%q (%s), want %s..%q (%s)", tt.value, p.date(), p.endDate(), p.precision, tt.date, tt.end, tt.precision)
		}
	}
	for _, v := range []string{"", "PRESENT_REF", "PAST_REF", "P3W", "XXXX-08-07", "XXXX-WXX-1", "2016-02-30", "2016-13", "2016-W54", "2016-XY", "20", "XXXX-XX-XXTNI"} {
		if p, ok := parsePeriod(v); ok {
			t.Errorf("parsePeriod(%q) = %s, want no date", v, p.date())
		}
	}
}

func TestCoarsen(t *testing.T) {
	tests := []struct {
		value     string
		to        timeline.Precision
		date, end string
	}{
		{"2016-08-08", timeline.PrecisionWeek, "2016-W32", ""},
		{"2016-08-08", timeline.PrecisionMonth, "2016-08", ""},
		{"2016-08-08", timeline.PrecisionYear, "2016", ""},
		// A week across two months is both months, not a guess at one.
		{"2016-W35", timeline.PrecisionMonth, "2016-08", "2016-09"},
		{"2016-W52", timeline.PrecisionYear, "2016", "2017"},
		// Coarser already: unchanged.
		{"2016-08", timeline.PrecisionDay, "2016-08", ""},
	}
	for _, tt := range tests {
		p, _ := parsePeriod(tt.value)
		c := p.coarsen(tt.to)
		if c.date() != tt.date || c.endDate() != tt.end {
			t.Errorf("%s to %s = %s..%q, want %s..%q", tt.value, tt.to, c.date(), c.endDate(), tt.date, tt.end)
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
	if s := spanning(p("2016-07-23"), p("2016-08")); s.date() != "2016-07" || s.endDate() != "2016-08" || s.precision != timeline.PrecisionMonth {
		t.Errorf("spanning a day and a month = %s..%s (%s), want the coarser precision", s.date(), s.endDate(), s.precision)
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
	tx := func(text string, typ timex.Type, value, mod string) timex.Timex {
		return timex.Timex{Text: text, Type: typ, Value: value, Mod: mod}
	}
	tests := []struct {
		name      string
		a         bool // day anchor, else month
		tx        timex.Timex
		date      string
		precision timeline.Precision
		conf      float64 // 0: no date
	}{
		{"a full date needs no anchor", false, tx("August 6, 2016", timex.Date, "2016-08-06", ""), "2016-08-06", timeline.PrecisionDay, 1},
		{"a month and day take the anchor's year", false, tx("August 6", timex.Date, "2016-08-06", ""), "2016-08-06", timeline.PrecisionDay, 0.8},
		{"relative under a day anchor", true, tx("Monday", timex.Date, "2016-08-08", ""), "2016-08-08", timeline.PrecisionDay, 0.9},
		{"relative under a month anchor is told to the month", false, tx("Monday", timex.Date, "2016-08-08", ""), "2016-08", timeline.PrecisionMonth, 0.8 * coarsened},
		{"unplaced relative takes the anchor's period", false, tx("Monday", timex.Date, "XXXX-WXX-1", ""), "2016-08", timeline.PrecisionMonth, 0.8 * coarsened},
		{"a TIME dates by its day", true, tx("Tuesday evening", timex.Time, "2016-08-02TEV", ""), "2016-08-02", timeline.PrecisionDay, 0.9},
		{"the resolver's APPROX on a coarsened weekday is not counted twice", false, tx("Monday", timex.Date, "2016", "APPROX"), "2016", timeline.PrecisionYear, 0.8 * coarsened},
		{"approximate", false, tx("about 2012", timex.Date, "2012", "APPROX"), "2012", timeline.PrecisionYear, modFactors["APPROX"]},
		{"a duration dates nothing", true, tx("three weeks", timex.Duration, "P3W", ""), "", timeline.PrecisionUnknown, 0},
		{"a set dates nothing", true, tx("daily", timex.Set, "P1D", ""), "", timeline.PrecisionUnknown, 0},
		{"PAST_REF dates nothing", true, tx("recently", timex.Date, "PAST_REF", ""), "", timeline.PrecisionUnknown, 0},
		{"PRESENT_REF dates nothing", true, tx("now", timex.Date, "PRESENT_REF", ""), "", timeline.PrecisionUnknown, 0},
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
			if !ok {
				t.Fatal("no date")
			}
			if got.when.date() != tt.date || got.when.precision != tt.precision || round2(got.confidence) != round2(tt.conf) {
				t.Errorf("%s (%s) confidence %.2f, want %s (%s) %.2f", got.when.date(), got.when.precision, got.confidence, tt.date, tt.precision, tt.conf)
			}
		})
	}
}

// Without an anchor the resolver counts from the dates the text mentions;
// such dates are kept, less sure, and underspecified ones dropped.
func TestDateWithoutAnchor(t *testing.T) {
	d := newDater(anchor.Anchor{Precision: timeline.PrecisionUnknown, Source: anchor.FromNothing}, saying)
	if got, ok := d.date(timex.Timex{Text: "a day earlier", Type: timex.Date, Value: "2016-08-06"}); !ok || got.confidence != narrative {
		t.Errorf("narrative date: %v %v", got.when.date(), got.confidence)
	}
	if _, ok := d.date(timex.Timex{Text: "Monday", Type: timex.Date, Value: "XXXX-WXX-1"}); ok {
		t.Error("an unplaced weekday with no anchor dated an event")
	}
}
