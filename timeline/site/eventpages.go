package site

// EventPages says whether every event gets a page of its own.
//
// An event's page holds what its card on a period's page holds, and more:
// how it was dated, where it was read, how to cite it. Past a few
// thousand events those pages are most of a site: at 100,000 events they
// are 100,000 files and about a gigabyte, which is GitHub Pages' limit
// for a whole site, and most of the build's time. Without them, the card
// carries how the event was dated, and every link to the event (lists,
// the filter, the feed) goes to the card on its period's page, at
// "months/2016-08.html#e-ID".
type EventPages string

const (
	// EventPagesAuto makes the pages while the timeline has at most
	// EventPageLimit events.
	EventPagesAuto   EventPages = "auto"
	EventPagesAlways EventPages = "always"
	EventPagesNever  EventPages = "never"
)

// EventPageLimit is the largest timeline that EventPagesAuto gives a page
// per event.
const EventPageLimit = 10_000

// on reports whether a timeline of n events gets a page per event; a
// mode it does not know is auto.
func (m EventPages) on(n int) bool {
	switch m {
	case EventPagesAlways:
		return true
	case EventPagesNever:
		return false
	}
	return n <= EventPageLimit
}

// linkEvents decides whether the events have pages and where links to
// each go. It runs after the periods are made, which say on which page
// an event's card is. Without pages, it also prepares what Hugo would
// otherwise find in the event pages: an index of the events by path,
// their terms (terms.go), and the parts of the home page in full.
func (d *siteData) linkEvents(pages bool) {
	d.EventPages = pages
	for i := range d.Events {
		e := &d.Events[i]
		e.Terms, e.TermIndex = nil, nil
		if pages || e.Period == "" {
			e.Href = e.Path + ".html"
		} else {
			e.Href = e.Period + ".html#e-" + e.ID
		}
	}
	d.EventIndex, d.Taxonomies, d.Home.Full = nil, nil, nil
	if pages {
		return
	}
	d.EventIndex = make(map[string]int, len(d.Events))
	for i := range d.Events {
		d.EventIndex[d.Events[i].Path] = i
	}
	d.Taxonomies = newTaxonomies(d.Events, TermPageSize)
	d.Home.Full = newHomeFull(d.Events)
}
