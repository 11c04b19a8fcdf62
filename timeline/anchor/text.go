package anchor

import (
	"time"

	"conflict-timeline/timeline/timex"
)

// Options control inference.
type Options struct {
	// Now is the latest an article can be dated: it was written before it
	// is read. Zero means the present moment.
	Now time.Time
	// Resolve is the date resolver the text is read with; nil means
	// timex.Resolve. Articles calls it from several goroutines at once.
	Resolve func(text string, opt timex.Options) []timex.Timex
	// Pins are dates set by hand, by file name (config.toml's
	// [articles."NAME"] date), as YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www.
	Pins map[string]string
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now().UTC()
	}
	return o.Now
}

func (o Options) resolver() func(string, timex.Options) []timex.Timex {
	if o.Resolve == nil {
		return timex.Resolve
	}
	return o.Resolve
}

// Text anchors an article from its headline and body alone: a dateline,
// else the dates the text mentions.
func Text(title, body string, opt Options) Anchor {
	r := readText(title, body, opt.resolver())
	return r.anchor(nil, opt.now())
}

// reading is what an article says of its own date.
type reading struct {
	clues    []clue
	dateline *dateline // nil without one
}

// readText reads the dateline and the dated expressions of an article.
func readText(title, body string, resolve func(string, timex.Options) []timex.Timex) reading {
	var r reading
	leadFrom := 0
	if d, ok := findDateline(body); ok {
		r.dateline, leadFrom = &d, d.at
	}
	r.clues = readClues(title, body, leadOf(body, leadFrom), resolve)
	if c, ok := r.datelineClue(resolve); ok {
		_, shift := joinTitle(title, body)
		r.clues = append(r.withoutDateline(shift), c)
	}
	return r
}

// withoutDateline drops the clues read from the words of the dateline,
// which its own clue stands for. Clue offsets count from the headline,
// shift bytes before the body.
func (r reading) withoutDateline(shift int) []clue {
	var out []clue
	for _, c := range r.clues {
		if at := c.at - shift; at < r.dateline.at || at >= r.dateline.at+len(r.dateline.text) {
			out = append(out, c)
		}
	}
	return out
}

// datelineClue reads the date of the dateline, if it has one.
func (r reading) datelineClue(resolve func(string, timex.Options) []timex.Timex) (clue, bool) {
	if r.dateline == nil || r.dateline.date == "" {
		return clue{}, false
	}
	txs := resolve(r.dateline.date, timex.Options{})
	tenses := tensesOf(r.dateline.date, txs)
	for k, tx := range txs {
		c, ok := clueOf(r.dateline.date, tx, tenses[k])
		if ok && (c.kind == kDay || c.kind == kMonthDay) {
			c.at, c.origin, c.dir, c.lead = r.dateline.dateAt, inDateline, reported, true
			return c, true
		}
	}
	return clue{}, false
}

// anchor weighs the clues, and the collection's evidence when there is
// some, and says what they fix.
func (r reading) anchor(extra *yearFactor, now time.Time) Anchor {
	b, ok := beliefOf(r.clues, extra, now)
	if !ok {
		return unknown(noYearReasons(r, now)...)
	}
	cl := b.claim()
	a := Anchor{Date: cl.day, Precision: cl.precision, Confidence: round(min(cl.share, maxConfidence)), Source: r.source(extra)}
	if !a.Known() {
		a.Date, a.Confidence = time.Time{}, 0
	}
	a.Reasons = reasons(r, b, cl, extra)
	if a.Known() {
		// A belief that fixes not even the year is no ground to date
		// "on Tuesday" by: such an article's relative dates stay open.
		a.Belief = b.candidates()
	}
	return a
}

// source names the strongest evidence that went into the anchor.
func (r reading) source(extra *yearFactor) Source {
	switch {
	case extra != nil:
		return FromCollection
	case r.hasOrigin(inPin):
		return FromPin
	case r.hasOrigin(inMetadata):
		return FromMetadata
	case r.hasOrigin(inDateline):
		return FromDateline
	}
	return FromText
}

func (r reading) hasOrigin(o origin) bool {
	for _, c := range r.clues {
		if c.origin == o {
			return true
		}
	}
	return false
}

// beliefOf weighs the clues and the collection's evidence over the years
// they make possible. ok is false when nothing names a year.
func beliefOf(clues []clue, extra *yearFactor, now time.Time) (*belief, bool) {
	first, last, ok := yearRange(clues, now)
	if extra != nil {
		first, last = extra.widen(first, last, ok)
		ok = true
	}
	if !ok {
		return nil, false
	}
	var factors []factor
	for _, c := range clues {
		factors = append(factors, func(cal *calendar, logp []float64) { cal.weigh(c, logp) })
	}
	if extra != nil {
		factors = append(factors, extra.weigh)
	}
	return believe(first, last, now, factors)
}

// yearSpan is how far after a year a text mentions its date is sought: a
// text looks back on years long past more often than on the last ten. A
// background year ("since 2011") is looked past further.
const (
	yearSpan           = 10
	backgroundYearSpan = 25
)

// yearsBack bounds how far before the latest mentioned year the search
// goes, however old the other years mentioned.
const yearsBack = 40

// yearRange is the years the date is sought among: from the year before
// the earliest year the clues name to some years after the latest, and
// no later than now. ok is false when no clue names a year.
func yearRange(clues []clue, now time.Time) (first, last int, ok bool) {
	latest := 0
	for _, c := range clues {
		if c.year == 0 || c.year > now.Year() {
			continue
		}
		span := yearSpan
		if c.background {
			span = backgroundYearSpan
		}
		if !ok {
			first, ok = c.year, true
		}
		first, latest, last = min(first, c.year), max(latest, c.year), max(last, c.year+span)
	}
	if !ok {
		return 0, 0, false
	}
	return max(first-1, latest-yearsBack), min(last, now.Year()), true
}

// maxConfidence caps what inference claims: only a pin is certain.
const maxConfidence = 0.99

func round(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
