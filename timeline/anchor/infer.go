package anchor

import (
	"path/filepath"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/workers"
)

// Article anchors one article by what it says of itself: a pin, its
// metadata, a dateline, its text. Articles adds what the collection says.
func Article(a *article.Article, opt Options) Anchor {
	return own(a, opt).anchor
}

// Articles anchors the articles of one collection: each by itself first,
// then those whose own evidence leaves the day open by the dated articles
// that share rare names with them. The anchors are in the order of arts.
//
// The articles are read on all cores: opt.Resolve is called from several
// goroutines at once. The anchors depend neither on the scheduling nor
// on the order of arts.
func Articles(arts []*article.Article, opt Options) []Anchor {
	states := make([]state, len(arts))
	workers.Each(len(arts), func(_, i int) { states[i] = own(arts[i], opt) })
	collect(arts, states, opt.now())
	out := make([]Anchor, len(states))
	for i, s := range states {
		out[i] = s.anchor
	}
	return out
}

// state is one article's anchor as the passes build it.
type state struct {
	anchor Anchor
	read   reading
	// settled anchors come from a pin or from metadata or a dateline that
	// give the day: the collection does not touch them.
	settled bool
	// drawnFrom are the articles a collection anchor was drawn from. They
	// may not in turn be drawn from it: two articles must not vouch for
	// each other.
	drawnFrom []int32
}

// own anchors an article by its own evidence, strongest first. A pin or
// metadata that gives the day is the anchor; one that gives only a month
// or a year bounds what the text may find within it.
func own(a *article.Article, opt Options) state {
	r := readText(a.Title, a.Text, opt.resolver())
	if v, ok := opt.Pins[filepath.Base(a.Path)]; ok {
		if s, ok := pinned(v, r, opt.now()); ok {
			return s
		}
	}
	if s, ok := given(a.Meta, r); ok {
		return s
	}
	if c, ok := givenPeriod(a.Meta.Date); ok {
		r.clues = append(r.clues, c)
	}
	s := state{read: r, anchor: r.anchor(nil, opt.now())}
	s.settled = s.anchor.Source == FromDateline && s.anchor.Precision == timeline.PrecisionDay
	return s
}

// finer reports whether precision p says more than q.
func finer(p, q timeline.Precision) bool { return rank(p) > rank(q) }

// rank orders the precisions, from unknown to the day.
func rank(p timeline.Precision) int {
	switch p {
	case timeline.PrecisionYear:
		return 1
	case timeline.PrecisionMonth:
		return 2
	case timeline.PrecisionWeek:
		return 3
	case timeline.PrecisionDay:
		return 4
	}
	return 0
}

// better reports whether anchor a claims more than b, or as much more
// surely.
func better(a, b Anchor) bool {
	return finer(a.Precision, b.Precision) || (a.Precision == b.Precision && a.Confidence > b.Confidence)
}
