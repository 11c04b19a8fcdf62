package timex

import (
	"cmp"
	"slices"
	"strings"
)

// ClauseTense reads the tense of the clause around text[start:end] the way
// Resolve reads it to resolve an underspecified date there: -1 past, 0
// present, +1 future. cued is false when no cue word was found and the
// tense is Resolve's default, past.
//
// The anchor package needs it to tell the dates an article reports from
// the ones it announces: "November 21, 2016" bounds the article's own date
// from below only when it is not in a future clause.
//
// It reads the paragraph up to the span; to read the tenses of many spans
// of one text, use Tenses, which reads the text once.
func ClauseTense(text string, start, end int) (t int, cued bool) {
	tn := Tenses(text, []Span{{start, end}})[0]
	return tn.Tense, tn.Cued
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Tense is the tense of a clause as ClauseTense reads it: Tense is -1
// past, 0 present, +1 future; Cued is false when no cue word was found
// and Tense is the default, past.
type Tense struct {
	Tense int
	Cued  bool
}

// Tenses reads the tense of the clause around each span of text, as
// ClauseTense does, in the order of spans. It tokenizes each paragraph of
// text once whatever the number of spans, so its cost grows linearly
// with the text and the spans (and as n log n with their number, which
// it sorts); its memory is bounded by the longest chunk Resolve reads at
// once (maxChunk), however long a paragraph is.
func Tenses(text string, spans []Span) []Tense {
	out := make([]Tense, len(spans))
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(spans[a].Start, spans[b].Start), cmp.Compare(spans[a].End, spans[b].End))
	})
	r := tenseReader{text: text, v: std.index.vocab, para: -1}
	for _, k := range order {
		out[k] = r.read(spans[k].Start, spans[k].End)
	}
	return out
}

// tenseReader reads clause tenses of spans in increasing order of start.
//
// The tense of a span is what clauseTense finds in the tokens of the
// span's paragraph up to the end of the first chunk Resolve would read of
// it (head), or, for a span that ends past that chunk, up to the span's
// end. The head is tokenized once per paragraph. The tokens up to a
// span's end past the head are those of the paragraph tokenized on
// without an end (rest), but for the last few, which are tokenized again
// from the text cut at the span's end: only the last tokens before a cut
// can read past it.
type tenseReader struct {
	text string
	v    *vocabulary

	// The paragraph lookup: last is the offset of the last blank line
	// ("\n\n") that ends before searched, -1 for none.
	searched, last int
	started        bool

	// para is where the current paragraph's tokens start (as
	// ClauseTense reckons it), -1 before the first; head are its tokens
	// up to headEnd, the end of its first chunk, read once needed.
	para     int
	headEnd  int
	head     []token
	haveHead bool

	// rest is a window on the tokens of the paragraph read on without
	// an end: rest[k] is token restBase+k, the tokens before it being no
	// longer needed. restAt is where reading goes on, restPara whether
	// that is the paragraph's start, restEnd whether the text is read
	// to its end.
	rest     []token
	restBase int
	restAt   int
	restPara bool
	restEnd  bool

	view []token // the tokens of the text cut at a span's end, around it
}

// tenseContext is how many tokens before a span clauseTense may look at:
// clauseWindow back, one more for a cue's word before, and aheadMarker's
// few, with a margin.
const tenseContext = clauseWindow + 8

// safeMargin is how many bytes past its end a token's scan may read,
// beyond the next two tokens (see safePrefix).
const safeMargin = 8

func (r *tenseReader) read(start, end int) Tense {
	text := r.text
	if start < 0 || end > len(text) || start >= end {
		return Tense{int(tensePast), false}
	}
	if from := r.paragraph(start); from != r.para {
		r.para, r.headEnd, r.haveHead = from, chunkEnd(text, from), false
		r.rest, r.restBase, r.restAt, r.restPara, r.restEnd = r.rest[:0], 0, from, true, false
	}
	if end <= r.headEnd {
		if !r.haveHead {
			r.head = tokenize(text[:r.headEnd], r.para, r.head[:0], r.v)
			r.haveHead = true
		}
		i := firstFrom(r.head, start)
		j := firstFrom(r.head, end)
		return tenseOf(r.head, i, j)
	}
	return r.readDeep(start, end)
}

