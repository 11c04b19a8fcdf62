package site

import (
	"maps"
	"testing"
)

// TestBuildDeterministicAtScale: two builds of a few hundred generated
// articles, full of ties (same day, place, title), give byte-identical
// trees.
func TestBuildDeterministicAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 300 articles twice")
	}
	in := generated(300, 42, nil)
	a := tree(t, build(t, "testdata/project", in, Options{}))
	b := tree(t, build(t, "testdata/project", generated(300, 42, nil), Options{}))
	if len(a) < 900 {
		t.Fatalf("the site has %d files; the test means a large one", len(a))
	}
	if !maps.Equal(a, b) {
		n := 0
		for name := range a {
			if a[name] != b[name] {
				if n++; n <= 5 {
					t.Errorf("%s differs between two builds", name)
				}
			}
		}
		t.Errorf("two builds differ in %d of %d files", n, len(a))
	}
}
