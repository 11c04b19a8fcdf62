package timex_test

import (
	"slices"
	"testing"
	"time"

	"conflict-timeline/timeline/timex"
)

// anchor is a Tuesday: 9 August 2016.
var anchor = time.Date(2016, 8, 9, 0, 0, 0, 0, time.UTC)

type want struct {
	text, typ, value, mod string
}

// TestResolve checks spans, types, values and mods on sentences written in
// the style of the news the tool is for, against a fixed anchor.
func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"weekday in a past clause is the last one",
			"Rebels shelled the city on Sunday, the monitor said.",
			[]want{{"Sunday", "DATE", "2016-08-07", ""}}},
		{"weekday equal to the anchor's in a past clause is the anchor",
			"Government forces advanced on Tuesday.",
			[]want{{"Tuesday", "DATE", "2016-08-09", ""}}},
		{"plans for after a weekday are a noun, no verb of its clause; before it they announce a plan",
			"On Friday, when the envoy set aside vacation plans for the trip, the ministry lifted a warning. It outlined plans for a withdrawal on Monday.",
			[]want{{"Friday", "DATE", "2016-08-05", ""}, {"Monday", "DATE", "2016-08-15", ""}}},
		{"weekday in a future clause is the next one",
			"The Security Council is due to hold a meeting on Monday.",
			[]want{{"Monday", "DATE", "2016-08-15", ""}}},
		{"a month of a year named by its distance is in that year, not the last such month",
			"Fighting has displaced millions since April last year; talks may resume in March next year.",
			[]want{{"April last year", "DATE", "2015-04", ""}, {"March next year", "DATE", "2017-03", ""}}},
		{"a season of a year named by its distance",
			"The offensive began in the summer last year.",
			[]want{{"the summer last year", "DATE", "2015-SU", ""}}},
		{"weekday with a part of the day",
			"A US official said on Tuesday evening that talks had failed.",
			[]want{{"Tuesday evening", "DATE", "2016-08-09TEV", ""}}},
		{"late on a weekday",
			"Late on Sunday, a suicide bomber struck a bus.",
			[]want{{"Late on Sunday", "DATE", "2016-08-07", "END"}}},
		{"month and day with a weekday",
			"Forces were on the defensive on Sunday, August 7, after the siege broke.",
			[]want{{"Sunday, August 7", "DATE", "2016-08-07", ""}}},
		{"month and day later in the year in a past clause is last year's",
			"The town fell on November 21, and the siege began in December.",
			[]want{{"November 21", "DATE", "2015-11-21", ""}, {"December", "DATE", "2015-12", ""}}},
		{"a bare month ahead in a clause with no tense cue is last year's, the next month is ahead",
			"The firm switched to a calendar year in October. Trading for September contracts opened.",
			[]want{{"October", "DATE", "2015-10", ""}, {"September", "DATE", "2016-09", ""}}},
		{"a range of months runs forward across the new year",
			"The strike lasted from November to February 2016. Prices rose from October to March.",
			[]want{{"November", "DATE", "2015-11", ""}, {"February 2016", "DATE", "2016-02", ""},
				{"October", "DATE", "2015-10", ""}, {"March", "DATE", "2016-03", ""}}},
		{"month and day later in the year in a future clause is this year's",
			"Elections will be held on November 21.",
			[]want{{"November 21", "DATE", "2016-11-21", ""}}},
		{"full date",
			"The attack on November 21, 2016 killed 12 people.",
			[]want{{"November 21, 2016", "DATE", "2016-11-21", ""}}},
		{"day month year and abbreviations",
			"It was signed on 7 Aug. 2016 and ratified on Sept. 30, 2016.",
			[]want{{"7 Aug. 2016", "DATE", "2016-08-07", ""}, {"Sept. 30, 2016", "DATE", "2016-09-30", ""}}},
		{"numeric dates go through dateparse",
			"The report is dated 2016-08-07.",
			[]want{{"2016-08-07", "DATE", "2016-08-07", ""}}},
		{"a range gives both ends",
			"Six facilities were hit between July 23 and July 31.",
			[]want{{"July 23", "DATE", "2016-07-23", ""}, {"July 31", "DATE", "2016-07-31", ""}}},
		{"years of a range",
			"The town was held from 2011 to 2013.",
			[]want{{"2011", "DATE", "2011", ""}, {"2013", "DATE", "2013", ""}}},
		{"a month borrows the year of the next in a list",
			"Fighting raged between March and April 2014.",
			[]want{{"March", "DATE", "2014-03", ""}, {"April 2014", "DATE", "2014-04", ""}}},
		{"deictic days",
			"Yesterday the army said it would attack tomorrow; today it did.",
			[]want{{"Yesterday", "DATE", "2016-08-08", ""}, {"tomorrow", "DATE", "2016-08-10", ""}, {"today", "DATE", "2016-08-09", ""}}},
		{"Today that continues a name is no date",
			"The minister told VOA Today of the advance. Today the army said so.",
			[]want{{"Today", "DATE", "2016-08-09", ""}}},
		{"the early years are a stretch of years; the early hours are no stretch",
			"In the early years the party grew. He was arrested in the early hours of Thursday morning.",
			[]want{{"the early years", "DURATION", "PXY", ""}, {"Thursday morning", "DATE", "2016-08-04TMO", ""}}},
		{"an hour told by its part of the day; a count before a part of the day is no hour",
			"Rebels killed 4 in the morning raid. The curfew ran from 2 at night until 6 in the evening.",
			[]want{{"the morning", "TIME", "2016-08-09TMO", ""}, {"2 at night", "TIME", "2016-08-09T02:00", ""},
				{"6 in the evening", "TIME", "2016-08-09T18:00", ""}}},
		{"right and more extend a vague reference, not a date",
			"More recently, the group split. He added one more today. Right now it is calm.",
			[]want{{"More recently", "DATE", "PAST_REF", ""}, {"today", "DATE", "2016-08-09", ""}, {"Right now", "DATE", "PRESENT_REF", ""}}},
		{"overnight and tonight",
			"Russia launched air strikes overnight and will strike again tonight.",
			[]want{{"overnight", "TIME", "2016-08-08TNI", ""}, {"tonight", "TIME", "2016-08-09TNI", ""}}},
		{"relative months and years",
			"Last month the siege tightened; this year it may end, or next year.",
			[]want{{"Last month", "DATE", "2016-07", ""}, {"this year", "DATE", "2016", ""}, {"next year", "DATE", "2017", ""}}},
		{"earlier this month",
			"Talks collapsed earlier this month.",
			[]want{{"earlier this month", "DATE", "2016-08", "START"}}},
		{"weeks",
			"The offensive began last week and will resume next week.",
			[]want{{"last week", "DATE", "2016-W31", ""}, {"next week", "DATE", "2016-W33", ""}}},
		{"ago counts back from the anchor at the unit's granularity",
			"The campaign began two years ago, and the town fell three days ago.",
			[]want{{"two years ago", "DATE", "2014", ""}, {"three days ago", "DATE", "2016-08-06", ""}}},
		{"a day earlier counts from the last date mentioned",
			"Troops repelled an advance on Monday, retaking positions seized a day earlier.",
			[]want{{"Monday", "DATE", "2016-08-08", ""}, {"a day earlier", "DATE", "2016-08-07", ""}}},
		{"the day before",
			"The ceasefire began on Friday. Shelling had stopped the day before.",
			[]want{{"Friday", "DATE", "2016-08-05", ""}, {"the day before", "DATE", "2016-08-04", ""}}},
		{"durations with numbers in words and digits",
			"It broke a 3-week siege after nearly a year of raids and a two-months' long offensive.",
			[]want{{"3-week", "DURATION", "P3W", ""}, {"nearly a year", "DURATION", "P1Y", "APPROX"}, {"two-months' long", "DURATION", "P2M", ""}}},
		{"the past four years",
			"For the past four years, the city has been divided.",
			[]want{{"the past four years", "DURATION", "P4Y", ""}}},
		{"a week into",
			"A week into the fighting, troops held a third of the district.",
			[]want{{"A week", "DURATION", "P1W", ""}}},
		{"vague references",
			"Raids have increased in recent days and the town is now calm.",
			[]want{{"recent days", "DURATION", "PXD", ""}, {"now", "DATE", "PRESENT_REF", ""}}},
		{"background years and months",
			"The war began with protests in March 2011; rebels seized the east in 2012.",
			[]want{{"March 2011", "DATE", "2011-03", ""}, {"2012", "DATE", "2012", ""}}},
		{"seasons, quarters, decades, centuries",
			"In the summer of 2015, the third quarter, the 1990s and the 20th century.",
			[]want{{"the summer of 2015", "DATE", "2015-SU", ""}, {"the third quarter", "DATE", "2016-Q3", ""},
				{"the 1990s", "DATE", "199", ""}, {"the 20th century", "DATE", "19", ""}}},
		{"mid and early months",
			"Fighting resumed in mid-November and early December 1998.",
			[]want{{"mid-November", "DATE", "1998-11", "MID"}, {"early December 1998", "DATE", "1998-12", "START"}}},
		{"sets",
			"Brief daily ceasefires and convoys every week.",
			[]want{{"daily", "SET", "P1D", ""}, {"every week", "SET", "P1W", ""}}},
		{"spoken numbers and years",
			"In nineteen ninety-six, twenty-four hours passed.",
			[]want{{"nineteen ninety-six", "DATE", "1996", ""}, {"twenty-four hours", "DURATION", "PT24H", ""}}},
		{"clock times",
			"The council meets at 1400 GMT; the convoy left at 5 p.m.",
			[]want{{"1400 GMT", "TIME", "2016-08-09T14:00", ""}, {"5 p.m.", "TIME", "2016-08-09T17:00", ""}}},
		{"holidays fixed and movable",
			"The boy was found on Thanksgiving Day 2015 and the truce held over Christmas 2015.",
			[]want{{"Thanksgiving Day 2015", "DATE", "2015-11-26", ""}, {"Christmas 2015", "DATE", "2015-12-25", ""}}},
		{"words that only look like dates",
			"Prices may fall. Sun Microsystems and Jan Kavan met 2,000 people, a 6-year-old boy among them, and paid $5 million a year.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := timex.Resolve(tc.text, timex.Options{Anchor: anchor})
			if len(got) != len(tc.want) {
				t.Fatalf("got %d expressions %v, want %d %v", len(got), got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || string(g.Type) != w.typ || g.Value != w.value || g.Mod != w.mod {
					t.Errorf("#%d: got %q %s %s %q, want %q %s %s %q", i, g.Text, g.Type, g.Value, g.Mod, w.text, w.typ, w.value, w.mod)
				}
				if tc.text[g.Start:g.End] != g.Text {
					t.Errorf("#%d: offsets %d-%d give %q, not %q", i, g.Start, g.End, tc.text[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

// TestNarrative resolves against the last mentioned date, with no anchor.
func TestNarrative(t *testing.T) {
	text := "On September 1, 1939, Germany attacked Poland. By early October, Poland was divided. " +
		"The next day the Soviets advanced. In December 1941 Japan attacked; in January the Allies met. " +
		"The following year fighting spread."
	want := []want{
		{"September 1, 1939", "DATE", "1939-09-01", ""},
		{"early October", "DATE", "1939-10", "START"},
		{"The next day", "DATE", "1939-10", ""},
		{"December 1941", "DATE", "1941-12", ""},
		{"January", "DATE", "1942-01", ""},
		{"The following year", "DATE", "1943", ""},
	}
	got := timex.Resolve(text, timex.Options{Narrative: true})
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i, w := range want {
		if g := got[i]; g.Text != w.text || g.Value != w.value || g.Mod != w.mod {
			t.Errorf("#%d: got %q %s %q, want %q %s %q", i, g.Text, g.Value, g.Mod, w.text, w.value, w.mod)
		}
	}
}

// TestModeRefs checks the words one annotation convention marks and the
// other does not: "former" and "the first hour of" only in histories
// (TIMEX2), "may soon" only in news (TimeML).
func TestModeRefs(t *testing.T) {
	for _, tc := range []struct {
		text      string
		narrative bool
		want      string // the value found, "" for none
	}{
		{"Prosecutors may soon seek an indictment.", false, "FUTURE_REF"},
		{"Prosecutors may soon seek an indictment.", true, ""},
		{"The town soon fell.", false, ""},
		{"The former king fled.", false, ""},
		{"The former king fled.", true, "PAST_REF"},
		{"Robert Angelo, formerly a vice president, resigned.", false, ""},
		{"Most casualties came in the first hour of the attack.", true, "PT1H"},
		{"Most casualties came in the first hour of the attack.", false, ""},
	} {
		opt := timex.Options{Narrative: tc.narrative}
		if !tc.narrative {
			opt.Anchor = anchor
		}
		got := timex.Resolve(tc.text, opt)
		switch {
		case tc.want == "" && len(got) != 0:
			t.Errorf("%q narrative=%v: got %v, want nothing", tc.text, tc.narrative, got)
		case tc.want != "" && (len(got) != 1 || got[0].Value != tc.want):
			t.Errorf("%q narrative=%v: got %v, want %s", tc.text, tc.narrative, got, tc.want)
		}
	}
}

// TestOfDate checks the extent of a duration with the date it falls in:
// histories take "of 1915" into the duration, and the year still moves
// the story; news tags the two apart.
func TestOfDate(t *testing.T) {
	text := "In the first ten months of 1915 Austria fought Italy. In March the offensive stalled."
	for _, tc := range []struct {
		narrative bool
		want      []string
	}{
		{true, []string{"the first ten months of 1915 P10M", "March 1915-03"}},
		{false, []string{"the first ten months P10M", "1915 1915", "March 2016-03"}},
	} {
		opt := timex.Options{Narrative: tc.narrative}
		if !tc.narrative {
			opt.Anchor = anchor
		}
		var got []string
		for _, x := range timex.Resolve(text, opt) {
			got = append(got, x.Text+" "+x.Value)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("narrative=%v: got %q, want %q", tc.narrative, got, tc.want)
		}
	}
}

// TestNoAnchor leaves the year unknown rather than guessing it.
func TestNoAnchor(t *testing.T) {
	got := timex.Resolve("Rebels attacked on August 7 and again on Sunday.", timex.Options{})
	want := []string{"XXXX-08-07", "XXXX-WXX-7"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if got[i].Value != w {
			t.Errorf("#%d %q: got %s, want %s", i, got[i].Text, got[i].Value, w)
		}
	}
}

// TestCoarseAnchor resolves relative expressions under an anchor known
// only to the week, month or year: the value is the finest period every
// possible anchor day agrees on, never a day the anchor does not fix.
func TestCoarseAnchor(t *testing.T) {
	text := "Troops advanced on Monday. Yesterday talks failed. Last month the siege began. The tweet of November 21, 2016 said so."
	day := time.Date(2016, 11, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		gran timex.Granularity
		want []string
	}{
		{timex.GranDay, []string{"2016-11-21", "2016-11-21", "2016-10", "2016-11-21"}},
		{timex.GranWeek, []string{"2016-11-21", "2016-11", "2016-10", "2016-11-21"}},
		{timex.GranMonth, []string{"2016", "2016", "2016-10", "2016-11-21"}},
		{timex.GranYear, []string{"2016", "2016", "2016", "2016-11-21"}},
	}
	for _, tc := range tests {
		got := timex.Resolve(text, timex.Options{Anchor: day, AnchorGranularity: tc.gran})
		if len(got) != len(tc.want) {
			t.Fatalf("granularity %d: got %v", tc.gran, got)
		}
		for i, w := range tc.want {
			if got[i].Value != w {
				t.Errorf("granularity %d, %q: got %s, want %s", tc.gran, got[i].Text, got[i].Value, w)
			}
		}
	}
}

// TestRangeStart gives the first member of a range the month or the era
// only the second carries.
func TestRangeStart(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The battle raged on 26-30 November 1950.", []string{"1950-11-26", "1950-11-30"}},
		{"The revolt lasted from 499 to 493 BC.", []string{"BC0499", "BC0493"}},
		{"The First Punic War (264-241 BC) ended in a treaty.", []string{"BC0264", "BC0241"}},
		{"It held from 300 to 400 BC.", []string{"BC0400"}}, // BC years count down
	}
	for _, tc := range tests {
		got := timex.Resolve(tc.text, timex.Options{Narrative: true})
		var values []string
		for _, g := range got {
			values = append(values, g.Value)
		}
		if len(values) != len(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, values, tc.want)
			continue
		}
		for i, w := range tc.want {
			if values[i] != w {
				t.Errorf("%q #%d: got %s, want %s", tc.text, i, values[i], w)
			}
		}
	}
}

// TestOrdinalNotDay checks that an ordinal that names a unit or a floor
// is not taken for a day of the month ("ended on the 17th" is).
func TestOrdinalNotDay(t *testing.T) {
	for _, text := range []string{
		"The town was attacked by the 17th Armored Division.",
		"A sniper fired from the 3rd floor.",
		"Troops of the 1st Battalion and the 2nd, 3rd and 4th moved up.",
	} {
		for _, x := range timex.Resolve(text, timex.Options{Anchor: anchor}) {
			t.Errorf("%q: got %q %s, want nothing", text, x.Text, x.Value)
		}
	}
}
