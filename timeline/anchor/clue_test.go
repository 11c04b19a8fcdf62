package anchor

import (
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline/timex"
)

func TestCalendarParts(t *testing.T) {
	tests := []struct {
		value   string
		y, m, d int
		ok      bool
	}{
		{"2016-08-07", 2016, 8, 7, true},
		{"XXXX-08-07", 0, 8, 7, true},
		{"2011-07-19TEV", 2011, 7, 19, true},
		{"2016-08", 2016, 8, 0, true},
		{"XXXX-04", 0, 4, 0, true},
		{"2016", 2016, 0, 0, true},
		{"2016-Q3", 2016, 0, 0, true},
		{"2016-W31", 2016, 0, 0, true},
		{"XXXX-WXX-2", 0, 0, 0, true},
		{"XXXX-XX-XX", 0, 0, 0, true},
		{"PAST_REF", 0, 0, 0, false},
		{"P3Y", 0, 0, 0, false},
		{"201", 0, 0, 0, false},
	}
	for _, tt := range tests {
		y, m, d, ok := calendarParts(tt.value)
		if y != tt.y || m != tt.m || d != tt.d || ok != tt.ok {
			t.Errorf("calendarParts(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", tt.value, y, m, d, ok, tt.y, tt.m, tt.d, tt.ok)
		}
	}
}

func TestSaysYearAndMonth(t *testing.T) {
	tests := []struct {
		words      string
		y, m, d    int
		year, mont bool
	}{
		{"November 21, 2016", 2016, 11, 21, true, true},
		{"November 21", 2016, 11, 21, false, true}, // the resolver took 2016 from the context
		{"8/7/16", 2016, 8, 7, true, true},
		{"summer of '16", 2016, 0, 0, true, false},
		{"Tuesday", 2011, 7, 26, false, false}, // dated from a date said before it
		{"6 a.m.", 0, 9, 12, false, false},
	}
	for _, tt := range tests {
		if got := saysYear(tt.words, tt.y); got != tt.year {
			t.Errorf("saysYear(%q, %d) = %v", tt.words, tt.y, got)
		}
		if got := saysMonth(tt.words, tt.m, tt.d); got != tt.mont {
			t.Errorf("saysMonth(%q, %d, %d) = %v", tt.words, tt.m, tt.d, got)
		}
	}
}

func TestIsStamp(t *testing.T) {
	tests := []struct {
		text, date string
		want       bool
	}{
		{"— UNICEF (@UNICEF) November 21, 2016\nMore text.", "November 21, 2016", true},
		{"wreckage in Idlib province, Syria August 1, 2016.", "August 1, 2016", true},
		{"November 21, 2016", "November 21, 2016", true},
		{"The bonds are due November 21, 2016.", "November 21, 2016", false},
		{"He was born on November 21, 2016, in Aleppo.", "November 21, 2016", false},
		{"Idlib, November 21, 2016", "November 21, 2016", false}, // a comma: running text
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, tt.date)
		if got := isStamp(tt.text, start, start+len(tt.date)); got != tt.want {
			t.Errorf("isStamp(%q) = %v", tt.text, got)
		}
	}
}

// The clues of short texts, as the real resolver finds them: the words
// around each expression decide its direction, and whether it is
// background, a deadline or part of the lead.
func TestReadClues(t *testing.T) {
	type want struct {
		words string
		kind  kind
		dir   direction
		bg    bool
		lead  bool
	}
	tests := []struct {
		name  string
		title string
		body  string
		want  []want
	}{
		{
			name: "a weekday told as past in the lead, one to come after it",
			body: "Rebels seized the town on Sunday. The council will meet on Monday.",
			want: []want{{"Sunday", kWeekday, reported, false, true}, {"Monday", kWeekday, announced, false, false}},
		},
		{
			name: "a background year, and a deadline",
			body: "The war has raged since 2011. Banks may open branches before Dec. 11, officials said.",
			want: []want{{"2011", kYear, reported, true, true}, {"Dec. 11", kMonthDay, announced, false, false}},
		},
		{
			name:  "the headline is part of the lead; a date said twice counts once",
			title: "Talks on Tuesday",
			body:  "Diplomats met in Geneva. They met on Tuesday, a spokesman said.",
			want:  []want{{"Tuesday", kWeekday, either, false, true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readClues(tt.title, tt.body, leadOf(tt.body, 0), timex.Resolve)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d clues %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.words != w.words || g.kind != w.kind || g.dir != w.dir || g.background != w.bg || g.lead != w.lead {
					t.Errorf("clue %d = %q kind %d dir %d bg %v lead %v; want %+v", i, g.words, g.kind, g.dir, g.background, g.lead, w)
				}
			}
		})
	}
}

func TestAssignRoles(t *testing.T) {
	c := func(y, m, d int, dir direction) clue {
		k := clue{year: y, month: m, day: d, dir: dir, kind: kDay}
		if d == 0 {
			k.kind = kYear
		}
		return k
	}
	tests := []struct {
		name  string
		clues []clue
		want  []role
	}{
		{"the latest past date is the nearest", []clue{c(2012, 0, 0, reported), c(2016, 11, 21, either), c(2013, 0, 0, reported)}, []role{bound, nearest, bound}},
		{"so is the earliest date to come after it", []clue{c(2016, 8, 1, reported), c(2017, 0, 0, announced), c(2016, 9, 1, announced)}, []role{nearest, bound, nearest}},
		{"a date to come before a past one is a misread tense", []clue{c(1992, 4, 1, announced), c(1996, 0, 0, reported)}, []role{bound, nearest}},
	}
	for _, tt := range tests {
		assignRoles(tt.clues)
		for i, w := range tt.want {
			if tt.clues[i].role != w {
				t.Errorf("%s: clue %d role %d, want %d", tt.name, i, tt.clues[i].role, w)
			}
		}
	}
}

func TestWordLists(t *testing.T) {
	for name, n := range map[string]int{"monday": 2, "behind": 3, "background": 1, "deadline": 4} {
		if len(lists[name]) != n {
			t.Errorf("list %q has %d words, want %d", name, len(lists[name]), n)
		}
	}
	if weekdayWords["tues"] != time.Tuesday || weekdayWords["sun"] != time.Sunday {
		t.Error("weekday abbreviations are not read")
	}
}
