package site

import (
	"encoding/json"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timex"
)

// part is a run of text, marked when it is a temporal expression. Pages
// are made of parts rather than HTML so the theme decides the markup and
// Go never has to escape anything for Hugo.
type part struct {
	Text string `json:"text"`
	// ID anchors the expression on its article page ("t-41", from its byte
	// offset, so it survives re-runs); empty for plain text.
	ID    string `json:"id,omitempty"`
	Type  string `json:"type,omitempty"`
	Value string `json:"value,omitempty"`
	Mod   string `json:"mod,omitempty"`
	// Label is the value in words, for the tooltip: "Sunday 14 August 2016".
	Label string `json:"label,omitempty"`
	// Dating marks the expression that dated the event, among the others
	// in its sentence.
	Dating bool `json:"dating,omitempty"`
}

// partFields is part without its MarshalJSON.
type partFields part

// MarshalJSON writes a run of plain text as a bare string: decoded, a
// string costs Hugo a fraction of what an object does, and the articles'
// paragraphs are mostly plain runs (parts.html tells the two apart).
func (p part) MarshalJSON() ([]byte, error) {
	if p == (part{Text: p.Text}) {
		return json.Marshal(p.Text)
	}
	return json.Marshal(partFields(p))
}

func timexID(start int) string { return "t-" + strconv.Itoa(start) }

// cleanTimexes keeps the expressions whose offsets really cut text into
// UTF-8 runs, in order and without overlaps; a resolver bug must cost one
// highlight, not the page.
func cleanTimexes(text string, txs []timex.Timex) []timex.Timex {
	out := make([]timex.Timex, 0, len(txs))
	for _, t := range txs {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End ||
			!utf8.RuneStart(text[t.Start]) || (t.End < len(text) && !utf8.RuneStart(text[t.End])) {
			continue
		}
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	kept := out[:0]
	end := -1
	for _, t := range out {
		if t.Start < end {
			continue
		}
		kept = append(kept, t)
		end = t.End
	}
	return kept
}

// cut splits text[from:to] into parts at the expressions inside it; txs
// must be clean.
func cut(text string, from, to int, txs []timex.Timex) []part {
	var parts []part
	pos := from
	for _, t := range txs {
		if t.Start < from || t.End > to {
			continue
		}
		if t.Start > pos {
			parts = append(parts, part{Text: text[pos:t.Start]})
		}
		parts = append(parts, timexPart(text[t.Start:t.End], t))
		pos = t.End
	}
	if pos < to {
		parts = append(parts, part{Text: text[pos:to]})
	}
	return parts
}

func timexPart(text string, t timex.Timex) part {
	return part{
		Text: text, ID: timexID(t.Start), Type: string(t.Type), Value: t.Value, Mod: t.Mod,
		Label: describe(t.Type, t.Value, t.Mod),
	}
}

// paragraphs cuts an article's text into paragraphs at line breaks, each
// a list of parts.
func paragraphs(text string, txs []timex.Timex) [][]part {
	var out [][]part
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		// An expression never spans a line break in practice; if one
		// does, it is dropped from both paragraphs rather than broken.
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, cut(text, start, end, txs))
		}
		start = end + 1
	}
	return out
}

var (
	durationRe = regexp.MustCompile(`^P(?:T)?(\d+|X)([YMWDHS]|DE|CE)$`)
	timeRe     = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}|MO|AF|EV|NI)$`)
)

var unitWords = map[string]string{
	"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second",
	"DE": "decade", "CE": "century",
}

var refWords = map[string]string{
	"PRESENT_REF": "the present (the article's date)",
	"PAST_REF":    "the past",
	"FUTURE_REF":  "the future",
}

var dayParts = map[string]string{"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}

var modWords = map[string]string{
	"APPROX": "about", "START": "early", "MID": "mid", "END": "late",
	"BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "on or before",
	"ON_OR_AFTER": "on or after", "LESS_THAN": "less than", "MORE_THAN": "more than",
	"EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least",
}

// describe puts a TIMEX3 value in words for readers who do not speak
// TimeML. Anything it cannot read is shown as the raw value, which is
// always displayed beside the words anyway.
func describe(typ timex.Type, value, mod string) string {
	words := value
	switch {
	case refWords[value] != "":
		words = refWords[value]
	case typ == timex.Duration || (typ == timex.Set && strings.HasPrefix(value, "P")):
		if m := durationRe.FindStringSubmatch(value); m != nil {
			unit := unitWords[m[2]]
			if strings.HasPrefix(value, "PT") && m[2] == "M" {
				unit = "minute"
			}
			switch {
			case m[1] == "X":
				words = "some " + unit + "s"
			case m[1] == "1":
				words = "1 " + unit
			default:
				words = m[1] + " " + unit + "s"
			}
			if typ == timex.Set {
				words = "every " + strings.TrimPrefix(words, "1 ")
			}
		}
	default:
		if m := timeRe.FindStringSubmatch(value); m != nil {
			if w, ok := valueWhen(m[1]); ok {
				if p := dayParts[m[2]]; p != "" {
					words = w.Label + ", " + p
				} else {
					words = w.Label + ", " + m[2]
				}
			}
		} else if w, ok := valueWhen(value); ok {
			words = w.Label
		} else if strings.HasPrefix(value, "XXXX-") {
			if w, ok := valueWhen("2000" + value[4:]); ok && w.Precision == timeline.PrecisionDay {
				// The weekday of an unknown year is unknown too.
				words = w.Start.Format("2 January") + ", year unknown"
			}
		}
	}
	if mw := modWords[mod]; mw != "" {
		words = mw + " " + words
	}
	return words
}

// eventParts is the event's sentence with its dating words marked. When
// the sentence can be found in its article every expression in it is
// marked, the dating one flagged; otherwise the source's expression is
// looked up in the sentence itself.
func eventParts(e timeline.Event, articles map[string]*articleInfo) []part {
	for _, s := range e.Sources {
		a := articles[s.Article]
		if a == nil {
			continue
		}
		at := strings.Index(a.Text, e.Text)
		if at < 0 || e.Text == "" {
			continue
		}
		parts := cut(a.Text, at, at+len(e.Text), a.clean)
		found := false
		for i := range parts {
			if parts[i].ID == timexID(s.Timex.Start) {
				parts[i].Dating, found = true, true
			}
		}
		if found {
			return parts
		}
	}
	for _, s := range e.Sources {
		t := s.Timex
		if t.Text == "" {
			continue
		}
		at := strings.Index(e.Text, t.Text)
		if at < 0 {
			continue
		}
		typ := timex.Date
		if strings.HasPrefix(t.Value, "P") {
			typ = timex.Duration
		}
		p := part{Text: t.Text, ID: timexID(t.Start), Type: string(typ), Value: t.Value, Label: describe(typ, t.Value, ""), Dating: true}
		parts := []part{}
		if at > 0 {
			parts = append(parts, part{Text: e.Text[:at]})
		}
		parts = append(parts, p)
		if rest := e.Text[at+len(t.Text):]; rest != "" {
			parts = append(parts, part{Text: rest})
		}
		return parts
	}
	return []part{{Text: e.Text}}
}
