package timex

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed rules/rules.txt
var rulesText string

// A rule is one line of rules.txt: a pattern over tokens and what the
// matched span is (its TIMEX3 type and the normalizer that computes its
// value from the slots the pattern captured).
type rule struct {
	name   string
	typ    Type
	action action // what computes the value, see normalize.go
	arg    string // the normalizer's argument, after a colon
	elems  []elem
	order  int // position in the file: earlier rules win ties
	// second is the element the token after the first must match, when
	// the first always takes one token (anything but a month or weekday,
	// which may take its abbreviation's dot): checked before anything
	// else, it turns most attempts at "the" or a number away at once.
	second *elem
	// lead is how many leading elements are context, written with a
	// leading <: they must match but are not part of the expression
	// ("-31" in "July 23-31" is the expression "31").
	lead int
	// examples are the rule's example lines: texts it must match, with
	// the value it must give. Only tests read them.
	examples []example
}

// An example is one "example:" line of rules.txt, under the rule it
// belongs to:
//
//	example: "Rebels shelled the city on [Sunday]." => 2016-08-07
//	example: "They met [a day earlier]." => 2016-08-04 @narrative
//
// The brackets mark the expression (with any modifier) and are not part
// of the text. After => come the value (or "none" for a skip rule: no
// expression may overlap the brackets), an optional mod, and an optional
// anchor: @YYYY-MM-DD, @none for no anchor, @narrative for narrative
// mode. The anchor is 2016-08-09, a Tuesday, unless given.
type example struct {
	line      int // in rules.txt
	text      string
	from, to  int // the bracketed span in text, brackets removed
	value     string
	mod       string
	anchor    time.Time // zero: no anchor
	narrative bool
}

// exampleAnchor is the anchor of an example that names none.
var exampleAnchor = time.Date(2016, 8, 9, 0, 0, 0, 0, time.UTC)

// parseExample reads what follows "example:".
func parseExample(s string, line int) (example, error) {
	ex := example{line: line, anchor: exampleAnchor}
	s = strings.TrimSpace(s)
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return ex, fmt.Errorf("example: want a quoted text")
	}
	text, _ := strconv.Unquote(q)
	open, close := strings.IndexByte(text, '['), strings.IndexByte(text, ']')
	if open < 0 || close < open || strings.Count(text, "[") != 1 || strings.Count(text, "]") != 1 {
		return ex, fmt.Errorf("example: want one [bracketed] expression in the text")
	}
	ex.text = text[:open] + text[open+1:close] + text[close+1:]
	ex.from, ex.to = open, close-1
	if ex.from == ex.to {
		return ex, fmt.Errorf("example: empty brackets")
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(s[len(q):]), "=>")
	f := strings.Fields(rest)
	if !ok || len(f) == 0 || len(f) > 3 {
		return ex, fmt.Errorf(`example: want "TEXT" => VALUE [MOD] [@ANCHOR]`)
	}
	ex.value, f = f[0], f[1:]
	if len(f) > 0 && !strings.HasPrefix(f[0], "@") {
		ex.mod, f = f[0], f[1:]
	}
	if len(f) > 0 {
		a, ok := strings.CutPrefix(f[0], "@")
		switch {
		case !ok:
			return ex, fmt.Errorf("example: want @ANCHOR after the mod, got %q", f[0])
		case a == "narrative":
			ex.anchor, ex.narrative = time.Time{}, true
		case a == "none":
			ex.anchor = time.Time{}
		default:
			t, err := time.Parse("2006-01-02", a)
			if err != nil {
				return ex, fmt.Errorf("example: anchor %q: want @YYYY-MM-DD, @none or @narrative", f[0])
			}
			ex.anchor = t
		}
	}
	return ex, nil
}

// builtin is an element that matches numbers by their shape.
type builtin uint8

const (
	bNone     builtin = iota
	bYear             // 1999, "nineteen ninety-nine"
	bDay              // 7, 7th, seventh
	bNum              // any whole number: 3, "three"
	bYY               // a two-digit year after an apostrophe: '97
	bDecade           // 1990s, 90s
	bHour             // 1 to 24, maybe with am/pm glued on: 5pm
	bMinute           // 00 to 59
	bHourAMPM         // 5pm, 11am
	bHHMM             // 1400, 0930 before a time zone
	bDayTh            // 7th, 21st: a day said as an ordinal in figures
)

