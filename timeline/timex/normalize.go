package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// A normalizer turns a match into a TIMEX3 value. It returns ok=false to
// drop the match when the slots do not make a value.
type normalizer func(c *context, m *match) (result, bool)

// result is a normalized value before it becomes a Timex.
type result struct {
	typ   Type
	value string
	mod   string
	// at is the calendar point of a DATE or TIME, used to update the
	// reference time for later anaphora ("the next day").
	at point
}

// normalizers are the actions rules.txt can name.
var normalizers = map[string]normalizer{
	"date":    normDate,
	"rel":     normRel,
	"shift":   normShift,
	"dur":     normDuration,
	"deictic": normDeictic,
	"weekday": normWeekday,
	"ref":     normRef,
	"set":     normSet,
	"anaphor": normAnaphor,
	"parse":   normParse,
	"clock":   normClock,
	// skip matches words that look like dates but are not ("prices fall")
	"skip":      func(*context, *match) (result, bool) { return result{}, false },
	"rangeday":  normRangeDay,
	"periodof":  normPeriodOf,
	"rangeyear": normRangeYear,
}

// context carries what normalization needs beyond the match: the tokens
// for tense, the anchor, and the reference time that anaphora resolve
// against.
type context struct {
	rules     *ruleIndex
	text      string
	toks      []token
	anchor    point // gNone when there is no anchor
	narrative bool
	// lastAt is the last date mentioned at each granularity: "the
	// quarter" is the last quarter named even when a day came since. The
	// latest of them is the reference time of narrative mode and of
	// anaphora ("that day", "a day earlier") in news mode.
	lastAt [gTime + 1]point
	// seq orders lastAt: seq[g] is when lastAt[g] was mentioned.
	seq   [gTime + 1]int
	count int
	// lastEnd is the token after the last expression found.
	lastEnd int
}

// base is the point relative expressions count from: the anchor in news
// mode, the last mentioned date in narrative mode.
func (c *context) base() point {
	if c.narrative || !c.anchor.known() {
		if ref := c.last(); ref.known() {
			return ref
		}
		return point{g: gDay, y: unknownYear}
	}
	return c.anchor
}

// now is the moment deictic words ("yesterday", "last month", "on
// Tuesday") count from: the anchor in news mode, and without one nothing
// (a date the text mentions is not the day of writing, and a wrong
// concrete date is worse than an open one); the last mentioned date in
// narrative mode.
func (c *context) now() point {
	if !c.narrative && !c.anchor.known() {
		return point{g: gDay, y: unknownYear}
	}
	return c.base()
}

// refPoint is the point anaphora count from: the last mentioned date, or
// the anchor when nothing was mentioned yet.
func (c *context) refPoint() point {
	if ref := c.last(); ref.known() {
		return ref
	}
	return c.base()
}

// last is the last date mentioned, of any granularity; the zero point
// before any.
func (c *context) last() point {
	best, bestSeq := point{}, 0
	for g, p := range c.lastAt {
		if c.seq[g] > bestSeq {
			best, bestSeq = p, c.seq[g]
		}
	}
	return best
}

