package anchor

import (
	_ "embed"
	"strings"
	"time"

	"conflict-timeline/timeline/internal/wordlist"
)

//go:embed words.txt
var wordsText string

// lists are the word lists of words.txt by name.
var lists = wordlist.MustParse("words.txt", wordsText)

// set makes a look-up table of the named lists.
func set(names ...string) map[string]bool { return lists.Set(names...) }

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
	monthWords       = set("month")
	behindWords      = set("behind")
	aheadWords       = set("ahead")
	backgroundWords  = set("background")
	deadlineWords    = set("deadline")
	notNames         = set("notname")
	currentOf        = set("currentof")
	superlativeWords = set("superlative")
	notSuperlative   = set("notsuperlative")
)
