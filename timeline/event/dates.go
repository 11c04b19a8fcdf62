package event

import (
	"fmt"
	"strings"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// period is the stretch of calendar an event is dated to: from one
// calendar value through another. A single date has from == to; a range
// ("between July 23 and July 31") has them apart.
type period struct {
	from, to date.Value
}

func single(v date.Value) period { return period{v, v} }

// precision is how much the period tells: the less precise of its ends.
func (p period) precision() timeline.Precision {
	return min(p.from.Precision(), p.to.Precision())
}

// begin is the period's first day; end the day after its last.
func (p period) begin() time.Time { return p.from.First() }
func (p period) end() time.Time   { return p.to.End() }

// date is the period's value, as Event.Date holds it; endDate its last
// unit when that is another one (Event.End), else empty.
func (p period) date() string { return p.from.DayOnly().String() }
func (p period) endDate() string {
	if e := p.to.DayOnly().String(); e != p.date() {
		return e
	}
	return ""
}

// overlaps reports whether two periods share a day.
func (p period) overlaps(q period) bool {
	return p.begin().Before(q.end()) && q.begin().Before(p.end())
}

// spanning is the period from p through q at the coarser precision of
// the two; the order they are written in does not matter.
func spanning(p, q period) period {
	prec := min(p.precision(), q.precision())
	if q.begin().Before(p.begin()) {
		p, q = q, p
	}
	from, _ := p.from.Within(prec)
	_, to := q.to.Within(prec)
	if p.end().After(q.end()) {
		_, to = p.to.Within(prec)
	}
	return period{from, to}
}

// parsePeriod reads the TIMEX3 values that can date an event; see
// date.Parse. Durations, sets, PAST_REF and values that lack the year
// date nothing.
func parsePeriod(v string) (period, bool) {
	d, err := date.Parse(v)
	if err != nil {
		return period{}, false
	}
	return single(d.DayOnly()), true
}

// said is how much of its date an expression says by itself, whatever
// article it stands in.
type said int

const (
	saysNothing  said = iota // "Monday", "last month", "a day earlier": all from the context
	saysCalendar             // "August 7", "April": a month or a day, the year from the context
	saysYear                 // "August 7, 2016", "March 2011", "2012"
)

// saying finds how much an expression says by itself by resolving its
// words alone, with no article date and nothing mentioned before them:
// what still has a value then was written out.
func saying(text string) said {
	var v string
	for _, t := range timex.Resolve(text, timex.Options{Narrative: true}) {
		if len(t.Text) > len(v) {
			v = t.Value
		}
	}
	switch rest, unknownYear := strings.CutPrefix(v, "XXXX-"); {
	case len(v) >= 2 && isDigit(v[0]) && isDigit(v[1]):
		return saysYear
	case unknownYear && rest != "" && (isDigit(rest[0]) || yearPart(rest)):
		return saysCalendar
	}
	return saysNothing
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// yearPart reports the code of a part of a year: a season, a quarter, a
// half ("SU", "Q3").
func yearPart(code string) bool {
	_, err := date.Parse("2000-" + code)
	return err == nil
}

// modFactors lower the confidence of a date by its TIMEX3 mod: "about
// 2012" is vaguer than 2012, and "before 2012" bounds a happening rather
// than dates it.
var modFactors = map[string]float64{
	"APPROX": 0.8,
	"BEFORE": 0.6, "AFTER": 0.6, "ON_OR_BEFORE": 0.6, "ON_OR_AFTER": 0.6,
}

// dating is what one expression tells of an event's date.
type dating struct {
	tx         anchor.Resolved
	when       period
	confidence float64
	says       said
	// known is false for an expression nothing dates: "Monday" in an
	// article whose own date is unknown. Its event is undated.
	known bool
}

// dater dates the expressions of one article against its anchor.
type dater struct {
	anchor anchor.Anchor
	// anchored is the anchor's claimed period; known says whether there
	// is one.
	anchored date.Value
	saying   func(string) said
}

func newDater(a anchor.Anchor, saying func(string) said) *dater {
	d := &dater{anchor: a, saying: saying}
	if a.Known() {
		d.anchored, _ = date.Parse(a.Value())
	}
	return d
}

// date returns the date an expression gives an event, if any. The
// expression was resolved under the belief about the article's date
// (anchor.Resolve): its value is the most probable one, and its
// confidence the probability of that value. An expression that spells
// out its year is sure of it whatever the article's date. One that no
// date can be given (the article's own date is unknown) makes an
// undated event when it names a day or a period: the reader sees it in
// the Undated part rather than not at all.
func (d *dater) date(t anchor.Resolved) (dating, bool) {
	if t.Type != timex.Date && t.Type != timex.Time {
		return dating{}, false
	}
	says := d.saying(t.Text)
	p, ok := parsePeriod(t.Value)
	if from, err := date.Parse(t.From); ok && err == nil {
		if through, err := date.Parse(t.Through); err == nil {
			p = period{from, through} // July or August, where the value is the year
		}
	}
	if !ok {
		if len(d.anchor.Belief) > 0 || !namesPeriod(t.Value) {
			return dating{}, false
		}
		return dating{tx: t, says: says}, true
	}
	conf := t.Confidence
	if says == saysYear {
		conf = 1
	}
	if f, ok := modFactors[t.Mod]; ok && !t.Coarsened {
		conf *= f
	}
	return dating{tx: t, when: p, confidence: conf, says: says, known: true}, true
}

// namesPeriod reports an underspecified value that still names a day or
// a period, though not which: XXXX-WXX-1, XXXX-08-07, XXXX-XX-XXTNI.
func namesPeriod(v string) bool {
	return strings.HasPrefix(v, "XXXX")
}

// after reports whether p lies wholly after the anchor's period: a date
// the article could not yet report, so a planned one.
func (d *dater) after(p period) bool {
	return !d.anchored.IsZero() && !p.begin().Before(d.anchored.End())
}

// backgroundAge is how long before the article's own period a date must
// end to be background: context the article recalls, not its news.
const backgroundAge = 60 * 24 * time.Hour

// background reports whether p ended well before the article's period.
func (d *dater) background(p period) bool {
	return !d.anchored.IsZero() && p.end().Before(d.anchored.First().Add(-backgroundAge))
}

// fill writes a dating into an event: its date, how sure it is and why,
// and what kind of date it is. conf is the dating's confidence with the
// doubts of the extraction.
func (d *dater) fill(e *timeline.Event, dt dating, conf float64) {
	e.Stated = dt.says == saysYear
	if !dt.known {
		e.Precision = timeline.PrecisionUnknown
		e.Reasons = []string{dt.tx.Describe(d.anchor)}
		return
	}
	e.Date, e.End, e.Precision = dt.when.date(), dt.when.endDate(), dt.when.precision()
	e.Confidence = round2(conf)
	e.Earliest, e.Latest = dayString(dt.tx.Earliest), dayString(dt.tx.Latest)
	if e.Earliest == "" || dt.tx.Earliest.After(dt.when.begin()) {
		e.Earliest = dt.when.from.DayString()
	}
	if e.Latest == "" || dt.tx.Latest.Before(dt.when.end().AddDate(0, 0, -1)) {
		e.Latest = dt.when.to.LastDayString()
	}
	e.Inferred = !e.Stated && !d.anchor.Given() && len(d.anchor.Belief) > 0
	e.Background = d.background(dt.when)
	switch {
	case e.Stated:
		e.Reasons = []string{fmt.Sprintf("%q gives the date in full", dt.tx.Text)}
	default:
		e.Reasons = []string{dt.tx.Describe(d.anchor)}
	}
	if f, ok := modFactors[dt.tx.Mod]; ok && !dt.tx.Coarsened {
		e.Reasons = append(e.Reasons, fmt.Sprintf("%s (%s): confidence × %.1f", dt.tx.Mod, dt.tx.Text, f))
	}
	if conf < dt.confidence {
		e.Reasons = append(e.Reasons, fmt.Sprintf("the sentence has other dates or clauses: confidence × %.2f", conf/dt.confidence))
	}
}

func dayString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func minTime(a, b time.Time) time.Time {
	if a.IsZero() || !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
