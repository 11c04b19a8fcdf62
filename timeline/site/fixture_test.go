package site

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// fixture is a small, realistic input made by hand: sixteen events of the
// Syrian war from 2011 to 2016 at day, month and year precision, with
// their date beliefs. Seven are background (2011 to 2015, mentioned by
// articles of August 2016), eight the news of 2016: a range, a planned
// meeting, an event that two articles report, and one whose day is
// inferred from an article date that is only a guess. One comes from an
// article that could not be dated at all, and is undated.
//
// An editor has been at it too (events.toml): three events are verified
// (one with a note, one without a name), two carry a summary, some have
// fields set by hand, one was written by hand from a web page, and two
// were hidden. The Reuters article names its author and publication
// date, the monitor's its date; the plain-text ones name nothing, so
// their headlines stand in.
func fixture() Input {
	aleppo := article("aleppo-siege-broken",
		"Rebels say they have broken the siege of eastern Aleppo",
		"Reuters", "https://example.org/world/aleppo-siege-broken",
		Anchor{Date: "2016-08-07", Precision: timeline.PrecisionDay, Confidence: 0.9, Reasons: []string{
			"dateline “ALEPPO, Syria, Aug 7” gives the day",
			"“on Saturday” then falls one day earlier, as the text implies",
		}},
		"Tom Perry", "2016-08-07",
		[]string{
			"ALEPPO, Syria, Aug 7 (Reuters) - Rebels said on Saturday they had broken the government's siege of eastern Aleppo after a week of fighting.",
			"Government forces cut the Castello road, the last route into the east of the city, last month.",
			"The rebel offensive to break the siege began on 31 July 2016.",
			"From 23 July to 31 July 2016 six hospitals in the city were hit, a monitor said.",
			"The UN Security Council is to hold an emergency meeting on Monday, diplomats said.",
			"Fighting first reached Aleppo in 2012, a year after the uprising began.",
		},
		tx("Aug 7", timex.Date, "2016-08-07"), tx("Saturday", timex.Date, "2016-08-06"), tx("a week", timex.Duration, "P1W"),
		tx("last month", timex.Date, "2016-07"), tx("31 July 2016", timex.Date, "2016-07-31"),
		tx("23 July", timex.Date, "2016-07-23"), tx("31 July 2016 six", timex.Date, "2016-07-31"),
		tx("Monday", timex.Date, "2016-08-08"), tx("2012", timex.Date, "2012"), tx("a year", timex.Duration, "P1Y"),
	)
	idlib := article("idlib-market-shelling",
		"Shelling hits crowded market in Idlib",
		"Syria Monitor", "",
		Anchor{Date: "2016-08-16", Precision: timeline.PrecisionDay, Confidence: 0.8, Reasons: []string{
			"front matter date: 2016-08-16",
		}},
		"", "2016-08-16",
		[]string{
			"Shelling hit the main market in Idlib on Sunday, the Syrian Observatory for Human Rights said on Tuesday.",
			"Rebels broke the siege of eastern Aleppo on 6 August 2016, and the city has been shelled daily since.",
			"Russia began its air strikes in Syria on 30 September 2015.",
			"A cessation of hostilities took effect on 27 February 2016 but has since collapsed.",
			"Idlib has been held by the Army of Conquest since March 2015.",
		},
		tx("Sunday", timex.Date, "2016-08-14"), tx("Tuesday", timex.Date, "2016-08-16"),
		tx("6 August 2016", timex.Date, "2016-08-06"), tx("daily", timex.Set, "P1D"),
		tx("30 September 2015", timex.Date, "2015-09-30"), tx("27 February 2016", timex.Date, "2016-02-27"),
		tx("since March 2015", timex.Date, "2015-03"),
	)
	millis := article("millis-hospital-strike",
		"Air strikes hit hospital in Millis",
		"millis-hospital.txt", "",
		Anchor{Date: "2016-08-13", Precision: timeline.PrecisionDay, Confidence: 0.3, Reasons: []string{
			"no dateline and no metadata",
			"guessed from the file's modification time, 2016-08-13",
		}},
		"", "",
		[]string{
			"Air strikes hit a hospital in the town of Millis in Idlib province on Thursday, killing two staff, a medical charity said.",
			"Protests broke out in Damascus on 15 March 2011.",
			"Security forces opened fire on protesters in Deraa on 18 March 2011.",
			"In July 2011 defecting officers announced the formation of the Free Syrian Army.",
			"Hundreds died in a chemical attack on the Ghouta suburbs of Damascus on 21 August 2013.",
			"Islamic State declared a caliphate on 29 June 2014.",
		},
		tx("Thursday", timex.Date, "2016-08-11"), tx("15 March 2011", timex.Date, "2011-03-15"),
		tx("18 March 2011", timex.Date, "2011-03-18"), tx("July 2011", timex.Date, "2011-07"),
		tx("21 August 2013", timex.Date, "2013-08-21"), tx("29 June 2014", timex.Date, "2014-06-29"),
	)

	aid := article("aid-warning",
		"Aid groups warn food is running out",
		"aid-warning.txt", "",
		Anchor{Precision: timeline.PrecisionUnknown, Reasons: []string{
			"no dateline, no metadata and no dated expression in the text",
		}},
		"", "",
		[]string{
			"Aid groups warned on Tuesday that food in the besieged districts would run out within weeks.",
		},
		tx("Tuesday", timex.Date, "XXXX-WXX-2"),
	)
	aid.File = "aid-warning.txt"
	// Cut short at a limit: its page says so.
	aid.Notes = []string{"the article has 120,000 expressions, over the limit of 100,000; the first 100,000 are kept (raise [limits] max_expressions in config.toml to keep more)"}

	ev := func(id, date string, prec timeline.Precision, typ string, places, actors []string, conf float64, srcs ...src) timeline.Event {
		e := timeline.Event{ID: id, Date: date, Precision: prec, Type: typ, Places: places, Actors: actors, Confidence: conf}
		for i, s := range srcs {
			if i == 0 {
				e.Text = s.sentence()
			}
			e.Sources = append(e.Sources, s.source())
		}
		return e
	}
	events := []timeline.Event{
		ev("2011-03-15-protests-damascus", "2011-03-15", timeline.PrecisionDay, "protest", []string{"Damascus"}, []string{"protesters"}, 0.9,
			src{millis, "Protests broke out", "15 March 2011"}),
		ev("2011-03-18-deraa-fire", "2011-03-18", timeline.PrecisionDay, "crackdown", []string{"Deraa"}, []string{"security forces", "protesters"}, 0.9,
			src{millis, "Security forces opened fire", "18 March 2011"}),
		ev("2011-07-free-syrian-army", "2011-07", timeline.PrecisionMonth, "formation", []string{}, []string{"Free Syrian Army"}, 0.8,
			src{millis, "In July 2011", "July 2011"}),
		ev("2012-fighting-aleppo", "2012", timeline.PrecisionYear, "battle", []string{"Aleppo"}, []string{"rebels"}, 0.7,
			src{aleppo, "Fighting first reached", "2012"}),
		ev("2013-08-21-ghouta-chemical-attack", "2013-08-21", timeline.PrecisionDay, "chemical attack", []string{"Ghouta", "Damascus"}, []string{}, 0.9,
			src{millis, "Hundreds died", "21 August 2013"}),
		ev("2014-06-29-caliphate", "2014-06-29", timeline.PrecisionDay, "declaration", []string{}, []string{"Islamic State"}, 0.9,
			src{millis, "Islamic State declared", "29 June 2014"}),
		ev("2015-09-30-russian-air-strikes", "2015-09-30", timeline.PrecisionDay, "air strike", []string{"Syria"}, []string{"Russia"}, 0.9,
			src{idlib, "Russia began", "30 September 2015"}),
		ev("2016-02-27-cessation-of-hostilities", "2016-02-27", timeline.PrecisionDay, "ceasefire", []string{"Syria"}, []string{}, 0.9,
			src{idlib, "A cessation of hostilities", "27 February 2016"}),
		ev("2016-07-castello-road-cut", "2016-07", timeline.PrecisionMonth, "siege", []string{"Aleppo", "Castello road"}, []string{"government forces"}, 0.8,
			src{aleppo, "Government forces cut", "last month"}),
		ev("2016-07-31-aleppo-offensive", "2016-07-31", timeline.PrecisionDay, "offensive", []string{"Aleppo"}, []string{"rebels"}, 0.85,
			src{aleppo, "The rebel offensive", "31 July 2016"}),
		ev("2016-08-06-aleppo-siege-broken", "2016-08-06", timeline.PrecisionDay, "offensive", []string{"Aleppo"}, []string{"rebels", "government forces"}, 0.9,
			src{aleppo, "ALEPPO, Syria", "Saturday"}, src{idlib, "Rebels broke the siege", "6 August 2016"}),
		ev("2016-08-08-security-council-meeting", "2016-08-08", timeline.PrecisionDay, "diplomacy", []string{"New York"}, []string{"UN Security Council"}, 0.75,
			src{aleppo, "The UN Security Council", "Monday"}),
		ev("2016-08-11-millis-hospital", "2016-08-11", timeline.PrecisionDay, "air strike", []string{"Millis", "Idlib"}, []string{}, 0.3,
			src{millis, "Air strikes hit a hospital", "Thursday"}),
		ev("2016-08-14-idlib-market-shelling", "2016-08-14", timeline.PrecisionDay, "shelling", []string{"Idlib"}, []string{}, 0.8,
			src{idlib, "Shelling hit the main market", "Sunday"}),
	}
	// Undated: its article has no date to count "Tuesday" from.
	aidEvent := ev("undated-aid-warning", "", timeline.PrecisionUnknown, "humanitarian", []string{}, []string{"aid groups"}, 0,
		src{aid, "Aid groups warned", "Tuesday"})
	aidEvent.Reasons = []string{"“Tuesday” needs the article’s date, which is unknown"}
	events = append(events, aidEvent)
	// The hospitals were hit over nine days: a range.
	hospitals := ev("2016-07-23-aleppo-hospitals", "2016-07-23", timeline.PrecisionDay, "attack on hospitals", []string{"Aleppo"}, []string{}, 0.8,
		src{aleppo, "From 23 July", "23 July"})
	hospitals.End = "2016-07-31"
	events = append(events, hospitals)
	// Written by hand from a web page, as correct.Apply makes it: the
	// date set, stated, sure.
	events = append(events, timeline.Event{
		ID: "a1b2c3d4e5f6", Date: "2016-08-03", Precision: timeline.PrecisionDay, Confidence: 1, Stated: true,
		Summary: "Rebels shoot down a Russian helicopter near Saraqeb",
		Text:    "A Russian Mi-8 helicopter was shot down over rebel-held territory near Saraqeb, killing all five aboard.",
		Type:    "air strike", Places: []string{"Saraqeb"}, Actors: []string{"Russia"},
		Edited:  []string{"added"},
		Sources: []timeline.Source{{ID: "a1b2c3d4e5f6", Title: "example.org", URL: "https://example.org/helicopter"}},
	})
	for i := range events {
		e := &events[i]
		switch e.ID {
		case "2016-08-08-security-council-meeting":
			e.Planned = true
		case "2016-08-06-aleppo-siege-broken":
			// Two reports merged by hand, summed up and checked.
			e.Summary = "Rebels break the government's siege of eastern Aleppo"
			e.Verified, e.VerifiedBy, e.Note = true, "R. Khalil", "checked against the monitor's report of 6 August"
			e.Edited = []string{"summary", "merge"}
		case "2016-08-14-idlib-market-shelling":
			e.Verified, e.VerifiedBy = true, "R. Khalil"
		case "2011-03-15-protests-damascus":
			e.Verified = true // by nobody named
		case "2016-07-castello-road-cut":
			e.Summary = "Government forces cut the Castello road, the last route into eastern Aleppo"
			e.Edited = []string{"places", "actors", "summary"}
		case "2016-07-31-aleppo-offensive":
			e.Edited = []string{"type"}
		}
		if slices.Contains(e.Edited, "added") {
			e.Earliest, e.Latest = e.Date, e.Date
			e.Reasons = []string{"added by hand in events.toml:12"}
			continue
		}
		believe(e)
	}
	return Input{
		Timeline: timeline.Timeline{Title: "Syria 2011–2016", Events: events, Hidden: 2},
		Articles: []Article{*aleppo, *idlib, *millis, *aid},
	}
}

