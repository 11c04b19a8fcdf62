package eval

import (
	"cmp"
	"slices"
	"strings"

	"conflict-timeline/timeline/timex"
)

// Problem is what is wrong with a gold or a system timex. A matched pair
// can have several problems at once, so Problem is a set of flags.
type Problem uint8

// The problems, one bit each.
const (
	Missed   Problem = 1 << iota // a gold timex that no system timex matched
	Spurious                     // a system timex that matched no gold timex
	Span                         // matched, but over different words
	Value                        // matched, with another value
	Type                         // matched, with another type
)

var problemNames = []string{"missed", "spurious", "span", "value", "type"}

// String names the problems joined by "+", as in "span+value".
func (p Problem) String() string {
	var names []string
	for i, name := range problemNames {
		if p&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	return strings.Join(names, "+")
}

// MarshalText writes the problem as String does, for JSON.
func (p Problem) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Error is one mismatch between gold and system, to study.
type Error struct {
	Doc     string       `json:"doc"`
	Problem Problem      `json:"problem"`
	Gold    *timex.Timex `json:"gold,omitempty"`   // nil when Spurious
	System  *timex.Timex `json:"system,omitempty"` // nil when Missed
	// Context is the text around the error with the words at stake in
	// brackets.
	Context string `json:"context,omitempty"`
	// DCT is the document's creation time as its <DCT> writes it, and
	// Sentence the sentence the error lies in, words at stake in
	// brackets: what a reader needs to judge the error by hand.
	DCT      string `json:"dct,omitempty"`
	Sentence string `json:"sentence,omitempty"`
}

// Compare scores one document: it matches the system timexes to the gold
// ones (see match), counts the agreements and lists the mismatches in text
// order. Neither list needs to be sorted.
func Compare(gold, system []timex.Timex) (Counts, []Error) {
	c, errs, _ := compare(gold, system, nil)
	return c, errs
}

// compare is Compare that also judges each relaxed match, in gold order,
// with conf[i] the confidence of system[i] (1 when conf is nil).
func compare(gold, system []timex.Timex, conf []float64) (Counts, []Error, []Judged) {
	c := Counts{Gold: len(gold), System: len(system)}
	var errs []Error
	var judged []Judged
	sysOf := match(gold, system)
	matched := make([]bool, len(system))
	for gi, si := range sysOf {
		g := gold[gi]
		if si < 0 {
			errs = append(errs, Error{Problem: Missed, Gold: &g})
			continue
		}
		matched[si] = true
		s := system[si]
		c.Relaxed++
		j := Judged{Gold: g, System: s, Confidence: 1, Verdict: Judge(s.Value, g.Value)}
		if conf != nil {
			j.Confidence = conf[si]
		}
		judged = append(judged, j)
		var p Problem
		if g.Start == s.Start && g.End == s.End {
			c.Strict++
		} else {
			p |= Span
		}
		if g.Value == s.Value {
			c.Value++
		} else {
			p |= Value
		}
		if g.Type == s.Type {
			c.Type++
		} else {
			p |= Type
		}
		if p != 0 {
			errs = append(errs, Error{Problem: p, Gold: &g, System: &s})
		}
	}
	for si, ok := range matched {
		if !ok {
			s := system[si]
			errs = append(errs, Error{Problem: Spurious, System: &s})
		}
	}
	slices.SortStableFunc(errs, func(a, b Error) int { return cmp.Compare(a.start(), b.start()) })
	slices.SortStableFunc(judged, func(a, b Judged) int { return cmp.Compare(a.Gold.Start, b.Gold.Start) })
	return c, errs, judged
}

// start is where an error begins in the text, to order errors by.
func (e Error) start() int {
	if e.Gold != nil {
		return e.Gold.Start
	}
	return e.System.Start
}

// match pairs each gold timex with at most one system timex whose span
// overlaps it, and says which: sysOf[g] is the index in system, or -1.
//
// Pairs are taken greedily, the largest overlap first, as the TempEval-3
// scorer does. Among equal overlaps an identical span goes first, so that
// every identical pair is taken and the strict count is exactly the number
// of spans gold and system share; after that, the order of the lists
// decides.
func match(gold, system []timex.Timex) (sysOf []int) {
	type candidate struct{ g, s, overlap int }
	var cands []candidate
	for gi, g := range gold {
		for si, s := range system {
			if o := min(g.End, s.End) - max(g.Start, s.Start); o > 0 {
				cands = append(cands, candidate{gi, si, o})
			}
		}
	}
	exact := func(c candidate) bool {
		return gold[c.g].Start == system[c.s].Start && gold[c.g].End == system[c.s].End
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.overlap != b.overlap {
			return b.overlap - a.overlap
		}
		if ea, eb := exact(a), exact(b); ea != eb {
			if ea {
				return -1
			}
			return 1
		}
		return 0 // the stable sort keeps gold order, then system order
	})

	sysOf = make([]int, len(gold))
	for i := range sysOf {
		sysOf[i] = -1
	}
	taken := make([]bool, len(system))
	for _, c := range cands {
		if sysOf[c.g] < 0 && !taken[c.s] {
			sysOf[c.g], taken[c.s] = c.s, true
		}
	}
	return sysOf
}