var builtinNames = map[string]builtin{
	"year": bYear, "day": bDay, "num": bNum, "yy": bYY, "decade": bDecade,
	"hour": bHour, "minute": bMinute, "hourampm": bHourAMPM, "hhmm": bHHMM,
	"dayth": bDayTh,
}

// elem is one position of a pattern. It matches a token by category, by
// number shape or by literal words.
type elem struct {
	cat      category
	builtin  builtin
	words    []string        // literal alternatives, lower case
	wordSet  map[string]bool // words, for long lists
	optional bool            // written with a trailing ?
	adjacent bool            // written with a leading ~: no space before the token
	capital  bool            // written with a leading ^: the token starts upper case
	negate   bool            // written with a leading !: the token must not match
	peek     bool            // written with a leading &: the token must match, not taken
}

// parseRules reads rules.txt: lines of NAME TYPE ACTION[:ARG] = ELEM...
func parseRules(src string) ([]*rule, error) {
	var rules []*rule
	defined := map[string]int{} // rule name → its line
	sc := bufio.NewScanner(strings.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(text, "example:"); ok {
			if len(rules) == 0 {
				return nil, fmt.Errorf("rules.txt:%d: an example before any rule", line)
			}
			ex, err := parseExample(rest, line)
			if err != nil {
				return nil, fmt.Errorf("rules.txt:%d: %v", line, err)
			}
			r := rules[len(rules)-1]
			r.examples = append(r.examples, ex)
			continue
		}
		head, body, ok := strings.Cut(text, "=")
		hf := strings.Fields(head)
		if !ok || len(hf) != 3 {
			return nil, fmt.Errorf("rules.txt:%d: want NAME TYPE ACTION = PATTERN", line)
		}
		if at, ok := defined[hf[0]]; ok {
			return nil, fmt.Errorf("rules.txt:%d: rule %s is already defined on line %d", line, hf[0], at)
		}
		defined[hf[0]] = line
		r := &rule{name: hf[0], typ: Type(hf[1]), order: len(rules)}
		name, arg, _ := strings.Cut(hf[2], ":")
		act, ok := actions[name]
		if !ok {
			return nil, fmt.Errorf("rules.txt:%d: unknown action %q", line, name)
		}
		r.action, r.arg = act, arg
		for _, f := range strings.Fields(body) {
			context := strings.HasPrefix(f, "<") && len(f) > 1
			if context {
				if len(r.elems) != r.lead {
					return nil, fmt.Errorf("rules.txt:%d: context elements come first", line)
				}
				r.lead++
				f = f[1:]
			}
			e, err := parseElem(f)
			if err != nil {
				return nil, fmt.Errorf("rules.txt:%d: %v", line, err)
			}
			if context && e.optional {
				return nil, fmt.Errorf("rules.txt:%d: a context element cannot be optional", line)
			}
			r.elems = append(r.elems, e)
		}
		if len(r.elems) == 0 || r.elems[0].optional && len(r.elems) == 1 {
			return nil, fmt.Errorf("rules.txt:%d: empty pattern", line)
		}
		if first := r.elems[0]; len(r.elems) > 1 && !first.optional && !first.negate && !first.peek &&
			first.cat != catMonth && first.cat != catWeekday && first.cat != catWeekdays { // "Aug." takes two tokens
			if e := &r.elems[1]; !e.optional && !e.negate && !e.peek {
				r.second = e
			}
		}
		rules = append(rules, r)
	}
	return rules, nil
}

