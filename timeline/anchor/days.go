package anchor

import (
	"math"
	"sync"
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
	week    int // the ISO week, as year*100 + week
}

// newCalendar spans the years first to last, cut at the day now (an
// article is not written after it is read). Calendars are shared: one is
// made once for each span and never changed.
func newCalendar(first, last int, now time.Time) *calendar {
	key := calendarKey{first, last, now.Year(), now.YearDay()}
	if c, ok := calendars.Load(key); ok {
		return c.(*calendar)
	}
	c, _ := calendars.LoadOrStore(key, makeCalendar(first, last, now))
	return c.(*calendar)
}

// calendars holds the calendars made, by calendarKey.
var calendars sync.Map

// calendarKey names a calendar: its years and the day of now.
type calendarKey struct{ first, last, nowYear, nowDay int }

func makeCalendar(first, last int, now time.Time) *calendar {
	start := time.Date(first-1, 1, 1, 12, 0, 0, 0, time.UTC)
	end := time.Date(last+2, 1, 1, 12, 0, 0, 0, time.UTC)
	n := int(end.Sub(start).Hours()/24 + 0.5)
	c := &calendar{start: start, days: make([]civil, n)}
	for i := range c.days {
		t := start.AddDate(0, 0, i)
		wy, w := t.ISOWeek()
		c.days[i] = civil{t.Year(), t.Month(), t.Day(), t.Weekday(), wy*100 + w}
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
	if a, b, ok := k.period(); ok {
		lo, hi := c.index(a), c.index(b)
		logDensity := densityOf(rep, ann, share, hi-lo+1, true)
		for i := c.from; i < c.to; i++ {
			delta := 0
			switch {
			case i > hi:
				delta = i - hi
			case i < lo:
				delta = i - lo
			}
			logp[i-c.from] += logDensity.at(delta)
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
	p := densityOf(rep, ann, share, n, false)
	for i := c.from; i < c.to; i++ {
		var q float64
		if prev[i] >= 0 {
			q += p.at(i - prev[i])
		}
		if next[i] >= 0 && next[i] != prev[i] {
			q += p.at(i - next[i])
		}
		logp[i-c.from] += math.Log(max(q, floor))
	}
}

// weighWeekday weighs a weekday: reported, D is 0 to 6 days after the
// last such weekday; announced, 1 to 6 days before the next. The weight
// of a day depends on its weekday alone: the calendar's margin years
// hold a last and a next such weekday for every candidate day.
func (c *calendar) weighWeekday(k clue, share float64, logp []float64) {
	week := reportedLaws[lawKey{kind: kWeekday, lead: k.lead}].week
	var byWeekday [7]float64
	for wd := range byWeekday {
		q := floor
		if d := (wd - int(k.weekday) + 7) % 7; d < len(week) {
			q += share * week[d]
		}
		if d := (int(k.weekday) - wd + 7) % 7; d < len(announcedWeek) {
			q += (1 - share) * announcedWeek[d]
		}
		byWeekday[wd] = math.Log(q)
	}
	for i := c.from; i < c.to; i++ {
		logp[i-c.from] += byWeekday[c.days[i].weekday]
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