// paragraph returns where ClauseTense starts reading for a span at start:
// just after the last blank line before it. Starts that do not go down
// are found with one pass over the text.
func (r *tenseReader) paragraph(start int) int {
	text := r.text
	if !r.started || start < r.searched {
		r.last = strings.LastIndex(text[:start], "\n\n")
		r.started = true
	} else {
		for p := max(r.searched-1, r.last+1, 0); p < start; {
			k := strings.Index(text[p:start], "\n\n")
			if k < 0 {
				break
			}
			r.last = p + k
			p = r.last + 1
		}
	}
	r.searched = start
	return r.last + 1
}

// readDeep reads the tense of a span that ends past the paragraph's first
// chunk: in the paragraph's tokens up to the span's end.
func (r *tenseReader) readDeep(start, end int) Tense {
	// Read on until a token ends within safeMargin of end, or the text
	// does: the tokens before the three before it read nothing past end,
	// so the text cut at end has them too.
	r.drop(start)
	for !r.restEnd && (len(r.rest) == 0 || r.rest[len(r.rest)-1].end <= end-safeMargin) {
		r.readOn(start)
	}
	m := max(firstEndingAfter(r.rest, end-safeMargin)-3, 0)
	// m is never 0 once tokens were dropped: drop keeps tenseContext
	// tokens before start.
	at, para := r.para, true
	if m > 0 {
		at, para = r.rest[m-1].end, false
	}
	// The cut text's tokens are rest[:m], then those read again from
	// there; clauseTense needs tenseContext of them before the span.
	lo := max(firstFrom(r.rest[:m], start)-tenseContext, 0)
	view := append(r.view[:0], r.rest[lo:m]...)
	view = tokenizeFrom(r.text[:end], at, para, view, r.v)
	r.view = view
	return tenseOf(view, firstFrom(view, start), len(view))
}

// readOn reads the next stretch of the paragraph's tokens into rest,
// keeping what a span at start needs.
func (r *tenseReader) readOn(start int) {
	text := r.text
	for size := 4096; ; size *= 2 {
		lim := min(len(text), r.restAt+size)
		n := len(r.rest)
		r.rest = tokenizeFrom(text[:lim], r.restAt, r.restPara, r.rest, r.v)
		if lim == len(text) {
			r.restEnd = true
			return
		}
		keep := n + safePrefix(r.rest[n:], lim)
		if keep > n {
			r.rest = r.rest[:keep]
			r.restAt, r.restPara = r.rest[keep-1].end, false
			r.drop(start)
			return
		}
		r.rest = r.rest[:n] // a token too long for the stretch: read more at once
	}
}

// safePrefix is how many of toks, tokenized from text cut at lim, are
// sure to be those of the whole text: a token's scan reads at most a few
// bytes past its end, or to the end of the two tokens after it (a number's
// letter suffix, an abbreviation's dots).
func safePrefix(toks []token, lim int) int {
	return max(firstEndingAfter(toks, lim-safeMargin)-3, 0)
}

// drop forgets the tokens of rest that no span from start on needs: all
// but tenseContext of those before start.
func (r *tenseReader) drop(start int) {
	before := firstFrom(r.rest, start)
	if k := before - tenseContext; k > len(r.rest)/2 && k > 0 {
		r.restBase += k
		r.rest = r.rest[:copy(r.rest, r.rest[k:])]
	}
}

// tenseOf is clauseTense over toks[i:j], as ClauseTense reports it.
func tenseOf(toks []token, i, j int) Tense {
	if i >= j {
		return Tense{int(tensePast), false}
	}
	t, ok := clauseTense(toks, i, j)
	return Tense{int(t), ok}
}

// firstFrom is the index of the first token that starts at or after at.
func firstFrom(toks []token, at int) int {
	i, _ := slices.BinarySearchFunc(toks, at, func(t token, at int) int { return cmp.Compare(t.start, at) })
	return i
}

// firstEndingAfter is the index of the first token that ends after at.
func firstEndingAfter(toks []token, at int) int {
	i, _ := slices.BinarySearchFunc(toks, at+1, func(t token, at int) int { return cmp.Compare(t.end, at) })
	return i
}
