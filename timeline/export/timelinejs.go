package export

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
)

// The TimelineJS3 JSON format, as its documentation gives it
// (https://timeline.knightlab.com/docs/json-format.html): date parts are
// strings, and a date has only the parts that are known.
type tjsFile struct {
	Title  *tjsSlide  `json:"title,omitempty"`
	Events []tjsSlide `json:"events"`
}

type tjsSlide struct {
	StartDate   *tjsDate `json:"start_date,omitempty"`
	EndDate     *tjsDate `json:"end_date,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	Text        tjsText  `json:"text"`
	Group       string   `json:"group,omitempty"`
	UniqueID    string   `json:"unique_id,omitempty"`
}

type tjsDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// headlineLength is the longest headline, in characters: TimelineJS sets
// it large.
const headlineLength = 90

// TimelineJS writes TimelineJS3 JSON: a slide per dated event, grouped by
// type, with the date told to its precision: a month event has no day, a
// year event no month. A range, and a period longer than its unit (a
// week runs from Monday to Sunday, a quarter or a season over its months,
// a decade over its years), has an end_date. display_date says the date
// in words ("2 Aug 2016", "August 2016", "2016"), after "c." when it is
// inferred or less than certain. Undated events have no slide.
//
// Every text is HTML: the headline and the group are escaped, and the
// slide's text holds the sentence, the places and actors, how the date
// was reached and the sources, all escaped, with links only to http and
// https addresses.
func TimelineJS(w io.Writer, tl timeline.Timeline) error {
	out := tjsFile{Events: []tjsSlide{}}
	if tl.Title != "" {
		out.Title = &tjsSlide{Text: tjsText{Headline: html.EscapeString(tl.Title)}}
	}
	for _, e := range tl.Events {
		d, ok := dateOf(e)
		if !ok {
			continue // TimelineJS cannot place an undated slide
		}
		s := tjsSlide{
			StartDate:   tjsDateOf(d.start.First(), d.start),
			DisplayDate: html.EscapeString(circa(e, d)),
			Text:        tjsText{Headline: html.EscapeString(headline(e)), Text: slideText(e, d)},
			Group:       html.EscapeString(e.Type),
			UniqueID:    e.ID,
		}
		if last := d.last(); !d.end.IsZero() || spansUnits(last) {
			s.EndDate = tjsDateOf(last.Last(), last)
		}
		out.Events = append(out.Events, s)
	}
	slides := out.Events
	out.Events = []tjsSlide{}
	return writeIndented(w, out, "events", slides)
}

// spansUnits reports whether v covers more than one unit of the date
// parts TimelineJS knows (days, months, years): a week, a season, a
// quarter, a half, a decade, a century.
func spansUnits(v date.Value) bool {
	switch v.Unit() {
	case date.Week, date.Season, date.Quarter, date.Half, date.Decade, date.Century:
		return true
	}
	return false
}

// tjsDateOf is day t with the parts that v's unit tells: a week's days
// are days, a quarter's or a season's months are months, a decade's
// years are years.
func tjsDateOf(t time.Time, v date.Value) *tjsDate {
	d := &tjsDate{Year: strconv.Itoa(t.Year())}
	switch v.Unit() {
	case date.Day, date.Week:
		d.Day = strconv.Itoa(t.Day())
		fallthrough
	case date.Month, date.Season, date.Quarter, date.Half:
		d.Month = strconv.Itoa(int(t.Month()))
	}
	return d
}

// headline is an editor's summary, else the start of the event's
// sentence, marked when the event is only planned.
func headline(e timeline.Event) string {
	h := shorten(cmp.Or(e.Summary, e.Text), headlineLength)
	if e.Planned {
		h = "Planned: " + h
	}
	return h
}

func slideText(e timeline.Event, d when) string {
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s</p>", esc(e.Text))
	var facts []string
	if e.Verified {
		facts = append(facts, "Verified"+by(e))
	}
	if len(e.Places) > 0 {
		facts = append(facts, "Places: "+esc(strings.Join(e.Places, ", ")))
	}
	if len(e.Actors) > 0 {
		facts = append(facts, "Actors: "+esc(strings.Join(e.Actors, ", ")))
	}
	fmt.Fprintf(&b, "<p>%s</p>", strings.Join(append(facts, dateFacts(e, d)...), "<br>"))
	var links []string
	for _, s := range e.Sources {
		title := esc(citation(s))
		if u, ok := safeURL(s.URL); ok {
			title = fmt.Sprintf(`<a href="%s">%s</a>`, esc(u), title)
		}
		if s.Timex.Text != "" {
			title += fmt.Sprintf(" (“%s”)", esc(s.Timex.Text))
		}
		links = append(links, title)
	}
	if len(links) > 0 {
		fmt.Fprintf(&b, "<p>Sources: %s</p>", strings.Join(links, "; "))
	}
	return b.String()
}

// dateFacts are what is known of an event's date beyond its value, in
// escaped HTML, a fact an item: its precision, confidence, likely days,
// whether it was inferred, whether it is background, and the reasons.
func dateFacts(e timeline.Event, d when) []string {
	esc := html.EscapeString
	facts := []string{esc(fmt.Sprintf("Date: %s (%s; known to the %s)", circa(e, d), d.value(), unitName(d.start)))}
	facts = append(facts, fmt.Sprintf("Confidence: %.2f", e.Confidence))
	if l := likely(e); l != "" {
		facts = append(facts, esc(l))
	}
	if e.Inferred {
		facts = append(facts, "Inferred: counted from an estimated article date")
	}
	if e.Background {
		facts = append(facts, "Background: mentioned as context, not as news")
	}
	for _, r := range e.Reasons {
		facts = append(facts, "Why: "+esc(r))
	}
	return facts
}

// by names who verified an event, escaped: " by AB", or "".
func by(e timeline.Event) string {
	if e.VerifiedBy == "" {
		return ""
	}
	return " by " + html.EscapeString(e.VerifiedBy)
}
