// Package date is the one calendar value every step of the pipeline
// shares: a period of the calendar as TIMEX3 writes it, from a day to a
// century.
//
// A Value is what "2016-08-02", "2016-W31", "2016-08", "2016-SU",
// "2016-Q3", "2016", "201" (the 2010s) and "20" (the 20th century) name.
// Like time.Time it is a small comparable value: Parse reads it, String
// writes it back, First and Last give its first and last days, and
// Contains and Overlaps compare periods. Its Precision is the coarse,
// ordered scale a reader is told (day, week, month, year): a quarter or a
// season is a run of months, a decade a run of years.
//
// Seasons are the northern meteorological ones, and a winter is named for
// the year of its January: 2016-WI runs from December 2015 through
// February 2016, so that "this winter" said on 15 January 2016 holds that
// day.
package date

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Unit is the calendar unit a Value names, coarsest first.
type Unit uint8

// The units.
const (
	None Unit = iota
	Century
	Decade
	Year
	Half
	Quarter
	Season
	Month
	Week
	Day
)

// Precision is how much of a date is known, on the scale a reader is
// told. It is ordered: a greater precision says more.
type Precision uint8

// The precisions, coarsest first.
const (
	PrecisionUnknown Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionWeek
	PrecisionDay
)

var precisionNames = [...]string{"unknown", "year", "month", "week", "day"}

// String is the precision's name: "day", "week", "month", "year" or
// "unknown".
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "unknown"
}

// Finer reports whether p says more than q.
func (p Precision) Finer(q Precision) bool { return p > q }

// ParsePrecision reads a precision's name.
func ParsePrecision(s string) (Precision, error) {
	for i, n := range precisionNames {
		if s == n {
			return Precision(i), nil
		}
	}
	return PrecisionUnknown, fmt.Errorf("date: unknown precision %q (want day, week, month, year or unknown)", s)
}

// MarshalText writes the precision's name.
func (p Precision) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a precision's name; "" is unknown.
func (p *Precision) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = PrecisionUnknown
		return nil
	}
	q, err := ParsePrecision(string(b))
	*p = q
	return err
}

// Value is a period of the calendar. The zero Value is no date at all.
type Value struct {
	unit Unit
	// y, m, d is the first day of the period.
	y int
	m time.Month
	d int
	// form is how the value was written when String would write it
	// otherwise: "2016-W31-2" for a day, "2016-W31-WE" for a weekend.
	form string
	// clock is the time of day a TIME value adds to its day: "14:00",
	// "EV". It is kept for String and does not change the period.
	clock string
}

// Of returns the period of precision p that holds day t.
func Of(t time.Time, p Precision) Value {
	y, m, d := t.Date()
	switch p {
	case PrecisionDay:
		return Value{unit: Day, y: y, m: m, d: d}
	case PrecisionWeek:
		mon := midnight(y, m, d).AddDate(0, 0, -(int(t.Weekday())+6)%7)
		return Value{unit: Week, y: mon.Year(), m: mon.Month(), d: mon.Day()}
	case PrecisionMonth:
		return Value{unit: Month, y: y, m: m, d: 1}
	case PrecisionYear:
		return Value{unit: Year, y: y, m: 1, d: 1}
	}
	return Value{}
}

// DayOf is the day that holds t.
func DayOf(t time.Time) Value { return Of(t, PrecisionDay) }

// IsZero reports whether v is no date.
func (v Value) IsZero() bool { return v.unit == None }

// Unit is the calendar unit v names.
func (v Value) Unit() Unit { return v.unit }

// Precision is how much v tells on a reader's scale: a day, a week, a
// month (or a run of them: a quarter, a season, a half), a year (or a
// run of them: a decade, a century).
func (v Value) Precision() Precision {
	switch v.unit {
	case Day:
		return PrecisionDay
	case Week:
		return PrecisionWeek
	case Month, Season, Quarter, Half:
		return PrecisionMonth
	case Year, Decade, Century:
		return PrecisionYear
	}
	return PrecisionUnknown
}

// First is the period's first day, at midnight UTC; the zero time for
// the zero Value.
func (v Value) First() time.Time {
	if v.IsZero() {
		return time.Time{}
	}
	return midnight(v.y, v.m, v.d)
}

// End is the day after the period's last day, at midnight UTC.
func (v Value) End() time.Time {
	f := v.First()
	switch v.unit {
	case Day:
		return f.AddDate(0, 0, 1)
	case Week:
		return f.AddDate(0, 0, 7)
	case Month:
		return f.AddDate(0, 1, 0)
	case Season, Quarter:
		return f.AddDate(0, 3, 0)
	case Half:
		return f.AddDate(0, 6, 0)
	case Year:
		return f.AddDate(1, 0, 0)
	case Decade:
		return f.AddDate(10, 0, 0)
	case Century:
		return f.AddDate(100, 0, 0)
	}
	return time.Time{}
}

