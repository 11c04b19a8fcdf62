package site

import (
	"fmt"
	"strings"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
)

// when is a TIMEX3-style date as the site shows and groups it: the label at
// its true precision, the value for <time datetime>, and the keys that place
// it in the chronology. Keys are plain strings that sort chronologically, so
// the theme can group pages with Hugo's GroupByParam and nothing else.
type when struct {
	// Label is the date in words: "Sunday 14 August 2016", "July 2016",
	// "2012", "Q3 2016"; the raw value when it names no period; "" when
	// there is no value at all (the theme then says the date is unknown,
	// in the site's language).
	Label    string
	Datetime string // valid HTML datetime: 2016-08-14, 2016-08, 2016, 2016-W31; "" if none fits
	Year     string // "2016", or undatedKey
	Month    string // "2016-08"; "2016-00" for dates known only to the year
	Group    string // the day, "2016-08-00" for the month, "2016-00-00" for the year, ...
	Start    time.Time
	End      time.Time // exclusive; zero when undated
	// Precision is the level the chronology shows the date at, which can
	// be coarser than what the date string holds (an event may say
	// "month" for 2016-08-14); quarters, halves and seasons sit at the
	// year's level, under the year heading.
	Precision timeline.Precision
}

// undatedKey sorts after every year, so undated events close the chronology.
const undatedKey = "undated"

// parseWhen reads the date forms that events and anchors use, with
// date.Parse. A known precision coarser than the value is honoured; an
// unknown one leaves a value that parses as it is (the value is the
// better witness). An unreadable value becomes undated with the raw
// value as its label, so nothing is ever dropped.
func parseWhen(value string, prec timeline.Precision) when {
	w, ok := valueWhen(value)
	if !ok {
		// Each unreadable value is a group of its own, after the events
		// that have none.
		group := undatedKey + "-00-00"
		if value != "" {
			group += "-" + value
		}
		return when{Label: value, Year: undatedKey, Month: undatedKey + "-00", Group: group, Precision: timeline.PrecisionUnknown}
	}
	if prec != timeline.PrecisionUnknown && prec < w.Precision {
		v, _ := date.Parse(value)
		// A period that straddles two of the coarser ones (a week over
		// two months) is placed in the first.
		first, _ := v.Within(prec)
		w, _ = valueWhen(first.String())
	}
	return w
}

// valueWhen is the when of one TIMEX3 value, at the value's own level.
func valueWhen(value string) (when, bool) {
	v, err := date.Parse(value)
	if err != nil {
		return when{}, false
	}
	start := v.First()
	y := start.Year()
	switch v.Unit() {
	case date.Day:
		return dayWhen(start), true
	case date.Week:
		return weekWhen(v), true
	case date.Month:
		return monthWhen(y, start.Month()), true
	case date.Year:
		return yearWhen(y), true
	case date.Quarter, date.Half, date.Season:
		return partOfYear(v), true
	case date.Decade, date.Century:
		return yearsWhen(v), true
	}
	return when{}, false
}

// partOfYear is a quarter, a half or a season: it sits at the year level
// of the chronology, after the plain year, in its own group. A winter
// belongs to the year of its January, as TIMEX3 names it.
func partOfYear(v date.Value) when {
	s := v.String() // "2016-Q3"
	y, part := s[:4], s[5:]
	w := when{Datetime: y, Year: y, Month: y + "-00", Group: y + "-00-" + strings.ToLower(part),
		Start: v.First(), End: v.End(), Precision: timeline.PrecisionYear}
	switch v.Unit() {
	case date.Quarter:
		w.Label = part + " " + y
	case date.Half:
		w.Label = map[string]string{"H1": "first", "H2": "second"}[part] + " half of " + y
	default:
		w.Label = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}[part] + " " + y
	}
	return w
}

// yearsWhen is a decade or a century, filed under its first year, before
// that year's own events.
func yearsWhen(v date.Value) when {
	y := v.First().Year()
	label := fmt.Sprintf("the %ds", y)
	if v.Unit() == date.Century {
		c := y/100 + 1
		suffix := "th"
		if c%100 < 11 || c%100 > 13 {
			suffix = map[int]string{1: "st", 2: "nd", 3: "rd"}[c%10]
			if suffix == "" {
				suffix = "th"
			}
		}
		label = fmt.Sprintf("the %d%s century", c, suffix)
	}
	key := fmt.Sprintf("%04d", y)
	return when{Label: label, Year: key, Month: key + "-00", Group: key + "-00-",
		Start: v.First(), End: v.End(), Precision: timeline.PrecisionYear}
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
func weekWhen(v date.Value) when {
	monday := v.First()
	return when{
		Label:    "week of " + monday.Format("Monday 2 January 2006"),
		Datetime: v.String(),
		Year:     monday.Format("2006"), Month: monday.Format("2006-01"),
		Group: monday.Format("2006-01-02") + "w",
		Start: monday, End: v.End(),
		Precision: timeline.PrecisionWeek,
	}
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
