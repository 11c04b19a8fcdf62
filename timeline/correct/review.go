package correct

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/internal/wordlist"
)

//go:embed review.txt
var reviewText string

var reviewWords = wordlist.MustParse("review.txt", reviewText)

var (
	captionMarks = reviewWords["caption"]
	speechVerbs  = reviewWords.Set("speech")
	speechGap    = reviewWords.Set("speechgap")
	stopWords    = reviewWords.Set("stop")
)

// Kinds of findings, by what an editor should look at.
const (
	KindCaption   = "caption"        // a photo caption taken for an event
	KindStatement = "statement"      // a statement typed as the act it tells of
	KindUncertain = "uncertain date" // an inferred date below the confidence asked
	KindCoarse    = "coarse date"    // an inferred date told only to the year
	KindOther     = "type other"     // no type keyword matched
	KindUndated   = "undated"        // from an article nothing dates
	KindDuplicate = "duplicate"      // likely the same happening as another event
	KindOrphaned  = "orphaned"       // a correction whose event is gone
)

const (
	// defaultBelow is the confidence below which an inferred date is
	// listed.
	defaultBelow = 0.7
	// duplicateLike is the least share of content words two events from
	// different articles must have in common to be listed as likely one.
	duplicateLike = 0.3
	// statementType is the event type of a statement.
	statementType = "statement"
)

// Finding is one event, or correction, that needs a human look, with
// every reason found for it.
type Finding struct {
	Kinds []string `json:"kinds"`
	Why   []string `json:"why"`
	ID    string   `json:"id"`
	Date  string   `json:"date,omitempty"`
	Text  string   `json:"text,omitempty"`
	// File is the article whose own date, pinned in config.toml, would
	// date the event: set for an undated or coarse date.
	File string `json:"file,omitempty"`
	// Stanza is ready to paste into the corrections file: one table for
	// the event, whatever the reasons.
	Stanza string `json:"stanza"`
	lines  []string
}

// add gives a finding one more reason, with its lines of the stanza.
func (f *Finding) add(kind, why string, lines ...string) {
	f.Kinds, f.Why, f.lines = append(f.Kinds, kind), append(f.Why, why), append(f.lines, lines...)
	f.Stanza = stanza(f.ID, f.lines...)
}

// ReviewOptions tune what is listed.
type ReviewOptions struct {
	// Below lists inferred dates less sure than this; zero means 0.7.
	Below float64
}

// Review lists what needs a human look in a timeline (already
// corrected: what an editor verified is not listed again), and the
// orphaned corrections of rep.
func Review(tl timeline.Timeline, rep Report, opt ReviewOptions) []Finding {
	below := opt.Below
	if below == 0 {
		below = defaultBelow
	}
	var out []*Finding
	byID := map[string]*Finding{}
	for _, e := range tl.Events {
		if e.Verified {
			continue
		}
		if f, ok := reviewEvent(e, below); ok {
			out, byID[e.ID] = append(out, f), f
		}
	}
	for _, d := range duplicates(tl.Events) {
		a, b := d[0], d[1]
		f := byID[a.ID]
		if f == nil {
			f = &Finding{ID: a.ID, Date: a.Date, Text: a.Text}
			out, byID[a.ID] = append(out, f), f
		}
		f.add(KindDuplicate, fmt.Sprintf("it may tell the same happening as %s: %q", b.ID, b.Text), fmt.Sprintf("merge = [%q]", b.ID))
	}
	for _, o := range rep.Orphaned {
		f := &Finding{ID: o.ID}
		f.add(KindOrphaned, fmt.Sprintf("the correction at line %d names an event that is gone: its sentence left its article, or is no longer dated", o.Line))
		f.Stanza = fmt.Sprintf("# delete [events.%q] at line %d, or key it by the ID its event has now\n", o.ID, o.Line)
		out = append(out, f)
	}
	found := make([]Finding, len(out))
	for i, f := range out {
		found[i] = *f
	}
	return found
}

func reviewEvent(e timeline.Event, below float64) (*Finding, bool) {
	found := &Finding{ID: e.ID, Date: e.Date, Text: e.Text}
	add := found.add
	if caption(e.Text) {
		add(KindCaption, "it reads as a photo caption or a credit line, not a report",
			`hide = true`, `reason = "photo caption, not an event"`)
	}
	if verb, ok := spokenOn(e); ok && e.Type != statementType {
		add(KindStatement, fmt.Sprintf("its date is when someone spoke (%q), but it is typed %q", verb+" "+sourceTimex(e), e.Type),
			fmt.Sprintf("type = %q   # was %q", statementType, e.Type), `# summary = "who said what, in a line"`)
	}
	switch {
	case e.Precision == timeline.PrecisionUnknown || e.Date == "":
		found.File = articleFile(e)
		add(KindUndated, "its article's own date is unknown, so its date is open",
			`# date = "YYYY-MM-DD"   # or YYYY-Www, YYYY-MM, YYYY, a range FROM/THROUGH`,
			pinHint(found.File))
	case e.Inferred && !e.Background && e.Precision == timeline.PrecisionYear:
		found.File = articleFile(e)
		add(KindCoarse, "its words name a day or a week, but its article's own date is known only to the year, so it is told as "+dateOf(e),
			`# date = "YYYY-MM-DD"`, pinHint(found.File))
	case e.Inferred && e.Confidence < below:
		add(KindUncertain, fmt.Sprintf("its date %s is inferred, %s sure (earliest %s, latest %s)", e.Date, strconv.FormatFloat(e.Confidence, 'f', 2, 64), e.Earliest, e.Latest),
			fmt.Sprintf("date = %q   # confirm or correct", dateOf(e)), `verified = true`, `# by = "your name or initials"`)
	}
	if e.Type == "other" {
		add(KindOther, "no type keyword matched it", `# type = "..."   # one of the event types, as events.json and the site name them`)
	}
	return found, len(found.Kinds) > 0
}

