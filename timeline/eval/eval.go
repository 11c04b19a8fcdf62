// Package eval measures the resolver against gold TimeML annotations the
// way TempEval-3 does: strict and relaxed span match, and the value and
// type of the relaxed matches.
//
// Evaluate resolves a corpus and scores it; Compare, underneath, scores one
// document's system timexes against its gold ones and is pure, so the
// scorer can be tested on hand-made lists.
package eval

import (
	"strings"
	"unicode/utf8"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// Config says how the documents are resolved.
type Config struct {
	// Narrative resolves each document against the dates it mentions
	// itself (timex.Options{Narrative: true}) instead of its DCT. It wins
	// over InferAnchor.
	Narrative bool
	// InferAnchor, when set, replaces the DCT: it returns the options to
	// resolve a document with, from what the document says rather than from
	// its <DCT>. It is the hook for measuring anchor inference, which has
	// its own issue; nil anchors every document at its DCT.
	InferAnchor func(*timeml.Document) timex.Options
	// Anchor, when set, replaces the DCT with a belief about the
	// document's date: the document is resolved under each of its likely
	// days (anchor.Resolve), and each expression is told with its most
	// probable value and the probability of it. It wins over InferAnchor
	// and loses to Narrative. Without it every value is as sure as its
	// anchor: confidence 1.
	Anchor func(*timeml.Document) anchor.Anchor
	// Resolve is the resolver under test; nil means timex.Resolve.
	Resolve func(text string, opt timex.Options) []timex.Timex
}

// Result is the score of one corpus, micro-averaged: the counts of all its
// documents are added up before any ratio is taken.
type Result struct {
	Name      string `json:"name"`
	Documents int    `json:"documents"`
	Counts    Counts `json:"counts"`
	// Errors are every mismatch, document by document, in text order.
	Errors []Error `json:"-"`
	// Judged are the relaxed matches, document by document, each
	// judged exact, coarser or wrong, with its confidence.
	Judged []Judged `json:"-"`
}

// Scores are the result's precision, recall and F1.
func (r Result) Scores() Scores { return r.Counts.Scores() }

// Evaluate resolves every document of a corpus and scores it. It keeps no
// state between calls, so corpora may be evaluated concurrently.
func Evaluate(name string, docs []*timeml.Document, cfg Config) Result {
	res := Result{Name: name, Documents: len(docs)}
	for _, d := range docs {
		system, conf := cfg.system(d)
		counts, errs, judged := compare(d.Timexes, system, conf)
		for i := range errs {
			errs[i].Doc, errs[i].DCT = d.ID, d.DCTValue
			errs[i].Context = excerpt(d.Text, errs[i])
			errs[i].Sentence = sentence(d.Text, errs[i])
		}
		for i := range judged {
			j := &judged[i]
			j.Doc, j.DCT = d.ID, d.DCTValue
			j.Context = excerpt(d.Text, Error{Gold: &j.Gold, System: &j.System})
		}
		res.Counts.Add(counts)
		res.Errors = append(res.Errors, errs...)
		res.Judged = append(res.Judged, judged...)
	}
	return res
}

// system resolves a document as the config says, with the confidence of
// each value.
func (c Config) system(d *timeml.Document) ([]timex.Timex, []float64) {
	if c.Anchor == nil || c.Narrative {
		found := c.resolve(d.Text, c.options(d))
		conf := make([]float64, len(found))
		for i := range conf {
			conf[i] = 1
		}
		return found, conf
	}
	rs := anchor.Resolve(d.Text, c.Anchor(d), c.Resolve)
	found, conf := make([]timex.Timex, len(rs)), make([]float64, len(rs))
	for i, r := range rs {
		found[i], conf[i] = r.Timex, r.Confidence
	}
	return found, conf
}

// Total adds results up into one, as if their documents were one corpus.
func Total(name string, results []Result) Result {
	t := Result{Name: name}
	for _, r := range results {
		t.Documents += r.Documents
		t.Counts.Add(r.Counts)
		t.Errors = append(t.Errors, r.Errors...)
		t.Judged = append(t.Judged, r.Judged...)
	}
	return t
}

func (c Config) options(d *timeml.Document) timex.Options {
	switch {
	case c.Narrative:
		return timex.Options{Narrative: true}
	case c.InferAnchor != nil:
		return c.InferAnchor(d)
	}
	return d.Options()
}

func (c Config) resolve(text string, opt timex.Options) []timex.Timex {
	if c.Resolve != nil {
		return c.Resolve(text, opt)
	}
	return timex.Resolve(text, opt)
}

// excerptBytes is how much text to show on each side of an error.
const excerptBytes = 50

// excerpt is the text around an error, on one line, with the words at
// stake (gold and system spans together) in brackets.
func excerpt(text string, e Error) string {
	lo, hi := span(text, e)
	if lo > hi {
		return ""
	}
	from := runeStart(text, max(lo-excerptBytes, 0))
	to := runeStart(text, min(hi+excerptBytes, len(text)))
	s := text[from:lo] + "[" + text[lo:hi] + "]" + text[hi:to]
	return strings.Join(strings.Fields(s), " ")
}

// sentenceBytes bounds how far sentence looks for the ends of a sentence.
const sentenceBytes = 400

// sentence is the sentence around an error, on one line, with the words
// at stake in brackets. A sentence ends at a full stop, question or
// exclamation mark followed by a space, or at a blank line; a run-on
// sentence is cut sentenceBytes from the words at stake.
func sentence(text string, e Error) string {
	lo, hi := span(text, e)
	if lo > hi {
		return ""
	}
	from := runeStart(text, max(lo-sentenceBytes, 0))
	if i := lastBoundary(text[from:lo]); i >= 0 {
		from += i
	}
	to := runeStart(text, min(hi+sentenceBytes, len(text)))
	if i := firstBoundary(text[hi:to]); i >= 0 {
		to = hi + i
	}
	s := text[from:lo] + "[" + text[lo:hi] + "]" + text[hi:to]
	return strings.Join(strings.Fields(s), " ")
}

// lastBoundary is where the last sentence in s begins, or -1.
func lastBoundary(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! ", ".\n", "\n\n"} {
		if i := strings.LastIndex(s, sep); i >= 0 {
			best = max(best, i+len(sep))
		}
	}
	return best
}

// firstBoundary is where the first sentence in s ends (after its mark),
// or -1.
func firstBoundary(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! ", ".\n", "\n\n"} {
		if i := strings.Index(s, sep); i >= 0 && (best < 0 || i+1 < best) {
			best = i + 1
		}
	}
	return best
}

// span is where the words at stake in an error lie, clamped to the text
// and to rune starts: a faulty resolver may return any offsets.
func span(text string, e Error) (lo, hi int) {
	lo, hi = len(text), 0
	for _, tx := range []*timex.Timex{e.Gold, e.System} {
		if tx != nil {
			lo, hi = min(lo, tx.Start), max(hi, tx.End)
		}
	}
	return runeStart(text, max(lo, 0)), runeStart(text, min(hi, len(text)))
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
