package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timeml"
)

// uidDomain makes the events' IDs globally unique, as RFC 5545 asks of a
// UID.
const uidDomain = "conflict-timeline"

// summaryLength is the longest SUMMARY, in characters; the whole sentence
// is in the DESCRIPTION.
const summaryLength = 120

// ICS writes an iCalendar file (RFC 5545): an all-day VEVENT per dated
// event, spanning its whole period: a day, a week, a month, a year, or the
// range from its date through its end. A planned event is TENTATIVE. The
// UID is the event's ID, so a calendar that imports the file again updates
// its events rather than doubling them. DTSTAMP, which RFC 5545 requires,
// is the newest article date in the data rather than the clock, so that
// the same timeline always gives the same file.
func ICS(w io.Writer, tl timeline.Timeline) error {
	cw := &contentWriter{w: bufio.NewWriter(w)}
	stamp := dtstamp(tl).Format("20060102T150405Z")
	cw.line("BEGIN:VCALENDAR")
	cw.line("VERSION:2.0")
	cw.line("PRODID:-//conflict-timeline//events//EN")
	cw.line("CALSCALE:GREGORIAN")
	cw.line("METHOD:PUBLISH")
	if tl.Title != "" {
		cw.line("X-WR-CALNAME:" + escapeText(tl.Title))
	}
	for _, e := range tl.Events {
		first, after, ok := days(e)
		if !ok {
			continue // a calendar cannot hold an undated event
		}
		cw.line("BEGIN:VEVENT")
		cw.line("UID:" + escapeText(e.ID) + "@" + uidDomain)
		cw.line("DTSTAMP:" + stamp)
		cw.line("DTSTART;VALUE=DATE:" + first.Format("20060102"))
		cw.line("DTEND;VALUE=DATE:" + after.Format("20060102"))
		cw.line("SUMMARY:" + escapeText(summary(e)))
		cw.line("DESCRIPTION:" + escapeText(description(e)))
		if len(e.Places) > 0 {
			cw.line("LOCATION:" + escapeText(strings.Join(e.Places, ", ")))
		}
		if e.Type != "" {
			cw.line("CATEGORIES:" + escapeText(e.Type))
		}
		status := "CONFIRMED"
		if e.Planned {
			status = "TENTATIVE"
		}
		cw.line("STATUS:" + status)
		if _, urls := sourceTitles(e); len(urls) > 0 {
			cw.line("URL:" + urls[0])
		}
		cw.line("END:VEVENT")
	}
	cw.line("END:VCALENDAR")
	if cw.err != nil {
		return cw.err
	}
	return cw.w.Flush()
}

// dtstamp is the newest date the data tells: the latest article date, or
// failing any, the latest event date, or failing that the Unix epoch.
func dtstamp(tl timeline.Timeline) time.Time {
	var newest time.Time
	consider := func(value string) {
		if t, _, ok := timeml.ParseDate(value); ok && t.After(newest) {
			newest = t
		}
	}
	for _, a := range tl.Articles {
		consider(a.Anchor.Date)
	}
	for _, e := range tl.Events {
		for _, s := range e.Sources {
			consider(s.Anchor.Date)
		}
	}
	if newest.IsZero() {
		for _, e := range tl.Events {
			consider(e.Date)
		}
	}
	if newest.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return newest
}

func summary(e timeline.Event) string {
	s := shorten(e.Text, summaryLength)
	if e.Planned {
		s = "Planned: " + s
	}
	return s
}

// description is the sentence, then what else is known, a fact a line.
func description(e timeline.Event) string {
	lines := []string{e.Text, ""}
	when := fmt.Sprintf("Date: %s (%s precision)", e.Date, e.Precision)
	if e.End != "" {
		when = fmt.Sprintf("Date: %s to %s (%s precision)", e.Date, e.End, e.Precision)
	}
	lines = append(lines, when)
	if e.Type != "" {
		lines = append(lines, "Type: "+e.Type)
	}
	if len(e.Actors) > 0 {
		lines = append(lines, "Actors: "+strings.Join(e.Actors, ", "))
	}
	lines = append(lines, fmt.Sprintf("Confidence: %.2f", e.Confidence))
	for _, s := range e.Sources {
		src := "Source: " + s.Title
		if s.Title == "" {
			src = "Source: " + s.Article
		}
		if s.URL != "" {
			src += " <" + s.URL + ">"
		}
		lines = append(lines, src)
	}
	return strings.Join(lines, "\n")
}

// escapeText escapes a TEXT value (RFC 5545, 3.3.11): backslash,
// semicolon, comma and newline.
func escapeText(s string) string {
	return textEscaper.Replace(strings.ReplaceAll(s, "\r\n", "\n"))
}

var textEscaper = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`, "\n", `\n`, "\r", `\n`)

// maxOctets is the longest content line RFC 5545 allows, CRLF excluded.
const maxOctets = 75

// contentWriter writes content lines ended by CRLF and folded at 75
// octets, never inside a UTF-8 sequence; a continuation line starts with
// a space, which counts toward its 75. The first error sticks.
type contentWriter struct {
	w   *bufio.Writer
	err error
}

func (c *contentWriter) line(s string) {
	if c.err != nil {
		return
	}
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		c.write(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space
	}
	c.write(s + "\r\n")
}

func (c *contentWriter) write(s string) {
	if c.err == nil {
		_, c.err = c.w.WriteString(s)
	}
}
