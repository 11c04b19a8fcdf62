package event

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"conflict-timeline/timeline/article"
)

// gazetteerTOML is the default gazetteer, the same tables config.toml
// ships with, so that the program works without a config file.
//
//go:embed gazetteer.toml
var gazetteerTOML string

// DefaultGazetteer is the places and actors of the Syrian war that the
// program ships with: the [gazetteer] tables of the config.toml it comes
// with, embedded. Extract uses it when given an empty gazetteer.
func DefaultGazetteer() Gazetteer {
	var file struct {
		Gazetteer Gazetteer `toml:"gazetteer"`
	}
	if _, err := toml.Decode(gazetteerTOML, &file); err != nil {
		panic("gazetteer.toml: " + err.Error())
	}
	return file.Gazetteer
}

// IsZero reports whether the gazetteer names nothing, as when config.toml
// has no [gazetteer] tables.
func (g Gazetteer) IsZero() bool { return len(g.Places) == 0 && len(g.Actors) == 0 }

// Resolved is the gazetteer the extraction uses: the built-in one
// extended by g (an entry of g replaces the built-in entry of the same
// name), or g alone when it says replace.
func (g Gazetteer) Resolved() Gazetteer {
	if g.Replace {
		return g
	}
	d := DefaultGazetteer()
	return Gazetteer{Places: extend(d.Places, g.Places), Actors: extend(d.Actors, g.Actors)}
}

// extend is base with each entry of more in place of the entry of the
// same name, or after them all.
func extend(base, more []Entry) []Entry {
	out := slices.Clone(base)
	for _, e := range more {
		if i := slices.IndexFunc(out, func(b Entry) bool { return strings.EqualFold(b.Name, e.Name) }); i >= 0 {
			out[i] = e
		} else {
			out = append(out, e)
		}
	}
	return out
}

// Check reports the first mistake in the gazetteer: an entry without a
// name, an empty alias, or a name that two entries claim, which would
// make every mention of it ambiguous.
func (g Gazetteer) Check() error {
	if err := g.Types.Check(); err != nil {
		return err
	}
	if err := g.check(); err != nil || g.Replace {
		return err
	}
	if err := g.Resolved().check(); err != nil {
		return fmt.Errorf("with the built-in gazetteer (say replace = true to leave it out): %w", err)
	}
	return nil
}

func (g Gazetteer) check() error {
	type entryAt struct {
		kind string
		i    int
	}
	owner := map[string]entryAt{}
	for _, l := range []struct {
		kind    string
		entries []Entry
	}{{"places", g.Places}, {"actors", g.Actors}} {
		for i, e := range l.entries {
			if strings.TrimSpace(e.Name) == "" {
				return fmt.Errorf("[[gazetteer.%s]] number %d has no name", l.kind, i+1)
			}
			for _, a := range e.names() {
				if strings.TrimSpace(a) == "" {
					return fmt.Errorf("[[gazetteer.%s]] %q has an empty alias", l.kind, e.Name)
				}
				here := entryAt{l.kind, i}
				if o, ok := owner[a]; ok && o != here {
					other := g.Places
					if o.kind == "actors" {
						other = g.Actors
					}
					return fmt.Errorf("[[gazetteer.%s]] %q: %q is already a name of %q", l.kind, e.Name, a, other[o.i].Name)
				}
				owner[a] = here
			}
		}
	}
	return nil
}

// names are the entry's name and its aliases.
func (e Entry) names() []string { return append([]string{e.Name}, e.Aliases...) }

