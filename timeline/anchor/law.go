package anchor

import "math"

// A law says how far an article's date D lies from a date its text
// mentions, as a probability per day of the signed distance δ = D − X in
// days: δ > 0 when the article came after X. For a period (a month, a
// year) δ is 0 on each day inside it and counts from its nearer end
// outside.
//
// The figures were read off TimeBank and AQUAINT, and a sample of the
// TempEval-3 silver newswire, whose documents carry their creation date:
// news reports a weekday of its lead on the same day three times in four
// (AFP nine in ten); a weekday elsewhere lies up to six days back, most
// often one; a full date said as past lies weeks to years behind the
// article, and about one "past" date in six is in fact ahead of it, a
// maturity or a deadline that no tense word gave away; the latest year a
// text names is its own year hardly one time in ten. law_test.go checks
// that each law is a probability.
type law struct {
	// at is the probability that D lies within the period itself, spread
	// evenly over its days.
	at float64
	// even makes a day inside the period as likely as one just after it,
	// for laws that only bound the date: a bound must not draw the date
	// into its period.
	even bool
	// after and before are decaying tails, D after the period and D
	// before it.
	after, before []tail
	// week replaces at and after for weekdays: week[k] is the probability
	// that D is k days after the weekday named.
	week []float64
}

// tail is an exponential tail: weight w, mean distance mean days.
type tail struct{ w, mean float64 }

// floor keeps every day possible: a clue misread must not rule out the
// truth.
const floor = 1e-9

// density is the law's probability per day at distance δ, for a period of
// n days (1 for a day).
func (l law) density(delta, n int) float64 {
	p := floor
	switch {
	case l.week != nil && delta >= 0:
		if delta < len(l.week) {
			p += l.week[delta]
		}
		return p
	case delta == 0 && l.even:
		delta = 1
	case delta == 0:
		// Inside the period only at counts: the tails are for days
		// outside it.
		return p + l.at/float64(n)
	}
	tails := l.after
	if delta < 0 {
		tails, delta = l.before, -delta
	}
	for _, t := range tails {
		p += t.w * math.Exp(-float64(delta)/t.mean) / t.mean
	}
	return p
}

// mirror is the law of the same kind of clue said of the future: D before
// X instead of after it. Weekdays have a law of their own for that,
// announcedWeek.
func (l law) mirror() law {
	return law{at: l.at, even: l.even, after: l.before, before: l.after}
}

// lawKey picks a law for a clue told as past. A key not listed falls back
// to the same key out of the lead.
type lawKey struct {
	kind kind
	role role
	lead bool
}

// reportedLaws are the laws of clues told as past. Full dates, months of a
// year and years draw the date near only in the nearest role; bounds are
// all alike (see boundLaw).
var reportedLaws = map[lawKey]law{
	{kind: kDay, role: nearest}: {at: 0.03,
		after:  []tail{{0.10, 5}, {0.25, 200}, {0.47, 2000}},
		before: []tail{{0.15, 1000}}},
	{kind: kMonthYear, role: nearest}: {at: 0.06,
		after:  []tail{{0.20, 200}, {0.54, 2500}},
		before: []tail{{0.20, 1000}}},
	{kind: kYear, role: nearest}: {at: 0.10,
		after:  []tail{{0.25, 700}, {0.45, 3000}},
		before: []tail{{0.20, 1000}}},
	{kind: kMonthDay}: {at: 0.005,
		after:  []tail{{0.20, 20}, {0.50, 120}},
		before: []tail{{0.27, 30}}},
	// A lead's "August 7" is mostly the news of the day: of that day or
	// the day before, or the next when a paper dates its issue ahead;
	// else an appointed day some weeks off.
	{kind: kMonthDay, lead: true}: {at: 0.28,
		after:  []tail{{0.32, 1}, {0.10, 30}},
		before: []tail{{0.10, 1}, {0.20, 60}}},
	{kind: kMonth}: {at: 0.10,
		after:  []tail{{0.25, 90}, {0.45, 200}},
		before: []tail{{0.20, 90}}},
	{kind: kWeekday}:             {week: []float64{0.30, 0.30, 0.15, 0.10, 0.05, 0.04, 0.06}},
	{kind: kWeekday, lead: true}: {week: []float64{0.80, 0.07, 0.04, 0.03, 0.02, 0.02, 0.02}},
}

