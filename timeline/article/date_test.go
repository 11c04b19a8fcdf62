package article

import (
	"testing"
	"time"

	"conflict-timeline/timeline"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		text      string
		want      time.Time
		precision timeline.Precision
	}{
		{"2016-08-07", utc(2016, 8, 7, 0, 0, 0), timeline.PrecisionDay},
		{"2016-08-06T19:42:10Z", utc(2016, 8, 6, 19, 42, 10), timeline.PrecisionDay},
		{"2016-08-07T17:05:12+0000", utc(2016, 8, 7, 17, 5, 12), timeline.PrecisionDay},
		{"2016-08-09T10:14:52.000Z", utc(2016, 8, 9, 10, 14, 52), timeline.PrecisionDay},
		{"2016-08-08T11:20:00+03:00", utc(2016, 8, 8, 8, 20, 0), timeline.PrecisionDay},
		{"2016-08-07 10:32:00", utc(2016, 8, 7, 10, 32, 0), timeline.PrecisionDay},
		{"2016/08/07", utc(2016, 8, 7, 0, 0, 0), timeline.PrecisionDay},
		{"20160807", utc(2016, 8, 7, 0, 0, 0), timeline.PrecisionDay},
		{"Sun, 07 Aug 2016 10:32:00 GMT", utc(2016, 8, 7, 10, 32, 0), timeline.PrecisionDay},
		{"7 August 2016", utc(2016, 8, 7, 0, 0, 0), timeline.PrecisionDay},
		{"August 9th, 2016", utc(2016, 8, 9, 0, 0, 0), timeline.PrecisionDay},
		{"Aug. 9, 2016", utc(2016, 8, 9, 0, 0, 0), timeline.PrecisionDay},
		{"Sept. 11, 2016", utc(2016, 9, 11, 0, 0, 0), timeline.PrecisionDay},
		{"Tuesday, August 9, 2016", utc(2016, 8, 9, 0, 0, 0), timeline.PrecisionDay},
		{"7 August 2016 at 10:32 BST", utc(2016, 8, 7, 0, 0, 0), timeline.PrecisionDay},
		{"August 2016", utc(2016, 8, 1, 0, 0, 0), timeline.PrecisionMonth},
		{"2016-08", utc(2016, 8, 1, 0, 0, 0), timeline.PrecisionMonth},
		{"2016", utc(2016, 1, 1, 0, 0, 0), timeline.PrecisionYear},
		{"sometime in August", time.Time{}, timeline.PrecisionUnknown},
		{"1470556800", time.Time{}, timeline.PrecisionUnknown},
		{"0001-01-01", time.Time{}, timeline.PrecisionUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			d := parseDate(tc.text, "test")
			if !d.Time.Equal(tc.want) || d.Precision != tc.precision {
				t.Errorf("parseDate(%q) = %v %s, want %v %s", tc.text, d.Time, d.Precision, tc.want, tc.precision)
			}
			if d.Text != tc.text || d.From != "test" {
				t.Errorf("parseDate(%q) lost its evidence: %+v", tc.text, d)
			}
		})
	}
}

func TestParseDateKeepsZone(t *testing.T) {
	d := parseDate("2016-08-08T01:20:00+03:00", "test")
	if y, m, day := d.Time.Date(); y != 2016 || m != 8 || day != 8 {
		t.Errorf("local date = %d-%d-%d, want 2016-8-8 as the page wrote it", y, m, day)
	}
}

func TestURLPathDate(t *testing.T) {
	tests := []struct {
		url       string
		text      string
		want      time.Time
		precision timeline.Precision
	}{
		{"https://www.theguardian.com/world/2016/aug/07/aleppo-rebels", "/2016/aug/07/",
			time.Date(2016, 8, 7, 0, 0, 0, 0, time.UTC), timeline.PrecisionDay},
		{"https://www.aljazeera.com/news/2016/8/7/syria-aleppo", "/2016/8/7/",
			time.Date(2016, 8, 7, 0, 0, 0, 0, time.UTC), timeline.PrecisionDay},
		{"https://example.org/2016/08/11/aid-convoy/?utm=x", "/2016/08/11/",
			time.Date(2016, 8, 11, 0, 0, 0, 0, time.UTC), timeline.PrecisionDay},
		{"https://news.un.example/en/story/2016/08/aleppo-pause", "/2016/08/",
			time.Date(2016, 8, 1, 0, 0, 0, 0, time.UTC), timeline.PrecisionMonth},
		{"https://www.reuters.com/article/us-mideast-crisis-idUSKCN10E0Q2", "", time.Time{}, timeline.PrecisionUnknown},
		{"https://example.org/2016/13/45/not-a-date", "", time.Time{}, timeline.PrecisionUnknown},
		{"https://example.org/archive/1850/01/02/too-old", "", time.Time{}, timeline.PrecisionUnknown},
		{"", "", time.Time{}, timeline.PrecisionUnknown},
		{"::not a url", "", time.Time{}, timeline.PrecisionUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			d, ok := urlPathDate(tc.url)
			if ok != (tc.text != "") {
				t.Fatalf("urlPathDate(%q) found = %v, want %v (%+v)", tc.url, ok, !ok, d)
			}
			if d.Text != tc.text || !d.Time.Equal(tc.want) || d.Precision != tc.precision {
				t.Errorf("urlPathDate(%q) = %q %v %s, want %q %v %s", tc.url, d.Text, d.Time, d.Precision, tc.text, tc.want, tc.precision)
			}
			if ok && d.From != "URL path" {
				t.Errorf("From = %q, want %q", d.From, "URL path")
			}
		})
	}
}

func TestWithDates(t *testing.T) {
	unparsed := Date{Text: "soon", From: "front matter date", Precision: timeline.PrecisionUnknown}
	parsed := parseDate("2016-08", "URL path")
	tests := []struct {
		name  string
		dates []Date
		want  Date
	}{
		{"none", nil, Date{}},
		{"first that parsed wins", []Date{unparsed, parsed}, parsed},
		{"unparsed kept when alone", []Date{unparsed}, unparsed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Meta{}.withDates(tc.dates)
			if m.Date != tc.want || len(m.Dates) != len(tc.dates) {
				t.Errorf("withDates = %v %v, want %v with all %d dates", m.Date, m.Dates, tc.want, len(tc.dates))
			}
		})
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		date Date
		want string
	}{
		{Date{}, "no date"},
		{parseDate("2016-08-07", "front matter date"), "2016-08-07 (front matter date)"},
		{parseDate("early August", "pubdate meta"), "early August (pubdate meta)"},
	}
	for _, tc := range tests {
		if got := tc.date.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