// finder finds the gazetteer's names in text.
//
// A name is found where it stands as words of its own, the longest name
// first: a name is taken where no name before it, in the order of names,
// was taken, so "Islamic State of Iraq and the Levant" is one actor, not
// "Islamic State" and more. The finder reads a text once, whatever the
// number of names: its forms are indexed by their first word, the run of
// letters and digits they start with, and at each word of the text only
// the forms that start with that word are tried. The hits are then taken
// in the order of names, as if each name were searched for through the
// whole text in turn.
type finder struct {
	// names are every name of every entry, longest first, so that the
	// longest name wins where several start or overlap.
	names []gazName
	// byWord are the forms by their first word: fold for those looked
	// for in the text folded to lower case, exact for the others.
	fold, exact map[string][]formRef
	// odd are the forms that start with no letter or digit, or are not
	// UTF-8: they are searched for through the whole text.
	odd []formRef
}

type gazName struct {
	entry string
	place bool
	// forms are how the name may be written: as given, and in capitals
	// throughout ("ALEPPO") unless it is as short as "US", "IS" and "UN",
	// which are words in capitals. A name in lower case matches in any
	// case: its one form is looked for in the text folded to lower case.
	forms []string
	fold  bool
}

// formRef is a form of a name: names[name].forms[form].
type formRef struct{ name, form int }

// minCaps is the length from which a name also matches in capitals.
const minCaps = 4

func newFinder(g Gazetteer) *finder {
	f := &finder{fold: map[string][]formRef{}, exact: map[string][]formRef{}}
	seen := map[string]bool{}
	add := func(entries []Entry, place bool) {
		for _, e := range entries {
			for _, n := range e.names() {
				n = strings.TrimSpace(n)
				if n == "" || seen[n] {
					continue // Check reports these; the first entry keeps the name
				}
				seen[n] = true
				gn := gazName{entry: e.Name, place: place, forms: []string{n}, fold: asciiLower(n) == n}
				if up := asciiUpper(n); !gn.fold && up != n && utf8.RuneCountInString(n) >= minCaps {
					gn.forms = append(gn.forms, up)
				}
				f.names = append(f.names, gn)
			}
		}
	}
	add(g.Places, true)
	add(g.Actors, false)
	sort.SliceStable(f.names, func(i, j int) bool { return len(f.names[i].forms[0]) > len(f.names[j].forms[0]) })
	for i, n := range f.names {
		for k, form := range n.forms {
			ref := formRef{i, k}
			w := firstWord(form)
			switch {
			case w == "" || !utf8.ValidString(form):
				f.odd = append(f.odd, ref)
			case n.fold:
				f.fold[w] = append(f.fold[w], ref)
			default:
				f.exact[w] = append(f.exact[w], ref)
			}
		}
	}
	return f
}

// firstWord is the run of letters and digits s starts with.
func firstWord(s string) string {
	for i, r := range s {
		if !isWordRune(r) {
			return s[:i]
		}
	}
	return s
}

// gazHit is a form of a name found at text[start:end].
type gazHit struct {
	start, end int
	ref        formRef
}

// find returns the places and actors named in the spans of text, each
// once, in the order they are first named.
func (f *finder) find(text string, spans []article.Span) (places, actors []string) {
	var hits, found []gazHit
	// taken marks the bytes the hits so far cover: whether a name is
	// free takes the time of its length, whatever the number of hits.
	taken := newCover(spans)
	for _, sp := range spans {
		in := text[sp.Start:sp.End]
		work.Add(int64(len(in)))
		found = f.occurrences(in, found[:0])
		// The hits of a span are taken name by name, each name's from the
		// left, where no hit before covers them.
		slices.SortFunc(found, func(a, b gazHit) int {
			return cmp.Or(cmp.Compare(a.ref.name, b.ref.name), cmp.Compare(a.ref.form, b.ref.form), cmp.Compare(a.start, b.start))
		})
		for _, h := range found {
			s, e := sp.Start+h.start, sp.Start+h.end
			if !taken.any(s, e) {
				hits = append(hits, gazHit{s, e, h.ref})
				taken.mark(s, e)
			}
		}
	}
	slices.SortFunc(hits, func(a, b gazHit) int { return cmp.Compare(a.start, b.start) })
	seen := map[string]bool{}
	for _, h := range hits {
		n := &f.names[h.ref.name]
		if seen[n.entry] {
			continue
		}
		seen[n.entry] = true
		if n.place {
			places = append(places, n.entry)
		} else {
			actors = append(actors, n.entry)
		}
	}
	return places, actors
}

