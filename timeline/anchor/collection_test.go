package anchor

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"testing"
)

func TestNamesOf(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{
			"The Syrian Observatory said Assad's forces and US-backed fighters of the SDF took Manbij. The town fell.",
			[]string{"Assad", "Manbij", "Observatory", "SDF", "Syrian"},
		},
		{
			// Words at the start of a sentence, or also written in
			// lower case, or on the list of words that only look like
			// names, are not names.
			"Rebels took the town. The rebels said Monday that Reuters and the President agreed.",
			nil,
		},
		{"Fighting near al-Bab and in Britain-based reports.", []string{"Britain"}},
	}
	for _, tt := range tests {
		var got []string
		for n := range namesOf(tt.text) {
			got = append(got, n)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("namesOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestRelatedTo(t *testing.T) {
	names := []map[name]bool{
		{"Manbij": true, "Aleppo": true, "Kobani": true},
		{"Manbij": true, "Aleppo": true},
		{"Aleppo": true, "Kobani": true},
		{"Aleppo": true},
		{"Aleppo": true, "Manbij": true},
	}
	trust := func(j int) float64 {
		if j == 4 {
			return 0
		}
		return 1
	}
	l := indexNames(names).relatedTo(0, trust, newRelScratch(len(names)))
	got, all := l.top, l.count
	// "Aleppo" is in every article and links nothing; article 2 shares
	// the rarer "Kobani"; article 4 is not dated.
	if all != 2 || len(got) != 2 || got[0].index != 2 || got[1].index != 1 || !reflect.DeepEqual(got[0].names, []string{"Kobani"}) {
		t.Errorf("relatedTo = %+v", got)
	}
}

// TestRelatedToKeepsTheMostRelated: of 40 related articles, the
// maxRelated most related are kept, most related first, and the links
// of the others are summed in the tail, each weighted by its trust.
func TestRelatedToKeepsTheMostRelated(t *testing.T) {
	// Article 0 shares "Shared" with articles 1 to 40, and a name of its
	// own with every fifth of them; 30 articles name nothing, so that
	// "Shared" is in fewer than rareShare of them.
	names := []map[name]bool{{"Shared": true}}
	for k := 1; k <= 40; k++ {
		ns := map[name]bool{"Shared": true}
		if k%5 == 0 {
			r := fmt.Sprintf("Rare%d", k)
			ns[r], names[0][r] = true, true
		}
		names = append(names, ns)
	}
	for range 30 {
		names = append(names, map[name]bool{})
	}
	trust := func(j int) float64 { return float64(j) / 100 }
	l := indexNames(names).relatedTo(0, trust, newRelScratch(len(names)))

	var want []int
	for k := 5; k <= 40; k += 5 {
		want = append(want, k)
	}
	var tail float64
	for k := 1; k <= 40; k++ {
		switch {
		case k%5 == 0:
		case len(want) < maxRelated:
			want = append(want, k)
		default:
			tail += nameWeight(41) * trust(k)
		}
	}
	var got []int
	for _, r := range l.top {
		got = append(got, r.index)
	}
	if !slices.Equal(got, want) || l.count != 40 || math.Abs(l.tail-tail) > 1e-12 {
		t.Errorf("top %v, count %d, tail %g; want top %v, count 40, tail %g", got, l.count, l.tail, want, tail)
	}
	if ns := l.top[0].names; !slices.Equal(ns, []string{"Rare5", "Shared"}) {
		t.Errorf("names shared with article 5: %q", ns)
	}
}
