package timeml

import (
	"strings"
	"time"

	"conflict-timeline/timeline/date"
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
	v, err := date.Parse(value)
	if err != nil {
		return time.Time{}, timex.GranUnknown, false
	}
	// Only the plain forms: not a day by its week (1998-W32-5), a
	// weekend, a decade or a part of a year.
	switch plain := v.DayOnly().String() == strings.SplitN(value, "T", 2)[0]; {
	case plain && v.Unit() == date.Day:
		return v.First(), timex.GranDay, true
	case plain && v.Unit() == date.Week:
		return v.First(), timex.GranWeek, true
	case v.Unit() == date.Month:
		return v.First(), timex.GranMonth, true
	case v.Unit() == date.Year:
		return v.First(), timex.GranYear, true
	}
	return time.Time{}, timex.GranUnknown, false
}
