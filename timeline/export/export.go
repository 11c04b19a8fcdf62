// Package export writes a timeline in the formats other tools read:
// events.json (everything the site knows), an ACLED-like CSV, TimelineJS3
// JSON and iCalendar.
//
// Every writer is deterministic: the same timeline gives the same bytes,
// so exports can be committed and diffed. Nothing depends on the clock,
// not even iCalendar's DTSTAMP, which is taken from the data.
//
// # Uncertain dates
//
// An event's date is a belief, not a fact (see timeline.Event): its most
// probable value (Date, and End for a range) at some Precision, how
// likely that value is (Confidence), the days that hold nearly all of
// the belief (Earliest, Latest), and whether it was counted from an
// article date that was itself estimated (Inferred). Each format carries
// as much of that as it has words for, and never lets a date look more
// certain than it is:
//
//   - events.json has every field of the belief: date, end, precision,
//     confidence, earliest, latest, inferred, stated, background, planned
//     and reasons. An undated event has date "" and precision "unknown".
//
//   - events.csv keeps ACLED's convention: event_date is a whole day, the
//     first of the event's period, and time_precision says how much of it
//     is known, in ACLED's codes: 1 for a day, 2 for a week, a month or a
//     run of days up to a month, 3 for anything longer (a quarter, a
//     season, a year). So a year-only event reads 2012-01-01 with
//     time_precision 3, end_date 2012-12-31, date 2012 and precision year.
//     Further columns give the rest: date (the TIMEX3 value, a range as
//     start/end: 2016-07-23/2016-07-31), precision,
//     earliest, latest, confidence, inferred, stated, background, planned.
//     An undated event keeps its row, so that the file lists every event
//     as events.json does, but with event_date, time_precision, end_date
//     and date empty and precision "unknown": a blank is the one value a
//     spreadsheet will not sort or chart as if it were a date.
//
//   - timelinejs.json gives each slide the date parts that are known (a
//     month slide has no day, a year slide no month), an end_date for a
//     range or for a period longer than its unit (a week runs Monday to
//     Sunday, a quarter over its three months), and a display_date in
//     words: "2 Aug 2016", "August 2016", "2016", "Week of 1 Aug 2016",
//     "23–31 Jul 2016", marked "c." when the date is inferred or its
//     confidence is below 1. Undated events have no slide: TimelineJS
//     needs a start date.
//
//   - events.ics makes an all-day VEVENT of each dated event. An event
//     known to the day (or a range of days) covers those days. An event
//     known only to the week, month, quarter or year is NOT spread over
//     that whole period, which would paint every day of a month or a year
//     in a calendar: it is a one-day event on the period's first day, its
//     SUMMARY starts with the period ("[August 2016] ...") and its
//     DESCRIPTION says that the day is only where the calendar shows it.
//     An event whose date is inferred, or that is only planned, is
//     STATUS:TENTATIVE; every other one is CONFIRMED. The DESCRIPTION
//     gives the confidence, the likely days and the reasons. Undated
//     events are left out: a calendar cannot hold them.
//
// # The editor's hand
//
// An editor's corrections (events.toml) reach every format: hidden events
// are in none, an editor's summary leads (CSV notes, the TimelineJS
// headline, the iCalendar SUMMARY) with the source sentence kept beside
// it, and verified events say so and by whom. Sources are cited by their
// outlet, headline, author and day where the file gives them (CSV source
// names the outlet, with the address in source_url); a plain-text article
// that gives none is cited by its headline.
//
// # Hostile text
//
// Article text, titles and addresses come from outside, so every writer
// treats them as data. In the CSV a cell that starts with =, +, -, @, a
// tab or a carriage return is prefixed with a single quote, as OWASP
// recommends against formula injection. iCalendar text is escaped
// (backslash, semicolon, comma, newline), other control characters are
// dropped and lines are folded at 75 octets, so no value can start a
// property or an event of its own. In TimelineJS every text is HTML
// escaped, and only http and https addresses become links; in iCalendar
// only those become a URL property.
package export

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
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
// event, as DESIGN.md shows it, the date belief included (date,
// precision, confidence, earliest, latest, inferred, stated, background,
// reasons). Empty lists are [] rather than null, so that readers need not
// tell the two apart.
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
	events := out.Events
	out.Events = []timeline.Event{}
	return writeIndented(w, out, "events", events)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// when is an event's date as the writers place it: the period of its
// Date and, for a range, the period of its End.
type when struct {
	start, end date.Value // end is the zero Value unless the event is a range
}

// dateOf reads an event's date. ok is false for an undated event: its
// precision is unknown, or its Date names no period of the calendar
// ("", PRESENT_REF, XXXX-WXX-1). An End that cannot be read, or that
// ends before the Date begins, is left out.
func dateOf(e timeline.Event) (w when, ok bool) {
	if e.Precision == timeline.PrecisionUnknown {
		return when{}, false
	}
	v, err := date.Parse(e.Date)
	if err != nil {
		return when{}, false
	}
	w.start = v.DayOnly()
	if e.End != "" {
		if end, err := date.Parse(e.End); err == nil && !end.End().Before(v.End()) && end != v {
			w.end = end.DayOnly()
		}
	}
	return w, true
}

// last is the period's last unit: its End, or its Date.
func (w when) last() date.Value {
	if w.end.IsZero() {
		return w.start
	}
	return w.end
}

// firstDay and lastDay are the first and last days of the whole period.
func (w when) firstDay() time.Time { return w.start.First() }
func (w when) lastDay() time.Time  { return w.last().Last() }

