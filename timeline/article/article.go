// Package article reads the source folder of a timeline: plain-text files,
// Markdown with TOML or YAML front matter, and saved HTML pages.
//
// Every reader ends in the same Article: a headline, the body as one
// normalized text, paragraph and sentence boundaries as byte offsets into
// that text, and whatever metadata the file carried. Later steps quote
// sentences by these offsets, so the text an event points to is exactly
// the text a reader sees.
package article

import (
	"fmt"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
)

// Format is the kind of file an article was read from.
type Format string

// The formats a source folder may hold.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// Article is one news article, read and normalized.
type Article struct {
	// Slug names the article in URLs and exports. It comes from the file
	// name alone, so it stays the same however often the folder is read.
	Slug   string
	Path   string
	Format Format
	// Title is the headline. It is not part of Text, except when a file
	// without a headline of its own starts with a whole sentence: that
	// lede is both the Title and the first paragraph, so its events count.
	Title string
	// Text is the normalized body: paragraphs joined by a blank line, a
	// single newline where a paragraph had a hard line break.
	Text string
	// Paragraphs and Sentences are in order, never empty, and never
	// overlap; every sentence lies inside one paragraph.
	Paragraphs []Span
	Sentences  []Span
	Meta       Meta
	// Warnings are what the reader went past without leaving the article
	// out, each a *FileError naming the file and, where known, the line:
	// a front-matter date that is no date, a headline cut at the limit.
	Warnings []error
}

// Span is a half-open byte range [Start, End) of an article's Text.
type Span struct {
	Start int
	End   int
}

// In returns the text the span covers.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// Meta is what a file says about itself besides its text.
type Meta struct {
	// Date is the publication date from the strongest evidence the file
	// offered; Dates is all of that evidence, strongest first, so a later
	// step can tell agreeing sources from conflicting ones.
	Date   Date
	Dates  []Date
	Source string // the publication, such as "Reuters"
	URL    string // where the article was published
	Author string
	Lang   string // as the file gave it, such as "en" or "en-GB"
}

// Date is one piece of evidence for when an article was published.
type Date struct {
	// Text is the date as the file wrote it.
	Text string
	// Time is the parsed date in the zone the text gave (UTC when none).
	// It is zero when Text could not be parsed.
	Time time.Time
	// Precision says how much of Time is known: a day (even when Text has
	// a clock time), a month or a year. It is PrecisionUnknown when Text
	// did not parse, and empty in the zero Date, when there is no evidence.
	Precision timeline.Precision
	// From names the evidence in words, such as "front matter date" or
	// "JSON-LD datePublished", so a reason can be given for the anchor.
	From string
}

// IsZero reports whether the date carries no evidence at all.
func (d Date) IsZero() bool { return d.Text == "" && d.From == "" }

// Value is the date as far as it is known, as TIMEX3 writes it:
// 2016-08-07, 2016-08, 2016; "" when it could not be read.
func (d Date) Value() string {
	if d.Time.IsZero() || d.Precision == timeline.PrecisionUnknown {
		return ""
	}
	return date.Of(d.Time, d.Precision).String()
}

// String reads like a reason: `2016-08-07 (front matter date)`.
func (d Date) String() string {
	if d.IsZero() {
		return "no date"
	}
	return fmt.Sprintf("%s (%s)", d.Text, d.From)
}
