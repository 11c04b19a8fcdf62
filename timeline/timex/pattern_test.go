package timex

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestRulesBeforeSparesOnlyFailures checks that filing a word's rules by
// the next token (fileByNext) only spares attempts that fail: at every
// token, matchesAt finds the same matches as when every rule of the word
// is tried. The texts are the rules' examples, and every word that starts
// a rule followed by every vocabulary word, in lower case and capitalized,
// then by a number.
func TestRulesBeforeSparesOnlyFailures(t *testing.T) {
	filtered, full := mustCompile().index, mustCompile().index
	for _, w := range full.vocab.words {
		w.next = nil // rulesBefore then returns all of w.rules
	}
	rules, err := parseRules(rulesText)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range rules {
		for _, ex := range r.examples {
			texts = append(texts, ex.text)
		}
	}
	keys := make([]string, 0, len(filtered.vocab.words))
	for k := range filtered.vocab.words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if len(filtered.vocab.words[k].rules) == 0 {
			continue
		}
		var b strings.Builder
		for _, next := range keys {
			fmt.Fprintf(&b, "%s %s 12 . %s %s 1998 .\n", k, next, capitalize(k), capitalize(next))
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		a, b := matchesEverywhere(filtered, text), matchesEverywhere(full, text)
		if a != b {
			t.Fatalf("%.80q: filed by next token:\n%s\nall rules:\n%s", text, a, b)
		}
	}
}

// matchesEverywhere lists the matches at every token of text.
func matchesEverywhere(ix *ruleIndex, text string) string {
	toks := mergeNumbers(tokenize(text, 0, nil, ix.vocab))
	var b strings.Builder
	var buf []match
	for i := range toks {
		buf = ix.matchesAt(text, toks, i, buf)
		for _, m := range buf {
			fmt.Fprintf(&b, "%d %s %d-%d %+v\n", i, m.rule.name, m.from, m.to, m.s)
		}
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// TestRulesBeforeFilters checks that the filing spares attempts: few of
// the rules that start with "the" can match before a word no rule names.
func TestRulesBeforeFilters(t *testing.T) {
	ix := std.index
	for _, tc := range []struct {
		text     string
		min, max int // how many rules of the first word are tried
	}{
		{"the government", 0, 2},
		{"the Government", 0, 2},
		{"the", 0, 2},
		{"the second quarter", 1, 30},
		{"the 1990s", 10, 1000}, // a number: all rules
		{"a few days", 1, 15},
	} {
		toks := mergeNumbers(tokenize(tc.text, 0, nil, ix.vocab))
		w := toks[0].w
		got := len(ix.rulesBefore(w, toks, 0))
		if got < tc.min || got > tc.max {
			t.Errorf("%q: %d of %d rules tried, want %d to %d", tc.text, got, len(w.rules), tc.min, tc.max)
		}
	}
}
