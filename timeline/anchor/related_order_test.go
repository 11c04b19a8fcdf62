package anchor

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
)

// TestDescribeRelatedOrder: the articles a collection anchor names are
// told in one order whatever order they come in and however their
// weights were summed: most related first, ties by slug.
func TestDescribeRelatedOrder(t *testing.T) {
	slugs := []string{"e", "d", "c", "b", "a", "f"}
	day := Anchor{Date: time.Date(2016, 8, 7, 0, 0, 0, 0, time.UTC), Precision: timeline.PrecisionDay}
	anchors := slices.Repeat([]Anchor{day}, len(slugs))
	// 0.1+0.2 and 0.2+0.1 are not 0.3 in floating point: the same sum
	// added up in another order.
	rel := []related{
		{index: 0, weight: 0.1 + 0.2, names: []string{"Kobani"}},
		{index: 1, weight: 0.3, names: []string{"Kobani"}},
		{index: 2, weight: 0.2 + 0.1, names: []string{"Kobani"}},
		{index: 3, weight: 0.3, names: []string{"Kobani"}},
		{index: 4, weight: 1, names: []string{"Manbij"}},
		{index: 5, weight: 0.3, names: []string{"Kobani"}},
	}
	want := `a (2016-08-07, day precision: "Manbij"); b (2016-08-07, day precision: "Kobani"); c (2016-08-07, day precision: "Kobani"); d (2016-08-07, day precision: "Kobani"); and 2 more`
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		r.Shuffle(len(rel), func(i, j int) { rel[i], rel[j] = rel[j], rel[i] })
		if got := describeRelated(rel, len(rel), slugs, anchors); got != want {
			t.Fatalf("describeRelated = %s\nwant %s", got, want)
		}
	}
}

// TestCollectionReasonsStable: anchoring a collection of a few hundred
// articles that share rare names gives the same reasons every time,
// though names are kept in maps whose order changes from run to run.
func TestCollectionReasonsStable(t *testing.T) {
	if testing.Short() {
		t.Skip("anchors a few hundred articles")
	}
	// Eighty made-up towns, each named by a handful of articles: rare
	// names, many ties among the articles an undated one is related to.
	var towns []string
	for _, a := range []string{"Kar", "Tel", "Ras", "Ain", "Deir", "Jab", "Mar", "Saf"} {
		for _, b := range []string{"abad", "iya", "oun", "ash", "ura", "ek", "im", "ol", "an", "ez"} {
			towns = append(towns, a+b)
		}
	}
	var files [][2]string
	for i := range 240 {
		// Groups of four articles, two of them dated to the same day,
		// share four names: each undated one is related to two dated
		// ones equally, a tie the slugs must break.
		g := i / 4
		a, b, c, d := towns[(4*g)%len(towns)], towns[(4*g+1)%len(towns)], towns[(4*g+2)%len(towns)], towns[(4*g+3)%len(towns)]
		var body string
		if i%2 == 0 {
			body = fmt.Sprintf("Town falls\n%s, Aug. %d, 2016 (Reuters) - The %s brigades took %s from the %s council on Friday, %s said.\n",
				strings.ToUpper(a), 1+g%28, b, a, c, d)
		} else {
			body = fmt.Sprintf("Town celebrates\nResidents of %s burned the niqab on Saturday as the %s brigades and the %s council took over, %s said.\n", a, b, c, d)
		}
		files = append(files, [2]string{fmt.Sprintf("a%03d.txt", i), body})
	}
	arts := read(t, files)
	reasons := func() []string {
		var out []string
		for i, a := range Articles(arts, Options{Now: now}) {
			out = append(out, fmt.Sprintf("%s %s %q", arts[i].Slug, a.Value(), a.Reasons))
		}
		return out
	}
	first := reasons()
	collected := 0
	for _, r := range first {
		if strings.Contains(r, "shares rare names with") {
			collected++
		}
	}
	if collected < 50 {
		t.Fatalf("only %d articles anchored by the collection; the test means to compare their reasons", collected)
	}
	for range 3 {
		if again := reasons(); !slices.Equal(first, again) {
			for i := range first {
				if first[i] != again[i] {
					t.Fatalf("two runs differ:\n%s\n%s", first[i], again[i])
				}
			}
		}
	}
}
