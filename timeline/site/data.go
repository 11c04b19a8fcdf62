package site

import (
	"cmp"
	"encoding/json"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// siteData is data/timeline.json, the one file the theme's content
// adapter reads. Keys are lower case because Hugo lower-cases page params.
type siteData struct {
	Title string `json:"title"`
	// BaseURL is where the site will be published, from the options or
	// config.toml. Hugo itself builds with base "/" so every link can be
	// made relative; the theme uses this only where a URL must be absolute
	// (feeds, canonical links, citations).
	BaseURL  string        `json:"baseurl"`
	Events   []eventData   `json:"events"`
	Articles []articleData `json:"articles"`
	Months   []monthData   `json:"months"`
	// Periods are the pages that hold the events (see periods.go); Home
	// is what the home page shows of them.
	Periods []periodData `json:"periods"`
	Home    homeData     `json:"home"`
	Chart   chart        `json:"chart"`
	// Hidden counts the events an editor hid (events.toml): they are in
	// no page, but the home page says how many there are.
	Hidden int `json:"hidden"`
	// Downloads are the files published beside the pages (the exports),
	// which every page's footer links to.
	Downloads []string `json:"downloads,omitempty"`
	// Taken are the generated sections ("months", "sources") that the
	// project's content/ writes by hand: the content adapter leaves them
	// to it, so that which page wins is never left to chance.
	Taken []string `json:"taken,omitempty"`
	// EventPages is true when every event has a page of its own; else an
	// event's card on its period's page, with how it was dated, is all
	// there is of it, and links go there (see linkEvents).
	EventPages bool `json:"eventpages"`
	// Without a page per event, events are no Hugo pages: EventIndex
	// finds an event in Events by its path, and Taxonomies are the
	// terms Hugo's taxonomies would have made (see terms.go).
	EventIndex map[string]int `json:"eventindex,omitempty"`
	Taxonomies []taxonomyData `json:"taxonomies,omitempty"`
}

// eventData is one event as the theme reads it. Hugo keeps the decoded
// data/timeline.json whole while it renders, one map per event, so an
// event carries only what a template reads: a key the theme can work
// out cheaply (an event's neighbours, its weight, its year's label) is
// Go's alone (json:"-"), and flags and lists that are mostly false or
// empty are left out when they are (omitempty), which templates read as
// false or empty. Below 29 keys, a decoded map takes half the memory.
type eventData struct {
	ID   string `json:"id"`
	Path string `json:"path"` // page path, "events/<slug>"
	// Href is where a link to the event goes, relative to the site root:
	// its own page, or its card on its period's page when the site has
	// no page per event (see EventPages).
	Href string `json:"href"`
	// Date and End are the values as given; the fields below are what the
	// theme shows and groups by.
	Date      string `json:"-"`
	End       string `json:"-"`
	Precision string `json:"precision"` // the belief's: "day", "week", "month", "year" or "unknown"
	Planned   bool   `json:"planned,omitempty"`
	// Label is the date in words without the planned mark, which the
	// theme adds in its own language; "" when the event has no date.
	Label string `json:"label"`
	// Short is the start of the event's sentence, for titles: the theme
	// names the event's page, in lists, feeds and the browser tab, by
	// its date and this.
	// It is the editor's summary when there is one.
	Short    string `json:"short"`
	Datetime string `json:"datetime,omitempty"`
	// Year is undatedKey when undated: the theme then names the year
	// so in its own words.
	Year       string `json:"year"`
	Month      string `json:"month"`
	MonthLabel string `json:"monthlabel"`
	Group      string `json:"group"` // events with the same group share a date heading, their label
	// Part is where the home page shows the event: "chronology", the
	// news the articles report; "background", an earlier time they
	// mention for context (collapsed, apart); "undated", nothing dates it.
	Part string `json:"part"`
	// PageDate is the start of the period (RFC 3339), for feeds; empty
	// when undated.
	PageDate string `json:"pagedate,omitempty"`
	// Weight is the event's place in Events, from 1: the content adapter
	// gives it to the event's page, and an event page finds its
	// neighbours by it.
	Weight int `json:"-"`
	// Period is the page of its period that lists the event
	// (months/2016-08, months/background-2011, ...).
	Period string `json:"period"`
	// Prev and Next are the page paths of the neighbouring events of the
	// same part: the events before and after it in Events, when of its
	// part.
	Prev   string   `json:"-"`
	Next   string   `json:"-"`
	Text   string   `json:"text"`
	Parts  []part   `json:"parts"`
	Type   string   `json:"type"`
	Places []string `json:"places,omitempty"`
	Actors []string `json:"actors"`

	// The editor's hand (events.toml, see timeline.Event): Summary is a
	// one-line account the theme shows before the sentence; Verified
	// marks an event checked, by VerifiedBy, with Note; Edited lists the
	// fields set by hand ("date", "type", "places", "actors", "summary",
	// "merge", "added"), in the order the corrections set them.
	Summary    string   `json:"summary,omitempty"`
	Verified   bool     `json:"verified,omitempty"`
	VerifiedBy string   `json:"verifiedby,omitempty"`
	Note       string   `json:"note,omitempty"`
	Edited     []string `json:"edited,omitempty"`
	// Added is true for an event written by hand, not found in an article.
	Added bool `json:"added,omitempty"`

	// The date belief (see timeline.Event). Background is Part's to
	// show.
	Confidence float64 `json:"confidence"`
	Inferred   bool    `json:"inferred,omitempty"`
	Stated     bool    `json:"stated"`
	Background bool    `json:"-"`
	// Exact events are dated beyond doubt for the reader: the words give
	// the whole date, or the day is known and not inferred. The filter can
	// keep only these.
	Exact bool `json:"exact"`
	// Uncertain events are drawn dashed with a badge: Badge is "likely"
	// for a date inferred from an article date that is itself a best
	// estimate, "unsure" for one of low confidence, "" otherwise.
	Uncertain bool   `json:"uncertain,omitempty"`
	Badge     string `json:"badge,omitempty"`
	// Earliest and Latest are the days that hold nearly all of the belief;
	// SpanLabel puts them in words when they are more than one day.
	Earliest  string   `json:"-"`
	Latest    string   `json:"-"`
	SpanLabel string   `json:"spanlabel,omitempty"`
	Reasons   []string `json:"reasons"`

	Sources []sourceData `json:"sources"`

	// Terms are the event's places, actors and type as its card links
	// to them, when events have no page (see terms.go). The data gives
	// them as TermIndex, the cheaper to decode: for each taxonomy of
	// Taxonomies, in their order, the indexes of the event's terms in
	// its Terms. Terms itself is digested with the event (addEvent).
	Terms     *eventTerms `json:"-"`
	TermIndex [][]int     `json:"terms,omitempty"`

	w when
}

// The parts of the home page, in the order the events are numbered.
const (
	partBackground = "background"
	partChronology = "chronology"
	partUndated    = "undated"
)

var partRank = map[string]int{partBackground: 0, partChronology: 1, partUndated: 2}

// sourceData is where an event was read. A source whose article is part
// of the input reaches the data as a sourceRef: its article's index and
// only what it does not share with the article, which the theme takes
// from there (source.html). Copied, the article's title, citation and
// date would cost every event a map twice the size.
type sourceData struct {
	// Article is the article's slug, which the theme never shows.
	Article string `json:"-"`
	Title   string `json:"title"`
	URL     string `json:"url,omitempty"`
	// Outlet, Author and Published cite the article: "Reuters", "Tom
	// Perry", the publication date as given (2016-08-07) with
	// PublishedLabel and PublishedDatetime for the reader. Each is ""
	// when neither the event's source nor its article gives it, as for a
	// plain-text article: then the title stands alone.
	Outlet            string `json:"outlet,omitempty"`
	Author            string `json:"author,omitempty"`
	Published         string `json:"published,omitempty"`
	PublishedLabel    string `json:"publishedlabel,omitempty"`
	PublishedDatetime string `json:"publisheddatetime,omitempty"`
	// Path is the article's page, empty when the article is not part of
	// the input (then the source is shown without a link).
	Path            string `json:"path,omitempty"`
	AnchorLabel     string `json:"anchorlabel"`
	AnchorUncertain bool   `json:"anchoruncertain"`
	TimexID         string `json:"timexid,omitempty"`
	TimexText       string `json:"timextext,omitempty"`
	TimexValue      string `json:"timexvalue,omitempty"`
	TimexLabel      string `json:"timexlabel,omitempty"`

	// article is the article's data, index its place in Articles, when
	// the article is part of the input (see linkSources).
	article *articleData
	index   int
}

// sourceFields is sourceData without its MarshalJSON.
type sourceFields sourceData

// sourceRef is a source as the data gives it beside its article: a
// field left out (nil) is the article's.
type sourceRef struct {
	Article           int     `json:"article"`
	Title             *string `json:"title,omitempty"`
	URL               *string `json:"url,omitempty"`
	Outlet            *string `json:"outlet,omitempty"`
	Author            *string `json:"author,omitempty"`
	Published         *string `json:"published,omitempty"`
	PublishedLabel    *string `json:"publishedlabel,omitempty"`
	PublishedDatetime *string `json:"publisheddatetime,omitempty"`
	Path              *string `json:"path,omitempty"`
	AnchorLabel       *string `json:"anchorlabel,omitempty"`
	AnchorUncertain   *bool   `json:"anchoruncertain,omitempty"`
	TimexID           string  `json:"timexid,omitempty"`
	TimexText         string  `json:"timextext,omitempty"`
	TimexValue        string  `json:"timexvalue,omitempty"`
	TimexLabel        string  `json:"timexlabel,omitempty"`
}

// MarshalJSON writes a source whose article is part of the input as a
// sourceRef, any other whole.
func (s sourceData) MarshalJSON() ([]byte, error) {
	a := s.article
	if a == nil {
		return json.Marshal(sourceFields(s))
	}
	return json.Marshal(sourceRef{
		Article:           s.index,
		Title:             unlike(s.Title, a.Title),
		URL:               unlike(s.URL, a.URL),
		Outlet:            unlike(s.Outlet, a.Outlet),
		Author:            unlike(s.Author, a.Author),
		Published:         unlike(s.Published, a.Published),
		PublishedLabel:    unlike(s.PublishedLabel, a.PublishedLabel),
		PublishedDatetime: unlike(s.PublishedDatetime, a.PublishedDatetime),
		Path:              unlike(s.Path, a.Path),
		AnchorLabel:       unlike(s.AnchorLabel, a.Anchor.Label),
		AnchorUncertain:   unlike(s.AnchorUncertain, a.Anchor.Uncertain),
		TimexID:           s.TimexID,
		TimexText:         s.TimexText,
		TimexValue:        s.TimexValue,
		TimexLabel:        s.TimexLabel,
	})
}

// unlike is &v, or nil when v is the article's own value.
func unlike[T comparable](v, article T) *T {
	if v == article {
		return nil
	}
	return &v
}

// linkSources points each event's sources at their articles' data.
func (d *siteData) linkSources() {
	index := make(map[string]int, len(d.Articles))
	for i, a := range d.Articles {
		index[a.Slug] = i
	}
	for i := range d.Events {
		for j := range d.Events[i].Sources {
			s := &d.Events[i].Sources[j]
			if k, ok := index[s.Article]; ok && s.Path != "" {
				s.article, s.index = &d.Articles[k], k
			}
		}
	}
}

type articleData struct {
	Slug   string `json:"slug"`
	Path   string `json:"path"`
	Title  string `json:"title"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	// Outlet is Source when it names a publisher rather than a file;
	// Author and Published (with its label and datetime) are the
	// article's metadata, for its citation. All are "" for a plain-text
	// article.
	Outlet            string     `json:"outlet,omitempty"`
	Author            string     `json:"author,omitempty"`
	Published         string     `json:"published,omitempty"`
	PublishedLabel    string     `json:"publishedlabel,omitempty"`
	PublishedDatetime string     `json:"publisheddatetime,omitempty"`
	PageDate          string     `json:"pagedate,omitempty"`
	Anchor            anchorData `json:"anchor"`
	Timexes           int        `json:"timexes"`
	Paragraphs        [][]part   `json:"paragraphs"`
	// Events are the page paths of the events this article reports.
	Events []string `json:"events"`
	// Undated articles have no date of their own, so their relative
	// expressions ("on Tuesday") could not be placed; File is the name
	// to pin one under in config.toml, if known.
	Undated bool   `json:"undated"`
	File    string `json:"file,omitempty"`
	// Notes say how the article was read where that is not all of it:
	// cut short at a limit of config.toml.
	Notes []string `json:"notes,omitempty"`
}

type anchorData struct {
	Date       string   `json:"date"`
	Label      string   `json:"label"`
	Datetime   string   `json:"datetime,omitempty"`
	Precision  string   `json:"precision"`
	Confidence float64  `json:"confidence"`
	Uncertain  bool     `json:"uncertain"`
	Reasons    []string `json:"reasons"`
}

type monthData struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Path  string `json:"path"`
	Year  string `json:"year"`
	Count int    `json:"count"`
	Prev  string `json:"prev,omitempty"`
	Next  string `json:"next,omitempty"`
}

// An anchor below this confidence, or coarser than a day, is uncertain:
// a relative expression resolved against it may be off.
const uncertainBelow = 0.5

type articleInfo struct {
	*Article
	clean     []timex.Timex
	uncertain bool
	path      string
}

func anchorUncertain(date string, prec timeline.Precision, conf float64, knownConf bool) bool {
	if date == "" || prec != timeline.PrecisionDay {
		return true
	}
	return knownConf && conf < uncertainBelow
}

// newSiteData prepares everything the theme needs. It never fails: odd
// dates become undated, bad offsets lose their highlight, and unknown
// articles are shown without a link.
func newSiteData(in Input) siteData {
	articles := map[string]*articleInfo{}
	paths := newPather()
	var order []*articleInfo
	for i := range in.Articles {
		a := &in.Articles[i]
		if _, dup := articles[a.Slug]; dup {
			continue
		}
		info := &articleInfo{
			Article:   a,
			clean:     cleanTimexes(a.Text, a.Timexes),
			uncertain: anchorUncertain(a.Anchor.Date, a.Anchor.Precision, a.Anchor.Confidence, true),
			path:      paths.path("sources", a.Slug),
		}
		articles[a.Slug] = info
		order = append(order, info)
	}

	events := make([]eventData, 0, len(in.Timeline.Events))
	for _, e := range in.Timeline.Events {
		events = append(events, newEventData(e, articles, paths))
	}
	// The timeline comes in chronological order; sorting by part, then by
	// the grouping key keeps that order within a part but puts
	// month-only events before the days of their month, as the
	// chronology shows them.
	slices.SortStableFunc(events, func(a, b eventData) int {
		return cmp.Or(cmp.Compare(partRank[a.Part], partRank[b.Part]), strings.Compare(a.Group, b.Group))
	})
	byArticle := map[string][]string{}
	for i := range events {
		events[i].Weight = i + 1
		if i > 0 && events[i-1].Part == events[i].Part {
			events[i].Prev = events[i-1].Path
		}
		if i+1 < len(events) && events[i+1].Part == events[i].Part {
			events[i].Next = events[i+1].Path
		}
		for _, s := range events[i].Sources {
			if s.Path != "" {
				list := byArticle[s.Article]
				if len(list) == 0 || list[len(list)-1] != events[i].Path {
					byArticle[s.Article] = append(list, events[i].Path)
				}
			}
		}
	}

	// The expressions that dated an event are marked on their article's
	// page too.
	dating := map[string]map[string]bool{}
	for _, e := range in.Timeline.Events {
		for _, s := range e.Sources {
			if dating[s.Article] == nil {
				dating[s.Article] = map[string]bool{}
			}
			dating[s.Article][timexID(s.Timex.Start)] = true
		}
	}

	d := siteData{Title: in.Timeline.Title, Events: events, Months: months(events), Periods: newPeriods(events), Hidden: max(in.Timeline.Hidden, 0)}
	d.Chart = newChart(events, d.Periods)
	for _, a := range order {
		w := parseWhen(a.Anchor.Date, a.Anchor.Precision)
		ad := articleData{
			Slug: a.Slug, Path: a.path, Title: a.Title, URL: webURL(a.URL), Source: a.Source,
			Outlet: outlet(a.Article), Author: strings.TrimSpace(a.Author),
			PageDate: pageDate(w),
			Anchor: anchorData{
				Date: a.Anchor.Date, Label: w.Label, Datetime: w.Datetime,
				Precision: w.Precision.String(), Confidence: round2(a.Anchor.Confidence),
				Uncertain: a.uncertain, Reasons: nonNil(a.Anchor.Reasons),
			},
			Timexes:    len(a.clean),
			Paragraphs: markDating(paragraphs(a.Text, a.clean), dating[a.Slug]),
			Events:     nonNil(byArticle[a.Slug]),
			Undated:    w.Precision == timeline.PrecisionUnknown,
			File:       pinFile(a.Article),
			Notes:      a.Notes,
		}
		ad.Published, ad.PublishedLabel, ad.PublishedDatetime = published(a.Published)
		d.Articles = append(d.Articles, ad)
	}
	if d.Articles == nil {
		d.Articles = []articleData{}
	}
	d.linkSources()
	d.Home = newHome(d.Events, d.Periods, d.Articles)
	d.linkEvents(EventPagesAuto.on(len(events)))
	return d
}

func newEventData(e timeline.Event, articles map[string]*articleInfo, paths *pather) eventData {
	w := parseWhen(e.Date, e.Precision)
	if e.End != "" {
		w = span(w, parseWhen(e.End, e.Precision))
	}
	group := w.Group
	if e.Planned {
		// Planned events keep their own group, after what did happen on
		// the same date.
		group += "p"
	}
	monthLabel := w.Year
	if w.Year == undatedKey {
		monthLabel = ""
	}
	if mw := parseWhen(w.Month, timeline.PrecisionMonth); mw.Precision == timeline.PrecisionMonth {
		monthLabel = mw.Label
	}
	prec := e.Precision
	if v, err := date.Parse(e.Date); err == nil && prec == timeline.PrecisionUnknown {
		// A date without its precision: the value's own.
		prec = v.Precision()
	}
	ed := eventData{
		ID: e.ID, Path: paths.path("events", e.ID),
		Date: e.Date, End: e.End, Precision: prec.String(), Planned: e.Planned,
		Label: w.Label, Short: shorten(cmp.Or(strings.TrimSpace(e.Summary), e.Text), titleLength), Datetime: w.Datetime,
		Year: w.Year, Month: w.Month, MonthLabel: monthLabel,
		Group:    group,
		PageDate: pageDate(w),
		Text:     e.Text, Parts: eventParts(e, articles),
		Type: strings.TrimSpace(e.Type), Places: names(e.Places), Actors: names(e.Actors),
		w: w,
	}
	ed.setBelief(e)
	ed.setEditor(e)
	for _, s := range e.Sources {
		sd := sourceData{Article: s.Article, Title: s.Title, URL: webURL(s.URL),
			Outlet: strings.TrimSpace(s.Outlet), Author: strings.TrimSpace(s.Author), Published: s.Published}
		aw := parseWhen(s.Anchor.Date, s.Anchor.Precision)
		sd.AnchorLabel = aw.Label
		sd.AnchorUncertain = anchorUncertain(s.Anchor.Date, s.Anchor.Precision, 0, false)
		if a := articles[s.Article]; a != nil {
			sd.Path = a.path
			sd.AnchorUncertain = a.uncertain
			if sd.Title == "" {
				sd.Title = a.Title
			}
			if sd.URL == "" {
				sd.URL = webURL(a.URL)
			}
			// What the event's source leaves out, its article may give.
			sd.Outlet = cmp.Or(sd.Outlet, outlet(a.Article))
			sd.Author = cmp.Or(sd.Author, strings.TrimSpace(a.Author))
			sd.Published = cmp.Or(sd.Published, a.Published)
		}
		sd.Published, sd.PublishedLabel, sd.PublishedDatetime = published(sd.Published)
		if sd.Title == "" {
			sd.Title = s.Article
		}
		if s.Timex.Text != "" {
			sd.TimexID = timexID(s.Timex.Start)
			sd.TimexText, sd.TimexValue = s.Timex.Text, s.Timex.Value
			sd.TimexLabel = describe(timex.Date, s.Timex.Value, "")
		}
		ed.Sources = append(ed.Sources, sd)
	}
	if ed.Sources == nil {
		ed.Sources = []sourceData{}
	}
	return ed
}

// setBelief fills what the site shows of the event's date belief: where
// the event goes, whether it is marked, and what the marks say. An event
// sits on its most likely date whatever its confidence; the marks only
// tell how sure that date is.
func (ed *eventData) setBelief(e timeline.Event) {
	ed.Confidence = round2(e.Confidence)
	ed.Inferred, ed.Stated, ed.Background = e.Inferred, e.Stated, e.Background
	ed.Reasons = nonNil(e.Reasons)
	dated := ed.w.Precision != timeline.PrecisionUnknown
	switch {
	case !dated:
		ed.Part = partUndated
	case e.Background:
		ed.Part = partBackground
	default:
		ed.Part = partChronology
	}
	if !dated {
		return
	}
	ed.Exact = e.Stated || (ed.w.Precision == timeline.PrecisionDay && !e.Inferred)
	switch {
	case e.Inferred:
		ed.Uncertain, ed.Badge = true, "likely"
	case !e.Stated && e.Confidence > 0 && e.Confidence < uncertainBelow:
		// A confidence of 0 is one nobody gave, not a sure error.
		ed.Uncertain, ed.Badge = true, "unsure"
	}
	first, errF := date.Parse(e.Earliest)
	last, errL := date.Parse(e.Latest)
	if errF == nil && errL == nil && first.Precision() == timeline.PrecisionDay && last.Precision() == timeline.PrecisionDay {
		ed.Earliest, ed.Latest = first.DayString(), last.DayString()
		if ed.Latest > ed.Earliest {
			ed.SpanLabel = span(dayWhen(first.First()), dayWhen(last.First())).Label
		}
	}
}

// setEditor fills what the site shows of the editor's hand: the
// summary, the verified mark and the fields set by hand.
func (ed *eventData) setEditor(e timeline.Event) {
	ed.Summary = strings.TrimSpace(e.Summary)
	if ed.Summary == strings.TrimSpace(e.Text) {
		// A hand-added event without a quote: its summary is its text,
		// shown once.
		ed.Summary = ""
	}
	ed.Verified = e.Verified
	if e.Verified {
		ed.VerifiedBy, ed.Note = strings.TrimSpace(e.VerifiedBy), strings.TrimSpace(e.Note)
	}
	ed.Edited = names(e.Edited)
	ed.Added = slices.Contains(ed.Edited, "added")
}

// outlet is the publisher an article names, or "" when its source is
// only the file it was read from (a plain-text article).
func outlet(a *Article) string {
	s := strings.TrimSpace(a.Source)
	if a.File != "" {
		// The pipeline names the file when the article names no outlet.
		if s == a.File {
			return ""
		}
		return s
	}
	if s == pinFile(&Article{Source: s}) {
		return ""
	}
	return s
}

// published reads a publication date (2016-08-07, 2016-08, 2016) and
// puts it in words; a value that does not read is dropped, not shown
// raw.
func published(v string) (value, label, datetime string) {
	d, err := date.Parse(strings.TrimSpace(v))
	if err != nil {
		return "", "", ""
	}
	w := parseWhen(d.String(), d.Precision())
	if w.Precision == timeline.PrecisionUnknown {
		return "", "", ""
	}
	return d.String(), w.Label, w.Datetime
}

// pinFile is the name an article's date is pinned under in config.toml:
// its file name. Without one, the source is taken when it reads as a
// file name (the pipeline falls back to the file name for it).
func pinFile(a *Article) string {
	if a.File != "" {
		return a.File
	}
	if path.Ext(a.Source) != "" && !strings.ContainsAny(a.Source, " /\\") {
		return a.Source
	}
	return ""
}

func markDating(paras [][]part, ids map[string]bool) [][]part {
	for _, para := range paras {
		for i := range para {
			para[i].Dating = para[i].ID != "" && ids[para[i].ID]
		}
	}
	return paras
}

// months are the months the chronology reports, each with a page;
// background and undated events have none.
func months(events []eventData) []monthData {
	var out []monthData
	for _, e := range events {
		if e.Part != partChronology || e.w.Precision == timeline.PrecisionYear {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Key == e.Month {
			out[n-1].Count++
			continue
		}
		out = append(out, monthData{Key: e.Month, Label: e.MonthLabel, Path: "months/" + e.Month, Year: e.Year, Count: 1})
	}
	for i := range out {
		if i > 0 {
			out[i].Prev = out[i-1].Path
		}
		if i+1 < len(out) {
			out[i].Next = out[i+1].Path
		}
	}
	if out == nil {
		out = []monthData{}
	}
	return out
}

// titleLength keeps titles to a line in a feed reader or a tab list.
const titleLength = 90

// shorten cuts s to at most n bytes at a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n+1], ' ') // a space right after n letters is a boundary too
	if cut <= 0 {
		// One long word: cut at a rune boundary.
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:.-–—") + "…"
}

func pageDate(w when) string {
	if w.Start.IsZero() {
		return ""
	}
	return w.Start.Format("2006-01-02T15:04:05Z07:00")
}

func round2(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

// names cleans a list of places or actors for taxonomy terms: no blanks,
// no repeats, the given order.
func names(list []string) []string {
	out := []string{}
	for _, n := range list {
		if n = strings.TrimSpace(n); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// webURL is u if it is a web address (http or https, with a host), else
// "": an article's link to its original reaches pages as a link, and a
// javascript: or data: URL there would be a script, whatever the
// template's escaping makes of it.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// pather makes page paths from ids: lower case letters, digits and
// dashes, because Hugo would otherwise rewrite them and the browser data
// must know the final file names. Two ids that collapse to the same slug
// get -2, -3, ... in input order.
type pather struct{ seen map[string]bool }

func newPather() *pather { return &pather{seen: map[string]bool{}} }

func (p *pather) path(section, id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		ok := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
		if !ok {
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	slug := b.String()
	if slug == "" {
		slug = "item"
	}
	base := section + "/" + slug
	path := base
	for n := 2; p.seen[path]; n++ {
		path = base + "-" + strconv.Itoa(n)
	}
	p.seen[path] = true
	return path
}
