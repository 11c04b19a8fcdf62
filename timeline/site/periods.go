package site

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
)

// Pages that scale. No template ranges over all events on a page other
// than the one that lists them: Go sorts the events into periods here,
// and each page gets the paths of its own events, so that rendering the
// site costs in proportion to its events, and a page's HTML depends on
// its own events and neighbours only (adding an article rewrites the
// pages it touches, not every page).
//
// A period is a month of the chronology, the events of a year known only
// to the year, a year of background, or the undated; its page is
// months/2016-08, months/2016, months/background-2011 or months/undated.
// A period of more than periodPageSize events is split into pages of
// that many (months/2016-08-p2, ...), at a group's end where one is near.

// periodPageSize bounds a period page: a busy month of a large timeline
// would otherwise be a page of megabytes.
const periodPageSize = 400

// maxLatest bounds the latest events the home page and the feed may list;
// the theme shows fewer (homeLatest, the feed's limit).
const maxLatest = 1000

// Period kinds.
const (
	kindMonth      = "month"
	kindYear       = "year"
	kindBackground = "background"
	kindUndated    = "undated"
)

// periodData is one page of a period.
type periodData struct {
	Key  string `json:"key"`  // "2016-08", "2016", "background-2011", "undated"
	Kind string `json:"kind"` // "month", "year", "background", "undated"
	// Label names the period ("August 2016", "2016"); "" for the
	// undated, which the theme names in its own words. Datetime is for
	// <time>, "" when none fits.
	Label    string `json:"label"`
	Datetime string `json:"datetime,omitempty"`
	Year     string `json:"year"`
	Path     string `json:"path"`
	// Count is the events of the whole period; Page and Pages number this
	// page among the period's; First is the period's first page.
	Count int    `json:"count"`
	Page  int    `json:"page"`
	Pages int    `json:"pages"`
	First string `json:"first"`
	// Prev and Next are the neighbouring pages of the same part of the
	// timeline (the chronology, the background, the undated).
	Prev   string      `json:"prev,omitempty"`
	Next   string      `json:"next,omitempty"`
	Groups []groupData `json:"groups"`
}

// groupData is a run of events that share a date heading, as page paths.
type groupData struct {
	Key    string   `json:"key"`
	Events []string `json:"events"`
}

// periodRef is a period as an overview lists it: its first page.
type periodRef struct {
	Key      string `json:"key"`
	Kind     string `json:"kind"`
	Label    string `json:"label"`
	Datetime string `json:"datetime,omitempty"`
	Path     string `json:"path"`
	Count    int    `json:"count"`
}

// yearData is a year of the chronology in the overview: the events known
// only to the year, if any, then its months.
type yearData struct {
	Year    string      `json:"year"`
	Count   int         `json:"count"`
	Periods []periodRef `json:"periods"`
}

// homeData is what the home page shows of a timeline of any size,
// counted and chosen in Go so that the page never scans all events.
type homeData struct {
	Events          int `json:"events"`
	Articles        int `json:"articles"`
	Chronology      int `json:"chronology"`
	Background      int `json:"background"`
	Undated         int `json:"undated"`
	Verified        int `json:"verified"`
	Inferred        int `json:"inferred"`
	UndatedArticles int `json:"undatedarticles"`
	// Years, Backgrounds and Undated are the overview: the periods with
	// their counts, each a link to its first page.
	Years       []yearData  `json:"years"`
	Backgrounds []periodRef `json:"backgrounds"`
	UndatedRefs []periodRef `json:"undatedrefs"`
	// BackgroundFrom and BackgroundTo are the first and last year of the
	// background.
	BackgroundFrom string `json:"backgroundfrom,omitempty"`
	BackgroundTo   string `json:"backgroundto,omitempty"`
	// Latest are the last events of the chronology, newest first, as
	// page paths: at most maxLatest.
	Latest []string `json:"latest"`
	// Full are the parts the home page may show in full, grouped as it
	// shows them, when events have no page (see EventPages) and a part
	// has at most homeFullMax events.
	Full *homeFull `json:"full,omitempty"`
}

// homeFull is the background, the chronology and the undated for the
// home page to show in full, from the events' paths.
type homeFull struct {
	// Max is homeFullMax: a part of more events has no groups here.
	Max        int          `json:"max"`
	Background []chronoYear `json:"background,omitempty"`
	Chronology []chronoYear `json:"chronology,omitempty"`
	Undated    []groupData  `json:"undated,omitempty"`
}

// homeFullMax bounds the parts the data groups for the home page to show
// in full: the theme's homeEventLimit above it shows the overview.
const homeFullMax = EventPageLimit

// periodOf says which period an event belongs to: its key, kind, label,
// datetime and page path.
func periodOf(e *eventData) periodRef {
	switch {
	case e.Part == partUndated:
		return periodRef{Key: kindUndated, Kind: kindUndated, Path: "months/undated"}
	case e.Part == partBackground:
		return periodRef{Key: "background-" + e.Year, Kind: kindBackground, Label: e.Year, Datetime: e.Year, Path: "months/background-" + e.Year}
	case strings.HasSuffix(e.Month, "-00"):
		return periodRef{Key: e.Year, Kind: kindYear, Label: e.Year, Datetime: e.Year, Path: "months/" + e.Year}
	}
	return periodRef{Key: e.Month, Kind: kindMonth, Label: e.MonthLabel, Datetime: e.Month, Path: "months/" + e.Month}
}

