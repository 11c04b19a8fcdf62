package anchor

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
)

//go:embed words.txt
var wordsText string

// lists are the word lists of words.txt by name.
var lists = mustLists(wordsText)

func mustLists(src string) map[string][]string {
	l, err := parseLists(src)
	if err != nil {
		panic(err)
	}
	return l
}

// parseLists reads "name word word ..." lines; # starts a comment line.
func parseLists(src string) (map[string][]string, error) {
	out := map[string][]string{}
	for i, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("words.txt:%d: list %q has no words", i+1, f[0])
		}
		out[f[0]] = append(out[f[0]], f[1:]...)
	}
	return out, nil
}

// set makes a look-up table of the named lists.
func set(names ...string) map[string]bool {
	s := map[string]bool{}
	for _, n := range names {
		for _, w := range lists[n] {
			s[w] = true
		}
	}
	return s
}

var (
	weekdayWords = func() map[string]time.Weekday {
		m := map[string]time.Weekday{}
		for d := time.Sunday; d <= time.Saturday; d++ {
			for _, w := range lists[strings.ToLower(d.String())] {
				m[w] = d
			}
		}
		return m
	}()
	monthWords      = set("month")
	behindWords     = set("behind")
	aheadWords      = set("ahead")
	backgroundWords = set("background")
	deadlineWords   = set("deadline")
	notNames        = set("notname")
)
