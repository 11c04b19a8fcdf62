package timex

import (
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// tokensRead counts the tokens read since the program started.
var tokensRead atomic.Int64

// TokensRead is how many tokens the package has read since the program
// started: a measure of the work done, not of the time it took, with
// which tests check that the work grows linearly with the input.
func TokensRead() int64 { return tokensRead.Load() }

// tokKind is the coarse shape of a token.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters, with inner apostrophes or dots (a.m., U.S.)
	tokNum                  // digits, maybe with a suffix: 7th, 1990s, 5pm
	tokPunct                // any other single rune
)

// token is a span of the input. Tokens never copy the input: key is the
// lower-cased text used for lexicon look-ups, and it aliases the input
// whenever the input is already lower case.
type token struct {
	start, end int
	kind       tokKind
	key        string
	// num is the value of a number token (digits, or number words merged
	// by mergeNumbers); digits is its count of digits, 0 for words.
	num    int
	digits int
	// grouped reports a thousands separator: 1,200 is never a year.
	grouped bool
	// suffix is what follows the digits of a number token: "th", "s", "pm".
	suffix string
	// space reports whitespace between this token and the previous one.
	space bool
	// lineBreak reports a blank line, a line break or the start of text
	// before this token: patterns never cross a paragraph break.
	paraBreak bool
	// w is the vocabulary word of key, looked up once; nil for words the
	// engine does not know.
	w *word
}

// entries are the token's lexicon readings.
func (t *token) entries() []entry {
	if t.w == nil {
		return nil
	}
	return t.w.entries
}

// tokenize splits text into tokens. It walks the input once and does not
// allocate per token, so its cost is linear in the input.
//
// Words the rules never mention get an empty key: they can only be skipped
// over, and looking them up without a lower-case copy keeps the hot path
// free of allocation.
// It reads text from offset from on and appends to toks; offsets stay
// offsets into text.
func tokenize(text string, from int, toks []token, v *vocabulary) []token {
	return tokenizeFrom(text, from, true, toks, v)
}

// tokenizeFrom is tokenize from a point inside a text: para says whether
// from counts as the start of a paragraph, as the start of text does.
// Tokenizing on from the end of a token with para false gives the tokens
// that tokenizing the whole text gives there.
func tokenizeFrom(text string, from int, para bool, toks []token, v *vocabulary) []token {
	n := len(toks)
	defer func() { tokensRead.Add(int64(len(toks) - n)) }()
	var fold []byte // lower-case buffer for look-ups
	space := false
	newlines := 0
	for i := from; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			space = true
			i++
			continue
		case c == '\n':
			space = true
			newlines++
			if newlines >= 2 {
				para = true
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
		}
		var t token
		switch {
		case isLetter(r):
			t = scanWord(text, i)
			if t.w, fold = v.fold(text[t.start:t.end], fold); t.w != nil {
				t.key = t.w.key
			}
		case isDigit(c):
			t = scanNumber(text, i)
			t.w = v.lookup(t.key)
		default:
			t = token{start: i, end: i + size, kind: tokPunct}
			t.key = punctKey(text[i:i+size], r)
			t.w = v.lookup(t.key)
		}
		t.space, t.paraBreak = space, para
		toks = append(toks, t)
		space, para, newlines = false, false, 0
		i = t.end
	}
	return toks
}

// punctKey folds the typographic variants of a punctuation mark into the
// ASCII one the rules are written with.
func punctKey(s string, r rune) string {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '`':
		return "'"
	case '\u2013', '\u2014', '\u2212', '\u2010', '\u2011':
		return "-"
	case '\u201c', '\u201d':
		return "\""
	}
	return s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// scanWord reads a run of letters. Inner apostrophes stay in the word
// (o'clock); dotted abbreviations of one or two letters per part are one
// token (a.m., p.m., U.S.). A final dot is kept only for those.
func scanWord(text string, i int) token {
	start := i
	i = letterRun(text, i)
	end := i
	// dotted abbreviation: x.y. where every part is short
	if end-start <= 2 && i < len(text) && text[i] == '.' {
		j := i
		parts := 1
		for j < len(text) && text[j] == '.' {
			k := letterRun(text, j+1)
			if k == j+1 || k-(j+1) > 2 {
				break
			}
			parts++
			j = k
		}
		if parts > 1 {
			end = j
			if end < len(text) && text[end] == '.' {
				end++
			}
		}
	}
	// inner apostrophe followed by letters: o'clock
	if end == i && i+1 < len(text) && text[i] == '\'' && isLetterAt(text, i+1) &&
		!(text[i+1] == 's' || text[i+1] == 'S') {
		end = letterRun(text, i+1)
	}
	return token{start: start, end: end, kind: tokWord}
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isLetter(r)
}

func letterRun(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}

// scanNumber reads digits with thousands commas (1,200) and a letter
// suffix (7th, 1990s, 5pm). A decimal part is skipped over so that 1.5 is
// one token and never a day.
func scanNumber(text string, i int) token {
	t := token{start: i, kind: tokNum}
	n, digits := 0, 0
	for i < len(text) {
		c := text[i]
		if isDigit(c) {
			if n < 1e8 {
				n = n*10 + int(c-'0')
			}
			digits++
			i++
			continue
		}
		// 1,200 but not "1999, 2000"
		if c == ',' && i+3 < len(text) && isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3]) &&
			(i+4 == len(text) || !isDigit(text[i+4])) && digits <= 3 {
			t.grouped = true
			i++
			continue
		}
		break
	}
	if i+1 < len(text) && text[i] == '.' && isDigit(text[i+1]) && digits < 4 && !dottedDate(text, t.start, i) {
		// decimal: 1.5 — mark as not a plain integer
		for i++; i < len(text) && isDigit(text[i]); i++ {
		}
		t.end, t.num, t.digits, t.key = i, -1, digits, lower(text[t.start:i])
		return t
	}
	t.num, t.digits = n, digits
	j := letterRun(text, i)
	if j > i && j-i <= 4 {
		t.suffix = lower(text[i:j])
		i = j
	}
	t.end = i
	t.key = lower(text[t.start:i])
	return t
}

// dottedDate reports that the dot at text[i], after the number that
// starts at start, is one of a dotted date's, "25.12.2015", not a
// decimal point: one or two digits and another dot follow it, or a dot
// and a number come before the number.
func dottedDate(text string, start, i int) bool {
	if start >= 2 && text[start-1] == '.' && isDigit(text[start-2]) {
		return true
	}
	k := i + 1
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	return k-i-1 <= 2 && k+1 < len(text) && text[k] == '.' && isDigit(text[k+1])
}

// lower is strings.ToLower for the ASCII case without allocating when the
// word is already lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return lowerSlow(s)
		}
	}
	return s
}

func lowerSlow(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\u2019' {
			r = '\''
		}
		b = append(b, unicode.ToLower(r))
	}
	return string(b)
}
