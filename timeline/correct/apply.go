package correct

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
)

// Report says what applying the corrections did.
type Report struct {
	// Applied counts the corrections applied, Added the events added
	// and Hidden the events hidden.
	Applied, Added, Hidden int
	// Orphaned are the corrections whose event is not in the timeline:
	// its sentence is gone from its article, or no longer dated.
	Orphaned []Orphan
	// Errors are the entries left out, by file and line: an unknown ID,
	// a type not in the table, a merge that loops.
	Errors []error
}

// Orphan is a correction whose event is gone.
type Orphan struct {
	ID   string `json:"id"`
	Line int    `json:"line"`
}

// Fields the editor can set, as events.json's "edited" lists them.
const (
	EditedDate    = "date"
	EditedType    = "type"
	EditedPlaces  = "places"
	EditedActors  = "actors"
	EditedSummary = "summary"
	EditedMerge   = "merge"
	EditedAdded   = "added"
)

// Apply returns the timeline with the corrections applied, in
// chronological order again. types are the event types a correction may
// set. The timeline given is not changed.
func (f *File) Apply(tl timeline.Timeline, types []string) (timeline.Timeline, Report) {
	var rep Report
	if f == nil {
		return tl, rep
	}
	a := applier{file: f, types: types, rep: &rep, byID: map[string]int{}}
	a.events = slices.Clone(tl.Events)
	for i, e := range a.events {
		a.events[i].Sources = slices.Clone(e.Sources)
		a.byID[e.ID] = i
		for _, s := range e.Sources {
			if _, taken := a.byID[s.ID]; s.ID != "" && !taken {
				a.byID[s.ID] = i
			}
		}
	}
	good := a.check()
	gone := a.merge(good)
	for _, c := range good {
		a.apply(c, gone)
	}
	for _, add := range f.Adds {
		a.add(add, tl.Articles)
	}
	out := tl
	out.Events = out.Events[:0:0]
	for i, e := range a.events {
		if !gone[i] {
			out.Events = append(out.Events, e)
		}
	}
	sortEvents(out.Events)
	out.Hidden = rep.Hidden
	return out, rep
}

type applier struct {
	file   *File
	types  []string
	rep    *Report
	events []timeline.Event
	byID   map[string]int // event or source ID → index in events
}

func (a *applier) fail(line int, format string, args ...any) {
	a.rep.Errors = append(a.rep.Errors, &Error{Path: a.file.Path, Line: line, Err: fmt.Errorf(format, args...)})
}

// check keeps the corrections that can be applied, reporting the others.
func (a *applier) check() []Correction {
	var good []Correction
	for _, c := range a.file.Events {
		if _, ok := a.byID[c.ID]; !ok {
			a.rep.Orphaned = append(a.rep.Orphaned, Orphan{c.ID, c.Line})
			a.fail(c.Line, "events.%q: no event has this ID (orphaned: its sentence is gone from its article or no longer dated; see `timeline review`)", c.ID)
			continue
		}
		if c.Sets("type") && !slices.Contains(a.types, c.Type) {
			a.fail(c.Line, "events.%q: type %q is not one of the event types (%s)", c.ID, c.Type, strings.Join(a.types, ", "))
			continue
		}
		good = append(good, c)
	}
	return good
}

// merge joins into each event the events its correction names, and
// returns the events merged away. A merge of an unknown ID, of an event
// into itself, or one that loops back is reported and not done.
func (a *applier) merge(cs []Correction) map[int]bool {
	into := map[int]int{} // merged event → the event it joins
	line := map[int]int{}
	for _, c := range cs {
		to := a.byID[c.ID]
		for _, id := range c.Merge {
			from, ok := a.byID[id]
			switch {
			case !ok:
				a.fail(c.Line, "events.%q: merge: no event has the ID %q", c.ID, id)
			case from == to:
				a.fail(c.Line, "events.%q: merge: %q is this event itself", c.ID, id)
			case a.loops(into, from, to):
				a.fail(c.Line, "events.%q: merge: merging %q would loop back to this event", c.ID, id)
			default:
				if prev, dup := into[from]; dup && prev != to {
					a.fail(c.Line, "events.%q: merge: %q is merged into another event already (line %d)", c.ID, id, line[from])
					continue
				}
				into[from], line[from] = to, c.Line
			}
		}
	}
	gone := map[int]bool{}
	for _, from := range slices.Sorted(maps.Keys(into)) {
		to := root(into, from)
		e := &a.events[to]
		src := a.events[from]
		e.Sources = append(e.Sources, src.Sources...)
		e.Places, e.Actors = union(e.Places, src.Places), union(e.Actors, src.Actors)
		e.Edited = addEdited(e.Edited, EditedMerge)
		gone[from] = true
	}
	return gone
}

