package timex

import (
	"cmp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// engine is the compiled lexicon and rules. It is read-only after
// compilation and shared by every call of Resolve.
type engine struct {
	index *ruleIndex
	mods  []modifier
}

var std = mustCompile()

func mustCompile() *engine {
	lex, err := parseLexicon(lexiconText)
	if err != nil {
		panic(err)
	}
	rules, err := parseRules(rulesText)
	if err != nil {
		panic(err)
	}
	mods, err := parseModifiers(modifiersText)
	if err != nil {
		panic(err)
	}
	var extra []string
	for _, m := range mods {
		extra = append(append(extra, m.before...), m.after...)
	}
	for w := range connectors {
		extra = append(extra, w)
	}
	return &engine{index: newRuleIndex(rules, lex, extra), mods: mods}
}

// Resolve finds and normalizes every temporal expression in text.
//
// Recognition walks the tokens once, taking at each position the longest
// match of any rule and going on after it, so the cost is linear in the
// text. Normalization then resolves each match in text order, keeping the
// last mentioned date as the reference time of later anaphora.
//
// No pattern crosses a paragraph break, so the text is tokenized a
// paragraph at a time into one reused buffer: memory stays bounded by the
// longest paragraph (or maxChunk), whatever the size of the input.
func Resolve(text string, opt Options) []Timex {
	e := std
	c := &context{rules: e.index, text: text, narrative: opt.Narrative}
	if !opt.Anchor.IsZero() && !opt.Narrative {
		c.anchor = anchorPoint(opt.Anchor, opt.AnchorGranularity)
	}
	var out []Timex
	scratch := scratchPool.Get().(*scratch)
	defer scratchPool.Put(scratch)
	toks, buf := scratch.toks[:0], scratch.matches[:0]
	defer func() { scratch.toks, scratch.matches = toks[:0], buf[:0] }()
	for start := 0; start < len(text); {
		end := chunkEnd(text, start)
		toks = mergeNumbers(tokenize(text[:end], start, toks[:0], e.index.vocab))
		c.toks = toks
		out, buf = e.resolveChunk(c, out, buf)
		start = end
	}
	return out
}

// scratch is the memory one call of Resolve works in, kept between calls.
type scratch struct {
	toks    []token
	matches []match
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// resolveChunk resolves the tokens of one chunk, appending to out.
func (e *engine) resolveChunk(c *context, out []Timex, buf []match) ([]Timex, []match) {
	toks, text := c.toks, c.text
	floor := 0 // the first token not yet part of an expression
	c.lastEnd = -1
	var ahead []match
	for i := 0; i < len(toks); {
		buf = e.index.matchesAt(text, toks, i, buf)
		m, r, ok := firstResolved(c, buf)
		if !ok {
			i++
			continue
		}
		if at, ok := e.modifierAhead(c, m, floor, &ahead); ok {
			i = at // the expression after the modifier takes it in
			continue
		}
		if to, shifted, ok := e.shiftFromDate(c, m, &ahead); ok {
			m.to, r = to, shifted
		}
		i = m.to
		if m.rule.action == actSkip {
			continue
		}
		from, low := m.from+m.rule.lead, floor
		if m.rule.lead > 0 || possessive(toks, m.to) {
			low = from // no modifier reaches into the context words, nor past a determiner
		}
		ext := modifierAround(e.mods, toks, low, from, m.to, kindOf(m.rule, r))
		if ext.found {
			r.mod = cmp.Or(ext.mod, r.mod)
			i = ext.to
		}
		if first, ok := c.rangeStart(ext.from, floor, r); ok {
			out = append(out, first) // "26" of "26-30 November"
		}
		floor = ext.to
		start, end := toks[ext.from].start, toks[ext.to-1].end
		out = append(out, Timex{
			Start: start, End: end, Text: text[start:end],
			Type: r.typ, Value: r.value, Mod: r.mod, Rule: m.rule.name,
		})
		c.remember(m, r)
		c.lastEnd = ext.to
		if to, ok := e.ofDate(c, ext.to, r.typ, &out[len(out)-1], &buf); ok {
			i, floor, c.lastEnd = to, to, to
		}
	}
	return out, buf
}

// expressionAt resolves the expression that starts at token i, looking
// ahead from the one at hand: buf is a buffer of its own, since the
// match at hand points into the main one. Words a skip rule claims are
// no expression.
func (e *engine) expressionAt(c *context, i int, buf *[]match) (*match, result, bool) {
	*buf = e.index.matchesAt(c.text, c.toks, i, *buf)
	m, r, ok := firstResolved(c, *buf)
	if !ok || m.rule.action == actSkip {
		return nil, result{}, false
	}
	return m, r, true
}

// modifierAhead finds the words of a modifier that hold all of the match
// m and are followed by an expression the modifier fits: "the last half"
// in "the last half of the 1980s" is not a half-year of its own but says
// which part of the 1980s. It returns where that expression starts.
func (e *engine) modifierAhead(c *context, m *match, floor int, buf *[]match) (int, bool) {
	if m.rule.action == actSkip {
		return 0, false
	}
	toks := c.toks
	for k := range e.mods {
		md := &e.mods[k]
		n := len(md.before)
		if n < 2 || len(md.after) > 0 {
			continue
		}
		for s := max(floor, m.to-n); s <= m.from && s+n < len(toks); s++ {
			if !keysAt(toks, s, md.before) {
				continue
			}
			next, r, ok := e.expressionAt(c, s+n, buf)
			if ok && md.fits(kindOf(next.rule, r), toks[s+n]) {
				return s + n, true
			}
		}
	}
	return 0, false
}

// shiftFromDate counts a shift said before a date from that date: "the
// day before Tuesday's vote" is the Monday, "the week after Christmas" a
// week after it, one expression with the date. It returns the token after
// the date and the shifted result.
func (e *engine) shiftFromDate(c *context, m *match, buf *[]match) (int, result, bool) {
	arg := m.rule.arg
	if m.rule.action != actShift || arg != "before" && arg != "after" || m.s.plural || m.to >= len(c.toks) {
		return 0, result{}, false
	}
	next, r, ok := e.expressionAt(c, m.to, buf)
	if !ok || r.typ != Date && r.typ != Time || r.at.g < gDay || r.at.y == unknownYear {
		return 0, result{}, false
	}
	c.from = r.at
	shifted, ok := c.normalize(m)
	c.from = point{}
	if ok {
		c.remember(next, r) // the date said is a reference time like any other
	}
	return next.to, shifted, ok
}

// ofDate takes into a duration x, in narrative mode, the "of" phrase after
// it that names its date, as histories (TIMEX2 extents) annotate it: "the
// first ten months of 1915" is one expression, P10M, and 1915 still moves
// the story. News (TimeML) tags the two apart. It returns the token after
// the date and whether it took one.
func (e *engine) ofDate(c *context, at int, typ Type, x *Timex, buf *[]match) (int, bool) {
	toks := c.toks
	if !c.narrative || typ != Duration || at+1 >= len(toks) || toks[at].key != "of" {
		return 0, false
	}
	m, r, ok := e.expressionAt(c, at+1, buf)
	if !ok || r.typ != Date {
		return 0, false
	}
	x.End = toks[m.to-1].end
	x.Text = c.text[x.Start:x.End]
	c.remember(m, r)
	return m.to, true
}

// possessive reports a date that determines a noun, "Wednesday's ruling":
// a word before it modifies the noun phrase, as "around" in "get around
// Wednesday's ruling", not the date.
func possessive(toks []token, to int) bool {
	return to+1 < len(toks) && toks[to].key == "'" && !toks[to].space &&
		toks[to+1].key == "s" && !toks[to+1].space
}

// maxChunk bounds a chunk when a text has no blank lines for that long.
const maxChunk = 1 << 16

// chunkEnd returns where the chunk that begins at start ends: after the
// next blank line, or at a line, sentence or word end before maxChunk.
func chunkEnd(text string, start int) int {
	rest := text[start:]
	if len(rest) > maxChunk {
		rest = rest[:maxChunk]
	}
	if i := strings.Index(rest, "\n\n"); i >= 0 {
		return start + i + 2
	}
	if start+len(rest) == len(text) {
		return len(text)
	}
	for _, sep := range []string{"\n", ". ", " "} {
		if i := strings.LastIndex(rest, sep); i > 0 {
			return start + i + len(sep)
		}
	}
	end := start + len(rest)
	for end > start+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// rangeStart finds the first day of a range whose month only its second
// day carries: "26" in "26-30 November 1950" or "5 and 6 June", or the
// first year of a range whose era only the second carries: "499" in
// "499-493 BC". from is the second one's first token; the first must lie
// in [floor, from).
func (c *context) rangeStart(from, floor int, r result) (Timex, bool) {
	if !connectors[c.tokenKey(from-1)] || from-2 < floor {
		return Timex{}, false
	}
	if r.at.g == gYear && r.at.y < 0 {
		return c.eraRangeStart(from, r)
	}
	if r.at.g != gDay {
		return Timex{}, false
	}
	t := &c.toks[from-2]
	if t.kind != tokNum || t.digits == 0 || t.digits > 2 || t.num < 1 || t.num >= r.at.d ||
		t.suffix != "" && !isOrdinalSuffix(t.suffix) {
		return Timex{}, false
	}
	p := r.at
	p.d = t.num
	return Timex{Start: t.start, End: t.end, Text: c.text[t.start:t.end],
		Type: Date, Value: p.String(), Rule: "range-start"}, true
}

// eraRangeStart is the first year of "499-493 BC": a bare number, larger
// than the second year as years BC count down.
func (c *context) eraRangeStart(from int, r result) (Timex, bool) {
	t := &c.toks[from-2]
	if t.kind != tokNum || t.digits == 0 || t.digits > 4 || t.suffix != "" || t.grouped || t.num <= -r.at.y {
		return Timex{}, false
	}
	p := r.at
	p.y = -t.num
	return Timex{Start: t.start, End: t.end, Text: c.text[t.start:t.end],
		Type: Date, Value: p.String(), Rule: "range-start"}, true
}

func (c *context) tokenKey(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].key
}

// remember makes a resolved date the reference time of what follows. In
// news mode only dates said outright count: "a year earlier" refers to
// the period under discussion, and must not move it; nor does the
// counterpart of a reported quarter ("the year-ago period", "the 1988
// quarter").
func (c *context) remember(m *match, r result) {
	if !r.at.known() || r.at.g < gYear {
		return
	}
	if !c.narrative && (m.rule.action == actShift || m.rule.action == actAnaphor) {
		return
	}
	if !c.narrative && m.rule.arg == "Q" && (m.s.year != 0 || m.s.relSet) {
		return // "the 1988 quarter" compares with the quarter reported on
	}
	if c.narrative && !aheadMarker(c.toks, m.from) && tenseAt(c.toks, m.from, m.to) == tenseFuture {
		// "a campaign planned for 1976" is not where the story is; "until
		// May 8" is ahead of the news writer, not of a history's story,
		// and the clock time after it falls on that day
		return
	}
	c.count++
	c.lastAt[r.at.g], c.seq[r.at.g] = r.at, c.count
	if r.at.g == gQuarter && !c.narrative && c.anchor.known() {
		c.noteQuarter(r.at, saidEnded(c, m, r.at))
	}
	if c.narrative {
		c.tell(m, r)
	}
}

// firstResolved returns the first candidate match that normalizes. A
// skip rule always "normalizes": it claims its words for nothing.
func firstResolved(c *context, cands []match) (*match, result, bool) {
	for k := range cands {
		m := &cands[k]
		if loneAbbreviation(c, m) {
			continue
		}
		if m.rule.action == actSkip {
			return m, result{}, true
		}
		if r, ok := c.normalize(m); ok {
			return m, r, true
		}
	}
	return nil, result{}, false
}

// anchorPoint is the anchor at the granularity it is known to.
func anchorPoint(t time.Time, g Granularity) point {
	p := dayPoint(t)
	switch g {
	case GranYear:
		return p.coarsen(gYear)
	case GranMonth:
		return p.coarsen(gMonth)
	case GranWeek:
		return p.coarsen(gWeek)
	}
	return p
}

// kindOf says which modifiers a result takes: amounts take "nearly" and
// "more than", points "early" and "the end of", vague references "right"
// ("right now").
func kindOf(r *rule, res result) modKind {
	switch {
	case res.typ == Duration || r.action == actShift:
		return modAmount
	case res.typ == Set:
		return 0
	case r.action == actRef:
		return modRef
	}
	return modDate
}

// loneAbbreviation reports a match that is only an abbreviated month or
// weekday without its dot: "Sun" and "Jan" alone are a newspaper and a
// first name far more often than dates.
func loneAbbreviation(c *context, m *match) bool {
	if m.to-m.from != 1 {
		return false
	}
	for _, e := range c.toks[m.from].entries() {
		if e.abbr {
			return true
		}
	}
	return false
}

// normalize runs the match's normalizer. Under an anchor known only to
// the week, month or year, a relative expression could mean any of
// several dates: it is resolved against every day the anchor may be, and
// the value is the finest period all the answers share. "On Monday" under
// an anchor of 2016-W47 is the week or the month it falls in, never a
// day the evidence does not fix.
func (c *context) normalize(m *match) (result, bool) {
	norm := normalizers[m.rule.action]
	if c.narrative || !c.anchor.known() || c.anchor.g >= gDay {
		return norm(c, m)
	}
	coarse := c.anchor
	defer func() { c.anchor = coarse }()
	first := coarse.date()
	last := coarse.shift(coarse.g, 1).date()
	var agreed result
	var points []point
	for d := first; d.Before(last); d = d.AddDate(0, 0, 1) {
		c.anchor = dayPoint(d)
		s := m.s // normalizers may write to the slots
		r, ok := norm(c, &match{rule: m.rule, from: m.from, to: m.to, s: s})
		if !ok {
			return result{}, false
		}
		if len(points) == 0 {
			agreed = r
		}
		if r.at.g == gNone {
			if r.value != agreed.value {
				return result{}, false
			}
			continue
		}
		points = append(points, r.at)
	}
	if len(points) == 0 {
		return agreed, true
	}
	agreed.at = commonPeriod(points)
	if agreed.at.g < coarse.g && agreed.at.g < gYear || !agreed.at.known() {
		// wider than the anchor's own period: say "around" that period
		// rather than a decade ("last month" under an anchor of 2016)
		agreed.at, agreed.mod = coarse, "APPROX"
	}
	agreed.value = agreed.at.String()
	if agreed.at.g != points[0].g {
		agreed.typ = Date
	}
	return agreed, true
}

// commonPeriod is the finest period that holds every point.
func commonPeriod(points []point) point {
	g := points[0].g
	for _, p := range points {
		g = min(g, p.g)
	}
	for ; g > gNone; g-- {
		if g == gWeek || g == gSeason || g == gHalf || g == gQuarter {
			continue // weeks straddle months; stick to the calendar's nest
		}
		first := points[0].coarsen(g)
		same := true
		for _, p := range points[1:] {
			if p.coarsen(g).String() != first.String() {
				same = false
				break
			}
		}
		if same {
			return first
		}
	}
	return point{g: gYear, y: unknownYear}
}

// saidEnded reports whether the words say that the quarter q had ended,
// whatever its number: "the fourth quarter ended Sept. 30", or the
// quarter under way at the anchor told in the past ("reported a decline
// in fourth-quarter earnings" in November): a fiscal year's quarter.
func saidEnded(c *context, m *match, q point) bool {
	if m.to < len(c.toks) && (c.toks[m.to].key == "ended" || c.toks[m.to].key == "ending") {
		return true
	}
	if comparePeriods(q, c.anchor.coarsen(gQuarter)) != 0 {
		return false
	}
	t, found := clauseTense(c.toks, m.from, m.to)
	return found && t == tensePast
}