// occurrences appends to out every place in where a form of a name
// stands as words of its own, taken or not.
func (f *finder) occurrences(in string, out []gazHit) []gazHit {
	// ASCII folding keeps byte offsets, which Unicode folding may not.
	folded := asciiLower(in)
	try := func(refs []formRef, hay string, s int) {
		for _, ref := range refs {
			form := f.names[ref.name].forms[ref.form]
			if strings.HasPrefix(hay[s:], form) && boundary(in, s, s+len(form)) {
				out = append(out, gazHit{s, s + len(form), ref})
			}
		}
	}
	for s := 0; s < len(in); {
		r, n := utf8.DecodeRuneInString(in[s:])
		if !isWordRune(r) {
			s += n
			continue
		}
		// A name that starts with a word starts with a whole word; try
		// checks it stands apart from the letters around it.
		e := s + len(firstWord(in[s:]))
		try(f.exact[in[s:e]], in, s)
		try(f.fold[folded[s:e]], folded, s)
		s = e
	}
	for _, ref := range f.odd {
		hay := in
		if f.names[ref.name].fold {
			hay = folded
		}
		form := f.names[ref.name].forms[ref.form]
		for off := 0; ; {
			k := strings.Index(hay[off:], form)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(form)
			off = s + 1
			if boundary(in, s, e) {
				out = append(out, gazHit{s, e, ref})
			}
		}
	}
	return out
}

// boundary reports whether in[s:e] stands as words of its own: no letter
// or digit right before or after it.
func boundary(in string, s, e int) bool {
	if r, _ := utf8.DecodeLastRuneInString(in[:s]); s > 0 && isWordRune(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(in[e:]); e < len(in) && isWordRune(r) {
		return false
	}
	return true
}

func asciiLower(s string) string { return asciiMap(s, 'A', 'Z', 'a'-'A') }
func asciiUpper(s string) string { return asciiMap(s, 'a', 'z', 'A'-'a') }

func asciiMap(s string, lo, hi byte, shift int) string {
	b := []byte(s)
	for i, c := range b {
		if lo <= c && c <= hi {
			b[i] = byte(int(c) + shift)
		}
	}
	return string(b)
}

// cover is a set of the bytes of a text, within some spans of it.
type cover struct {
	union []article.Span // the spans, overlapping ones joined, in order
	base  []int          // where each of union starts in bytes
	bytes []bool
}

func newCover(spans []article.Span) *cover {
	sorted := slices.Clone(spans)
	slices.SortFunc(sorted, func(a, b article.Span) int { return cmp.Compare(a.Start, b.Start) })
	c := &cover{}
	for _, s := range sorted {
		if n := len(c.union); n > 0 && s.Start <= c.union[n-1].End {
			c.union[n-1].End = max(c.union[n-1].End, s.End)
			continue
		}
		c.union = append(c.union, s)
	}
	size := 0
	for _, u := range c.union {
		c.base = append(c.base, size)
		size += u.End - u.Start
	}
	c.bytes = make([]bool, size)
	return c
}

// at is the bytes of text[s:e], which lies within one of the spans.
func (c *cover) at(s, e int) []bool {
	i, found := slices.BinarySearchFunc(c.union, s, func(u article.Span, at int) int { return cmp.Compare(u.Start, at) })
	if !found {
		i--
	}
	from := c.base[i] + s - c.union[i].Start
	return c.bytes[from : from+e-s]
}

// any reports whether a byte of text[s:e] is in the set.
func (c *cover) any(s, e int) bool { return slices.Contains(c.at(s, e), true) }

// mark puts the bytes of text[s:e] in the set.
func (c *cover) mark(s, e int) {
	b := c.at(s, e)
	for i := range b {
		b[i] = true
	}
}
