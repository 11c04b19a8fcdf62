package timex

import (
	"fmt"
	"strconv"
	"time"
)

// gran is the granularity of a calendar point, coarsest first.
type gran uint8

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gDay
	gTime
)

// unknownYear marks a year nobody said and no anchor gives: XXXX.
const unknownYear = -1 << 20

// point is a calendar value at some granularity: the thing a DATE or TIME
// value names. Fields finer than g are ignored.
type point struct {
	g      gran
	y      int // full year, or unknownYear
	m, d   int // month 1–12 and day; m also carries the half, quarter
	part   string
	week   int // ISO week for gWeek
	wkend  bool
	wday   int    // a weekday in an unknown week: XXXX-WXX-2
	pod    string // part of day for gTime without a clock: MO, AF, EV, NI
	hh, mm int
}

func dayPoint(t time.Time) point {
	return point{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// known reports whether the point names a real period (its year is known).
func (p point) known() bool { return p.g != gNone && p.y != unknownYear }

// date is the first day of the point's period, for arithmetic.
func (p point) date() time.Time {
	m, d := max(p.m, 1), max(p.d, 1)
	switch p.g {
	case gCentury, gDecade, gYear:
		m, d = 1, 1
	case gHalf:
		m, d = (p.m-1)*6+1, 1
	case gQuarter:
		m, d = (p.m-1)*3+1, 1
	case gSeason:
		m, d = seasonMonth[p.part], 1
		if p.part == "WI" {
			return time.Date(p.y-1, 12, 1, 12, 0, 0, 0, time.UTC)
		}
	case gMonth:
		d = 1
	case gWeek:
		return isoWeekStart(p.y, p.week)
	}
	return time.Date(p.y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
}

// seasonMonth is the first month of each season. A winter is named for
// the year of its January: 2016-WI began in December 2015.
var seasonMonth = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

func isoWeekStart(year, week int) time.Time {
	// January 4th is always in week 1
	jan4 := time.Date(year, 1, 4, 12, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, (week-1)*7)
}

// at returns the point of time t at granularity g.
func at(t time.Time, g gran) point {
	p := point{g: g, y: t.Year(), m: int(t.Month()), d: t.Day()}
	switch g {
	case gHalf:
		p.m = (p.m-1)/6 + 1
	case gQuarter:
		p.m = (p.m-1)/3 + 1
	case gWeek:
		p.y, p.week = t.ISOWeek()
	case gSeason:
		// the winter of 2016 runs from December 2015 to February 2016
		p.part = seasonOf(p.m)
		if p.m == 12 {
			p.y++
		}
	}
	return p
}

func seasonOf(m int) string {
	switch {
	case m >= 3 && m <= 5:
		return "SP"
	case m >= 6 && m <= 8:
		return "SU"
	case m >= 9 && m <= 11:
		return "FA"
	}
	return "WI"
}

// shift moves the point by n units at granularity g and returns it at
// that granularity: "last month" is shift(gMonth, -1) of the anchor.
func (p point) shift(g gran, n int) point {
	if !p.known() {
		q := p
		q.g = min(p.g, g)
		return q
	}
	t := p.date()
	switch g {
	case gCentury:
		t = t.AddDate(100*n, 0, 0)
	case gDecade:
		t = t.AddDate(10*n, 0, 0)
	case gYear:
		t = t.AddDate(n, 0, 0)
	case gHalf:
		t = addMonths(t, 6*n)
	case gQuarter:
		t = addMonths(t, 3*n)
	case gSeason:
		t = addMonths(t, 3*n)
	case gMonth:
		t = addMonths(t, n)
	case gWeek:
		t = t.AddDate(0, 0, 7*n)
	default:
		t = t.AddDate(0, 0, n)
	}
	return at(t, g)
}

// addMonths adds months without overflowing into the next month
// (January 31 plus one month is February 28, not March 3).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month(), 1, 12, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), 12, 0, 0, 0, time.UTC)
}

// coarsen returns the point at a coarser granularity g.
func (p point) coarsen(g gran) point {
	if g >= p.g {
		return p
	}
	if !p.known() {
		q := p
		q.g = g
		return q
	}
	if p.g == gWeek {
		return at(isoWeekStart(p.y, p.week), g)
	}
	return at(p.date(), g)
}

// String writes the point as a TIMEX3 value.
func (p point) String() string {
	y := "XXXX"
	if p.y != unknownYear {
		if p.y < 0 {
			y = fmt.Sprintf("BC%04d", -p.y)
		} else {
			y = fmt.Sprintf("%04d", p.y)
		}
	}
	switch p.g {
	case gCentury:
		switch {
		case p.y == unknownYear:
			return "XX"
		case p.y < 0:
			return fmt.Sprintf("BC%02d", -p.y/100)
		}
		return fmt.Sprintf("%02d", p.y/100)
	case gDecade:
		switch {
		case p.y == unknownYear:
			return "XXX"
		case p.y < 0:
			return fmt.Sprintf("BC%03d", -p.y/10)
		}
		return fmt.Sprintf("%03d", p.y/10)
	case gYear:
		return y
	case gHalf, gQuarter:
		letter := "-H"
		if p.g == gQuarter {
			letter = "-Q"
		}
		if p.m == 0 {
			return y + letter + "X" // "the quarter", which one unknown
		}
		return y + letter + strconv.Itoa(p.m)
	case gSeason:
		return y + "-" + p.part
	case gMonth:
		if p.m == 0 {
			return y + "-XX"
		}
		return y + "-" + two(p.m)
	case gWeek:
		s := y + "-W" + two(p.week)
		if p.week == 0 {
			s = y + "-WXX"
		}
		if p.wkend {
			s += "-WE"
		}
		if p.wday != 0 {
			s += "-" + strconv.Itoa(p.wday)
		}
		return s
	case gDay:
		return p.day(y)
	case gTime:
		if p.pod != "" {
			return p.day(y) + "T" + p.pod
		}
		return p.day(y) + "T" + two(p.hh) + ":" + two(p.mm)
	}
	return ""
}

func (p point) day(y string) string {
	m, d := "XX", "XX"
	if p.m > 0 {
		m = two(p.m)
	}
	if p.d > 0 {
		d = two(p.d)
	}
	return y + "-" + m + "-" + d
}

func two(n int) string {
	if n < 10 && n >= 0 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
