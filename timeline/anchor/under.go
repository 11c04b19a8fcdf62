package anchor

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// Resolving under a belief. "On Tuesday" means one day if the article
// was written on 3 August 2016 and another if on 10 August. The resolver
// is run under each likely day of the article's date; each expression
// then has a value per day, and the probability of a value is the belief
// of the days that give it. The value told is the most probable one, as
// fine as the belief allows: when the days disagree on the day but agree
// on the week or the month, that is what is told, with the probability
// it holds.

// Resolved is an expression resolved under the belief about its
// article's date.
type Resolved struct {
	// Timex is the expression with its most probable value.
	timex.Timex
	// Confidence is the probability of that value: the belief of the
	// article days under which the expression has it.
	Confidence float64 `json:"confidence"`
	// Earliest and Latest are the first and last days that hold all but
	// a small share (Tail at each end) of the belief about the
	// expression's date; zero for values that are not dates.
	Earliest time.Time `json:"-"`
	Latest   time.Time `json:"-"`
	// Coarsened says the value was widened from the expression's own
	// unit because the likely article days disagreed on it.
	Coarsened bool `json:"-"`
	// From and Through, when set, are two neighbouring days or months
	// that hold together what no one of them does, and nearer than
	// Value: "July or August 2016" where Value is 2016. Confidence is
	// then theirs.
	From, Through string `json:"-"`
}

// Tail is the share of the belief left out at each end of the span
// from Earliest to Latest: the span holds 95% of it.
const Tail = 0.025

// maxRuns bounds how many article days an article is resolved under. A
// belief of more days than that is sampled: maxRuns days at even steps
// of its probability, so that each run stands for an equal share of it.
const maxRuns = 64

// decide is the least probability a value needs to be told at its own
// unit; below it the value is widened to the finest period that holds
// that much.
const decide = 0.6

// Resolve resolves text under the anchor's belief with the resolver
// given (nil means timex.Resolve). With a day given outright it is one
// run; with no belief at all it is one run with no date, which leaves
// "last month" open.
func Resolve(text string, a Anchor, resolve func(string, timex.Options) []timex.Timex) []Resolved {
	if resolve == nil {
		resolve = timex.Resolve
	}
	runs := runsOf(a)
	if len(runs) == 0 {
		p := 1.0
		if a.Known() {
			p = a.Confidence // an anchor made by hand, with no belief
		}
		return plain(resolve(text, a.Options()), p)
	}
	if len(runs) == 1 {
		return plain(resolve(text, runs[0].opt), runs[0].p)
	}
	tally := newTally()
	for _, r := range runs {
		tally.add(resolve(text, r.opt), r.p)
	}
	return tally.decide()
}

// run is one resolution of the text, under one candidate day, standing
// for p of the belief.
type run struct {
	opt timex.Options
	p   float64
}

func runsOf(a Anchor) []run {
	var out []run
	for _, c := range sample(a.Belief, maxRuns) {
		out = append(out, run{timex.Options{Anchor: c.Day, AnchorGranularity: timex.GranDay}, c.P})
	}
	return out
}

// sample returns the belief itself when it has at most n days, else n
// days drawn at even steps of its cumulative probability, in calendar
// order, each standing for an equal share of it (a day drawn twice for
// twice that). Every value the expressions take is then weighed as the
// belief weighs it, give or take one step, however flat the belief.
func sample(belief []Candidate, n int) []Candidate {
	if len(belief) <= n {
		return belief
	}
	days := slices.Clone(belief)
	slices.SortFunc(days, func(x, y Candidate) int { return x.Day.Compare(y.Day) })
	var total float64
	for _, c := range days {
		total += c.P
	}
	step := total / float64(n)
	var out []Candidate
	var cum float64
	next := step / 2
	for _, c := range days {
		cum += c.P
		for next < cum && len(out) < n*2 {
			if len(out) > 0 && out[len(out)-1].Day.Equal(c.Day) {
				out[len(out)-1].P += step
			} else {
				out = append(out, Candidate{Day: c.Day, P: step})
			}
			next += step
		}
	}
	return out
}

// plain is the expressions of one run, each as sure as the run.
func plain(txs []timex.Timex, p float64) []Resolved {
	out := make([]Resolved, len(txs))
	for i, t := range txs {
		out[i] = Resolved{Timex: t, Confidence: round(p)}
		if v, err := date.Parse(t.Value); err == nil {
			out[i].Earliest, out[i].Latest = v.First(), v.Last()
		}
	}
	return out
}

