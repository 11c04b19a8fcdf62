package anchor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/article"
)

// The collection pass. The articles of one folder are about one conflict,
// and those that share rare names (a town, a commander, a militia) mostly
// report the same weeks. So an article whose own words leave its date
// open is drawn towards the dated articles it shares such names with: it
// learns a year and a season from them, never a day.

// collect is the collection pass, in two rounds: the second lets an
// article dated by the first (to the day, through its own weekdays) date
// others in turn. Each round reads the anchors of the one before, so the
// order of the articles does not matter.
func collect(arts []*article.Article, states []state, now time.Time) {
	names := make([]map[name]bool, len(arts))
	df := map[name]int{}
	slugs := make([]string, len(arts))
	for i, a := range arts {
		names[i] = namesOf(a.Title + "\n" + a.Text)
		for w := range names[i] {
			df[w]++
		}
		slugs[i] = a.Slug
	}
	for range 2 {
		before := make([]Anchor, len(states))
		for i, s := range states {
			before[i] = s.anchor
		}
		drawn := make([]map[int]bool, len(states))
		for i, s := range states {
			drawn[i] = s.drawnFrom
		}
		for i := range states {
			s := &states[i]
			if s.settled || s.anchor.Precision == timeline.PrecisionDay {
				continue
			}
			dated := func(j int) bool { return finer(before[j].Precision, timeline.PrecisionYear) && !drawn[j][i] }
			rel := relatedTo(i, names, df, dated)
			if len(rel) == 0 {
				continue
			}
			f := collectionFactor(rel, before)
			a := s.read.anchor(f, now)
			if !better(a, s.anchor) {
				continue
			}
			a.Reasons = append(a.Reasons[:len(a.Reasons):len(a.Reasons)],
				"the collection: it shares rare names with "+describeRelated(rel, slugs, before))
			s.anchor, s.drawnFrom = a, map[int]bool{}
			for _, r := range rel {
				s.drawnFrom[r.index] = true
			}
		}
	}
}

// name is a capitalized word taken for a proper name.
type name = string

// namesOf collects the proper names of a text: words that start with a
// capital letter everywhere they appear, at least once inside a sentence
// (so that "The" and "But" stay out), and that are not on the list of
// words that only look like names.
func namesOf(text string) map[name]bool {
	inside, lower := map[string]bool{}, map[string]bool{}
	atStart := true
	for _, w := range splitWords(text) {
		w.word = nameCore(w.word)
		r, _ := utf8.DecodeRuneInString(w.word)
		key := strings.ToLower(w.word)
		switch {
		case !unicode.IsLetter(r):
		case unicode.IsUpper(r):
			if !atStart {
				inside[w.word] = true
			}
		default:
			lower[key] = true
		}
		atStart = w.endsSentence
	}
	names := map[name]bool{}
	for w := range inside {
		key := strings.ToLower(w)
		if !lower[key] && !notNames[key] && !monthWords[key] && utf8.RuneCountInString(w) >= 3 && !strings.ContainsAny(w, "'’") {
			names[w] = true
		}
	}
	return names
}

// nameCore strips what a name takes in running text: a possessive
// ("Assad's") and a lower-case compound ("US-backed", "Britain-based").
func nameCore(w string) string {
	for _, s := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, s)
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) {
		if r, _ := utf8.DecodeRuneInString(w[i+1:]); unicode.IsLower(r) {
			return nameCore(w[:i])
		}
	}
	return w
}

// word is one word of a text and whether a sentence ends after it.
type word struct {
	word         string
	endsSentence bool
}

// splitWords splits text into words: letters with inner hyphens and
// apostrophes ("al-Assad", "O'Brien"). A line break or terminal
// punctuation ends a sentence.
func splitWords(text string) []word {
	var out []word
	start := -1
	for i, r := range text + " " {
		inWord := unicode.IsLetter(r) || (start >= 0 && (r == '-' || r == '\'' || r == '’') && i+1 < len(text) && isLetterAt(text, i+utf8.RuneLen(r)))
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{word: text[start:i]})
			start = -1
		}
		if strings.ContainsRune(".!?\n:•|", r) && len(out) > 0 {
			out[len(out)-1].endsSentence = true
		}
	}
	return out
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// rareShare bounds the share of a collection's articles a name may appear
// in and still count as rare: a name in most articles ("Aleppo" in a
// collection about Aleppo) links nothing.
const rareShare = 0.6

// related is a dated article that shares rare names with another.
type related struct {
	index  int     // in the collection
	weight float64 // the rare names' weight (see nameWeight), summed
	names  []name
}

// nameWeight is how strongly one shared name links two articles: a name
// only they have links them fully, one that n articles share is one link
// among n−1.
func nameWeight(df int) float64 { return 1 / float64(df-1) }

