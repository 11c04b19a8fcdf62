package timex

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
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
	catPassive
	catDeadline
	catClauseBreak
	catPerfect
	catDecadeWord
	catSchedule
	catCount
	catRateStop
	catDatePrep
	catSubject
)

var categoryNames = map[string]category{
	"month": catMonth, "weekday": catWeekday, "weekdays": catWeekdays,
	"season": catSeason, "pod": catPOD, "unit": catUnit, "num": catNum,
	"ord": catOrd, "fuzzy": catFuzzy, "rel": catRel, "that": catThat,
	"deictic": catDeictic, "ref": catRef, "mod": catMod,
	"freq": catFreq, "ampm": catAMPM, "holiday": catHoliday,
	"future": catFuture, "future-lead": catFutureLead, "past": catPast,
	"present": catPresent, "needcap": catNeedCap,
	"anarel": catAnaRel, "era": catEra, "tz": catTZ, "clockword": catClockWord, "passive": catPassive, "deadline": catDeadline,
	"clause-break": catClauseBreak, "perfect": catPerfect,
	"decadeword": catDecadeWord, "schedule": catSchedule, "count": catCount, "rate-stop": catRateStop,
	"date-prep": catDatePrep, "subject": catSubject,
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
				return nil, fmt.Errorf("lexicon.txt:%d: want a category, a value and words", line)
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
	return c == catFuture || c == catPast || c == catPresent || c == catFutureLead || c == catPassive || c == catDeadline || c == catPerfect ||
		c == catSchedule || c == catCount || c == catRateStop || c == catDatePrep || c == catSubject
}

// has reports whether a token has a reading of category c.
func (t *token) has(c category) bool {
	for _, e := range t.entries() {
		if e.cat == c {
			return true
		}
	}
	return false
}

// get returns the token's reading of category c.
func (t *token) get(c category) (entry, bool) {
	for _, e := range t.entries() {
		if e.cat == c {
			return e, true
		}
	}
	return entry{}, false
}

// word is what the engine knows of a lower-case word: its lexicon readings
// and the rules that can start with it.
type word struct {
	key     string
	entries []entry
	rules   []*rule
	// next files the rules by the word of the token after this one, and
	// free are those that need no particular next token: see fileByNext.
	next map[*word][]*rule
	free []*rule
}

// vocabulary is every word a lexicon entry, a rule, a modifier or a tense
// cue mentions, by lower-case key.
type vocabulary struct {
	words map[string]*word
	// maybe[n][c] reports a word of n bytes starting with byte c: most
	// words of a text are in no list, and this check is cheaper than
	// hashing them.
	maybe [maxWordLen + 1][256]bool
}

const maxWordLen = 15

func newVocabulary() *vocabulary { return &vocabulary{words: map[string]*word{}} }

// add makes sure key is in the vocabulary.
func (v *vocabulary) add(key string) *word {
	w := v.words[key]
	if w == nil {
		w = &word{key: key}
		v.words[key] = w
		if n := len(key); n <= maxWordLen && n > 0 {
			v.maybe[n][key[0]] = true
			if c := key[0]; c >= 'a' && c <= 'z' {
				v.maybe[n][c-'a'+'A'] = true
			}
		}
	}
	return w
}

// lookup returns the word of a key, or nil.
func (v *vocabulary) lookup(key string) *word {
	if key == "" {
		return nil
	}
	return v.words[key]
}

// fold returns the vocabulary word of s, whatever its case, or nil when s
// is no word the engine knows. buf is scratch space, returned for reuse.
func (v *vocabulary) fold(s string, buf []byte) (*word, []byte) {
	if len(s) > maxWordLen || s[0] < utf8.RuneSelf && !v.maybe[len(s)][s[0]] {
		return nil, buf
	}
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	switch {
	case !ascii:
		if w := v.words[lowerSlow(s)]; w != nil {
			return w, buf
		}
		return nil, buf
	case !upper:
		if w := v.words[s]; w != nil {
			return w, buf
		}
		return nil, buf
	}
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	if w := v.words[string(buf)]; w != nil { // the conversion does not allocate
		return w, buf
	}
	return nil, buf
}
