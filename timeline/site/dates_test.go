package site

import (
	"testing"

	"conflict-timeline/timeline"
)

func TestParseWhen(t *testing.T) {
	tests := []struct {
		value string
		prec  timeline.Precision
		want  when // Start and End are checked through From/To below
		from  string
		to    string // last day, inclusive
	}{
		{value: "2016-08-14", prec: timeline.PrecisionDay,
			want: when{Label: "Sunday 14 August 2016", Datetime: "2016-08-14", Year: "2016", Month: "2016-08", Group: "2016-08-14", Precision: timeline.PrecisionDay},
			from: "2016-08-14", to: "2016-08-14"},
		{value: "2016-07", prec: timeline.PrecisionMonth,
			want: when{Label: "July 2016", Datetime: "2016-07", Year: "2016", Month: "2016-07", Group: "2016-07-00", Precision: timeline.PrecisionMonth},
			from: "2016-07-01", to: "2016-07-31"},
		{value: "2012", prec: timeline.PrecisionYear,
			want: when{Label: "2012", Datetime: "2012", Year: "2012", Month: "2012-00", Group: "2012-00-00", Precision: timeline.PrecisionYear},
			from: "2012-01-01", to: "2012-12-31"},
		{value: "2016-W31", prec: timeline.PrecisionWeek,
			want: when{Label: "week of Monday 1 August 2016", Datetime: "2016-W31", Year: "2016", Month: "2016-08", Group: "2016-08-01w", Precision: timeline.PrecisionWeek},
			from: "2016-08-01", to: "2016-08-07"},
		// ISO week 1 of 2015 starts in December 2014.
		{value: "2015-W01", prec: timeline.PrecisionWeek,
			want: when{Label: "week of Monday 29 December 2014", Datetime: "2015-W01", Year: "2014", Month: "2014-12", Group: "2014-12-29w", Precision: timeline.PrecisionWeek},
			from: "2014-12-29", to: "2015-01-04"},
		{value: "2016-Q3", prec: timeline.PrecisionMonth,
			want: when{Label: "Q3 2016", Datetime: "2016", Year: "2016", Month: "2016-00", Group: "2016-00-q3", Precision: timeline.PrecisionYear},
			from: "2016-07-01", to: "2016-09-30"},
		{value: "2016-WI", prec: timeline.PrecisionYear,
			want: when{Label: "winter 2016", Datetime: "2016", Year: "2016", Month: "2016-00", Group: "2016-00-wi", Precision: timeline.PrecisionYear},
			from: "2015-12-01", to: "2016-02-29"}, // a winter is named for its January, as in package date
		{value: "2016-H1", prec: timeline.PrecisionYear,
			want: when{Label: "first half of 2016", Datetime: "2016", Year: "2016", Month: "2016-00", Group: "2016-00-h1", Precision: timeline.PrecisionYear},
			from: "2016-01-01", to: "2016-06-30"},
		{value: "2016-08-02TEV", prec: timeline.PrecisionDay,
			want: when{Label: "Tuesday 2 August 2016", Datetime: "2016-08-02", Year: "2016", Month: "2016-08", Group: "2016-08-02", Precision: timeline.PrecisionDay},
			from: "2016-08-02", to: "2016-08-02"},
		// A precision coarser than the value is what the site shows.
		{value: "2016-08-14", prec: timeline.PrecisionMonth,
			want: when{Label: "August 2016", Datetime: "2016-08", Year: "2016", Month: "2016-08", Group: "2016-08-00", Precision: timeline.PrecisionMonth},
			from: "2016-08-01", to: "2016-08-31"},
		{value: "2016-08-14", prec: timeline.PrecisionWeek,
			want: when{Label: "week of Monday 8 August 2016", Datetime: "2016-W32", Year: "2016", Month: "2016-08", Group: "2016-08-08w", Precision: timeline.PrecisionWeek},
			from: "2016-08-08", to: "2016-08-14"},
		// A week over two months, to the month: the month of its Monday.
		{value: "2016-W35", prec: timeline.PrecisionMonth,
			want: when{Label: "August 2016", Datetime: "2016-08", Year: "2016", Month: "2016-08", Group: "2016-08-00", Precision: timeline.PrecisionMonth},
			from: "2016-08-01", to: "2016-08-31"},
		// An unknown precision leaves a value that parses as it is.
		{value: "2016-08-14", prec: timeline.PrecisionUnknown,
			want: when{Label: "Sunday 14 August 2016", Datetime: "2016-08-14", Year: "2016", Month: "2016-08", Group: "2016-08-14", Precision: timeline.PrecisionDay},
			from: "2016-08-14", to: "2016-08-14"},
		{value: "2016-W31-2", prec: timeline.PrecisionDay,
			want: when{Label: "Tuesday 2 August 2016", Datetime: "2016-08-02", Year: "2016", Month: "2016-08", Group: "2016-08-02", Precision: timeline.PrecisionDay},
			from: "2016-08-02", to: "2016-08-02"},
		// Decades and centuries go before their first year's own events.
		{value: "201", prec: timeline.PrecisionYear,
			want: when{Label: "the 2010s", Year: "2010", Month: "2010-00", Group: "2010-00-", Precision: timeline.PrecisionYear},
			from: "2010-01-01", to: "2019-12-31"},
		{value: "19", prec: timeline.PrecisionYear,
			want: when{Label: "the 20th century", Year: "1900", Month: "1900-00", Group: "1900-00-", Precision: timeline.PrecisionYear},
			from: "1900-01-01", to: "1999-12-31"},
		// A finer one cannot add what the value lacks.
		{value: "2016", prec: timeline.PrecisionDay,
			want: when{Label: "2016", Datetime: "2016", Year: "2016", Month: "2016-00", Group: "2016-00-00", Precision: timeline.PrecisionYear},
			from: "2016-01-01", to: "2016-12-31"},
		{value: "PAST_REF", prec: timeline.PrecisionUnknown,
			want: when{Label: "PAST_REF", Year: "undated", Month: "undated-00", Group: "undated-00-00-PAST_REF", Precision: timeline.PrecisionUnknown}},
		// No value: the theme says "date unknown" in the site's language.
		{value: "", prec: timeline.PrecisionUnknown,
			want: when{Label: "", Year: "undated", Month: "undated-00", Group: "undated-00-00", Precision: timeline.PrecisionUnknown}},
		{value: "2016-02-30", prec: timeline.PrecisionDay,
			want: when{Label: "2016-02-30", Year: "undated", Month: "undated-00", Group: "undated-00-00-2016-02-30", Precision: timeline.PrecisionUnknown}},
		{value: "2016-W54", prec: timeline.PrecisionWeek,
			want: when{Label: "2016-W54", Year: "undated", Month: "undated-00", Group: "undated-00-00-2016-W54", Precision: timeline.PrecisionUnknown}},
	}
	for _, tt := range tests {
		t.Run(tt.value+"/"+tt.prec.String(), func(t *testing.T) {
			got := parseWhen(tt.value, tt.prec)
			from, to := "", ""
			if !got.Start.IsZero() {
				from, to = got.Start.Format("2006-01-02"), got.End.AddDate(0, 0, -1).Format("2006-01-02")
			}
			got.Start, got.End = tt.want.Start, tt.want.End
			if got != tt.want {
				t.Errorf("parseWhen(%q, %q)\n got %+v\nwant %+v", tt.value, tt.prec, got, tt.want)
			}
			if from != tt.from || to != tt.to {
				t.Errorf("parseWhen(%q, %q) spans %s to %s, want %s to %s", tt.value, tt.prec, from, to, tt.from, tt.to)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		from, to string
		prec     timeline.Precision
		want     string
	}{
		{"2016-07-23", "2016-07-31", timeline.PrecisionDay, "Saturday 23 July – Sunday 31 July 2016"},
		{"2015-12-30", "2016-01-02", timeline.PrecisionDay, "Wednesday 30 December 2015 – Saturday 2 January 2016"},
		{"2016-07", "2016-09", timeline.PrecisionMonth, "July – September 2016"},
		{"2011", "2016", timeline.PrecisionYear, "2011 – 2016"},
		// An end before the start, or unreadable, is ignored.
		{"2016-07-31", "2016-07-23", timeline.PrecisionDay, "Sunday 31 July 2016"},
		{"2016-07-31", "soon", timeline.PrecisionDay, "Sunday 31 July 2016"},
	}
	for _, tt := range tests {
		if got := span(parseWhen(tt.from, tt.prec), parseWhen(tt.to, tt.prec)).Label; got != tt.want {
			t.Errorf("span(%s, %s) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