// believe sets an event's date belief as the extractor would: the years
// before 2016 are background to articles of August 2016, an expression
// with its year states its date, and the Millis hospital's "Thursday"
// counts from an article date guessed from a file time.
func believe(e *timeline.Event) {
	if e.Date == "" {
		return
	}
	v := date.MustParse(e.Date)
	e.Earliest, e.Latest = v.DayString(), v.LastDayString()
	if e.End != "" {
		e.Latest = date.MustParse(e.End).LastDayString()
	}
	e.Background = v.First().Year() < 2016
	for _, s := range e.Sources {
		if yearInText.MatchString(s.Timex.Text) {
			e.Stated = true
		}
	}
	switch {
	case e.ID == "2016-08-11-millis-hospital":
		e.Inferred = true
		e.Earliest, e.Latest = "2016-08-04", "2016-08-11"
		e.Reasons = []string{
			"“Thursday” counts back from the article’s date",
			"the article’s date, 13 August 2016, is a guess from the file’s modification time (confidence 0.30)",
		}
	case e.Stated:
		e.Reasons = []string{"the expression gives the whole date"}
	default:
		e.Reasons = []string{"counted from the article’s date, which its dateline or metadata gives"}
	}
	if e.Background {
		e.Reasons = append(e.Reasons, "well before the article’s own date: background")
	}
}

