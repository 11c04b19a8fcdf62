package pipeline

import (
	"fmt"
	"math"
	"path/filepath"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/cache"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/internal/progress"
	"conflict-timeline/timeline/internal/workers"
	"conflict-timeline/timeline/timex"
)

// The work of each article on its own. Once the collection has given
// every article its anchor, what remains of an article depends on that
// article alone: its expressions resolved under its anchor, and what its
// clauses tell (event.Told). That work is shared out among as many
// workers as the machine runs at once, each result kept in the article's
// place, so the output is the same whatever the order they finish in.
//
// With a build cache (Options.Cache), each result is kept under a key of
// what it was made from, and a later build reads it back instead:
//
//	text      the article as read (its text, headline, metadata, file
//	          name), so [limits], which shape the reading, are in it
//	clues     a text resolved with no anchor, as the collection reads
//	          each article's own dates: the text and the options
//	expressions  the text, what of the anchor the resolution reads (its
//	          belief, not the words of its reasons) and [limits]
//	          max_expressions
//	events    the expressions' key, the whole anchor (a source cites its
//	          date) and the gazetteer and [types]
//
// So an article that did not change, and whose anchor the collection
// left as it was, is neither resolved nor read for events again; one
// whose neighbours moved its anchor is. The site's title, its templates
// and the other sections are in no key: changing them resolves nothing.

// minCachedText is the shortest text whose resolution the collection
// keeps in the cache: a dateline or a headline alone costs less to
// resolve than to look up.
const minCachedText = 512

// cachedResolver is resolve, reading the results for long texts from c
// and keeping them there.
func cachedResolver(c *cache.Cache, resolve func(string, timex.Options) []timex.Timex) func(string, timex.Options) []timex.Timex {
	if c == nil {
		return resolve
	}
	return func(text string, o timex.Options) []timex.Timex {
		if len(text) < minCachedText {
			return resolve(text, o)
		}
		k := c.Hash("clues").String(text).JSON(o).Sum()
		var found []timex.Timex
		if c.Get(k, &found) {
			return found
		}
		found = resolve(text, o)
		c.Put(k, found)
		return found
	}
}

// articleKey is the key of an article as read.
func articleKey(c *cache.Cache, a *article.Article) cache.Key {
	return c.Hash("text").String(filepath.Base(a.Path)).String(a.Slug).JSON(a.Format).
		String(a.Title).String(a.Text).JSON(a.Meta).JSON(a.Paragraphs).JSON(a.Sentences).Sum()
}

// resolution is what resolving one article under its anchor found, as
// the cache keeps it.
type resolution struct {
	Found []anchor.Resolved
	// Most is the most expressions one run of the resolver found, before
	// they were cut to the limit.
	Most int
}

// belief is what of an anchor its resolution reads, the probabilities
// rounded to keyPlaces: the collection may sum them in another order
// from one build to the next, and a difference in the last bit must not
// resolve an article afresh.
type belief struct {
	Date       string
	Precision  string
	Confidence float64
	Source     anchor.Source
	Belief     []anchor.Candidate
}

// keyPlaces is how many decimal places of a probability a key holds.
const keyPlaces = 1e9

func beliefOf(a anchor.Anchor) belief {
	b := belief{a.Value(), string(a.Precision), roundKey(a.Confidence), a.Source, make([]anchor.Candidate, len(a.Belief))}
	for i, c := range a.Belief {
		b.Belief[i] = anchor.Candidate{Day: c.Day, P: roundKey(c.P)}
	}
	return b
}

func roundKey(p float64) float64 { return math.Round(p*keyPlaces) / keyPlaces }

// anchorOf is what of an anchor the events of its article read: all of
// it, a source citing its reasons too.
type anchorOf struct {
	Belief  belief
	Reasons []string
}

// resolveAll resolves each article under its anchor. An article the
// resolver fails on is reported and left out (its input has no Article);
// one with more expressions than maxExpr keeps the first so many and is
// reported as cut short.
func resolveAll(arts []*article.Article, anchors []anchor.Anchor, keys []cache.Key, maxExpr int, opt Options, prog *progress.Reporter) ([]event.Input, []cache.Key, []error) {
	inputs := make([]event.Input, len(arts))
	exprKeys := make([]cache.Key, len(arts))
	problems := make([]error, len(arts))
	count := prog.Count("resolving dates", len(arts), "article")
	workers.Each(len(arts), func(_, i int) {
		defer count.Add(1)
		a := arts[i]
		exprKeys[i] = opt.Cache.Hash("expressions").Key(keys[i]).JSON(beliefOf(anchors[i])).Int(maxExpr).Sum()
		var r resolution
		if !opt.Cache.Get(exprKeys[i], &r) {
			resolve := func(text string, o timex.Options) []timex.Timex {
				found := opt.Resolve(text, o)
				r.Most = max(r.Most, len(found))
				return capTimexes(found, maxExpr)
			}
			if err := guard(func() { r.Found = anchor.Resolve(a.Text, anchors[i], resolve) }); err != nil {
				problems[i] = &StepError{Step: "resolving dates", File: a.Path, Err: err, Lost: "the article is left out"}
				return
			}
			opt.Cache.Put(exprKeys[i], r)
		}
		if r.Most > maxExpr {
			problems[i] = &StepError{Step: "resolving dates", File: a.Path, Err: &article.LimitError{
				What:  fmt.Sprintf("the article has %s temporal expressions", article.Thousands(int64(r.Most))),
				Limit: fmt.Sprintf("the limit of %s", article.Thousands(int64(maxExpr))),
				Key:   KeyMaxExpressions,
				Kept:  fmt.Sprintf("the first %s are kept, and its page says so", article.Thousands(int64(maxExpr))),
			}}
		}
		inputs[i] = event.Input{Article: a, Anchor: anchors[i], Timexes: r.Found}
	})
	count.Done()
	return inputs, exprKeys, problems
}

// tellAll finds what each article tells, with a worker's own extractor.
// An article the extractor fails on is reported, and its events are left
// out; told[i] is then empty.
func tellAll(inputs []event.Input, exprKeys []cache.Key, gaz event.Gazetteer, opt Options, prog *progress.Reporter) ([]event.Told, []error) {
	told := make([]event.Told, len(inputs))
	problems := make([]error, len(inputs))
	gazKey := opt.Cache.Hash("gazetteer").JSON(gaz).Sum()
	count := prog.Count("extracting events", len(inputs), "article")
	extractors := make([]*event.Extractor, workers.Count())
	workers.Each(len(inputs), func(w, i int) {
		defer count.Add(1)
		in := inputs[i]
		k := opt.Cache.Hash("events").Key(exprKeys[i]).JSON(anchorOf{beliefOf(in.Anchor), in.Anchor.Reasons}).Key(gazKey).Sum()
		if t, ok := cachedTold(opt.Cache, k); ok {
			told[i] = t
			return
		}
		if extractors[w] == nil {
			extractors[w] = event.NewExtractor(gaz)
		}
		if err := guard(func() { told[i] = extractors[w].Article(in) }); err != nil {
			told[i] = event.Told{}
			problems[i] = &StepError{Step: "extracting events", File: in.Article.Path, Err: err, Lost: "its events are left out"}
			return
		}
		opt.Cache.Put(k, told[i].Record())
	})
	count.Done()
	return told, problems
}

// cachedTold reads what an article tells from the entry of k.
func cachedTold(c *cache.Cache, k cache.Key) (event.Told, bool) {
	var r event.Record
	if !c.Get(k, &r) {
		return event.Told{}, false
	}
	t, err := r.Told()
	return t, err == nil
}
