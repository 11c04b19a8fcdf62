package event

import (
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/article"
)

func TestTokenize(t *testing.T) {
	text := "Assad's rebel-held east – “now”, 2011-2012."
	var got []string
	for _, tk := range tokenize(text, 0, len(text)) {
		got = append(got, tk.text)
	}
	want := []string{"Assad's", "rebel-held", "east", "–", "“", "now", "”", ",", "2011-2012", "."}
	if !slices.Equal(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

func TestContentWords(t *testing.T) {
	text := "Shelling hit the main markets in Idlib on Sunday, the monitor said."
	at := strings.Index(text, "Sunday")
	day := article.Span{Start: at, End: at + len("Sunday")}
	got := contentWords(text, 0, len(text), day)
	want := []string{"shell", "hit", "main", "market", "idlib", "monitor"}
	if !slices.Equal(got, want) {
		t.Errorf("contentWords = %q, want %q", got, want)
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"shelling", "shell"},
		{"shelled", "shell"},
		{"markets", "market"},
		{"civilians", "civilian"},
		{"gas", "gas"},    // too short to lose its s
		{"kills", "kill"}, // four letters are left
		{"bus", "bus"},    // too short
		{"news", "news"},  // "new" would be three letters
		{"offensive", "offensive"},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b []string
		want float64
	}{
		{nil, nil, 0},
		{[]string{"a"}, nil, 0},
		{[]string{"a", "b"}, []string{"a", "b"}, 1},
		{[]string{"a", "b", "b"}, []string{"b", "c"}, 1.0 / 3},
	}
	for _, tt := range tests {
		if got := jaccard(tt.a, tt.b); got != tt.want {
			t.Errorf("jaccard(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