// days is how many days the whole period holds.
func (w when) days() int {
	return int(w.lastDay().Sub(w.firstDay()).Hours()/24+0.5) + 1
}

// byDay reports whether the date is told to the day: a day, or a range
// of days.
func (w when) byDay() bool {
	return w.start.Unit() == date.Day && w.last().Unit() == date.Day
}

// value is the date as TIMEX3 writes it, a range as start/end.
func (w when) value() string {
	if w.end.IsZero() {
		return w.start.String()
	}
	return w.start.String() + "/" + w.end.String()
}

// unitName is the name of v's unit: "day", "week", "month", "season",
// "quarter", "half year", "year", "decade", "century".
func unitName(v date.Value) string {
	return [...]string{date.Day: "day", date.Week: "week", date.Month: "month", date.Season: "season",
		date.Quarter: "quarter", date.Half: "half year", date.Year: "year", date.Decade: "decade",
		date.Century: "century", date.None: "unknown"}[v.Unit()]
}

// label is the date in words: "2 Aug 2016", "23–31 Jul 2016", "Week of
// 1 Aug 2016", "August 2016", "June–August 2016", "Summer 2016",
// "July–September 2016" (a quarter), "2016", "2010s".
func (w when) label() string {
	if w.end.IsZero() {
		return label(w.start)
	}
	a, b := w.start, w.end
	fa, fb := a.First(), b.First()
	switch {
	case a.Unit() == date.Day && b.Unit() == date.Day && fa.Year() == fb.Year() && fa.Month() == fb.Month():
		return fmt.Sprintf("%d–%s", fa.Day(), label(b))
	case a.Unit() == date.Day && b.Unit() == date.Day && fa.Year() == fb.Year():
		return fa.Format("2 Jan") + " – " + label(b)
	case a.Unit() == date.Month && b.Unit() == date.Month && fa.Year() == fb.Year():
		return fa.Month().String() + "–" + label(b)
	case a.Unit() == date.Year && b.Unit() == date.Year:
		return label(a) + "–" + label(b)
	}
	return label(a) + " – " + label(b)
}

// label is one period in words.
func label(v date.Value) string {
	f, l := v.First(), v.Last()
	switch v.Unit() {
	case date.Day:
		return f.Format("2 Jan 2006")
	case date.Week:
		return "Week of " + f.Format("2 Jan 2006")
	case date.Month:
		return f.Format("January 2006")
	case date.Season:
		name := map[time.Month]string{time.March: "Spring", time.June: "Summer", time.September: "Autumn", time.December: "Winter"}[f.Month()]
		if f.Year() != l.Year() {
			return fmt.Sprintf("%s %d–%02d", name, f.Year(), l.Year()%100)
		}
		return fmt.Sprintf("%s %d", name, f.Year())
	case date.Quarter, date.Half:
		return f.Month().String() + "–" + l.Format("January 2006")
	case date.Year:
		return f.Format("2006")
	case date.Decade:
		return fmt.Sprintf("%ds", f.Year())
	case date.Century:
		return fmt.Sprintf("%d–%d", f.Year(), l.Year())
	}
	return v.String()
}

// approximate reports whether an event's date should be read as "about":
// it was counted from an estimated article date, or it is less than
// certain.
func approximate(e timeline.Event) bool {
	return e.Inferred || e.Confidence < 1
}

// circa is the date in words, after "c. " when it is approximate.
func circa(e timeline.Event, w when) string {
	s := w.label()
	if !approximate(e) {
		return s
	}
	if strings.HasPrefix(s, "Week ") {
		s = "week " + s[len("Week "):]
	}
	return "c. " + s
}

// likely says which days hold nearly all of the belief about an event's
// date, or "" when the event does not say.
func likely(e timeline.Event) string {
	switch {
	case e.Earliest == "" || e.Latest == "":
		return ""
	case e.Earliest == e.Latest:
		return "Likely on " + e.Earliest
	}
	return "Likely between " + e.Earliest + " and " + e.Latest
}

// safeURL is u when it is an http or https address with a host and no
// character that could end an attribute or a line; ok is false for any
// other (javascript:, data:, a relative path, a line break).
func safeURL(u string) (string, bool) {
	u = strings.TrimSpace(u)
	if u == "" || strings.ContainsFunc(u, func(r rune) bool {
		return r <= ' ' || r == 0x7f || r == '"' || r == '\'' || r == '<' || r == '>' || r == '\\' || r == '`' ||
			r == utf8.RuneError || (r >= 0x80 && r <= 0x9f) || r == '\u2028' || r == '\u2029'
	}) {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.Opaque != "" {
		return "", false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return u, true
	}
	return "", false
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
		t := cmp.Or(s.Outlet, s.Title, s.Article)
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

// citation names a source as a reader cites it: the outlet and the
// headline, with the author and the day where the file gives them
// ("Reuters: Aleppo fighting (Tom Perry, 2016-08-07)"); the headline
// alone, or the article's name, where it gives none.
func citation(s timeline.Source) string {
	c := cmp.Or(s.Title, s.Article)
	if s.Outlet != "" && s.Outlet != c {
		c = s.Outlet + ": " + c
	}
	var more []string
	for _, m := range []string{s.Author, s.Published} {
		if m != "" {
			more = append(more, m)
		}
	}
	if len(more) > 0 {
		c += " (" + strings.Join(more, ", ") + ")"
	}
	return c
}
