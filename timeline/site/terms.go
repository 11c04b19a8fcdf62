package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/gohugoio/hugo/common/paths"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Terms without Hugo's taxonomies. With a page per event, Hugo's
// taxonomies (places, actors, types) list the event pages. Without them
// (see EventPages), events are no Hugo pages at all: a page object per
// event would cost a large timeline most of its build's memory and time
// only so that taxonomies could count it. Go then makes the terms here,
// as Hugo would have made them, and the content adapter adds their pages
// as ordinary pages at the very URLs Hugo's term pages had:
//
//   - a term's file name is Hugo's: the name lower-cased, spaces made
//     dashes, then sanitized (paths.Sanitize); names that give the same
//     file are one term ("Al Bab", "al Bab"), titled with the name the
//     last event in page path order gives it (Hugo takes whichever
//     spelling it meets first in a map, which varies between builds);
//   - a term lists its events in the timeline's order (their weight),
//     termPageSize to a page, page 2 on at <term>/page/2.html;
//   - each term page groups its events by year, month and date as
//     GroupByParam would (keys collated, events kept in order), in Go;
//   - the taxonomy page lists the terms alphabetically, by their
//     lower-cased title, collated as Hugo's Alphabetical does;
//   - an event's card names its terms as GetTerms would: in the
//     event's order.
//
// Collation follows English, Hugo's default language; a site of another
// language may order a few accented names differently from Hugo.

// TermPageSize is how many events a term's page lists before going on
// on a next page: the theme's termPageSize, unless the project's
// settings change it (see configure).
const TermPageSize = 100

// taxonomies are the timeline's, in the order cards show them.
var taxonomies = []struct{ plural, singular string }{{"types", "type"}, {"places", "place"}, {"actors", "actor"}}

// taxonomyData is one taxonomy (places) and its terms, alphabetically.
type taxonomyData struct {
	Plural   string     `json:"plural"`
	Singular string     `json:"singular"`
	Terms    []termData `json:"terms"`
}

// termData is one term and its pages.
type termData struct {
	Title string `json:"title"`
	// Href is its first page's URL from the site root, escaped as Hugo
	// escapes a page's link.
	Href  string     `json:"href"`
	Count int        `json:"count"`
	Pages []termPage `json:"pages"`

	slug   string // "places/aleppo": its file less .html
	events []int
	index  int // in its taxonomy's Terms
}

// termPage is one page of a term's events.
type termPage struct {
	// Path is the page's logical path in Hugo, File its file less
	// .html: places/aleppo, places/aleppo/page/2. Hugo's pages of a
	// term nest, which its logical paths must not.
	Path  string `json:"path"`
	File  string `json:"file"`
	Page  int    `json:"page"`
	Pages int    `json:"pages"`
	Prev  string `json:"prev,omitempty"` // hrefs from the site root
	Next  string `json:"next,omitempty"`
	// Years are its events, grouped as chronology.html shows them.
	Years []chronoYear `json:"years"`
}

// chronoYear, chronoMonth and groupData are a list of events grouped as
// GroupByParam groups pages by "year", "month" and "group": keys in
// order, events in theirs. First is the path of the first event, whose
// labels the heading shows.
type chronoYear struct {
	Key    string        `json:"key"`
	First  string        `json:"first"`
	Months []chronoMonth `json:"months"`
}

type chronoMonth struct {
	Key    string      `json:"key"`
	First  string      `json:"first"`
	Count  int         `json:"count"`
	Groups []groupData `json:"groups"`
}

// termRef is a term as an event's card links to it.
type termRef struct {
	Title string `json:"title"`
	Href  string `json:"href"`
}

// eventTerms are an event's terms, in the order its card shows them.
type eventTerms struct {
	Types  []termRef `json:"types,omitempty"`
	Places []termRef `json:"places,omitempty"`
	Actors []termRef `json:"actors,omitempty"`
}

// termSlug is the file, less .html, of a term's page as Hugo names it.
func termSlug(plural, name string) string {
	return plural + "/" + strings.ToLower(paths.Sanitize(paths.NormalizePathStringBasic(name)))
}

// termHref is a link to a page's file from the site root, escaped as
// Hugo escapes a page's link.
func termHref(file string) string {
	return paths.PathEscape(strings.ReplaceAll("/"+file+".html", "#", "%23"))
}

// eventNames are an event's names in a taxonomy.
func eventNames(e *eventData, plural string) []string {
	switch plural {
	case "types":
		if e.Type == "" {
			return nil
		}
		return []string{e.Type}
	case "places":
		return e.Places
	}
	return e.Actors
}

// newTaxonomies makes the terms of the events and sets each event's
// Terms and TermIndex; it needs the events' Href.
func newTaxonomies(events []eventData, pageSize int) []taxonomyData {
	coll := newCollator()
	logical := newPather()
	out := make([]taxonomyData, 0, len(taxonomies))
	refs := make([]eventTerms, len(events))
	index := make([][][]int, len(events))
	for k, tx := range taxonomies {
		terms, bySlug := collectTerms(events, tx.plural)
		slices.SortFunc(terms, func(a, b *termData) int {
			return cmp.Or(coll.CompareString(strings.ToLower(a.Title), strings.ToLower(b.Title)), strings.Compare(a.slug, b.slug))
		})
		td := taxonomyData{Plural: tx.plural, Singular: tx.singular, Terms: make([]termData, 0, len(terms))}
		for j, t := range terms {
			t.index = j
			t.Href = termHref(t.slug)
			t.Count = len(t.events)
			t.Pages = termPages(events, t, pageSize, logical, coll)
			td.Terms = append(td.Terms, *t)
		}
		out = append(out, td)
		setEventTerms(events, refs, index, k, bySlug, tx.plural)
	}
	for i := range events {
		if r := refs[i]; r.Types != nil || r.Places != nil || r.Actors != nil {
			events[i].Terms, events[i].TermIndex = &refs[i], index[i]
		}
	}
	return out
}

