package timex

import "strings"

// Narrative mode and anaphora: expressions counted from the last date the
// text mentioned ("the next day", "that year") rather than from the
// article's own date.
//
// A history has no date of its own: it tells a story in order, and a date
// said without a year ("On 15 July", "by the winter") belongs where the
// story stands. The story (context.story) moves with each date the text
// mentions, unless the date is a digression: a date in parentheses, the
// end of a stretch ("until February 1945"), a date naming a thing ("the
// August 1792 uprising") or a look back that lies before the story (told
// as one, or in the past perfect), a bare year far off said in passing ("a law of
// 1614"). A year said again keeps the month the story reached in it, and
// a season said without a year does not move it. Relative expressions
// and anaphora count from the story; months earlier in the year than the
// story's are next year's when they lie eight months or more back, and a
// winter after midsummer is the coming one.

// narrativeYearBase is the date whose year a date said without one takes
// in a history: where the story stands (see tell), or the last date
// mentioned before the story has one.
func (c *context) narrativeYearBase() point {
	if c.story.known() {
		return c.story
	}
	return c.refPoint()
}

// tell moves the story of a history to a date the text just mentioned,
// unless the date is a digression from it. A year said again keeps the
// month or day the story had reached in it: "December 7, 1941" and "1941"
// leave the story in December.
func (c *context) tell(m *match, r result) {
	if c.story.known() && c.digression(m, r) {
		return
	}
	if r.at.g <= gYear && c.story.g > gYear && c.story.y == r.at.y {
		return
	}
	if r.at.g == gSeason && c.story.g >= gMonth && m.s.year == 0 {
		return // "over the winter" does not say where in it the story is
	}
	c.story = r.at
}

// digression reports whether a date mentioned is an aside that leaves the
// story where it was: a date in parentheses ("the Civil Constitution of
// the Clergy (1790)"), the end of a stretch ("a siege that lasted until
// the fall of Budapest in February 1945"), a date naming a thing ("the August 1792
// uprising") or a look back ("the previous April", "two years earlier",
// or a date before the story in a clause told in the past perfect:
// "forces that had invaded Burma in late 1943"), or a bare year far from
// the story told mid-sentence ("a law of 1614").
// A year that opens its sentence ("In 1943, ...") moves the story however
// far.
func (c *context) digression(m *match, r result) bool {
	from := m.from + m.rule.lead
	prev := c.tokenKey(from - 1)
	switch {
	case prev == "(", c.untilBefore(from), c.opensMonthRange(m):
		return true
	case c.pluperfect(from) && comparePeriods(r.at, c.story) < 0:
		return true
	case m.rule.action == actDate && determiners[prev] && c.tokenKey(from) != "the",
		m.rule.action == actAnaphor || m.rule.action == actShift || m.rule.action == actRel:
		return comparePeriods(r.at, c.story) < 0
	case r.at.g <= gYear:
		return abs(r.at.y-c.story.y) > 3 && !c.opensSentence(from) && !c.endsLine(m.to)
	}
	return false
}

// opensMonthRange reports a month that starts a range or list of months,
// "from October to March": the story goes to where the range ends, and
// the end's year is read from where the story stood before it.
func (c *context) opensMonthRange(m *match) bool {
	if m.s.month == 0 || m.to+1 >= len(c.toks) || !seriesWords[c.toks[m.to].key] {
		return false
	}
	for _, next := range c.rules.matchesAt(c.text, c.toks, m.to+1, nil) {
		if next.rule.action == actDate && next.s.month != 0 {
			return true
		}
	}
	return false
}

// untilBefore reports whether "until" leads to the token at i within its
// clause: "lasted until the fall of Budapest in February 1945".
func (c *context) untilBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-6 && c.toks[j].kind == tokWord; j-- {
		if k := c.toks[j].key; k == "until" || k == "till" {
			return true
		}
	}
	return false
}

// endsLine reports whether the token at i starts a new line, or the text
// ends before it: a date that ends its line ends a heading ("Estates-General
// of 1789").
func (c *context) endsLine(i int) bool {
	return i >= len(c.toks) || c.toks[i].paraBreak
}

// determiners make the date after them part of a name: "the 1943
// offensive", "a May 1968 strike".
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// opensSentence reports whether the token at i begins its sentence or
// paragraph, after at most two words: "In 1943, ...", "Early in 1915".
func (c *context) opensSentence(i int) bool {
	for n := 0; n <= 2; n, i = n+1, i-1 {
		if i <= 0 || c.toks[i].paraBreak || endsSentence(&c.toks[i-1]) {
			return true
		}
		if c.toks[i-1].kind != tokWord {
			return false
		}
	}
	return false
}

// yearLater finds the year of a date said without one in a history from
// a month or season said with its year later in the same sentence:
// "launched their summer offensive against southern Russia in June 1942",
// or from a year said of the thing it names: "the Spring Offensive of
// 1918".
func (c *context) yearLater(m *match) (int, bool) {
	for j := m.to; j < len(c.toks) && j < m.to+12; j++ {
		if endsSentence(&c.toks[j]) || c.toks[j].paraBreak {
			break
		}
		for _, next := range c.rules.matchesAt(c.text, c.toks, j, nil) {
			s := next.s
			if next.rule.action == actDate && s.year != 0 && !s.yy && (s.month != 0 || s.season != "") &&
				!determiners[c.tokenKey(j-1)] { // not "surpassing the May 2007 high"
				return s.year, true
			}
			if next.rule.action == actDate && s.year != 0 && !s.yy && s.month == 0 && s.season == "" && s.decade == 0 &&
				j-m.to <= 2 && c.tokenKey(j-1) == "of" {
				return s.year, true // "the Spring Offensive of 1918"
			}
		}
	}
	return 0, false
}

