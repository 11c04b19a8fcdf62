package export

import (
	"cmp"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
)

// csvColumns are ACLED's names for what they share with an event, then
// what ACLED has no column for: the rest of the date belief.
var csvColumns = []string{
	"event_id", "event_date", "time_precision", "event_type",
	"actor1", "actor2", "location", "notes", "source", "source_url",
	"end_date", "date", "precision", "earliest", "latest", "confidence",
	"inferred", "stated", "background", "planned",
	"verified", "verified_by", "edited", "sentence",
}

// ACLED's time_precision codes.
const (
	aclDay    = "1" // the day is known
	aclWeek   = "2" // a week, a month, or a run of days up to a month
	aclLonger = "3" // a longer period: a quarter, a season, a year
)

// CSV writes ACLED-like columns, a row per event. As in ACLED,
// event_date is always a whole day, the first of the event's period, and
// time_precision says how much of it is known: 1 for a day, 2 for up to
// a month (a week, a month, a run of days), 3 for longer (a quarter, a
// year). end_date is the last day of the period; date is the TIMEX3
// value (2016-W31, 2012; a range as 2016-07-23/2016-07-31) and precision its name in events.json (day,
// week, month, year, unknown). earliest and latest are the days that hold
// 95% of the belief, confidence how likely the date is, inferred whether
// it was counted from an estimated article date. An undated event keeps
// its row with event_date, time_precision, end_date and date empty.
//
// notes is an editor's summary where there is one, else the sentence
// that reports the event; sentence is always that sentence. verified,
// verified_by and edited tell an editor's hand (events.toml). location
// lists every place, source every outlet (the article's title where the
// file names none) and source_url every address, separated by "; ". A cell that starts with =, +, -, @,
// a tab or a carriage return gets a leading single quote, so that no
// spreadsheet runs it as a formula.
func CSV(w io.Writer, tl timeline.Timeline) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, e := range tl.Events {
		var first, precision, end, value string
		if d, ok := dateOf(e); ok {
			first, end = d.firstDay().Format(time.DateOnly), d.lastDay().Format(time.DateOnly)
			precision, value = timePrecision(d), d.value()
		}
		titles, urls := sourceTitles(e)
		row := []string{
			e.ID, first, precision, e.Type,
			nth(e.Actors, 0), nth(e.Actors, 1), strings.Join(e.Places, "; "),
			cmp.Or(e.Summary, e.Text), strings.Join(titles, "; "), strings.Join(urls, "; "),
			end, value, e.Precision.String(), e.Earliest, e.Latest,
			strconv.FormatFloat(e.Confidence, 'f', 2, 64),
			strconv.FormatBool(e.Inferred), strconv.FormatBool(e.Stated),
			strconv.FormatBool(e.Background), strconv.FormatBool(e.Planned),
			strconv.FormatBool(e.Verified), e.VerifiedBy, strings.Join(e.Edited, "; "), e.Text,
		}
		for i := range row {
			row[i] = neutralize(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// timePrecision is ACLED's code for how long the period is.
func timePrecision(d when) string {
	switch n := d.days(); {
	case n <= 1:
		return aclDay
	case n <= 31:
		return aclWeek
	}
	return aclLonger
}

// neutralize prefixes a single quote to a cell that a spreadsheet would
// read as a formula (OWASP, CSV injection): one that starts with =, +,
// -, @, a tab or a carriage return.
func neutralize(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}
