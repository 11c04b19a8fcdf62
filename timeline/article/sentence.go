package article

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The sentence splitter is rule-based: a sentence ends at terminal
// punctuation (. ! ? …) plus any closing quotes or brackets, when what
// follows looks like the start of a new sentence. Abbreviations, initials
// and numbers are told apart by the word lists in sentences.txt. A line
// break always ends a sentence: lines in the sources are paragraphs,
// captions or tweets, never a sentence wrapped in two.

// abbrevKind says when a word followed by a period is an abbreviation.
type abbrevKind int

const (
	notAbbrev    abbrevKind = iota
	always                  // never ends a sentence: "Mr.", "Gen."
	beforeNumber            // abbreviation only before a number: "No. 10"
	ambiguous               // ends a sentence only before a starter word: "U.S."
)

//go:embed sentences.txt
var sentenceLists string

var abbrevs, starters = loadSentenceLists(sentenceLists)

func loadSentenceLists(src string) (map[string]abbrevKind, map[string]bool) {
	kinds := map[string]abbrevKind{"always": always, "number": beforeNumber, "ambiguous": ambiguous}
	abbrevs := map[string]abbrevKind{}
	starters := map[string]bool{}
	for i, line := range strings.Split(src, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		kind, words := fields[0], fields[1:]
		for _, w := range words {
			if kind == "starter" {
				starters[w] = true
			} else if k, ok := kinds[kind]; ok {
				abbrevs[w] = k
			} else {
				panic(fmt.Sprintf("sentences.txt:%d: unknown kind %q", i+1, kind))
			}
		}
	}
	return abbrevs, starters
}

// SplitSentences returns the sentences of text as byte spans, in order,
// trimmed of surrounding space. It is what Read uses on each paragraph.
func SplitSentences(text string) []Span {
	var spans []Span
	base := 0
	for _, line := range strings.Split(text, "\n") {
		spans = sentencesInLine(line, base, spans)
		base += len(line) + 1
	}
	return spans
}

// sentencesInLine appends the sentences of one line that starts at byte
// offset base of the whole text.
func sentencesInLine(line string, base int, spans []Span) []Span {
	start := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isTerminal(r) {
			i += size
			continue
		}
		end := skipClosing(line, i)
		if endsSentence(line, start, i, end) {
			spans = appendTrimmed(spans, line, base, start, end)
			start = end
		}
		i = end
	}
	return appendTrimmed(spans, line, base, start, len(line))
}

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isCloser is what may follow the punctuation and still belong to the
// sentence: `he said."` or `(in 2016.)`.
func isCloser(r rune) bool { return r == '"' || r == '\'' || r == ')' || r == ']' || r == '»' }

// skipClosing returns the offset just past the run of terminal punctuation
// at i ("?!", "...") and any closing quotes or brackets after it.
func skipClosing(line string, i int) int {
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isTerminal(r) {
			break
		}
		i += size
	}
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isCloser(r) {
			break
		}
		i += size
	}
	return i
}

// endsSentence decides whether the punctuation at line[punct:end] ends the
// sentence that began at start, by looking at the word before and after.
func endsSentence(line string, start, punct, end int) bool {
	rest := line[end:]
	next := strings.TrimLeftFunc(rest, unicode.IsSpace)
	if next == "" {
		return true
	}
	if len(next) == len(rest) {
		return missingSpace(line, punct, next)
	}
	if first, _ := utf8.DecodeRuneInString(next); unicode.IsLower(first) && !isURL(next) {
		return false // "e.g. the", `"Stop!" he said`
	}
	if line[punct] != '.' || (punct+1 < end && line[punct+1] == '.') {
		return true // ! ? … and ellipses need no abbreviation check
	}
	if isListNumber(line[start:punct]) {
		return false
	}
	word := wordBefore(line, start, punct)
	if word == "" {
		return true
	}
	switch kindOf(word) {
	case always:
		return false
	case beforeNumber:
		r, _ := utf8.DecodeRuneInString(next)
		return !unicode.IsDigit(r)
	case ambiguous:
		return starters[firstWord(next)]
	}
	return true
}

