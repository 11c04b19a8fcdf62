package timex

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed rules/lexicon.txt
var lexiconText string

// category is a word class of the lexicon.
type category uint8

const (
	catNone category = iota
	catMonth
	catWeekday
	catWeekdays
	catSeason
	catPOD
	catUnit
	catNum
	catOrd
	catFuzzy
	catRel
	catThat
	catDeictic
	catRef
	catMod
	catApprox
	catFreq
	catAMPM
	catHoliday
	catFuture
	catFutureLead
	catPast
	catPresent
	catNeedCap
	catAnaRel
	catEra
	catTZ
	catClockWord
)

var categoryNames = map[string]category{
	"month": catMonth, "weekday": catWeekday, "weekdays": catWeekdays,
	"season": catSeason, "pod": catPOD, "unit": catUnit, "num": catNum,
	"ord": catOrd, "fuzzy": catFuzzy, "rel": catRel, "that": catThat,
	"deictic": catDeictic, "ref": catRef, "mod": catMod, "approx": catApprox,
	"freq": catFreq, "ampm": catAMPM, "holiday": catHoliday,
	"future": catFuture, "future-lead": catFutureLead, "past": catPast,
	"present": catPresent, "needcap": catNeedCap,
	"anarel": catAnaRel, "era": catEra, "tz": catTZ, "clockword": catClockWord,
}

// entry is one reading of a word: its category and value. code holds a
// value that is not a number (a season code, a TIMEX3 value); num holds a
// numeric one (a month, an offset) and is 0 when the value is a code.
type entry struct {
	cat  category
	num  int
	code string
	abbr bool // an abbreviation of the category's name: "aug" for August
}

// lexicon maps lower-case words to their readings.
type lexicon struct {
	words map[string][]entry
}

func (l *lexicon) lookup(word string) []entry { return l.words[word] }

// parseLexicon reads lexicon.txt. Errors name the line: the file is
// embedded, so an error is a bug caught by the first test that runs.
func parseLexicon(src string) (*lexicon, error) {
	l := &lexicon{words: map[string][]entry{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		cat, ok := categoryNames[f[0]]
		if !ok {
			return nil, fmt.Errorf("lexicon.txt:%d: unknown category %q", line, f[0])
		}
		e := entry{cat: cat}
		words := f[1:]
		if !isCueCategory(cat) {
			if len(f) < 3 {
				return nil, fmt.Errorf("lexicon.txt:%d: want CATEGORY VALUE WORD...", line)
			}
			if n, err := strconv.Atoi(f[1]); err == nil {
				e.num = n
			} else {
				e.code = f[1]
			}
			words = f[2:]
		}
		for i, w := range words {
			e.abbr = i > 0 && (cat == catMonth || cat == catWeekday)
			l.words[w] = append(l.words[w], e)
		}
	}
	return l, nil
}

func isCueCategory(c category) bool {
	return c == catFuture || c == catPast || c == catPresent || c == catFutureLead
}

// has reports whether a token has a reading of category c.
func (t *token) has(c category) bool {
	for _, e := range t.entries {
		if e.cat == c {
			return true
		}
	}
	return false
}

// get returns the token's reading of category c.
func (t *token) get(c category) (entry, bool) {
	for _, e := range t.entries {
		if e.cat == c {
			return e, true
		}
	}
	return entry{}, false
}
