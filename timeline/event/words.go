package event

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/wordlist"
)

//go:embed words.txt
var wordsText string

// lists are the word lists of words.txt by name.
var lists = wordlist.MustParse("words.txt", wordsText)

var (
	subordinators = set("subordinate")
	coordinators  = set("coordinate")
	boundaries    = set("boundary")
	dashes        = set("dash")
	rangeWords    = set("range")
	betweenWords  = set("between")
	stopWords     = set("stop")
	suffixes      = lists["suffix"]
	embedMarks    = lists["embed"]
)

// embedded reports text that holds a mark of an embedded post.
func embedded(text string) bool {
	for _, m := range embedMarks {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}

func set(name string) map[string]bool { return lists.Set(name) }

// token is a word or a punctuation mark of a text, by byte offsets.
type token struct {
	start, end int
	text       string // as written
	word       bool   // letters or digits, not punctuation
}

// key is the token as the word lists hold it.
func (t token) key() string { return strings.ToLower(t.text) }

// tokenize cuts text[start:end] into words and punctuation marks. A word
// runs over letters and digits and keeps the apostrophes and hyphens
// inside it ("Assad's", "rebel-held"), so that it reads as one word.
func tokenize(text string, start, end int) []token {
	var out []token
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < end {
				r, m := utf8.DecodeRuneInString(text[j:end])
				if isWordRune(r) {
					j += m
					continue
				}
				// An inner apostrophe or hyphen joins two runs of letters.
				if isJoiner(r) && j+m < end {
					if r2, _ := utf8.DecodeRuneInString(text[j+m : end]); isWordRune(r2) {
						j += m
						continue
					}
				}
				break
			}
			out = append(out, token{start: i, end: j, text: text[i:j], word: true})
			i = j
		default:
			out = append(out, token{start: i, end: i + n, text: text[i : i+n]})
			i += n
		}
	}
	work.Add(int64(len(out)))
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '‐' }

// contentWords are the words of text[start:end] that carry its meaning:
// lower case, stop words left out, common endings taken off. skip holds
// spans whose words are left out too, such as the expressions that dated
// the text: "on Monday" says when, not what.
func contentWords(text string, start, end int, skip ...article.Span) []string {
	var out []string
next:
	for _, t := range tokenize(text, start, end) {
		if !t.word || stopWords[t.key()] {
			continue
		}
		for _, s := range skip {
			if t.start >= s.Start && t.end <= s.End {
				continue next
			}
		}
		out = append(out, stem(t.key()))
	}
	return out
}

// stem takes the longest listed ending off a word that stays at least
// four letters long. It is crude on purpose: it only has to make the
// forms of a word meet when two reports are compared.
func stem(w string) string {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w)-utf8.RuneCountInString(s) >= 4 {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// jaccard is the overlap of two bags of words as sets: shared words over
// all words, 0 when both are empty.
func jaccard(a, b []string) float64 {
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	for _, w := range b {
		sb[w] = true
	}
	shared := 0
	for w := range sa {
		if sb[w] {
			shared++
		}
	}
	all := len(sa) + len(sb) - shared
	if all == 0 {
		return 0
	}
	return float64(shared) / float64(all)
}

// work counts the steps of extraction that do not read tokens (the
// expressions looked at per sentence, the clauses, the reports merged),
// and the tokens read: tests check it grows linearly with an article.
var work atomic.Int64

// skipper tells the words that lie inside any of some spans: the
// expressions of a sentence, whose words say when, not what. It answers
// in log time, whatever the number of spans.
type skipper struct {
	spans []article.Span // by start
	reach []int          // reach[i]: the furthest end of spans[:i+1]
}

func newSkipper(txs []anchor.Resolved) *skipper {
	s := &skipper{}
	for _, t := range txs {
		s.spans = append(s.spans, article.Span{Start: t.Start, End: t.End})
	}
	slices.SortStableFunc(s.spans, func(a, b article.Span) int { return cmp.Compare(a.Start, b.Start) })
	s.reach = make([]int, len(s.spans))
	for i, sp := range s.spans {
		s.reach[i] = sp.End
		if i > 0 {
			s.reach[i] = max(sp.End, s.reach[i-1])
		}
	}
	return s
}

// covers reports whether a span holds text[start:end].
func (s *skipper) covers(start, end int) bool {
	// the spans that start at or before start: does one reach end?
	i, found := slices.BinarySearchFunc(s.spans, start, func(sp article.Span, at int) int { return cmp.Compare(sp.Start, at) })
	for found && i+1 < len(s.spans) && s.spans[i+1].Start == start {
		i++
	}
	if !found {
		i--
	}
	return i >= 0 && s.reach[i] >= end
}

// contentWords is the package's contentWords, leaving out the words
// inside the skipper's spans.
func (s *skipper) contentWords(text string, start, end int) []string {
	toks := tokenize(text, start, end)
	return s.contentOf(toks, keysOf(toks))
}

// contentOf is contentWords of tokens read already, with their keys.
func (s *skipper) contentOf(toks []token, keys []string) []string {
	var out []string
	for i, t := range toks {
		if !t.word || stopWords[keys[i]] || s.covers(t.start, t.end) {
			continue
		}
		out = append(out, stem(keys[i]))
	}
	return out
}

// reading is a sentence read once: its tokens and their keys, which the
// clauses, the type and the words of each event of it take their part
// of, rather than reading it again.
type reading struct {
	toks []token
	keys []string
}

func read(text string, s article.Span) *reading {
	toks := tokenize(text, s.Start, s.End)
	return &reading{toks: toks, keys: keysOf(toks)}
}

func keysOf(toks []token) []string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key()
	}
	return keys
}

