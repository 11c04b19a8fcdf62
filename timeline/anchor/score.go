package anchor

import (
	"encoding/json"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
)

// Score tallies inferred anchors against the dates documents are known to
// have, such as a corpus's creation times. Two things are measured: how
// often the likeliest day is right (to the day, the month, the year), and
// how often the period an anchor claims holds, the measure of its
// honesty. A wrong day claimed as sure is the worst error there is: it
// misdates every "on Monday" of the article without a word of doubt.
type Score struct {
	Documents int `json:"documents"`
	// Claimed anchors name a period; the others said the date is
	// unknown.
	Claimed int `json:"claimed"`
	// Day, Month and Year count the anchors whose likeliest day is right
	// to the day, the month and the year, whatever they claim.
	Day   int `json:"day"`
	Month int `json:"month"`
	Year  int `json:"year"`
	// Held counts the claims whose period holds the true date, and
	// ByPrecision the claims and those held at each precision.
	Held        int                           `json:"held"`
	ByPrecision map[timeline.Precision]*Tally `json:"by_precision"`
	// WrongDays counts the day claims that were wrong.
	WrongDays int `json:"wrong_days"`
}

// Tally is claims made and held.
type Tally struct {
	Claimed int `json:"claimed"`
	Held    int `json:"held"`
}

// Add scores one anchor against the true day.
func (s *Score) Add(a Anchor, truth time.Time) {
	s.Documents++
	if !a.Known() {
		return
	}
	s.Claimed++
	same := func(layout string) bool { return a.Date.Format(layout) == truth.Format(layout) }
	day, month, year := same(time.DateOnly), same("2006-01"), same("2006")
	s.Day, s.Month, s.Year = s.Day+b2i(day), s.Month+b2i(month), s.Year+b2i(year)
	held := map[timeline.Precision]bool{
		timeline.PrecisionDay:   day,
		timeline.PrecisionWeek:  sameWeek(a.Date, truth),
		timeline.PrecisionMonth: month,
		timeline.PrecisionYear:  year,
	}[a.Precision]
	if s.ByPrecision == nil {
		s.ByPrecision = map[timeline.Precision]*Tally{}
	}
	t := s.ByPrecision[a.Precision]
	if t == nil {
		t = &Tally{}
		s.ByPrecision[a.Precision] = t
	}
	t.Claimed++
	if held {
		t.Held++
		s.Held++
	} else if a.Precision == timeline.PrecisionDay {
		s.WrongDays++
	}
}

func sameWeek(a, b time.Time) bool {
	return date.Of(a, date.PrecisionWeek) == date.Of(b, date.PrecisionWeek)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// anchorJSON is how an anchor is written out.
type anchorJSON struct {
	Date       string             `json:"date"`  // the likeliest day, YYYY-MM-DD
	Value      string             `json:"value"` // the claimed period as a TIMEX3 value
	Precision  timeline.Precision `json:"precision"`
	Confidence float64            `json:"confidence"`
	Source     Source             `json:"source"`
	Reasons    []string           `json:"reasons"`
}

// MarshalJSON writes the anchor with its date both as the likeliest day
// and as the period it claims.
func (a Anchor) MarshalJSON() ([]byte, error) {
	reasons := a.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	return json.Marshal(anchorJSON{a.Day(), a.Value(), a.Precision, a.Confidence, a.Source, reasons})
}
