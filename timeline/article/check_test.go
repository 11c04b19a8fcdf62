package article

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkArticle asserts what every Article promises, whatever the input:
// later steps quote sentences by offset, so the offsets must hold exactly.
func checkArticle(t testing.TB, a *Article) {
	t.Helper()
	if a.Title == "" || strings.Contains(a.Title, "\n") {
		t.Errorf("%s: title %q is empty or has a line break", a.Path, a.Title)
	}
	if a.Text == "" || !utf8.ValidString(a.Text) || !norm.NFC.IsNormalString(a.Text) {
		t.Fatalf("%s: text is empty, not UTF-8 or not NFC: %q", a.Path, a.Text)
	}
	checkSpans(t, a.Text, a.Paragraphs)
	if a.Paragraphs[0].Start != 0 || a.Paragraphs[len(a.Paragraphs)-1].End != len(a.Text) {
		t.Errorf("%s: paragraphs do not cover the text from end to end", a.Path)
	}
	for i := 1; i < len(a.Paragraphs); i++ {
		if gap := a.Text[a.Paragraphs[i-1].End:a.Paragraphs[i].Start]; gap != "\n\n" {
			t.Errorf("%s: paragraphs %d and %d are separated by %q, want a blank line", a.Path, i-1, i, gap)
		}
	}
	checkSpans(t, a.Text, a.Sentences)
	for i, s := range a.Sentences {
		if strings.Contains(s.In(a.Text), "\n") {
			t.Errorf("%s: sentence %d %q spans a line break", a.Path, i, s.In(a.Text))
		}
	}
	p := 0
	for i, s := range a.Sentences {
		for p < len(a.Paragraphs) && a.Paragraphs[p].End < s.End {
			p++
		}
		if p == len(a.Paragraphs) || s.Start < a.Paragraphs[p].Start {
			t.Fatalf("%s: sentence %d %v crosses a paragraph boundary", a.Path, i, s)
		}
		if i > 0 && a.Sentences[i-1].End > a.Paragraphs[p].Start {
			if gap := a.Text[a.Sentences[i-1].End:s.Start]; strings.TrimSpace(gap) != "" {
				t.Errorf("%s: text %q between sentences %d and %d belongs to neither", a.Path, gap, i-1, i)
			}
		}
	}
}

// checkSpans asserts that spans are in order, disjoint, within text,
// non-empty, and, in valid UTF-8, on rune boundaries and trimmed.
func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	end := 0
	for i, s := range spans {
		if s.Start < end || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or bounds (previous end %d, text length %d)", i, s, end, len(text))
		}
		end = s.End
		got := s.In(text)
		if !utf8.ValidString(text) {
			continue // rune boundaries and trimming mean little in broken UTF-8
		}
		if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
			t.Errorf("span %d %v splits a character", i, s)
		}
		if strings.TrimFunc(got, unicode.IsSpace) != got {
			t.Errorf("span %d %q is not trimmed", i, got)
		}
	}
}
