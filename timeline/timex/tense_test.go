package timex

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// clauseTenseOnce is ClauseTense as it was before Tenses: it tokenizes
// the paragraph up to the span for every span. Tenses must read every
// span as it does.
func clauseTenseOnce(text string, start, end int) (int, bool) {
	if start < 0 || end > len(text) || start >= end {
		return int(tensePast), false
	}
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

// tenseWords are what the texts of TestTensesAsClauseTense are made of:
// cue words, dates, and what tokenizing finds hard.
var tenseWords = []string{
	"will", "said", "was", "is", "due", "to", "for", "be", "held", "plans", "expected",
	"until", "on", "as", "early", "soon", "the", "talks", "and",
	"Tuesday", "August", "7", "2016", "next", "week", "last", "month", "May",
	".", ";", ",", "!", "?", "-", "(", "\"", "'",
	"1,200", "1,2345", "1.5", "5pm", "7th", "5abcdefgh", "a.m.", "U.S.", "a.b.cdef", "o'clock", "Assad's",
	"\u2019", "\u2014", "\u00a0", "\xe2\x80", "\xff", "é", "ＴＵＥＳＤＡＹ",
	"twenty", "five", "years", "ago",
}

var tenseGaps = []string{" ", " ", " ", " ", "", "\n", "\n\n", "\n \n", "\n\n\n", "\t", "  "}

// tenseText is n words of tenseWords, with a paragraph of more than
// maxChunk bytes when long is set.
func tenseText(rng *rand.Rand, n int, long bool) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString(tenseWords[rng.IntN(len(tenseWords))])
		gap := tenseGaps[rng.IntN(len(tenseGaps))]
		if long && strings.Contains(gap, "\n") && rng.IntN(30000) > 0 {
			gap = " " // paragraphs longer than a chunk
		}
		if long && rng.IntN(20000) == 0 {
			sb.WriteString(strings.Repeat("x", rng.IntN(maxChunk+maxChunk/4))) // a word longer than a stretch
		}
		sb.WriteString(gap)
	}
	return sb.String()
}

// TestTensesAsClauseTense checks Tenses against the tokenize-per-span
// reading on random texts: the spans of every expression Resolve finds,
// and random ones, some overlapping, in any order.
func TestTensesAsClauseTense(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rounds, longRounds := 300, 2
	if testing.Short() {
		rounds, longRounds = 60, 1
	}
	deep := 0
	for round := range rounds + longRounds {
		long := round >= rounds
		n := 40 + rng.IntN(400)
		if long {
			n = 16000 + rng.IntN(8000)
		}
		text := tenseText(rng, n, long)
		var spans []Span
		for _, tx := range Resolve(text, Options{Anchor: time.Date(2016, 8, 2, 0, 0, 0, 0, time.UTC)}) {
			spans = append(spans, Span{tx.Start, tx.End})
		}
		for range 20 + len(spans)/4 {
			s := rng.IntN(len(text) + 1)
			spans = append(spans, Span{s, s + rng.IntN(30) - 2})
		}
		spans = append(spans, Span{-1, 3}, Span{0, len(text) + 1}, Span{len(text), len(text)})
		var sure []int // spans checked in long texts too
		// spans that end inside the words whose scan reads furthest
		for _, w := range []string{"1,2345", "5abcdefgh", "a.b.cdef", "1.5", "o'clock", "a.m.", "\xe2\x80"} {
			for range 5 {
				at := rng.IntN(len(text))
				k := strings.Index(text[at:], w)
				if k < 0 {
					continue
				}
				at += k
				for e := at + 1; e <= at+len(w)+1 && e <= len(text); e++ {
					sure = append(sure, len(spans))
					spans = append(spans, Span{max(at-1-rng.IntN(10), 0), e})
				}
			}
		}
		check := make([]bool, len(spans))
		for k := range check {
			check[k] = !long || rng.IntN(len(spans)) < 100
		}
		for _, k := range sure {
			check[k] = true
		}
		rng.Shuffle(len(spans), func(i, j int) {
			spans[i], spans[j] = spans[j], spans[i]
			check[i], check[j] = check[j], check[i]
		})
		if !long && len(spans) > 1 {
			spans = spans[:1+rng.IntN(len(spans))]
		}
		got := Tenses(text, spans)
		for k, s := range spans {
			if !check[k] {
				continue // the old reading is slow in long paragraphs
			}
			if s.Start >= 0 && s.End <= len(text) && s.End > chunkEnd(text, strings.LastIndex(text[:s.Start], "\n\n")+1) {
				deep++
			}
			tn, cued := clauseTenseOnce(text, s.Start, s.End)
			if want := (Tense{tn, cued}); got[k] != want {
				t.Fatalf("round %d, span %v %q: Tenses %+v, ClauseTense %+v", round, s, text[max(s.Start-40, 0):min(max(s.End, s.Start)+20, len(text))], got[k], want)
			}
		}
	}
	if deep < 100 {
		t.Errorf("only %d spans past a paragraph's first chunk", deep)
	}
}

