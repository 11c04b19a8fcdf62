package event

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/timex"
)

// period is the stretch of calendar an event is dated to: the unit (day,
// ISO week, month, year) that holds first through the unit that holds
// last. A single date has first == last; a range ("between July 23 and
// July 31", a season) has them apart.
type period struct {
	first, last time.Time // midnight UTC
	precision   timeline.Precision
}

// precisionRank orders precisions from the finest.
var precisionRank = map[timeline.Precision]int{
	timeline.PrecisionDay: 0, timeline.PrecisionWeek: 1,
	timeline.PrecisionMonth: 2, timeline.PrecisionYear: 3,
}

// finer reports whether precision a tells more than b.
func finer(a, b timeline.Precision) bool { return precisionRank[a] < precisionRank[b] }

// unitStart is the first day of the unit of precision p that holds t.
func unitStart(t time.Time, p timeline.Precision) time.Time {
	y, m, d := t.Date()
	switch p {
	case timeline.PrecisionWeek:
		return t.AddDate(0, 0, -(int(t.Weekday())+6)%7) // back to Monday
	case timeline.PrecisionMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case timeline.PrecisionYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// unitEnd is the day after the unit of precision p that holds t.
func unitEnd(t time.Time, p timeline.Precision) time.Time {
	s := unitStart(t, p)
	switch p {
	case timeline.PrecisionWeek:
		return s.AddDate(0, 0, 7)
	case timeline.PrecisionMonth:
		return s.AddDate(0, 1, 0)
	case timeline.PrecisionYear:
		return s.AddDate(1, 0, 0)
	}
	return s.AddDate(0, 0, 1)
}

// begin is the period's first day; end the day after its last.
func (p period) begin() time.Time { return unitStart(p.first, p.precision) }
func (p period) end() time.Time   { return unitEnd(p.last, p.precision) }

// format writes t as a TIMEX3 value of precision p: 2016-08-07, 2016-W31,
// 2016-08, 2016.
func format(t time.Time, p timeline.Precision) string {
	switch p {
	case timeline.PrecisionWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case timeline.PrecisionMonth:
		return t.Format("2006-01")
	case timeline.PrecisionYear:
		return t.Format("2006")
	}
	return t.Format(time.DateOnly)
}

// date is the period's value, as Event.Date holds it; endDate its last
// unit when that is another one (Event.End), else empty.
func (p period) date() string { return format(p.first, p.precision) }
func (p period) endDate() string {
	if e := format(p.last, p.precision); e != p.date() {
		return e
	}
	return ""
}

// coarsen returns the period told only to precision q, when q is coarser
// than what it has: a week that straddles two months becomes a range of
// those two months, not a guess at one of them.
func (p period) coarsen(q timeline.Precision) period {
	if !finer(p.precision, q) {
		return p
	}
	return period{first: p.begin(), last: p.end().AddDate(0, 0, -1), precision: q}
}

// overlaps reports whether two periods share a day.
func (p period) overlaps(q period) bool {
	return p.begin().Before(q.end()) && q.begin().Before(p.end())
}

// spanning is the period from p through q, at the coarser precision of the
// two; the order they are written in does not matter.
func spanning(p, q period) period {
	prec := p.precision
	if finer(prec, q.precision) {
		prec = q.precision
	}
	p, q = p.coarsen(prec), q.coarsen(prec)
	if q.first.Before(p.first) {
		p, q = q, p
	}
	last := q.last
	if p.last.After(last) {
		last = p.last
	}
	return period{first: p.first, last: last, precision: prec}
}

// yearParts are the months of the parts of a year TIMEX3 names: quarters,
// halves and the (northern, meteorological) seasons. Winter starts in
// the year's December; a month past 12 is in the next year.
var yearParts = map[string][2]time.Month{
	"Q1": {1, 3}, "Q2": {4, 6}, "Q3": {7, 9}, "Q4": {10, 12},
	"H1": {1, 6}, "H2": {7, 12},
	"SP": {3, 5}, "SU": {6, 8}, "FA": {9, 11}, "WI": {12, 14},
}

var (
	dayValue   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(T.*)?$`)
	weekValue  = regexp.MustCompile(`^(\d{4})-W(\d{2})(-(\d|WE))?$`)
	monthValue = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	partValue  = regexp.MustCompile(`^(\d{4})-([A-Z]{2}|[QH]\d)$`)
	yearValue  = regexp.MustCompile(`^\d{4}$`)
	decade     = regexp.MustCompile(`^\d{3}$`)
)

// parsePeriod reads the TIMEX3 values that can date an event: a day (a
// TIME counts by its day), an ISO week, a month, a part of a year, a year
// and a decade. Durations, sets, PAST_REF and values that lack the year
// do not date anything.
func parsePeriod(v string) (period, bool) {
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	single := func(t time.Time, p timeline.Precision) (period, bool) {
		return period{first: t, last: t, precision: p}, true
	}
	if m := dayValue.FindStringSubmatch(v); m != nil {
		t := day(num(m[1]), time.Month(num(m[2])), num(m[3]))
		if format(t, timeline.PrecisionDay) != v[:10] {
			return period{}, false // 2016-02-30
		}
		return single(t, timeline.PrecisionDay)
	}
	if m := weekValue.FindStringSubmatch(v); m != nil {
		y, w := num(m[1]), num(m[2])
		jan4 := day(y, time.January, 4) // always in week 1
		monday := unitStart(jan4, timeline.PrecisionWeek).AddDate(0, 0, 7*(w-1))
		if gy, gw := monday.ISOWeek(); w < 1 || gy != y || gw != w {
			return period{}, false
		}
		if d := m[4]; d != "" && d != "WE" {
			return single(monday.AddDate(0, 0, num(d)-1), timeline.PrecisionDay)
		}
		return single(monday, timeline.PrecisionWeek)
	}
	if m := monthValue.FindStringSubmatch(v); m != nil {
		if mo := num(m[2]); mo >= 1 && mo <= 12 {
			return single(day(num(m[1]), time.Month(mo), 1), timeline.PrecisionMonth)
		}
		return period{}, false
	}
	if m := partValue.FindStringSubmatch(v); m != nil {
		months, ok := yearParts[m[2]]
		if !ok {
			return period{}, false
		}
		y := num(m[1])
		return period{first: day(y, months[0], 1), last: day(y, months[1], 1), precision: timeline.PrecisionMonth}, true
	}
	if yearValue.MatchString(v) {
		return single(day(num(v), time.January, 1), timeline.PrecisionYear)
	}
	if decade.MatchString(v) {
		y := num(v) * 10
		return period{first: day(y, time.January, 1), last: day(y+9, time.January, 1), precision: timeline.PrecisionYear}, true
	}
	return period{}, false
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
	case unknownYear && rest != "" && (isDigit(rest[0]) || yearParts[rest] != [2]time.Month{}):
		return saysCalendar
	}
	return saysNothing
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// Confidence factors of a date, besides the anchor's own confidence.
const (
	// coarsened is the factor for a date counted from an anchor known
	// only to the week, month or year: "on Monday" under an anchor known
	// to the month lies in that month most of the time, but may fall in
	// the next.
	coarsened = 0.8
	// narrative is the confidence of a date counted from the last date
	// the text mentioned, when the article's own date is unknown.
	narrative = 0.5
)

// modFactors lower the confidence of a date by its TIMEX3 mod: "about
// 2012" is vaguer than 2012, and "before 2012" bounds a happening rather
// than dates it.
var modFactors = map[string]float64{
	"APPROX": 0.8,
	"BEFORE": 0.6, "AFTER": 0.6, "ON_OR_BEFORE": 0.6, "ON_OR_AFTER": 0.6,
}

// dating is what one expression tells of an event's date.
type dating struct {
	tx         timex.Timex
	when       period
	confidence float64
	says       said
}

// dater dates the expressions of one article against its anchor.
type dater struct {
	anchor anchor.Anchor
	// anchored is the anchor's claimed period; known says whether there
	// is one.
	anchored period
	known    bool
	saying   func(string) said
}

func newDater(a anchor.Anchor, saying func(string) said) *dater {
	d := &dater{anchor: a, saying: saying}
	d.anchored, d.known = parsePeriod(a.Value())
	return d
}

// date returns the date an expression gives an event, if any. An
// expression that spells out its year dates at its own precision with
// full confidence. One that takes its year from the anchor ("August 7")
// keeps its precision and takes the anchor's confidence. One computed
// from the anchor ("on Monday", "last month") is told no finer than the
// anchor is known, and when that is coarser than a day it is less sure
// than the anchor: under an anchor known to the month, "on Monday" is
// some day of that month at best, and may be one of the next.
func (d *dater) date(t timex.Timex) (dating, bool) {
	if t.Type != timex.Date && t.Type != timex.Time {
		return dating{}, false
	}
	p, ok := parsePeriod(t.Value)
	says := d.saying(t.Text)
	conf, relative := 1.0, false
	switch {
	case says == saysYear:
	case !d.known:
		// Narrative mode: counted from the last date the text mentioned.
		conf = narrative
	case says == saysCalendar:
		conf = d.anchor.Confidence
	default:
		if !ok && strings.HasPrefix(t.Value, "XXXX") {
			// The resolver could not place "Monday" in the anchor's
			// period; that period is what is known of it.
			p, ok = d.anchored, true
		}
		p = p.coarsen(d.anchor.Precision)
		conf = d.anchor.Confidence
		if relative = d.anchor.Precision != timeline.PrecisionDay; relative {
			conf *= coarsened
		}
	}
	if !ok {
		return dating{}, false
	}
	// The resolver marks "on Monday" that it could only place in the
	// anchor's week, month or year as APPROX: coarsened counted that.
	if f, ok := modFactors[t.Mod]; ok && !(relative && t.Mod == "APPROX") {
		conf *= f
	}
	return dating{tx: t, when: p, confidence: conf, says: says}, true
}

// after reports whether p lies wholly after the anchor's period: a date
// the article could not yet report, so a planned one.
func (d *dater) after(p period) bool {
	return d.known && !p.begin().Before(d.anchored.end())
}