// isURL reports whether s starts with a web address, which begins a new
// sentence however lowercase it is: "...hospitals. https://t.co/...".
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// dottedAcronym matches initials run together: U.S, U.S.A, a.m.
var dottedAcronym = regexp.MustCompile(`^(\pL\.)+\pL$`)

// isListNumber reports whether a sentence so far is only a number, the
// "1." of a list item, which is never a sentence by itself.
func isListNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// kindOf classifies the word before a period.
func kindOf(word string) abbrevKind {
	if k, ok := abbrevs[word]; ok {
		return k
	}
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return ambiguous // an initial: "George W. Bush"
	}
	if dottedAcronym.MatchString(word) {
		return ambiguous
	}
	return notAbbrev
}

// missingSpace handles sentences glued together by a lost space, as in
// `them," he said.Launching` or `area.We are`: the period must follow a
// lowercase word that is no abbreviation, and be followed by a capitalized
// word that is not part of a domain name such as "Reuters.com".
func missingSpace(line string, punct int, next string) bool {
	if line[punct] != '.' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(line[:punct])
	if !unicode.IsLower(before) {
		return false
	}
	if _, ok := abbrevs[wordBefore(line, 0, punct)]; ok {
		return false
	}
	word := firstWord(next)
	r, size := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) || size == len(word) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(word[size:])
	if !unicode.IsLower(r2) {
		return false
	}
	after := next[len(word):]
	isDomain := len(after) > 1 && after[0] == '.' && after[1] != ' '
	return !isDomain
}

// wordBefore is the word that ends at the punctuation, without opening
// quotes or brackets: `("U.S.` gives "U.S". It never reaches before start.
func wordBefore(line string, start, punct int) string {
	i := strings.LastIndexFunc(line[start:punct], unicode.IsSpace) + 1 + start
	return strings.TrimLeft(line[i:punct], `"'([`)
}

// firstWord is the leading run of letters and digits of s, after any
// opening quote or bracket.
func firstWord(s string) string {
	s = strings.TrimLeft(s, `"'([`)
	end := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if end < 0 {
		return s
	}
	return s[:end]
}

// maxSentence bounds a sentence, in bytes. News sentences are far
// shorter; a run of text with no sentence end for longer than this (a
// pasted table, a hostile line of "on Monday on Monday ...") is cut into
// pieces at word breaks, so that no event quotes more than this, however
// many dates such a line holds.
const maxSentence = 2000

// appendTrimmed appends line[start:end] shifted by base, without its
// surrounding space, unless nothing is left; a span over maxSentence is
// appended in pieces.
func appendTrimmed(spans []Span, line string, base, start, end int) []Span {
	start, end = trimSpace(line, start, end)
	for end-start > maxSentence {
		cut := pieceEnd(line, start, start+maxSentence)
		if s, e := trimSpace(line, start, cut); e > s {
			spans = append(spans, Span{base + s, base + e})
		}
		start, end = trimSpace(line, cut, end)
	}
	if end > start {
		spans = append(spans, Span{base + start, base + end})
	}
	return spans
}

// trimSpace narrows line[start:end] to leave out the space around it.
func trimSpace(line string, start, end int) (int, int) {
	s := line[start:end]
	left := strings.TrimLeftFunc(s, unicode.IsSpace)
	start += len(s) - len(left)
	return start, start + len(strings.TrimRightFunc(left, unicode.IsSpace))
}

// pieceEnd is where a piece of an over-long sentence starting at start
// ends, at most at limit: after the last space before it, else at a
// character boundary.
func pieceEnd(line string, start, limit int) int {
	if i := strings.LastIndexFunc(line[start:limit], unicode.IsSpace); i > 0 {
		return start + i + 1
	}
	for limit > start+1 && !utf8.RuneStart(line[limit]) {
		limit--
	}
	return limit
}
