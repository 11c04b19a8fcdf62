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
// article is not written after it is read). Its days are a run of the
// days of sharedYears, looked up once for all calendars, when the years
// fall within them.
func newCalendar(first, last int, now time.Time) *calendar {
	start := time.Date(first-1, 1, 1, 12, 0, 0, 0, time.UTC)
	end := time.Date(last+2, 1, 1, 12, 0, 0, 0, time.UTC)
	n := int(end.Sub(start).Hours()/24 + 0.5)
	c := &calendar{start: start}
	if first-1 >= sharedYears[0] && last+1 <= sharedYears[1] {
		all := sharedDays()
		at := all.index(start)
		c.days = all.days[at : at+n : at+n]
	} else {
		c.days = civilDays(start, n)
	}
	c.from = c.index(time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC))
	c.to = min(c.index(time.Date(last+1, 1, 1, 0, 0, 0, 0, time.UTC)), c.index(now)+1)
	return c
}

// sharedYears are the years whose days sharedDays looks up.
var sharedYears = [2]int{1850, 2150}

// sharedDays is the calendar of sharedYears, made on first use.
var sharedDays = sync.OnceValue(func() *calendar {
	start := time.Date(sharedYears[0], 1, 1, 12, 0, 0, 0, time.UTC)
	n := int(time.Date(sharedYears[1]+1, 1, 1, 12, 0, 0, 0, time.UTC).Sub(start).Hours()/24 + 0.5)
	return &calendar{start: start, days: civilDays(start, n)}
})

// civilDays looks up n days from start.
func civilDays(start time.Time, n int) []civil {
	days := make([]civil, n)
	for i := range days {
		t := start.AddDate(0, 0, i)
		wy, w := t.ISOWeek()
		days[i] = civil{t.Year(), t.Month(), t.Day(), t.Weekday(), wy*100 + w}
	}
	return days
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
	spans := c.spans(k)
	n := 1
	if k.kind == kMonth {
		n = 30
	}
	p := densityOf(rep, ann, share, n, false)
	s := 0 // the first span that does not end before day i
	for i := c.from; i < c.to; i++ {
		for s < len(spans) && spans[s][1] < i {
			s++
		}
		prev, next := -1, -1
		switch {
		case s < len(spans) && spans[s][0] <= i:
			prev, next = i, i
		default:
			if s > 0 {
				prev = spans[s-1][1]
			}
			if s < len(spans) {
				next = spans[s][0]
			}
		}
		var q float64
		if prev >= 0 {
			q += p.at(i - prev)
		}
		if next >= 0 && next != prev {
			q += p.at(i - next)
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

// spans are the runs of days of the calendar a yearless date or month
// names ("August 7", "Sunday, August 7", "April"), in order.
func (c *calendar) spans(k clue) [][2]int {
	var out [][2]int
	for y := c.days[0].year; y <= c.days[len(c.days)-1].year; y++ {
		var a, b time.Time
		switch k.kind {
		case kMonthDay:
			a = time.Date(y, time.Month(k.month), k.day, 0, 0, 0, 0, time.UTC)
			if int(a.Month()) != k.month || a.Day() != k.day || (k.hasWeekday && a.Weekday() != k.weekday) {
				continue
			}
			b = a
		case kMonth:
			a = time.Date(y, time.Month(k.month), 1, 0, 0, 0, 0, time.UTC)
			b = a.AddDate(0, 1, -1)
		default:
			return nil
		}
		if lo, hi := max(c.index(a), 0), min(c.index(b), len(c.days)-1); lo <= hi {
			out = append(out, [2]int{lo, hi})
		}
	}
	return out
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
