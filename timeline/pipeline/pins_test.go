package pipeline

import (
	"slices"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/event"
)

// TestUndatedAndYearOnly sorts the articles whose own date wants pinning:
// nothing dates one; the evidence dates another only to its year; a year
// the editor pinned, and a day, want nothing.
func TestUndatedAndYearOnly(t *testing.T) {
	day := time.Date(2016, 8, 8, 0, 0, 0, 0, time.UTC)
	in := func(name string, a anchor.Anchor) event.Input {
		return event.Input{Article: &article.Article{Path: "articles/" + name}, Anchor: a}
	}
	inputs := []event.Input{
		in("open.txt", anchor.Anchor{}),
		in("year.txt", anchor.Anchor{Date: day, Precision: timeline.PrecisionYear, Confidence: 0.85, Source: anchor.FromCollection}),
		in("pinned.txt", anchor.Anchor{Date: day, Precision: timeline.PrecisionYear, Confidence: 1, Source: anchor.FromPin}),
		in("day.txt", anchor.Anchor{Date: day, Precision: timeline.PrecisionDay, Confidence: 0.9, Source: anchor.FromText}),
	}
	if got, want := undated(inputs), []string{"open.txt"}; !slices.Equal(got, want) {
		t.Errorf("undated: got %v, want %v", got, want)
	}
	if got, want := yearOnly(inputs), []string{"year.txt"}; !slices.Equal(got, want) {
		t.Errorf("yearOnly: got %v, want %v", got, want)
	}
}
