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

// typeOf is the first of types, by precedence, with a keyword among the
// words of the first list that has any; OtherType when none has.
func typeOf(types []eventType, lists ...[]string) string {
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
