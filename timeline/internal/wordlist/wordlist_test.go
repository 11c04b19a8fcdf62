package wordlist

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	l, err := Parse("words.txt", "# comment\nstop a an\n\nstop the\nrange to -\n")
	if err != nil {
		t.Fatal(err)
	}
	want := Lists{"stop": {"a", "an", "the"}, "range": {"to", "-"}}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("got %v, want %v", l, want)
	}
	if s := l.Set("stop", "range"); len(s) != 5 || !s["the"] || !s["-"] {
		t.Errorf("Set: got %v", s)
	}
	if _, err := Parse("words.txt", "stop a\nlonely\n"); err == nil || err.Error() != `words.txt:2: list "lonely" has no words` {
		t.Errorf("want an error naming the line, got %v", err)
	}
}