// collectTerms gathers a taxonomy's terms, each with its events in
// order; a term's title is the name the last event in page path order
// gives it, as in Hugo.
func collectTerms(events []eventData, plural string) ([]*termData, map[string]*termData) {
	bySlug := map[string]*termData{}
	var terms []*termData
	for i := range events {
		e := &events[i]
		for _, name := range eventNames(e, plural) {
			slug := termSlug(plural, name)
			if slug == plural+"/" {
				continue // nothing of the name is left for a file name
			}
			t := bySlug[slug]
			if t == nil {
				t = &termData{slug: slug}
				bySlug[slug] = t
				terms = append(terms, t)
			}
			if n := len(t.events); n == 0 || t.events[n-1] != i {
				t.events = append(t.events, i)
			}
		}
	}
	byPath := make([]int, len(events))
	for i := range byPath {
		byPath[i] = i
	}
	slices.SortFunc(byPath, func(a, b int) int { return strings.Compare(events[a].Path, events[b].Path) })
	for _, i := range byPath {
		for _, name := range eventNames(&events[i], plural) {
			if t := bySlug[termSlug(plural, name)]; t != nil {
				t.Title = name
			}
		}
	}
	return terms, bySlug
}

// termPages cuts a term's events into pages.
func termPages(events []eventData, t *termData, size int, logical *pather, coll *collate.Collator) []termPage {
	n := (len(t.events) + size - 1) / size
	out := make([]termPage, n)
	section, name, _ := strings.Cut(t.slug, "/")
	base := logical.path(section, name)
	for k := range out {
		p := &out[k]
		p.Page, p.Pages, p.Path, p.File = k+1, n, base, t.slug
		if k > 0 {
			p.Path = base + "-page-" + strconv.Itoa(k+1)
			p.File = t.slug + "/page/" + strconv.Itoa(k+1)
		}
		chunk := t.events[k*size : min((k+1)*size, len(t.events))]
		p.Years = chronology(events, chunk, coll)
	}
	for k := range out {
		if k > 0 {
			out[k].Prev = termHref(out[k-1].File)
		}
		if k+1 < n {
			out[k].Next = termHref(out[k+1].File)
		}
	}
	return out
}

// setEventTerms gives each event its terms of the taxonomy tax (its
// place in taxonomies) in the order Hugo's GetTerms gives them: the
// event's own, a name repeated under another spelling at its later
// place. index[i][tax] are their indexes among the taxonomy's terms.
func setEventTerms(events []eventData, refs []eventTerms, index [][][]int, tax int, bySlug map[string]*termData, plural string) {
	for i := range events {
		names := eventNames(&events[i], plural)
		last := map[*termData]int{}
		for k, name := range names {
			if t := bySlug[termSlug(plural, name)]; t != nil {
				last[t] = k
			}
		}
		var out []termRef
		for k, name := range names {
			if t := bySlug[termSlug(plural, name)]; t != nil && last[t] == k {
				out = append(out, termRef{Title: t.Title, Href: t.Href})
				index[i] = addTermIndex(index[i], tax, t.index)
			}
		}
		switch plural {
		case "types":
			refs[i].Types = out
		case "places":
			refs[i].Places = out
		default:
			refs[i].Actors = out
		}
	}
}

// addTermIndex adds term n of the taxonomy tax to an event's term
// indexes, which have a list, maybe empty, for every taxonomy.
func addTermIndex(index [][]int, tax, n int) [][]int {
	if index == nil {
		index = make([][]int, len(taxonomies))
		for k := range index {
			index[k] = []int{}
		}
	}
	index[tax] = append(index[tax], n)
	return index
}

// newCollator orders names and keys as Hugo does for the site's
// language (see the package's note on collation).
func newCollator() *collate.Collator { return collate.New(language.English) }

// chronology groups events (indexes, in order) by year, month and
// group as nested GroupByParam calls would: each level's keys sorted as
// Hugo sorts strings, collated ("2006-00-00~2010-00-00p" before
// "2006-00-00p"), the events of a key in their order.
func chronology(events []eventData, idx []int, coll *collate.Collator) []chronoYear {
	idx = slices.Clone(idx)
	slices.SortStableFunc(idx, func(a, b int) int {
		ea, eb := &events[a], &events[b]
		return cmp.Or(collateKeys(coll, ea.Year, eb.Year), collateKeys(coll, ea.Month, eb.Month), collateKeys(coll, ea.Group, eb.Group))
	})
	var out []chronoYear
	for _, i := range idx {
		e := &events[i]
		if n := len(out); n == 0 || out[n-1].Key != e.Year {
			out = append(out, chronoYear{Key: e.Year, First: e.Path})
		}
		y := &out[len(out)-1]
		if n := len(y.Months); n == 0 || y.Months[n-1].Key != e.Month {
			y.Months = append(y.Months, chronoMonth{Key: e.Month, First: e.Path})
		}
		m := &y.Months[len(y.Months)-1]
		m.Count++
		if n := len(m.Groups); n == 0 || m.Groups[n-1].Key != e.Group {
			m.Groups = append(m.Groups, groupData{Key: e.Group})
		}
		g := &m.Groups[len(m.Groups)-1]
		g.Events = append(g.Events, e.Path)
	}
	return out
}

// collateKeys compares two grouping keys as GroupByParam orders them.
func collateKeys(coll *collate.Collator, a, b string) int {
	if a == b {
		return 0
	}
	return coll.CompareString(a, b)
}
