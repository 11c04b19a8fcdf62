package correct

import (
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline"
)

func TestReview(t *testing.T) {
	ev := func(id, article, d string, p timeline.Precision, conf float64, typ, text, timexText string, places ...string) timeline.Event {
		at := strings.Index(text, timexText)
		return timeline.Event{ID: id, Date: d, Precision: p, Confidence: conf, Inferred: conf < 1, Type: typ, Text: text,
			Places: places, Sources: []timeline.Source{{ID: id, Article: article, File: article + ".txt",
				Sentence: timeline.SourceSpan{Start: 100, End: 100 + len(text), Text: text},
				Timex:    timeline.SourceTimex{Start: 100 + at, End: 100 + at + len(timexText), Text: timexText}}}}
	}
	verified := ev("verified0001", "a", "2016-08-01", timeline.PrecisionDay, 0.3, "other", "Something vague on Monday.", "Monday")
	verified.Verified = true
	tl := timeline.Timeline{Events: []timeline.Event{
		ev("caption00001", "a", "2016-08-01", timeline.PrecisionDay, 1, "battle", "REUTERS/Ammar Abdullah Fighters inspect a wreck, August 1, 2016.", "August 1, 2016"),
		ev("quote0000001", "a", "2016-08-08", timeline.PrecisionDay, 0.9, "battle", "Lavrov complained on Monday that rebels regrouped.", "Monday"),
		ev("unsure000001", "a", "2016-08-02", timeline.PrecisionDay, 0.55, "shelling", "Shelling hit Idlib on Tuesday.", "Tuesday", "Idlib"),
		ev("undated00001", "b", "", timeline.PrecisionUnknown, 0, "shelling", "Shelling hit the town on Tuesday.", "Tuesday"),
		ev("coarse000001", "e", "2016", timeline.PrecisionYear, 0.9, "shelling", "Shelling hit the town on Monday.", "Monday"),
		ev("dupe00000001", "c", "2016-08-07", timeline.PrecisionDay, 1, "shelling", "Government shelling hit the crowded main market in Idlib on August 7, 2016.", "August 7, 2016", "Idlib"),
		ev("dupe00000002", "d", "2016-08-07", timeline.PrecisionDay, 1, "shelling", "Shelling hit the crowded main market in Idlib on August 7, 2016, a monitor said.", "August 7, 2016", "Idlib"),
		verified,
	}}
	rep := Report{Orphaned: []Orphan{{ID: "gone00000001", Line: 12}}}
	found := Review(tl, rep, ReviewOptions{})
	want := map[string]string{
		"caption00001": KindCaption, "quote0000001": KindStatement, "unsure000001": KindUncertain,
		"undated00001": KindUndated, "dupe00000001": KindDuplicate, "gone00000001": KindOrphaned,
		"coarse000001": KindCoarse,
	}
	ids := map[string]bool{}
	for _, f := range found {
		if ids[f.ID] {
			t.Errorf("%s is listed twice: its stanzas would be two tables of one key", f.ID)
		}
		ids[f.ID] = true
		if kind, ok := want[f.ID]; ok && slices.Contains(f.Kinds, kind) {
			delete(want, f.ID)
		}
		if f.ID == "verified0001" {
			t.Error("a verified event is listed again")
		}
	}
	for id, kind := range want {
		t.Errorf("%s: no %s finding", id, kind)
	}
	// The open and the coarse date each name their article, and the pins
	// gather them: one line of config.toml per article.
	coarse2 := ev("coarse000002", "e", "2016", timeline.PrecisionYear, 0.9, "shelling", "Shelling hit the town again on Tuesday.", "Tuesday")
	pins := Pins(Review(timeline.Timeline{Events: append(slices.Clone(tl.Events), coarse2)}, Report{}, ReviewOptions{}))
	if want := []Pin{{"e.txt", 2}, {"b.txt", 1}}; !slices.Equal(pins, want) {
		t.Errorf("pins: got %v, want %v", pins, want)
	}
	for _, f := range found {
		if f.ID == "coarse000001" && !strings.Contains(f.Stanza, `[articles."e.txt"]`) {
			t.Errorf("the coarse date's stanza does not name its article's file:\n%s", f.Stanza)
		}
	}
	if found := Review(tl, Report{}, ReviewOptions{Below: 0.5}); slices.ContainsFunc(found, func(f Finding) bool { return f.ID == "unsure000001" }) {
		t.Error("a date 0.55 sure is listed below 0.5")
	}
}
