package event

import (
	_ "embed"
	"fmt"
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
		Types []struct {
			Name     string   `toml:"name"`
			Keywords []string `toml:"keywords"`
		} `toml:"types"`
	}
	if _, err := toml.Decode(src, &file); err != nil {
		return nil, fmt.Errorf("types.toml: %w", err)
	}
	var out []eventType
	for _, t := range file.Types {
		if t.Name == "" || len(t.Keywords) == 0 {
			return nil, fmt.Errorf("types.toml: type %q needs a name and keywords", t.Name)
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
					return nil, fmt.Errorf("types.toml: type %q: keyword %q has an empty part", t.Name, k)
				}
				kw = append(kw, phrase)
			}
			et.keywords = append(et.keywords, kw)
		}
		out = append(out, et)
	}
	return out, nil
}

// typeOf is the first type, by precedence, with a keyword among the
// words of the first list that has any; OtherType when none has.
func typeOf(lists ...[]string) string {
	for _, words := range lists {
		for _, t := range eventTypes {
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
