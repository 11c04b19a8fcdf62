package event

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// Extraction in two halves. What one article tells depends on that
// article alone (its text, its anchor, its expressions) and on the
// gazetteer and types; only the merge looks across articles. So a build
// can find each article's events on its own, in parallel or from a cache
// of an earlier build, and merge them all at the end:
//
//	x := NewExtractor(g)
//	told := []Told{x.Article(in[0]), x.Article(in[1]), ...}
//	tl := x.Merge(told)
//
// gives what Extract(in, g) gives.

// Told is what one article tells, before it is merged with what the
// others tell: the article as a source, and the events of its clauses.
// It survives encoding/gob unchanged, for a build cache.
type Told struct {
	Source timeline.Source
	drafts []*draft
}

// Events is how many events the article tells before merging.
func (t Told) Events() int { return len(t.drafts) }

// An Extractor finds the events of articles one at a time. It is not safe
// for use by several goroutines at once: give each its own.
type Extractor struct{ x *extractor }

// NewExtractor finds events with the gazetteer g, extending the built-in
// one unless it says replace, and its types.
func NewExtractor(g Gazetteer) *Extractor {
	g = g.Resolved()
	types, err := g.Types.resolved()
	if err != nil {
		types = eventTypes // Check reports it; extraction goes on with the built-in types
	}
	return &Extractor{&extractor{find: newFinder(g), said: map[string]said{}, types: types, typer: newTypeIndex(types)}}
}

// Article finds what one article tells.
func (e *Extractor) Article(in Input) Told {
	return Told{Source: articleSource(in.Article, in.Anchor), drafts: e.x.article(in)}
}

// Merge joins what the articles tell into a timeline: the articles in the
// order given, the events merged across them in chronological order.
func (e *Extractor) Merge(told []Told) timeline.Timeline {
	tl := timeline.Timeline{Events: []timeline.Event{}}
	var drafts []*draft
	for _, t := range told {
		tl.Articles = append(tl.Articles, t.Source)
		drafts = append(drafts, t.drafts...)
	}
	tl.Events = merge(drafts, e.x.types)
	return tl
}

// Record is a Told as a cache keeps it: every field exported, the
// drafts' periods as TIMEX3 values, so that encoding/gob writes it as
// it is. A Told itself gob writes only as the opaque bytes of GobEncode,
// which cost a decoder of their own each to read back.
type Record struct {
	Source timeline.Source
	Drafts []draftWire
}

type draftWire struct {
	Event    timeline.Event
	From, To string
	Words    []string
	Article  string
	Sentence int
	Tense    timex.Span
}

// Record is t as a cache keeps it.
func (t Told) Record() Record {
	r := Record{Source: t.Source, Drafts: make([]draftWire, len(t.drafts))}
	for i, d := range t.drafts {
		r.Drafts[i] = draftWire{Event: d.event, From: valueString(d.when.from), To: valueString(d.when.to),
			Words: d.words, Article: d.article, Sentence: d.sentence, Tense: d.tense}
	}
	return r
}

// Told is what r keeps; an error says r holds a period that is no date.
func (r Record) Told() (Told, error) {
	out := Told{Source: r.Source, drafts: make([]*draft, len(r.Drafts))}
	for i, d := range r.Drafts {
		from, err := parseValue(d.From)
		if err != nil {
			return Told{}, err
		}
		to, err := parseValue(d.To)
		if err != nil {
			return Told{}, err
		}
		// gob leaves out empty slices; the events have them, never nil.
		d.Event.Places, d.Event.Actors = nonNil(d.Event.Places), nonNil(d.Event.Actors)
		out.drafts[i] = &draft{event: d.Event, when: period{from, to}, words: d.Words,
			article: d.Article, sentence: d.Sentence, tense: d.Tense}
	}
	return out, nil
}

// GobEncode writes t for a cache.
func (t Told) GobEncode() ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(t.Record())
	return b.Bytes(), err
}

// GobDecode reads what GobEncode wrote.
func (t *Told) GobDecode(data []byte) error {
	var r Record
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&r); err != nil {
		return err
	}
	told, err := r.Told()
	if err != nil {
		return err
	}
	*t = told
	return nil
}

func valueString(v date.Value) string {
	if v.IsZero() {
		return ""
	}
	return v.String()
}

func parseValue(s string) (date.Value, error) {
	if s == "" {
		return date.Value{}, nil
	}
	v, err := date.Parse(s)
	if err != nil {
		return v, fmt.Errorf("event: a cached period: %w", err)
	}
	return v, nil
}
