package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline"
)

// TestPeriods: every event is on exactly one period page, the page its
// Period names; months, years known only to the year, background years
// and the undated each have theirs, in the timeline's order.
func TestPeriods(t *testing.T) {
	d := newSiteData(fixture())
	var paths []string
	on := map[string]string{}
	for _, p := range d.Periods {
		paths = append(paths, fmt.Sprintf("%s=%d", p.Path, p.Count))
		for _, g := range p.Groups {
			for _, e := range g.Events {
				if prev, dup := on[e]; dup {
					t.Errorf("%s is on %s and %s", e, prev, p.Path)
				}
				on[e] = p.Path
			}
		}
	}
	want := "months/background-2011=3 months/background-2012=1 months/background-2013=1 months/background-2014=1 months/background-2015=1 " +
		"months/2016-02=1 months/2016-07=3 months/2016-08=5 months/undated=1"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("periods %s,\nwant %s", got, want)
	}
	for _, e := range d.Events {
		if on[e.Path] != e.Period || e.Period == "" {
			t.Errorf("%s: Period %q, listed on %q", e.ID, e.Period, on[e.Path])
		}
	}
	// Neighbours within a part, not across.
	for _, p := range d.Periods {
		switch p.Path {
		case "months/2016-02":
			if p.Prev != "" || p.Next != "months/2016-07" {
				t.Errorf("%s: prev %q next %q", p.Path, p.Prev, p.Next)
			}
		case "months/undated":
			if p.Prev != "" || p.Next != "" {
				t.Errorf("%s: prev %q next %q", p.Path, p.Prev, p.Next)
			}
		}
	}
}

// TestPeriodsSplit: a period of more than periodPageSize events is cut
// into pages, at the end of a day where one falls in the page's last
// quarter, and a year's events known only to the year have a page apart
// from its months.
func TestPeriodsSplit(t *testing.T) {
	var in Input
	add := func(date string, prec timeline.Precision, n int) {
		for i := range n {
			in.Timeline.Events = append(in.Timeline.Events, timeline.Event{ID: fmt.Sprintf("%s-%d", date, i), Date: date, Precision: prec})
		}
	}
	add("2016", timeline.PrecisionYear, 2)
	add("2016-08-01", timeline.PrecisionDay, 350)
	add("2016-08-02", timeline.PrecisionDay, 300)  // the first page ends at 350, in its last quarter
	add("2016-08-03", timeline.PrecisionDay, 1000) // the second page does not, at 300: it is full
	d := newSiteData(in)
	type page struct {
		path        string
		count, size int
		first       string
	}
	var got []page
	for _, p := range d.Periods {
		n := 0
		for _, g := range p.Groups {
			n += len(g.Events)
		}
		got = append(got, page{p.Path, p.Count, n, p.First})
	}
	want := []page{
		{"months/2016", 2, 2, "months/2016"},
		{"months/2016-08", 1650, 350, "months/2016-08"},
		{"months/2016-08-p2", 1650, 400, "months/2016-08"},
		{"months/2016-08-p3", 1650, 400, "months/2016-08"},
		{"months/2016-08-p4", 1650, 400, "months/2016-08"},
		{"months/2016-08-p5", 1650, 100, "months/2016-08"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages\n%v, want\n%v", got, want)
	}
	if y := d.Home.Years; len(y) != 1 || y[0].Count != 1652 || len(y[0].Periods) != 2 || y[0].Periods[0].Kind != kindYear {
		t.Errorf("the overview's years: %+v", y)
	}
}

// TestHome: the home page's counts, and its latest events, newest first
// and bounded.
func TestHome(t *testing.T) {
	h := newSiteData(fixture()).Home
	got := fmt.Sprintf("%d events, %d articles: %d chronology, %d background, %d undated; %d verified, %d inferred; %d undated articles",
		h.Events, h.Articles, h.Chronology, h.Background, h.Undated, h.Verified, h.Inferred, h.UndatedArticles)
	if want := "17 events, 4 articles: 9 chronology, 7 background, 1 undated; 3 verified, 1 inferred; 1 undated articles"; got != want {
		t.Errorf("%s,\nwant %s", got, want)
	}
	if len(h.Latest) != 9 || h.Latest[0] != "events/2016-08-14-idlib-market-shelling" {
		t.Errorf("latest: %q", h.Latest)
	}
	if h.BackgroundFrom != "2011" || h.BackgroundTo != "2015" {
		t.Errorf("background from %s to %s, want 2011 to 2015", h.BackgroundFrom, h.BackgroundTo)
	}

	var in Input
	for i := range maxLatest + 10 {
		in.Timeline.Events = append(in.Timeline.Events, timeline.Event{ID: fmt.Sprintf("e%04d", i), Date: "2016-08-01", Precision: timeline.PrecisionDay})
	}
	if h := newSiteData(in).Home; len(h.Latest) != maxLatest || h.Latest[0] != "events/e1009" {
		t.Errorf("%d latest, the first %s; want %d, the last event", len(h.Latest), h.Latest[0], maxLatest)
	}
}