// announcedLaws are the laws of clues with a known year told as to come,
// as D − X like the others. A date ahead is less often near than one
// behind: maturities and deadlines lie years off.
var announcedLaws = map[kind]law{
	kDay:       {at: 0.03, before: []tail{{0.10, 30}, {0.30, 365}, {0.42, 3000}}, after: []tail{{0.15, 1000}}},
	kMonthYear: {at: 0.05, before: []tail{{0.10, 90}, {0.30, 500}, {0.40, 3000}}, after: []tail{{0.15, 1000}}},
	kYear:      {at: 0.10, before: []tail{{0.35, 1000}, {0.35, 3000}}, after: []tail{{0.20, 1000}}},
}

// boundLaw is the law of a date with a known year that is not the
// nearest: it only says the article came after it, and not always that.
var boundLaw = law{even: true, after: []tail{{0.85, 3000}}, before: []tail{{0.15, 1000}}}

// stampLaw is the law of a stamped full date (see isStamp): a tweet or a
// photo of the day, or of the days before.
var stampLaw = law{at: 0.35,
	after:  []tail{{0.35, 3}, {0.15, 60}, {0.05, 1000}},
	before: []tail{{0.10, 2}}}

// backgroundLaw is the law of a date a story starts from ("since 2011"):
// long before the article, and almost never after it.
var backgroundLaw = law{even: true, after: []tail{{0.99, 3000}}, before: []tail{{0.01, 30}}}

// announcedWeek is the law of a weekday told as to come: announcedWeek[k]
// is the probability that it is k days after D. News often announces the
// day's own events ("the council meets on Monday", said on Monday).
var announcedWeek = []float64{0.25, 0.30, 0.15, 0.10, 0.10, 0.05, 0.05}

// reportedShare is how often a clue whose tense does not say reports the
// past rather than announces. With no tense word at all, news tells what
// happened: its bare weekdays are past far more often than its bare
// dates. A present-tense clause ("the council is due to meet on Monday",
// "markets are closed on Monday") speaks of the day of writing and the
// days around it, either side.
var reportedShare = map[direction]map[kind]float64{
	either:  {kWeekday: 0.85, kMonthDay: 0.5},
	present: {kWeekday: 0.5},
}

const defaultReportedShare = 0.6

// shareOf is the share of a clue's law that is the law told as past.
func shareOf(c clue) float64 {
	switch c.dir {
	case reported:
		return 1
	case announced:
		return 0
	}
	if s, ok := reportedShare[c.dir][c.kind]; ok {
		return s
	}
	return defaultReportedShare
}

// datelineLaw is the law of a dateline's date: the day the story was
// filed, or a day off across time zones.
var datelineLaw = law{at: 0.88, after: []tail{{0.08, 1}}, before: []tail{{0.04, 1}}}

// givenLaw is the law of a period the file's metadata gives (a month, a
// year): the article lies in it.
var givenLaw = law{at: 0.98, after: []tail{{0.01, 30}}, before: []tail{{0.01, 30}}}

// currentLaw is the law of a period the text names as its own ("the
// bloodiest fighting of 2024"): the article lies in it, or a few weeks
// after it in a review of the period. No day after the period may be
// likelier than one inside it, however long the period: the tail after
// it is thin.
var currentLaw = law{at: 0.95, after: []tail{{0.03, 20}}, before: []tail{{0.02, 10}}}

// lawOf is the law of one clue as told of the past.
func lawOf(c clue) law {
	switch {
	case c.origin == inMetadata || c.origin == inPin:
		return givenLaw
	case c.current:
		return currentLaw
	case c.origin == inDateline:
		return datelineLaw
	case c.background:
		return backgroundLaw
	case c.stamp:
		return stampLaw
	}
	if _, _, known := c.period(); known && c.role == bound {
		return boundLaw
	}
	// A lead tells the news of the day, but not of a day to come.
	lead := c.lead && c.dir != announced
	if lead && c.kind == kDay && c.hasWeekday {
		// "Wednesday, March 5, 2014" in a lead is the news of the day as
		// surely as "Wednesday, March 5".
		return reportedLaws[lawKey{kind: kMonthDay, lead: true}]
	}
	if l, ok := reportedLaws[lawKey{kind: c.kind, role: c.role, lead: lead}]; ok {
		return l
	}
	return reportedLaws[lawKey{kind: c.kind, role: c.role}]
}

// announcedLaw is the law of one clue as told of the future.
func announcedLaw(c clue) law {
	if l, ok := announcedLaws[c.kind]; ok && c.role == nearest && !c.background && !c.stamp && c.origin == inText {
		return l
	}
	return lawOf(c).mirror()
}
