package eval

import (
	"encoding/json"
	"fmt"
	"strings"

	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// Judging values beyond right and wrong. Resolved under a belief about
// the article's date, an expression whose likely days disagree is told
// at the period they agree on: "Tuesday" as 1998-W02 when the day is
// unsure. Such a value is not the gold one, but it is not wrong either:
// it holds the truth, less precisely. Each relaxed match is judged
// exact, coarser or wrong, and with the confidence the system gave its
// value, the judgements show whether that confidence can be trusted.

// Verdict is how a system value stands to the gold value of the
// expression it matched.
type Verdict uint8

// The verdicts.
const (
	// Exact is the gold value, as written.
	Exact Verdict = iota
	// Coarser is a period that holds the gold one: 1998-01 for
	// 1998-01-06. A day without the gold's time of day counts, for it
	// holds every hour of that day.
	Coarser
	// Open is a value left open where the anchor would have filled it
	// in, whose stated parts hold the gold value: XXXX-08-07 or
	// XXXX-WXX-5 for 1998-08-07, a Friday. It is what the words say
	// without a date to count from; neither the gold value nor a wrong
	// one.
	Open
	// Wrong is anything else: another day, a period beside the gold one
	// or overlapping it only in part, an open value that contradicts
	// the gold one, or a value that is not a date (P3Y, PRESENT_REF)
	// other than the gold one.
	Wrong
)

var verdictNames = [...]string{"exact", "coarser", "open", "wrong"}

func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return fmt.Sprintf("Verdict(%d)", v)
}

// MarshalText writes the verdict's name, for JSON.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Judge judges a system value against the gold value. Values that name
// calendar periods are compared as periods (date.Parse); any other
// value is right only as written.
func Judge(system, gold string) Verdict {
	if system == gold {
		return Exact
	}
	if openHolds(system, gold) {
		return Open
	}
	s, err := date.Parse(system)
	if err != nil {
		return Wrong
	}
	g, err := date.Parse(gold)
	if err != nil || !s.Contains(g) || (s.Clock() != "" && s.Clock() != g.Clock()) {
		return Wrong // a time of day told must be the gold's
	}
	return Coarser
}

// openHolds reports whether system, a value with X for what it leaves
// open (XXXX-08-07, XXXX-WXX-5, XXXX-XX-XXTEV, XXXX-Q4), agrees with
// every part of gold it states. A time of day the system leaves out is
// not asked of the gold; one it states must be the gold's.
func openHolds(system, gold string) bool {
	if !strings.Contains(system, "X") {
		return false
	}
	sd, sc, sysClock := strings.Cut(system, "T")
	gd, gc, _ := strings.Cut(gold, "T")
	if sysClock && !agrees(sc, gc) {
		return false
	}
	if g, err := date.Parse(gd); err == nil && g.Unit() == date.Day {
		day := g.First()
		switch {
		case isWeekday(sd):
			// XXXX-WXX-5: a Friday.
			return sd[len(sd)-1]-'0' == byte((int(day.Weekday())+6)%7+1)
		case strings.Contains(sd, "-W"):
			y, w := day.ISOWeek()
			gd = fmt.Sprintf("%04d-W%02d", y, w)
		}
	}
	if len(gd) > len(sd) && gd[len(sd)] == '-' {
		gd = gd[:len(sd)] // XXXX-10 holds 1997-10-15
	}
	return agrees(sd, gd)
}

// isWeekday reports whether v names a weekday of an open week, as
// XXXX-WXX-5 does.
func isWeekday(v string) bool {
	n := len(v)
	return n >= 3 && v[n-3:n-1] == "X-" && '1' <= v[n-1] && v[n-1] <= '7' && strings.Contains(v, "-WXX-")
}

// agrees reports whether pattern, with X for any character, matches v
// character by character.
func agrees(pattern, v string) bool {
	if len(pattern) != len(v) {
		return false
	}
	for i := range len(pattern) {
		if pattern[i] != 'X' && pattern[i] != v[i] {
			return false
		}
	}
	return true
}

