package eval

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// Sorting mismatches into categories. A score says how much is wrong; the
// categories say what, so that the next fix, or the next complaint about
// the gold, is chosen on evidence. Every mismatch falls in exactly one
// category, decided from general features only: the problem (missed,
// spurious, value, type, span), the words of the expression, and the gold
// and system values and types. Nothing is keyed to a document.
//
// A matched pair with several problems is told by the one that costs the
// most: its value first, then its type, then its span.

// Category names the kind of a mismatch, prefixed by its problem:
// "missed DATE: calendar name", "value: weekday direction",
// "span: system wider".
func Category(e Error) string {
	switch {
	case e.Problem&Missed != 0 && e.Gold != nil:
		return "missed " + string(e.Gold.Type) + ": " + wordClass(e.Gold.Text)
	case e.Problem&Spurious != 0 && e.System != nil:
		return "spurious: " + wordClass(e.System.Text)
	case e.Gold == nil || e.System == nil:
		return "other"
	case e.Problem&Value != 0:
		return "value: " + valueCategory(*e.Gold, *e.System)
	case e.Problem&Type != 0:
		return "type: gold " + string(e.Gold.Type) + ", system " + string(e.System.Type)
	}
	return "span: " + spanCategory(*e.Gold, *e.System)
}

// CategoryCount is how many mismatches fall in a category.
type CategoryCount struct {
	Category string `json:"category"`
	Count    int    `json:"count"`
}

// Categories counts the mismatches by category, the most frequent first
// (ties by name).
func Categories(errs []Error) []CategoryCount {
	n := map[string]int{}
	for _, e := range errs {
		n[Category(e)]++
	}
	out := make([]CategoryCount, 0, len(n))
	for c, k := range n {
		out = append(out, CategoryCount{c, k})
	}
	slices.SortFunc(out, func(a, b CategoryCount) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Category, b.Category))
	})
	return out
}

// Sample draws n mismatches at random, the same ones for the same seed and
// list, and returns them in list order. It returns them all when there are
// no more than n.
func Sample(errs []Error, n int, seed uint64) []Error {
	if n >= len(errs) {
		return slices.Clone(errs)
	}
	r := rand.New(rand.NewPCG(seed, 0))
	idx := r.Perm(len(errs))[:max(n, 0)]
	slices.Sort(idx)
	out := make([]Error, len(idx))
	for i, k := range idx {
		out[i] = errs[k]
	}
	return out
}

// The word classes of an expression, tried in this order.
const (
	classNumber   = "number"        // a digit or a number word: "1998", "two years"
	classCalendar = "calendar name" // a month, weekday, season or holiday
	classUnit     = "unit word"     // "the year", "this week", "a decade"
	classDeictic  = "now/recently"  // "now", "currently", "recently", "former"
	classOther    = "other"
)

var (
	numberWords = wordSet("one two three four five six seven eight nine ten eleven twelve " +
		"thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty " +
		"fifty sixty seventy eighty ninety hundred thousand million dozen half first second third " +
		"fourth fifth sixth seventh eighth ninth tenth")
	calendarWords = wordSet("january february march april may june july august september " +
		"october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
		"monday tuesday wednesday thursday friday saturday sunday " +
		"spring summer autumn fall winter christmas easter thanksgiving ramadan hanukkah passover new-year")
	weekdayWords = wordSet("monday tuesday wednesday thursday friday saturday sunday")
	unitWords    = wordSet("second seconds minute minutes hour hours day days week weeks weekend weekends " +
		"month months year years quarter quarters decade decades century centuries period periods " +
		"time times season seasons morning mornings afternoon afternoons evening evenings night nights " +
		"tonight today yesterday tomorrow noon midnight era age")
	deicticWords = wordSet("now currently current recently recent present presently nowadays lately " +
		"past future former formerly soon once then later earlier previously before after ago " +
		"meanwhile eventually already yet still")
	partOfDayWords = wordSet("morning mornings afternoon afternoons evening evenings night nights tonight " +
		"noon midnight dawn dusk overnight a.m. p.m. am pm o'clock hour hours minute minutes")
	periodWords = wordSet("quarter quarters fiscal half halves semester")
	decadeWords = wordSet("decade decades century centuries millennium")
	// anaphoricWords count from a time the text gave before, not from the
	// article's date: "that day", "the same week", "a year earlier".
	anaphoricWords = wordSet("that same following previous preceding earlier later before after then")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words are the lower-case words of a text, split at hyphens and slashes
// ("third-quarter" is two), punctuation trimmed ("a.m." and "o'clock"
// keep theirs inside).
func words(text string) []string {
	var out []string
	split := func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' }
	for _, w := range strings.FieldsFunc(strings.ToLower(text), split) {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '.' })
		w = strings.TrimRight(w, ",;:")
		if w != "a.m." && w != "p.m." {
			w = strings.TrimSuffix(w, ".")
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func hasWord(ws []string, set map[string]bool) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return set[w] })
}