func parseElem(f string) (elem, error) {
	var e elem
	for len(f) > 1 && strings.IndexByte("~^!&", f[0]) >= 0 {
		e.adjacent = e.adjacent || f[0] == '~'
		e.capital = e.capital || f[0] == '^'
		e.negate = e.negate || f[0] == '!'
		e.peek = e.peek || f[0] == '&'
		f = f[1:]
	}
	if len(f) > 1 && strings.HasSuffix(f, "?") {
		e.optional, f = true, f[:len(f)-1]
	}
	if name, ok := strings.CutPrefix(f, "@"); ok {
		if b, ok := builtinNames[name]; ok {
			e.builtin = b
			return e, nil
		}
		if c, ok := categoryNames[name]; ok {
			e.cat = c
			return e, nil
		}
		return e, fmt.Errorf("unknown class %q", f)
	}
	e.words = strings.Split(f, "|")
	if len(e.words) > 4 {
		e.wordSet = map[string]bool{}
		for _, w := range e.words {
			e.wordSet[w] = true
		}
	}
	return e, nil
}

// ruleIndex finds the rules that can start at a token without trying all.
// Each vocabulary word carries the rules that can start with it (by the
// word itself or by one of its categories); numbers are filed by the
// number shape their first element wants, so "1,200" never tries a year.
// A word's rules are filed again by the word after it (fileByNext).
type ruleIndex struct {
	vocab *vocabulary
	// exact reports that no literal is the empty word, so that a word the
	// engine does not know (no vocabulary word, empty key) matches none.
	exact   bool
	byShape [bHHMM + 1][]*rule
	// ordRules start with an ordinal: "20th" is a number that reads as one
	ordRules []*rule
}

// newRuleIndex files every rule under each element that can be its first,
// and builds the vocabulary from the lexicon, the rules' literals and
// extra words that other steps look for (modifiers, connectors).
func newRuleIndex(rules []*rule, lex *lexicon, extra []string) *ruleIndex {
	v := newVocabulary()
	byCat := map[category][]*rule{}
	for w, entries := range lex.words {
		v.add(w).entries = entries
	}
	for _, w := range extra {
		v.add(w)
	}
	ix := &ruleIndex{vocab: v}
	for _, r := range rules {
		for _, e := range r.elems {
			for _, w := range e.words {
				v.add(w)
			}
		}
		for _, e := range r.elems {
			switch {
			case e.cat != catNone:
				byCat[e.cat] = append(byCat[e.cat], r)
			case e.builtin != bNone:
				ix.byShape[e.builtin] = appendRule(ix.byShape[e.builtin], r)
			default:
				for _, w := range e.words {
					v.words[w].rules = appendRule(v.words[w].rules, r)
				}
			}
			if !e.optional {
				break
			}
		}
	}
	ix.ordRules = byCat[catOrd]
	for _, w := range v.words {
		for _, e := range w.entries {
			for _, r := range byCat[e.cat] {
				w.rules = appendRule(w.rules, r)
			}
		}
	}
	_, empty := v.words[""]
	ix.exact = !empty
	ix.fileByNext(v)
	return ix
}

// fileByNext splits each word's rules by the token after it, so that "the
// government" tries none of the many rules that start with "the". For
// each rule it works out which elements can be the one that takes the
// next token (see nextElems); a rule whose next element is a literal or a
// category can only match before the words that are that literal or have
// that category. Each list keeps the order of the word's rules, and what a
// list lets through is still matched in full: the lists only spare
// attempts that must fail.
func (ix *ruleIndex) fileByNext(v *vocabulary) {
	byCat := map[category][]*word{}
	for _, w := range v.words {
		for _, e := range w.entries {
			if ws := byCat[e.cat]; len(ws) == 0 || ws[len(ws)-1] != w {
				byCat[e.cat] = append(byCat[e.cat], w)
			}
		}
	}
	for _, w := range v.words {
		if len(w.rules) == 0 {
			continue
		}
		filed := map[*word][]*rule{}
		for _, r := range w.rules {
			elems, free := nextElems(w, r.elems, 0)
			if free {
				w.free = append(w.free, r)
				continue
			}
			for _, e := range elems {
				for _, key := range e.words {
					filed[v.words[key]] = appendRule(filed[v.words[key]], r)
				}
				for _, nw := range byCat[e.cat] {
					filed[nw] = appendRule(filed[nw], r)
				}
			}
		}
		w.fileNext(filed)
	}
}

