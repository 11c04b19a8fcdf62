package anchor

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rare names of a collection and the articles that carry each: the
// collection pass walks these postings instead of comparing every pair
// of articles, so its work grows with the articles, not their square.

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

// maxNameArticles bounds the articles a name may appear in and still
// count as rare, however large the collection. A name that
// maxNameArticles articles share links each two of them with the weight
// 1/(maxNameArticles−1), a two-hundredth of what a name only they have
// gives: it tells nothing of the weeks an article is about, and walking
// its postings for each of its articles would make the pass quadratic.
// On the TempEval-3 silver newswire (2,452 articles) three names pass
// this bound ("Clinton" is in 494); leaving them out changes no anchor,
// only the names five reasons list.
const maxNameArticles = 200

// nameIndex holds the rare names of a collection: those in at least two
// articles and at most maxNameArticles, and in at most rareShare of them.
type nameIndex struct {
	names    []name    // by id, in lexical order
	postings [][]int32 // by name id: the articles that carry it, ascending
	of       [][]int32 // by article: its rare names' ids, ascending
	slugs    []string  // by article, to order ties; may be nil
}

func (idx *nameIndex) slug(i int) string {
	if idx.slugs == nil {
		return ""
	}
	return idx.slugs[i]
}

// indexNames indexes the names of each article of a collection.
func indexNames(names []map[name]bool) *nameIndex {
	df := map[name]int{}
	for _, ns := range names {
		for w := range ns {
			df[w]++
		}
	}
	most := min(maxNameArticles, int(math.Max(2, rareShare*float64(len(names)))))
	idx := &nameIndex{}
	for w, n := range df {
		if n >= 2 && n <= most {
			idx.names = append(idx.names, w)
		}
	}
	slices.Sort(idx.names)
	id := make(map[name]int32, len(idx.names))
	for k, w := range idx.names {
		id[w] = int32(k)
	}
	idx.postings = make([][]int32, len(idx.names))
	idx.of = make([][]int32, len(names))
	for i, ns := range names {
		for w := range ns {
			if k, ok := id[w]; ok {
				idx.of[i] = append(idx.of[i], k)
				idx.postings[k] = append(idx.postings[k], int32(i))
			}
		}
		slices.Sort(idx.of[i])
	}
	return idx
}

// shared are the rare names articles i and j both carry, in lexical
// order.
func (idx *nameIndex) shared(i, j int) []name {
	var out []name
	a, b := idx.of[i], idx.of[j]
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			out = append(out, idx.names[a[0]])
			a, b = a[1:], b[1:]
		}
	}
	return out
}
