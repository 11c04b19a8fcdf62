package correct

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/timex"
)

// seedTimeline builds the seeds' timeline with the resolver given.
func seedTimeline(t *testing.T, resolve func(string, timex.Options) []timex.Timex) timeline.Timeline {
	t.Helper()
	arts, errs := article.ReadDir("../../seeds")
	if len(errs) > 0 || len(arts) == 0 {
		t.Fatalf("reading the seeds: %v", errs)
	}
	anchors := anchor.Articles(arts, anchor.Options{Now: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Resolve: resolve})
	var in []event.Input
	for i, a := range arts {
		in = append(in, event.Input{Article: a, Anchor: anchors[i], Timexes: anchor.Resolve(a.Text, anchors[i], resolve)})
	}
	return event.Extract(in, event.DefaultGazetteer())
}

// laterWeekdays is the resolver with a rule changed: every weekday it
// places falls a week later.
func laterWeekdays(text string, opt timex.Options) []timex.Timex {
	txs := timex.Resolve(text, opt)
	for i, tx := range txs {
		if d, err := time.Parse(time.DateOnly, tx.Value); err == nil && isWeekday(tx.Text) {
			txs[i].Value = d.AddDate(0, 0, 7).Format(time.DateOnly)
		}
	}
	return txs
}

func isWeekday(words string) bool {
	for _, d := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} {
		if strings.Contains(words, d) {
			return true
		}
	}
	return false
}

// Corrections written against today's output still apply, every one,
// after a change to the resolver gives their sentences other dates.
func TestCorrectionsSurviveARuleChange(t *testing.T) {
	before := seedTimeline(t, timex.Resolve)
	var toml strings.Builder
	var corrected []string
	for _, e := range before.Events {
		if !e.Inferred || !strings.Contains(e.Sources[0].Timex.Text, "day") {
			continue
		}
		fmt.Fprintf(&toml, "[events.%q]\nverified = true\nby = \"test\"\nsummary = %q\n\n", e.ID, "checked: "+e.ID)
		corrected = append(corrected, e.ID)
	}
	if len(corrected) < 5 {
		t.Fatalf("only %d weekday events to correct", len(corrected))
	}
	f, errs := Parse("events.toml", []byte(toml.String()))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	after := seedTimeline(t, laterWeekdays)
	moved := 0
	for _, e := range after.Events {
		for _, b := range before.Events {
			if b.ID == e.ID && b.Date != e.Date {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Fatal("the changed rule moved no date: the test proves nothing")
	}
	tl, rep := f.Apply(after, event.TypeNames())
	if len(rep.Orphaned) > 0 || len(rep.Errors) > 0 || rep.Applied != len(corrected) {
		t.Errorf("after the rule change: %d of %d applied, orphans %v, errors %v", rep.Applied, len(corrected), rep.Orphaned, rep.Errors)
	}
	verified := 0
	for _, e := range tl.Events {
		if e.Verified && e.Summary == "checked: "+e.ID {
			verified++
		}
	}
	if verified != len(corrected) {
		t.Errorf("%d of %d corrections still applied after %d dates moved", verified, len(corrected), moved)
	}
}