// yearInText finds a year written out, which makes an expression
// independent of its article's date ("14 August 2016", "in 2012").
var yearInText = regexp.MustCompile(`\b(1[89]|20)\d\d\b`)

// txSpec names an expression by the words that start it; article finds
// its offsets, so the fixture's text can be edited freely.
type txSpec struct {
	find  string
	typ   timex.Type
	value string
}

func tx(find string, typ timex.Type, value string) txSpec { return txSpec{find, typ, value} }

func article(slug, title, source, url string, anchor Anchor, author, published string, paras []string, specs ...txSpec) *Article {
	a := &Article{Slug: slug, Title: title, Source: source, URL: url, Author: author, Published: published, Anchor: anchor, Text: strings.Join(paras, "\n")}
	for _, s := range specs {
		at := strings.Index(a.Text, s.find)
		if at < 0 {
			panic(fmt.Sprintf("fixture: %q not in %s", s.find, slug))
		}
		text := s.find
		// A spec may carry trailing context to pick the right occurrence
		// ("31 July 2016 six"); the expression itself is the date.
		if w := strings.Fields(text); len(w) > 3 {
			text = strings.Join(w[:3], " ")
		}
		a.Timexes = append(a.Timexes, timex.Timex{Start: at, End: at + len(text), Text: text, Type: s.typ, Value: s.value, Rule: "fixture"})
	}
	return a
}