// Last is the period's last day, at midnight UTC.
func (v Value) Last() time.Time {
	if v.IsZero() {
		return time.Time{}
	}
	return v.End().AddDate(0, 0, -1)
}

// Days is how many days the period holds.
func (v Value) Days() int {
	if v.IsZero() {
		return 0
	}
	return int(v.End().Sub(v.First()).Hours()/24 + 0.5)
}

// Contains reports whether every day of w lies in v.
func (v Value) Contains(w Value) bool {
	return !v.IsZero() && !w.IsZero() && !w.First().Before(v.First()) && !w.End().After(v.End())
}

// ContainsDay reports whether the day that holds t lies in v.
func (v Value) ContainsDay(t time.Time) bool { return v.Contains(DayOf(t)) }

// Overlaps reports whether v and w share a day.
func (v Value) Overlaps(w Value) bool {
	return !v.IsZero() && !w.IsZero() && v.First().Before(w.End()) && w.First().Before(v.End())
}

// Compare orders values by their first day, then the longer first (a
// month before its first day), then by how they are written. The zero
// Value sorts last.
func (v Value) Compare(w Value) int {
	switch {
	case v.IsZero() || w.IsZero():
		return boolCompare(v.IsZero(), w.IsZero())
	case !v.First().Equal(w.First()):
		return v.First().Compare(w.First())
	case !v.End().Equal(w.End()):
		return -v.End().Compare(w.End())
	}
	return strings.Compare(v.String(), w.String())
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Within is the run of periods of precision p that covers v: its first
// and its last. A week that straddles two months is, to the month, those
// two months; a quarter is its first and third months. At v's own
// precision or finer, both are v's own unit.
func (v Value) Within(p Precision) (first, last Value) {
	if v.IsZero() {
		return Value{}, Value{}
	}
	if p >= v.Precision() && v.unit != Season && v.unit != Quarter && v.unit != Half &&
		v.unit != Decade && v.unit != Century {
		c := v
		c.clock, c.form = "", ""
		return c, c
	}
	if p >= v.Precision() {
		p = v.Precision()
	}
	return Of(v.First(), p), Of(v.Last(), p)
}

// Coarsen is the one period of precision p that holds all of v, or ok
// false when v straddles two of them.
func (v Value) Coarsen(p Precision) (Value, bool) {
	first, last := v.Within(p)
	return first, first == last
}

// Clock is the time of day a TIME value gives, as TIMEX3 writes it
// ("14:00", "MO", "EV"), or "".
func (v Value) Clock() string { return v.clock }

// DayOnly is v without its time of day, and written the plain way.
func (v Value) DayOnly() Value {
	v.clock, v.form = "", ""
	return v
}

// String writes v as a TIMEX3 value.
func (v Value) String() string {
	switch v.unit {
	case Day:
		s := v.form
		if s == "" {
			s = fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d)
		}
		if v.clock != "" {
			s += "T" + v.clock
		}
		return s
	case Week:
		if v.form != "" {
			return v.form
		}
		y, w := v.First().ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return fmt.Sprintf("%04d-%02d", v.y, v.m)
	case Season:
		y, code := v.y, seasonCodes[v.m]
		if v.m == time.December {
			y++
		}
		return fmt.Sprintf("%04d-%s", y, code)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", v.y, (int(v.m)-1)/3+1)
	case Half:
		return fmt.Sprintf("%04d-H%d", v.y, (int(v.m)-1)/6+1)
	case Year:
		return fmt.Sprintf("%04d", v.y)
	case Decade:
		return fmt.Sprintf("%03d", v.y/10)
	case Century:
		return fmt.Sprintf("%02d", v.y/100)
	}
	return ""
}

// DayString is the first day of v as YYYY-MM-DD, "" for the zero Value.
func (v Value) DayString() string {
	if v.IsZero() {
		return ""
	}
	return v.First().Format(time.DateOnly)
}

// LastDayString is the last day of v as YYYY-MM-DD, "" for the zero Value.
func (v Value) LastDayString() string {
	if v.IsZero() {
		return ""
	}
	return v.Last().Format(time.DateOnly)
}

// MarshalText writes v as a TIMEX3 value; the zero Value as "".
func (v Value) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads a TIMEX3 value; "" is the zero Value.
func (v *Value) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*v = Value{}
		return nil
	}
	w, err := Parse(string(b))
	*v = w
	return err
}

// seasonCodes are the TIMEX3 season codes by first month.
var seasonCodes = map[time.Month]string{time.March: "SP", time.June: "SU", time.September: "FA", time.December: "WI"}

// ErrSyntax is wrapped by every error of Parse.
var ErrSyntax = errors.New("not a calendar date")

