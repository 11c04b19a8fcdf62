package site

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// generated is a large input made by a seeded generator: n articles of
// two paragraphs, each with two events, on few days, places and actors,
// so that lists are long and full of ties (same day, same place, same
// title). mark, if set, is put into every text field, for the hostile
// site; its argument says which field.
func generated(n int, seed uint64, mark func(field string) string) Input {
	if mark == nil {
		mark = func(string) string { return "" }
	}
	r := rand.New(rand.NewPCG(seed, 7))
	places := []string{"Aleppo", "Idlib", "Homs", "Deraa", "Raqqa", "Manbij"}
	actors := []string{"rebels", "government forces", "Russia", "aid groups"}
	types := []string{"air strike", "shelling", "offensive", "protest", ""}
	var in Input
	in.Timeline.Title = "Generated timeline" + mark("timeline title")
	for i := range n {
		slug := fmt.Sprintf("article-%03d", i)
		day := time.Date(2016, 7, 1+r.IntN(45), 0, 0, 0, 0, time.UTC)
		anchor := Anchor{Date: day.Format("2006-01-02"), Precision: timeline.PrecisionDay, Confidence: 0.5 + float64(r.IntN(50))/100,
			Reasons: []string{"the dateline gives the day" + mark("anchor reason")}}
		switch i % 10 {
		case 7:
			anchor = Anchor{Date: day.Format("2006-01"), Precision: timeline.PrecisionMonth, Confidence: 0.4,
				Reasons: []string{"the collection: it shares rare names with others" + mark("anchor reason")}}
		case 9:
			anchor = Anchor{Reasons: []string{"nothing names a year" + mark("anchor reason")}}
		}
		first := day.AddDate(0, 0, -r.IntN(3))
		second := day.AddDate(0, -r.IntN(30), 0)
		paras := []string{
			fmt.Sprintf("Fighting was reported in %s on %s%s.", places[i%len(places)], first.Format("2 January 2006"), mark("text")),
			fmt.Sprintf("Officials said the offensive began in %s%s.", second.Format("January 2006"), mark("text")),
		}
		title := fmt.Sprintf("Fighting in %s", places[i%len(places)]) // many articles share a title
		a := article(slug, title+mark("article title"), "Wire"+mark("source"), "https://example.org/"+slug, anchor,
			"A. Reporter"+mark("author"), day.Format("2006-01-02")+mark("published"), paras,
			tx(first.Format("2 January 2006"), timex.Date, first.Format("2006-01-02")),
			tx(second.Format("January 2006"), timex.Date, second.Format("2006-01")))
		a.File = slug + ".txt" + mark("file")
		if u := mark("url"); u != "" {
			a.URL = u
		}
		in.Articles = append(in.Articles, *a)
		for k, t := range a.Timexes {
			e := timeline.Event{
				ID:     fmt.Sprintf("%s-%d%s", t.Value, i*2+k, mark("id")),
				Date:   t.Value,
				Type:   types[(i+k)%len(types)] + mark("type"),
				Places: []string{places[(i+k)%len(places)], places[(i+3)%len(places)] + mark("place")},
				Actors: []string{actors[(i+k)%len(actors)] + mark("actor")},
				Text:   strings.SplitN(a.Text, "\n", 2)[k],
			}
			v := date.MustParse(t.Value)
			e.Precision = v.Precision()
			e.Earliest, e.Latest = v.DayString(), v.LastDayString()
			e.Confidence = anchor.Confidence
			e.Stated = k == 0 && i%3 == 0
			e.Inferred = i%10 == 7
			e.Background = v.First().Year() < 2016
			e.Reasons = []string{"counted from the article's date" + mark("event reason")}
			if i%10 == 9 {
				e.Date, e.Precision, e.Earliest, e.Latest = "", timeline.PrecisionUnknown, "", ""
			}
			// An editor's hand on every fourth event: summed up, checked
			// and edited.
			if (i*2+k)%4 == 1 {
				e.Summary = "An editor's summary" + mark("summary")
				e.Verified, e.VerifiedBy, e.Note = true, "AB"+mark("verified by"), "checked"+mark("note")
				e.Edited = []string{"summary", "type" + mark("edited")}
			}
			e.Sources = []timeline.Source{{
				Article: slug, Title: a.Title, URL: a.URL,
				Outlet: "Wire" + mark("outlet"), Author: a.Author, Published: a.Published,
				Anchor: timeline.SourceAnchor{Date: anchor.Date, Precision: anchor.Precision},
				Timex:  timeline.SourceTimex{Start: t.Start, End: t.End, Text: t.Text, Value: t.Value},
			}}
			in.Timeline.Events = append(in.Timeline.Events, e)
		}
	}
	// In the timeline's order: by date, the undated last, then by ID.
	slices.SortStableFunc(in.Timeline.Events, func(a, b timeline.Event) int {
		return cmp.Or(cmp.Compare(undatedRank(a.Date), undatedRank(b.Date)), cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	return in
}

func undatedRank(d string) int {
	if d == "" {
		return 1
	}
	return 0
}
