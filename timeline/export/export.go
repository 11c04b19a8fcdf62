// Package export writes a timeline in the formats other tools read:
// events.json (everything the site knows), an ACLED-like CSV, TimelineJS3
// JSON and iCalendar.
//
// Every writer is deterministic: the same timeline gives the same bytes,
// so exports can be committed and diffed. Nothing depends on the clock,
// not even iCalendar's DTSTAMP, which is taken from the data.
package export

import (
	"encoding/json"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// Format is one export: its file name beside the site and its writer.
type Format struct {
	Name  string // "json", "csv", "timelinejs", "ics"
	File  string // "events.json", ...
	Write func(io.Writer, timeline.Timeline) error
}

// Formats are every export, in the order they are listed to users.
var Formats = []Format{
	{"json", "events.json", JSON},
	{"csv", "events.csv", CSV},
	{"timelinejs", "timelinejs.json", TimelineJS},
	{"ics", "events.ics", ICS},
}

// JSON writes events.json: {"events": [...]} with every field of every
// event, as DESIGN.md shows it. Empty lists are [] rather than null, so
// that readers need not tell the two apart.
func JSON(w io.Writer, tl timeline.Timeline) error {
	out := tl
	out.Events = make([]timeline.Event, len(tl.Events))
	for i, e := range tl.Events {
		e.Places, e.Actors = nonNil(e.Places), nonNil(e.Actors)
		if e.Sources == nil {
			e.Sources = []timeline.Source{}
		}
		out.Events[i] = e
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// days returns the days an event may have happened on: from the first
// day of its date to the day after the last day of its end, or of its
// date when it has none. ok is false for a date none of the forms
// Event.Date takes (2016-08-07, 2016-W31, 2016-08, 2016).
func days(e timeline.Event) (first, end time.Time, ok bool) {
	first, g, ok := timeml.ParseDate(e.Date)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	last, lg := first, g
	if e.End != "" {
		if t, eg, ok := timeml.ParseDate(e.End); ok && !t.Before(first) {
			last, lg = t, eg
		}
	}
	return first, after(last, lg), true
}

// after is the day after the period of granularity g that starts at t.
func after(t time.Time, g timex.Granularity) time.Time {
	switch g {
	case timex.GranYear:
		return t.AddDate(1, 0, 0)
	case timex.GranMonth:
		return t.AddDate(0, 1, 0)
	case timex.GranWeek:
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 0, 1)
}

// shorten cuts text to at most n runes at a word boundary, with an
// ellipsis when it cut.
func shorten(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := []rune(text)[:n-1]
	s := string(cut)
	if i := strings.LastIndex(s, " "); i > n/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ,;:") + "…"
}

// sourceTitles are the titles of an event's sources, each once, falling
// back on the article's slug; urls their addresses, each once.
func sourceTitles(e timeline.Event) (titles, urls []string) {
	seen := map[string]bool{}
	for _, s := range e.Sources {
		t := s.Title
		if t == "" {
			t = s.Article
		}
		if t != "" && !seen["t"+t] {
			seen["t"+t] = true
			titles = append(titles, t)
		}
		if s.URL != "" && !seen["u"+s.URL] {
			seen["u"+s.URL] = true
			urls = append(urls, s.URL)
		}
	}
	return titles, urls
}
