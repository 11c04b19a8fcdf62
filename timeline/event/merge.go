package event

import (
	"cmp"
	"crypto/sha1"
	"encoding"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"

	"conflict-timeline/timeline"
)

// Likeness thresholds: the Jaccard index of two reports' content words
// from which they tell one happening.
const (
	// repeated is for one article that tells a thing twice, as a lead and
	// a later paragraph do: nearly in the same words, at the same date.
	repeated = 0.5
	// retold is for two articles: each tells it in words of its own, and
	// the overlapping date and the shared place carry the rest.
	retold = 0.25
)

// same reports whether two drafts tell one happening.
func same(a, b *draft) bool {
	if a.event.Planned != b.event.Planned {
		return false
	}
	if a.article == b.article {
		// The clauses of one sentence were told apart on purpose.
		return a.sentence != b.sentence &&
			a.event.Date == b.event.Date && a.event.End == b.event.End && a.event.Precision == b.event.Precision &&
			jaccard(a.words, b.words) >= repeated
	}
	return a.when.overlaps(b.when) && sharePlace(a.event, b.event) && jaccard(a.words, b.words) >= retold
}

func sharePlace(a, b timeline.Event) bool {
	for _, p := range a.Places {
		if slices.Contains(b.Places, p) {
			return true
		}
	}
	return false
}

// merge joins the drafts that tell one happening into one event with all
// their sources, and returns the events in chronological order. Only
// drafts of one article or of one place are compared, so the cost grows
// with the reports of a place rather than with the whole collection.
// Which drafts end up together does not depend on their order: the events
// are the connected parts of the "same" relation.
func merge(drafts []*draft, types []eventType) []timeline.Event {
	root := joinSame(drafts)
	groups := map[int][]*draft{}
	for i, d := range drafts {
		groups[root(i)] = append(groups[root(i)], d)
	}
	type placed struct {
		event timeline.Event
		when  period
	}
	joined := make([]placed, 0, len(groups))
	for _, g := range groups {
		e, when := join(g, types)
		joined = append(joined, placed{e, when})
	}
	slices.SortFunc(joined, func(a, b placed) int {
		return cmp.Or(
			// undated events close the timeline
			cmp.Compare(boolRank(a.event.Date == ""), boolRank(b.event.Date == "")),
			a.when.begin().Compare(b.when.begin()),
			a.when.end().Compare(b.when.end()),
			cmp.Compare(boolRank(a.event.Planned), boolRank(b.event.Planned)),
			cmp.Compare(a.event.ID, b.event.ID),
			compareSources(a.event.Sources[0], b.event.Sources[0]),
		)
	})
	events := make([]timeline.Event, len(joined))
	for i, j := range joined {
		events[i] = j.event
	}
	dedupe(events)
	return events
}

// joinSame joins the drafts that tell one happening (see same) and
// returns the root of each draft's group: drafts of one group have the
// same root.
func joinSame(drafts []*draft) func(int) int {
	parent := make([]int, len(drafts))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		if parent[i] != i {
			parent[i] = root(parent[i])
		}
		return parent[i]
	}
	union := func(i, j int) {
		if ri, rj := root(i), root(j); ri != rj {
			parent[rj] = ri
		}
	}
	mergeRepeats(drafts, root, union)
	// Reports of one place in two articles.
	places := map[string][]int{}
	for i, d := range drafts {
		for _, p := range d.event.Places {
			places[p] = append(places[p], i)
		}
	}
	for _, ids := range places {
		// by article, so that only the pairs of two articles are looked at
		slices.SortStableFunc(ids, func(i, j int) int { return cmp.Compare(drafts[i].article, drafts[j].article) })
		next := len(ids) // where the article after ids[x]'s starts
		for x := len(ids) - 1; x >= 0; x-- {
			i := ids[x]
			if x+1 < len(ids) && drafts[ids[x+1]].article != drafts[i].article {
				next = x + 1
			}
			for _, j := range ids[next:] {
				work.Add(1)
				if root(i) != root(j) && same(drafts[i], drafts[j]) {
					union(i, j)
				}
			}
		}
	}
	return root
}

// mergeRepeats joins the reports of one article that tell one happening
// twice (see same): those of one date, not of one sentence, in words
// alike. It compares each set of words a date's reports use once with
// each other, rather than every report with every other: an article that
// repeats itself costs no more than one that does not.
func mergeRepeats(drafts []*draft, root func(int) int, union func(i, j int)) {
	type block struct {
		article, date, end string
		precision          timeline.Precision
		planned            bool
	}
	// words is the reports of one block that use one set of words.
	type words struct {
		key       string
		set       []string // sorted
		ids       []int
		sentence  int  // of ids[0]
		sentences bool // ids are of more than one sentence
		// joined says every report of ids is joined to the others
		joined bool
	}
	blocks := map[block]map[string]*words{}
	var order []block
	for i, d := range drafts {
		if len(d.words) == 0 {
			continue // like nothing (see jaccard)
		}
		k := block{d.article, d.event.Date, d.event.End, d.event.Precision, d.event.Planned}
		if blocks[k] == nil {
			blocks[k] = map[string]*words{}
			order = append(order, k)
		}
		set := slices.Compact(slices.Sorted(slices.Values(d.words)))
		key := strings.Join(set, "\x00")
		w := blocks[k][key]
		if w == nil {
			w = &words{key: key, set: set, sentence: d.sentence}
			blocks[k][key] = w
		}
		w.ids = append(w.ids, i)
		w.sentences = w.sentences || d.sentence != w.sentence
	}
	join := func(ws ...*words) {
		for _, w := range ws {
			if w.joined { // its reports are one already
				union(ws[0].ids[0], w.ids[0])
				continue
			}
			for _, i := range w.ids {
				union(ws[0].ids[0], i)
			}
			w.joined = true
		}
	}
	for _, k := range order {
		var ws []*words
		for _, w := range blocks[k] {
			ws = append(ws, w)
		}
		// Reports in the same words and two sentences are joined; so
		// are all those of two sets of words alike, unless all are of
		// one sentence. The order of ws does not matter: the events are
		// what is joined in the end.
		for _, w := range ws {
			if w.sentences {
				join(w)
			}
		}
		compare := func(a, b *words) {
			work.Add(1)
			if a.joined && b.joined && root(a.ids[0]) == root(b.ids[0]) {
				return
			}
			if !a.sentences && !b.sentences && a.sentence == b.sentence {
				return
			}
			if sortedJaccard(a.set, b.set) >= repeated {
				join(a, b)
			}
		}
		if len(ws) <= maxWordings {
			slices.SortFunc(ws, func(a, b *words) int { return cmp.Compare(len(a.set), len(b.set)) })
			for x, a := range ws {
				for _, b := range ws[x+1:] {
					if len(b.set) > 2*len(a.set) {
						break // too many words more to be alike (jaccard < 1/2)
					}
					compare(a, b)
				}
			}
			continue
		}
		// More wordings of one date than any article has: each is
		// compared with those told nearest it.
		slices.SortFunc(ws, func(a, b *words) int { return cmp.Or(cmp.Compare(a.sentence, b.sentence), cmp.Compare(a.key, b.key)) })
		for x, a := range ws {
			for _, b := range ws[x+1 : min(len(ws), x+1+maxWordings/2)] {
				compare(a, b)
			}
		}
	}
}

