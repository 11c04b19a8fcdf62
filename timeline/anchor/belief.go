package anchor

import (
	"cmp"
	"math"
	"slices"
	"time"

	"conflict-timeline/timeline"
)

// factor weighs every candidate day of a calendar by one piece of
// evidence, adding its log-probability to logp.
type factor func(c *calendar, logp []float64)

// belief is how likely each candidate day is to be the article's date,
// given every factor: their product, normalized.
type belief struct {
	cal *calendar
	p   []float64 // indexed like cal.days[cal.from:cal.to]
}

// believe combines the factors over the years first to last. ok is false
// when no day is left, as when every year lies after now.
func believe(first, last int, now time.Time, factors []factor) (*belief, bool) {
	cal := newCalendar(first, last, now)
	if cal.to <= cal.from {
		return nil, false
	}
	logp := make([]float64, cal.to-cal.from)
	for _, f := range factors {
		f(cal, logp)
	}
	top := slices.Max(logp)
	p := make([]float64, len(logp))
	var sum float64
	for i, l := range logp {
		p[i] = math.Exp(l - top)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return &belief{cal: cal, p: p}, true
}

// level is one of the periods a precision claims.
type level struct {
	precision timeline.Precision
	// claim is the least share of the belief its best period must hold
	// for the anchor to claim it. A wrong day misdates every "on Monday"
	// of the article without a word of doubt, so the day asks the most.
	claim float64
}

// levels run from the finest to the coarsest.
var levels = [...]level{
	{timeline.PrecisionDay, 0.7},
	{timeline.PrecisionWeek, 0.75},
	{timeline.PrecisionMonth, 0.75},
	{timeline.PrecisionYear, 0.75},
}

// periodKeys name the periods of levels a day is in.
func periodKeys(d *civil) [len(levels)]int {
	return [...]int{d.year*10000 + int(d.month)*100 + d.day, d.week, d.year*100 + int(d.month), d.year}
}

// claim is what a belief lets an anchor say: the finest period that
// holds enough of it, with the likeliest day inside.
type claim struct {
	precision timeline.Precision
	day       time.Time
	share     float64 // of the belief in the claimed period
	// best is the likeliest period at each level and its share, for
	// the reasons: "the week 2016-W31 holds 0.93".
	best map[timeline.Precision]float64
}

func (b *belief) claim() claim {
	c := claim{precision: timeline.PrecisionUnknown, best: map[timeline.Precision]float64{}}
	keys, shares := b.bestPeriods()
	var in func(*civil) bool
	for l, lv := range levels {
		c.best[lv.precision] = shares[l]
		if in == nil && shares[l] >= lv.claim {
			c.precision, c.share = lv.precision, shares[l]
			in = func(d *civil) bool { return periodKeys(d)[l] == keys[l] }
		}
	}
	if in == nil {
		// Nothing is claimed, but the likeliest day still serves the
		// reasons and the collection.
		in = func(*civil) bool { return true }
	}
	c.day = b.bestDay(in)
	return c
}

// bestPeriods sums the belief by period at each level, in one pass, and
// returns the likeliest period of each and its share, the earliest among
// equals. The days of a period follow one another.
func (b *belief) bestPeriods() (keys [len(levels)]int, shares [len(levels)]float64) {
	var at [len(levels)]int
	var sums [len(levels)]float64
	for l := range shares {
		shares[l] = -1
	}
	for i, p := range b.p {
		d := &b.cal.days[b.cal.from+i]
		for l, k := range periodKeys(d) {
			if i == 0 || k != at[l] {
				at[l], sums[l] = k, 0
			}
			sums[l] += p
			if sums[l] > shares[l] {
				keys[l], shares[l] = k, sums[l]
			}
		}
	}
	return keys, shares
}

// bestDay is the likeliest day among those in.
func (b *belief) bestDay(in func(*civil) bool) time.Time {
	best, at := -1.0, 0
	for i, p := range b.p {
		if p > best && in(&b.cal.days[b.cal.from+i]) {
			best, at = p, i
		}
	}
	return b.cal.day(b.cal.from + at)
}

// Candidates are listed until they hold beliefHeld of the belief, or
// maxCandidates of them: what is left is spread too thin to matter.
const (
	beliefHeld    = 0.995
	maxCandidates = 400
	// minCandidate is the least probability a day needs to be listed.
	minCandidate = 1e-4
)

// candidates lists the likeliest days, likeliest first, earlier first
// among equals.
func (b *belief) candidates() []Candidate {
	var idx []int
	for i, p := range b.p {
		if p >= minCandidate {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(b.p[j], b.p[i]) })
	var out []Candidate
	var held float64
	for _, i := range idx {
		if held >= beliefHeld || len(out) == maxCandidates || b.p[i] < minCandidate {
			break
		}
		out = append(out, Candidate{Day: b.cal.day(b.cal.from + i), P: b.p[i]})
		held += b.p[i]
	}
	return out
}