// newPeriods sorts the events, in their order, into period pages, and
// sets each event's Period to the page that holds it.
func newPeriods(events []eventData) []periodData {
	var refs []periodRef
	members := map[string][]int{}
	for i := range events {
		r := periodOf(&events[i])
		if _, ok := members[r.Key]; !ok {
			refs = append(refs, r)
		}
		members[r.Key] = append(members[r.Key], i)
	}
	out := []periodData{}
	for _, r := range refs {
		idx := members[r.Key]
		chunks := split(events, idx, periodPageSize)
		for n, chunk := range chunks {
			p := periodData{Key: r.Key, Kind: r.Kind, Label: r.Label, Datetime: r.Datetime, Year: events[idx[0]].Year,
				Path: r.Path, Count: len(idx), Page: n + 1, Pages: len(chunks), First: r.Path, Groups: []groupData{}}
			if n > 0 {
				p.Path += "-p" + strconv.Itoa(n+1)
			}
			for _, i := range chunk {
				e := &events[i]
				e.Period = p.Path
				if g := len(p.Groups) - 1; g >= 0 && p.Groups[g].Key == e.Group {
					p.Groups[g].Events = append(p.Groups[g].Events, e.Path)
					continue
				}
				p.Groups = append(p.Groups, groupData{Key: e.Group, Events: []string{e.Path}})
			}
			out = append(out, p)
		}
	}
	for i := range out {
		if i > 0 && kindPart(out[i-1].Kind) == kindPart(out[i].Kind) {
			out[i].Prev = out[i-1].Path
			out[i-1].Next = out[i].Path
		}
	}
	return out
}

// kindPart is the part of the timeline a period kind belongs to.
func kindPart(kind string) string {
	switch kind {
	case kindBackground:
		return partBackground
	case kindUndated:
		return partUndated
	}
	return partChronology
}

// split cuts a period's events (indexes, in order) into pages of at most
// size, each ending where a date group ends if one does in its last
// quarter.
func split(events []eventData, idx []int, size int) [][]int {
	var out [][]int
	for len(idx) > size {
		cut := size
		for c := size; c > size*3/4; c-- {
			if events[idx[c]].Group != events[idx[c-1]].Group {
				cut = c
				break
			}
		}
		out = append(out, idx[:cut])
		idx = idx[cut:]
	}
	return append(out, idx)
}

// newHome counts and chooses what the home page shows.
func newHome(events []eventData, periods []periodData, articles []articleData) homeData {
	h := homeData{Events: len(events), Articles: len(articles), Years: []yearData{}, Backgrounds: []periodRef{}, UndatedRefs: []periodRef{}, Latest: []string{}}
	for i := range events {
		e := &events[i]
		switch e.Part {
		case partChronology:
			h.Chronology++
		case partBackground:
			h.Background++
			if h.BackgroundFrom == "" {
				h.BackgroundFrom = e.Year
			}
			h.BackgroundTo = e.Year
		case partUndated:
			h.Undated++
		}
		if e.Verified {
			h.Verified++
		}
		if e.Inferred {
			h.Inferred++
		}
	}
	for _, a := range articles {
		if a.Undated {
			h.UndatedArticles++
		}
	}
	for _, p := range periods {
		if p.Page != 1 {
			continue
		}
		r := periodRef{Key: p.Key, Kind: p.Kind, Label: p.Label, Datetime: p.Datetime, Path: p.Path, Count: p.Count}
		switch p.Kind {
		case kindBackground:
			h.Backgrounds = append(h.Backgrounds, r)
		case kindUndated:
			h.UndatedRefs = append(h.UndatedRefs, r)
		default:
			if n := len(h.Years); n == 0 || h.Years[n-1].Year != p.Year {
				h.Years = append(h.Years, yearData{Year: p.Year})
			}
			y := &h.Years[len(h.Years)-1]
			y.Count += p.Count
			y.Periods = append(y.Periods, r)
		}
	}
	for i := len(events) - 1; i >= 0 && len(h.Latest) < maxLatest; i-- {
		if events[i].Part == partChronology {
			h.Latest = append(h.Latest, events[i].Path)
		}
	}
	return h
}

// newHomeFull groups each part of at most homeFullMax events as the home
// page shows it in full.
func newHomeFull(events []eventData) *homeFull {
	parts := map[string][]int{}
	for i := range events {
		parts[events[i].Part] = append(parts[events[i].Part], i)
	}
	full := &homeFull{Max: homeFullMax}
	coll := newCollator()
	if idx := parts[partBackground]; len(idx) <= homeFullMax {
		full.Background = chronology(events, idx, coll)
	}
	if idx := parts[partChronology]; len(idx) <= homeFullMax {
		full.Chronology = chronology(events, idx, coll)
	}
	if idx := parts[partUndated]; len(idx) <= homeFullMax {
		full.Undated = dateGroups(events, idx, coll)
	}
	return full
}

// dateGroups groups events (indexes, in order) by their date heading as
// GroupByParam "group" would.
func dateGroups(events []eventData, idx []int, coll *collate.Collator) []groupData {
	idx = slices.Clone(idx)
	slices.SortStableFunc(idx, func(a, b int) int { return collateKeys(coll, events[a].Group, events[b].Group) })
	var out []groupData
	for _, i := range idx {
		e := &events[i]
		if n := len(out); n == 0 || out[n-1].Key != e.Group {
			out = append(out, groupData{Key: e.Group})
		}
		out[len(out)-1].Events = append(out[len(out)-1].Events, e.Path)
	}
	return out
}
