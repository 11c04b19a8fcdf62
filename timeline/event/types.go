package event

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed types.toml
var typesTOML string

// OtherType is the type of an event none of the keywords of types.toml
// describe.
const OtherType = "other"

// eventTypes are the types of types.toml, in order of precedence.
var eventTypes = mustTypes(typesTOML)

// maxGap is how many words "..." in a keyword stands for at most.
const maxGap = 6

type eventType struct {
	name     string
	keywords []keyword
}

// keyword is a phrase ("air strike*"), or phrases that must come in this
// order with a few words between them ("killed ... civilians").
type keyword [][]wordPattern

// wordPattern is one word of a keyword; prefix lets the word go on.
type wordPattern struct {
	word   string
	prefix bool
}

func (p wordPattern) matches(w string) bool {
	if p.prefix {
		return strings.HasPrefix(w, p.word)
	}
	return w == p.word
}

func mustTypes(src string) []eventType {
	t, err := parseTypes(src)
	if err != nil {
		panic(err)
	}
	return t
}

func parseTypes(src string) ([]eventType, error) {
	var file struct {
		Types []TypeDef `toml:"types"`
	}
	if _, err := toml.Decode(src, &file); err != nil {
		return nil, fmt.Errorf("types.toml: %w", err)
	}
	return compileTypes("types.toml", file.Types)
}

// Types are event types set in config.toml:
//
//	[types]
//	replace = false          # true: only the types below
//	[[types.list]]
//	name = "arrest"
//	keywords = ["arrest*", "detain*"]
//
// They come before the built-in types (types.toml), and a type of the
// same name takes the built-in one's place.
type Types struct {
	Replace bool      `toml:"replace"`
	List    []TypeDef `toml:"list"`
}

// TypeDef is one event type: its name, and the keywords that give it.
// A keyword is a phrase whose words may end in * to go on ("shell*"),
// or phrases joined by "..." with a few words between them ("killed
// ... civilians").
type TypeDef struct {
	Name     string   `toml:"name"`
	Keywords []string `toml:"keywords"`
}

// resolved are the types the extraction uses.
func (t Types) resolved() ([]eventType, error) {
	if len(t.List) == 0 && !t.Replace {
		return eventTypes, nil
	}
	own, err := compileTypes("[types]", t.List)
	if err != nil || t.Replace {
		return own, err
	}
	out := slices.Clone(own)
	for _, b := range eventTypes {
		if !slices.ContainsFunc(own, func(o eventType) bool { return strings.EqualFold(o.name, b.name) }) {
			out = append(out, b)
		}
	}
	return out, nil
}

// Check reports the first mistake in the types: one without a name or
// keywords, an empty keyword.
func (t Types) Check() error {
	_, err := t.resolved()
	return err
}

// Names are the names of the types the extraction uses, by precedence,
// the catch-all "other" last.
func (t Types) Names() []string {
	types, err := t.resolved()
	if err != nil {
		types = eventTypes
	}
	names := make([]string, 0, len(types)+1)
	for _, et := range types {
		names = append(names, et.name)
	}
	return append(names, OtherType)
}

func compileTypes(where string, defs []TypeDef) ([]eventType, error) {
	var out []eventType
	for _, t := range defs {
		if t.Name == "" || len(t.Keywords) == 0 {
			return nil, fmt.Errorf("%s: type %q needs a name and keywords", where, t.Name)
		}
		et := eventType{name: t.Name}
		for _, k := range t.Keywords {
			var kw keyword
			for _, part := range strings.Split(strings.ToLower(k), "...") {
				var phrase []wordPattern
				for _, f := range strings.Fields(part) {
					w, prefix := strings.CutSuffix(f, "*")
					phrase = append(phrase, wordPattern{w, prefix})
				}
				if len(phrase) == 0 {
					return nil, fmt.Errorf("%s: type %q: keyword %q has an empty part", where, t.Name, k)
				}
				kw = append(kw, phrase)
			}
			et.keywords = append(et.keywords, kw)
		}
		out = append(out, et)
	}
	return out, nil
}

// typeIndex finds the first type, by precedence, with a keyword among
// some words. Its keywords are indexed by their first word: at each word
// it tries only those that can start there, so the time it takes grows
// with the words, not with the number of keywords. A first word that is
// a whole word is looked up as it is; one that goes on ("shell*") by its
// first prefixLen bytes, or, shorter than that, tried at every word.
type typeIndex struct {
	types  []eventType
	exact  map[string][]typeKeyword
	prefix map[string][]typeKeyword
	short  []typeKeyword
}

// typeKeyword is a keyword and the precedence of its type: the index of
// the type among the types. Each list of the index is in precedence
// order.
type typeKeyword struct {
	rank int
	kw   keyword
}

// prefixLen is how many bytes of a word going on index it.
const prefixLen = 3

func newTypeIndex(types []eventType) *typeIndex {
	x := &typeIndex{types: types, exact: map[string][]typeKeyword{}, prefix: map[string][]typeKeyword{}}
	for rank, t := range types {
		for _, k := range t.keywords {
			tk, first := typeKeyword{rank, k}, k[0][0]
			switch {
			case !first.prefix:
				x.exact[first.word] = append(x.exact[first.word], tk)
			case len(first.word) >= prefixLen:
				x.prefix[first.word[:prefixLen]] = append(x.prefix[first.word[:prefixLen]], tk)
			default:
				x.short = append(x.short, tk)
			}
		}
	}
	return x
}

// of is the first of the types, by precedence, with a keyword among the
// words of the first list that has any; OtherType when none has.
func (x *typeIndex) of(lists ...[]string) string {
	for _, words := range lists {
		if name, ok := x.in(words); ok {
			return name
		}
	}
	return OtherType
}

// in is the first of the types, by precedence, with a keyword among
// words (lower case); ok is false when none has.
func (x *typeIndex) in(words []string) (name string, ok bool) {
	best := len(x.types) // the rank of the best type found so far
	for i, w := range words {
		best = firstAt(x.exact[w], words, i, best)
		if len(w) >= prefixLen {
			best = firstAt(x.prefix[w[:prefixLen]], words, i, best)
		}
		best = firstAt(x.short, words, i, best)
		if best == 0 {
			break
		}
	}
	if best == len(x.types) {
		return "", false
	}
	return x.types[best].name, true
}

// firstAt is the rank of the first of kws, in precedence order, that
// occurs at words[i] and comes before best; else best.
func firstAt(kws []typeKeyword, words []string, i, best int) int {
	for _, tk := range kws {
		if tk.rank >= best {
			break
		}
		if tk.kw.at(words, i) {
			return tk.rank
		}
	}
	return best
}

// at reports whether the keyword occurs starting at words[i]: its first
// phrase there, each further one within maxGap words of the one before.
func (k keyword) at(words []string, i int) bool {
	if !phraseAt(k[0], words, i) {
		return false
	}
	next := i + len(k[0])
	for _, phrase := range k[1:] {
		found := false
		for j := next; j <= next+maxGap && j < len(words); j++ {
			if phraseAt(phrase, words, j) {
				next, found = j+len(phrase), true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func phraseAt(phrase []wordPattern, words []string, i int) bool {
	if i+len(phrase) > len(words) {
		return false
	}
	for j, p := range phrase {
		if !p.matches(words[i+j]) {
			return false
		}
	}
	return true
}
