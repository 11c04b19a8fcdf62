package event

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/article"
)

// The type index and the gazetteer's finder read a text once, whatever
// the number of keywords and names. These tests check them against the
// plain matchers they stand for: every keyword tried at every word, every
// name searched for through the whole text.

// typeOfPlain is the type index's of as it was: every keyword of every
// type, by precedence, tried at every word of a list.
func typeOfPlain(types []eventType, lists ...[]string) string {
	for _, words := range lists {
		for _, t := range types {
			for _, k := range t.keywords {
				if k.in(words) {
					return t.name
				}
			}
		}
	}
	return OtherType
}

// in reports whether the keyword occurs in words (lower case).
func (k keyword) in(words []string) bool {
	for i := range words {
		if k.at(words, i) {
			return true
		}
	}
	return false
}

// sentenceVocab are words of news on the war, words of the built-in
// keywords and words that start like them.
var sentenceVocab = []string{
	"rebels", "shelled", "shell", "shelling", "she", "aleppo", "killed", "civilians", "civilian", "air", "strike",
	"strikes", "striker", "airstrikes", "bomb", "bombs", "dropped", "barrel", "car", "the", "a", "of", "on",
	"monday", "said", "says", "told", "talks", "siege", "besieged", "cut", "off", "took", "control", "gas",
	"attack", "attacks", "chemical", "children", "were", "in", "hospital", "aid", "convoy", "is", "us", "un",
	"x", "ex", "execute", "executed", "call", "calls", "ca", "pu", "push", "pushed", "forward", "broke",
	"through", "front", "lines", "mines", "mine", "ied", "ieds", "peace", "security", "council", "fighter",
	"jets", "jet", "drone", "drones", "war", "plane", "planes", "warplanes", "é", "ar", "arr", "arrested",
}

// testTypes are the built-in types behind types of config.toml's kind,
// with short prefixes ("ca*", "x*"), phrases and gaps, and last a type
// whose keyword is any word ("*").
func testTypes(t *testing.T) []eventType {
	t.Helper()
	own := Types{List: []TypeDef{
		{Name: "arrest", Keywords: []string{"arr*", "detain*", "ca* ... us"}},
		{Name: "battle", Keywords: []string{"x*", "the ... of ... monday"}},
	}}
	types, err := own.resolved()
	if err != nil {
		t.Fatal(err)
	}
	last, err := compileTypes("test", []TypeDef{{Name: "last", Keywords: []string{"*", "é*"}}})
	if err != nil {
		t.Fatal(err)
	}
	return append(types, last...)
}

// TestTypeIndexAsPlain compares the type index with every keyword tried
// at every word, on random sentences, with the built-in types and with
// types that extend them.
func TestTypeIndexAsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, types := range [][]eventType{eventTypes, testTypes(t)} {
		x := newTypeIndex(types)
		for range 20000 {
			var lists [][]string
			for range 1 + rng.IntN(2) {
				var ws []string
				for range rng.IntN(20) {
					ws = append(ws, sentenceVocab[rng.IntN(len(sentenceVocab))])
				}
				lists = append(lists, ws)
			}
			if got, want := x.of(lists...), typeOfPlain(types, lists...); got != want {
				t.Fatalf("%q: %q, want %q", lists, got, want)
			}
		}
	}
}

// namePieces are bits of text to make sentences of: names of the test
// gazetteer in their cases, parts of them, words around them, marks and
// broken UTF-8.
var namePieces = []string{
	"Aleppo", "ALEPPO", "aleppo", "east Aleppo", "East Aleppo", "Halab", "Idlib", "Islamic State", "ISLAMIC STATE",
	"IS", "is", "ISIS", "State", "state", "rebels", "Rebels", "REBELS", "rebel", "al-Nusra", "Al-Nusra", "AL-NUSRA",
	"(SDF)", "SDF", "Kafr", "Nabl", "Kafr Nabl", "Kafr Nabl's", "Émir", "émir", "ÉMIR", "Dar'a", "Daraa", "24", "2016",
	" ", " ", " ", ", ", "-", "'", "’", "(", ")", ".", "x", "é", "\u00a0", "\xc3", "\xa9", "\xff", "\n",
}

// testGazetteer has names that overlap and nest, names in lower case,
// names that start with a mark or hold a broken UTF-8 sequence, short
// names in capitals, a name that starts with a digit.
func testGazetteer() Gazetteer {
	return Gazetteer{
		Places: []Entry{
			{Name: "Aleppo", Aliases: []string{"east Aleppo", "Halab"}}, {Name: "Idlib"},
			{Name: "Kafr Nabl", Aliases: []string{"Nabl"}}, {Name: "Daraa", Aliases: []string{"Dar'a"}},
			{Name: "Émir"}, {Name: "24 Street"}, {Name: "x\xc3"},
		},
		Actors: []Entry{
			{Name: "Islamic State", Aliases: []string{"IS", "ISIS", "State"}}, {Name: "rebels", Aliases: []string{"rebel"}},
			{Name: "Nusra Front", Aliases: []string{"al-Nusra", "Nusra"}}, {Name: "Syrian Democratic Forces", Aliases: []string{"(SDF)", "SDF"}},
			{Name: "Kafr"}, {Name: "east", Aliases: []string{"é"}},
		},
	}
}

