package site

import (
	"reflect"
	"testing"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timex"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		typ   timex.Type
		value string
		mod   string
		want  string
	}{
		{timex.Date, "2016-08-14", "", "Sunday 14 August 2016"},
		{timex.Date, "2016-08", "START", "early August 2016"},
		{timex.Date, "2016-W31", "", "week of Monday 1 August 2016"},
		{timex.Date, "2016-SU", "", "summer 2016"},
		{timex.Date, "PRESENT_REF", "", "the present (the article's date)"},
		{timex.Date, "XXXX-08-07", "", "7 August, year unknown"},
		{timex.Date, "201", "", "the 2010s"}, // a decade, read by date.Parse
		{timex.Time, "2016-08-02T14:00", "", "Tuesday 2 August 2016, 14:00"},
		{timex.Time, "2016-08-02TEV", "", "Tuesday 2 August 2016, evening"},
		{timex.Duration, "P3D", "", "3 days"},
		{timex.Duration, "P1W", "APPROX", "about 1 week"},
		{timex.Duration, "PT2H", "", "2 hours"},
		{timex.Duration, "PT30M", "", "30 minutes"},
		{timex.Duration, "PXD", "", "some days"},
		{timex.Duration, "P1DE", "MORE_THAN", "more than 1 decade"},
		{timex.Set, "P1D", "", "every day"},
		{timex.Set, "P2W", "", "every 2 weeks"},
		{timex.Set, "XXXX-WXX-1", "", "XXXX-WXX-1"},
	}
	for _, tt := range tests {
		if got := describe(tt.typ, tt.value, tt.mod); got != tt.want {
			t.Errorf("describe(%s, %q, %q) = %q, want %q", tt.typ, tt.value, tt.mod, got, tt.want)
		}
	}
}

func TestCleanTimexes(t *testing.T) {
	text := "On Sunday, in Ḥalab, two days later."
	tests := []struct {
		name string
		in   []timex.Timex
		want []int // starts kept
	}{
		{name: "kept in order", in: []timex.Timex{{Start: 20, End: 34}, {Start: 3, End: 9}}, want: []int{3, 20}},
		{name: "out of range", in: []timex.Timex{{Start: 3, End: 99}, {Start: -1, End: 2}}, want: []int{}},
		{name: "empty", in: []timex.Timex{{Start: 3, End: 3}}, want: []int{}},
		{name: "overlap keeps the first", in: []timex.Timex{{Start: 3, End: 9}, {Start: 6, End: 12}}, want: []int{3}},
		// "Ḥ" is three bytes from offset 14.
		{name: "mid-rune", in: []timex.Timex{{Start: 15, End: 19}}, want: []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []int{}
			for _, tx := range cleanTimexes(text, tt.in) {
				got = append(got, tx.Start)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("kept %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "First on Sunday.\n\nSecond, no date.\nThird in 2012"
	txs := []timex.Timex{
		{Start: 9, End: 15, Type: timex.Date, Value: "2016-08-14"},
		{Start: 44, End: 48, Type: timex.Date, Value: "2012"},
	}
	got := paragraphs(text, txs)
	want := [][]part{
		{{Text: "First on "}, {Text: "Sunday", ID: "t-9", Type: "DATE", Value: "2016-08-14", Label: "Sunday 14 August 2016"}, {Text: "."}},
		{{Text: "Second, no date."}},
		{{Text: "Third in "}, {Text: "2012", ID: "t-44", Type: "DATE", Value: "2012", Label: "2012"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %+v\nwant %+v", got, want)
	}
}

func TestEventParts(t *testing.T) {
	a := &Article{Slug: "a", Text: "Intro.\nShelling hit Idlib on Sunday, a week after the truce of 6 August 2016."}
	a.Timexes = []timex.Timex{
		{Start: 29, End: 35, Text: "Sunday", Type: timex.Date, Value: "2016-08-14"},
		{Start: 37, End: 43, Text: "a week", Type: timex.Duration, Value: "P1W"},
		{Start: 63, End: 76, Text: "6 August 2016", Type: timex.Date, Value: "2016-08-06"},
	}
	articles := map[string]*articleInfo{"a": {Article: a, clean: cleanTimexes(a.Text, a.Timexes)}}
	src := func(article string, start int, text, value string) timeline.Source {
		return timeline.Source{Article: article, Timex: timeline.SourceTimex{Start: start, End: start + len(text), Text: text, Value: value}}
	}
	sentence := "Shelling hit Idlib on Sunday, a week after the truce of 6 August 2016."
	tests := []struct {
		name string
		e    timeline.Event
		want []part
	}{
		{
			name: "every expression of the sentence, the dating one flagged",
			e:    timeline.Event{Text: sentence, Sources: []timeline.Source{src("a", 29, "Sunday", "2016-08-14")}},
			want: []part{
				{Text: "Shelling hit Idlib on "},
				{Text: "Sunday", ID: "t-29", Type: "DATE", Value: "2016-08-14", Label: "Sunday 14 August 2016", Dating: true},
				{Text: ", "},
				{Text: "a week", ID: "t-37", Type: "DURATION", Value: "P1W", Label: "1 week"},
				{Text: " after the truce of "},
				{Text: "6 August 2016", ID: "t-63", Type: "DATE", Value: "2016-08-06", Label: "Saturday 6 August 2016"},
				{Text: "."},
			},
		},
		{
			name: "article unknown: the source's expression is found in the sentence",
			e:    timeline.Event{Text: "Rebels advanced on Monday.", Sources: []timeline.Source{src("gone", 120, "Monday", "2016-08-08")}},
			want: []part{
				{Text: "Rebels advanced on "},
				{Text: "Monday", ID: "t-120", Type: "DATE", Value: "2016-08-08", Label: "Monday 8 August 2016", Dating: true},
				{Text: "."},
			},
		},
		{
			name: "nothing to mark",
			e:    timeline.Event{Text: "Rebels advanced.", Sources: []timeline.Source{src("gone", 0, "", "")}},
			want: []part{{Text: "Rebels advanced."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eventParts(tt.e, articles); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("eventParts:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
