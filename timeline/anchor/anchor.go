// Package anchor finds each article's own date, its anchor, the date that
// "on Tuesday" and "last month" count from.
//
// The anchor comes from the strongest evidence there is, in this order: a
// date pinned in config.toml, the file's own metadata (front matter, HTML
// meta tags), a dateline ("BEIRUT, Aug 7 (Reuters) -"), the dates the text
// mentions, and last the other articles of the collection that share rare
// names with it. Each anchor says how much of the date is known (its
// precision), how sure it is, and why, in sentences a reader can check.
//
// The text is read as evidence about an unknown day D: a full date it
// reports ("November 21, 2016") puts D at or shortly after it, a weekday
// with a date ("Sunday, August 7") leaves only the years whose calendar
// agrees, a past "on Tuesday" puts D within the six days after a Tuesday.
// Each clue weighs every candidate day; the product is a distribution over
// D, and the precision claimed is the finest period (day, ISO week, month,
// year) that holds most of it. Where the clues leave the day open, the
// anchor says so rather than guess.
package anchor

import (
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// Source is the kind of evidence an anchor was taken from, strongest first.
type Source string

// The sources of an anchor.
const (
	FromPin        Source = "pin"        // [articles."NAME"] date in config.toml
	FromMetadata   Source = "metadata"   // front matter, HTML meta, URL path
	FromDateline   Source = "dateline"   // "BEIRUT, Aug 7 (Reuters) -"
	FromText       Source = "text"       // the dates the text mentions
	FromCollection Source = "collection" // the text, narrowed by related articles
	FromNothing    Source = "none"       // no evidence at all
)

// Anchor is an article's own date as far as the evidence tells it.
type Anchor struct {
	// Date is the most likely day. Only its first Precision is claimed:
	// with week precision, the day within the week is a best guess.
	Date      time.Time
	Precision timeline.Precision
	// Confidence is how likely the claimed period is right, in [0, 1].
	Confidence float64
	Source     Source
	// Reasons say, in words, which evidence gave the anchor and how.
	Reasons []string
	// Belief is the distribution over the days the article's date may
	// be, likeliest first: the candidates that together hold nearly all
	// of it. Their probabilities sum to at most 1; what they leave is
	// spread over days too unlikely to list. A day given outright is one
	// candidate; an article nothing dates has none.
	Belief []Candidate
}

// Candidate is one day an article's date may be, with its probability.
type Candidate struct {
	Day time.Time // midnight UTC
	P   float64
}

// Given reports whether the article's day was given rather than
// inferred: pinned, in the file's metadata, or in a dateline that
// names it.
func (a Anchor) Given() bool {
	switch a.Source {
	case FromPin, FromMetadata:
		return a.Precision == timeline.PrecisionDay
	case FromDateline:
		return a.Precision == timeline.PrecisionDay && a.Confidence >= givenDatelineConfidence
	}
	return false
}

// givenDatelineConfidence is how sure a dateline's day must be to count
// as given: its year may still come from the text.
const givenDatelineConfidence = 0.9

// Likeliest is the likeliest day of the belief, the zero time when there
// is none.
func (a Anchor) Likeliest() time.Time {
	if len(a.Belief) == 0 {
		return time.Time{}
	}
	return a.Belief[0].Day
}

// Known reports whether the anchor names any period at all.
func (a Anchor) Known() bool { return a.Precision != timeline.PrecisionUnknown && !a.Date.IsZero() }

// Day is the most likely day as YYYY-MM-DD, empty when nothing is known.
func (a Anchor) Day() string {
	if !a.Known() {
		return ""
	}
	return a.Date.Format(time.DateOnly)
}

// Value is the claimed period as a TIMEX3 value: 2016-08-07, 2016-W31,
// 2016-08 or 2016; empty when nothing is known.
func (a Anchor) Value() string {
	if !a.Known() {
		return ""
	}
	return date.Of(a.Date, a.Precision).String()
}

// Options are the resolver options that anchor an article's expressions
// at this anchor, at the granularity it is known to. An unknown anchor
// resolves news without a date: "last month" stays open rather than
// count from a date the text mentions, for a wrong concrete date is
// worse than an open one.
func (a Anchor) Options() timex.Options {
	if !a.Known() {
		return timex.Options{}
	}
	return timex.Options{Anchor: a.Date, AnchorGranularity: granularity[a.Precision]}
}

var granularity = map[timeline.Precision]timex.Granularity{
	timeline.PrecisionDay:   timex.GranDay,
	timeline.PrecisionWeek:  timex.GranWeek,
	timeline.PrecisionMonth: timex.GranMonth,
	timeline.PrecisionYear:  timex.GranYear,
}

// sure is the belief of a day given outright, trusted so far.
func sure(day time.Time, p float64) []Candidate {
	return []Candidate{{Day: day, P: p}}
}

// uniform is the belief of a period given outright and no more: each of
// its days up to now alike.
func uniform(first, last, now time.Time) []Candidate {
	var out []Candidate
	for d := first; !d.After(last) && !d.After(now); d = d.AddDate(0, 0, 1) {
		out = append(out, Candidate{Day: d})
	}
	for i := range out {
		out[i].P = 1 / float64(len(out))
	}
	return out
}

// unknown is the anchor of an article nothing dates, with the reason.
func unknown(reasons ...string) Anchor {
	return Anchor{Precision: timeline.PrecisionUnknown, Source: FromNothing, Reasons: reasons}
}
