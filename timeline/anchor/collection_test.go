package anchor

import (
	"reflect"
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
	dated := func(j int) bool { return j != 4 }
	got, all := indexNames(names).relatedTo(0, dated, newRelScratch(len(names)))
	// "Aleppo" is in every article and links nothing; article 2 shares
	// the rarer "Kobani"; article 4 is not dated.
	if all != 2 || len(got) != 2 || got[0].index != 2 || got[1].index != 1 || !reflect.DeepEqual(got[0].names, []string{"Kobani"}) {
		t.Errorf("relatedTo = %+v", got)
	}
}
