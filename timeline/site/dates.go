package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
)

// when is a TIMEX3-style date as the site shows and groups it: the label at
// its true precision, the value for <time datetime>, and the keys that place
// it in the chronology. Keys are plain strings that sort chronologically, so
// the theme can group pages with Hugo's GroupByParam and nothing else.
type when struct {
	Label    string // "Sunday 14 August 2016", "July 2016", "2012", "Q3 2016"
	Datetime string // valid HTML datetime: 2016-08-14, 2016-08, 2016, 2016-W31; "" if none fits
	Year     string // "2016", or undatedKey
	Month    string // "2016-08"; "2016-00" for dates known only to the year
	Group    string // the day, "2016-08-00" for the month, "2016-00-00" for the year, ...
	Start    time.Time
	End      time.Time // exclusive; zero when undated
	// Precision is the precision actually shown, which can be coarser than
	// what the date string holds (an event may say "month" for 2016-08-14).
	Precision timeline.Precision
}

// undatedKey sorts after every year, so undated events close the chronology.
const undatedKey = "undated"

// parseWhen reads the date forms that events and anchors use. A precision
// coarser than the string is honoured; an unreadable value becomes undated
// with the raw value as its label, so nothing is ever dropped.
func parseWhen(value string, prec timeline.Precision) when {
	w, ok := parseValue(value)
	if !ok {
		label := "date unknown"
		if value != "" {
			label = value
		}
		return when{Label: label, Year: undatedKey, Month: undatedKey + "-00", Group: undatedKey + "-00-00", Precision: timeline.PrecisionUnknown}
	}
	if coarser(prec, w.Precision) {
		w = truncate(w, prec)
	}
	return w
}

var precisionRank = map[timeline.Precision]int{
	timeline.PrecisionDay: 0, timeline.PrecisionWeek: 1, timeline.PrecisionMonth: 2,
	timeline.PrecisionYear: 3, timeline.PrecisionUnknown: 4,
}

// coarser reports whether a is a known precision coarser than b.
func coarser(a, b timeline.Precision) bool {
	ra, ok := precisionRank[a]
	return ok && ra > precisionRank[b]
}

func truncate(w when, prec timeline.Precision) when {
	y, m, _ := w.Start.Date()
	switch prec {
	case timeline.PrecisionMonth:
		return monthWhen(y, m)
	case timeline.PrecisionYear:
		return yearWhen(y)
	case timeline.PrecisionUnknown:
		return parseWhen("", timeline.PrecisionUnknown)
	}
	// Weeks only arise from week values, so there is nothing to truncate to.
	return w
}

func parseValue(v string) (when, bool) {
	switch {
	case isDigits(v, 4):
		y, _ := strconv.Atoi(v)
		return yearWhen(y), true
	case len(v) == 7 && isDigits(v[:4], 4) && v[4] == '-' && isDigits(v[5:], 2):
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return when{}, false
		}
		return monthWhen(t.Year(), t.Month()), true
	case len(v) == 10:
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return when{}, false
		}
		return dayWhen(t), true
	case len(v) > 10 && v[10] == 'T':
		// TIME values (2016-08-02T14:00, 2016-08-02TEV): the day is what
		// the chronology can place.
		return parseValue(v[:10])
	case len(v) >= 7 && isDigits(v[:4], 4) && v[4] == '-':
		y, _ := strconv.Atoi(v[:4])
		return partOfYear(y, v[5:])
	}
	return when{}, false
}

// partOfYear handles 2016-W31, 2016-Q3, 2016-H1 and the TIMEX3 seasons.
func partOfYear(y int, part string) (when, bool) {
	if len(part) == 3 && part[0] == 'W' && isDigits(part[1:], 2) {
		n, _ := strconv.Atoi(part[1:])
		return weekWhen(y, n)
	}
	if len(part) != 2 {
		return when{}, false
	}
	w := yearWhen(y)
	var from, to time.Month
	switch part {
	case "Q1", "Q2", "Q3", "Q4":
		q := int(part[1] - '0')
		from, to = time.Month(3*q-2), time.Month(3*q)
		w.Label = fmt.Sprintf("%s %d", part, y)
	case "H1", "H2":
		h := int(part[1] - '0')
		from, to = time.Month(6*h-5), time.Month(6*h)
		w.Label = fmt.Sprintf("%s half of %d", map[int]string{1: "first", 2: "second"}[h], y)
	case "SP", "SU", "FA", "WI":
		// Northern meteorological seasons; winter is the one that starts
		// in this year's December.
		from = map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}[part]
		to = from + 2
		w.Label = fmt.Sprintf("%s %d", map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}[part], y)
	default:
		return when{}, false
	}
	// Sub-year periods sit at the year level of the chronology, after the
	// plain year, in their own group.
	w.Group = fmt.Sprintf("%04d-00-%s", y, strings.ToLower(part))
	w.Start = time.Date(y, from, 1, 0, 0, 0, 0, time.UTC)
	w.End = time.Date(y, to+1, 1, 0, 0, 0, 0, time.UTC)
	return w, true
}

func yearWhen(y int) when {
	s := fmt.Sprintf("%04d", y)
	return when{
		Label: s, Datetime: s, Year: s, Month: s + "-00", Group: s + "-00-00",
		Start:     time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
		End:       time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC),
		Precision: timeline.PrecisionYear,
	}
}

func monthWhen(y int, m time.Month) when {
	start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	key := start.Format("2006-01")
	return when{
		Label: start.Format("January 2006"), Datetime: key,
		Year: start.Format("2006"), Month: key, Group: key + "-00",
		Start: start, End: start.AddDate(0, 1, 0),
		Precision: timeline.PrecisionMonth,
	}
}

func dayWhen(t time.Time) when {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	key := t.Format("2006-01-02")
	return when{
		Label: t.Format("Monday 2 January 2006"), Datetime: key,
		Year: t.Format("2006"), Month: t.Format("2006-01"), Group: key,
		Start: t, End: t.AddDate(0, 0, 1),
		Precision: timeline.PrecisionDay,
	}
}

// weekWhen places an ISO week in the month of its Monday, after that day's
// own events.
func weekWhen(y, n int) (when, bool) {
	if n < 1 || n > 53 {
		return when{}, false
	}
	// ISO week 1 holds 4 January.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(n-1))
	if wy, _ := monday.ISOWeek(); wy != y {
		return when{}, false
	}
	return when{
		Label:    "week of " + monday.Format("Monday 2 January 2006"),
		Datetime: fmt.Sprintf("%04d-W%02d", y, n),
		Year:     monday.Format("2006"), Month: monday.Format("2006-01"),
		Group: monday.Format("2006-01-02") + "w",
		Start: monday, End: monday.AddDate(0, 0, 7),
		Precision: timeline.PrecisionWeek,
	}, true
}

// span joins a start and an end into one range label, dropping the start's
// year when both share it: "Monday 1 August – Friday 5 August 2016".
func span(from, to when) when {
	if to.Start.IsZero() || from.Start.IsZero() || !to.Start.After(from.Start) {
		return from
	}
	w := from
	w.End = to.End
	// A range is its own group: a single day starting at the same date
	// must not share its heading.
	w.Group = from.Group + "~" + to.Group
	start := from.Label
	if from.Year == to.Year && from.Precision == to.Precision && from.Precision != timeline.PrecisionYear {
		start = strings.TrimSuffix(start, " "+from.Year)
	}
	w.Label = start + " – " + to.Label
	return w
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
