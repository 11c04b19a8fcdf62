package anchor

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/internal/scaletext"
	"conflict-timeline/timeline/timex"
)

// The cost of dating an article must grow linearly with its length, so
// that no article can stall a build. The benchmarks report MB/s on a
// 10 KB and a 10 MB article; the two figures should be about the same:
//
//	go test ./timeline/anchor -run '^$' -bench Scale -benchtime 1x -cpu 1

// BenchmarkScale anchors news text (Text) and resolves it under a belief
// of 64 likely days (Resolve), on articles of 10 KB and 10 MB made of the
// seed articles, with their paragraphs and as one line.
func BenchmarkScale(b *testing.B) {
	belief := scaleBelief()
	for _, size := range []int{10 << 10, 10 << 20} {
		for _, oneLine := range []bool{false, true} {
			body := scaletext.News(b, size, oneLine)
			name := scaletext.SizeName(size)
			if oneLine {
				name += "-line"
			}
			b.Run("Anchor/"+name, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					Text("", body, Options{Now: now})
				}
			})
			b.Run("Resolve/"+name, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					Resolve(body, belief, nil)
				}
			})
		}
	}
}

// scaleBelief is an anchor whose belief spreads over a quarter: Resolve
// runs the resolver under the most days it ever does, maxRuns.
func scaleBelief() Anchor {
	first := time.Date(2016, 7, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(2016, 9, 30, 0, 0, 0, 0, time.UTC)
	a := Anchor{Date: first, Precision: timeline.PrecisionYear, Confidence: 0.9, Source: FromText, Belief: uniform(first, last, now)}
	if n := len(runsOf(a)); n != maxRuns {
		panic(fmt.Sprintf("the scale belief makes %d runs, want %d", n, maxRuns))
	}
	return a
}

// TestWorkIsLinear dates one-line articles of 512 KB and of 2 MB (the
// seed articles run together, a date said over and over) and checks that
// the work done, the tokens read and the bytes looked at, and the memory
// taken grow no faster than the text: four times the text, at most 4.5
// times the work. A single paragraph of 200 KB once took minutes, every
// clue reading the paragraph again.
func TestWorkIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("dates 5 MB of text")
	}
	day := time.Date(2016, 8, 9, 0, 0, 0, 0, time.UTC)
	belief := Anchor{Date: day, Precision: timeline.PrecisionWeek, Confidence: 0.9, Source: FromText,
		Belief: []Candidate{{Day: day, P: 0.5}, {Day: day.AddDate(0, 0, 1), P: 0.4}}}
	texts := map[string]func(size int) string{
		"seeds":  func(size int) string { return scaletext.News(t, size, true) },
		"monday": func(size int) string { return scaletext.Repeated("on Monday ", size) },
		"dates":  func(size int) string { return scaletext.Repeated("Fighting resumed on Sunday, August 7, 2016. ", size) },
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			var works, allocs [2]float64
			for k, size := range []int{512 << 10, 2 << 20} {
				body := text(size)
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				tokens, read := timex.TokensRead(), work.Load()
				a := Text("", body, Options{Now: now})
				rs := Resolve(body, belief, nil)
				works[k] = float64(timex.TokensRead() - tokens + work.Load() - read)
				runtime.ReadMemStats(&after)
				allocs[k] = float64(after.TotalAlloc - before.TotalAlloc)
				t.Logf("%s: %d bytes, anchor %s, %d expressions: %.0f steps, %.0f MB allocated",
					name, len(body), a.Value(), len(rs), works[k], allocs[k]/(1<<20))
			}
			if r := works[1] / works[0]; r > 4.5 {
				t.Errorf("4 times the text, %.2f times the work", r)
			}
			if r := allocs[1] / allocs[0]; r > 4.5 {
				t.Errorf("4 times the text, %.2f times the memory", r)
			}
		})
	}
}
