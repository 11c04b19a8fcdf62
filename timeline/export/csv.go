package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
)

// csvColumns are ACLED's names for what they share with an event, then
// what ACLED has no column for.
var csvColumns = []string{
	"event_id", "event_date", "time_precision", "event_type",
	"actor1", "actor2", "location", "notes", "source", "source_url",
	"end_date", "planned", "confidence",
}

// CSV writes ACLED-like columns, a row per event. As in ACLED,
// event_date is always a whole day, the first of the event's period, and
// time_precision says how much of it is known; here that is a word (day,
// week, month, year) rather than ACLED's codes, which stop at the month.
// end_date is the last day of the period. location lists every place,
// source every article title and source_url every address, separated by
// "; ".
func CSV(w io.Writer, tl timeline.Timeline) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, e := range tl.Events {
		date, end := e.Date, e.End
		if first, after, ok := days(e); ok {
			date, end = first.Format(time.DateOnly), after.AddDate(0, 0, -1).Format(time.DateOnly)
		}
		titles, urls := sourceTitles(e)
		err := cw.Write([]string{
			e.ID, date, string(e.Precision), e.Type,
			nth(e.Actors, 0), nth(e.Actors, 1), strings.Join(e.Places, "; "),
			e.Text, strings.Join(titles, "; "), strings.Join(urls, "; "),
			end, strconv.FormatBool(e.Planned), strconv.FormatFloat(e.Confidence, 'f', 2, 64),
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}
