package eval

import (
	"slices"
	"testing"

	"conflict-timeline/timeline/timex"
)

func tx(start, end int, text string, typ timex.Type, value string) *timex.Timex {
	return &timex.Timex{Start: start, End: end, Text: text, Type: typ, Value: value}
}

// pair is a relaxed match over the same words with another value.
func pair(text string, gt timex.Type, gv string, st timex.Type, sv string) Error {
	return Error{Problem: Value, Gold: tx(0, len(text), text, gt, gv), System: tx(0, len(text), text, st, sv)}
}

func TestCategory(t *testing.T) {
	d := timex.Date
	tests := []struct {
		name string
		e    Error
		want string
	}{
		{"missed month", Error{Problem: Missed, Gold: tx(0, 5, "March", d, "1998-03")}, "missed DATE: calendar name"},
		{"missed number", Error{Problem: Missed, Gold: tx(0, 9, "two years", timex.Duration, "P2Y")}, "missed DURATION: number"},
		{"missed unit", Error{Problem: Missed, Gold: tx(0, 8, "the week", d, "1998-W02")}, "missed DATE: unit word"},
		{"missed other", Error{Problem: Missed, Gold: tx(0, 6, "dawn's", timex.Time, "1998-01-01TMO")}, "missed TIME: other"},
		{"spurious now", Error{Problem: Spurious, System: tx(0, 9, "currently", d, "PRESENT_REF")}, "spurious: now/recently"},
		{"spurious hyphenated", Error{Problem: Spurious, System: tx(0, 13, "third-quarter", d, "1989-Q3")}, "spurious: number"},
		{"spurious year-ago", Error{Problem: Spurious, System: tx(0, 8, "year-ago", d, "1988")}, "spurious: unit word"},
		{"spurious number", Error{Problem: Spurious, System: tx(0, 4, "1,000", d, "1000")}, "spurious: number"},
		{"reference", pair("now", d, "PRESENT_REF", d, "1998-01-08"), "value: " + catRef},
		{"set", pair("every week", timex.Set, "P1W", timex.Set, "XXXX-WXX"), "value: " + catSet},
		{"durations", pair("three months", timex.Duration, "P3M", timex.Duration, "P90D"), "value: " + catDuration},
		{"duration vs point", pair("a year", timex.Duration, "P1Y", d, "1997"), "value: " + catDurPoint},
		{"quarter", pair("the third quarter", d, "1998-Q3", d, "1997-Q3"), "value: " + catQuarter},
		{"fiscal", pair("fiscal 1998", d, "1998", d, "1997"), "value: " + catQuarter},
		{"clock", pair("this morning", timex.Time, "1998-01-08TMO", d, "1998-01-08"), "value: " + catClock},
		{"decade", pair("the 1990s", d, "199", d, "1990"), "value: " + catDecade},
		{"anaphoric", pair("the same day", d, "1998-01-05", d, "1998-01-08"), "value: " + catAnaphoric},
		{"the next", pair("the next year", d, "1999", d, "1998"), "value: " + catAnaphoric},
		{"open", pair("October", d, "XXXX-10", d, "1997-10"), "value: " + catOpen},
		{"weekday", pair("Tuesday", d, "1998-01-06", d, "1998-01-13"), "value: " + catWeekday},
		{"month", pair("March", d, "1998-03", d, "1997-03"), "value: " + catMonthYear},
		{"year of a day", pair("March 5", d, "1998-03-05", d, "1997-03-05"), "value: " + catMonthYear},
		{"another day", pair("yesterday", d, "1998-01-07", d, "1998-01-06"), "value: " + catOtherDay},
		{"gold coarser", pair("this year", d, "1998", d, "1998-01"), "value: " + catGoldCoarser},
		{"gold finer", pair("Jan. 8", d, "1998-01-08", d, "1998-01"), "value: " + catGoldFiner},
		{"other period", pair("Jan. 8", d, "1998-01-08", d, "1997-02"), "value: " + catGranOther},
		{"unparsable", pair("then", d, "undefined", d, "1998"), "value: " + catAnaphoric},
		{"other", pair("soon", d, "FOO", d, "1998"), "value: " + catOther},
		{"type", Error{Problem: Type | Span, Gold: tx(0, 4, "year", d, "P1Y"), System: tx(0, 6, "a year", timex.Duration, "P1Y")}, "type: gold DATE, system DURATION"},
		{"span wider", Error{Problem: Span, Gold: tx(6, 10, "year", d, "1998"), System: tx(0, 10, "early year", d, "1998")}, "span: system wider"},
		{"span narrower", Error{Problem: Span, Gold: tx(0, 10, "early year", d, "1998"), System: tx(6, 10, "year", d, "1998")}, "span: system narrower"},
		{"span shifted", Error{Problem: Span, Gold: tx(0, 10, "x", d, "1998"), System: tx(6, 14, "y", d, "1998")}, "span: shifted"},
	}
	for _, tc := range tests {
		if got := Category(tc.e); got != tc.want {
			t.Errorf("%s: Category = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestCategories(t *testing.T) {
	errs := []Error{
		{Problem: Spurious, System: tx(0, 3, "now", timex.Date, "PRESENT_REF")},
		{Problem: Missed, Gold: tx(0, 5, "March", timex.Date, "1998-03")},
		{Problem: Spurious, System: tx(0, 8, "recently", timex.Date, "PAST_REF")},
	}
	got := Categories(errs)
	want := []CategoryCount{{"spurious: now/recently", 2}, {"missed DATE: calendar name", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("Categories = %v, want %v", got, want)
	}
}

func TestSample(t *testing.T) {
	var errs []Error
	for i := range 100 {
		errs = append(errs, Error{Problem: Missed, Gold: tx(i, i+1, "x", timex.Date, "1998")})
	}
	a, b := Sample(errs, 10, 1), Sample(errs, 10, 1)
	if len(a) != 10 || !slices.EqualFunc(a, b, func(x, y Error) bool { return x.Gold.Start == y.Gold.Start }) {
		t.Fatalf("Sample is not reproducible or has %d items", len(a))
	}
	if !slices.IsSortedFunc(a, func(x, y Error) int { return x.Gold.Start - y.Gold.Start }) {
		t.Errorf("Sample is not in list order")
	}
	c := Sample(errs, 10, 2)
	if slices.EqualFunc(a, c, func(x, y Error) bool { return x.Gold.Start == y.Gold.Start }) {
		t.Errorf("seeds 1 and 2 draw the same sample")
	}
	if n := len(Sample(errs[:5], 10, 1)); n != 5 {
		t.Errorf("Sample of 5 for 10 = %d items, want 5", n)
	}
}

func TestSentence(t *testing.T) {
	text := "It rained. Prices rose on Tuesday after the vote. Then it stopped."
	e := Error{Gold: tx(26, 33, "Tuesday", timex.Date, "x")}
	want := "Prices rose on [Tuesday] after the vote."
	if got := sentence(text, e); got != want {
		t.Errorf("sentence = %q, want %q", got, want)
	}
}
