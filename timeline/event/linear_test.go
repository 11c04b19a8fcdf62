package event

import (
	"conflict-timeline/timeline/internal/scaletext"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// Extraction reads each sentence once, whatever the number of its
// expressions, clauses and reports. These tests check each shortcut
// against the plain reading it stands for, and that the work grows
// linearly with an article.

// joinPairwise is joinSame as it was: every pair of drafts of one article
// or one place compared.
func joinPairwise(drafts []*draft) func(int) int {
	parent := make([]int, len(drafts))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		if parent[i] != i {
			parent[i] = root(parent[i])
		}
		return parent[i]
	}
	near := map[string][]int{}
	for i, d := range drafts {
		near["article "+d.article] = append(near["article "+d.article], i)
		for _, p := range d.event.Places {
			near["place "+p] = append(near["place "+p], i)
		}
	}
	for _, ids := range near {
		for x, i := range ids {
			for _, j := range ids[x+1:] {
				if root(i) != root(j) && same(drafts[i], drafts[j]) {
					parent[root(j)] = root(i)
				}
			}
		}
	}
	return root
}

// groups are the drafts' groups under root, each as its sorted indices,
// in order.
func groups(n int, root func(int) int) [][]int {
	by := map[int][]int{}
	for i := range n {
		by[root(i)] = append(by[root(i)], i)
	}
	var out [][]int
	for _, g := range by {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

func TestJoinSameAsPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	vocab := []string{"shell", "aleppo", "rebel", "forc", "kill", "civilian", "hospit", "strike"}
	dates := []date.Value{date.Of(aug(1), timeline.PrecisionDay), date.Of(aug(2), timeline.PrecisionDay), date.Of(aug(1), timeline.PrecisionMonth)}
	for round := range 3000 {
		var drafts []*draft
		for range 1 + rng.IntN(30) {
			v := dates[rng.IntN(len(dates))]
			d := &draft{article: fmt.Sprint("a", rng.IntN(3)), sentence: rng.IntN(4), when: single(v)}
			d.event.Date, d.event.Precision, d.event.Planned = v.String(), v.Precision(), rng.IntN(5) == 0
			for _, p := range []string{"Aleppo", "Idlib"} {
				if rng.IntN(2) == 0 {
					d.event.Places = append(d.event.Places, p)
				}
			}
			for range rng.IntN(5) {
				d.words = append(d.words, vocab[rng.IntN(len(vocab))])
			}
			drafts = append(drafts, d)
		}
		got, want := groups(len(drafts), joinSame(drafts)), groups(len(drafts), joinPairwise(drafts))
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("round %d: groups %v, pairwise %v", round, got, want)
		}
	}
}

func aug(d int) time.Time { return time.Date(2016, 8, d, 0, 0, 0, 0, time.UTC) }

func TestPostFinder(t *testing.T) {
	pieces := []string{"Fighting resumed", " ", ". ", "? ", "! ", "\n", "\n\n", "pic.twitter.com/x", "— RT (@RT_com)",
		"November 21, 2016", "\"", "'", "a 'false flag?'"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		var sb strings.Builder
		for range rng.IntN(60) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		f := newPostFinder(text)
		for _, s := range article.SplitSentences(text) {
			if got, want := f.embedded(s), embeddedPost(text, s); got != want {
				t.Fatalf("%q, sentence %q: %v, want %v", text, s.In(text), got, want)
			}
		}
	}
}

// embeddedPost reports a sentence that is part of an embedded post: it
// carries a mark itself, or it is cut short by a "?" or "!" inside a post
// whose mark comes later on the same line ("2013 gas attack a 'false
// flag?': ... — RT (@RT_com) November 21, 2016").
//
// It is what postFinder.embedded tells, reading the sentence's whole
// line.
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

