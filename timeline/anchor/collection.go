package anchor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/workers"
)

// The collection pass. The articles of one folder are about one conflict,
// and those that share rare names (a town, a commander, a militia) mostly
// report the same weeks. So an article whose own words leave its date
// open is drawn towards the dated articles it shares such names with: it
// learns a year and a season from them, never a day.

// collect is the collection pass, in two rounds: the second lets an
// article dated by the first (to the day, through its own weekdays) date
// others in turn. Each round reads the anchors of the one before, so the
// order of the articles does not matter.
//
// The work is near-linear in the articles: each walks the postings of its
// rare names (see nameIndex), is drawn from its maxRelated most related
// articles only, and the second round looks again only at the articles
// that share a name with one the first round changed. The articles of a
// round are weighed on all cores; each reads the anchors of the round
// before and nothing another one writes, so the result does not depend on
// the scheduling either.
func collect(arts []*article.Article, states []state, now time.Time) {
	names := make([]map[name]bool, len(arts))
	workers.Each(len(arts), func(_, i int) { names[i] = namesOf(arts[i].Title + "\n" + arts[i].Text) })
	idx := indexNames(names)
	slugs := make([]string, len(arts))
	for i, a := range arts {
		slugs[i] = a.Slug
	}
	idx.slugs = slugs
	var changed []bool // by the round before; nil before the first
	for range 2 {
		changed = collectRound(idx, states, slugs, changed, now)
	}
}

// drawing is what a round finds for one article: an anchor better than
// the one it had, drawn from the related articles.
type drawing struct {
	anchor Anchor
	from   []int32
}

// collectRound is one round of the collection pass. changed are the
// articles the round before changed, nil in the first round: an article
// that shares no name with any of them would find what it found then. It
// returns the articles it changed.
func collectRound(idx *nameIndex, states []state, slugs []string, changed []bool, now time.Time) []bool {
	before := make([]Anchor, len(states))
	drawn := make([][]int32, len(states))
	for i, s := range states {
		before[i], drawn[i] = s.anchor, s.drawnFrom
	}
	found := make([]*drawing, len(states))
	scratch := make([]*relScratch, workers.Count())
	workers.Each(len(states), func(w, i int) {
		s := &states[i]
		if s.settled || s.anchor.Precision == timeline.PrecisionDay || (changed != nil && !idx.nearAny(i, changed)) {
			return
		}
		if scratch[w] == nil {
			scratch[w] = newRelScratch(len(states))
		}
		trust := func(j int) float64 {
			if !finer(before[j].Precision, timeline.PrecisionYear) || slices.Contains(drawn[j], int32(i)) {
				return 0
			}
			return before[j].Confidence
		}
		l := idx.relatedTo(i, trust, scratch[w])
		if len(l.top) == 0 {
			return
		}
		a := s.read.anchor(collectionFactor(l, before), now)
		if !better(a, s.anchor) {
			return
		}
		a.Reasons = append(a.Reasons[:len(a.Reasons):len(a.Reasons)],
			"the collection: it shares rare names with "+describeRelated(l.top, l.count, slugs, before))
		d := &drawing{anchor: a}
		for _, r := range l.top {
			d.from = append(d.from, int32(r.index))
		}
		found[i] = d
	})
	updated := make([]bool, len(states))
	for i, d := range found {
		if d != nil {
			states[i].anchor, states[i].drawnFrom, updated[i] = d.anchor, d.from, true
		}
	}
	return updated
}

// related is a dated article that shares rare names with another.
type related struct {
	index  int     // in the collection
	weight float64 // the rare names' weight (see nameWeight), summed
	names  []name
}

// maxRelated bounds the related articles whose dates an article is drawn
// towards: the most related ones. How likely it is to be related to them
// at all still counts every link. An article shares a name with dozens to
// hundreds of others (with 2,366 of the 2,452 articles of the TempEval-3
// silver newswire, more than 32), most through names so common that a
// link weighs a few hundredths (see nameWeight); the dates of those add
// nothing to a factor that only ever tells a year and a season, and cost
// as much to weigh as the ones that matter.
const maxRelated = 32

// nameWeight is how strongly one shared name links two articles: a name
// only they have links them fully, one that n articles share is one link
// among n−1.
func nameWeight(df int) float64 { return 1 / float64(df-1) }