// seasonAhead is the year of a season said without one in a history that
// has reached the date b. A winter is named for the year of its January,
// and the winter a story comes to after midsummer is the coming one: "in
// October ... over the winter" is YYYY+1-WI. Other seasons take the
// story's year.
func seasonAhead(b point, season string) int {
	cur := b
	if b.g != gSeason {
		cur = at(b.date(), gSeason)
	}
	if season == "WI" && (cur.part == "SU" || cur.part == "FA" || cur.y > b.y) {
		return b.y + 1
	}
	return b.y
}

// countFromStory resolves a count of units followed by "after" or "before"
// and an event, in a history: "five days after the fall of Girona" is a
// date five days on from where the story stands, not a duration; said
// right after a date, it is that date told another way. News
// reports keep such a count a duration, as TimeML annotates it.
func countFromStory(c *context, m *match) (result, bool) {
	s := &m.s
	if c == nil || !c.narrative || !c.story.known() || m.rule.arg != "" || s.fuzzy || s.half || !s.numSet && s.plural {
		return result{}, false
	}
	arg := c.tokenKey(m.to)
	if g := unitGran(s.unit); arg != "after" && arg != "before" || g == gNone || g == gTime {
		return result{}, false
	}
	for i := m.from - 1; i >= 0 && i >= m.from-2; i-- {
		if spanWords[c.tokenKey(i)] {
			return result{}, false // "held it for about a week before moving"
		}
	}
	if prev := c.last(); c.apposed(m.from) && prev.known() {
		// "On 27 June 1950, two days after the KPA invaded": that date
		return result{typ: Date, value: prev.String(), mod: s.mod, at: prev}, true
	}
	shifted := *m.rule
	shifted.arg, shifted.typ = arg, Date
	return normShift(c, &match{rule: &shifted, from: m.from, to: m.to, s: m.s})
}

// apposed reports whether only a comma or "and" separates the token at i
// from the last expression found.
func (c *context) apposed(i int) bool {
	if c.lastEnd < 0 || c.lastEnd > i || i-c.lastEnd > 2 {
		return false
	}
	for j := c.lastEnd; j < i; j++ {
		if k := c.tokenKey(j); k != "," && k != "and" {
			return false
		}
	}
	return true
}

// spanWords before a count make it a duration even when "after" or
// "before" follows.
var spanWords = map[string]bool{"for": true, "within": true, "in": true, "over": true, "lasting": true, "during": true}

// normAnaphor resolves expressions that point at a date already
// mentioned: "that day", "the same year", "the next day", "the previous
// month", "the following week".
func normAnaphor(c *context, m *match) (result, bool) {
	s := &m.s
	arg := m.rule.arg
	if arg == "news" {
		if c.narrative {
			return result{}, false // histories (TIMEX2) take the event in: "the day after the crossing"
		}
		arg = ""
	}
	if s.plural && s.unit != "" {
		return vagueSpan(s) // "the following days"
	}
	switch {
	case s.unit == "" && arg != "":
		s.unit = arg // "the latest period" is a quarter
	case s.unit == "" && s.pod != "":
		s.unit = "D" // "that morning" is a time of the day last named
	case s.weekday != 0:
		// "the previous Friday", "the following Wednesday": counted from
		// the last day named
		ref := c.refAt(gDay)
		if s.rel == 0 || !ref.known() || ref.g < gDay {
			return result{}, false
		}
		p := c.weekdayFrom(ref.coarsen(gDay), s.weekday, s.rel, m)
		return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
	case s.day != 0:
		// "ended on the 17th": a day of the month last named
		ref := c.refAt(gMonth)
		if !ref.known() || ref.g < gMonth || s.day > daysIn(ref.m, ref.y) {
			return result{}, false
		}
		p := point{g: gDay, y: ref.y, m: ref.m, d: s.day}
		return result{typ: Date, value: p.String(), mod: s.mod, at: p}, true
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
	} else if last := c.refPoint(); g == gDay && last.g == gMonth && last.known() {
		// "last October ... that same day": a day of the month last named
		return result{typ: Date, value: point{g: gDay, y: last.y, m: last.m}.String(), mod: s.mod}, true
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

// pluperfect reports a date in a clause told in the past perfect, a look
// back from where the story stands: "Chinese forces that had invaded
// Northern Burma in late 1943". The nearest tense cue before the date in
// its sentence is "had" followed by a participle.
func (c *context) pluperfect(from int) bool {
	for i, n := from-1, 0; i >= 0 && n < clauseWindow; i, n = i-1, n+1 {
		if endsSentence(&c.toks[i]) || c.toks[i+1].paraBreak {
			return false
		}
		if _, ok := cue(c.toks, i); !ok {
			continue
		}
		if c.toks[i].key != "had" || i+1 >= from {
			return false
		}
		nt := &c.toks[i+1]
		next := strings.ToLower(c.text[nt.start:nt.end])
		return next == "been" || strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "en") || c.toks[i+1].has(catPast)
	}
	return false
}
