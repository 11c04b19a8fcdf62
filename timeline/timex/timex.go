// Package timex finds temporal expressions in English news text and
// normalizes them to TimeML TIMEX3 values.
//
// Resolution runs in two steps that never see each other's internals:
// recognition walks a token stream with the patterns in rules/rules.txt and
// yields spans with the slots they captured (a month, a count, a unit, a
// direction); normalization turns those slots into a TIMEX3 value against
// the anchor and the tense of the clause around the span. Word lists live
// in rules/lexicon.txt and the words that modify an expression ("nearly",
// "the end of", "or so") in rules/modifiers.txt.
//
// Underspecified dates take their direction from the tense of their
// clause, read from cue words rather than a part-of-speech tagger: a bare
// weekday in a past-tense clause is the latest such day on or before the
// anchor, in a future clause ("will", "is due to", "plans to") the next
// one after it; "August 7" takes the year that fits the tense, and with no
// cue the one that puts it within a few months after the anchor or else
// before it. Anaphora ("a day earlier", "that year", "the quarter") count
// from the last date mentioned. In narrative mode there is no anchor at
// all: everything counts from where the story stands, the last date the
// text mentioned that was not a digression (a date in parentheses, a look
// back, a year far off said in passing), as histories tell things in
// order; see narrative.go.
package timex

import "time"

// Type is a TIMEX3 type.
type Type string

// The four TIMEX3 types.
const (
	Date     Type = "DATE"
	Time     Type = "TIME"
	Duration Type = "DURATION"
	Set      Type = "SET"
)

// Timex is one temporal expression found in a text.
type Timex struct {
	// Start and End are byte offsets into the UTF-8 input; End is exclusive.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  Type   `json:"type"`
	// Value is the TIMEX3 value: 2016-08-02, 2016-W31, P4Y, PAST_REF, ...
	Value string `json:"value"`
	// Mod is the TIMEX3 mod (APPROX, START, END, BEFORE, ...) or empty.
	Mod string `json:"mod,omitempty"`
	// Rule names the pattern that matched, for debugging and tracing.
	Rule string `json:"rule,omitempty"`
}

// Granularity is how precisely an anchor is known.
type Granularity int

// Anchor granularities, from unknown to a known day.
const (
	GranUnknown Granularity = iota
	GranYear
	GranMonth
	GranWeek
	GranDay
)

// Options controls how expressions are anchored.
type Options struct {
	// Anchor is the article's own date. The zero time means no anchor.
	Anchor time.Time
	// AnchorGranularity says how much of Anchor is known. Zero with a
	// non-zero Anchor is taken as GranDay.
	AnchorGranularity Granularity
	// Narrative resolves each expression against the last mentioned date
	// of suitable granularity instead of against Anchor.
	Narrative bool
}
