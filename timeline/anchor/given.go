package anchor

import (
	"fmt"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// Dates given outright: pinned in config.toml, or in the file's own
// metadata. A day given is the anchor; a week, a month or a year given
// bounds what the text may find within it.

// pinned is the anchor of a date pinned in config.toml: the user's word.
// A pin of a day is taken as it is; a pin of a week, a month or a year
// lets the text find the day within it. A pin that does not read as a
// date is passed over (loading config.toml reports it).
func pinned(v string, r reading, now time.Time) (state, bool) {
	t, g, ok := timeml.ParseDate(v)
	if !ok {
		return state{}, false
	}
	p := precisionOf[g]
	why := fmt.Sprintf("config.toml pins this article at %s (%s precision)", v, p)
	if g != timex.GranDay {
		r.clues = append(r.clues, clue{words: v, kind: kGiven, origin: inPin, dir: reported, role: nearest,
			year: t.Year(), first: t, last: periodEnd(t, p)})
		a := r.anchor(nil, now)
		if !finer(a.Precision, p) {
			// The text fixes nothing finer than the pin: the pin is the
			// anchor, and what the text says of the day within it stays
			// the belief.
			day, belief, reasons := t, a.Belief, a.Reasons
			if len(belief) == 0 {
				belief, reasons = uniform(t, periodEnd(t, p), now), []string{why}
			} else {
				day = a.Date
			}
			a = Anchor{Date: day, Precision: p, Confidence: 1, Reasons: reasons, Belief: belief}
		}
		a.Source = FromPin
		return state{settled: true, read: r, anchor: a}, true
	}
	return state{settled: true, read: r, anchor: Anchor{Date: t, Precision: p, Confidence: 1, Source: FromPin,
		Reasons: []string{why}, Belief: sure(t, 1)}}, true
}

// periodEnd is the last day of the period of precision p that starts at
// t.
func periodEnd(t time.Time, p timeline.Precision) time.Time {
	return date.Of(t, p).Last()
}

var precisionOf = map[timex.Granularity]timeline.Precision{
	timex.GranDay:   timeline.PrecisionDay,
	timex.GranWeek:  timeline.PrecisionWeek,
	timex.GranMonth: timeline.PrecisionMonth,
	timex.GranYear:  timeline.PrecisionYear,
}

// metaTrust is how far each kind of metadata is trusted to give the
// publication day; kinds not listed are trusted like "<time datetime>".
var metaTrust = map[string]float64{
	"front matter date": 0.97,
	"URL path":          0.85,
}

const defaultMetaTrust = 0.92

// given is the anchor of metadata that gives the day. Other dates in the
// metadata, and the text, may disagree with it: that is said, and lowers
// the confidence, but the metadata stays the stronger evidence.
func given(m article.Meta, r reading) (state, bool) {
	d := m.Date
	if d.Time.IsZero() || d.Precision != timeline.PrecisionDay {
		return state{}, false
	}
	day := time.Date(d.Time.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, time.UTC)
	trust, ok := metaTrust[d.From]
	if !ok {
		trust = defaultMetaTrust
	}
	why := []string{fmt.Sprintf("the file's %s gives %s", d.From, d.Text)}
	for _, o := range m.Dates {
		if o.Time.IsZero() || o.Precision != timeline.PrecisionDay || o == d {
			continue
		}
		if o.Time.Format(time.DateOnly) != d.Time.Format(time.DateOnly) {
			why = append(why, fmt.Sprintf("but its %s gives %s", o.From, o.Text))
			trust *= 0.8
		} else {
			why = append(why, fmt.Sprintf("its %s agrees", o.From))
		}
	}
	if c, ok := contradiction(r.clues, day); ok {
		why = append(why, contradictionReason(c, day))
		trust *= 0.7
	}
	return state{settled: true, read: r, anchor: Anchor{
		Date: day, Precision: timeline.PrecisionDay, Confidence: round(trust), Source: FromMetadata, Reasons: why,
		Belief: sure(day, round(trust)),
	}}, true
}

// givenPeriod turns a metadata date that gives only a month or a year
// into a clue, so that the text can find the day within it.
func givenPeriod(d article.Date) (clue, bool) {
	if d.Time.IsZero() || (d.Precision != timeline.PrecisionMonth && d.Precision != timeline.PrecisionYear) {
		return clue{}, false
	}
	first := time.Date(d.Time.Year(), d.Time.Month(), 1, 0, 0, 0, 0, time.UTC)
	if d.Precision == timeline.PrecisionYear {
		first = time.Date(d.Time.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return clue{words: d.Text, kind: kGiven, origin: inMetadata, dir: reported, role: nearest,
		year: first.Year(), first: first, last: periodEnd(first, d.Precision)}, true
}

// contradiction finds a date the text reports as past, in so many words,
// that lies after day: then either the day or the text is wrong.
func contradiction(clues []clue, day time.Time) (clue, bool) {
	for _, c := range clues {
		first, _, ok := c.period()
		if ok && c.origin == inText && c.dir == reported && !c.background && first.After(day.AddDate(0, 0, 1)) {
			return c, true
		}
	}
	return clue{}, false
}