// relScratch is the working space of relatedTo: a weight per article of
// the collection, all zero between calls, and the articles touched.
type relScratch struct {
	weight  []float64
	touched []int32
}

func newRelScratch(n int) *relScratch { return &relScratch{weight: make([]float64, n)} }

// links are the dated articles that share rare names with an article.
type links struct {
	// top are the maxRelated most related, most related first, ties by
	// slug.
	top   []related
	count int // of all the related articles
	// tail is the weight of the shared names, times the confidence of
	// the related article's date, summed over those left out of top.
	tail float64
}

// relatedTo finds the links of article i. trust is how far an article's
// date is trusted, its anchor's confidence; 0 leaves it out. The weights
// are summed over the names in lexical order, so that they are the same
// in every run.
func (idx *nameIndex) relatedTo(i int, trust func(int) float64, sc *relScratch) links {
	walked := 0
	for _, w := range idx.of[i] {
		post := idx.postings[w]
		walked += len(post)
		wt := nameWeight(len(post))
		for _, j := range post {
			if int(j) == i {
				continue
			}
			if sc.weight[j] == 0 {
				sc.touched = append(sc.touched, j)
			}
			sc.weight[j] += wt
		}
	}
	pairsCompared.Add(int64(walked))
	var l links
	for _, j := range sc.touched {
		if t := trust(int(j)); t > 0 {
			l.count++
			l.keep(related{index: int(j), weight: sc.weight[j]}, t, idx, trust)
		}
		sc.weight[j] = 0
	}
	sc.touched = sc.touched[:0]
	for k := range l.top {
		l.top[k].names = idx.shared(i, l.top[k].index)
	}
	return l
}

// keep puts r among the top links if it is one of the maxRelated most
// related so far, and adds what falls out of them to the tail.
func (l *links) keep(r related, t float64, idx *nameIndex, trust func(int) float64) {
	order := func(a, b related) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(idx.slug(a.index), idx.slug(b.index)), cmp.Compare(a.index, b.index))
	}
	if len(l.top) == maxRelated {
		last := l.top[maxRelated-1]
		if order(r, last) > 0 {
			l.tail += r.weight * t
			return
		}
		l.tail += last.weight * trust(last.index)
		l.top = l.top[:maxRelated-1]
	}
	at, _ := slices.BinarySearchFunc(l.top, r, order)
	l.top = slices.Insert(l.top, at, r)
}

// nearAny reports whether article i shares a rare name with one of the
// articles marked.
func (idx *nameIndex) nearAny(i int, marked []bool) bool {
	walked := 0
	defer func() { pairsCompared.Add(int64(walked)) }()
	for _, w := range idx.of[i] {
		for _, j := range idx.postings[w] {
			walked++
			if marked[j] && int(j) != i {
				return true
			}
		}
	}
	return false
}

// pairsCompared counts the pairs of articles the collection pass looks
// at, an entry of a name's postings each: tests check that it grows
// linearly with the collection.
var pairsCompared atomic.Int64

// linkScale is the weight of shared names that makes two articles
// related with odds of e−1 to 1.
const linkScale = 1.5

// neighbour is a dated article in the collection factor.
type neighbour struct {
	date   time.Time
	spread float64 // days: how far from it a related article may lie
	weight float64
}

// yearFactor is the collection's evidence about one article: a mixture of
// the dates of the articles related to it, each spread over some months,
// against the chance that the names are shared by accident.
type yearFactor struct {
	first, last int
	neighbours  []neighbour
	// related is how likely the article is to be about the same weeks
	// as its neighbours at all.
	related float64
	// only restricts the date to the years first to last outright; the
	// evaluation uses it to ask what the text fixes once the year is
	// known.
	only bool
}

// spreadDays is how far, typically, two articles that share rare names
// lie apart; a neighbour known only to its year spreads over it.
var spreadDays = map[timeline.Precision]float64{
	timeline.PrecisionDay:   45,
	timeline.PrecisionWeek:  45,
	timeline.PrecisionMonth: 60,
	timeline.PrecisionYear:  180,
}

