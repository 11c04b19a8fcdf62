package export

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
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
// year event no month, a week runs from Monday to Sunday. The slide's
// text is HTML: the sentence, the places and actors, and the sources as
// links.
func TimelineJS(w io.Writer, tl timeline.Timeline) error {
	out := tjsFile{Events: []tjsSlide{}}
	if tl.Title != "" {
		out.Title = &tjsSlide{Text: tjsText{Headline: html.EscapeString(tl.Title)}}
	}
	for _, e := range tl.Events {
		first, after, ok := days(e)
		if !ok {
			continue // TimelineJS cannot place an undated slide
		}
		last := after.AddDate(0, 0, -1)
		s := tjsSlide{
			StartDate: tjsDateOf(first, e.Precision),
			Text:      tjsText{Headline: html.EscapeString(headline(e)), Text: slideText(e)},
			Group:     e.Type,
			UniqueID:  e.ID,
		}
		if e.Precision == timeline.PrecisionWeek {
			// TimelineJS has no weeks: the slide spans the days.
			y, wk := first.ISOWeek()
			s.StartDate = tjsDateOf(first, timeline.PrecisionDay)
			s.EndDate = tjsDateOf(last, timeline.PrecisionDay)
			s.DisplayDate = fmt.Sprintf("Week %d, %d", wk, y)
		} else if e.End != "" {
			s.EndDate = tjsDateOf(last, e.Precision)
		}
		out.Events = append(out.Events, s)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func tjsDateOf(t time.Time, p timeline.Precision) *tjsDate {
	d := &tjsDate{Year: strconv.Itoa(t.Year())}
	switch p {
	case timeline.PrecisionDay:
		d.Day = strconv.Itoa(t.Day())
		fallthrough
	case timeline.PrecisionMonth:
		d.Month = strconv.Itoa(int(t.Month()))
	}
	return d
}

// headline is the start of the event's sentence, marked when the event
// is only planned.
func headline(e timeline.Event) string {
	h := shorten(e.Text, headlineLength)
	if e.Planned {
		h = "Planned: " + h
	}
	return h
}

func slideText(e timeline.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(e.Text))
	var facts []string
	if len(e.Places) > 0 {
		facts = append(facts, "Places: "+html.EscapeString(strings.Join(e.Places, ", ")))
	}
	if len(e.Actors) > 0 {
		facts = append(facts, "Actors: "+html.EscapeString(strings.Join(e.Actors, ", ")))
	}
	facts = append(facts, fmt.Sprintf("Confidence: %.2f", e.Confidence))
	fmt.Fprintf(&b, "<p>%s</p>", strings.Join(facts, "<br>"))
	var links []string
	for _, s := range e.Sources {
		title := html.EscapeString(s.Title)
		if title == "" {
			title = html.EscapeString(s.Article)
		}
		if s.URL != "" {
			title = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(s.URL), title)
		}
		if s.Timex.Text != "" {
			title += fmt.Sprintf(" (“%s”)", html.EscapeString(s.Timex.Text))
		}
		links = append(links, title)
	}
	if len(links) > 0 {
		fmt.Fprintf(&b, "<p>Sources: %s</p>", strings.Join(links, "; "))
	}
	return b.String()
}
