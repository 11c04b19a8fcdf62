package event

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/config"
)

func TestFind(t *testing.T) {
	f := newFinder(DefaultGazetteer())
	tests := []struct {
		text           string
		places, actors []string
	}{
		{"Syrian troops repelled a rebel advance near Aleppo.", []string{"Aleppo"}, []string{"Syrian government forces", "rebels"}},
		// The longest name wins: one actor, not "Islamic State" and more.
		{"the Islamic State of Iraq and the Levant (ISIL, also known as ISIS) group", nil, []string{"Islamic State"}},
		// "US" and "IS" are names only in capitals.
		{"Let us see what is left of the US-backed force.", nil, []string{"United States"}},
		{"IS fighters fled.", nil, []string{"Islamic State"}},
		// A name in lower case matches at the start of a sentence too.
		{"Regime forces advanced.", nil, []string{"Syrian government forces"}},
		// A capitalized name matches in capitals throughout...
		{"ALEPPO – Syrian troops", []string{"Aleppo"}, []string{"Syrian government forces"}},
		// ...but not in lower case.
		{"the aleppo soap", nil, nil},
		// Word boundaries: no name inside another word.
		{"Homsville and Hamas and Alepposhire", nil, nil},
		{"near the Atmeh border crossing with Turkey", []string{"Atmeh", "Turkish border"}, nil},
		{"Jaish al-Fath, headed by Ahrar al-Sham and Jabhat Fatah al Sham, the former Nusra Front", nil,
			[]string{"Jaish al-Fateh", "Ahrar al-Sham", "Jabhat Fateh al-Sham"}},
		{"The Syria Democratic Forces (SDF) seized Manbij.", []string{"Manbij"}, []string{"Syrian Democratic Forces"}},
	}
	for _, tt := range tests {
		places, actors := f.find(tt.text, []article.Span{{Start: 0, End: len(tt.text)}})
		if !slices.Equal(places, tt.places) || !slices.Equal(actors, tt.actors) {
			t.Errorf("find(%q) = %q, %q; want %q, %q", tt.text, places, actors, tt.places, tt.actors)
		}
	}
}

// The same name in two spans of one event is listed once, and names are
// listed in the order the text first gives them.
func TestFindOrderAndSpans(t *testing.T) {
	f := newFinder(DefaultGazetteer())
	text := "Idlib and Aleppo. Then Aleppo and Homs."
	places, _ := f.find(text, []article.Span{{Start: 18, End: len(text)}, {Start: 0, End: 17}})
	if want := []string{"Idlib", "Aleppo", "Homs"}; !slices.Equal(places, want) {
		t.Errorf("places %q, want %q", places, want)
	}
}

func TestDefaultGazetteer(t *testing.T) {
	g := DefaultGazetteer()
	if err := g.Check(); err != nil {
		t.Fatal(err)
	}
	names := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Name)
		}
		return out
	}
	for _, want := range []string{"Aleppo", "Idlib", "Homs", "Damascus", "Raqqa", "Manbij", "Saraqeb", "Deraa", "Ghouta", "Masaken Hanano", "Ramousah", "Atmeh", "Palmyra", "Kobani", "Hama", "Latakia", "Deir ez-Zor"} {
		if !slices.Contains(names(g.Places), want) {
			t.Errorf("no place %q", want)
		}
	}
	for _, want := range []string{"Syrian government forces", "Russia", "rebels", "Jabhat Fateh al-Sham", "Jaish al-Fateh", "Ahrar al-Sham", "Islamic State", "Syrian Democratic Forces", "YPG", "Hezbollah", "United States", "United Nations", "Red Cross"} {
		if !slices.Contains(names(g.Actors), want) {
			t.Errorf("no actor %q", want)
		}
	}
}

// config.toml ships the same gazetteer as the embedded default, so that
// the program reads the same names with or without it.
func TestConfigGazetteerIsTheDefault(t *testing.T) {
	cfg, err := config.Load("../../config.toml", false)
	if err != nil {
		t.Fatal(err)
	}
	var g Gazetteer
	if err := cfg.Table("gazetteer", &g); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, DefaultGazetteer()) {
		t.Error("config.toml's [gazetteer] differs from gazetteer.toml: copy one onto the other")
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		g    Gazetteer
		err  string // "" for none
	}{
		{"fine", Gazetteer{Places: []Entry{{Name: "Aleppo", Aliases: []string{"Halab"}}}}, ""},
		{"no name", Gazetteer{Places: []Entry{{Aliases: []string{"Halab"}}}}, "no name"},
		{"empty alias", Gazetteer{Actors: []Entry{{Name: "UN", Aliases: []string{" "}}}}, "empty alias"},
		{"two entries of one name", Gazetteer{Places: []Entry{{Name: "Hama"}, {Name: "Hama"}}}, `"Hama" is already a name of "Hama"`},
		{"a name claimed twice", Gazetteer{
			Places: []Entry{{Name: "Damascus"}},
			Actors: []Entry{{Name: "Syrian government forces", Aliases: []string{"Damascus"}}},
		}, `"Damascus" is already a name of "Damascus"`},
	}
	for _, tt := range tests {
		err := tt.g.Check()
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: Check() = %v, want %q", tt.name, err, tt.err)
		}
	}
}
