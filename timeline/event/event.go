// Package event turns the dated sentences of articles into the events of a
// timeline: each sentence (or clause) that reports something at a resolved
// date becomes an event with its places, actors and type, and the same
// happening told by several articles becomes one event with every source.
//
// A sentence is cut into clauses at the words that open one ("which",
// "since", "forcing", "after"; words.txt), so that a date dates its own
// clause: "Recapturing east Aleppo, which rebels seized in 2012, would be
// ..." gives an event in 2012, the seizure, and none at the article's
// date. A clause with a date of its own gives an event of its own, so "X
// repelled an advance on Monday, forcing rebels from positions they
// seized a day earlier" gives two. The date is the expression's, told no
// finer than what it says by itself and what the article's anchor
// supports (see dater.date). The type comes from keywords (types.toml),
// places and actors from the gazetteer (gazetteer.toml, or config.toml's
// [gazetteer]).
package event

import (
	"cmp"
	"math"
	"path/filepath"
	"slices"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/timex"
)

// Input is one article with what the earlier steps found in it.
type Input struct {
	Article *article.Article
	Anchor  anchor.Anchor
	// Timexes are the article's expressions, resolved under the belief
	// of Anchor (anchor.Resolve), with offsets into Article.Text.
	Timexes []anchor.Resolved
}

// Entry is a place or actor of the gazetteer, with the other names it goes
// by in the press ("ISIS", "ISIL", "Islamic State").
type Entry struct {
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
}

// Gazetteer is the conflict's places and actors, set in config.toml.
// It extends the built-in one (DefaultGazetteer): an entry of the same
// name takes the built-in entry's place, others are added. Replace makes
// it the whole gazetteer.
type Gazetteer struct {
	Replace bool    `toml:"replace"`
	Places  []Entry `toml:"places"`
	Actors  []Entry `toml:"actors"`
	// Types are the event types config.toml's [types] sets, read beside
	// the gazetteer; see Types.
	Types Types `toml:"-"`
}

// Extract turns articles into a timeline: events in chronological order,
// merged across articles. The gazetteer extends the built-in one unless
// it says replace (see Gazetteer.Resolved).
func Extract(in []Input, g Gazetteer) timeline.Timeline {
	x := NewExtractor(g)
	var told []Told
	for _, input := range in {
		if input.Article == nil {
			continue
		}
		told = append(told, x.Article(input))
	}
	return x.Merge(told)
}

// extractor holds what is shared by the articles of one extraction.
type extractor struct {
	find  *finder
	types []eventType
	typer *typeIndex // finds the types' keywords
	// said caches saying by the expression's words: the same few
	// expressions ("on Monday") come back in every article.
	said map[string]said
}

func (x *extractor) saying(text string) said {
	s, ok := x.said[text]
	if !ok {
		s = saying(text)
		x.said[text] = s
	}
	return s
}

// draft is an event as one clause of one article tells it, before the
// reports of the same happening are merged.
type draft struct {
	event timeline.Event // with its one source
	when  period
	words []string // content words of its clauses, for likeness and the ID
	// where the report is: drafts of one sentence are never merged.
	article  string
	sentence int
	// tense is the span whose clause's tense may make the event planned.
	tense timex.Span
}

// Confidence factors for how sure it is that a date dates a clause.
const (
	// split is for a sentence with dates in several clauses: the clause
	// boundaries are read from cue words, not parsed.
	split = 0.9
	// competing is for a clause with other dates that disagree with the
	// one chosen to date it.
	competing = 0.8
)

