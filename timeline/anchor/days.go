package anchor

import (
	"math"
	"time"
)

// calendar is the run of days an article's date is sought among, one
// entry a day. A margin year on each side lets a yearless clue ("August
// 7") find its nearest occurrence even from the first or last candidate.
type calendar struct {
	start    time.Time // the day of index 0, at noon UTC
	days     []civil
	from, to int // the candidates are days[from:to]
}

// civil is a day's calendar date, looked up once.
type civil struct {
	year    int
	month   time.Month
	day     int
	weekday time.Weekday
}

// newCalendar spans the years first to last, cut at the day now (an
// article is not written after it is read).
func newCalendar(first, last int, now time.Time) *calendar {
	start := time.Date(first-1, 1, 1, 12, 0, 0, 0, time.UTC)
	end := time.Date(last+2, 1, 1, 12, 0, 0, 0, time.UTC)
	n := int(end.Sub(start).Hours()/24 + 0.5)
	c := &calendar{start: start, days: make([]civil, n)}
	for i := range c.days {
		t := start.AddDate(0, 0, i)
		c.days[i] = civil{t.Year(), t.Month(), t.Day(), t.Weekday()}
	}
	c.from = c.index(time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC))
	c.to = min(c.index(time.Date(last+1, 1, 1, 0, 0, 0, 0, time.UTC)), c.index(now)+1)
	return c
}

// index is the day index of t's calendar day, which may fall outside the
// calendar.
func (c *calendar) index(t time.Time) int {
	d := time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
	return int(math.Round(d.Sub(c.start).Hours() / 24))
}

// day is the date of index i.
func (c *calendar) day(i int) time.Time {
	return time.Date(c.start.Year(), c.start.Month(), c.start.Day()+i, 0, 0, 0, 0, time.UTC)
}

// weigh adds the log-probability of clue k at each candidate day to
// logp, which is indexed like days[from:to].
func (c *calendar) weigh(k clue, logp []float64) {
	share := shareOf(k)
	if k.kind == kWeekday {
		c.weighWeekday(k, share, logp)
		return
	}
	rep, ann := lawOf(k), announcedLaw(k)
	p := func(delta, n int) float64 {
		return share*rep.density(delta, n) + (1-share)*ann.density(delta, n)
	}
	if a, b, ok := k.period(); ok {
		lo, hi := c.index(a), c.index(b)
		n := hi - lo + 1
		for i := c.from; i < c.to; i++ {
			delta := 0
			switch {
			case i > hi:
				delta = i - hi
			case i < lo:
				delta = i - lo
			}
			logp[i-c.from] += math.Log(p(delta, n))
		}
		return
	}
	// A yearless clue names a day or month of every year: D is weighed
	// against the occurrence just before it and the one just after.
	prev, next := c.occurrences(k.matches)
	n := 1
	if k.kind == kMonth {
		n = 30
	}
	for i := c.from; i < c.to; i++ {
		var q float64
		if prev[i] >= 0 {
			q += p(i-prev[i], n)
		}
		if next[i] >= 0 && next[i] != prev[i] {
			q += p(i-next[i], n)
		}
		logp[i-c.from] += math.Log(max(q, floor))
	}
}

// weighWeekday weighs a weekday: reported, D is 0 to 6 days after the
// last such weekday; announced, 1 to 6 days before the next.
func (c *calendar) weighWeekday(k clue, share float64, logp []float64) {
	week := reportedLaws[lawKey{kind: kWeekday, lead: k.lead}].week
	prev, next := c.occurrences(k.matches)
	for i := c.from; i < c.to; i++ {
		q := floor
		if d := i - prev[i]; prev[i] >= 0 && d < len(week) {
			q += share * week[d]
		}
		if d := next[i] - i; next[i] >= 0 && d < len(announcedWeek) {
			q += (1 - share) * announcedWeek[d]
		}
		logp[i-c.from] += math.Log(q)
	}
}

// occurrences returns, for each day, the index of the last matching day
// at or before it and of the first at or after it; -1 where there is
// none in the calendar.
func (c *calendar) occurrences(match func(civil) bool) (prev, next []int) {
	prev, next = make([]int, len(c.days)), make([]int, len(c.days))
	last := -1
	for i, d := range c.days {
		if match(d) {
			last = i
		}
		prev[i] = last
	}
	last = -1
	for i := len(c.days) - 1; i >= 0; i-- {
		if match(c.days[i]) {
			last = i
		}
		next[i] = last
	}
	return prev, next
}

// period is the span of days a clue with a known year names.
func (k clue) period() (first, last time.Time, ok bool) {
	switch k.kind {
	case kDay:
		t := time.Date(k.year, time.Month(k.month), k.day, 0, 0, 0, 0, time.UTC)
		return t, t, true
	case kMonthYear:
		t := time.Date(k.year, time.Month(k.month), 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(0, 1, -1), true
	case kYear:
		return time.Date(k.year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(k.year, 12, 31, 0, 0, 0, 0, time.UTC), true
	case kGiven:
		return k.first, k.last, true
	}
	return time.Time{}, time.Time{}, false
}

// matches reports whether a day is one a yearless clue can name.
func (k clue) matches(d civil) bool {
	switch k.kind {
	case kMonthDay:
		return int(d.month) == k.month && d.day == k.day && (!k.hasWeekday || d.weekday == k.weekday)
	case kMonth:
		return int(d.month) == k.month
	case kWeekday:
		return d.weekday == k.weekday
	}
	return false
}