// articleFile is the file of the article an event was read from, as
// config.toml's [articles."FILE"] names it.
func articleFile(e timeline.Event) string {
	if len(e.Sources) == 0 {
		return ""
	}
	return e.Sources[0].File
}

// pinHint says how pinning the article's own date dates the event.
func pinHint(file string) string {
	return fmt.Sprintf(`# or pin the article's date in config.toml: [articles.%s] date = "YYYY-MM-DD"`, config.Quote(cmp.Or(file, "FILE")))
}

// Pin is an article whose own date, pinned in config.toml, would date
// Events events that are now open or told only to the year.
type Pin struct {
	File   string
	Events int
}

// Pins gathers the findings by the article whose date would settle
// them, most events first: one line of config.toml each.
func Pins(found []Finding) []Pin {
	n := map[string]int{}
	for _, f := range found {
		if f.File != "" {
			n[f.File]++
		}
	}
	pins := make([]Pin, 0, len(n))
	for file, k := range n {
		pins = append(pins, Pin{file, k})
	}
	slices.SortFunc(pins, func(a, b Pin) int { return cmp.Or(b.Events-a.Events, strings.Compare(a.File, b.File)) })
	return pins
}

func dateOf(e timeline.Event) string {
	if e.End != "" {
		return e.Date + "/" + e.End
	}
	return e.Date
}

func stanza(id string, lines ...string) string {
	return fmt.Sprintf("[events.%q]\n%s\n", id, strings.Join(lines, "\n"))
}

func caption(text string) bool {
	lower := strings.ToLower(text)
	for _, m := range captionMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// spokenOn finds a verb of speaking just before the expression that
// dates the event: "said on Monday", "complained late on Sunday".
func spokenOn(e timeline.Event) (string, bool) {
	if len(e.Sources) == 0 {
		return "", false
	}
	s := e.Sources[0]
	at := s.Timex.Start - s.Sentence.Start
	if s.Sentence.Text == "" || at <= 0 || at > len(s.Sentence.Text) {
		return "", false
	}
	words := strings.FieldsFunc(strings.ToLower(s.Sentence.Text[:at]), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		switch w := words[i]; {
		case speechVerbs[w]:
			return w, true
		case !speechGap[w]:
			return "", false
		}
	}
	return "", false
}

func sourceTimex(e timeline.Event) string { return e.Sources[0].Timex.Text }

// duplicates finds pairs of events from different articles that likely
// tell one happening: the same day, a place or an actor in common, and
// many words in common. Only events of one day are compared, so the
// cost grows with the events of the busiest day, not the square of all.
func duplicates(events []timeline.Event) [][2]timeline.Event {
	byDay := map[string][]timeline.Event{}
	var days []string
	for _, e := range events {
		if e.Precision != timeline.PrecisionDay || e.End != "" {
			continue
		}
		if _, seen := byDay[e.Date]; !seen {
			days = append(days, e.Date)
		}
		byDay[e.Date] = append(byDay[e.Date], e)
	}
	var out [][2]timeline.Event
	for _, d := range days {
		same := byDay[d]
		for i := range same {
			for j := i + 1; j < len(same); j++ {
				a, b := same[i], same[j]
				if !sameArticle(a, b) && shareName(a, b) && likeness(a.Text, b.Text) >= duplicateLike {
					out = append(out, [2]timeline.Event{a, b})
				}
			}
		}
	}
	return out
}

func sameArticle(a, b timeline.Event) bool {
	for _, s := range a.Sources {
		for _, t := range b.Sources {
			if s.Article == t.Article {
				return true
			}
		}
	}
	return false
}

func shareName(a, b timeline.Event) bool {
	for _, p := range a.Places {
		if slices.Contains(b.Places, p) {
			return true
		}
	}
	for _, p := range a.Actors {
		if slices.Contains(b.Actors, p) {
			return true
		}
	}
	return false
}

// likeness is the share of content words two texts have in common.
func likeness(a, b string) float64 {
	wa, wb := contentWords(a), contentWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return float64(shared) / float64(len(wa)+len(wb)-shared)
}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !stopWords[w] && len(w) > 2 {
			out[w] = true
		}
	}
	return out
}
