package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"conflict-timeline/timeline/article"
)

// clause is a stretch of a sentence that tells one happening. The clauses
// of a sentence cover it without gaps, so every expression in it falls in
// exactly one.
type clause struct {
	article.Span
	// group numbers the independent clauses of the sentence: ";" and
	// ", but" start a new one.
	group int
	// sub marks a clause opened by a subordinator, a relative word or a
	// participle (words.txt): a date in it is its own, not the sentence's.
	sub bool
}

// clauses cuts sentence s of text at the words and marks that open or
// close a clause. A subordinate clause runs to the next comma, where the
// main clause resumes ("The war, raging since 2011, has drawn in ..."),
// or to the next clause opener; one that starts the sentence ("Although
// ..., the route is not safe") ends at its first comma too. Without a
// parser this is a guess, but one that keeps background dates ("which
// rebels seized in 2012", "since it erupted in March 2011") away from the
// happening the sentence reports.
func clauses(text string, s article.Span) []clause { return clausesOf(text, s, read(text, s)) }

// clausesOf is clauses of sentence s read already.
func clausesOf(text string, s article.Span, rd *reading) []clause {
	var out []clause
	cur := clause{Span: s}
	words := 0 // in cur
	// cut ends the current clause at at and opens the next one there. A
	// clause with no word yet is not cut off: it joins the next one.
	cut := func(at int, sub, newGroup bool) {
		group := cur.group
		if newGroup {
			group++
		}
		if words > 0 {
			cur.End = at
			out = append(out, cur)
			cur = clause{Span: article.Span{Start: at, End: s.End}}
		}
		cur.group, cur.sub, words = group, sub, 0
	}
	prevComma := false
	for i, t := range rd.toks {
		k := rd.keys[i]
		switch {
		case t.word && subordinators[k]:
			if words > 0 {
				cut(t.start, true, false)
			} else {
				cur.sub = true // "Although ...", "After ..."
			}
		case t.word && coordinators[k] && prevComma:
			cut(t.start, false, true)
		case boundaries[k] || dashes[k] && spaced(text, t):
			cut(t.end, false, true)
		case k == "," && cur.sub:
			cut(t.end, false, false)
		}
		if t.word {
			words++
		}
		prevComma = k == ","
	}
	cur.End = s.End
	if words > 0 || len(out) == 0 {
		out = append(out, cur)
	} else {
		out[len(out)-1].End = s.End // trailing marks belong to the last clause
	}
	return out
}

// tells reports whether a clause tells anything: one with no word that
// starts in lower case, no verb to speak of, is a dateline ("IDLIB, Aug.
// 8, 2016 (AFP) -") or a credit, and its date is the article's, not a
// happening's.
func tells(rd *reading, spans []article.Span) bool {
	for _, s := range spans {
		toks, _ := rd.in(s)
		for _, t := range toks {
			if r, _ := utf8.DecodeRuneInString(t.text); t.word && unicode.IsLower(r) {
				return true
			}
		}
	}
	return false
}

// spaced reports whether a token has a space on either side.
func spaced(text string, t token) bool {
	return t.start > 0 && t.end < len(text) && isSpace(text[t.start-1]) && isSpace(text[t.end])
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' }

// trimmed is the span without the spaces at its ends.
func trimmed(text string, s article.Span) article.Span {
	t := strings.TrimSpace(text[s.Start:s.End])
	if t == "" {
		return article.Span{Start: s.Start, End: s.Start}
	}
	s.Start += strings.Index(text[s.Start:s.End], t)
	s.End = s.Start + len(t)
	return s
}
