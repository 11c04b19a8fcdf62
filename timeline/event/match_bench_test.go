package event

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/scaletext"
	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timeml"
)

// The type keywords and the gazetteer's names are looked for in every
// dated sentence: the cost must grow with the text, not with the number
// of keywords or names. BenchmarkCorpus reports MB/s on newswire, and
// BenchmarkNames the same text with a thousand names and keywords more,
// which should cost about the same:
//
//	go test ./timeline/event -run '^$' -bench 'Corpus|Names' -cpu 1 -benchtime 5x

// corpusSize is how much newswire BenchmarkCorpus extracts from.
const corpusSize = 4 << 20

// BenchmarkCorpus finds what news articles tell, as the pipeline's step
// "extracting events" does, before the reports are merged: the
// TempEval-3 silver documents, a few MB of them, each dated by its DCT;
// without the corpora, the seed articles over and over in articles of
// about 4 KB.
func BenchmarkCorpus(b *testing.B) {
	in, source := corpusInputs(b, corpusSize)
	b.Logf("input: %d articles of %s", len(in), source)
	benchExtract(b, in, Gazetteer{})
}

// BenchmarkNames extracts the events of the same articles with n more
// places, actors and event types, names and keywords that do not occur
// in them: the events are the same, and so should the time be.
func BenchmarkNames(b *testing.B) {
	in, _ := corpusInputs(b, corpusSize/4)
	for _, n := range []int{0, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			benchExtract(b, in, manyNames(n))
		})
	}
}

func benchExtract(b *testing.B, in []Input, g Gazetteer) {
	var size int64
	for _, i := range in {
		size += int64(len(i.Article.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		x := NewExtractor(g)
		for _, i := range in {
			x.Article(i)
		}
	}
}

// manyNames is a gazetteer of n made-up places, n actors and n event
// types of two keywords each, a phrase and a word going on ("xx*"),
// that extends the built-in ones. The names look like names, the
// keywords like words, but none is in the text.
func manyNames(n int) Gazetteer {
	rng := rand.New(rand.NewPCG(21, 22))
	word := func() string {
		const letters = "bcdfghklmnprstvz"
		const vowels = "aeiou"
		var sb strings.Builder
		for range 2 + rng.IntN(3) {
			sb.WriteByte(letters[rng.IntN(len(letters))])
			sb.WriteByte(vowels[rng.IntN(len(vowels))])
		}
		return sb.String() + "q" // q ends no English word
	}
	title := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	var g Gazetteer
	for i := range n {
		g.Places = append(g.Places, Entry{Name: title(word()) + fmt.Sprint(i), Aliases: []string{"Kafr " + title(word())}})
		g.Actors = append(g.Actors, Entry{Name: title(word()) + " Brigade " + fmt.Sprint(i), Aliases: []string{word()}})
		g.Types.List = append(g.Types.List, TypeDef{Name: fmt.Sprint("type ", i),
			Keywords: []string{word() + " " + word(), word() + "*", word() + " ... " + word()}})
	}
	return g
}

// corpusInputs are news articles of about size bytes in all, their
// expressions resolved: the silver documents when the corpora are there.
func corpusInputs(b *testing.B, size int) ([]Input, string) {
	b.Helper()
	dir := testenv.DataPath("tempeval3", "silver")
	if _, err := os.Stat(dir); err != nil {
		return seedNews(b, size), "the seed articles (corpora absent)"
	}
	docs, err := timeml.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	var in []Input
	total := 0
	for _, d := range docs {
		if total >= size {
			break
		}
		if d.DCT.IsZero() {
			continue
		}
		total += len(d.Text)
		in = append(in, newsInput(d.ID, d.Title, d.Text, d.DCT))
	}
	return in, "TempEval-3 silver"
}

// seedNews is the seed articles over and over, size bytes in
// articles of about 4 KB, each dated 2016-08-09.
func seedNews(b *testing.B, size int) []Input {
	text := scaletext.News(b, size, false)
	day := time.Date(2016, 8, 9, 0, 0, 0, 0, time.UTC)
	var in []Input
	for k := 0; text != ""; k++ {
		cut := min(len(text), 4<<10)
		if i := strings.Index(text[cut:], "\n\n"); i >= 0 {
			cut += i
		} else {
			cut = len(text)
		}
		in = append(in, newsInput(fmt.Sprint("seed-", k), "", text[:cut], day))
		text = strings.TrimLeft(text[cut:], "\n")
	}
	return in
}

// newsInput is an article dated day by its metadata, its expressions
// resolved.
func newsInput(slug, title, body string, day time.Time) Input {
	a := anchor.Anchor{Date: day, Precision: timeline.PrecisionDay, Confidence: 0.97, Source: anchor.FromMetadata,
		Belief: []anchor.Candidate{{Day: day, P: 0.97}}}
	art := &article.Article{Slug: slug, Path: slug + ".txt", Title: title, Text: body,
		Sentences: article.SplitSentences(body)}
	return Input{Article: art, Anchor: a, Timexes: anchor.Resolve(body, a, nil)}
}
