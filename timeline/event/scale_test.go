package event

import (
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/scaletext"
)

// The cost of extracting events must grow linearly with an article's
// length, so that no article can stall a build. The benchmark reports
// MB/s on a 10 KB and a 10 MB article; the two figures should be about
// the same:
//
//	go test ./timeline/event -run '^$' -bench Scale -benchtime 1x -cpu 1

// BenchmarkScale extracts the events of one article of 10 KB and of
// 10 MB made of the seed articles, with their paragraphs and as one line.
func BenchmarkScale(b *testing.B) {
	for _, size := range []int{10 << 10, 10 << 20} {
		for _, oneLine := range []bool{false, true} {
			name := scaletext.SizeName(size)
			if oneLine {
				name += "-line"
			}
			b.Run("Extract/"+name, func(b *testing.B) {
				in := scaleInput(b, scaletext.News(b, size, oneLine))
				b.SetBytes(int64(len(in.Article.Text)))
				b.ResetTimer()
				for b.Loop() {
					Extract([]Input{in}, Gazetteer{})
				}
			})
		}
	}
}

// scaleInput is body as an article dated 2016-08-09, its expressions
// resolved: what Extract is given.
func scaleInput(tb testing.TB, body string) Input {
	tb.Helper()
	day := time.Date(2016, 8, 9, 0, 0, 0, 0, time.UTC)
	a := anchor.Anchor{Date: day, Precision: timeline.PrecisionDay, Confidence: 0.97, Source: anchor.FromMetadata,
		Belief: []anchor.Candidate{{Day: day, P: 0.97}}}
	art := &article.Article{Slug: "scale", Path: "scale.txt", Title: "Scale", Text: body,
		Sentences: article.SplitSentences(body)}
	return Input{Article: art, Anchor: a, Timexes: anchor.Resolve(body, a, nil)}
}
