package event

import (
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/article"
)

func words(s string) []string { return lowerWords(s, article.Span{Start: 0, End: len(s)}) }

// typeOf is the type the index of types finds in the first of lists
// that names one.
func typeOf(types []eventType, lists ...[]string) string { return newTypeIndex(types).of(lists...) }

func TestTypeOf(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Russian warplanes launched air strikes on the outskirts of Aleppo.", "air or drone strike"},
		{"Rebels launched gas-filled rockets on a government-held area.", "chemical attack"},
		{"Chlorine gas had been used in the attack.", "chemical attack"},
		{"The army shelled the town with artillery.", "shelling"},
		{"ISIS claimed a suicide bombing on a bus.", "bombing"},
		{"Atomic bombs were dropped on Hiroshima.", "air or drone strike"},
		{"Two car bombs killed 12 soldiers.", "bombing"},
		{"The renewed fighting has killed more than 140 civilians.", "harm to civilians"},
		{"Barrels hit a hospital in Millis.", "harm to civilians"},
		{"Syrian troops repelled a rebel advance.", "battle"},
		{"The SDF said they had seized full control of Manbij.", "battle"},
		{"Rebels broke the government siege of Aleppo.", "battle"},
		{"The forces imposed a tight siege on eastern Aleppo.", "siege"},
		{"The UN Security Council is due to hold an informal meeting.", "diplomacy or ceasefire"},
		{"A truce proposal was rejected by the government.", "diplomacy or ceasefire"},
		{"The Kremlin said all five personnel had died.", "statement"},
		{"The war began with anti-government protests.", OtherType},
	}
	for _, tt := range tests {
		if got := typeOf(eventTypes, words(tt.text)); got != tt.want {
			t.Errorf("typeOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// The clause decides before the sentence: a later list is read only when
// the earlier ones name no type.
func TestTypeOfFallsBack(t *testing.T) {
	clause, sentence := words("positions they held a day earlier"), words("Troops repelled an advance, forcing rebels from positions they held a day earlier.")
	if got := typeOf(eventTypes, clause, sentence); got != "battle" {
		t.Errorf("typeOf = %q, want the sentence's battle", got)
	}
	if got := typeOf(eventTypes, words("the Kremlin said"), words("air strikes hit the city")); got != "statement" {
		t.Errorf("typeOf = %q, want the clause's statement", got)
	}
}

func TestKeywordGap(t *testing.T) {
	kw := func(s string) keyword {
		ts, err := parseTypes("[[types]]\nname = \"x\"\nkeywords = [\"" + s + "\"]")
		if err != nil {
			t.Fatal(err)
		}
		return ts[0].keywords[0]
	}
	tests := []struct {
		keyword, text string
		want          bool
	}{
		{"killed ... civilians", "killed civilians", true},
		{"killed ... civilians", "killed at least 32 unarmed civilians", true},
		{"killed ... civilians", "killed " + strings.Repeat("many ", maxGap+1) + "civilians", false},
		{"killed ... civilians", "civilians killed", false},
		{"air strike*", "air strikes", true},
		{"air strike*", "air striker", true},
		{"air strike*", "airstrikes", false},
		{"shell*", "Shellfire is constant", true},
	}
	for _, tt := range tests {
		if got := kw(tt.keyword).in(words(tt.text)); got != tt.want {
			t.Errorf("%q in %q = %v, want %v", tt.keyword, tt.text, got, tt.want)
		}
	}
}

func TestParseTypesErrors(t *testing.T) {
	for _, src := range []string{
		"[[types]]\nname = \"\"\nkeywords = [\"a\"]",
		"[[types]]\nname = \"x\"\nkeywords = []",
		"[[types]]\nname = \"x\"\nkeywords = [\"a ... \"]",
		"[[types]\n",
	} {
		if _, err := parseTypes(src); err == nil {
			t.Errorf("parseTypes(%q) accepted it", src)
		}
	}
}

// config.toml's [types] come first and take the place of a built-in
// type of the same name; replace keeps only them.
func TestConfigTypes(t *testing.T) {
	arrest := TypeDef{Name: "arrest", Keywords: []string{"arrest*", "detain*"}}
	battle := TypeDef{Name: "battle", Keywords: []string{"skirmish*"}}
	extended, err := Types{List: []TypeDef{arrest, battle}}.resolved()
	if err != nil {
		t.Fatal(err)
	}
	if got := typeOf(extended, words("Police arrested three men")); got != "arrest" {
		t.Errorf("an added type: %q", got)
	}
	if got := typeOf(extended, words("a skirmish near the town")); got != "battle" {
		t.Errorf("a type redefined: %q", got)
	}
	if got := typeOf(extended, words("warplanes carried out air strikes")); got != "air or drone strike" {
		t.Errorf("a built-in type kept: %q", got)
	}
	only, _ := Types{Replace: true, List: []TypeDef{arrest}}.resolved()
	if got := typeOf(only, words("warplanes carried out air strikes")); got != OtherType {
		t.Errorf("replace kept a built-in type: %q", got)
	}
	if names := (Types{Replace: true, List: []TypeDef{arrest}}).Names(); !slices.Equal(names, []string{"arrest", OtherType}) {
		t.Errorf("names %q", names)
	}
	if err := (Gazetteer{Types: Types{List: []TypeDef{{Name: "empty"}}}}).Check(); err == nil {
		t.Error("a type without keywords passed the check")
	}
}
