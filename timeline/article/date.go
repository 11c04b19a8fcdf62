package article

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"conflict-timeline/timeline"
)

// dateLayouts are the shapes publication dates take in metadata, most
// specific first, each with how much of the date it gives. Commas and
// ordinal suffixes are removed before matching (see cleanDate), so
// "Sunday, August 7th, 2016" is tried as "Sunday August 7 2016".
var dateLayouts = []struct {
	layout    string
	precision timeline.Precision
}{
	{time.RFC3339Nano, timeline.PrecisionDay},
	{"2006-01-02T15:04:05.999999999Z0700", timeline.PrecisionDay}, // +0000, no colon
	{"2006-01-02T15:04Z07:00", timeline.PrecisionDay},
	{"2006-01-02T15:04:05.999999999", timeline.PrecisionDay},
	{"2006-01-02T15:04", timeline.PrecisionDay},
	{"2006-01-02 15:04:05.999999999Z07:00", timeline.PrecisionDay},
	{"2006-01-02 15:04:05.999999999 -0700", timeline.PrecisionDay},
	{"2006-01-02 15:04:05.999999999", timeline.PrecisionDay},
	{"2006-01-02 15:04", timeline.PrecisionDay},
	{"Mon 02 Jan 2006 15:04:05 MST", timeline.PrecisionDay}, // RFC 1123 without its comma
	{"Mon 02 Jan 2006 15:04:05 -0700", timeline.PrecisionDay},
	{time.DateOnly, timeline.PrecisionDay},
	{"2006/01/02", timeline.PrecisionDay},
	{"20060102", timeline.PrecisionDay},
	{"2 January 2006", timeline.PrecisionDay},
	{"2 Jan 2006", timeline.PrecisionDay},
	{"January 2 2006", timeline.PrecisionDay},
	{"Jan 2 2006", timeline.PrecisionDay},
	{"Monday 2 January 2006", timeline.PrecisionDay},
	{"Monday January 2 2006", timeline.PrecisionDay},
	{"Mon 2 Jan 2006", timeline.PrecisionDay},
	{"Mon Jan 2 2006", timeline.PrecisionDay},
	{"2006-01", timeline.PrecisionMonth},
	{"January 2006", timeline.PrecisionMonth},
	{"Jan 2006", timeline.PrecisionMonth},
	{"2006", timeline.PrecisionYear},
}

// ordinal matches "7th" in "August 7th"; abbrevDot and sept match "Aug."
// and "Sept", which Go's "Jan" layout reads only as "Aug" and "Sep".
var (
	ordinal   = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)\b`)
	abbrevDot = regexp.MustCompile(`\b([A-Z][a-z]{2})\.`)
	sept      = regexp.MustCompile(`\bSept\b`)
)

// parseDate reads a date as metadata gives it. When the whole text does
// not parse, its leading words may still give a day ("7 August 2016 at
// 10:32 BST"); when nothing parses, the Date keeps the text and reason with
// a zero Time, so the evidence is not lost.
func parseDate(text, from string) Date {
	d := Date{Text: text, From: from, Precision: timeline.PrecisionUnknown}
	words := strings.Fields(cleanDate(text))
	for n := len(words); n > 0; n-- {
		t, p, ok := parseLayouts(strings.Join(words[:n], " "))
		if ok && (n == len(words) || p == timeline.PrecisionDay) {
			d.Time, d.Precision = t, p
			return d
		}
	}
	return d
}

func cleanDate(s string) string {
	s = strings.ReplaceAll(s, ",", " ")
	s = ordinal.ReplaceAllString(s, "$1")
	s = sept.ReplaceAllString(s, "Sep")
	return abbrevDot.ReplaceAllString(s, "$1")
}

func parseLayouts(s string) (time.Time, timeline.Precision, bool) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil && plausibleYear(t.Year()) {
			return t, l.precision, true
		}
	}
	return time.Time{}, timeline.PrecisionUnknown, false
}

// plausibleYear keeps a stray number in a URL or a time field from passing
// as a publication year.
func plausibleYear(y int) bool { return y >= 1900 && y <= 2100 }

// urlPath matches a date in a URL path as news sites write it, by day
// (/2016/08/07/, /2016/8/7/, /2016/aug/07/) or by month (/2016/08/).
var urlPath = regexp.MustCompile(`(?i)/(?:(\d{4})/(\d{1,2}|[a-z]{3})/(\d{1,2})|(\d{4})/(\d{1,2}))/`)

// urlPathDate finds the date in an article's URL path, the evidence of last
// resort: sites put it there when the article is filed.
func urlPathDate(rawURL string) (Date, bool) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Date{}, false
	}
	m := urlPath.FindStringSubmatch(u.Path)
	if m == nil {
		return Date{}, false
	}
	// Go reads month names in any case, so "aug" needs no fixing.
	value, layouts, precision := m[1]+"-"+m[2]+"-"+m[3], []string{"2006-1-2", "2006-Jan-2"}, timeline.PrecisionDay
	if m[1] == "" {
		value, layouts, precision = m[4]+"-"+m[5], []string{"2006-1"}, timeline.PrecisionMonth
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, value); err == nil && plausibleYear(t.Year()) {
			return Date{Text: m[0], Time: t, Precision: precision, From: "URL path"}, true
		}
	}
	return Date{}, false
}

// withDates records the date evidence in m, strongest first. Date is the
// first piece that parsed, or the first at all when none did.
func (m Meta) withDates(dates []Date) Meta {
	m.Dates = dates
	for _, d := range dates {
		if !d.Time.IsZero() {
			m.Date = d
			return m
		}
	}
	if len(dates) > 0 {
		m.Date = dates[0]
	}
	return m
}
