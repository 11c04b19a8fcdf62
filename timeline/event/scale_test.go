package event

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
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
			name := sizeName(size)
			if oneLine {
				name += "-line"
			}
			b.Run("Extract/"+name, func(b *testing.B) {
				in := scaleInput(b, scaleText(b, size, oneLine))
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

// scaleText is size bytes of news: the seed articles over and over, cut
// at a word's end. oneLine puts it all on one line, one paragraph, as a
// hostile article might.
func scaleText(tb testing.TB, size int, oneLine bool) string {
	tb.Helper()
	arts, errs := article.ReadDir(seedDir)
	if len(errs) > 0 || len(arts) == 0 {
		tb.Fatalf("seeds: %v", errs)
	}
	var sb strings.Builder
	sb.Grow(size + size/4 + 64<<10)
	for sb.Len() < size+size/4 { // room for the spaces oneLine drops
		for _, a := range arts {
			sb.WriteString(a.Title)
			sb.WriteString("\n\n")
			sb.WriteString(a.Text)
			sb.WriteString("\n\n")
		}
	}
	return cutAt(sb.String(), size, oneLine)
}

// repeatedText is s over and over, size bytes of it, on one line.
func repeatedText(s string, size int) string {
	return cutAt(strings.Repeat(s, size/len(s)+1), size, true)
}

func cutAt(text string, size int, oneLine bool) string {
	if oneLine {
		text = strings.Join(strings.Fields(text), " ")
	}
	text = text[:size]
	if i := strings.LastIndexByte(text, ' '); i > 0 {
		text = text[:i]
	}
	return text
}

func sizeName(size int) string {
	if size >= 1<<20 {
		return fmt.Sprintf("%dMB", size>>20)
	}
	return fmt.Sprintf("%dKB", size>>10)
}