// Judged is one relaxed match, judged.
type Judged struct {
	Doc string `json:"doc"`
	// DCT is the document's <DCT> value, to study an error by.
	DCT    string      `json:"dct,omitempty"`
	Gold   timex.Timex `json:"gold"`
	System timex.Timex `json:"system"`
	// Confidence is the probability the system gave its value: 1 for a
	// document resolved against a known date.
	Confidence float64 `json:"confidence"`
	Verdict    Verdict `json:"verdict"`
	// Context is the text around the match, its words in brackets.
	Context string `json:"context,omitempty"`
}

// Verdicts count judgements by verdict.
type Verdicts struct {
	Exact   int `json:"exact"`
	Coarser int `json:"coarser"`
	Open    int `json:"open"`
	Wrong   int `json:"wrong"`
}

// Add counts one verdict.
func (v *Verdicts) Add(x Verdict) {
	switch x {
	case Exact:
		v.Exact++
	case Coarser:
		v.Coarser++
	case Open:
		v.Open++
	default:
		v.Wrong++
	}
}

// Total is how many judgements were counted.
func (v Verdicts) Total() int { return v.Exact + v.Coarser + v.Open + v.Wrong }

// Share is a count in percent of the judgements, 0 when there are none.
func (v Verdicts) Share(n int) float64 {
	if v.Total() == 0 {
		return 0
	}
	return 100 * float64(n) / float64(v.Total())
}

// Count counts the verdicts of the judgements.
func Count(js []Judged) Verdicts {
	var v Verdicts
	for _, j := range js {
		v.Add(j.Verdict)
	}
	return v
}

// Band is a range of confidence, [Low, High), the last band [Low, 1],
// with the verdicts of the judgements whose confidence falls in it.
type Band struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	Verdicts
}

// MarshalJSON writes the band with its shares, in percent.
func (b Band) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Low     float64 `json:"low"`
		High    float64 `json:"high"`
		Count   int     `json:"count"`
		Exact   float64 `json:"exact_pct"`
		Coarser float64 `json:"coarser_pct"`
		Open    float64 `json:"open_pct"`
		Wrong   float64 `json:"wrong_pct"`
	}{b.Low, b.High, b.Total(), b.Share(b.Exact), b.Share(b.Coarser), b.Share(b.Open), b.Share(b.Wrong)})
}

// Bands are the calibration bands: below one half, then by tenths.
var Bands = []float64{0, 0.5, 0.6, 0.7, 0.8, 0.9, 1}

// Calibrate sorts the judgements into the bands between consecutive
// edges (ascending; the last band includes its upper edge, and a
// confidence outside the edges goes to the nearest end band), so that
// the observed accuracy of each band can be set beside its confidence.
func Calibrate(js []Judged, edges []float64) []Band {
	if len(edges) < 2 {
		return nil
	}
	bands := make([]Band, len(edges)-1)
	for i := range bands {
		bands[i].Low, bands[i].High = edges[i], edges[i+1]
	}
	for _, j := range js {
		bands[bandOf(j.Confidence, edges)].Add(j.Verdict)
	}
	return bands
}

// bandOf is the index of the band that holds confidence c.
func bandOf(c float64, edges []float64) int {
	for i := len(edges) - 2; i > 0; i-- {
		if c >= edges[i] {
			return i
		}
	}
	return 0
}

// Sure are the judgements whose confidence is at least at.
func Sure(js []Judged, at float64) []Judged {
	var out []Judged
	for _, j := range js {
		if j.Confidence >= at {
			out = append(out, j)
		}
	}
	return out
}

// NewlyWrong counts the judgements of got that are wrong where the same
// gold expression was not wrong in ref: the errors the way got
// was resolved adds to those of ref, as an inferred anchor's to the
// true date's.
func NewlyWrong(got, ref []Judged) int {
	type key struct {
		doc        string
		start, end int
	}
	fine := map[key]bool{}
	for _, j := range ref {
		if j.Verdict != Wrong {
			fine[key{j.Doc, j.Gold.Start, j.Gold.End}] = true
		}
	}
	n := 0
	for _, j := range got {
		if j.Verdict == Wrong && fine[key{j.Doc, j.Gold.Start, j.Gold.End}] {
			n++
		}
	}
	return n
}
