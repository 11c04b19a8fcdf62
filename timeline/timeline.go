// Package timeline holds the values that flow through the pipeline, from
// dated events to the merged timeline that the exports and the site read.
//
// The pipeline itself lives in sub-packages, one step each: article reads
// source files, anchor dates them, timex resolves their temporal
// expressions, event turns dated sentences into events, export writes the
// data formats and site hands everything to Hugo.
package timeline

import "conflict-timeline/timeline/date"

// Precision is how much of a date is known, ordered from unknown to the
// day; it is written out as "day", "week", "month", "year", "unknown".
type Precision = date.Precision

// The precisions.
const (
	PrecisionDay     = date.PrecisionDay
	PrecisionWeek    = date.PrecisionWeek
	PrecisionMonth   = date.PrecisionMonth
	PrecisionYear    = date.PrecisionYear
	PrecisionUnknown = date.PrecisionUnknown
)

// Timeline is every event of a collection, in chronological order.
type Timeline struct {
	Title  string  `json:"title,omitempty"`
	Events []Event `json:"events"`
	// Hidden counts the events an editor hid (events.toml): they are in
	// no page and no export.
	Hidden   int      `json:"hidden,omitempty"`
	Articles []Source `json:"-"`
}

// Event is one thing that happened (or is planned) at a date, with every
// source that reports it.
type Event struct {
	// ID is stable: the ID of the report that dates the event best, which
	// is derived from its article and sentence, never from the date or
	// the order of events. Each source keeps its own ID too, so that a
	// correction made by either ID finds the event after merging changes.
	ID string `json:"id"`
	// Date is the most probable value of the event's date, as TIMEX3
	// writes it (2016-08-14, 2016-W31, 2016-08, 2016); "" when nothing
	// dates it (Precision is then unknown). End is the last unit of a
	// range ("between July 23 and July 31"), else "".
	Date      string    `json:"date"`
	End       string    `json:"end,omitempty"`
	Precision Precision `json:"precision"`
	// Confidence is how likely Date is right, in [0,1]: the share of the
	// belief about the article's own date under which the expression
	// gives this date, times the doubts of the extraction (a clause split
	// from cue words, competing dates).
	Confidence float64 `json:"confidence"`
	// Earliest and Latest are the first and last days (YYYY-MM-DD) that
	// hold nearly all of the belief (95%) about the date: the span it
	// could take. Both are "" when nothing dates the event.
	Earliest string `json:"earliest,omitempty"`
	Latest   string `json:"latest,omitempty"`
	// Inferred is true when the date was counted from an article date
	// that the evidence suggests rather than one given (a pin, the
	// file's metadata, a dated dateline): "on Tuesday" in an article
	// whose own day is a best estimate.
	Inferred bool `json:"inferred"`
	// Stated is true when the expression's own words give the whole date,
	// year and all ("August 7, 2016", "March 2011").
	Stated bool `json:"stated"`
	// Background is true for a mention of a time well before the
	// article's own ("since March 2011"): context, not the news.
	Background bool `json:"background"`
	Planned    bool `json:"planned"`
	// Reasons say in words how the date and its confidence were reached.
	Reasons []string `json:"reasons,omitempty"`
	// Summary is an editor's one-line account, shown before the
	// sentence; Verified marks an event an editor checked, by whom and
	// with what note; Edited lists the fields set by hand (events.toml):
	// "date", "type", "places", "actors", "summary", "merge", "added".
	Summary    string   `json:"summary,omitempty"`
	Verified   bool     `json:"verified"`
	VerifiedBy string   `json:"verified_by,omitempty"`
	Note       string   `json:"note,omitempty"`
	Edited     []string `json:"edited,omitempty"`
	Text       string   `json:"text"`
	Type       string   `json:"type"`
	Places     []string `json:"places"`
	Actors     []string `json:"actors"`
	Sources    []Source `json:"sources"`
}

// Source ties an event to the article sentence that reports it.
type Source struct {
	// ID is the report's own ID, derived from the article and the
	// sentence (empty for a source that is an article, not a report).
	ID      string `json:"id,omitempty"`
	Article string `json:"article"`        // article slug, from its file name
	File    string `json:"file,omitempty"` // the article's file name
	Title   string `json:"title"`
	URL     string `json:"url,omitempty"`
	// Outlet, Author and Published cite the article as its file gives
	// them (front matter, HTML metadata): "Reuters", "Tom Perry",
	// "2016-08-07". A plain-text article has none; its title stands in.
	Outlet    string       `json:"outlet,omitempty"`
	Author    string       `json:"author,omitempty"`
	Published string       `json:"published,omitempty"`
	Anchor    SourceAnchor `json:"anchor"`
	Timex     SourceTimex  `json:"timex"`
	// Sentence is the sentence that reports the event, and Clause the
	// part of it that the date governs: a sentence that dates two
	// happenings gives two events, told apart by their clauses. Both are
	// empty for a source that is an article rather than a report.
	Sentence SourceSpan `json:"sentence,omitzero"`
	Clause   SourceSpan `json:"clause,omitzero"`
}

// SourceAnchor is the article date an event was resolved against.
type SourceAnchor struct {
	Date      string    `json:"date"`
	Precision Precision `json:"precision"`
}

// SourceSpan is a stretch of an article's normalized text, by byte
// offsets, with the text it covers.
type SourceSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SourceTimex is the expression that dated an event, with byte offsets into
// the article's normalized text.
type SourceTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Value string `json:"value"`
}
