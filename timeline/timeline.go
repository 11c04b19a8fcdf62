// Package timeline holds the values that flow through the pipeline, from
// dated events to the merged timeline that the exports and the site read.
//
// The pipeline itself lives in sub-packages, one step each: article reads
// source files, anchor dates them, timex resolves their temporal
// expressions, event turns dated sentences into events, export writes the
// data formats and site hands everything to Hugo.
package timeline

// Precision is how much of a date is known.
type Precision string

// Precisions, coarsest last.
const (
	PrecisionDay     Precision = "day"
	PrecisionWeek    Precision = "week"
	PrecisionMonth   Precision = "month"
	PrecisionYear    Precision = "year"
	PrecisionUnknown Precision = "unknown"
)

// Timeline is every event of a collection, in chronological order.
type Timeline struct {
	Title    string   `json:"title,omitempty"`
	Events   []Event  `json:"events"`
	Articles []Source `json:"-"`
}

// Event is one thing that happened (or is planned) at a date, with every
// source that reports it.
type Event struct {
	// ID is stable: derived from the date and the words, not from order.
	ID        string    `json:"id"`
	Date      string    `json:"date"`          // TIMEX3-style: 2016-08-14, 2016-08, 2016, 2016-W31
	End       string    `json:"end,omitempty"` // for ranges
	Precision Precision `json:"precision"`
	Planned   bool      `json:"planned"`
	Text      string    `json:"text"`
	Type      string    `json:"type"`
	Places    []string  `json:"places"`
	Actors    []string  `json:"actors"`
	// Confidence is in [0,1] and already includes the anchor's confidence.
	Confidence float64  `json:"confidence"`
	Sources    []Source `json:"sources"`
}

// Source ties an event to the article sentence that reports it.
type Source struct {
	Article string       `json:"article"` // article slug, from its file name
	Title   string       `json:"title"`
	URL     string       `json:"url,omitempty"`
	Anchor  SourceAnchor `json:"anchor"`
	Timex   SourceTimex  `json:"timex"`
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