// relatedTo lists the dated articles that share rare names with article
// i, most related first. df is each name's document frequency.
func relatedTo(i int, names []map[name]bool, df map[name]int, dated func(int) bool) []related {
	n := len(names)
	var out []related
	for j := range names {
		if j == i || !dated(j) {
			continue
		}
		r := related{index: j}
		for w := range names[i] {
			if names[j][w] && float64(df[w]) <= math.Max(2, rareShare*float64(n)) {
				r.weight += nameWeight(df[w])
				r.names = append(r.names, w)
			}
		}
		if r.weight > 0 {
			sort.Strings(r.names)
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].weight > out[b].weight })
	return out
}

// linkScale is the weight of shared names that makes two articles
// related with odds of e−1 to 1.
const linkScale = 1.5

// neighbour is a dated article in the collection factor.
type neighbour struct {
	date   time.Time
	spread float64 // days: how far from it a related article may lie
	weight float64
}

// yearFactor is the collection's evidence about one article: a mixture of
// the dates of the articles related to it, each spread over some months,
// against the chance that the names are shared by accident.
type yearFactor struct {
	first, last int
	neighbours  []neighbour
	// related is how likely the article is to be about the same weeks
	// as its neighbours at all.
	related float64
	// only restricts the date to the years first to last outright; the
	// evaluation uses it to ask what the text fixes once the year is
	// known.
	only bool
}

// spreadDays is how far, typically, two articles that share rare names
// lie apart; a neighbour known only to its year spreads over it.
var spreadDays = map[timeline.Precision]float64{
	timeline.PrecisionDay:   45,
	timeline.PrecisionWeek:  45,
	timeline.PrecisionMonth: 60,
	timeline.PrecisionYear:  180,
}

// collectionFactor builds the factor of an article's related articles.
func collectionFactor(rel []related, anchors []Anchor) *yearFactor {
	f := &yearFactor{}
	var total float64
	for k, r := range rel {
		a := anchors[r.index]
		f.neighbours = append(f.neighbours, neighbour{date: a.Date, spread: spreadDays[a.Precision], weight: r.weight * a.Confidence})
		total += r.weight * a.Confidence
		if y := a.Date.Year(); k == 0 {
			f.first, f.last = y-1, y+1
		} else {
			f.first, f.last = min(f.first, y-1), max(f.last, y+1)
		}
	}
	// One shared rare name is a hint, several are a link: three names
	// that only two articles have make it near certain.
	f.related = 1 - math.Exp(-total/linkScale)
	return f
}

func (y *yearFactor) widen(first, last int, ok bool) (int, int) {
	if !ok {
		return y.first, y.last
	}
	return min(first, y.first), max(last, y.last)
}

func (y *yearFactor) weigh(c *calendar, logp []float64) {
	if y.only {
		for i := c.from; i < c.to; i++ {
			if yr := c.days[i].year; yr < y.first || yr > y.last {
				logp[i-c.from] -= 1000
			}
		}
		return
	}
	var total float64
	for _, n := range y.neighbours {
		total += n.weight
	}
	at := make([]int, len(y.neighbours))
	for k, n := range y.neighbours {
		at[k] = c.index(n.date)
	}
	accident := (1 - y.related) / float64(c.to-c.from)
	for i := c.from; i < c.to; i++ {
		q := accident
		for k, n := range y.neighbours {
			d := math.Abs(float64(i - at[k]))
			q += y.related * n.weight / total * math.Exp(-d/n.spread) / (2 * n.spread)
		}
		logp[i-c.from] += math.Log(q)
	}
}

// describe says which related articles the factor comes from.
//
// The articles are told most related first, ties (weights equal up to
// the rounding of their sums, which follow map order) by slug, so the
// reasons read the same in every build.
func describeRelated(rel []related, slugs []string, anchors []Anchor) string {
	rel = slices.Clone(rel)
	slices.SortStableFunc(rel, func(a, b related) int {
		if !closeWeights(a.weight, b.weight) {
			return cmp.Compare(b.weight, a.weight)
		}
		return cmp.Or(cmp.Compare(slugs[a.index], slugs[b.index]), cmp.Compare(a.index, b.index))
	})
	var parts []string
	for k, r := range rel {
		if k == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rel)-k))
			break
		}
		a := anchors[r.index]
		parts = append(parts, fmt.Sprintf("%s (%s, %s precision: %s)", slugs[r.index], a.Value(), a.Precision, strings.Join(quoteAll(r.names), ", ")))
	}
	return strings.Join(parts, "; ")
}

// closeWeights reports whether two sums of name weights are the same
// sum, added up in different orders.
func closeWeights(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fmt.Sprintf("%q", w)
	}
	return out
}