// src is one article's report of an event: the sentence that starts with
// lead, dated by the expression with the given text.
type src struct {
	a     *Article
	lead  string
	timex string
}

func (s src) sentence() string {
	for _, line := range strings.Split(s.a.Text, "\n") {
		if strings.HasPrefix(line, s.lead) {
			return line
		}
	}
	panic(fmt.Sprintf("fixture: no sentence %q in %s", s.lead, s.a.Slug))
}

func (s src) source() timeline.Source {
	sentence := s.sentence()
	at := strings.Index(s.a.Text, sentence)
	for _, t := range s.a.Timexes {
		if t.Text == s.timex && t.Start >= at && t.End <= at+len(sentence) {
			// As the extractor cites it: the outlet, author and date
			// its file gives, none for a plain-text file.
			src := timeline.Source{
				Article: s.a.Slug, Title: s.a.Title, URL: s.a.URL,
				Author: s.a.Author, Published: s.a.Published,
				Anchor: timeline.SourceAnchor{Date: s.a.Anchor.Date, Precision: s.a.Anchor.Precision},
				Timex:  timeline.SourceTimex{Start: t.Start, End: t.End, Text: t.Text, Value: t.Value},
			}
			if !strings.HasSuffix(s.a.Source, ".txt") {
				src.Outlet = s.a.Source
			}
			return src
		}
	}
	panic(fmt.Sprintf("fixture: no expression %q in %q", s.timex, sentence))
}
