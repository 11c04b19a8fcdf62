package cli

import (
	"errors"
	"fmt"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
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
	// An inferred anchor also gives the period it claims, how sure it
	// is, where it came from and why.
	Value      string        `json:"value,omitempty"`
	Confidence float64       `json:"confidence,omitempty"`
	Source     anchor.Source `json:"source,omitempty"`
	Reasons    []string      `json:"reasons,omitempty"`
}

// flagAnchoring decides between the --anchor date and narrative mode.
// Lacking both, it falls back to narrative mode, the only one that needs
// no date, and says so.
func flagAnchoring(a anchorFlag, narrative bool) (anchoring, error) {
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

// inferred is the anchoring of an inferred anchor, which anchor.Resolve
// resolves under; an unknown one resolves without a date, and says why.
func inferred(a anchor.Anchor) anchoring {
	j := anchorJSON{
		Date: a.Day(), Precision: a.Precision,
		Value: a.Value(), Confidence: a.Confidence, Source: a.Source, Reasons: a.Reasons,
	}
	said := fmt.Sprintf("anchor: %s, likeliest day %s (%s precision, confidence %.2f, inferred from the %s)", a.Value(), a.Day(), a.Precision, a.Confidence, a.Source)
	if !a.Known() {
		said = "anchor: none could be inferred: each expression is resolved without a date, its value left open where the words leave it (XXXX-08-07)"
	}
	for _, r := range a.Reasons {
		said += "\n  - " + r
	}
	return anchoring{opt: a.Options(), asJSON: j, said: said}
}