// span is where an expression stands: runs are matched by it.
type span struct{ start, end int }

// votes are the values one expression took over the runs, with the
// probability of each. There are at most as many as runs, and mostly
// one or two: a list keeps an article's tally small however many
// expressions it has.
type votes struct {
	first timex.Timex // as the first run that found it gave it
	all   []vote      // in the order first seen
}

// vote is one value an expression took, its probability, and the mod and
// type it took with it.
type vote struct {
	value string
	p     float64
	mod   string
	typ   timex.Type
}

// of is the vote for a value; the zero vote for one not taken.
func (v *votes) of(value string) vote {
	for _, x := range v.all {
		if x.value == value {
			return x
		}
	}
	return vote{}
}

type tally struct {
	spans map[span]*votes
	order []span
}

func newTally() *tally { return &tally{spans: map[span]*votes{}} }

func (t *tally) add(txs []timex.Timex, p float64) {
	for _, tx := range txs {
		k := span{tx.Start, tx.End}
		v := t.spans[k]
		if v == nil {
			v = &votes{first: tx}
			t.spans[k] = v
			t.order = append(t.order, k)
		}
		i := slices.IndexFunc(v.all, func(x vote) bool { return x.value == tx.Value })
		if i < 0 {
			i = len(v.all)
			v.all = append(v.all, vote{value: tx.Value, mod: tx.Mod, typ: tx.Type})
		}
		v.all[i].p += p
	}
}

