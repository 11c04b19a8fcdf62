package timex

import (
	"time"
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

// An action is what a rule does with its match, named in rules.txt's
// third column: which normalizer computes the value.
type action uint8

const (
	actDate      action = iota // an explicit calendar value: "August 7, 2016"
	actRel                     // a unit counted from the anchor: "last Tuesday"
	actShift                   // an offset: "two weeks ago"
	actDur                     // a duration: "three days"
	actDeictic                 // the anchor's own period: "today", "this week"
	actWeekday                 // a bare weekday, direction from tense
	actRef                     // a vague reference: "now", "the past"
	actSet                     // a recurrence: "every week"
	actAnaphor                 // counted from the last date: "the next day"
	actParse                   // a numeric date handed to dateparse
	actClock                   // a clock time: "15:00 GMT"
	actSkip                    // words that look like dates but are not ("prices fall")
	actRangeDay                // the second day of a range: "-31" in "July 23-31"
	actPeriodOf                // a part of a named period: "the end of July"
	actRangeYear               // the second year of a range: "1990-95"
	actHistRef                 // a vague reference marked in histories only: "former"
	actNewsRef                 // a vague reference marked in news only: "may soon"
	actHistDur                 // a duration marked in histories only: "the last week of August"
)

// actions names each action as rules.txt writes it.
var actions = map[string]action{
	"date": actDate, "rel": actRel, "shift": actShift, "dur": actDur,
	"deictic": actDeictic, "weekday": actWeekday, "ref": actRef,
	"set": actSet, "anaphor": actAnaphor, "parse": actParse,
	"clock": actClock, "skip": actSkip, "rangeday": actRangeDay,
	"periodof": actPeriodOf, "rangeyear": actRangeYear, "histref": actHistRef,
	"newsref": actNewsRef, "histdur": actHistDur,
}

// normalizers holds each action's normalizer.
var normalizers = [...]normalizer{
	actDate:      normDate,
	actRel:       normRel,
	actShift:     normShift,
	actDur:       normDuration,
	actDeictic:   normDeictic,
	actWeekday:   normWeekday,
	actRef:       normRef,
	actSet:       normSet,
	actAnaphor:   normAnaphor,
	actParse:     normParse,
	actClock:     normClock,
	actSkip:      func(*context, *match) (result, bool) { return result{}, false },
	actRangeDay:  normRangeDay,
	actPeriodOf:  normPeriodOf,
	actRangeYear: normRangeYear,
	actHistRef:   normHistRef,
	actNewsRef:   normNewsRef,
	actHistDur:   normHistDur,
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
	// reported is the latest quarter named that had ended by the anchor:
	// the quarter a business report is about (see reportQuarter).
	reported point
	// seq orders lastAt: seq[g] is when lastAt[g] was mentioned.
	seq   [gTime + 1]int
	count int
	// lastEnd is the token after the last expression found.
	lastEnd int
	// story is the date a history has reached, in narrative mode: the
	// last date mentioned that was not a digression (see tell).
	story point
	// from, when known, is the date a shift counts from instead of the
	// reference time: the one said right after it, "the day before
	// [Tuesday]'s vote" (see engine.shiftFromDate).
	from point
}

// base is the point relative expressions count from: the anchor in news
// mode; in narrative mode where the story stands (see tell), or before it
// has a date the last one mentioned.
func (c *context) base() point {
	if c.narrative && c.story.known() {
		return c.story
	}
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
	if c.narrative && c.story.known() {
		return c.story // a digression is not what "the next year" follows
	}
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

// connectors join the members of a list or a range of dates.
var connectors = map[string]bool{
	"and": true, "or": true, "to": true, "-": true, "through": true,
	"until": true, "till": true, ",": true, "/": true,
}

// lookahead is how far ahead of the anchor a date said without a year
// or a tense may lie: "payable Dec. 15", written on November 2, is next
// month's, but a bare "in March" written in October is last March.
const lookahead = 100 * 24 * time.Hour

// lookback is how far before the anchor a day may lie and still be this
// year's under a future tense: "the deadline, Aug. 7, will pass" said on
// August 8 is a slip of tense, not next year.
const lookback = 30 * 24 * time.Hour
