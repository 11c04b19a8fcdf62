package anchor

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timeml"
)

// The collection pass must cost about the same per article in a
// collection of 1,000 articles as in one of 25,000:
//
//	go test ./timeline/anchor -run '^$' -bench Collection -benchtime 1x
//
// reports ns/article for each size; TestCollectionWorkIsLinear counts
// the pairs of articles compared instead of timing them.

// BenchmarkCollection anchors collections of 1,000, 5,000 and 25,000
// undated articles made of the TempEval-3 silver newswire, its <DCT>
// hidden (see silverCopies).
func BenchmarkCollection(b *testing.B) {
	arts := silverCopies(b, 25000)
	Articles(arts[:300], Options{Now: now}) // the shared days and density tables
	for _, n := range []int{1000, 5000, 25000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Articles(arts[:n], Options{Now: now})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
		})
	}
}

// silverCopies is n articles: the silver documents over and over, their
// <DCT> hidden. In each copy after the first, the names of the story
// (those in fewer than commonNames documents of silver) get a suffix of
// their own, so that a larger collection has more stories, as a real
// one would, while the names common in news ("Clinton", "China") are
// shared by ever more articles.
func silverCopies(tb testing.TB, n int) []*article.Article {
	tb.Helper()
	docs, err := timeml.Load(testenv.DataDir(tb, "tempeval3", "silver"))
	if err != nil {
		tb.Fatal(err)
	}
	names := make([]map[name]bool, len(docs))
	df := map[name]int{}
	for i, d := range docs {
		names[i] = namesOf(d.Title + "\n" + d.Text)
		for w := range names[i] {
			df[w]++
		}
	}
	const commonNames = 20
	arts := make([]*article.Article, 0, n)
	for k := 0; len(arts) < n; k++ {
		for i, d := range docs[:min(len(docs), n-len(arts))] {
			rename := func(w string) string {
				if k > 0 && names[i][w] && df[w] < commonNames {
					return w + letters(k)
				}
				return w
			}
			arts = append(arts, &article.Article{Path: fmt.Sprintf("%s-%d.tml", d.ID, k), Slug: fmt.Sprintf("%s-%d", d.ID, k),
				Title: mapWords(d.Title, rename), Text: mapWords(d.Text, rename)})
		}
	}
	return arts
}

// letters writes k in base 26 with the letters a to z.
func letters(k int) string {
	s := ""
	for ; k > 0; k /= 26 {
		s = string(rune('a'+k%26)) + s
	}
	return s
}

// mapWords replaces each run of letters in text by f of it.
func mapWords(text string, f func(string) string) string {
	var sb strings.Builder
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			sb.WriteString(f(text[start:i]))
			start = -1
		}
		if i < len(text) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// TestCollectionWorkIsLinear anchors made-up collections of 800 and
// 3,200 articles, half of them dated by a dateline, and counts the pairs
// of articles the collection pass compares: four times the articles, at
// most 4.5 times the pairs. Each article names the towns of its story,
// which three others name too, and one of three names every third
// article has: comparing every pair of articles, or walking the
// postings of names that common, is quadratic.
func TestCollectionWorkIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("anchors 4,000 articles")
	}
	var pairs [2]float64
	for k, n := range []int{800, 3200} {
		arts := madeUpCollection(t, n)
		before := pairsCompared.Load()
		anchors := Articles(arts, Options{Now: now})
		pairs[k] = float64(pairsCompared.Load() - before)
		drawn := 0
		for _, a := range anchors {
			if a.Source == FromCollection {
				drawn++
			}
		}
		t.Logf("%d articles: %d anchored by the collection, %.0f pairs compared", n, drawn, pairs[k])
		if drawn < n/4 {
			t.Fatalf("only %d of %d articles anchored by the collection; the test means to make it work", drawn, n)
		}
	}
	if r := pairs[1] / pairs[0]; r > 4.5 {
		t.Errorf("4 times the articles, %.2f times the pairs compared", r)
	}
}

// madeUpCollection is n short articles in stories of four: two dated by
// a dateline, two that only tell a weekday, all naming the story's four
// places and people, and each one of the names every third article has.
func madeUpCollection(t *testing.T, n int) []*article.Article {
	common := []string{"Halab", "Idlib", "Dimashq"}
	var files [][2]string
	for i := range n {
		g := letters(i/4 + 1)
		town, brigade, council, chief := "Kar"+g, "Tel"+g, "Ras"+g, "Abu"+g
		day := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*(i/4)%200)
		var body string
		if i%4 < 2 {
			body = fmt.Sprintf("Town falls\n%s, %s (Reuters) - The %s brigades took %s from the %s council on %s, %s told officials in %s.\n",
				strings.ToUpper(town), day.Format("Jan. 2, 2006"), brigade, town, council, day.Weekday(), chief, common[i%3])
		} else {
			body = fmt.Sprintf("Town celebrates\nResidents of %s cheered on %s as the %s brigades and the %s council took over, %s told officials in %s.\n",
				town, day.Weekday(), brigade, council, chief, common[i%3])
		}
		files = append(files, [2]string{fmt.Sprintf("a%05d.txt", i), body})
	}
	return read(t, files)
}