// article makes the drafts of one article, a sentence at a time. Each
// step reads its sentence, or its clause, and no more: the cost grows
// linearly with the article, however long it is or its sentences are.
func (x *extractor) article(in Input) []*draft {
	a := in.Article
	d := newDater(in.Anchor, x.saying)
	txs := slices.Clone(in.Timexes)
	slices.SortStableFunc(txs, func(p, q anchor.Resolved) int { return cmp.Compare(p.Start, q.Start) })
	posts := newPostFinder(a.Text)
	var out []*draft
	for si, s := range a.Sentences {
		if posts.embedded(s) {
			continue // a quoted post and its signature, not a report
		}
		var all []anchor.Resolved
		var dated []dating
		// the expressions of the sentence, found among those sorted by
		// where they start
		first, _ := slices.BinarySearchFunc(txs, s.Start, func(t anchor.Resolved, at int) int { return cmp.Compare(t.Start, at) })
		for _, t := range txs[first:] {
			if t.Start > s.End {
				break
			}
			if t.End > s.End {
				continue
			}
			all = append(all, t)
			if dt, ok := d.date(t); ok {
				dated = append(dated, dt)
			}
		}
		work.Add(int64(len(all)))
		if len(dated) == 0 {
			continue
		}
		r := &report{x: x, in: in, d: d, sentence: s, index: si, timexes: all}
		out = append(out, r.drafts(dated)...)
	}
	// An event told in a future clause is planned: the tenses of all the
	// article's events are read at once, with one reading of its text.
	spans := make([]timex.Span, len(out))
	for i, dr := range out {
		spans[i] = dr.tense
	}
	for i, tn := range timex.Tenses(a.Text, spans) {
		if tn.Tense > 0 {
			out[i].event.Planned = true
		}
	}
	return out
}

// report is one dated sentence of an article.
type report struct {
	x        *extractor
	in       Input
	d        *dater
	sentence article.Span
	index    int
	timexes  []anchor.Resolved // every expression in the sentence
	// told is where the sentence starts to tell something, after a
	// dateline.
	told int

	// What every event of the sentence reads of the whole of it, read
	// once: the sentence and its quote trimmed, its key for the
	// reports' IDs, the expressions' words to skip, and, once needed,
	// its places and actors and its type.
	read           *reading // the sentence's tokens
	trimmed, quote article.Span
	idKey          []byte
	skip           *skipper
	whole          *found
	typ            string
}

// found are the places and actors named in a stretch of text.
type found struct{ places, actors []string }

// unit is what one event is made of: a subordinate clause, or the main
// clause of a group (its pieces, around the subordinate clauses), with
// the dates in it and the undated subordinate clauses that go with it.
type unit struct {
	group  int
	sub    bool
	spans  []article.Span
	dated  []dating
	extent []article.Span // spans and the undated clauses attached
}

// drafts makes an event of each clause that has a date of its own and
// tells something.
func (r *report) drafts(dated []dating) []*draft {
	text := r.in.Article.Text
	r.read = read(text, r.sentence)
	cls := clausesOf(text, r.sentence, r.read)
	r.told = r.sentence.Start
	if i := slices.IndexFunc(cls, func(c clause) bool { return tells(r.read, []article.Span{c.Span}) }); i >= 0 {
		r.told = cls[i].Start
	}
	r.trimmed = trimmed(text, r.sentence)
	// The event quotes its sentence as the article has it, so that the
	// site finds it there, but without a dateline before it.
	r.quote = trimmed(text, article.Span{Start: r.told, End: r.sentence.End})
	r.idKey = reportKey(r.in.Article.Slug, r.trimmed.In(text))
	r.skip = newSkipper(r.timexes)
	var withDates []*unit
	for _, u := range units(cls, dated) {
		if len(u.dated) > 0 && tells(r.read, u.spans) {
			withDates = append(withDates, u)
		}
	}
	var out []*draft
	for _, u := range withDates {
		gov, disagree := r.govern(u.dated)
		conf := gov.confidence
		if len(withDates) > 1 {
			conf *= split
		}
		if disagree {
			conf *= competing
		}
		out = append(out, r.draft(u, gov, cls[clauseAt(cls, gov.tx.Start)].Span, conf))
	}
	return out
}

