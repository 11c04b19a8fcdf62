package timex

// Durations ("three days", "a year or so") and sets ("every week").

import "strconv"

// vagueSpan is a stretch of time of an unknown number of units: "the
// coming years" is PXY.
func vagueSpan(s *slots) (result, bool) {
	d := *s
	d.numSet, d.fuzzy = false, true
	return normDuration(nil, &match{rule: &rule{}, s: d})
}

// normDuration writes a period: P4Y, P3D, PT2H, PXD for "several days".
// normHistDur resolves, in narrative mode only, a unit that a history
// reads as an amount of time though it names one: "during the last week of
// August" is P1W in WikiWars' TIMEX2 annotation. In news the words fall to
// the other rules ("the last week" before the article's date).
func normHistDur(c *context, m *match) (result, bool) {
	if !c.narrative {
		return result{}, false
	}
	return normDuration(c, m)
}

func normDuration(c *context, m *match) (result, bool) {
	if r, ok := countFromStory(c, m); ok {
		return r, true // "five days after the fall of Girona"
	}
	s := &m.s
	if (m.rule.arg == "plural" || m.rule.arg == "phase") && (!s.plural || s.numSet) {
		return result{}, false // "years", "recent weeks": a plural alone
	}
	if m.rule.arg == "phase" {
		if s.unit[0] == 'T' {
			return result{}, false // "the early hours of Thursday" is a part of a day
		}
		s.mod = "" // "the early years" is a stretch of some years, not a start
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
	case "trailing":
		if s.unit != "W" && s.unit != "D" && !c.narrative {
			// "over the past year" in the news is the calendar year
			// before the article's; a history has no such year to
			// count from, and means the twelve months before its story
			return result{}, false
		}
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

// normSet writes a recurrence: P1D for "daily", "every week"; XXXX-WXX-5
// for "every Friday", "on Fridays"; XXXX-07 for "each July". The argument
// "other" skips every second one: "every other week" is P2W; the argument
// "plural" takes only a plural, "Tuesday nights", not "Tuesday night".
func normSet(c *context, m *match) (result, bool) {
	s := &m.s
	v, every := m.rule.arg, 1
	switch v {
	case "other":
		v, every = "", 2 // "every other week" is P2W
	case "plural":
		if !s.plural {
			return result{}, false // "Tuesday night" is one night
		}
		v = ""
	case "rate":
		if !countBefore(c, m.from) {
			return result{}, false // "it lasted a week": a duration
		}
		v = ""
	}
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
		d, ok := normDuration(c, &match{rule: m.rule, s: slots{unit: s.unit, num: max(s.num, 1) * every, numSet: true}})
		if !ok {
			return result{}, false
		}
		v = d.value
	default:
		return result{}, false
	}
	if c != nil && c.narrative && m.rule.arg != "rate" && c.tokenKey(m.from) != "per" {
		// histories are annotated in TIMEX2, which writes a recurrence
		// as the calendar point it repeats with Xs ("daily" XXXX-XX-XX,
		// "weekly" XXXX-WXX) and leaves the period to an attribute;
		// a rate ("10,000 per day") stays P1D
		if x, ok := timex2Sets[v]; ok {
			v = x
		}
	}
	return result{typ: Set, value: v}, true
}

// timex2Sets are the TIMEX2 values of the recurrences of one unit.
var timex2Sets = map[string]string{
	"P1D": "XXXX-XX-XX", "P1W": "XXXX-WXX", "P1M": "XXXX-XX", "P1Y": "XXXX",
}

// countBefore reports a count among the three tokens before from, with no
// punctuation or preposition between: "four flights [a week]", "$1.76 [a
// year]", "30 attacks [a day]", "twice [a week]". "N things a unit" is a
// rate, which TimeML writes as a SET of that unit, not a duration. A count
// is a number or a word of lexicon.txt's count list ("hundreds of
// interviews a day"); a word of its rate-stop list ends the look-back: a
// count before it is not what the unit divides ("for 3 days in a week").
func countBefore(c *context, from int) bool {
	if c == nil {
		return false
	}
	for i := from - 1; i >= 0 && i >= from-3; i-- {
		t := &c.toks[i]
		switch {
		case t.kind == tokNum:
			return true
		case t.kind == tokPunct || t.has(catRateStop) || t.paraBreak && i < from-1:
			return false
		case t.has(catCount):
			return true
		}
	}
	return false
}
