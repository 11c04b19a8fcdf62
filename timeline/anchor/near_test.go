package anchor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// sentenceWordsBefore lowers only the words it keeps, where the words
// were once found in the whole window lowered: the same words as long as
// lowering keeps a letter a letter and anything else not one.
func TestLowerKeepsLetters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsLetter(r) != unicode.IsLetter(unicode.ToLower(r)) {
			t.Errorf("%U %q is a letter %v, lowered %q %v", r, r, unicode.IsLetter(r), unicode.ToLower(r), !unicode.IsLetter(r))
		}
	}
}

// TestSentenceWordsBefore checks sentenceWordsBefore against the words of
// the whole window lowered, on random text.
func TestSentenceWordsBefore(t *testing.T) {
	pieces := []string{"since", "Since", "SINCE", "the", "bloodiest", "of", "so", "far", " ", " ", ". ", "\n", ";",
		"İstanbul", "ǅ", "Σ", "é", "\xe2\x80", "\xff", "2016", "-", "'", "Ⅻ", "ⓐ"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var sb strings.Builder
		for range rng.IntN(80) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		at := rng.IntN(len(text) + 1)
		before := text[max(0, at-200):at]
		if i := strings.LastIndexAny(before, ".!?;\n"); i >= 0 {
			before = before[i+1:]
		}
		all := strings.FieldsFunc(strings.ToLower(before), notLetter)
		for _, n := range []int{1, backgroundWindow, currentWindow + 2} {
			want := all[max(0, len(all)-n):]
			if got := sentenceWordsBefore(text, at, n); !slices.Equal(got, want) {
				t.Fatalf("%q at %d, last %d: %q, want %q", text, at, n, got, want)
			}
		}
	}
}
