package cli

import (
	"fmt"
	"strings"
	"testing"
)

// TestReportUndated names the undated articles, at most undatedShown of
// them with a stanza each, and counts the rest: a collection of
// thousands must not bury the build report.
func TestReportUndated(t *testing.T) {
	files := func(n int) []string {
		fs := make([]string, n)
		for i := range fs {
			fs[i] = fmt.Sprintf("a%05d.txt", i)
		}
		return fs
	}
	for _, tc := range []struct {
		n        int
		stanzas  int
		more     string
		lastName string
	}{
		{0, 0, "", ""},
		{1, 1, "", "a00000.txt"},
		{undatedShown, undatedShown, "", fmt.Sprintf("a%05d.txt", undatedShown-1)},
		{10000, undatedShown, fmt.Sprintf("and %d more", 10000-undatedShown), fmt.Sprintf("a%05d.txt", undatedShown-1)},
	} {
		var b strings.Builder
		reportUndated(&b, files(tc.n), "config.toml")
		out := b.String()
		if got := strings.Count(out, "[articles."); got != tc.stanzas {
			t.Errorf("%d undated: %d stanzas, want %d\n%s", tc.n, got, tc.stanzas, out)
		}
		if tc.more != "" && !strings.Contains(out, tc.more) {
			t.Errorf("%d undated: no %q in\n%s", tc.n, tc.more, out)
		}
		if tc.n > 0 && !strings.Contains(out, tc.lastName) {
			t.Errorf("%d undated: %s not named in\n%s", tc.n, tc.lastName, out)
		}
		if shown := fmt.Sprintf("a%05d.txt", undatedShown); tc.n > undatedShown && strings.Contains(out, shown) {
			t.Errorf("%d undated: %s named beyond the first %d", tc.n, shown, undatedShown)
		}
	}
}

// TestReportYearOnly says which articles are dated only to their year,
// with the stanza that pins each.
func TestReportYearOnly(t *testing.T) {
	var b strings.Builder
	reportYearOnly(&b, []string{"003.txt"}, "config.toml")
	out := b.String()
	for _, want := range []string{"1 article dated only to the year: 003.txt", `[articles."003.txt"]`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	b.Reset()
	reportYearOnly(&b, nil, "config.toml")
	if b.Len() != 0 {
		t.Errorf("nothing to pin, but it said %q", b.String())
	}
}