// collectionFactor builds the factor of an article's links: a mixture of
// the dates of the top related articles; how likely the article is to be
// related at all counts them all.
func collectionFactor(l links, anchors []Anchor) *yearFactor {
	f := &yearFactor{}
	var total float64
	for k, r := range l.top {
		a := anchors[r.index]
		f.neighbours = append(f.neighbours, neighbour{date: a.Date, spread: spreadDays[a.Precision], weight: r.weight * a.Confidence})
		total += r.weight * a.Confidence
		if y := a.Date.Year(); k == 0 {
			f.first, f.last = y-1, y+1
		} else {
			f.first, f.last = min(f.first, y-1), max(f.last, y+1)
		}
	}
	// One shared rare name is a hint, several are a link: three names
	// that only two articles have make it near certain.
	f.related = 1 - math.Exp(-(total+l.tail)/linkScale)
	return f
}

func (y *yearFactor) widen(first, last int, ok bool) (int, int) {
	if !ok {
		return y.first, y.last
	}
	return min(first, y.first), max(last, y.last)
}

// weigh adds the log-probability of the collection's evidence to each
// candidate day. The mixture of the neighbours' kernels is summed as a
// two-sided exponential smoothing of their weights, one pass each way
// per spread, so it costs the days and the neighbours, not their product.
func (y *yearFactor) weigh(c *calendar, logp []float64) {
	if y.only {
		for i := c.from; i < c.to; i++ {
			if yr := c.days[i].year; yr < y.first || yr > y.last {
				logp[i-c.from] -= 1000
			}
		}
		return
	}
	var total float64
	for _, n := range y.neighbours {
		total += n.weight
	}
	mix := make([]float64, c.to-c.from)
	var spreads []float64
	for _, n := range y.neighbours {
		if !slices.Contains(spreads, n.spread) {
			spreads = append(spreads, n.spread)
		}
	}
	for _, s := range spreads {
		var at []int
		var mass []float64
		for _, n := range y.neighbours {
			if n.spread == s {
				at = append(at, c.index(n.date)-c.from)
				mass = append(mass, y.related*n.weight/total/(2*s))
			}
		}
		smooth(mix, at, mass, s)
	}
	accident := (1 - y.related) / float64(c.to-c.from)
	for i := range mix {
		logp[i] += math.Log(accident + mix[i])
	}
}

// smooth adds to out, at each index x, the sum over k of
// mass[k]·exp(−|x−at[k]|/spread). The points may lie outside out.
func smooth(out []float64, at []int, mass []float64, spread float64) {
	n := len(out)
	if n == 0 {
		return
	}
	spike := make([]float64, n)
	var left, right float64 // the points before and after out, seen from its ends
	for k, a := range at {
		switch {
		case a < 0:
			left += mass[k] * math.Exp(float64(a)/spread)
		case a >= n:
			right += mass[k] * math.Exp(-float64(a-(n-1))/spread)
		default:
			spike[a] += mass[k]
		}
	}
	r := math.Exp(-1 / spread)
	acc := left // the points at or before x
	for x := range n {
		if x > 0 {
			acc *= r
		}
		acc += spike[x]
		out[x] += acc
	}
	acc = right // the points after x
	for x := n - 1; x >= 0; x-- {
		out[x] += acc
		acc = (acc + spike[x]) * r
	}
}

// describe says which related articles the factor comes from.
//
// The articles are told most related first, ties (weights equal up to
// the rounding of their sums, which follow map order) by slug, so the
// reasons read the same in every build.
func describeRelated(rel []related, all int, slugs []string, anchors []Anchor) string {
	rel = slices.Clone(rel)
	slices.SortStableFunc(rel, func(a, b related) int {
		if !closeWeights(a.weight, b.weight) {
			return cmp.Compare(b.weight, a.weight)
		}
		return cmp.Or(cmp.Compare(slugs[a.index], slugs[b.index]), cmp.Compare(a.index, b.index))
	})
	var parts []string
	for k, r := range rel {
		if k == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", all-k))
			break
		}
		a := anchors[r.index]
		parts = append(parts, fmt.Sprintf("%s (%s, %s precision: %s)", slugs[r.index], a.Value(), a.Precision, strings.Join(quoteAll(r.names), ", ")))
	}
	return strings.Join(parts, "; ")
}

// closeWeights reports whether two sums of name weights are the same
// sum, added up in different orders.
func closeWeights(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fmt.Sprintf("%q", w)
	}
	return out
}