// fileNext sets w.next from the rules filed under each next word: those
// and the free ones, in the order of w.rules.
func (w *word) fileNext(filed map[*word][]*rule) {
	w.next = make(map[*word][]*rule, len(filed))
	for nw, rs := range filed {
		var list []*rule
		for _, r := range w.rules {
			if slices.Contains(w.free, r) || slices.Contains(rs, r) {
				list = append(list, r)
			}
		}
		w.next[nw] = list
	}
}

// nextElems returns the elements of elems, from k on, that can take the
// token after one that reads as word w when a match starts there: one of
// them must match that token for the rule to match. free reports that no
// such condition holds: the pattern can end or look past the next token
// without taking it, or an abbreviation may take it as its dot.
func nextElems(w *word, elems []elem, k int) (next []*elem, free bool) {
	if k == len(elems) {
		return nil, true
	}
	e := &elems[k]
	if e.negate || e.peek {
		return nextElems(w, elems, k+1) // a look at the first token only
	}
	if e.optional {
		next, free = nextElems(w, elems, k+1)
	}
	if !free && canStart(w, e) {
		if takesDot(w, e) {
			return nil, true
		}
		taken, f := afterFirst(elems, k+1)
		next, free = append(next, taken...), f
	}
	return next, free
}

// afterFirst is nextElems once the first token is taken: the elements
// from k on that can take the next token.
func afterFirst(elems []elem, k int) (next []*elem, free bool) {
	for ; k < len(elems); k++ {
		e := &elems[k]
		if e.negate {
			return nil, true
		}
		next = append(next, e)
		if !e.optional || e.peek {
			return next, false
		}
	}
	return nil, true
}

// canStart reports whether e may match a token that reads as w. It may
// say yes wrongly, never no: numbers and ordinals are not judged by word.
func canStart(w *word, e *elem) bool {
	switch {
	case e.words != nil:
		return slices.Contains(e.words, w.key)
	case e.builtin != bNone || e.cat == catOrd:
		return true
	}
	return slices.ContainsFunc(w.entries, func(en entry) bool { return en.cat == e.cat })
}

// takesDot reports whether e may take two tokens at a word that reads as
// w: an abbreviation with its dot, "Aug.".
func takesDot(w *word, e *elem) bool {
	if e.words != nil || e.builtin != bNone {
		return false
	}
	return slices.ContainsFunc(w.entries, func(en entry) bool { return en.cat == e.cat && en.abbr })
}

// rulesBefore returns the rules of w that can match before token i+1: all
// of them unless the next token is one whose readings are known (a word,
// not a number, that reads as itself, or a word the engine does not know).
func (ix *ruleIndex) rulesBefore(w *word, toks []token, i int) []*rule {
	if w.next == nil {
		return w.rules
	}
	if i+1 >= len(toks) || toks[i+1].paraBreak {
		return w.free
	}
	t := &toks[i+1]
	switch {
	case t.kind == tokNum:
		return w.rules
	case t.w == nil && t.key == "" && ix.exact:
		return w.free
	case t.w != nil && t.w.key != "" && t.key == t.w.key:
		if rs, ok := w.next[t.w]; ok {
			return rs
		}
		return w.free
	}
	return w.rules
}

// appendRule adds r to rules unless it is there already.
func appendRule(rules []*rule, r *rule) []*rule {
	if slices.Contains(rules, r) {
		return rules
	}
	return append(rules, r)
}

// match is a rule matched on tokens [from, to) with the slots it filled.
type match struct {
	rule     *rule
	from, to int
	s        slots
}