// Parse reads a TIMEX3 value that names a period of the calendar:
//
//	2016-08-02, 2016-08-02T14:00, 2016-08-02TEV   a day (and a time of day)
//	2016-W31-2                                    a day, by ISO week and weekday
//	2016-W31, 2016-W31-WE                         an ISO week (a weekend is told to its week)
//	2016-08                                       a month
//	2016-SP, 2016-SU, 2016-FA, 2016-WI            a season
//	2016-Q3, 2016-H1                              a quarter, a half
//	2016, 201, 20                                 a year, a decade, a century
//
// Anything else (XXXX-08-07, PRESENT_REF, P3D, an impossible day) is an
// error wrapping ErrSyntax: it names no period a timeline can place.
func Parse(s string) (Value, error) {
	v, ok := parse(s)
	if !ok {
		return Value{}, fmt.Errorf("date: %q: %w", s, ErrSyntax)
	}
	return v, nil
}

// MustParse is Parse for values known to be good, as in tests and
// tables; it panics on a bad one.
func MustParse(s string) Value {
	v, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

func parse(s string) (Value, bool) {
	switch len(s) {
	case 2:
		c, ok := digits(s)
		return Value{unit: Century, y: c * 100, m: 1, d: 1}, ok
	case 3:
		d, ok := digits(s)
		return Value{unit: Decade, y: d * 10, m: 1, d: 1}, ok
	}
	y, ok := digits(s[:min(4, len(s))])
	if !ok || len(s) < 4 {
		return Value{}, false
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Value{unit: Year, y: y, m: 1, d: 1}, true
	case rest[0] != '-':
		return Value{}, false
	case len(rest) >= 4 && rest[1] == 'W' && isDigit(rest[2]):
		return parseWeek(y, rest[2:])
	case len(rest) == 3 && !isDigit(rest[1]):
		return parsePart(y, rest[1:])
	}
	return parseMonthDay(y, rest[1:])
}

// parseMonthDay reads "08", "08-02" and "08-02T14:00".
func parseMonthDay(y int, s string) (Value, bool) {
	if len(s) < 2 {
		return Value{}, false
	}
	m, ok := digits(s[:2])
	if !ok || m < 1 || m > 12 {
		return Value{}, false
	}
	if len(s) == 2 {
		return Value{unit: Month, y: y, m: time.Month(m), d: 1}, true
	}
	if len(s) < 5 || s[2] != '-' {
		return Value{}, false
	}
	d, ok := digits(s[3:5])
	if !ok || d < 1 || midnight(y, time.Month(m), d).Day() != d {
		return Value{}, false
	}
	v := Value{unit: Day, y: y, m: time.Month(m), d: d}
	if len(s) > 5 {
		if s[5] != 'T' || len(s) == 6 {
			return Value{}, false
		}
		v.clock = s[6:]
	}
	return v, true
}

// parseWeek reads "31", "31-2" and "31-WE" after "YYYY-W".
func parseWeek(y int, s string) (Value, bool) {
	if len(s) < 2 {
		return Value{}, false
	}
	w, ok := digits(s[:2])
	if !ok || w < 1 {
		return Value{}, false
	}
	mon := isoWeekMonday(y, w)
	if gy, gw := mon.ISOWeek(); gy != y || gw != w {
		return Value{}, false
	}
	week := Value{unit: Week, y: mon.Year(), m: mon.Month(), d: mon.Day()}
	switch rest := s[2:]; {
	case rest == "":
		return week, true
	case rest == "-WE":
		week.form = fmt.Sprintf("%04d-W%02d-WE", y, w)
		return week, true
	case len(rest) == 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '7':
		t := mon.AddDate(0, 0, int(rest[1]-'1'))
		return Value{unit: Day, y: t.Year(), m: t.Month(), d: t.Day(), form: fmt.Sprintf("%04d-W%02d%s", y, w, rest)}, true
	}
	return Value{}, false
}

// parsePart reads the seasons, quarters and halves of a year.
func parsePart(y int, part string) (Value, bool) {
	switch part {
	case "SP":
		return Value{unit: Season, y: y, m: time.March, d: 1}, true
	case "SU":
		return Value{unit: Season, y: y, m: time.June, d: 1}, true
	case "FA":
		return Value{unit: Season, y: y, m: time.September, d: 1}, true
	case "WI":
		return Value{unit: Season, y: y - 1, m: time.December, d: 1}, true
	case "Q1", "Q2", "Q3", "Q4":
		return Value{unit: Quarter, y: y, m: time.Month(3*int(part[1]-'0') - 2), d: 1}, true
	case "H1", "H2":
		return Value{unit: Half, y: y, m: time.Month(6*int(part[1]-'0') - 5), d: 1}, true
	}
	return Value{}, false
}

// isoWeekMonday is the Monday of ISO week w of year y: week 1 holds
// 4 January.
func isoWeekMonday(y, w int) time.Time {
	jan4 := midnight(y, time.January, 4)
	return jan4.AddDate(0, 0, -(int(jan4.Weekday())+6)%7+7*(w-1))
}

// ISOWeekMonday is the Monday of ISO week w of year y.
func ISOWeekMonday(y, w int) time.Time { return isoWeekMonday(y, w) }

func midnight(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// digits reads s as a decimal number made of digits only.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
