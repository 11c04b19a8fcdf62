package cli

import (
	"errors"
	"fmt"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// anchorFlag is --anchor: the date to resolve against, written like a
// TIMEX3 date value.
type anchorFlag struct {
	value string
	date  time.Time
	gran  timex.Granularity
}

func (a *anchorFlag) String() string { return a.value }

func (a *anchorFlag) Set(s string) error {
	t, g, ok := timeml.ParseDate(s)
	if !ok {
		return errors.New("want a date as YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www")
	}
	a.value, a.date, a.gran = s, t, g
	return nil
}

// anchorUsage is the --anchor flag's help.
const anchorUsage = "resolve against this date: YYYY-MM-DD, or YYYY-MM, YYYY, YYYY-Www when only that much is known"

// anchoring is how a text is resolved, as the resolver needs it and as
// people and JSON readers are told.
type anchoring struct {
	opt    timex.Options
	asJSON anchorJSON
	// said is one line for people, naming the anchor and where it came
	// from.
	said string
}

// anchorJSON is the "anchor" object of resolve's JSON output.
type anchorJSON struct {
	Date      string             `json:"date"` // YYYY-MM-DD; empty in narrative mode
	Precision timeline.Precision `json:"precision"`
	Narrative bool               `json:"narrative"`
}

// anchor decides between the --anchor date and narrative mode. Lacking
// both, it falls back to narrative mode, the only one that needs no date,
// and says so.
func anchor(a anchorFlag, narrative bool) (anchoring, error) {
	switch {
	case a.value != "" && narrative:
		return anchoring{}, usagef("--anchor and --narrative exclude each other")
	case a.value != "":
		p := precision(a.gran)
		return anchoring{
			opt:    timex.Options{Anchor: a.date, AnchorGranularity: a.gran},
			asJSON: anchorJSON{Date: a.date.Format(time.DateOnly), Precision: p},
			said:   fmt.Sprintf("anchor: %s (%s precision, from --anchor)", a.value, p),
		}, nil
	}
	why := "--narrative"
	if !narrative {
		why = "no --anchor given"
	}
	return anchoring{
		opt:    timex.Options{Narrative: true},
		asJSON: anchorJSON{Precision: timeline.PrecisionUnknown, Narrative: true},
		said:   "anchor: none, narrative mode (" + why + "): each expression is resolved against the last date mentioned before it",
	}, nil
}

func precision(g timex.Granularity) timeline.Precision {
	switch g {
	case timex.GranDay:
		return timeline.PrecisionDay
	case timex.GranWeek:
		return timeline.PrecisionWeek
	case timex.GranMonth:
		return timeline.PrecisionMonth
	case timex.GranYear:
		return timeline.PrecisionYear
	}
	return timeline.PrecisionUnknown
}