// in are the tokens of the reading within s, and their keys. s must
// start and end between tokens, as a clause does: then they are the
// tokens tokenize reads in s.
func (r *reading) in(s article.Span) ([]token, []string) {
	i, _ := slices.BinarySearchFunc(r.toks, s.Start, func(t token, at int) int { return cmp.Compare(t.start, at) })
	j, _ := slices.BinarySearchFunc(r.toks, s.End+1, func(t token, at int) int { return cmp.Compare(t.end, at) })
	j = max(i, j)
	return r.toks[i:j], r.keys[i:j]
}

// lower are the words among toks, in lower case: their keys.
func lower(toks []token, keys []string) []string {
	var out []string
	for i, t := range toks {
		if t.word {
			out = append(out, keys[i])
		}
	}
	return out
}

// tokenBefore is the last token of text[from:at], as tokenize reads it,
// found without reading text from from: it starts after the last space
// before it, where tokenize starts a token too.
func tokenBefore(text string, from, at int) (token, bool) {
	s := strings.TrimRightFunc(text[from:at], unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		from += i + n
	}
	toks := tokenize(text, from, at)
	if len(toks) == 0 {
		return token{}, false
	}
	return toks[len(toks)-1], true
}

// postFinder tells the sentences of a text that are part of an embedded
// post: a sentence that carries a mark itself, or that is cut short by a
// "?" or "!" inside a post whose mark comes later on the same line
// ("2013 gas attack a 'false flag?': ... — RT (@RT_com) November 21,
// 2016"). Asked about sentences in order, it reads the text once, not a
// sentence's whole line each time.
type postFinder struct {
	text     string
	newline  found1
	marks    []found1
	nextMark int
}

// found1 is where a string was last found: at, the first place at or
// after from it is, -1 for nowhere.
type found1 struct{ from, at int }

func newPostFinder(text string) *postFinder {
	f := &postFinder{text: text, newline: found1{-1, 0}, marks: make([]found1, len(embedMarks))}
	for i := range f.marks {
		f.marks[i] = found1{-1, 0}
	}
	return f
}

// next is where s is next found in the text at or after p.
func (f *postFinder) next(c *found1, s string, p int) int {
	if c.from < 0 || p < c.from || c.at >= 0 && c.at < p {
		c.from, c.at = p, strings.Index(f.text[p:], s)
		if c.at >= 0 {
			c.at += p
		}
	}
	return c.at
}

// embedded reports whether sentence s is part of an embedded post.
func (f *postFinder) embedded(s article.Span) bool {
	text := f.text
	sentence := text[s.Start:s.End]
	if embedded(sentence) {
		return true
	}
	if strings.HasSuffix(strings.TrimRight(sentence, " \"')"), ".") {
		return false
	}
	lineEnd := f.next(&f.newline, "\n", s.Start)
	if lineEnd < 0 {
		lineEnd = len(text)
	}
	for i, m := range embedMarks {
		if at := f.next(&f.marks[i], m, s.Start); at >= 0 && at+len(m) <= lineEnd {
			return true
		}
	}
	return false
}
