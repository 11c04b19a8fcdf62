package anchor

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"conflict-timeline/timeline"
)

// Reasons are sentences a reader can check against the article: which
// words were read, what each says about the article's date, and what the
// whole of them fixes.

// maxClueReasons caps the clues described, strongest first.
const maxClueReasons = 7

// reasons describes an anchor drawn from a reading.
func reasons(r reading, b *belief, cl claim, extra *yearFactor) []string {
	var out []string
	years := b.years()
	for _, c := range strongestFirst(r.clues) {
		if len(out) == maxClueReasons {
			break
		}
		if s := r.describe(c, years); s != "" {
			out = append(out, s)
		}
	}
	if s := bounds(r.clues); s != "" {
		out = append(out, s)
	}
	return append(out, summary(cl))
}

// noYearReasons says why nothing could be claimed when no year is named.
func noYearReasons(r reading, now time.Time) []string {
	if len(r.clues) == 0 {
		return []string{"the text mentions no date that bears on its own: no dateline, no weekday, no date"}
	}
	var out []string
	for _, c := range strongestFirst(r.clues) {
		if len(out) == maxClueReasons {
			break
		}
		if s := r.describe(c, recentYears(now)); s != "" {
			out = append(out, s)
		}
	}
	return append(out, "but nothing names a year, so the date is not known at all")
}

// strongestFirst orders clues by how much they say of the article's own
// date.
func strongestFirst(clues []clue) []clue {
	out := slices.Clone(clues)
	slices.SortStableFunc(out, func(a, b clue) int { return strength(b) - strength(a) })
	return out
}

func strength(c clue) int {
	switch {
	case c.origin != inText:
		return 9
	case c.stamp:
		return 8
	case c.kind == kMonthDay && c.hasWeekday:
		return 7
	case c.kind == kMonthDay && c.lead:
		return 6
	case c.role == nearest || c.current:
		return 5
	case c.kind == kWeekday && c.lead:
		return 4
	case c.kind == kWeekday:
		return 3
	case c.background:
		return 1
	}
	return 2
}

// describe says what one clue tells; "" for the bounds, which bounds
// describes together.
func (r reading) describe(c clue, years []int) string {
	q := strconv.Quote(c.words)
	switch {
	case c.origin == inDateline:
		return fmt.Sprintf("the dateline %q gives the day the story was filed, %s", r.dateline.text, partsString(c))
	case c.origin == inMetadata:
		return fmt.Sprintf("the file's metadata gives %s", c.words)
	case c.origin == inPin:
		return fmt.Sprintf("config.toml pins this article at %s", c.words)
	case c.stamp:
		return fmt.Sprintf("%s stamps a tweet or a photo of the news: the article is most likely from that day or a few days after", q)
	case c.background:
		return fmt.Sprintf("%s is where a story starts: it bounds the article's date from below and no nearer", q)
	case c.current:
		return fmt.Sprintf("%s is named as the period the article writes in (\"so far\", \"the worst of\"): the article is most likely from within it", q)
	case c.kind == kMonthDay && c.hasWeekday:
		s := fmt.Sprintf("%s: %s fell on a %s in %s", q, partsString(c), c.weekday, yearList(matchingYears(c, years)))
		if c.lead {
			s += "; told in the lead, it is most likely the day of writing or the day before"
		}
		return s
	case c.kind == kMonthDay && c.lead:
		return fmt.Sprintf("the lead tells of %s (%s): news of the day, so most likely written that day or the next", partsString(c), q)
	case c.kind == kWeekday:
		return describeWeekday(c, q)
	case c.role == nearest:
		return describeNearest(c, q)
	case c.role == bound && c.year != 0:
		return ""
	}
	return fmt.Sprintf("%s is %s: %s", q, told[c.dir], side[c.dir])
}

var told = map[direction]string{
	reported:  "told as past",
	announced: "told as to come",
	either:    "said with no tense to tell past from future",
	present:   "said in the present tense",
}

var side = map[direction]string{
	reported:  "the article is from after it",
	announced: "the article is from before it",
	either:    "the article may lie either side of it",
	present:   "the article may lie either side of it",
}

func describeWeekday(c clue, q string) string {
	day := c.weekday.String()
	switch {
	case c.dir == announced:
		return fmt.Sprintf("%s is told as to come: the article was written in the week before a %s, most likely a day or two before", q, day)
	case c.lead:
		return fmt.Sprintf("the lead reports %s: news of the day, most often written that very %s", q, day)
	case c.dir == reported:
		return fmt.Sprintf("%s is told as past: the article was written on a %s or within six days after", q, day)
	case c.dir == present:
		return fmt.Sprintf("%s, in the present tense, lies within a week of the article, either side of it", q)
	}
	return fmt.Sprintf("%s, with no tense to tell, lies within a week of the article, most likely before it", q)
}

