package event

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

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

// embeddedPost reports a sentence that is part of an embedded post: it
// carries a mark itself, or it is cut short by a "?" or "!" inside a post
// whose mark comes later on the same line ("2013 gas attack a 'false
// flag?': ... — RT (@RT_com) November 21, 2016").
func embeddedPost(text string, s article.Span) bool {
	sentence := text[s.Start:s.End]
	if embedded(sentence) {
		return true
	}
	if strings.HasSuffix(strings.TrimRight(sentence, " \"')"), ".") {
		return false
	}
	line := text[s.Start:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return embedded(line)
}

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
