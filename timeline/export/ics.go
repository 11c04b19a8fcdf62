package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
)

// uidDomain makes the events' IDs globally unique, as RFC 5545 asks of a
// UID.
const uidDomain = "conflict-timeline"

// summaryLength is the longest SUMMARY, in characters; the whole sentence
// is in the DESCRIPTION.
const summaryLength = 120

// ICS writes an iCalendar file (RFC 5545): an all-day VEVENT per dated
// event. An event known to the day covers its day, or the days of its
// range. An event known only to a week, a month, a quarter or a year is
// a one-day event on the period's first day, with the period at the start
// of its SUMMARY ("[August 2016] ...") and in its DESCRIPTION: spread
// over the whole period it would fill every day of a month or a year in
// the calendar, as if it had gone on all that time. An event whose date
// is inferred from an estimated article date, or that is only planned, is
// TENTATIVE; the others are CONFIRMED. Events are TRANSPARENT: they are a
// record, not time to keep free. Undated events are left out.
//
// The UID is the event's ID, so a calendar that imports the file again
// updates its events rather than doubling them. DTSTAMP, which RFC 5545
// requires, is the newest article date in the data rather than the clock,
// so that the same timeline always gives the same file.
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
		d, ok := dateOf(e)
		if !ok {
			continue // a calendar cannot hold an undated event
		}
		first, after := d.firstDay(), d.lastDay().AddDate(0, 0, 1)
		if !d.byDay() {
			after = first.AddDate(0, 0, 1)
		}
		cw.line("BEGIN:VEVENT")
		cw.line("UID:" + escapeText(e.ID) + "@" + uidDomain)
		cw.line("DTSTAMP:" + stamp)
		cw.line("DTSTART;VALUE=DATE:" + first.Format("20060102"))
		cw.line("DTEND;VALUE=DATE:" + after.Format("20060102"))
		cw.line("SUMMARY:" + escapeText(summary(e, d)))
		cw.line("DESCRIPTION:" + escapeText(description(e, d)))
		if len(e.Places) > 0 {
			cw.line("LOCATION:" + escapeText(strings.Join(e.Places, ", ")))
		}
		if e.Type != "" {
			cw.line("CATEGORIES:" + escapeText(e.Type))
		}
		status := "CONFIRMED"
		if e.Inferred || e.Planned {
			status = "TENTATIVE"
		}
		cw.line("STATUS:" + status)
		cw.line("TRANSP:TRANSPARENT")
		if u, ok := firstSafeURL(e); ok {
			cw.line("URL:" + u)
		}
		cw.line("END:VEVENT")
	}
	cw.line("END:VCALENDAR")
	if cw.err != nil {
		return cw.err
	}
	return cw.w.Flush()
}

// firstSafeURL is the first of an event's addresses that may be a URL
// property: http or https, with nothing that could end the line.
func firstSafeURL(e timeline.Event) (string, bool) {
	_, urls := sourceTitles(e)
	for _, u := range urls {
		if u, ok := safeURL(u); ok {
			return u, true
		}
	}
	return "", false
}

// dtstamp is the newest date the data tells: the first day of the latest
// article date, or failing any, of the latest event date, or failing that
// the Unix epoch.
func dtstamp(tl timeline.Timeline) time.Time {
	var newest time.Time
	consider := func(value string) {
		if v, err := date.Parse(value); err == nil && v.First().After(newest) {
			newest = v.First()
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

// summary is the start of the sentence, after the period when the
// calendar shows the event on a day it may not have happened on, and
// marked when the event is only planned or background.
func summary(e timeline.Event, d when) string {
	s := shorten(cmp.Or(e.Summary, e.Text), summaryLength)
	switch {
	case e.Planned:
		s = "Planned: " + s
	case e.Background:
		s = "Background: " + s
	}
	if !d.byDay() {
		s = "[" + circa(e, d) + "] " + s
	}
	return s
}

// description is the sentence, then what else is known, a fact a line.
func description(e timeline.Event, d when) string {
	lines := []string{e.Text, ""}
	lines = append(lines, fmt.Sprintf("Date: %s (%s)", circa(e, d), d.value()))
	if e.Verified {
		lines = append(lines, strings.TrimSpace("Verified by "+e.VerifiedBy))
	}
	if !d.byDay() {
		lines = append(lines, fmt.Sprintf("Known only to the %s: shown on its first day, %s", unitName(d.last()), d.firstDay().Format("2 Jan 2006")))
	}
	lines = append(lines, fmt.Sprintf("Confidence: %.2f", e.Confidence))
	if l := likely(e); l != "" {
		lines = append(lines, l)
	}
	if e.Inferred {
		lines = append(lines, "Inferred: counted from an estimated article date")
	}
	if e.Background {
		lines = append(lines, "Background: mentioned as context, not as news")
	}
	if e.Planned {
		lines = append(lines, "Planned: announced, not yet happened")
	}
	for _, r := range e.Reasons {
		lines = append(lines, "Why: "+r)
	}
	if e.Type != "" {
		lines = append(lines, "Type: "+e.Type)
	}
	if len(e.Actors) > 0 {
		lines = append(lines, "Actors: "+strings.Join(e.Actors, ", "))
	}
	for _, s := range e.Sources {
		src := "Source: " + citation(s)
		if u, ok := safeURL(s.URL); ok {
			src += " <" + u + ">"
		}
		lines = append(lines, src)
	}
	return strings.Join(lines, "\n")
}

// escapeText escapes a TEXT value (RFC 5545, 3.3.11): backslash,
// semicolon, comma and newline (CRLF, CR, LF and the Unicode line and
// paragraph separators). Other control characters, which TEXT may not
// hold, and bytes that are not UTF-8 are dropped.
func escapeText(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\r\n", "\n"), "")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return r
		case r == '\u2028' || r == '\u2029':
			return '\n'
		case r < ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return -1
		}
		return r
	}, s)
	return textEscaper.Replace(s)
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
		for cut > 0 && (!utf8.RuneStart(s[cut]) || escapes(s[:cut])) {
			cut--
		}
		c.write(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space
	}
	c.write(s + "\r\n")
}

// escapes reports whether s ends in the backslash of an escape
// sequence (an odd run of backslashes): a fold there would part "\," or
// "\n" over two lines, which RFC 5545 allows but some readers do not
// unfold back.
func escapes(s string) bool {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n%2 == 1
}

func (c *contentWriter) write(s string) {
	if c.err == nil {
		_, c.err = c.w.WriteString(s)
	}
}
