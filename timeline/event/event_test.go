package event

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/date"
)

// story is a hand-made article: its body, and the anchor its date is
// taken as (YYYY-MM-DD, YYYY-MM or YYYY, with a confidence).
type story struct {
	slug, title, url string
	body             string
	anchor           string
	confidence       float64
}

func (s story) input(t *testing.T) Input {
	t.Helper()
	md := fmt.Sprintf("---\ntitle: %q\nurl: %q\n---\n%s\n", s.title, s.url, s.body)
	a, err := article.ReadBytes(s.slug+".md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	anc := anchorAt(t, s.anchor, s.confidence)
	return Input{Article: a, Anchor: anc, Timexes: anchor.Resolve(a.Text, anc, nil)}
}

// anchorAt is an anchor as a pin in config.toml gives it.
func anchorAt(t *testing.T, value string, conf float64) anchor.Anchor {
	t.Helper()
	for _, f := range []struct {
		layout string
		p      timeline.Precision
	}{{time.DateOnly, timeline.PrecisionDay}, {"2006-01", timeline.PrecisionMonth}, {"2006", timeline.PrecisionYear}} {
		if d, err := time.Parse(f.layout, value); err == nil {
			return anchor.Anchor{Date: d, Precision: f.p, Confidence: conf, Source: anchor.FromPin, Belief: pinBelief(value, conf)}
		}
	}
	t.Fatalf("anchor %q: want YYYY-MM-DD, YYYY-MM or YYYY", value)
	return anchor.Anchor{}
}

// pinBelief is the belief of a pin: its days alike, as sure as conf
// together.
func pinBelief(value string, conf float64) []anchor.Candidate {
	v := date.MustParse(value)
	var out []anchor.Candidate
	for d := v.First(); d.Before(v.End()); d = d.AddDate(0, 0, 1) {
		out = append(out, anchor.Candidate{Day: d, P: conf / float64(v.Days())})
	}
	return out
}

func extract(t *testing.T, stories ...story) timeline.Timeline {
	t.Helper()
	var in []Input
	for _, s := range stories {
		in = append(in, s.input(t))
	}
	return Extract(in, DefaultGazetteer())
}

// withClause returns the events one of whose sources dates the clause
// that contains words.
func withClause(tl timeline.Timeline, words string) []timeline.Event {
	var out []timeline.Event
	for _, e := range tl.Events {
		for _, s := range e.Sources {
			if strings.Contains(s.Clause.Text, words) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// inSentence returns the events one of whose sources is the sentence
// that contains words.
func inSentence(tl timeline.Timeline, words string) []timeline.Event {
	var out []timeline.Event
	for _, e := range tl.Events {
		for _, s := range e.Sources {
			if strings.Contains(s.Sentence.Text, words) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// want is what a test expects of one event; empty fields are not
// checked.
type want struct {
	date, end string
	precision timeline.Precision
	planned   bool
	typ       string
	places    []string
	actors    []string
	sources   int
}

func (w want) check(t *testing.T, e timeline.Event) {
	t.Helper()
	if e.Date != w.date || e.End != w.end {
		t.Errorf("%q: date %s end %q, want %s end %q", e.Text, e.Date, e.End, w.date, w.end)
	}
	if w.precision != timeline.PrecisionUnknown && e.Precision != w.precision {
		t.Errorf("%q: precision %s, want %s", e.Text, e.Precision, w.precision)
	}
	if e.Planned != w.planned {
		t.Errorf("%q: planned %v, want %v", e.Text, e.Planned, w.planned)
	}
	if w.typ != "" && e.Type != w.typ {
		t.Errorf("%q: type %q, want %q", e.Text, e.Type, w.typ)
	}
	if w.places != nil && !slices.Equal(e.Places, w.places) {
		t.Errorf("%q: places %q, want %q", e.Text, e.Places, w.places)
	}
	if w.actors != nil && !slices.Equal(e.Actors, w.actors) {
		t.Errorf("%q: actors %q, want %q", e.Text, e.Actors, w.actors)
	}
	if w.sources != 0 && len(e.Sources) != w.sources {
		t.Errorf("%q: %d sources, want %d", e.Text, len(e.Sources), w.sources)
	}
	if e.Confidence < 0 || e.Confidence > 1 {
		t.Errorf("%q: confidence %v out of [0,1]", e.Text, e.Confidence)
	}
}

func TestClauses(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		// clause is the clause that holds date, and other a word that
		// must not be in it.
		date, clause string
	}{
		{"two happenings",
			"Troops repelled a rebel advance near Aleppo on Monday, forcing them to retreat from positions they seized a day earlier.",
			"a day earlier", "forcing them to retreat from positions they seized a day earlier."},
		{"the main clause keeps its date",
			"Troops repelled a rebel advance near Aleppo on Monday, forcing them to retreat from positions they seized a day earlier.",
			"on Monday", "Troops repelled a rebel advance near Aleppo on Monday,"},
		{"relative clause",
			"Recapturing east Aleppo, which rebels seized in 2012, would be the government's biggest victory.",
			"2012", "which rebels seized in 2012,"},
		{"since",
			"The war has killed 300,000 people since it erupted in March 2011.",
			"March 2011", "since it erupted in March 2011."},
		{"a subordinate clause ends at its comma",
			"The war in Syria, raging since 2011, has drawn in regional powers.",
			"2011", "since 2011,"},
		{"a sentence that opens with a subordinate clause",
			"Although the route is open, it was shelled on Sunday.",
			"Sunday", "it was shelled on Sunday."},
		{"a semicolon starts a new clause",
			"Rebels advanced in 2012; the army returned in 2016.",
			"2016", "the army returned in 2016."},
		{"a comma and a coordinator start a new clause",
			"Rebels took the town in 2012, but the army returned in 2016.",
			"2016", "but the army returned in 2016."},
		{"no opener, one clause",
			"Shelling hit the main market in Idlib on Sunday.",
			"Sunday", "Shelling hit the main market in Idlib on Sunday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := article.Span{Start: 0, End: len(tt.sentence)}
			cls := clauses(tt.sentence, s)
			at := strings.Index(tt.sentence, tt.date)
			for i, c := range cls {
				if i > 0 && c.Start != cls[i-1].End {
					t.Errorf("clauses leave a gap or overlap at %d", c.Start)
				}
				if at >= c.Start && at < c.End {
					if got := strings.TrimSpace(c.In(tt.sentence)); got != tt.clause {
						t.Errorf("the clause of %q is %q, want %q", tt.date, got, tt.clause)
					}
				}
			}
			if cls[0].Start != 0 || cls[len(cls)-1].End != len(tt.sentence) {
				t.Errorf("clauses do not cover the sentence: %+v", cls)
			}
		})
	}
}

func TestTwoHappeningsInOneSentence(t *testing.T) {
	tl := extract(t, story{slug: "repelled", title: "Army repels rebels", anchor: "2016-08-09", confidence: 1,
		body: "Government troops repelled a rebel advance near Aleppo on Monday, forcing the rebels to retreat from positions they seized a day earlier."})
	monday := withClause(tl, "on Monday")
	earlier := withClause(tl, "a day earlier")
	if len(monday) != 1 || len(earlier) != 1 || monday[0].ID == earlier[0].ID {
		t.Fatalf("want two events, one per clause; got %d and %d of %d", len(monday), len(earlier), len(tl.Events))
	}
	want{date: "2016-08-08", precision: timeline.PrecisionDay, typ: "battle", places: []string{"Aleppo"}, actors: []string{"Syrian government forces", "rebels"}}.check(t, monday[0])
	want{date: "2016-08-07", precision: timeline.PrecisionDay, typ: "battle", places: []string{"Aleppo"}, actors: []string{"rebels"}}.check(t, earlier[0])
	if monday[0].Text != earlier[0].Text {
		t.Errorf("both events should quote the whole sentence: %q, %q", monday[0].Text, earlier[0].Text)
	}
	// Telling the clauses apart is a guess from cue words: it costs.
	if c := monday[0].Confidence; c >= 1 {
		t.Errorf("confidence %v: a date shared out among clauses is not sure", c)
	}
}

func TestBackgroundDates(t *testing.T) {
	tl := extract(t, story{slug: "aleppo", title: "Battle for Aleppo", anchor: "2016-11-22", confidence: 0.9,
		body: "Recapturing east Aleppo, which rebels seized in 2012, would be the government's biggest victory yet.\n\n" +
			"The war has killed 300,000 people since it began with protests in March 2011.\n\n" +
			"Government forces pushed into Masaken Hanano on Tuesday."})
	tests := []struct {
		sentence string
		want     want
	}{
		{"which rebels seized in 2012", want{date: "2012", precision: timeline.PrecisionYear, typ: "battle", places: []string{"Aleppo"}, actors: []string{"rebels"}}},
		{"since it began", want{date: "2011-03", precision: timeline.PrecisionMonth}},
		{"pushed into Masaken Hanano", want{date: "2016-11-22", precision: timeline.PrecisionDay, places: []string{"Masaken Hanano"}, actors: []string{"Syrian government forces"}}},
	}
	for _, tt := range tests {
		evs := inSentence(tl, tt.sentence)
		if len(evs) != 1 {
			t.Errorf("%q: %d events, want 1", tt.sentence, len(evs))
			continue
		}
		tt.want.check(t, evs[0])
		if evs[0].Date != "2016-11-22" && evs[0].Confidence != 1 {
			t.Errorf("%q: confidence %v; a year written out needs no anchor", tt.sentence, evs[0].Confidence)
		}
	}
}

func TestPlanned(t *testing.T) {
	meeting := "On Monday, the UN Security Council is due to hold an informal meeting on the Aleppo crisis."
	tests := []struct {
		name   string
		anchor string
		body   string
		want   want
		// sure says whether the date may keep the anchor's confidence.
		sure bool
	}{
		{"future tense, day anchor", "2016-08-07", meeting,
			want{date: "2016-08-08", precision: timeline.PrecisionDay, planned: true, typ: "diplomacy or ceasefire", places: []string{"Aleppo"}, actors: []string{"United Nations"}}, true},
		{"a date after the article's", "2016-08-07", "Talks in Geneva resume on September 15, 2016.",
			want{date: "2016-09-15", precision: timeline.PrecisionDay, planned: true, typ: "diplomacy or ceasefire"}, true},
		{"past tense is not planned", "2016-08-09", "The Security Council held an informal meeting on Monday.",
			want{date: "2016-08-08", precision: timeline.PrecisionDay, typ: "diplomacy or ceasefire"}, true},
		{"a clock time borrows its day: the weekday dates the meeting", "2016-08-07",
			"On Monday, the UN Security Council is due to hold an informal meeting at 1400 GMT on the Aleppo crisis.",
			want{date: "2016-08-08", precision: timeline.PrecisionDay, planned: true, typ: "diplomacy or ceasefire", places: []string{"Aleppo"}, actors: []string{"United Nations"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := extract(t, story{slug: "un", title: "UN to meet", anchor: tt.anchor, confidence: 0.9, body: tt.body})
			if len(tl.Events) != 1 {
				t.Fatalf("%d events, want 1: %+v", len(tl.Events), tl.Events)
			}
			tt.want.check(t, tl.Events[0])
		})
	}
}

// Under an anchor known only to the month, "on Monday" is not a sure day:
// the event is told no finer than the month, less sure than the anchor.
// A date written out in full stays a day, and sure.
func TestCoarseAnchor(t *testing.T) {
	tl := extract(t, story{slug: "month", title: "Aleppo", anchor: "2016-08", confidence: 0.9,
		body: "On Monday, the UN Security Council is due to hold an informal meeting on the Aleppo crisis.\n\n" +
			"Rebels broke the siege of Aleppo on August 6, 2016."})
	relative := inSentence(tl, "Security Council")
	explicit := inSentence(tl, "broke the siege")
	if len(relative) != 1 || len(explicit) != 1 {
		t.Fatalf("got %d and %d events, want one of each", len(relative), len(explicit))
	}
	r := relative[0]
	if r.Precision.Finer(timeline.PrecisionMonth) {
		t.Errorf("%q dated %s (%s): finer than the month anchor supports", r.Text, r.Date, r.Precision)
	}
	if !r.Planned {
		t.Errorf("%q is due to happen: planned", r.Text)
	}
	if r.Confidence >= 0.9 {
		t.Errorf("confidence %v, want below the anchor's 0.9", r.Confidence)
	}
	want{date: "2016-08-06", precision: timeline.PrecisionDay, typ: "battle"}.check(t, explicit[0])
	if explicit[0].Confidence != 1 {
		t.Errorf("a full date written out: confidence %v, want 1", explicit[0].Confidence)
	}
}

func TestRange(t *testing.T) {
	tl := extract(t, story{slug: "hospitals", title: "Hospitals hit", anchor: "2016-08-03", confidence: 0.8,
		body: "Six hospitals in Aleppo were hit between July 23 and July 31, a monitor said."})
	if len(tl.Events) != 1 {
		t.Fatalf("%d events, want one for the period", len(tl.Events))
	}
	want{date: "2016-07-23", end: "2016-07-31", precision: timeline.PrecisionDay, typ: "harm to civilians", places: []string{"Aleppo"}}.check(t, tl.Events[0])
	if got := tl.Events[0].Sources[0].Timex.Text; got != "July 23 and July 31" {
		t.Errorf("the words that dated it: %q", got)
	}
}

func TestMerge(t *testing.T) {
	reuters := story{slug: "reuters", title: "Market shelled in Idlib", url: "https://example.org/idlib", anchor: "2016-08-09", confidence: 0.9,
		body: "Shelling hit the main market in Idlib on Sunday, killing 12 people.\n\n" +
			"Rebels shelled government positions in Hama on Sunday.\n\n" +
			"The main market in Idlib was hit by shelling on Sunday, killing 12 people, medics said."}
	afp := story{slug: "afp", title: "Dozens hurt in Idlib", anchor: "2016-08-08", confidence: 0.8,
		body: "Government shelling hit the crowded main market in Idlib on Sunday, a monitor said.\n\n" +
			"Separately, shelling hit a school in Deraa on Sunday."}
	tl := extract(t, reuters, afp)
	market := inSentence(tl, "market in Idlib")
	if len(market) != 1 {
		t.Fatalf("the market shelling is %d events, want one", len(market))
	}
	want{date: "2016-08-07", precision: timeline.PrecisionDay, typ: "shelling", places: []string{"Idlib"}, sources: 3}.check(t, market[0])
	var articles []string
	for _, s := range market[0].Sources {
		articles = append(articles, s.Article)
	}
	if !slices.Contains(articles, "reuters") || !slices.Contains(articles, "afp") {
		t.Errorf("sources %q, want both articles", articles)
	}
	// Same day, other places: not the same happening.
	for _, other := range []string{"positions in Hama", "school in Deraa"} {
		if evs := inSentence(tl, other); len(evs) != 1 || len(evs[0].Sources) != 1 {
			t.Errorf("%q should be an event of its own", other)
		}
	}
}

// IDs come from the date and the words, so they do not change with the
// order of the articles, and neither does anything else.
func TestStableAcrossOrder(t *testing.T) {
	a := story{slug: "a", title: "A", anchor: "2016-08-09", confidence: 0.9,
		body: "Shelling hit the main market in Idlib on Sunday.\n\nRebels seized Ramousah in 2016."}
	b := story{slug: "b", title: "B", anchor: "2016-08-08", confidence: 0.8,
		body: "Shelling hit the main market in Idlib on Sunday, a monitor said.\n\nWarplanes struck Saraqeb on Saturday."}
	one, two := extract(t, a, b), extract(t, b, a)
	if len(one.Events) != len(two.Events) {
		t.Fatalf("%d events one way, %d the other", len(one.Events), len(two.Events))
	}
	for i := range one.Events {
		e, f := one.Events[i], two.Events[i]
		if e.ID != f.ID || e.Date != f.Date || len(e.Sources) != len(f.Sources) || e.Sources[0] != f.Sources[0] {
			t.Errorf("event %d differs with the order of the articles:\n%+v\n%+v", i, e, f)
		}
	}
	seen := map[string]bool{}
	for _, e := range one.Events {
		if seen[e.ID] {
			t.Errorf("ID %s twice", e.ID)
		}
		seen[e.ID] = true
		if e.ID != e.Sources[0].ID {
			t.Errorf("event ID %s is not the ID %s of its best report", e.ID, e.Sources[0].ID)
		}
	}
}

// A report's ID comes from its article and its sentence: it stays when
// the resolver dates the sentence otherwise, when the article's other
// sentences are edited, and when other articles are added.
func TestIDsSurvive(t *testing.T) {
	base := story{slug: "a", title: "A", anchor: "2016-08-09", confidence: 0.9,
		body: "Shelling hit the main market in Idlib on Sunday.\n\nRebels seized Ramousah in 2016."}
	id := func(tl timeline.Timeline, words string) string {
		t.Helper()
		evs := inSentence(tl, words)
		if len(evs) != 1 {
			t.Fatalf("%d events with %q", len(evs), words)
		}
		return evs[0].ID
	}
	before := id(extract(t, base), "main market")
	redated := base
	redated.anchor = "2016-09-20" // the resolver now gives Sunday another date
	edited := base
	edited.body = "A new first paragraph.\n\nShelling hit the main market in Idlib on Sunday.\n\nRebels took Ramousah."
	other := story{slug: "b", title: "B", anchor: "2016-08-09", confidence: 0.9, body: "Warplanes struck Saraqeb on Saturday."}
	for name, tl := range map[string]timeline.Timeline{
		"redated": extract(t, redated), "edited": extract(t, edited), "another article": extract(t, other, base),
	} {
		if got := id(tl, "main market"); got != before {
			t.Errorf("%s: ID %s, was %s", name, got, before)
		}
	}
}

// Two articles that say the same words at the same date in places the
// merge keeps apart get IDs of their own, whatever their order.
func TestIDCollisions(t *testing.T) {
	a := story{slug: "a", title: "A", anchor: "2016-08-09", confidence: 0.9, body: "Fighting went on on Sunday."}
	b := story{slug: "b", title: "B", anchor: "2016-08-09", confidence: 0.9, body: "Fighting went on on Sunday."}
	one, two := extract(t, a, b), extract(t, b, a)
	if len(one.Events) != 2 {
		t.Fatalf("%d events, want 2 (no place is shared)", len(one.Events))
	}
	if one.Events[0].ID == one.Events[1].ID {
		t.Errorf("two events share ID %s", one.Events[0].ID)
	}
	for i := range one.Events {
		if one.Events[i].ID != two.Events[i].ID || one.Events[i].Sources[0].Article != two.Events[i].Sources[0].Article {
			t.Errorf("IDs depend on the order of the articles: %s (%s) vs %s (%s)", one.Events[i].ID, one.Events[i].Sources[0].Article, two.Events[i].ID, two.Events[i].Sources[0].Article)
		}
	}
}

func TestChronologicalOrder(t *testing.T) {
	tl := extract(t, story{slug: "history", title: "History", anchor: "2016-08-09", confidence: 0.9,
		body: "Rebels seized Aleppo in 2012.\n\nProtests broke out in Deraa on March 18, 2011.\n\nThe army shelled Homs in May 2012."})
	var got []string
	for _, e := range tl.Events {
		got = append(got, e.Date)
	}
	if want := []string{"2011-03-18", "2012", "2012-05"}; !slices.Equal(got, want) {
		t.Errorf("dates in order %q, want %q", got, want)
	}
}

func TestSource(t *testing.T) {
	tl := extract(t, story{slug: "src", title: "Idlib market", url: "https://example.org/idlib", anchor: "2016-08-09", confidence: 0.9,
		body: "Shelling hit the main market in Idlib on Sunday."})
	if len(tl.Events) != 1 {
		t.Fatalf("%d events", len(tl.Events))
	}
	s := tl.Events[0].Sources[0]
	if s.Article != "src" || s.Title != "Idlib market" || s.URL != "https://example.org/idlib" {
		t.Errorf("source %+v", s)
	}
	if s.Anchor != (timeline.SourceAnchor{Date: "2016-08-09", Precision: timeline.PrecisionDay}) {
		t.Errorf("anchor %+v", s.Anchor)
	}
	if s.Timex.Text != "Sunday" || s.Timex.Value != "2016-08-07" {
		t.Errorf("timex %+v", s.Timex)
	}
	if len(tl.Articles) != 1 || tl.Articles[0].Article != "src" {
		t.Errorf("articles %+v", tl.Articles)
	}
}

// Sentences with no date, or only durations, sets and references, give
// no event.
func TestUndated(t *testing.T) {
	tl := extract(t, story{slug: "none", title: "None", anchor: "2016-08-09", confidence: 0.9,
		body: "The siege lasted three weeks.\n\nAir strikes hit the city daily.\n\nRebels are now pushing north.\n\nFighting continued."})
	if len(tl.Events) != 0 {
		t.Errorf("got %d events, want none: %+v", len(tl.Events), tl.Events)
	}
}

// An empty gazetteer, as config.toml without [gazetteer] gives, means the
// default one.
func TestEmptyGazetteer(t *testing.T) {
	in := story{slug: "g", title: "G", anchor: "2016-08-09", confidence: 0.9, body: "ISIS shelled Kobani on Sunday."}.input(t)
	tl := Extract([]Input{in}, Gazetteer{})
	if len(tl.Events) != 1 {
		t.Fatalf("%d events", len(tl.Events))
	}
	want{date: "2016-08-07", typ: "shelling", places: []string{"Kobani"}, actors: []string{"Islamic State"}}.check(t, tl.Events[0])
}

// An article that tells one thing twice, as a lead and a later paragraph
// do, gives one event; two things on one day stay two.
func TestMergeWithinArticle(t *testing.T) {
	tl := extract(t, story{slug: "lead", title: "Siege broken", anchor: "2016-08-07", confidence: 0.9,
		body: "Rebels broke the siege of eastern Aleppo on Saturday.\n\n" +
			"Warplanes struck Saraqeb on Saturday.\n\n" +
			"On Saturday, rebels broke the siege of eastern Aleppo, the alliance said."})
	siege := inSentence(tl, "broke the siege")
	if len(siege) != 1 {
		t.Fatalf("the siege is %d events, want one", len(siege))
	}
	want{date: "2016-08-06", typ: "battle", places: []string{"Aleppo"}, sources: 2}.check(t, siege[0])
	if strikes := inSentence(tl, "Warplanes struck"); len(strikes) != 1 || len(strikes[0].Sources) != 1 {
		t.Errorf("the air strike on Saraqeb should be an event of its own")
	}
}

// An embedded post is the post's words and its signature, not the
// article's report: its stamp dates no event.
func TestEmbeddedPost(t *testing.T) {
	body := "Shelling hit the market in Idlib on Sunday.\n\n" +
		"Stop bombing schools. pic.twitter.com/xwoQP3zc43 — UNICEF (@UNICEF) November 21, 2016\n\n" +
		"2013 gas attack a 'false flag?' — RT (@RT_com) November 21, 2016"
	tl := extract(t, story{slug: "tweets", title: "Idlib", anchor: "2016-11-22", confidence: 0.9, body: body})
	if len(tl.Events) != 1 || tl.Events[0].Date != "2016-11-20" {
		t.Fatalf("got %+v, want only the shelling on 2016-11-20", tl.Events)
	}
}