// TestFinderAsPlain compares the finder with every name searched for
// through the whole text, on random texts of names and bits of them, in
// random spans, with the test gazetteer and with the built-in one.
func TestFinderAsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	// Nested names with their aliases ("east Aleppo", "IS" in "ISIS"),
	// the built-in gazetteer, and many names.
	nested := Gazetteer{
		Places: []Entry{{Name: "Aleppo", Aliases: []string{"east Aleppo", "Halab"}}, {Name: "Idlib"}},
		Actors: []Entry{{Name: "Islamic State", Aliases: []string{"IS", "ISIS", "State"}}, {Name: "rebels"}},
	}
	for _, g := range []Gazetteer{nested, testGazetteer(), DefaultGazetteer(), manyNames(200)} {
		f := newFinder(g)
		pieces := namePieces
		for _, n := range f.names[:min(len(f.names), 40)] {
			pieces = append(pieces, n.forms...)
		}
		for range 5000 {
			var sb strings.Builder
			for range rng.IntN(40) {
				sb.WriteString(pieces[rng.IntN(len(pieces))])
				if rng.IntN(3) == 0 {
					sb.WriteString(" ")
				}
			}
			text := sb.String()
			var spans []article.Span
			for range 1 + rng.IntN(3) {
				s := rng.IntN(len(text) + 1)
				spans = append(spans, article.Span{Start: s, End: s + rng.IntN(len(text)-s+1)})
			}
			p, a := f.find(text, spans)
			wp, wa := findPairwise(f, text, spans)
			if !slices.Equal(p, wp) || !slices.Equal(a, wa) {
				t.Fatalf("%q %v: %q %q, want %q %q", text, spans, p, a, wp, wa)
			}
		}
	}
}

// FuzzFinder checks the finder against the plain search on any text, in
// one span or two, with the test gazetteer.
func FuzzFinder(f *testing.F) {
	for _, s := range []string{"Rebels shelled east Aleppo (SDF) and ISIS", "Kafr Nabl's IS fighters", "x\xc3\xa9 Émir", "24 Street"} {
		f.Add(s, uint16(0), uint16(len(s)))
	}
	fd := newFinder(testGazetteer())
	f.Fuzz(func(t *testing.T, text string, a, b uint16) {
		cut := min(int(a), len(text))
		spans := []article.Span{{Start: cut, End: len(text)}, {Start: 0, End: min(int(b), cut)}}
		p, ac := fd.find(text, spans)
		wp, wa := findPairwise(fd, text, spans)
		if !slices.Equal(p, wp) || !slices.Equal(ac, wa) {
			t.Fatalf("%q %v: %q %q, want %q %q", text, spans, p, ac, wp, wa)
		}
	})
}

// FuzzTypeIndex checks the type index against every keyword tried at
// every word, on the words of any text.
func FuzzTypeIndex(f *testing.F) {
	for _, s := range []string{"Rebels shelled Aleppo", "air strikes killed 12 civilians", "the town of Manbij on Monday"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, types := range [][]eventType{eventTypes, testTypes(t)} {
			ws := words(text)
			if got, want := newTypeIndex(types).of(ws), typeOfPlain(types, ws); got != want {
				t.Fatalf("%q: %q, want %q", ws, got, want)
			}
		}
	})
}

// TestReadingAsTokenize checks that the tokens of a sentence read once,
// taken clause by clause, are what tokenize reads in each clause and in
// each run of clauses.
func TestReadingAsTokenize(t *testing.T) {
	pieces := []string{"rebels", "Aleppo", "which", "since", "forcing", "after", "and", "but", ",", ";", " - ", "-",
		" ", "  ", "'", "’", "rebel-held", "Assad's", "(", "é", "\u00a0", "\xe2\x80", "\xff", "2016", "x"}
	rng := rand.New(rand.NewPCG(35, 36))
	for range 5000 {
		var sb strings.Builder
		for range rng.IntN(40) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		s := article.Span{Start: rng.IntN(len(text)/2 + 1)}
		s.End = s.Start + rng.IntN(len(text)-s.Start+1)
		rd := read(text, s)
		cls := clauses(text, s)
		for i := range cls {
			for j := i; j < len(cls); j++ {
				span := article.Span{Start: cls[i].Start, End: cls[j].End}
				toks, keys := rd.in(span)
				want := tokenize(text, span.Start, span.End)
				if !slices.Equal(toks, want) || !slices.Equal(keys, keysOf(want)) {
					t.Fatalf("%q %v: %+v, want %+v", text, span, toks, want)
				}
			}
		}
	}
}
