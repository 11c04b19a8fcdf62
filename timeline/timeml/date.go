package timeml

import (
	"strconv"
	"time"

	"conflict-timeline/timeline/timex"
)

// ParseDate reads a TIMEX3 value that names a calendar date and says how
// much of it is known:
//
//	1998              GranYear   (1998-01-01)
//	1998-08           GranMonth  (1998-08-01)
//	1998-W32          GranWeek   (the Monday of ISO week 32)
//	1998-08-07        GranDay
//	1998-08-07T09:42  GranDay    (the time of day is dropped)
//
// ok is false for anything else (PRESENT_REF, XXXX-XX-XX, 1998-Q3, P1D,
// an impossible day), so that an odd DCT leaves a document unanchored
// rather than anchored somewhere wrong. Dates are in UTC.
func ParseDate(value string) (t time.Time, g timex.Granularity, ok bool) {
	year, ok := digits(value, 0, 4)
	if !ok {
		return time.Time{}, timex.GranUnknown, false
	}
	rest := value[4:]
	switch {
	case rest == "":
		return date(year, 1, 1), timex.GranYear, true
	case len(rest) == 4 && rest[:2] == "-W":
		week, ok := digits(rest, 2, 2)
		if !ok || week < 1 || week > isoWeeks(year) {
			break
		}
		return isoWeekMonday(year, week), timex.GranWeek, true
	case len(rest) >= 3 && rest[0] == '-':
		month, ok := digits(rest, 1, 2)
		if !ok || month < 1 || month > 12 {
			break
		}
		rest = rest[3:]
		if rest == "" {
			return date(year, month, 1), timex.GranMonth, true
		}
		day, ok := digits(rest, 1, 2)
		if !ok || rest[0] != '-' || (len(rest) > 3 && rest[3] != 'T') {
			break
		}
		t := date(year, month, day)
		if t.Day() != day { // time.Date rolled 02-30 over into March
			break
		}
		return t, timex.GranDay, true
	}
	return time.Time{}, timex.GranUnknown, false
}

// digits reads s[i:i+n] as a decimal number made of exactly n digits.
func digits(s string, i, n int) (int, bool) {
	if len(s) < i+n {
		return 0, false
	}
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(s[i : i+n])
	return v, err == nil
}

func date(year, month, day int) time.Time {
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// isoWeekMonday is the Monday that starts ISO week w of year: week 1 is
// the week that holds 4 January.
func isoWeekMonday(year, w int) time.Time {
	jan4 := date(year, 1, 4)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w-1))
}

// isoWeeks is how many ISO weeks year has, 52 or 53: 28 December always
// lies in the last one.
func isoWeeks(year int) int {
	_, w := date(year, 12, 28).ISOWeek()
	return w
}