// sortedJaccard is jaccard of two sets of words, each sorted.
func sortedJaccard(a, b []string) float64 {
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			shared, i, j = shared+1, i+1, j+1
		}
	}
	all := len(a) + len(b) - shared
	if all == 0 {
		return 0
	}
	return float64(shared) / float64(all)
}

// maxWordings is how many sets of words the reports of one date in one
// article may use for each to be compared with every other. Past that,
// as only a hostile article has, each is compared with the maxWordings/2
// told before it and after it, so that the cost stays linear: a report
// is joined to one it repeats within some thousands of reports.
const maxWordings = 1024

// join makes one event of the drafts of one happening. It takes its
// date, words and ID from the report that dates it best (the most
// precise, then the surest), its type from the most specific type any
// report has, and lists every report as a source, the best first.
func join(g []*draft, types []eventType) (timeline.Event, period) {
	slices.SortFunc(g, func(a, b *draft) int {
		return cmp.Or(
			cmp.Compare(b.event.Precision, a.event.Precision),
			cmp.Compare(b.event.Confidence, a.event.Confidence),
			compareSources(a.event.Sources[0], b.event.Sources[0]),
		)
	})
	best := g[0]
	e := best.event
	e.ID = best.event.Sources[0].ID
	e.Sources = []timeline.Source{best.event.Sources[0]}
	rest := g[1:]
	slices.SortFunc(rest, func(a, b *draft) int { return compareSources(a.event.Sources[0], b.event.Sources[0]) })
	for _, d := range rest {
		e.Sources = append(e.Sources, d.event.Sources...)
		e.Places = union(e.Places, d.event.Places)
		e.Actors = union(e.Actors, d.event.Actors)
		e.Confidence = max(e.Confidence, d.event.Confidence)
		if typeRank(types, d.event.Type) < typeRank(types, e.Type) {
			e.Type = d.event.Type
		}
	}
	return e, best.when
}

func compareSources(a, b timeline.Source) int {
	return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Timex.Start, b.Timex.Start))
}

// typeRank is a type's precedence among types; OtherType comes last.
func typeRank(types []eventType, name string) int {
	for i, t := range types {
		if t.name == name {
			return i
		}
	}
	return len(types)
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reportKey is what the IDs of a sentence's reports read of the
// article and the sentence (in lower case, its spaces folded), hashed
// once for all of them: a sentence may have many.
func reportKey(article, sentence string) []byte {
	work.Add(int64(len(sentence)))
	h := sha1.New()
	io.WriteString(h, article+"\x00")
	io.WriteString(h, strings.Join(strings.Fields(strings.ToLower(sentence)), " "))
	io.WriteString(h, "\x00")
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic(err) // crypto/sha1 always can
	}
	return state
}

// reportIDOf derives the ID of one report from its article and its
// words: the sentence, and the expression that dates it (a sentence that
// tells two happenings gives two reports). It stays the same however the
// articles are ordered or added to, however the resolver dates the
// sentence, and whatever else in the article is edited: 3f2a9c01be7d.
// The article and the sentence are given by their key (reportKey): the
// ID is the SHA-1 of article, sentence and expression.
func reportIDOf(key []byte, timexText string) string {
	h := sha1.New()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(key); err != nil {
		panic(err)
	}
	io.WriteString(h, strings.ToLower(timexText))
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// dedupe gives events that share an ID (the same words at the same date,
// in reports not merged, such as two places) IDs of their own: the first
// by its first source keeps the ID, the others take -2, -3, ... in that
// order, which does not depend on the order of the articles either.
func dedupe(events []timeline.Event) {
	byID := map[string][]*timeline.Event{}
	for i := range events {
		byID[events[i].ID] = append(byID[events[i].ID], &events[i])
	}
	for id, same := range byID {
		if len(same) < 2 {
			continue
		}
		slices.SortFunc(same, func(a, b *timeline.Event) int {
			return cmp.Or(compareSources(a.Sources[0], b.Sources[0]), cmp.Compare(a.Text, b.Text))
		})
		for k, e := range same[1:] {
			e.ID = fmt.Sprintf("%s-%d", id, k+2)
		}
	}
}