// matchesAt appends to buf every rule match that starts at token i, best
// first: longer matches before shorter, and of equal length the rule
// written first. The caller takes the first one whose normalizer accepts
// it, so a pattern that captures nonsense ("the last month" read as an
// ordinal) gives way to the next reading.
func (ix *ruleIndex) matchesAt(text string, toks []token, i int, buf []match) []match {
	buf = buf[:0]
	// Most attempts fail, so each is first made on scratch slots that are
	// never cleared (whether a match succeeds does not depend on what the
	// slots hold), and made again on fresh slots only when it succeeds.
	var scratch slots
	try := func(rules []*rule) {
		for _, r := range rules {
			if r.second != nil {
				if i+1 >= len(toks) || toks[i+1].paraBreak {
					continue
				}
				if _, ok := matchElem(text, toks, i+1, r.second, &scratch); !ok {
					continue
				}
			}
			if _, ok := matchElems(text, toks, i, i, r.elems, &scratch); !ok {
				continue
			}
			var s slots
			to, _ := matchElems(text, toks, i, i, r.elems, &s)
			buf = append(buf, match{rule: r, from: i, to: to, s: s})
		}
	}
	t := &toks[i]
	if t.w != nil {
		try(ix.rulesBefore(t.w, toks, i))
	}
	if t.kind == tokNum {
		if isOrdinalSuffix(t.suffix) {
			try(ix.ordRules)
		}
		var probe slots
		for b := bYear; b <= bHHMM; b++ {
			if len(ix.byShape[b]) > 0 && probe.fillBuiltin(b, t) {
				try(ix.byShape[b])
			}
		}
	}
	if len(buf) > 1 {
		slices.SortFunc(buf, func(a, b match) int {
			if a.to != b.to {
				return b.to - a.to
			}
			return a.rule.order - b.rule.order
		})
	}
	return buf
}

// matchElems matches elems against toks from i on; start is where the
// match began. Optional elements are taken when they can be, and skipped
// when taking them fails the rest. No match crosses a paragraph break.
func matchElems(text string, toks []token, start, i int, elems []elem, s *slots) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	e := &elems[0]
	if e.negate || e.peek {
		// a look-ahead: the next token must (not) match; it is not taken
		var scratch slots
		matched := false
		if i < len(toks) && !toks[i].paraBreak {
			_, matched = matchElem(text, toks, i, e, &scratch)
		}
		if matched == e.negate {
			return 0, false
		}
		return matchElems(text, toks, start, i, elems[1:], s)
	}
	if i < len(toks) && (i == start || !toks[i].paraBreak) {
		if !e.optional {
			// nothing to undo on failure: the caller drops the slots
			if n, ok := matchElem(text, toks, i, e, s); ok {
				return matchElems(text, toks, start, i+n, elems[1:], s)
			}
			return 0, false
		}
		saved := *s
		if n, ok := matchElem(text, toks, i, e, s); ok {
			if end, ok := matchElems(text, toks, start, i+n, elems[1:], s); ok {
				return end, true
			}
		}
		*s = saved
	}
	if e.optional {
		return matchElems(text, toks, start, i, elems[1:], s)
	}
	return 0, false
}

// matchElem matches one element at toks[i] and returns how many tokens it
// took: two for an abbreviation with its dot ("Aug."), else one.
func matchElem(text string, toks []token, i int, e *elem, s *slots) (int, bool) {
	t := &toks[i]
	if e.adjacent && t.space {
		return 0, false
	}
	if e.capital && !startsUpper(text[t.start:t.end]) {
		return 0, false
	}
	switch {
	case e.words != nil:
		if e.wordSet != nil && !e.wordSet[t.key] {
			return 0, false
		}
		for _, w := range e.words {
			if t.key == w {
				// a literal with one reading fills its slot, "the quarter",
				// unless an earlier element filled it: "year-ago quarter"
				if en := t.entries(); len(en) == 1 && !s.filled(en[0].cat) {
					s.fill(en[0], t)
				}
				if w == "eve" {
					s.eve = true // "Christmas Eve", "New Year's Eve"
				}
				return 1, true
			}
		}
		return 0, false
	case e.builtin != bNone:
		return 1, s.fillBuiltin(e.builtin, t)
	}
	en, ok := t.get(e.cat)
	if !ok && e.cat == catOrd && t.kind == tokNum && isOrdinalSuffix(t.suffix) {
		en, ok = entry{cat: catOrd, num: t.num}, true
	}
	if !ok {
		return 0, false
	}
	if (en.abbr || t.has(catNeedCap)) && !startsUpper(text[t.start:t.end]) {
		return 0, false
	}
	s.fill(en, t)
	if en.abbr && i+1 < len(toks) && toks[i+1].key == "." && !toks[i+1].space {
		return 2, true
	}
	return 1, true
}

func startsUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func isOrdinalSuffix(s string) bool { return s == "st" || s == "nd" || s == "rd" || s == "th" }