// wordClass is the class of an expression's words, the first that fits
// of number, calendar name, unit word, now/recently word and other.
func wordClass(text string) string {
	ws := words(text)
	switch {
	case strings.ContainsFunc(text, unicode.IsDigit) || hasWord(ws, numberWords):
		return classNumber
	case hasWord(ws, calendarWords):
		return classCalendar
	case hasWord(ws, unitWords):
		return classUnit
	case hasWord(ws, deicticWords):
		return classDeictic
	}
	return classOther
}

// The value categories.
const (
	catRef         = "vague reference (PRESENT/PAST/FUTURE_REF)"
	catSet         = "set"
	catDuration    = "duration value"
	catDurPoint    = "duration vs point"
	catQuarter     = "quarter/half/fiscal"
	catClock       = "part of day/clock"
	catDecade      = "decade/century"
	catAnaphoric   = "anaphoric/narrative"
	catOpen        = "open value (XXXX) vs date"
	catWeekday     = "weekday direction"
	catMonthYear   = "month/year direction"
	catOtherDay    = "another day or week"
	catGoldCoarser = "granularity: gold coarser, same period"
	catGoldFiner   = "granularity: gold finer, same period"
	catGranOther   = "granularity: other period"
	catOther       = "other"
)

// valueCategory sorts a relaxed match whose values differ. The special
// values go first (references, sets, durations), then the kinds of
// period hard to resolve (quarters, times of day, decades), then words
// that count from another time than the article's, and last the plain
// calendar dates, by how gold and system periods stand to each other.
func valueCategory(g, s timex.Timex) string {
	ws := words(g.Text + " " + s.Text)
	gv, sv := g.Value, s.Value
	switch {
	case isRef(gv) || isRef(sv):
		return catRef
	case g.Type == timex.Set || s.Type == timex.Set || strings.HasPrefix(gv, "R") || strings.HasPrefix(sv, "R"):
		return catSet
	case strings.HasPrefix(gv, "P") && strings.HasPrefix(sv, "P"):
		return catDuration
	case strings.HasPrefix(gv, "P") || strings.HasPrefix(sv, "P"):
		return catDurPoint
	case hasPeriodPart(gv, "Q", "H") || hasPeriodPart(sv, "Q", "H") || hasWord(ws, periodWords):
		return catQuarter
	case strings.Contains(gv, "T") || strings.Contains(sv, "T") || hasWord(ws, partOfDayWords):
		return catClock
	case hasWord(ws, decadeWords) || isUnit(gv, date.Decade, date.Century) || isUnit(sv, date.Decade, date.Century):
		return catDecade
	case hasWord(ws, anaphoricWords) || hasAnaphoricNext(ws):
		return catAnaphoric
	case strings.Contains(gv, "X") || strings.Contains(sv, "X"):
		return catOpen
	}
	return dateCategory(gv, sv, ws)
}

// dateCategory sorts two differing calendar values: the same unit in
// another place (a direction error) or another unit.
func dateCategory(gv, sv string, ws []string) string {
	gd, gerr := date.Parse(gv)
	sd, serr := date.Parse(sv)
	switch {
	case gerr != nil || serr != nil:
		return catOther
	case gd.Unit() == sd.Unit() && hasWord(ws, weekdayWords):
		return catWeekday
	case gd.Unit() == sd.Unit() && (gd.Unit() <= date.Month || gv[4:] == sv[4:]):
		return catMonthYear
	case gd.Unit() == sd.Unit():
		return catOtherDay
	case gd.Contains(sd):
		return catGoldCoarser
	case sd.Contains(gd):
		return catGoldFiner
	}
	return catGranOther
}

func isRef(v string) bool {
	return v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF"
}

// hasPeriodPart reports whether a value names a part of a year by one of
// the letters, as 1998-Q3 and 1998-H1 do.
func hasPeriodPart(v string, letters ...string) bool {
	_, part, ok := strings.Cut(v, "-")
	return ok && slices.ContainsFunc(letters, func(l string) bool { return strings.HasPrefix(part, l) })
}

func isUnit(v string, units ...date.Unit) bool {
	d, err := date.Parse(v)
	return err == nil && slices.Contains(units, d.Unit())
}

// hasAnaphoricNext reports "the next": "the next day" counts from a time
// told before, where "next week" counts from the article's date.
func hasAnaphoricNext(ws []string) bool {
	for i := 1; i < len(ws); i++ {
		if ws[i] == "next" && ws[i-1] == "the" {
			return true
		}
	}
	return false
}

// spanCategory sorts a relaxed match over other words: the system's span
// holds the gold's, lies inside it, or overlaps it on one side.
func spanCategory(g, s timex.Timex) string {
	switch {
	case s.Start <= g.Start && s.End >= g.End:
		return "system wider"
	case s.Start >= g.Start && s.End <= g.End:
		return "system narrower"
	}
	return "shifted"
}
