package timex

// Narrative mode and anaphora: expressions counted from the last date the
// text mentioned ("the next day", "that year") rather than from the
// article's own date.

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
