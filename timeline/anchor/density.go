package anchor

import (
	"math"
	"sync"
	"sync/atomic"
)

// The densities of a clue's law at each distance are the same for every
// article that has such a clue, and the same in every round of the
// collection pass: they are worked out once, into a table shared by all,
// rather than once per candidate day of every article. A table is filled
// a chunk at a time, as distances are asked for.

// tableReach is the largest distance, in days, a density table holds:
// eighty-odd years either way. Farther distances are worked out each time.
const tableReach = 1 << 15

// densityKey names a density: the laws told as past and as to come, the
// share of the first, the period's length in days and whether the table
// holds the log of the density.
type densityKey struct {
	rep, ann lawID
	share    float64
	n        int
	log      bool
}

// lawID is a law as a comparable value; laws with more than maxTails
// tails, or with a week, have none.
type lawID struct {
	at            float64
	even          bool
	after, before [maxTails]tail
}

const maxTails = 4

func idOf(l law) (lawID, bool) {
	if l.week != nil || len(l.after) > maxTails || len(l.before) > maxTails {
		return lawID{}, false
	}
	id := lawID{at: l.at, even: l.even}
	copy(id.after[:], l.after)
	copy(id.before[:], l.before)
	return id, true
}

// density is the probability per day at distance δ of a clue whose law
// told as past is rep, as to come ann, the first with the share given,
// for a period of n days; or its log.
type density struct {
	rep, ann law
	share    float64
	n        int
	log      bool
	// chunks hold the table, tableChunk distances each, filled when
	// first asked for; nil when the table is not shared.
	chunks []atomic.Pointer[[]float64]
}

// tableChunk is how many distances a table fills at a time.
const tableChunk = 1 << 10

// densities holds the shared density tables, by densityKey.
var densities sync.Map

// densityOf is the density of a clue, its table shared if it can be.
func densityOf(rep, ann law, share float64, n int, log bool) *density {
	d := &density{rep: rep, ann: ann, share: share, n: n, log: log}
	r, ok1 := idOf(rep)
	a, ok2 := idOf(ann)
	if !ok1 || !ok2 {
		return d
	}
	key := densityKey{r, a, share, n, log}
	if shared, ok := densities.Load(key); ok {
		return shared.(*density)
	}
	d.chunks = make([]atomic.Pointer[[]float64], 2*tableReach/tableChunk)
	shared, _ := densities.LoadOrStore(key, d)
	return shared.(*density)
}

// at is the density at distance delta.
func (d *density) at(delta int) float64 {
	x := delta + tableReach
	if d.chunks == nil || x < 0 || x >= 2*tableReach {
		return d.compute(delta)
	}
	c := &d.chunks[x/tableChunk]
	v := c.Load()
	if v == nil {
		// Two goroutines may fill the same chunk at once: they fill it
		// alike.
		first := x/tableChunk*tableChunk - tableReach
		fill := make([]float64, tableChunk)
		for k := range fill {
			fill[k] = d.compute(first + k)
		}
		c.CompareAndSwap(nil, &fill)
		v = c.Load()
	}
	return (*v)[x%tableChunk]
}

func (d *density) compute(delta int) float64 {
	p := d.share*d.rep.density(delta, d.n) + (1-d.share)*d.ann.density(delta, d.n)
	if d.log {
		return math.Log(p)
	}
	return p
}
