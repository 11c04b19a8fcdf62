package site

import "testing"

func TestEventPagesOn(t *testing.T) {
	for _, tc := range []struct {
		mode EventPages
		n    int
		want bool
	}{
		{"", 0, true},
		{"", EventPageLimit, true},
		{"", EventPageLimit + 1, false},
		{EventPagesAuto, EventPageLimit + 1, false},
		{EventPagesAlways, 10 * EventPageLimit, true},
		{EventPagesNever, 1, false},
		{"sometimes", 1, true}, // unknown: auto
	} {
		if got := tc.mode.on(tc.n); got != tc.want {
			t.Errorf("EventPages(%q).on(%d) = %v, want %v", tc.mode, tc.n, got, tc.want)
		}
	}
}

// TestLinkEvents: with pages, a link to an event is its page; without,
// its card on the period page that lists it.
func TestLinkEvents(t *testing.T) {
	d := newSiteData(fixture())
	for _, pages := range []bool{true, false} {
		d.linkEvents(pages)
		if d.EventPages != pages {
			t.Errorf("linkEvents(%v): EventPages = %v", pages, d.EventPages)
		}
		for _, e := range d.Events {
			want := e.Path + ".html"
			if !pages {
				want = e.Period + ".html#e-" + e.ID
			}
			if e.Href != want || e.Period == "" {
				t.Errorf("linkEvents(%v): %s links to %q, want %q", pages, e.ID, e.Href, want)
			}
		}
	}
}