// loops reports whether joining from into to makes a cycle.
func (a *applier) loops(into map[int]int, from, to int) bool {
	for seen := 0; seen <= len(into); seen++ {
		next, ok := into[to]
		if !ok {
			return false
		}
		if next == from {
			return true
		}
		to = next
	}
	return true
}

func root(into map[int]int, i int) int {
	for n := 0; n <= len(into); n++ {
		next, ok := into[i]
		if !ok {
			break
		}
		i = next
	}
	return i
}

// apply sets the fields of one correction.
func (a *applier) apply(c Correction, gone map[int]bool) {
	i := a.byID[c.ID]
	if gone[i] {
		a.fail(c.Line, "events.%q: this event is merged into another; correct that one instead", c.ID)
		return
	}
	e := &a.events[i]
	a.rep.Applied++
	if c.Hide {
		gone[i] = true
		a.rep.Hidden++
		return
	}
	where := fmt.Sprintf("%s:%d", filepath.Base(a.file.Path), c.Line)
	if c.Sets("date") {
		setDate(e, c.Date, c.Through)
		e.Reasons = []string{"set by hand in " + where}
		e.Edited = addEdited(e.Edited, EditedDate)
	}
	if c.Sets("type") {
		e.Type, e.Edited = c.Type, addEdited(e.Edited, EditedType)
	}
	if c.Sets("places") {
		e.Places, e.Edited = nonNil(c.Places), addEdited(e.Edited, EditedPlaces)
	}
	if c.Sets("actors") {
		e.Actors, e.Edited = nonNil(c.Actors), addEdited(e.Edited, EditedActors)
	}
	if c.Sets("summary") {
		e.Summary, e.Edited = c.Summary, addEdited(e.Edited, EditedSummary)
	}
	if c.Verified {
		e.Verified, e.VerifiedBy, e.Note = true, c.By, c.Note
	}
}

// setDate dates an event by hand: as sure as the editor, and no longer
// inferred.
func setDate(e *timeline.Event, from, through date.Value) {
	e.Date, e.End = from.String(), ""
	if through != from {
		e.End = through.String()
	}
	e.Precision = min(from.Precision(), through.Precision())
	e.Confidence, e.Inferred = 1, false
	e.Earliest, e.Latest = from.DayString(), through.LastDayString()
}

// add makes an event written by hand.
func (a *applier) add(x Addition, articles []timeline.Source) {
	if x.Type != "" && !slices.Contains(a.types, x.Type) {
		a.fail(x.Line, "[[add]]: type %q is not one of the event types (%s)", x.Type, strings.Join(a.types, ", "))
		return
	}
	e := timeline.Event{
		ID: x.ID(), Summary: x.Summary, Text: cmp.Or(x.Quote, x.Summary),
		Type: cmp.Or(x.Type, "other"), Places: nonNil(x.Places), Actors: nonNil(x.Actors),
		Stated: true, Edited: []string{EditedAdded},
		Reasons: []string{fmt.Sprintf("added by hand in %s:%d", filepath.Base(a.file.Path), x.Line)},
	}
	setDate(&e, x.Date, x.Through)
	e.Sources = []timeline.Source{sourceOf(x, articles)}
	a.events = append(a.events, e)
	a.rep.Added++
}

// sourceOf is an added event's source: an article of the timeline named
// by its file name, or a web page.
func sourceOf(x Addition, articles []timeline.Source) timeline.Source {
	src := timeline.Source{ID: x.ID(), Title: x.Source}
	if x.Quote != "" {
		src.Sentence = timeline.SourceSpan{Text: x.Quote}
	}
	if u, err := url.Parse(x.Source); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		src.URL, src.Title = x.Source, u.Host
		return src
	}
	for _, art := range articles {
		if art.File == x.Source || art.Article == x.Source {
			src.Article, src.Title, src.URL = art.Article, art.Title, art.URL
			return src
		}
	}
	return src
}

// sortEvents puts events back in chronological order: by first day,
// the longer first, undated last; events of one date keep the order
// the extraction gave them.
func sortEvents(events []timeline.Event) {
	slices.SortStableFunc(events, func(p, q timeline.Event) int {
		a, _ := date.Parse(p.Date)
		b, _ := date.Parse(q.Date)
		return a.Compare(b)
	})
}

func addEdited(edited []string, field string) []string {
	if slices.Contains(edited, field) {
		return edited
	}
	return append(edited, field)
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
