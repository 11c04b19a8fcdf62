package timex

import "strings"

// ClauseTense reads the tense of the clause around text[start:end] the way
// Resolve reads it to resolve an underspecified date there: -1 past, 0
// present, +1 future. cued is false when no cue word was found and the
// tense is Resolve's default, past.
//
// The anchor package needs it to tell the dates an article reports from
// the ones it announces: "November 21, 2016" bounds the article's own date
// from below only when it is not in a future clause.
func ClauseTense(text string, start, end int) (t int, cued bool) {
	if start < 0 || end > len(text) || start >= end {
		return int(tensePast), false
	}
	// Resolve tokenizes a paragraph at a time and no cue is looked for
	// across a paragraph break, so the paragraph is all the context needed.
	from := strings.LastIndex(text[:start], "\n\n") + 1
	to := max(chunkEnd(text, from), end)
	toks := tokenize(text[:to], from, nil, std.index.vocab)
	i, j := len(toks), len(toks)
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].start >= start {
			i = k
		}
		if toks[k].start >= end {
			j = k
		}
	}
	if i >= j {
		return int(tensePast), false
	}
	tn, ok := clauseTense(toks, i, j)
	return int(tn), ok
}