// decide tells each expression's most probable value. Expressions are
// in text order; one that only some runs found is told with what they
// hold.
func (t *tally) decide() []Resolved {
	slices.SortFunc(t.order, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	out := make([]Resolved, 0, len(t.order))
	for i, k := range t.order {
		if i > 0 && k.start < t.order[i-1].end && overlapsKept(out, k) {
			continue // another run's reading of the same words
		}
		out = append(out, t.spans[k].decide())
	}
	return out
}

// overlapsKept reports whether span k overlaps the last expression kept.
func overlapsKept(out []Resolved, k span) bool {
	return len(out) > 0 && k.start < out[len(out)-1].End
}

func (v *votes) decide() Resolved {
	r := Resolved{Timex: v.first}
	dates := v.dates()
	best, other := v.bestOther()
	var held float64
	for _, d := range dates {
		held += d.p
	}
	if o := v.of(other); len(dates) == 0 || o.p > held {
		// Not a date, or mostly not one: a duration, PRESENT_REF.
		r.Value, r.Mod, r.Type, r.Confidence = other, o.mod, o.typ, o.p
	} else {
		r.Value, r.Confidence, r.Coarsened = choose(dates)
		if from, through, p, ok := pairBelow(dates, r.Value); ok && r.Coarsened {
			r.From, r.Through, r.Confidence = from, through, p
		}
		told := v.of(r.Value)
		r.Mod, r.Type = told.mod, told.typ
		if r.Coarsened {
			r.Mod, r.Type = v.of(best).mod, timex.Date
		}
		r.Earliest, r.Latest = spread(dates)
	}
	r.Confidence = round(min(r.Confidence, 1))
	return r
}

// bestOther are the most probable date value and the most probable
// value that is not a date.
func (v *votes) bestOther() (best, other string) {
	var pBest, pOther float64
	for _, x := range v.all {
		_, err := date.Parse(x.value)
		switch {
		case err == nil && (best == "" || x.p > pBest):
			best, pBest = x.value, x.p
		case err != nil && (other == "" || x.p > pOther):
			other, pOther = x.value, x.p
		}
	}
	return best, other
}

// weighed is a date value with its probability; raw is the value as
// the runs wrote it.
type weighed struct {
	raw string
	v   date.Value
	p   float64
}

func (v *votes) dates() []weighed {
	var out []weighed
	for _, x := range v.all {
		if d, err := date.Parse(x.value); err == nil {
			out = append(out, weighed{x.value, d, x.p})
		}
	}
	return out
}

// choose tells the value of an expression from the dates the runs gave
// it: the most probable of its own unit when that holds at least decide
// of the belief, else the finest period (month, year) that does, the
// periods holding the values of the runs. When not even a year holds
// that much, the likeliest year is told with what it holds. coarsened
// says the value is coarser than the expression's own unit.
func choose(dates []weighed) (value string, p float64, coarsened bool) {
	finest := date.PrecisionUnknown
	for _, d := range dates {
		finest = max(finest, d.v.Precision())
	}
	for q := finest; q >= date.PrecisionYear; q-- {
		if q == date.PrecisionWeek && finest != q {
			continue // weeks straddle months: stay in the calendar's nest
		}
		value, p = likeliestAt(dates, q, q == finest)
		if p >= decide {
			return value, p, q != finest
		}
	}
	return value, p, value != "" && finest != date.PrecisionYear
}

// pairBelow finds, when the value told was widened to a month or a
// year, the two neighbouring periods finer than it (days, months) that
// together hold at least decide of the belief: "on Tuesday" said in a
// week or so either side of the turn of a month is the end of July or
// the start of August. ok is false when no such pair does.
func pairBelow(dates []weighed, told string) (from, through string, p float64, ok bool) {
	v, err := date.Parse(told)
	if err != nil {
		return "", "", 0, false
	}
	for _, q := range []date.Precision{date.PrecisionDay, date.PrecisionMonth} {
		if q <= v.Precision() {
			continue
		}
		if from, through, p, ok = likeliestPair(dates, q); ok {
			return from, through, p, true
		}
	}
	return "", "", 0, false
}

// likeliestPair is the pair of neighbouring periods of precision q that
// holds the most of the belief, if that is at least decide.
func likeliestPair(dates []weighed, q date.Precision) (from, through string, p float64, ok bool) {
	sums := map[date.Value]float64{}
	for _, d := range dates {
		if k, in := d.v.DayOnly().Coarsen(q); in && k.Precision() == q {
			sums[k] += d.p
		}
	}
	var best date.Value
	for k, s := range sums {
		next := date.Of(k.End(), q)
		if pair := s + sums[next]; pair > p || pair == p && k.Compare(best) < 0 {
			best, p = k, pair
		}
	}
	if p < decide || best.IsZero() {
		return "", "", 0, false
	}
	return best.String(), date.Of(best.End(), q).String(), p, true
}

// likeliestAt sums the dates by the period of precision q that holds
// each, and returns the likeliest period. At the expression's own
// precision (own) a value keeps its own form ("2016-08-02T14:00").
func likeliestAt(dates []weighed, q date.Precision, own bool) (string, float64) {
	sums := map[string]float64{}
	var order []string
	for _, d := range dates {
		k := d.raw
		if !own || d.v.Precision() != q {
			period, ok := d.v.DayOnly().Coarsen(q)
			if !ok {
				continue
			}
			k = period.String()
		}
		if _, seen := sums[k]; !seen {
			order = append(order, k)
		}
		sums[k] += d.p
	}
	top := ""
	for _, k := range order {
		if top == "" || sums[k] > sums[top] {
			top = k
		}
	}
	return top, sums[top]
}

// spread is the first and last days of the values that hold all but
// Tail of the belief at each end. A value counts whole: "2011" could be
// any day of 2011.
func spread(dates []weighed) (earliest, latest time.Time) {
	var total float64
	for _, d := range dates {
		total += d.p
	}
	byFirst := slices.Clone(dates)
	slices.SortStableFunc(byFirst, func(a, b weighed) int { return a.v.First().Compare(b.v.First()) })
	var sum float64
	for _, d := range byFirst {
		if sum += d.p; sum > Tail*total {
			earliest = d.v.First()
			break
		}
	}
	byLast := slices.Clone(dates)
	slices.SortStableFunc(byLast, func(a, b weighed) int { return b.v.Last().Compare(a.v.Last()) })
	sum = 0
	for _, d := range byLast {
		if sum += d.p; sum > Tail*total {
			latest = d.v.Last()
			break
		}
	}
	return earliest, latest
}

// Describe says in words how an expression's date was reached under
// the belief, for an event's reasons.
func (r Resolved) Describe(a Anchor) string {
	switch {
	case len(a.Belief) == 0:
		return fmt.Sprintf("%q: the article's own date is unknown, so only what the words say is told", r.Text)
	case a.Given():
		return fmt.Sprintf("%q counted from the article's date, %s (%s)", r.Text, a.Day(), a.Source)
	case r.From != "":
		return fmt.Sprintf("%q: the article's likely days disagree on the day; %s and %s together hold %.0f%% of the belief", r.Text, r.From, r.Through, 100*r.Confidence)
	case r.Coarsened:
		return fmt.Sprintf("%q: the article's likely days disagree on the day; %s holds %.0f%% of the belief", r.Text, r.Value, 100*r.Confidence)
	}
	return fmt.Sprintf("%q gives %s under %.0f%% of the belief about the article's own date (likeliest %s)", r.Text, r.Value, 100*r.Confidence, a.Likeliest().Format(time.DateOnly))
}
