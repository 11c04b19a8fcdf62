package anchor

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"conflict-timeline/timeline/timex"
)

// What an expression's own words, and the words around it, say: its
// calendar parts as written, its weekday, which way it points, and
// whether it is background, a deadline or a stamp.

// calendarParts reads the year, month and day of a TIMEX3 date or time
// value, 0 for each part it leaves open (XXXX, XX). Quarters, halves,
// seasons and weeks keep only their year. ok is false for values that
// name no calendar period: PAST_REF, durations.
func calendarParts(v string) (y, m, d int, ok bool) {
	if len(v) < 4 {
		return 0, 0, 0, false
	}
	if v[:4] != "XXXX" {
		n, err := strconv.Atoi(v[:4])
		if err != nil {
			return 0, 0, 0, false
		}
		y = n
	}
	rest, _, _ := strings.Cut(v[4:], "T")
	parts := strings.Split(strings.TrimPrefix(rest, "-"), "-")
	if rest == "" || len(parts[0]) != 2 || parts[0][0] < '0' || parts[0][0] > '1' {
		return y, 0, 0, true // a year, or a week, quarter or season of one
	}
	m, _ = strconv.Atoi(parts[0])
	if len(parts) > 1 {
		d, _ = strconv.Atoi(parts[1])
	}
	return y, m, d, m != 0 || d == 0
}

// saysYear reports whether the words of an expression give its year y,
// as "2016", "'16" or the end of "8/7/16".
func saysYear(words string, y int) bool {
	if strings.Contains(words, strconv.Itoa(y)) {
		return true
	}
	yy := strconv.Itoa(y % 100)
	if len(yy) == 1 {
		yy = "0" + yy
	}
	i := strings.LastIndex(words, yy)
	return i > 0 && i+2 == len(words) && strings.ContainsRune("'’/.-", rune(words[i-1]))
}

// saysMonth reports whether the words of an expression give the month m
// of day d: by name, or in digits ("8/7/16", "2016-08-07"). "6 a.m."
// gives none, though the resolver dates it from the context.
func saysMonth(words string, m, d int) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(words), notLetter) {
		if monthWords[w] {
			return true
		}
	}
	nums := map[int]bool{}
	for _, f := range strings.FieldsFunc(words, func(r rune) bool { return r < '0' || r > '9' }) {
		n, _ := strconv.Atoi(f)
		nums[n] = true
	}
	return m != 0 && nums[m] && (d == 0 || nums[d])
}

// weekdayIn finds a weekday name among the words.
func weekdayIn(words string) (time.Weekday, bool) {
	for _, w := range strings.FieldsFunc(strings.ToLower(words), notLetter) {
		if d, ok := weekdayWords[w]; ok {
			return d, true
		}
	}
	return 0, false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// directionOf reads the direction of an expression from its own words
// ("last", "next") or else from the tense of its clause, tn.
func directionOf(tx timex.Timex, tn timex.Tense) direction {
	for _, w := range strings.FieldsFunc(strings.ToLower(tx.Text), notLetter) {
		switch {
		case behindWords[w]:
			return reported
		case aheadWords[w]:
			return announced
		}
	}
	switch t, cued := tn.Tense, tn.Cued; {
	case !cued:
		return either // the resolver would take it as past, but nothing says so
	case t < 0:
		return reported
	case t > 0:
		return announced
	}
	return present
}

// wordBefore is the word just before offset at, lower case; "" when
// punctuation comes between.
func wordBefore(text string, at int) string {
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	i := strings.LastIndexFunc(before, notLetter)
	return strings.ToLower(before[i+1:])
}

// backgroundWindow is how many words before an expression a background
// word may stand: "since it began with protests in March 2011".
const backgroundWindow = 10

// backgroundBefore reports a background word ("since") among the words
// before offset at, within the sentence.
func backgroundBefore(text string, at int) bool {
	for _, w := range sentenceWordsBefore(text, at, backgroundWindow) {
		if backgroundWords[w] {
			return true
		}
	}
	return false
}

// isStamp reports a full date set down as a stamp, the way tweets and
// photo captions end: "— UNICEF (@UNICEF) November 21, 2016", "Idlib
// province, Syria August 1, 2016." Nothing but punctuation follows it on
// its line, and no lower-case word (a preposition, a verb: "due", "on",
// "since") stands before it. A stamp dates the news, not its background.
func isStamp(text string, start, end int) bool {
	// Only up to the first word after it is read, not the whole line:
	// on a long line that is read again for every date.
	read := len(text) - end
	for i, r := range text[end:] {
		if r == '\n' || !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			read = i
			break
		}
	}
	work.Add(int64(read))
	if end+read < len(text) && text[end+read] != '\n' {
		return false
	}
	before := strings.TrimRightFunc(text[:start], unicode.IsSpace)
	if before == "" || strings.HasSuffix(before, "\n") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.IsLetter(r) {
		return r != ','
	}
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	w, _ := utf8.DecodeRuneInString(before[i+1:])
	return unicode.IsUpper(w)
}

// currentWindow is how many words before "of" a superlative may stand
// for the period after it to be the article's own: "the bloodiest day
// of fighting of 2024".
const currentWindow = 5

// namedCurrent reports a period the text names as the one it writes in:
// after a superlative and "of" or "in" ("the deadliest month of 2024"),
// or with "so far" just before or after it ("so far in January", "in
// 2024 so far"). A year-end review may still say so a few weeks on.
func namedCurrent(text string, start, end int) bool {
	before := sentenceWordsBefore(text, start, currentWindow+2)
	rest := text[end:min(len(text), end+40)]
	if i := strings.IndexAny(rest, ".!?;\n"); i >= 0 {
		rest = rest[:i] // "on Nov. 10. So far, ..." is another sentence
	}
	after := strings.FieldsFunc(strings.ToLower(rest), notLetter)
	if len(after) > 0 && soFar(after[0], after[1:]) {
		return true
	}
	n := len(before)
	for i := max(0, n-4); i+1 < n; i++ {
		if soFar(before[i], before[i+1:]) {
			return true
		}
	}
	if n == 0 || !currentOf[before[n-1]] {
		return false
	}
	for i := n - 2; i >= 0 && i >= n-1-currentWindow; i-- {
		if w := before[i]; superlativeWords[w] || len(w) > 5 && strings.HasSuffix(w, "est") && !notSuperlative[w] {
			return true
		}
	}
	return false
}

// soFar reports "so far" at w and the words after it.
func soFar(w string, rest []string) bool {
	return w == "so" && len(rest) > 0 && rest[0] == "far"
}

// sentenceWordsBefore are the last n words of the sentence before offset
// at, within 200 bytes, in lower case. It reads those bytes once and
// lowers only the n words: it runs for every date of an article.
func sentenceWordsBefore(text string, at, n int) []string {
	before := text[max(0, at-200):at]
	if i := strings.LastIndexAny(before, ".!?;\n"); i >= 0 {
		before = before[i+1:]
	}
	work.Add(int64(len(before)))
	// the words are the runs of letters (strings.ToLower keeps a letter
	// a letter, and what is not one not one); the last n of them in a
	// ring
	ring := make([]string, n)
	count, start := 0, -1
	for i, r := range before {
		switch letter := unicode.IsLetter(r); {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			ring[count%n] = before[start:i]
			count, start = count+1, -1
		}
	}
	if start >= 0 {
		ring[count%n] = before[start:]
		count++
	}
	out := make([]string, 0, min(count, n))
	for k := max(0, count-n); k < count; k++ {
		out = append(out, strings.ToLower(ring[k%n]))
	}
	return out
}