func describeNearest(c clue, q string) string {
	switch c.dir {
	case reported:
		return fmt.Sprintf("the latest date the text tells of as past is %s: the article is from then or later, though how much later the text does not say", q)
	case announced:
		return fmt.Sprintf("the earliest date the text tells of as to come is %s: the article is from before it", q)
	}
	return fmt.Sprintf("the latest date the text gives is %s, with no tense to tell whether the article is before or after it", q)
}

// bounds sums up the dates with a known year that only bound the date.
func bounds(clues []clue) string {
	var ws []string
	for _, c := range clues {
		if c.origin == inText && c.role == bound && c.year != 0 && !c.background && !c.stamp && !c.current {
			ws = append(ws, strconv.Quote(c.words))
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return "the text also mentions " + strings.Join(ws, ", ") + ": earlier dates, which only bound the article from below"
}

// summary says what the evidence fixes, and what it leaves open.
func summary(cl claim) string {
	day := cl.day.Format("Monday, January 2, 2006")
	best := cl.best[timeline.PrecisionDay]
	switch cl.precision {
	case timeline.PrecisionDay:
		return fmt.Sprintf("so the article is from %s (%.2f of the evidence)", day, min(cl.share, maxConfidence))
	case timeline.PrecisionUnknown:
		return fmt.Sprintf("the evidence leaves the date open: its likeliest day, %s, holds only %.2f of it, and its likeliest year %.2f", day, best, cl.best[timeline.PrecisionYear])
	}
	return fmt.Sprintf("the likeliest day is %s (%.2f), but the evidence does not fix the day: only the %s, %s (%.2f)",
		day, best, cl.precision, periodName(cl.day, cl.precision), min(cl.share, maxConfidence))
}

// periodName writes the period of a precision around a day in words.
func periodName(t time.Time, p timeline.Precision) string {
	switch p {
	case timeline.PrecisionWeek:
		y, w := t.ISOWeek()
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		return fmt.Sprintf("%d-W%02d, %s to %s", y, w, monday.Format("January 2"), monday.AddDate(0, 0, 6).Format("January 2, 2006"))
	case timeline.PrecisionMonth:
		return t.Format("January 2006")
	}
	return t.Format("2006")
}

// contradictionReason says that the text contradicts a given day.
func contradictionReason(c clue, day time.Time) string {
	return fmt.Sprintf("but the text tells of %q as past, after %s: either that date or the text is wrong", c.words, day.Format("January 2, 2006"))
}

// partsString writes what a clue says of the calendar: "August 7",
// "November 21, 2016".
func partsString(c clue) string {
	switch {
	case c.month != 0 && c.day != 0 && c.year != 0:
		return time.Date(c.year, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC).Format("January 2, 2006")
	case c.month != 0 && c.day != 0:
		return fmt.Sprintf("%s %d", time.Month(c.month), c.day)
	case c.month != 0 && c.year != 0:
		return fmt.Sprintf("%s %d", time.Month(c.month), c.year)
	case c.month != 0:
		return time.Month(c.month).String()
	case c.year != 0:
		return strconv.Itoa(c.year)
	}
	return c.words
}

// matchingYears are the years among years in which a weekday and date
// agree.
func matchingYears(c clue, years []int) []int {
	var out []int
	for _, y := range years {
		t := time.Date(y, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC)
		if t.Weekday() == c.weekday && t.Day() == c.day {
			out = append(out, y)
		}
	}
	return out
}

// recentYears are the years a date without one is looked for in when
// nothing else bounds it: the last thirty.
func recentYears(now time.Time) []int {
	var ys []int
	for y := now.Year() - 30; y <= now.Year(); y++ {
		ys = append(ys, y)
	}
	return ys
}

// years are the years the belief ranges over, a run of days.
func (b *belief) years() []int {
	var ys []int
	if b.cal.from < b.cal.to {
		for y := b.cal.days[b.cal.from].year; y <= b.cal.days[b.cal.to-1].year; y++ {
			ys = append(ys, y)
		}
	}
	return ys
}

// yearList writes years as "2011, 2016 and 2022", the latest ones when
// there are many.
func yearList(ys []int) string {
	if len(ys) == 0 {
		return "none of the years the rest of the evidence allows"
	}
	more := ""
	if len(ys) > 5 {
		more, ys = fmt.Sprintf(" (and %d earlier)", len(ys)-5), ys[len(ys)-5:]
	}
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	if len(s) == 1 {
		return s[0] + more
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1] + more
}
