package timex

// Relative and deictic expressions: units counted from the anchor ("last
// Tuesday", "next month"), offsets ("two weeks ago"), the anchor's own
// period ("today", "this year") and bare weekdays, whose direction comes
// from the tense of their clause.

import (
	"strings"
	"time"
)

// normRel resolves "last month", "next week", "this year", "last Friday",
// "this morning", "last summer", "next April", "last Thanksgiving".
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
	case s.holiday != "" && b.known():
		r.at = holidayFrom(b, s.holiday, s.rel)
		if s.eve {
			r.at = holidayEve(r.at)
		}
	case s.month != 0 && ofYear:
		r.at = point{g: gMonth, y: b.y + s.rel, m: s.month}
	case s.month != 0:
		r.at = c.monthFrom(b, s.month, s.rel)
		if s.rel < 0 && b.known() && s.month == (b.m+10)%12+1 {
			// the month just before is "last month"; named, "last
			// February" said in March is the year before's
			r.at = point{g: gMonth, y: b.y - 1, m: s.month}
			if s.month == 12 {
				r.at.y = b.y - 2
			}
		}
	case s.season != "" && ofYear:
		r.at = point{g: gSeason, y: b.y + s.rel, part: s.season}
	case s.season != "" && m.rule.arg == "this" && s.rel < 0 && b.known() && at(b.date(), gSeason).part == s.season:
		r.at = at(b.date(), gSeason) // "this past summer" said in August: the summer now ending
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
// before it, +1 the next one after it, and 0 base itself when it falls on
// wd, else by the clause's tense. A weekday in the possessive names an
// event of its own, "would look for ways around Wednesday's ruling": the
// verb's tense is not its, and like any news without a cue it is past
// (TimeBank+AQUAINT: 5 of the 5 not on the day of writing).
func (c *context) weekdayFrom(b point, wd, dir int, m *match) point {
	if !b.known() || b.g < gDay {
		return point{g: gWeek, y: unknownYear, wday: wd} // XXXX-WXX-2
	}
	d := b.date()
	cur := (int(d.Weekday())+6)%7 + 1 // Monday = 1
	if dir == 0 && cur == wd {
		// a bare weekday that is the anchor's own is the day of writing,
		// whatever the tense: "the court refused Thursday", "will meet
		// Friday" said on a Friday
		return dayPoint(d)
	}
	if dir == 0 {
		dir = -1
		if !possessive(c.toks, m.to) && tenseAt(c.toks, m.from, m.to) == tenseFuture {
			dir = 1
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

// holidayFrom finds "last Thanksgiving" (the one before base), "next
// Christmas" (the one after it) and "this Easter" (base's year's).
func holidayFrom(b point, code string, dir int) point {
	on := func(y int) point {
		if code == "easter" {
			return easter(y)
		}
		return point{g: gDay, y: y, m: holidayMonth(code), d: holidayDay(code, y)}
	}
	p := on(b.y)
	switch cmp := comparePeriods(p, b); {
	case dir < 0 && cmp >= 0:
		p = on(b.y - 1)
	case dir > 0 && cmp <= 0:
		p = on(b.y + 1)
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
// mentioned date. The value has the granularity of the unit. The args
// before-event and after-event take a plural alone, "the weeks before the
// vote": some time near an event the text does not date, never a day
// counted from the last one mentioned.
func normShift(c *context, m *match) (result, bool) {
	s := &m.s
	if k := c.tokenKey(m.to - 1); (k == "before" || k == "after") && opensClause(c, m.to) {
		// "the day before returning home", "the day before authorities
		// issued a warrant": "before" joins an event to "the day", which
		// is no day counted from the last one
		return result{}, false
	}
	base, dir := c.now(), -1
	g := unitGran(s.unit)
	if m.rule.arg == "near" {
		if s.plural || !eventFollows(c, m.to+1) {
			return result{}, false
		}
		return nearEvent(base, g, s.mod)
	}
	arg, event := strings.CutSuffix(m.rule.arg, "-event")
	if event && (!s.plural || s.numSet) {
		return result{}, false
	}
	switch arg {
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
	if c.from.known() {
		base = c.from
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
	if g == gYear && n == 1 && !c.narrative && (namesQuarter(c, m) || c.lastAt[gQuarter].known() && reportsFigure(c, m) && !spansMonths(c, m.from)) {
		// in a report on a quarter, "a year earlier" and "the year-ago
		// period" are that quarter's year-ago counterpart
		if q := c.reportQuarter(); q.known() {
			p := q.shift(gQuarter, -4)
			return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
		}
	}
	if base.known() && base.g < g {
		// "two days ago" from a year-precise base is only that year
		g, step = base.g, stepAt(base.g, g, step)
	}
	p := base.shift(g, dir*step)
	return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
}

// opensClause reports a clause or a gerund at token i, after "before" or
// "after": a word in -ing that names no time ("returning", not
// "morning"), a subject pronoun, or a verb after a word or two of subject
// ("authorities issued", "Congress voted").
func opensClause(c *context, i int) bool {
	if i >= len(c.toks) || c.toks[i].kind != tokWord {
		return false
	}
	t := &c.toks[i]
	if t.has(catSubject) {
		return true
	}
	if strings.HasSuffix(t.key, "ing") && len(t.entries()) == 0 && !startsUpper(c.text[t.start:t.end]) {
		return true
	}
	for j := i; j < len(c.toks) && j <= i+2; j++ {
		u := &c.toks[j]
		if u.kind != tokWord {
			return false
		}
		// a verb after a subject: not right after "before", where it is
		// the phrase's own ("the year before was a record")
		if j > i && (u.has(catPast) || u.has(catPresent) || u.has(catFuture) || u.has(catPerfect) ||
			strings.HasSuffix(u.key, "ed") && len(u.entries()) == 0) {
			return true
		}
	}
	return false
}

// nearEvent is "the week following the squeeze": a week of the
// reference year next to an event the words do not date, 1989-WXX; not
// the reference week, which the words do not say.
func nearEvent(base point, g gran, mod string) (result, bool) {
	if g != gWeek && g != gMonth {
		return result{}, false
	}
	y := unknownYear
	if base.known() {
		y = base.y
	}
	p := point{g: g, y: y}
	return result{typ: Date, value: p.String(), mod: mod}, true
}

// eventWords open a noun phrase that names an event, not a date:
// "following [the] squeeze", "after [last] month's vote".
var eventWords = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "last": true, "this": true, "that": true,
}

func eventFollows(c *context, i int) bool {
	return i < len(c.toks) && !c.toks[i].paraBreak && eventWords[c.toks[i].key]
}

// namesQuarter reports whether the words of m name a quarter or a period
// of a report: "the year-ago quarter", "the year-earlier period".
func namesQuarter(c *context, m *match) bool {
	for _, t := range c.toks[m.from:m.to] {
		if t.key == "quarter" || t.key == "period" {
			return true
		}
	}
	return false
}

// sentenceWindow bounds how far back a sentence is read for the months
// it reports on: a long sentence of figures still ends within it.
const sentenceWindow = 64

// spansMonths reports whether the sentence before token i reports on a
// run of months shorter than a year: "for the nine months, net was $18.9
// million, against a loss a year earlier" compares with the same months
// of the year before, a period that only that year holds, not the
// quarter the report is otherwise about.
func spansMonths(c *context, i int) bool {
	for j := i - 1; j > 0 && i-j <= sentenceWindow; j-- {
		if endsSentence(&c.toks[j]) || c.toks[j+1].paraBreak {
			break
		}
		if n := &c.toks[j-1]; c.toks[j].key == "months" && n.kind == tokNum && n.num > 1 && n.num < 12 {
			return true
		}
	}
	return false
}

// saysQuarter reports whether the words of m say "quarter", not only
// "period".
func saysQuarter(c *context, m *match) bool {
	for _, t := range c.toks[m.from:m.to] {
		if t.key == "quarter" {
			return true
		}
	}
	return false
}

// figureWords mark a sentence that reports a period's results: profit,
// sales, a dividend, an amount of money.
var figureWords = map[string]bool{
	"net": true, "earnings": true, "earned": true, "profit": true, "profits": true,
	"revenue": true, "revenues": true, "sales": true, "income": true, "loss": true,
	"losses": true, "results": true, "share": true, "cents": true, "pence": true,
	"dividend": true, "quarter": true, "period": true, "$": true, "#": true,
}

// reportsFigure reports whether the sentence around m reports a figure of
// a period: in a report on a quarter, "$84.9 million a year earlier" is
// the year-ago quarter, but "13 facilities, up from seven a year ago" is
// a count a year before the report.
func reportsFigure(c *context, m *match) bool {
	for i := m.from - 1; i >= 0 && m.from-i <= clauseWindow; i-- {
		if endsSentence(&c.toks[i]) || c.toks[i+1].paraBreak {
			break
		}
		if figureWord(c, i) {
			return true
		}
	}
	for i := m.to; i < len(c.toks) && i-m.to < clauseWindow; i++ {
		if c.toks[i].paraBreak || endsSentence(&c.toks[i]) {
			break
		}
		if figureWord(c, i) {
			return true
		}
	}
	return false
}

func figureWord(c *context, i int) bool {
	t := &c.toks[i]
	return t.kind != tokNum && figureWords[lower(c.text[t.start:t.end])]
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

// inName reports a capitalized word, as "Today", that continues a name:
// the word before it is capitalized too and does not open the sentence.
func inName(c *context, i int) bool {
	t := &c.toks[i]
	if i < 2 || !startsUpper(c.text[t.start:t.end]) || t.paraBreak {
		return false
	}
	prev, before := &c.toks[i-1], &c.toks[i-2]
	return prev.kind == tokWord && startsUpper(c.text[prev.start:prev.end]) &&
		!prev.paraBreak && !endsSentence(before) && before.kind != tokPunct
}

// normDeictic resolves today, yesterday, tomorrow, tonight, overnight.
func normDeictic(c *context, m *match) (result, bool) {
	if m.to == m.from+1 && inName(c, m.from) {
		return result{}, false // "VOA Today", "USA Today": a programme, a paper
	}
	s := &m.s
	b := c.now()
	if s.deictic == "overnight" && !c.narrative {
		// "overnight" is the night before the day the report has reached,
		// as "the night before" is: "closed lower Friday ... depressed by
		// overnight losses in New York" is Thursday night. That day is one
		// of the report's own week, not a date recalled ("the bombings on
		// Aug. 7"); before any is named it is the day of writing.
		if ref := c.last(); ref.known() && ref.g >= gDay && b.known() && b.g >= gDay {
			back := b.date().Sub(ref.coarsen(gDay).date())
			if back > 0 && back <= 7*24*time.Hour {
				b = ref.coarsen(gDay)
			}
		}
	}
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
		if b.known() && offset == 0 && !c.narrative {
			p = b
		}
		// a history whose story has no day yet: "today" in a speech it
		// quotes is some day, XXXX-XX-XX, not the year the story is in
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
	if s.pod == "" && !s.clock {
		if pod, ok := sharedPlural(c, m.to); ok {
			// "on Monday and Tuesday nights": each Monday night, as each
			// Tuesday night; the plural is said once for the list
			return result{typ: Set, value: point{g: gWeek, y: unknownYear, wday: s.weekday}.String() + "T" + pod}, true
		}
	}
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

// sharedPlural reports a list of weekdays from token i on that ends in a
// plural part of the day, "and Tuesday nights", ", Wednesday and Friday
// mornings", and that part's code.
func sharedPlural(c *context, i int) (string, bool) {
	for n := 0; n < 6 && i+1 < len(c.toks); n++ {
		if k := c.tokenKey(i); k != "and" && k != "or" && k != "," {
			return "", false
		}
		i++
		if k := c.tokenKey(i); k == "and" || k == "or" {
			i++ // ", and Friday nights"
		}
		if i >= len(c.toks) || !c.toks[i].has(catWeekday) {
			return "", false
		}
		i++
		if i < len(c.toks) {
			t := &c.toks[i]
			if en, ok := t.get(catPOD); ok && strings.HasSuffix(t.key, "s") {
				return en.code, true
			}
		}
	}
	return "", false
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

// normHistRef resolves a vague reference that histories mark and news
// does not: "the former king" is PAST_REF in narrative mode, following the
// TIMEX2 guidelines war histories are annotated by, and nothing in news,
// whose TimeML annotation leaves "former" out. A part of the day said
// alone, "they moved only at night", is some night: XXXX-XX-XXTNI.
func normHistRef(c *context, m *match) (result, bool) {
	if !c.narrative {
		return result{}, false
	}
	if m.s.pod != "" {
		return result{typ: Date, value: "XXXX-XX-XXT" + m.s.pod}, true
	}
	return normRef(c, m)
}

// normNewsRef resolves a vague reference that news marks and histories do
// not: "prosecutors may soon seek an indictment" is FUTURE_REF in news,
// whose TimeML annotation marks "soon" beside a modal, and nothing in
// narrative mode, whose TIMEX2 histories leave "soon" out.
func normNewsRef(c *context, m *match) (result, bool) {
	if c.narrative {
		return result{}, false
	}
	return normRef(c, m)
}