// TestTenseViewTokens checks the tokens a tenseReader reads a span past a
// paragraph's first chunk in: the last tokens of the paragraph cut at the
// span's end, as tokenizing it from the paragraph's start gives them.
func TestTenseViewTokens(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	text := strings.ReplaceAll(tenseText(rng, 20000, true), "\n\n", "\n.")
	var spans []Span
	for _, w := range []string{"1,2345", "5abcdefgh", "a.b.cdef", "1.5", "o'clock", "a.m.", "\xe2\x80", "Tuesday", "x"} {
		for range 12 {
			at := rng.IntN(len(text))
			k := strings.Index(text[at:], w)
			if k < 0 {
				continue
			}
			at += k
			for e := at + 1; e <= at+len(w)+1 && e <= len(text); e++ {
				spans = append(spans, Span{max(at-rng.IntN(10), 0), e})
			}
		}
	}
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	r := tenseReader{text: text, v: std.index.vocab, para: -1}
	deep := 0
	for _, s := range spans {
		r.read(s.Start, s.End)
		from := strings.LastIndex(text[:s.Start], "\n\n") + 1
		if s.End <= chunkEnd(text, from) {
			continue
		}
		deep++
		want := tokenize(text[:s.End], from, nil, std.index.vocab)
		if len(want) < len(r.view) {
			t.Fatalf("span %v: %d tokens in view, %d in the paragraph", s, len(r.view), len(want))
		}
		want = want[len(want)-len(r.view):]
		for k := range want {
			if want[k] != r.view[k] {
				t.Fatalf("span %v %q: token %d is %+v, want %+v", s, text[s.Start:s.End], k, r.view[k], want[k])
			}
		}
		if i := firstFrom(r.view, s.Start); i < tenseContext && len(r.view) < len(want) {
			t.Fatalf("span %v: %d tokens before it", s, i)
		}
	}
	if deep < 100 {
		t.Errorf("only %d spans past a paragraph's first chunk", deep)
	}
}

// FuzzTenses checks Tenses against the tokenize-per-span reading on
// arbitrary text, at the spans of every expression found and one more:
//
//	go test ./timeline/timex -run '^$' -fuzz FuzzTenses -fuzztime 1m
func FuzzTenses(f *testing.F) {
	f.Add("On Tuesday, talks that began in August will resume; they said on Monday.\n\nIt is due to end on Friday.", 3, 10)
	f.Add("a.b.cdef 1,2345 5abcdefgh o'clock\n \nuntil Tuesday as early as May 7", 0, 40)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		spans := []Span{{start, end}}
		for _, tx := range Resolve(text, Options{Narrative: true}) {
			spans = append(spans, Span{tx.Start, tx.End})
		}
		for k, got := range Tenses(text, spans) {
			tn, cued := clauseTenseOnce(text, spans[k].Start, spans[k].End)
			if want := (Tense{tn, cued}); got != want {
				t.Fatalf("span %v: Tenses %+v, ClauseTense %+v", spans[k], got, want)
			}
		}
	})
}
