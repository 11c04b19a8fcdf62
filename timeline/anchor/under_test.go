package anchor

import (
	"cmp"
	"slices"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timex"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// beliefOver is an anchor whose belief is the days given, with their
// probabilities, claimed to the month.
func beliefOver(days map[string]float64) Anchor {
	a := Anchor{Precision: timeline.PrecisionMonth, Confidence: 0.9, Source: FromText}
	for d, p := range days {
		a.Belief = append(a.Belief, Candidate{Day: day(d), P: p})
	}
	sortBelief(a.Belief)
	a.Date = a.Belief[0].Day
	return a
}

func TestResolveUnderBelief(t *testing.T) {
	// Written most likely on Tuesday 2 August 2016, perhaps a day or
	// two after, perhaps a week later.
	spread := beliefOver(map[string]float64{"2016-08-02": 0.62, "2016-08-03": 0.2, "2016-08-04": 0.1, "2016-08-09": 0.08})
	// Every day of August alike: the days disagree on any weekday.
	august := map[string]float64{}
	for d := 1; d <= 31; d++ {
		august[time.Date(2016, 8, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)] = 1.0 / 31
	}
	flat := beliefOver(august)
	tests := []struct {
		name, text string
		a          Anchor
		value      string
		conf       float64
		earliest   string
		latest     string
		coarsened  bool
	}{
		{"the days agree on the Tuesday", "Rebels said on Tuesday they shelled the town.", spread, "2016-08-02", 0.92, "2016-08-02", "2016-08-09", false},
		{"a date in full is sure", "Rebels shelled the town on August 1, 2016.", spread, "2016-08-01", 1, "2016-08-01", "2016-08-01", false},
		{"yesterday follows each day", "Rebels shelled the town yesterday.", spread, "2016-08-01", 0.62, "2016-08-01", "2016-08-08", false},
		{"last month agrees", "Rebels shelled the town last month.", spread, "2016-07", 1, "2016-07-01", "2016-07-31", false},
		{"disagreeing days leave the month", "Rebels said on Tuesday they shelled the town.", flat, "2016-08", 0.97, "2016-07-26", "2016-08-30", true},
		{"a duration does not depend on the day", "The siege lasted three weeks.", flat, "P3W", 1, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Resolved
			for _, r := range Resolve(tt.text, tt.a, nil) {
				if got == nil || r.End-r.Start > got.End-got.Start {
					got = &r
				}
			}
			if got == nil {
				t.Fatal("nothing resolved")
			}
			if got.Value != tt.value || got.Confidence != tt.conf || got.Coarsened != tt.coarsened {
				t.Errorf("%q = %s (%.2f, coarsened %v), want %s (%.2f, %v)", got.Text, got.Value, got.Confidence, got.Coarsened, tt.value, tt.conf, tt.coarsened)
			}
			if e, l := dayOrEmpty(got.Earliest), dayOrEmpty(got.Latest); e != tt.earliest || l != tt.latest {
				t.Errorf("%q spans %s..%s, want %s..%s", got.Text, e, l, tt.earliest, tt.latest)
			}
		})
	}
}

func dayOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// A day given outright is one run, as sure as it is trusted; an anchor
// with no belief resolves without a date, so that deictic words stay
// open rather than count from a date the text mentions.
func TestResolveGivenAndUnknown(t *testing.T) {
	given := Anchor{Date: day("2016-08-07"), Precision: timeline.PrecisionDay, Confidence: 0.92, Source: FromMetadata,
		Belief: sure(day("2016-08-07"), 0.92)}
	rs := Resolve("Rebels shelled the town on Monday.", given, nil)
	if len(rs) != 1 || rs[0].Value != "2016-08-01" || rs[0].Confidence != 0.92 {
		t.Errorf("under a given day: %+v", rs)
	}
	text := "Fighting flared in 2019. Last month, rebels took the town. This month they lost it. Yesterday a drone fell."
	for _, r := range Resolve(text, unknown(), nil) {
		if r.Text != "2019" && r.Value != "" && r.Value[0] != 'X' && r.Value != "PAST_REF" && r.Value != "PRESENT_REF" {
			t.Errorf("with nothing known, %q resolved to %s: counted from a date the text mentions", r.Text, r.Value)
		}
	}
}

func TestNamedCurrent(t *testing.T) {
	tests := []struct {
		text, expr string
		want       bool
	}{
		{"It was the bloodiest fighting of 2024, officials said.", "2024", true},
		{"More than 1,000 people were killed so far in January.", "January", true},
		{"Some 775 people died in 2005 so far, police said.", "2005", true},
		{"The film was voted best picture of 2005.", "2005", true},
		{"Jobs rose in the first nine months of 1997.", "1997", false},
		{"It was the worst disaster in 1986.", "1986", false},
		{"The woman died on Nov. 10. So far, 12 have died.", "Nov. 10", false},
		{"Protests of 2011 spread fast.", "2011", false},
	}
	for _, tt := range tests {
		at := indexOf(t, tt.text, tt.expr)
		if got := namedCurrent(tt.text, at, at+len(tt.expr)); got != tt.want {
			t.Errorf("namedCurrent(%q in %q) = %v, want %v", tt.expr, tt.text, got, tt.want)
		}
	}
}

func indexOf(t *testing.T, s, sub string) int {
	t.Helper()
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	t.Fatalf("%q not in %q", sub, s)
	return -1
}

// A dateline names the day; a year the text calls its own names the
// year: together they date the article to the day.
func TestDatelineWithCurrentYear(t *testing.T) {
	body := "PORT SUDAN, June 3 (Reuters) - Sudan's army said on Sunday it had repelled an attack on El Fasher, " +
		"in some of the bloodiest fighting of 2024.\n\nFighting has displaced millions since April last year."
	a := Text("Sudan army repels attack", body, Options{Now: now, Resolve: timex.Resolve})
	if a.Value() != "2024-06-03" || a.Precision != timeline.PrecisionDay {
		t.Errorf("anchor %s (%s, %.2f), want 2024-06-03 to the day; reasons %q", a.Value(), a.Precision, a.Confidence, a.Reasons)
	}
}

func sortBelief(b []Candidate) {
	slices.SortFunc(b, func(x, y Candidate) int { return cmp.Or(cmp.Compare(y.P, x.P), x.Day.Compare(y.Day)) })
}

// Likely days on both sides of the turn of a month: no one month holds
// enough of the belief, July and August together do.
func TestResolveTwoMonths(t *testing.T) {
	days := map[string]float64{}
	for d := time.Date(2016, 7, 20, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2016, 8, 11, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 1) {
		days[d.Format(time.DateOnly)] = 1.0 / 22
	}
	rs := Resolve("Rebels said on Tuesday they shelled the town.", beliefOver(days), nil)
	if len(rs) != 1 {
		t.Fatalf("%d expressions", len(rs))
	}
	r := rs[0]
	if r.Value != "2016" || r.From != "2016-07" || r.Through != "2016-08" || r.Confidence < 0.9 || !r.Coarsened {
		t.Errorf("%q = %s, from %q through %q (%.2f), want 2016, July through August, at least 0.9", r.Text, r.Value, r.From, r.Through, r.Confidence)
	}
}
