package timex

// Calendar dates: explicit values ("August 7, 2016", "the 1990s", "the
// third quarter"), the year a bare month or day falls in, holidays, clock
// times and the second halves of ranges.

import (
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

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
	if m.rule.arg == "rangebc" {
		y, ok := c.eraAhead(m)
		if !ok {
			return result{}, false
		}
		p.y = y // "499" in "499-493 BC"
	}
	if m.rule.arg == "year" && s.numSet && s.num >= 1000 && s.num < 2200 {
		p.y = s.num // "the year two thousand"
	}
	if m.rule.arg == "any" {
		p.y = unknownYear // "winter quarters": a kind of camp, any winter's
	}
	if m.rule.arg == "newyear" {
		s.holiday = "01-01" // "New Year's Day" (its Eve is the day before)
	}
	switch {
	case s.decade != 0 && s.decade < 100 && s.era >= 0:
		return result{}, false // "the 470s" is said with its era
	case s.decade != 0:
		p.g, p.y = gDecade, s.decade*10
		if s.era < 0 {
			p.y = -p.y // "the 470s BC"
		}
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
	case m.rule.arg == "Q" && (p.y != 0 || s.relSet) && !saysQuarter(c, m) && spansMonths(c, m.from):
		// "for the nine months, against a loss in the 1988 period": those
		// months of 1988, which only the year holds
		p.g = gYear
	case m.rule.arg == "Q":
		// "the latest quarter", "the 1988 quarter", "last year's
		// period": the quarter the report is about, in the year said
		q := c.reportQuarter()
		p.g, p.m = gQuarter, q.m
		if p.y == 0 && !s.relSet {
			p.y = q.y
		}
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
		if b := c.now(); s.relSet && !s.anaphoric && b.known() {
			p.y = b.y + s.rel // "June last year", "last year's third quarter"
		} else if s.that || s.anaphoric {
			p.y = c.refPoint().y + s.rel // "August of that year", "May of the following year"
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
		} else if s.eve {
			p = holidayEve(p)
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

// reportQuarter is the quarter a business report is about: the last
// quarter named, unless that one has not ended by the anchor (news reports
// the results of ended quarters), else the last quarter ended before the
// anchor. Its year is unknownYear, and its quarter 0, without an anchor.
func (c *context) reportQuarter() point {
	if c.narrative || !c.anchor.known() {
		if last := c.lastAt[gQuarter]; last.known() {
			return last
		}
		return point{g: gQuarter, y: unknownYear}
	}
	if c.reported.known() {
		return c.reported
	}
	return c.anchor.coarsen(gQuarter).shift(gQuarter, -1)
}

// noteQuarter keeps q as the reported quarter if it had ended by the
// anchor and is the latest such named: "third-quarter profit rose ...
// after a flat second quarter" still reports on the third. A quarter
// said to have ended has, whatever its number: "the fourth quarter ended
// Sept. 30" in November is a fiscal year's, and reported on.
func (c *context) noteQuarter(q point, saidEnded bool) {
	ended := c.anchor.coarsen(gQuarter).shift(gQuarter, -1)
	if (saidEnded || comparePeriods(q, ended) <= 0) && (!c.reported.known() || comparePeriods(q, c.reported) > 0) {
		c.reported = q
	}
}

// dayAhead finds a full date said within a few words after a clock time.
func (c *context) dayAhead(m *match) (point, bool) {
	for j := m.to; j < len(c.toks) && j < m.to+5; j++ {
		if endsSentence(&c.toks[j]) || c.toks[j].paraBreak {
			break
		}
		for _, next := range c.rules.matchesAt(c.text, c.toks, j, nil) {
			s := next.s
			if next.rule.action == actDate && s.year != 0 && s.month != 0 && s.day != 0 && !s.yy {
				return point{g: gDay, y: s.year, m: s.month, d: s.day}, true
			}
		}
	}
	return point{}, false
}

// yearAhead finds the year of a date said without one from the date that
// follows it in a list or range: "between March and April 1918", "July
// 23-31, 2016". Lists and ranges run forward, so a month later in the
// year than the one after it is of the year before: "from November to
// February 1942" starts in November 1941, and "from October to March",
// said with no year, starts the year before the March the text means.
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
	ranged := seriesWords[c.toks[m.to].key]
	for _, next := range c.rules.matchesAt(c.text, c.toks, i, nil) {
		if next.rule.action != actDate || next.s.yy {
			continue
		}
		// a list or range runs forward: "from October to March 1945"
		// starts in October 1944
		back := 0
		if m.s.month != 0 && next.s.month != 0 && m.s.month > next.s.month {
			back = 1
		}
		switch {
		case next.s.year != 0 && (next.s.month != 0 || next.s.season != ""):
			return next.s.year - back, true
		case ranged && back == 1 && next.s.year == 0 && next.s.day == 0 && !next.s.relSet && !next.s.anaphoric && !next.s.that:
			// "from October to March": the year of March, less one
			y := c.inferYear(point{g: gMonth, m: next.s.month}, &next)
			if y == unknownYear {
				return 0, false
			}
			return y - 1, true
		}
	}
	return 0, false
}

// seriesWords join the two ends of a range of dates or the last two of a
// list, which run forward in time: "from October to March", "the carnage
// of November and January".
var seriesWords = map[string]bool{"to": true, "-": true, "through": true, "until": true, "till": true, "and": true}

// eraAhead finds the era of a year said as a bare number from the year
// that ends its range: 499 in "499-493 BC" or "264 to 241 BC" is 499 BC.
// Years before Christ count down, so the first must be the larger.
func (c *context) eraAhead(m *match) (int, bool) {
	i := m.to
	if !m.s.numSet || i+2 >= len(c.toks) || c.toks[i].key != "-" && c.toks[i].key != "to" {
		return 0, false
	}
	end, era := &c.toks[i+1], &c.toks[i+2]
	e, ok := era.get(catEra)
	if !ok || e.num >= 0 || end.kind != tokNum || end.suffix != "" || end.num >= m.s.num {
		return 0, false
	}
	return -m.s.num, true
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

// holidayEve is the eve of the holiday on day p: the day before it,
// December 24 for Christmas, December 31 of the year before for New
// Year's Day. Without a year the day is still known when the holiday
// has a fixed one.
func holidayEve(p point) point {
	y := p.y
	if y == unknownYear {
		y = 2001 // any year that is no leap year: only month and day are kept
	}
	d := time.Date(y, time.Month(p.m), p.d, 12, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	q := dayPoint(d)
	if p.y == unknownYear {
		q.y = unknownYear
	}
	return q
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
// names an earlier one. A bare month two or more months ahead in a clause
// with no tense cue is last year's too, as news reports what has happened
// ("changed to a calendar year in December", said in October: 4 of the 4
// such months in TimeBank+AQUAINT); the month right after the anchor's
// stays ahead ("trading for November transactions", said in October).
// In narrative mode it is the year of the last mentioned date: histories
// tell things in order.
func (c *context) inferYear(p point, m *match) int {
	b := c.base()
	if !b.known() {
		return unknownYear
	}
	if c.narrative || !c.anchor.known() {
		if y, ok := c.yearLater(m); ok && c.narrative {
			return y // "their summer offensive against Russia in June 1942"
		}
		b = c.narrativeYearBase()
		// histories move forward: a month well before the last one
		// mentioned is next year's ("December 1941 ... in January")
		if b.g >= gMonth && p.g >= gMonth && b.m-p.m >= 8 {
			return b.y + 1
		}
		if p.g == gSeason && b.g >= gSeason {
			return seasonAhead(b, p.part)
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
	governed := pastVerbJustBefore(c, m.from)
	if governed {
		t, found = tensePast, true
	}
	switch {
	case found && t == tensePast && cmp > 0 && (!near(probe, b, lookahead) || governed):
		// a month just ahead in a past clause is often a plan reported
		// ("said it would hold talks in September"), but not when the
		// past verb governs the date itself ("fighting erupted in
		// September")
		return probe.y - 1
	case p.g == gQuarter || p.g == gHalf:
		// reports come after the quarter: "plans to restructure after a
		// third-quarter loss", "the fiscal first quarter" said in
		// October are this year's; one not begun by the anchor is last
		// year's in a past clause or one with no tense ("reported
		// fourth-quarter results" in January), else this year's ("a
		// fourth-quarter charge is expected")
		if cmp > 0 && (!found || t == tensePast) {
			return probe.y - 1
		}
		return probe.y
	case found && t == tenseFuture && cmp < 0 && !near(probe, b, lookback):
		return probe.y + 1
	case !found && p.g == gMonth && cmp > 0 && !near(probe, b, lookahead):
		return probe.y - 1
	case !found || t == tensePresent:
		return nearestYear(probe, b)
	}
	return probe.y
}

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
		ampm := s.ampm
		if ampm == "" {
			ampm = podHalf(s.pod, h) // "4 in the morning"
		}
		if ampm == "PM" && h < 12 {
			h += 12
		}
		if ampm == "AM" && h == 12 {
			h = 0
		}
		p.hh, p.mm = h, s.minute
		return p
	}
	p.pod = s.pod
	return p
}

// podHalf is the half of the day, AM or PM, that a part of the day puts
// an hour of the clock in: the morning's hours are AM, the afternoon's and
// evening's PM, and the night's PM from six on ("11 at night") and AM
// before ("2 at night"). Without a part of the day it is "".
func podHalf(pod string, hour int) string {
	switch {
	case pod == "MO":
		return "AM"
	case pod == "AF" || pod == "EV" || pod == "NI" && hour >= 6:
		return "PM"
	case pod == "NI":
		return "AM"
	}
	return ""
}

// normParse reads a numeric date ("2016-08-07", "8/7/2016") with
// dateparse, which knows the many orders such dates come in.
func normParse(c *context, m *match) (result, bool) {
	span := c.text[c.toks[m.from].start:c.toks[m.to-1].end]
	if m.rule.arg == "dmy" || m.rule.arg == "mdy" {
		return dayOrMonthFirst(span, m.rule.arg == "mdy")
	}
	t, err := dateparse.ParseStrict(span)
	if err != nil || t.Year() < 1000 {
		return result{}, false
	}
	p := dayPoint(t)
	return result{typ: Date, value: p.String(), at: p}, true
}

// dayOrMonthFirst reads a numeric date written day and month first in
// either order, "12/25/2015" or "25.12.2015". Only one order makes a
// date of "25/12/2015", whatever the custom; when both do, as in
// "07/08/2016", the day is not known, and the value says only the year
// rather than guess July 8 or August 7. monthFirst is the custom the
// rule names, used only when the two numbers are equal.
func dayOrMonthFirst(span string, monthFirst bool) (result, bool) {
	f := strings.FieldsFunc(span, func(r rune) bool { return r < '0' || r > '9' })
	if len(f) != 3 || len(f[2]) != 4 {
		return result{}, false
	}
	a, _ := strconv.Atoi(f[0])
	b, _ := strconv.Atoi(f[1])
	y, _ := strconv.Atoi(f[2])
	m, d := b, a
	if monthFirst {
		m, d = a, b
	}
	switch {
	case y < 1000 || a < 1 || b < 1:
		return result{}, false
	case a <= 12 && b <= 12 && a != b:
		p := point{g: gYear, y: y}
		return result{typ: Date, value: p.String(), at: p}, true
	case m > 12:
		m, d = d, m
	}
	if m > 12 || d > daysIn(m, y) {
		return result{}, false
	}
	p := point{g: gDay, y: y, m: m, d: d}
	return result{typ: Date, value: p.String(), at: p}, true
}

// normClock resolves a clock time ("5 p.m.", "1400 GMT", "noon") on the
// day last mentioned, or the anchor's when no day was: "last year's
// blasts ... at midday" is at noon of the anchor's day, not of a year.
func normClock(c *context, m *match) (result, bool) {
	s := &m.s
	day := c.refAt(gDay)
	if d, ok := c.dayAhead(m); ok {
		day = d // "at 5:34 AM Baghdad time on March 20, 2003"
	}
	if !day.known() || day.g < gDay {
		day = c.base()
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
// week that holds March 6. The argument is the unit. In news mode a
// quarter already under discussion stays the one meant.
func normPeriodOf(c *context, m *match) (result, bool) {
	if last := c.lastAt[gQuarter]; m.rule.arg == "Q" && last.known() && !c.narrative {
		// "the quarter" is still the one under discussion, which a
		// company may number by its fiscal year
		return result{typ: Date, value: last.String(), at: last}, true
	}
	for j := m.to; j < len(c.toks) && j < m.to+3; j++ {
		for _, next := range c.rules.matchesAt(c.text, c.toks, j, nil) {
			if next.rule.action != actDate || next.s.month == 0 || next.s.day == 0 {
				continue
			}
			r, ok := normDate(c, &next)
			if !ok || r.at.g != gDay || !r.at.known() {
				continue
			}
			day := r.at.date()
			if m.rule.arg == "Q" {
				// a quarter is named by its end: "the quarter ended July
				// 31" ran from May to July, mostly the second quarter
				day = day.AddDate(0, 0, -45)
			}
			p := at(day, unitGran(m.rule.arg))
			return result{typ: Date, value: p.String(), at: p}, true
		}
	}
	return result{}, false
}