// narrativeYearBase is the date whose year a date said without one takes
// in a history: the last date mentioned, unless that is a bare year far
// from the last month or day named, a digression ("a law of 1614") rather
// than the story moving on ("1942: ...", "In 1943").
func (c *context) narrativeYearBase() point {
	last, story := c.refPoint(), c.refAt(gMonth)
	if last.g == gYear && story.known() && story.g >= gMonth && abs(last.y-story.y) > 3 {
		return story
	}
	return last
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// refAt is the last date mentioned at granularity g or finer: "thirteen
// days later" counts from the last day named, not from a year cited
// since. Without one it is refPoint.
func (c *context) refAt(g gran) point {
	best, bestSeq := point{}, 0
	for k := g; k <= gTime; k++ {
		if c.lastAt[k].known() && c.seq[k] > bestSeq {
			best, bestSeq = c.lastAt[k], c.seq[k]
		}
	}
	if bestSeq == 0 {
		return c.refPoint()
	}
	return best
}

func unitGran(u string) gran {
	switch u {
	case "CE":
		return gCentury
	case "DE":
		return gDecade
	case "Y", "FY":
		return gYear
	case "H":
		return gHalf
	case "Q":
		return gQuarter
	case "M":
		return gMonth
	case "W", "WE":
		return gWeek
	case "D":
		return gDay
	case "TH", "TM", "TS":
		return gTime
	}
	return gNone
}

// normDate builds an explicit calendar value from whatever the pattern
// captured: a year, a month and day, a season, a quarter, a decade. A
// missing year comes from the base and the tense (see inferYear).
func normDate(c *context, m *match) (result, bool) {
	s := &m.s
	p := point{y: s.year}
	if s.yy {
		p.y = expandYY(s.year, c.base())
	}
	if s.era != 0 && s.numSet && s.num > 0 {
		p.y = s.era * s.num // "480 BC"
	}
	if m.rule.arg == "year" && s.numSet && s.num >= 1000 && s.num < 2200 {
		p.y = s.num // "the year two thousand"
	}
	switch {
	case s.decade != 0:
		p.g, p.y = gDecade, s.decade*10
	case s.unit == "CE" && s.ord > 0 && s.era < 0:
		p.g, p.y = gCentury, -(s.ord-1)*100 // the 4th century BC is BC03
	case s.unit == "CE" && s.ord > 0:
		p.g, p.y = gCentury, (s.ord-1)*100
	case s.holiday != "":
		p.g, p.m, p.d = gDay, holidayMonth(s.holiday), 1
	case s.day != 0 && s.month != 0:
		p.g, p.m, p.d = gDay, s.month, s.day
		if s.day > daysIn(s.month, p.y) {
			return result{}, false
		}
	case s.month != 0:
		p.g, p.m = gMonth, s.month
	case s.season != "":
		p.g, p.part = gSeason, s.season
	case s.unit == "Q" && s.ord > 0 && s.ord <= 4:
		p.g, p.m = gQuarter, s.ord
	case s.unit == "Q" && s.ord == -1:
		p.g, p.m = gQuarter, 4
	case s.unit == "H" && (s.ord == 1 || s.ord == 2 || s.ord == -1):
		p.g, p.m = gHalf, max(s.ord, 0)
		if s.ord == -1 {
			p.m = 2
		}
	case p.y != 0:
		p.g = gYear
	default:
		return result{}, false
	}
	if p.y == 0 && p.g > gDecade {
		if b := c.now(); s.relSet && b.known() {
			p.y = b.y + s.rel // "June last year", "last year's third quarter"
		} else if s.that {
			p.y = c.refPoint().y // "August of that year"
		} else if y, ok := c.yearAhead(m); ok {
			p.y = y // "August and September 1914"
		} else {
			p.y = c.inferYear(p, m)
		}
	}
	if s.weekday != 0 && s.year == 0 && p.g == gDay && p.y != unknownYear {
		p.y = yearOfWeekday(p, s.weekday) // "Sunday, August 7"
	}
	if s.holiday != "" {
		p.d = holidayDay(s.holiday, p.y)
		if p.d == 0 {
			p.g = gMonth // the year is unknown: say only the month
		}
	}
	r := result{typ: Date, mod: s.mod, at: p}
	if s.clock || s.pod != "" {
		if p.g != gDay {
			return result{}, false
		}
		r.at = withTime(p, s)
		r.typ = Time
	}
	r.value = r.at.String()
	return r, true
}

// dayAhead finds a full date said within a few words after a clock time.
func (c *context) dayAhead(m *match) (point, bool) {
	for j := m.to; j < len(c.toks) && j < m.to+5; j++ {
		if endsSentence(&c.toks[j]) || c.toks[j].paraBreak {
			break
		}
		for _, next := range c.rules.matchesAt(c.text, c.toks, j, nil) {
			s := next.s
			if next.rule.action == "date" && s.year != 0 && s.month != 0 && s.day != 0 && !s.yy {
				return point{g: gDay, y: s.year, m: s.month, d: s.day}, true
			}
		}
	}
	return point{}, false
}

// connectors join the members of a list or a range of dates.
var connectors = map[string]bool{
	"and": true, "or": true, "to": true, "-": true, "through": true,
	"until": true, "till": true, ",": true, "/": true,
}

// yearAhead finds the year of a date said without one from the date that
// follows it in a list or range: "between March and April 1918", "July
// 23-31, 2016".
func (c *context) yearAhead(m *match) (int, bool) {
	i := m.to
	for n := 0; i < len(c.toks) && n < 2 && connectors[c.toks[i].key]; n++ {
		i++
	}
	// "mid-November and early December 1998": step over a modifier
	for n := 0; i > m.to && i < len(c.toks) && n < 3 && c.toks[i].has(catMod); n++ {
		i++
		if i < len(c.toks) && c.toks[i].key == "-" {
			i++
		}
	}
	if i == m.to || i >= len(c.toks) {
		return 0, false
	}
	if t := &c.toks[i]; t.kind == tokNum && t.digits <= 2 && i+2 < len(c.toks) &&
		c.toks[i+1].key == "," && (&slots{}).fillBuiltin(bYear, &c.toks[i+2]) {
		return c.toks[i+2].num, true // "March 5-9, 1918"
	}
	for _, next := range c.rules.matchesAt(c.text, c.toks, i, nil) {
		if next.rule.action == "date" && next.s.year != 0 && !next.s.yy && next.s.month != 0 {
			return next.s.year, true
		}
	}
	return 0, false
}

// yearOfWeekday returns the year nearest p's whose calendar puts p's day
// on weekday wd (Monday = 1), or p's own year when none within three does.
func yearOfWeekday(p point, wd int) int {
	for _, dy := range []int{0, -1, 1, -2, 2, -3, 3} {
		t := time.Date(p.y+dy, time.Month(p.m), p.d, 12, 0, 0, 0, time.UTC)
		if t.Day() == p.d && (int(t.Weekday())+6)%7+1 == wd {
			return p.y + dy
		}
	}
	return p.y
}

// holidayMonth is the month a holiday code of lexicon.txt falls in.
func holidayMonth(code string) int {
	if code == "easter" {
		return easter(2000).m // March or April; refined with the year
	}
	m, _ := strconv.Atoi(code[:2])
	return m
}

// holidayDay is the day of the month of a holiday in year y, 0 when it
// moves and y is unknown.
func holidayDay(code string, y int) int {
	f := strings.Split(code, "-")
	switch {
	case code == "easter":
		if y == unknownYear {
			return 0
		}
		return easter(y).d
	case len(f) == 2:
		d, _ := strconv.Atoi(f[1])
		return d
	case y == unknownYear:
		return 0
	}
	m, _ := strconv.Atoi(f[0])
	wd, _ := strconv.Atoi(f[1])
	n, _ := strconv.Atoi(f[2])
	first := time.Date(y, time.Month(m), 1, 12, 0, 0, 0, time.UTC)
	offset := (wd - ((int(first.Weekday())+6)%7 + 1) + 7) % 7
	return 1 + offset + 7*(n-1)
}

// easter is Easter Sunday of year y (the anonymous Gregorian algorithm).
func easter(y int) point {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return point{g: gDay, y: y, m: month, d: day}
}

func daysIn(month, year int) int {
	if year <= 0 {
		year = 2000 // a leap year: February 29 without a year is a date
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// expandYY turns '97 into 1997: the century that puts the year nearest
// the base, or the twentieth when there is none.
func expandYY(yy int, base point) int {
	if !base.known() {
		return 1900 + yy
	}
	century := base.y / 100 * 100
	y := century + yy
	if y > base.y+20 {
		y -= 100
	}
	return y
}

// inferYear picks the year of a date said without one ("August 7", "in
// April", "the third quarter").
//
// In news mode the year is the anchor's, moved back a year when a past
// clause names a later part of the year than the anchor's ("in November",
// said in August, is last November), and forward when a future clause
// names an earlier one. In narrative mode it is the year of the last
// mentioned date: histories tell things in order.
func (c *context) inferYear(p point, m *match) int {
	b := c.base()
	if !b.known() {
		return unknownYear
	}
	if c.narrative || !c.anchor.known() {
		b = c.narrativeYearBase()
		// histories move forward: a month well before the last one
		// mentioned is next year's ("December 1941 ... in January")
		if b.g >= gMonth && p.g >= gMonth && b.m-p.m >= 8 {
			return b.y + 1
		}
		return b.y
	}
	probe := p
	probe.y = b.y
	if probe.g == gSeason {
		probe.y = at(b.date(), gSeason).y
	}
	cmp := comparePeriods(probe, b)
	t, found := clauseTense(c.toks, m.from, m.to)
	switch {
	case found && t == tensePast && cmp > 0 && !near(probe, b, lookahead):
		return probe.y - 1
	case found && t == tenseFuture && cmp < 0 && !near(probe, b, lookback):
		return probe.y + 1
	case !found || t == tensePresent:
		return nearestYear(probe, b)
	}
	return probe.y
}

// lookahead is how far ahead of the anchor a date said without a year
// or a tense may lie: "payable Dec. 15", written on November 2, is next
// month's, but a bare "in March" written in October is last March.
const lookahead = 100 * 24 * time.Hour

// lookback is how far before the anchor a day may lie and still be this
// year's under a future tense: "the deadline, Aug. 7, will pass" said on
// August 8 is a slip of tense, not next year.
const lookback = 30 * 24 * time.Hour

// near reports whether p lies close enough to the base b that a tense
// pointing the other way is more likely loose wording than a year's jump:
// a day within d, or, looking ahead, the month right after b's. A tense is
// a better guide than distance for any other month.
func near(p, b point, d time.Duration) bool {
	if p.g == gMonth && b.g >= gMonth {
		// the next month, "until mid-November" said in October
		next := b.coarsen(gMonth).shift(gMonth, 1)
		return d == lookahead && next.y == p.y && next.m == p.m
	}
	if p.g != gDay || b.g < gDay {
		return false
	}
	diff := p.date().Sub(b.date())
	return diff <= d && diff >= -d
}

// nearestYear picks the year of p when no tense tells the direction: the
// one within lookahead after the base b, else the latest before it.
func nearestYear(p, b point) int {
	bd := b.date()
	for _, y := range []int{p.y - 1, p.y, p.y + 1} {
		q := p
		q.y = y
		if d := q.date().Sub(bd); d > 0 && d <= lookahead {
			return y
		}
	}
	if comparePeriods(p, b) > 0 {
		return p.y - 1
	}
	return p.y
}

// comparePeriods compares point p with the base b at p's granularity:
// -1 if p is wholly before b's period, 1 if after, 0 if it contains it.
func comparePeriods(p, b point) int {
	if b.g < p.g && b.g != gWeek {
		p = p.coarsen(b.g) // August 7 is within an anchor known as August
	}
	pd, bd := p.date(), b.coarsen(p.g).date()
	switch {
	case pd.Before(bd):
		return -1
	case pd.After(bd):
		return 1
	}
	return 0
}

// withTime adds the clock time or part of day to a day point.
func withTime(p point, s *slots) point {
	p.g, p.pod = gTime, ""
	if s.clock {
		h := s.hour
		if s.ampm == "PM" && h < 12 {
			h += 12
		}
		if s.ampm == "AM" && h == 12 {
			h = 0
		}
		p.hh, p.mm = h, s.minute
		return p
	}
	p.pod = s.pod
	return p
}

// normRel resolves "last month", "next week", "this year", "last Friday",
// "this morning", "last summer", "next April".
func normRel(c *context, m *match) (result, bool) {
	s := &m.s
	if s.plural && s.unit != "" && s.weekday == 0 {
		return vagueSpan(s) // "the coming years" is no one year
	}
	b := c.now()
	r := result{typ: Date, mod: s.mod}
	ofYear := unitGran(s.unit) == gYear && b.known() // "April last year", "summer next year"
	switch {
	case s.weekday != 0:
		r.at = c.weekdayFrom(b, s.weekday, s.rel, m)
	case s.month != 0 && ofYear:
		r.at = point{g: gMonth, y: b.y + s.rel, m: s.month}
	case s.month != 0:
		r.at = c.monthFrom(b, s.month, s.rel)
	case s.season != "" && ofYear:
		r.at = point{g: gSeason, y: b.y + s.rel, part: s.season}
	case s.season != "":
		r.at = seasonFrom(b, s.season, s.rel)
	case s.unit == "WE":
		r.at = c.weekendFrom(b, s.rel, s.relSet, m)
	case unitGran(s.unit) != gNone && unitGran(s.unit) < gTime:
		g := unitGran(s.unit)
		r.at = b.shift(g, s.rel)
	case s.pod != "" || s.unit == "D":
		r.at = b.shift(gDay, s.rel)
	default:
		return result{}, false
	}
	if s.pod != "" && r.at.g == gDay {
		r.at = withTime(r.at, s)
		r.typ = Time
	}
	r.value = r.at.String()
	return r, true
}

// weekdayFrom finds the weekday wd near base: with dir -1 the last one
// before it, +1 the next one after it, and 0 by the clause's tense.
func (c *context) weekdayFrom(b point, wd, dir int, m *match) point {
	if !b.known() || b.g < gDay {
		return point{g: gWeek, y: unknownYear, wday: wd} // XXXX-WXX-2
	}
	d := b.date()
	cur := (int(d.Weekday())+6)%7 + 1 // Monday = 1
	if dir == 0 {
		switch tenseAt(c.toks, m.from, m.to) {
		case tenseFuture:
			dir = 1
		default:
			dir = -1
			if cur == wd {
				return dayPoint(d)
			}
		}
	}
	if dir < 0 {
		back := (cur - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return dayPoint(d.AddDate(0, 0, -back))
	}
	fwd := (wd - cur + 7) % 7
	if fwd == 0 {
		fwd = 7
	}
	return dayPoint(d.AddDate(0, 0, fwd))
}

// weekendFrom finds "last weekend", "next weekend" and, by the clause's
// tense, "the weekend": the one just past or the one ahead.
func (c *context) weekendFrom(b point, dir int, dirSet bool, m *match) point {
	if !b.known() || b.g < gDay {
		return point{g: gWeek, y: unknownYear, wkend: true}
	}
	if !dirSet {
		dir = 0
		if tenseAt(c.toks, m.from, m.to) == tenseFuture {
			dir = 1
		}
	}
	d := b.date()
	inWeekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
	switch {
	case dir < 0 && !inWeekend, dir == 0 && !inWeekend && !dirSet:
		d = d.AddDate(0, 0, -7) // the weekend before this week
	case dir > 0 && inWeekend:
		d = d.AddDate(0, 0, 7)
	}
	p := at(d, gWeek)
	p.wkend = true
	return p
}

// monthFrom finds "last April" (the April before base), "next April" and
// "this April" (base's year).
func (c *context) monthFrom(b point, month, dir int) point {
	p := point{g: gMonth, y: b.y, m: month}
	if !b.known() {
		return p
	}
	switch {
	case dir < 0 && month >= b.m:
		p.y--
	case dir > 0 && month <= b.m:
		p.y++
	}
	return p
}

func seasonFrom(b point, season string, dir int) point {
	p := point{g: gSeason, y: b.y, part: season}
	if !b.known() {
		return p
	}
	// seasons in the order of the year they are named for
	order := map[string]int{"WI": 0, "SP": 1, "SU": 2, "FA": 3}
	cur := at(b.date(), gSeason)
	p.y = cur.y
	switch {
	case dir < 0 && order[season] >= order[cur.part]:
		p.y--
	case dir > 0 && order[season] <= order[cur.part]:
		p.y++
	}
	return p
}

// normShift resolves "two years ago" (arg ago), "in three weeks" (arg
// hence), "a day earlier" (arg before) and "three days later" (arg
// after): the first two count from the anchor, the others from the last
// mentioned date. The value has the granularity of the unit.
func normShift(c *context, m *match) (result, bool) {
	s := &m.s
	base, dir := c.now(), -1
	g := unitGran(s.unit)
	switch m.rule.arg {
	case "hence":
		dir = 1
	case "before":
		base = c.refAt(min(g, gDay))
	case "after":
		base, dir = c.refAt(min(g, gDay)), 1
	}
	if c.narrative {
		base = c.refAt(min(g, gDay))
	}
	if s.plural && !s.numSet && !s.fuzzy {
		if c.narrative {
			// "days later" in a history: some day, unknown, near the story
			p := point{g: min(max(g, gYear), gDay), y: unknownYear}
			return result{typ: Date, value: p.String(), mod: s.mod}, true
		}
		s.fuzzy = true
	}
	if s.fuzzy {
		if dir < 0 {
			return result{typ: Date, value: "PAST_REF", mod: s.mod}, true
		}
		return result{typ: Date, value: "FUTURE_REF", mod: s.mod}, true
	}
	n := 1
	if s.numSet {
		n = s.num
	}
	if g == gNone || g == gTime {
		return result{}, false
	}
	step := n
	switch g {
	case gWeek:
		g, step = gDay, 7*n
	case gDecade:
		g, step = gYear, 10*n
	case gCentury:
		g, step = gYear, 100*n
	}
	if g == gYear && n == 1 && c.lastAt[gQuarter].known() && !c.narrative {
		// in a report on a quarter, "a year earlier" is that quarter's
		// year-ago counterpart
		p := c.lastAt[gQuarter].shift(gQuarter, -4)
		return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
	}
	if base.known() && base.g < g {
		// "two days ago" from a year-precise base is only that year
		g, step = base.g, stepAt(base.g, g, step)
	}
	p := base.shift(g, dir*step)
	return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
}

// stepAt converts step units of g into units of a coarser granularity
// have, rounding: 14 days at month granularity are 0 months.
func stepAt(have, g gran, step int) int {
	if have >= g {
		return step
	}
	switch {
	case have == gYear && g == gMonth:
		return step / 12
	case have == gMonth && g == gDay:
		return step / 30
	case have == gYear && g == gDay:
		return step / 365
	}
	return 0
}

// vagueSpan is a stretch of time of an unknown number of units: "the
// coming years" is PXY.
func vagueSpan(s *slots) (result, bool) {
	d := *s
	d.numSet, d.fuzzy = false, true
	return normDuration(nil, &match{rule: &rule{}, s: d})
}

// normDuration writes a period: P4Y, P3D, PT2H, PXD for "several days".
func normDuration(c *context, m *match) (result, bool) {
	s := &m.s
	if m.rule.arg == "plural" && (!s.plural || s.numSet) {
		return result{}, false // "years", "recent weeks": a plural alone
	}
	n := "1"
	switch {
	case s.fuzzy:
		n = "X"
	case s.numSet:
		n = strconv.Itoa(s.num)
		if s.num == 0 {
			return result{}, false
		}
	case s.plural:
		n = "X"
	}
	switch m.rule.arg {
	case "half":
		s.half = true
	case "range":
		n = "X"
	}
	if s.half && n != "X" {
		return halfDuration(s, n)
	}
	var v string
	switch s.unit {
	case "TH", "TM", "TS":
		v = "PT" + n + s.unit[1:]
	case "WE":
		v = "P" + n + "WE"
	case "FY":
		v = "P" + n + "Y"
	case "CE", "DE", "ML", "Q", "D", "W", "M", "Y":
		v = "P" + n + s.unit
	case "H":
		v = "P6M"
	default:
		return result{}, false
	}
	return result{typ: Duration, value: v, mod: s.mod}, true
}

// halfDuration writes "two and a half years" as P2Y6M; n is the count.
func halfDuration(s *slots, n string) (result, bool) {
	half := map[string]string{"Y": "Y6M", "D": "DT12H", "M": "M15D", "TH": "H30M", "TM": "M30S"}[s.unit]
	var v string
	switch {
	case half == "":
		v = "P" + n + s.unit
	case s.unit[0] == 'T':
		v = "PT" + n + half
	default:
		v = "P" + n + half
	}
	return result{typ: Duration, value: v, mod: s.mod}, true
}

// normDeictic resolves today, yesterday, tomorrow, tonight, overnight.
func normDeictic(c *context, m *match) (result, bool) {
	s := &m.s
	b := c.now()
	offset, night := 0, false
	switch s.deictic {
	case "yesterday":
		offset = -1
	case "tomorrow":
		offset = 1
	case "tonight":
		night = true
	case "overnight":
		offset, night = -1, true
	}
	p := b.shift(gDay, offset)
	if !b.known() || b.g < gDay {
		p = point{g: gDay, y: unknownYear}
		if b.known() && offset == 0 {
			p = b
		}
	}
	r := result{typ: Date, mod: s.mod, at: p}
	if night && s.pod == "" {
		s.pod = "NI"
	}
	if (s.pod != "" || s.clock) && p.g == gDay {
		r.at = withTime(p, s)
		r.typ = Time
	}
	r.value = r.at.String()
	return r, true
}

// normWeekday resolves a weekday ("on Tuesday", "late on Sunday",
// "Tuesday evening") by the tense of its clause.
func normWeekday(c *context, m *match) (result, bool) {
	s := &m.s
	p := c.weekdayFrom(c.now(), s.weekday, 0, m)
	r := result{typ: Date, mod: s.mod, at: p}
	if (s.pod != "" || s.clock) && p.g == gDay {
		r.at = withTime(p, s)
		// news corpora call "Wednesday night" a DATE and "10 p.m.
		// Wednesday" a TIME; the rule says which
		r.typ = m.rule.typ
	}
	r.value = r.at.String()
	return r, true
}

// normRef gives a fixed value: the rule's argument, or the word's own
// (now = PRESENT_REF).
func normRef(c *context, m *match) (result, bool) {
	v := m.rule.arg
	if v == "" {
		v = m.s.ref
	}
	if v == "" {
		return result{}, false
	}
	return result{typ: m.rule.typ, value: v, mod: m.s.mod}, true
}

// normSet writes a recurrence: P1D for "daily", "every week"; XXXX-WXX-5
// for "every Friday", "on Fridays".
func normSet(c *context, m *match) (result, bool) {
	s := &m.s
	v := m.rule.arg
	switch {
	case v != "":
	case s.freq != "":
		v = s.freq
	case s.weekday != 0:
		v = "XXXX-WXX-" + strconv.Itoa(s.weekday)
		if s.pod != "" {
			v += "T" + s.pod
		}
	case s.month != 0:
		v = "XXXX-" + two(s.month)
	case s.pod != "":
		v = "XXXX-XX-XXT" + s.pod
	case s.unit != "":
		d, ok := normDuration(c, &match{rule: m.rule, s: slots{unit: s.unit, num: max(s.num, 1), numSet: true}})
		if !ok {
			return result{}, false
		}
		v = d.value
	default:
		return result{}, false
	}
	return result{typ: Set, value: v}, true
}

// normAnaphor resolves expressions that point at a date already
// mentioned: "that day", "the same year", "the next day", "the previous
// month", "the following week".
func normAnaphor(c *context, m *match) (result, bool) {
	s := &m.s
	if s.plural && s.unit != "" {
		return vagueSpan(s) // "the following days"
	}
	switch {
	case s.unit == "" && m.rule.arg != "":
		s.unit = m.rule.arg // "the latest period" is a quarter
	case s.unit == "" && s.pod != "":
		s.unit = "D" // "that morning" is a time of the day last named
	case s.month != 0 || s.season != "":
		// "the previous April", "the next spring"
		ref := c.refPoint()
		p := c.monthFrom(ref, s.month, s.rel)
		if s.season != "" {
			p = seasonFrom(ref, s.season, s.rel)
		}
		return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
	}
	g := unitGran(s.unit)
	if g == gNone || g == gTime {
		return result{}, false
	}
	// "that day" is the last day named; "the next day" follows whatever
	// was named last, and is no more precise than it
	ref := c.refAt(g)
	if s.rel != 0 {
		ref = c.refPoint()
	}
	if last := c.lastAt[g]; g == gQuarter && last.known() {
		ref = last // "the quarter" is the quarter last named, even after a day
	} else if g == gQuarter && c.anchor.known() && !c.narrative {
		// a quarter not yet named is the last one reported on
		ref = c.anchor.shift(gQuarter, -1)
	}
	if !ref.known() {
		return result{typ: Date, value: point{g: g, y: unknownYear}.String(), mod: s.mod}, true
	}
	if ref.g < g {
		if s.rel != 0 {
			return result{typ: Date, value: ref.String(), mod: s.mod, at: ref}, true
		}
		g = ref.g
	}
	p := ref.shift(g, s.rel)
	if s.unit == "WE" {
		p.wkend = true
	}
	r := result{typ: Date, mod: s.mod, at: p}
	if s.pod != "" && p.g == gDay {
		r.typ, r.at = Time, withTime(p, s)
	}
	r.value = r.at.String()
	return r, true
}

// normParse reads a numeric date ("2016-08-07", "8/7/2016") with
// dateparse, which knows the many orders such dates come in.
func normParse(c *context, m *match) (result, bool) {
	span := c.text[c.toks[m.from].start:c.toks[m.to-1].end]
	t, err := dateparse.ParseStrict(span)
	if err != nil || t.Year() < 1000 {
		return result{}, false
	}
	p := dayPoint(t)
	return result{typ: Date, value: p.String(), at: p}, true
}

// normClock resolves a clock time ("5 p.m.", "1400 GMT", "noon") on the
// day last mentioned, or the anchor's.
func normClock(c *context, m *match) (result, bool) {
	s := &m.s
	day := c.refAt(gDay)
	if d, ok := c.dayAhead(m); ok {
		day = d // "at 5:34 AM Baghdad time on March 20, 2003"
	}
	if !day.known() || day.g < gDay {
		day = point{g: gDay, y: unknownYear}
	}
	day.g = gDay
	p := withTime(day, s)
	return result{typ: Time, value: p.String(), mod: s.mod, at: p}, true
}

// normRangeDay resolves the second day of a range or list, "31" in "July
// 23-31" or "the 5th and 6th": the month and year of the day just named.
func normRangeDay(c *context, m *match) (result, bool) {
	prev := c.last()
	if c.lastEnd != m.from || prev.g != gDay || prev.m == 0 {
		return result{}, false // the connector must follow a day at once
	}
	p := point{g: gDay, y: prev.y, m: prev.m, d: m.s.day}
	if m.s.year != 0 {
		p.y = m.s.year
	}
	if p.d <= prev.d && p.y == prev.y || p.d > daysIn(p.m, p.y) {
		return result{}, false
	}
	return result{typ: Date, value: p.String(), at: p}, true
}

// normRangeYear resolves a year shortened after another: "17" in
// "1916-17" is 1917.
func normRangeYear(c *context, m *match) (result, bool) {
	prev := c.last()
	if c.lastEnd != m.from || prev.g != gYear || !prev.known() {
		return result{}, false
	}
	p := point{g: gYear, y: prev.y/100*100 + m.s.year}
	if p.y <= prev.y {
		return result{}, false
	}
	return result{typ: Date, value: p.String(), at: p}, true
}

// normPeriodOf resolves a period named by a day just after it: "the
// quarter ended Sept. 30" is the third quarter, "the week of March 6" the
// week that holds March 6. The argument is the unit.
func normPeriodOf(c *context, m *match) (result, bool) {
	for j := m.to; j < len(c.toks) && j < m.to+3; j++ {
		for _, next := range c.rules.matchesAt(c.text, c.toks, j, nil) {
			if next.rule.action != "date" || next.s.month == 0 || next.s.day == 0 {
				continue
			}
			r, ok := normDate(c, &next)
			if !ok || r.at.g != gDay || !r.at.known() {
				continue
			}
			p := at(r.at.date(), unitGran(m.rule.arg))
			return result{typ: Date, value: p.String(), at: p}, true
		}
	}
	return result{}, false
}