func TestTokenBeforeAndSkipper(t *testing.T) {
	pieces := []string{"between", "and", "July", "23", " ", "  ", "\u00a0", "\u2003", "rebel-held", "Assad's", "-", "--",
		"'", "’", ",", "(", "é", "\xe2\x80", "\xff", "x"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 3000 {
		var sb strings.Builder
		for range rng.IntN(30) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		from := rng.IntN(len(text) + 1)
		at := from + rng.IntN(len(text)-from+1)
		toks := tokenize(text, from, at)
		got, ok := tokenBefore(text, from, at)
		if ok != (len(toks) > 0) || ok && got != toks[len(toks)-1] {
			t.Fatalf("%q [%d:%d]: %+v %v, want the last of %+v", text, from, at, got, ok, toks)
		}

		var txs []anchor.Resolved
		var skip []article.Span
		for range rng.IntN(4) {
			s := rng.IntN(len(text) + 1)
			e := s + rng.IntN(len(text)-s+1)
			txs = append(txs, anchor.Resolved{Timex: timex.Timex{Start: s, End: e}})
			skip = append(skip, article.Span{Start: s, End: e})
		}
		if got, want := newSkipper(txs).contentWords(text, from, at), contentWords(text, from, at, skip...); !slices.Equal(got, want) {
			t.Fatalf("%q [%d:%d] skipping %v: %q, want %q", text, from, at, skip, got, want)
		}
	}
}

// findPairwise is finder.find as it was: each hit checked against every
// hit before it.
func findPairwise(f *finder, text string, spans []article.Span) (places, actors []string) {
	type hit struct {
		start, end int
		n          *gazName
	}
	var hits []hit
	free := func(s, e int) bool {
		for _, h := range hits {
			if s < h.end && h.start < e {
				return false
			}
		}
		return true
	}
	for _, sp := range spans {
		in := text[sp.Start:sp.End]
		folded := asciiLower(in)
		for i := range f.names {
			n := &f.names[i]
			hay := in
			if n.fold {
				hay = folded
			}
			for _, form := range n.forms {
				for off := 0; ; {
					k := strings.Index(hay[off:], form)
					if k < 0 {
						break
					}
					s, e := off+k, off+k+len(form)
					off = s + 1
					if boundary(in, s, e) && free(sp.Start+s, sp.Start+e) {
						hits = append(hits, hit{sp.Start + s, sp.Start + e, n})
					}
				}
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	seen := map[string]bool{}
	for _, h := range hits {
		if seen[h.n.entry] {
			continue
		}
		seen[h.n.entry] = true
		if h.n.place {
			places = append(places, h.n.entry)
		} else {
			actors = append(actors, h.n.entry)
		}
	}
	return places, actors
}

// TestExtractWorkIsLinear extracts the events of one-line articles of
// 512 KB and of 2 MB (the seed articles run together, a date said over
// and over, a sentence of dated clauses) and checks that the work done,
// the tokens read and the expressions and reports looked at, grows no
// faster than the text: four times the text, at most 4.5 times the work.
// A 74 MB article once did not finish: every sentence looked at every
// expression of the article, every report of it was compared with every
// other.
func TestExtractWorkIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 5 MB of text")
	}
	texts := map[string]func(size int) string{
		"seeds":  func(size int) string { return scaletext.News(t, size, true) },
		"monday": func(size int) string { return scaletext.Repeated("on Monday ", size) },
		"clauses": func(size int) string {
			return scaletext.Repeated("rebels shelled Aleppo on Monday, which killed three in 2012, and ", size)
		},
		"dates": func(size int) string {
			return scaletext.Repeated("Rebels shelled Aleppo on Sunday, August 7, 2016. ", size)
		},
		"random": randomText,
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			var works [2]float64
			for k, size := range []int{512 << 10, 2 << 20} {
				in := scaleInput(t, text(size))
				before, tokens := work.Load(), timex.TokensRead()
				tl := Extract([]Input{in}, Gazetteer{})
				works[k] = float64(work.Load() - before + timex.TokensRead() - tokens)
				t.Logf("%s: %d bytes, %d sentences, %d expressions, %d events: %.0f steps",
					name, len(in.Article.Text), len(in.Article.Sentences), len(in.Timexes), len(tl.Events), works[k])
			}
			if r := works[1] / works[0]; r > 4.5 {
				t.Errorf("4 times the text, %.2f times the work", r)
			}
		})
	}
}

// randomText is size bytes of sentences of random words, each of them
// told on Monday in Aleppo: reports of one date in thousands of wordings.
func randomText(size int) string {
	rng := rand.New(rand.NewPCG(15, 16))
	vocab := make([]string, 300)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString("Rebels")
		for range 4 + rng.IntN(8) {
			sb.WriteString(" " + vocab[rng.IntN(len(vocab))])
		}
		sb.WriteString(" in Aleppo on Monday. ")
	}
	return sb.String()[:size]
}