// units groups the clauses of a sentence into the units events are made
// of, and hands each date to the unit of its clause.
func units(cls []clause, dated []dating) []*unit {
	var out []*unit
	of := make([]*unit, len(cls)) // clause → unit
	mains := map[int]*unit{}      // group → its main clause
	for i, c := range cls {
		u := mains[c.group]
		if c.sub || u == nil {
			u = &unit{group: c.group, sub: c.sub}
			out = append(out, u)
			if !c.sub {
				mains[c.group] = u
			}
		}
		u.spans = append(u.spans, c.Span)
		of[i] = u
	}
	for _, dt := range dated {
		u := of[clauseAt(cls, dt.tx.Start)]
		u.dated = append(u.dated, dt)
	}
	work.Add(int64(len(cls) + len(dated)))

	// An undated subordinate clause goes with the happening told just
	// before it in its group ("..., killing three crew members"), else
	// with its main clause ("Although ..., the route is not safe"). An
	// undated main clause goes with nothing: its subordinate clause's
	// date is background, not the main clause's.
	for _, u := range out {
		u.extent = append(u.extent, u.spans...)
	}
	lastDated := map[int]*unit{} // group → its last dated unit so far
	for _, u := range out {
		if len(u.dated) > 0 {
			lastDated[u.group] = u
			continue
		}
		if !u.sub {
			continue
		}
		to := lastDated[u.group]
		if m := mains[u.group]; to == nil && m != nil && len(m.dated) > 0 {
			to = m
		}
		if to != nil {
			to.extent = append(to.extent, u.spans...)
		}
	}
	for _, u := range out {
		slices.SortFunc(u.extent, func(p, q article.Span) int { return cmp.Compare(p.Start, q.Start) })
	}
	return out
}

// clauseAt is the index of the clause that holds offset at.
func clauseAt(cls []clause, at int) int {
	// the clauses follow each other: the first that ends after at
	i, _ := slices.BinarySearchFunc(cls, at+1, func(c clause, at int) int { return cmp.Compare(c.End, at) })
	return min(i, len(cls)-1)
}

// draft makes the event of one unit, dated by gov.
//
// The event is planned when gov lies after the article's date; article
// also makes it planned when gov's clause is in the future tense.
func (r *report) draft(u *unit, gov dating, cl article.Span, conf float64) *draft {
	a, text := r.in.Article, r.in.Article.Text
	var words, lowered []string
	for _, s := range u.extent {
		toks, keys := r.read.in(s)
		words = append(words, r.skip.contentOf(toks, keys)...)
		lowered = append(lowered, lower(toks, keys)...)
	}
	places, actors := r.x.find.find(text, u.extent)
	if len(places) == 0 || len(actors) == 0 {
		// A clause that names no place happened where its sentence says
		// ("..., forcing them to retreat from positions they seized").
		w := r.wholeFound()
		if len(places) == 0 {
			places = w.places
		}
		if len(actors) == 0 {
			actors = w.actors
		}
	}
	typ, ok := r.x.typer.in(lowered)
	if !ok {
		typ = r.sentenceType()
	}
	e := timeline.Event{
		Planned: r.d.after(gov.when),
		Text:    r.quote.In(text),
		Type:    typ,
		Places:  nonNil(places),
		Actors:  nonNil(actors),
	}
	r.d.fill(&e, gov, conf)
	src := articleSource(a, r.in.Anchor)
	src.Timex = timeline.SourceTimex{Start: gov.tx.Start, End: gov.tx.End, Text: gov.tx.Text, Value: gov.tx.Value}
	src.Sentence = sourceSpan(text, r.trimmed)
	src.Clause = sourceSpan(text, trimmed(text, cl))
	e.Sources = []timeline.Source{src}
	d := &draft{event: e, when: gov.when, words: words, article: a.Slug, sentence: r.index,
		tense: timex.Span{Start: gov.tx.Start, End: gov.tx.End}}
	d.event.Sources[0].ID = reportIDOf(r.idKey, src.Timex.Text)
	return d
}

// wholeFound are the places and actors the whole sentence names.
func (r *report) wholeFound() *found {
	if r.whole == nil {
		p, ac := r.x.find.find(r.in.Article.Text, []article.Span{r.sentence})
		r.whole = &found{p, ac}
	}
	return r.whole
}

