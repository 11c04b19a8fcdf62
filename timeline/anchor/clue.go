package anchor

import (
	"strings"
	"sync/atomic"
	"time"

	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/timex"
)

// kind is what an expression says of the calendar, as far as its words go.
type kind uint8

const (
	kDay       kind = iota // November 21, 2016
	kMonthYear             // March 2011
	kYear                  // 2012, the third quarter of 2012
	kMonthDay              // August 7, Sunday, August 7: any year
	kMonth                 // April: any year
	kWeekday               // on Tuesday
	kGiven                 // a period a pin or the metadata gives: 2016-08, 2016-W31
)

// direction is which way an expression lies from the article's date.
type direction int8

const (
	reported  direction = -1 // told as past: the article is at or after it
	either    direction = 0  // no tense word says
	present   direction = 2  // a present-tense clause: about the day of writing, either side
	announced direction = 1  // told as to come: the article is before it
)

// clue is one expression that bears on the article's own date.
type clue struct {
	words string // as the text writes it
	at    int    // byte offset in the text read
	kind  kind
	dir   direction
	// year, month and day are what the words say; 0 where they say
	// nothing. The resolver fills a missing year from the context, but a
	// year taken from the context is no evidence and is dropped.
	year, month, day int
	weekday          time.Weekday
	hasWeekday       bool
	// background marks a date given as where a story starts ("since March
	// 2011"): it bounds the article's date but does not draw it near.
	background bool
	// current marks a period the text names as its own: "the bloodiest
	// fighting of 2024", "so far in January". The article lies in it.
	current bool
	// lead marks the headline and first sentence, which tell the news of
	// the day: their weekdays are most often the day of writing.
	lead bool
	// stamp marks a full date set down as a stamp (see isStamp).
	stamp bool
	// role says how much a date with a known year is trusted to be near
	// the article's date: see assignRoles.
	role role
	// origin is where the clue was read: the text, a dateline, the
	// file's metadata.
	origin origin
	// first and last are the days of a given period (kGiven).
	first, last time.Time
}

// origin is where a clue was read. Datelines and metadata say the
// article's own date outright; the text only tells of other days.
type origin uint8

const (
	inText origin = iota
	inDateline
	inMetadata
	inPin
)

// role is the part a clue with a known year plays. Such dates tend to
// come in clusters about one past episode ("March 1996", "March 26,
// 1996"): counted as independent evidence of nearness, they would pull
// the article's date into that episode with a certainty nobody has. So
// only the latest date told as past, and the earliest told as to come,
// draw the date near; every other one only bounds it.
type role uint8

const (
	bound   role = iota // D is after it (before it, if announced), no nearer
	nearest             // the latest reported or earliest announced
)

// work counts the bytes clue reading reads beyond the words of the
// expressions and the tokens timex reads: tests check that it grows
// linearly with an article.
var work atomic.Int64

// readClues resolves a headline and body without an anchor and keeps the
// expressions that say something about the article's own date. lead is
// the span of the body that opens the story. A date said twice counts
// once: the second "Tuesday" of an article is the same Tuesday, not more
// evidence.
func readClues(title, body string, lead [2]int, resolve func(string, timex.Options) []timex.Timex) []clue {
	text, shift := joinTitle(title, body)
	var out []clue
	seen := map[clue]int{}
	txs := resolve(text, timex.Options{})
	tenses := tensesOf(text, txs)
	for k, tx := range txs {
		c, ok := clueOf(text, tx, tenses[k])
		if !ok {
			continue
		}
		c.lead = tx.Start < shift || (tx.Start >= shift+lead[0] && tx.Start < shift+lead[1])
		c.stamp = c.kind == kDay && isStamp(text, tx.Start, tx.End)
		k := c
		k.words, k.at, k.lead, k.stamp, k.background, k.current, k.dir = "", 0, false, false, false, false, 0
		if i, dup := seen[k]; dup {
			o := &out[i]
			o.lead, o.stamp, o.background, o.current = o.lead || c.lead, o.stamp || c.stamp, o.background || c.background, o.current || c.current
			if o.dir != c.dir {
				o.dir = either // told both ways: neither tense is to be trusted
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, c)
	}
	assignRoles(out)
	return out
}

// joinTitle puts the headline before the body as a paragraph of its own,
// unless the body starts with it, and returns where the body starts.
func joinTitle(title, body string) (text string, shift int) {
	if title == "" || strings.HasPrefix(body, title) {
		return body, 0
	}
	return title + "\n\n" + body, len(title) + len("\n\n")
}

// leadOf is the span of the body that opens the story: the first sentence
// after the dateline when there is one, else the first sentence.
func leadOf(body string, from int) [2]int {
	if s := article.SplitSentences(body[from:]); len(s) > 0 {
		return [2]int{from + s[0].Start, from + s[0].End}
	}
	return [2]int{from, len(body)}
}

// assignRoles marks the latest date with a known year told as past (or
// said with no tense), and the earliest told as to come, as the nearest.
// An announced date that is not after the latest reported one is a tense
// misread, and draws nothing near.
func assignRoles(clues []clue) {
	last, first := -1, -1
	var lastEnd, firstStart time.Time
	for i, c := range clues {
		a, b, ok := c.period()
		if !ok || c.background || c.current {
			continue
		}
		if c.dir != announced && (last < 0 || b.After(lastEnd)) {
			last, lastEnd = i, b
		}
		if c.dir == announced && (first < 0 || a.Before(firstStart)) {
			first, firstStart = i, a
		}
	}
	if last >= 0 {
		clues[last].role = nearest
	}
	if first >= 0 && (last < 0 || firstStart.After(lastEnd)) {
		clues[first].role = nearest
	}
}

// tensesOf reads the tense of the clause of each expression, reading the
// text once.
func tensesOf(text string, txs []timex.Timex) []timex.Tense {
	spans := make([]timex.Span, len(txs))
	for i, tx := range txs {
		spans[i] = timex.Span{Start: tx.Start, End: tx.End}
	}
	return timex.Tenses(text, spans)
}

// clueOf reads one resolved expression, in a clause of tense tn, as a
// clue.
func clueOf(text string, tx timex.Timex, tn timex.Tense) (clue, bool) {
	if tx.Type != timex.Date && tx.Type != timex.Time {
		return clue{}, false
	}
	y, m, d, ok := calendarParts(tx.Value)
	if !ok {
		return clue{}, false
	}
	if y != 0 && !saysYear(tx.Text, y) {
		y = 0
	}
	if !saysMonth(tx.Text, m, d) {
		m, d = 0, 0
	}
	c := clue{words: tx.Text, at: tx.Start, year: y, month: m, day: d}
	c.weekday, c.hasWeekday = weekdayIn(tx.Text)
	switch {
	case y != 0 && m != 0 && d != 0:
		c.kind = kDay
	case y != 0 && m != 0:
		c.kind = kMonthYear
	case y != 0:
		c.kind = kYear
	case m != 0 && d != 0:
		c.kind = kMonthDay
	case m != 0:
		c.kind = kMonth
	case c.hasWeekday:
		c.kind = kWeekday
	default:
		return clue{}, false
	}
	c.dir = directionOf(tx, tn)
	switch {
	case backgroundBefore(text, tx.Start):
		c.background, c.dir = true, reported // "since 1967" is behind, whatever the tense
	case c.kind != kWeekday && c.kind != kDay && namedCurrent(text, tx.Start, tx.End):
		c.current, c.dir = true, reported
	case deadlineWords[wordBefore(text, tx.Start)]:
		c.dir = announced // "before Dec. 11"
	}
	return c, true
}