// sentenceType is the type the words of the whole sentence give: that of
// an event whose own clauses name none.
func (r *report) sentenceType() string {
	if r.typ == "" {
		r.typ = r.x.typer.of(lower(r.read.toks, r.read.keys))
	}
	return r.typ
}

// govern picks the date that dates a clause among the dates in it: two
// joined as a period ("between July 23 and July 31") count as one; then
// the one that says most by itself ("August 7, 2016" over "Monday"), a
// DATE over a TIME ("on Monday ... at 1400 GMT": the clock time only
// borrows a day), the most precise, the first. disagree reports another date in the clause that does not
// overlap the chosen one.
func (r *report) govern(ds []dating) (gov dating, disagree bool) {
	var cands []dating
	for i := 0; i < len(ds); i++ {
		if i+1 < len(ds) && r.joined(ds[i], ds[i+1]) {
			cands = append(cands, r.period(ds[i], ds[i+1]))
			i++
			continue
		}
		cands = append(cands, ds[i])
	}
	gov = slices.MinFunc(cands, func(p, q dating) int {
		return cmp.Or(
			cmp.Compare(boolRank(q.known), boolRank(p.known)),
			cmp.Compare(q.says, p.says),
			cmp.Compare(timexRank(p.tx.Type), timexRank(q.tx.Type)),
			cmp.Compare(q.when.precision(), p.when.precision()),
			cmp.Compare(p.tx.Start, q.tx.Start),
		)
	})
	for _, c := range cands {
		disagree = disagree || c.known && gov.known && !c.when.overlaps(gov.when)
	}
	return gov, disagree
}

func timexRank(t timex.Type) int {
	if t == timex.Date {
		return 0
	}
	return 1
}

// joined reports whether two dates are the ends of one period: only a
// range word between them ("to", "-"), or "and" after "between".
func (r *report) joined(p, q dating) bool {
	text := r.in.Article.Text
	between := tokenize(text, p.tx.End, q.tx.Start)
	if len(between) != 1 {
		return false
	}
	k := between[0].key()
	if rangeWords[k] {
		return true
	}
	if k != "and" {
		return false
	}
	before, ok := tokenBefore(text, r.sentence.Start, p.tx.Start)
	return ok && betweenWords[before.key()]
}

// period joins two dates into the period from the one through the other,
// as sure as the less sure of them; its expression spans both.
func (r *report) period(p, q dating) dating {
	text := r.in.Article.Text
	tx := p.tx
	tx.End = q.tx.End
	tx.Text = text[tx.Start:tx.End]
	tx.Value = p.tx.Value + "/" + q.tx.Value // an ISO 8601 interval
	tx.Earliest, tx.Latest = minTime(p.tx.Earliest, q.tx.Earliest), maxTime(p.tx.Latest, q.tx.Latest)
	tx.Coarsened = p.tx.Coarsened || q.tx.Coarsened
	if !p.known || !q.known {
		return dating{tx: tx, says: min(p.says, q.says)}
	}
	return dating{tx: tx, when: spanning(p.when, q.when), known: true,
		confidence: min(p.confidence, q.confidence), says: min(p.says, q.says)}
}

// lowerWords are the words of a span in lower case, stop words and all,
// as the type keywords are matched against them.
func lowerWords(text string, s article.Span) []string {
	var out []string
	for _, t := range tokenize(text, s.Start, s.End) {
		if t.word {
			out = append(out, t.key())
		}
	}
	return out
}

// articleSource is the article as a source, without a report in it.
func articleSource(a *article.Article, anc anchor.Anchor) timeline.Source {
	return timeline.Source{
		Article: a.Slug, File: filepath.Base(a.Path), Title: a.Title, URL: a.Meta.URL,
		Outlet: a.Meta.Source, Author: a.Meta.Author, Published: a.Meta.Date.Value(),
		Anchor: timeline.SourceAnchor{Date: anc.Value(), Precision: anc.Precision},
	}
}

func sourceSpan(text string, s article.Span) timeline.SourceSpan {
	return timeline.SourceSpan{Start: s.Start, End: s.End, Text: s.In(text)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
