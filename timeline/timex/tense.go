package timex

import "strings"

// tense is the time of a clause relative to the anchor, as far as words
// tell it. It decides which way an underspecified date points: "on
// Tuesday" in a past-tense clause is the Tuesday before the anchor, in a
// future one the Tuesday after it.
type tense int8

const (
	tensePast tense = iota - 1
	tensePresent
	tenseFuture
)

// clauseWindow bounds how far the cue search looks back, in tokens, and
// lookAhead how far it looks past the expression.
const (
	clauseWindow = 24
	lookAhead    = 8
)

// tenseAt finds the tense of the clause around tokens [from, to).
//
// Without a part-of-speech tagger, the clause's tense is read from cue
// words listed in lexicon.txt: auxiliaries and common verbs ("will",
// "was", "said"), phrases that announce a plan ("is due to", "plans to",
// "is expected to", "were planning to") and words that set a deadline
// ("until Tuesday"). Any word ending in -ed is no cue: adjectives and
// participles ("reduced dividend", "scheduled") misled it more often than
// they helped. The
// nearest cue before the expression within its sentence wins, since in
// "said on Monday it will meet on Friday" each date takes the verb just
// before it; failing that the nearest cue a few words after it, or up to
// the clause's end for a date that opens its sentence. News
// reports what has happened, so a clause with no cue is taken as past.
// The search after the expression stops where another clause begins
// (clause-break words: "shares issued July 1, which will receive ...").
func tenseAt(toks []token, from, to int) tense {
	t, _ := clauseTense(toks, from, to)
	return t
}

// clauseTense is tenseAt that also reports whether a cue was found; with
// none the tense is the default, past.
func clauseTense(toks []token, from, to int) (tense, bool) {
	ahead := aheadMarker(toks, from)
	if ahead && !frontedDeadline(toks, from) {
		return tenseFuture, true
	}
	for i, n := from-1, 0; i >= 0 && n < clauseWindow; i, n = i-1, n+1 {
		if endsSentence(&toks[i]) || toks[i+1].paraBreak {
			break
		}
		if t, ok := cue(toks, i); ok {
			return t, true
		}
	}
	window := lookAhead
	if opensSentence(toks, from) {
		window = clauseWindow // "On Tuesday, the Abortion Rights Action League plans to hold"
	}
	for i, n := to, 0; i < len(toks) && n < window; i, n = i+1, n+1 {
		if toks[i].paraBreak || endsSentence(&toks[i]) || toks[i].has(catClauseBreak) {
			break
		}
		if window > lookAhead && toks[i].key == "that" {
			break // "On 15 March, Nixon implied that the U.S. would ...": another clause's verb
		}
		if planNoun(toks, i) {
			continue // "unveiled Tuesday plans for a concert": the plan is not the date's
		}
		if window > lookAhead && pastPlan(toks, i) {
			// "On Friday, the government planned to pay ...": a date
			// opening its sentence dates the main verb, here the planning
			return tensePast, true
		}
		if t, ok := cue(toks, i); ok {
			return t, true
		}
	}
	if ahead {
		return tenseFuture, true
	}
	return tensePast, false
}

// planNoun reports "plan for" or "plans for" at i: a noun naming a plan.
// Before a date it announces one ahead ("a withdrawal plan for ... late
// 2008"); after a date it is no verb of the date's clause ("On Friday,
// when Albright set aside vacation plans for the trip").
func planNoun(toks []token, i int) bool {
	k := toks[i].key
	return (k == "plan" || k == "plans") && i+1 < len(toks) && toks[i+1].key == "for"
}

// pastPlan reports a plan word in the simple past at i, "planned to",
// "scheduled to": a finite verb of its own, with no auxiliary before it
// ("was expected to" has its tense from "was", "has scheduled" is
// perfect).
func pastPlan(toks []token, i int) bool {
	t := &toks[i]
	if !t.has(catFutureLead) || !strings.HasSuffix(t.key, "ed") {
		return false
	}
	if i+1 >= len(toks) || toks[i+1].key != "to" {
		return false
	}
	if i > 0 {
		if p := &toks[i-1]; p.has(catPassive) || p.has(catPerfect) || p.has(catPast) || p.has(catPresent) || p.has(catFuture) {
			return false
		}
	}
	return true
}

// pastVerbJustBefore reports a verb in -ed right before the preposition
// that opens the expression: "fighting erupted in September". Words in
// -ed are no tense cue (see tenseAt), but one that governs the date's own
// preposition is its verb, in the simple past unless an auxiliary makes
// it a participle ("will be released in September", "to be published in
// November") or it names a plan ("scheduled").
func pastVerbJustBefore(c *context, from int) bool {
	toks, i := c.toks, from-1
	if i < 1 || !toks[i].has(catDatePrep) {
		return false
	}
	v := &toks[i-1]
	word := lower(c.text[v.start:v.end])
	if v.kind != tokWord || len(word) < 5 || !strings.HasSuffix(word, "ed") || v.has(catFutureLead) {
		return false
	}
	return i < 2 || !toks[i-2].has(catPassive) && !toks[i-2].has(catFuture) && !toks[i-2].has(catPresent)
}

// opensSentence reports an expression that opens its sentence, alone or
// after a preposition ("On Tuesday, ..."): it dates the main clause, whose
// verb comes after the subject, however long.
func opensSentence(toks []token, from int) bool {
	i := from - 1
	if i >= 0 && toks[i].kind == tokWord && (toks[i].key == "on" || toks[i].key == "in") {
		i--
	}
	return i < 0 || toks[i+1].paraBreak || endsSentence(&toks[i])
}

// frontedDeadline reports a deadline opening its sentence, "Until
// Thursday, they had not called him a suspect": the clause's own verb
// says whether the deadline is past, and only without one is it ahead.
func frontedDeadline(toks []token, from int) bool {
	i := from - 1
	if i >= 0 && toks[i].key == "on" {
		i--
	}
	return i >= 0 && toks[i].has(catDeadline) &&
		(i == 0 || toks[i].paraBreak || endsSentence(&toks[i-1]))
}

// aheadMarker reports words right before an expression that put it after
// the time of writing whatever the verb's tense: "postponed until
// Tuesday", "as early as Tuesday", "as soon as Tuesday".
func aheadMarker(toks []token, from int) bool {
	i := from - 1
	if i >= 0 && toks[i].key == "on" {
		i--
	}
	if i < 0 {
		return false
	}
	if toks[i].has(catDeadline) {
		return true
	}
	return i >= 2 && toks[i].key == "as" && toks[i-2].key == "as" &&
		(toks[i-1].key == "early" || toks[i-1].key == "soon")
}

func endsSentence(t *token) bool {
	return t.kind == tokPunct && (t.key == "." || t.key == "!" || t.key == "?" || t.key == ";")
}

// cue reports the tense a token signals, if any.
func cue(toks []token, i int) (tense, bool) {
	t := &toks[i]
	if t.kind != tokWord {
		return 0, false
	}
	switch {
	case t.has(catFuture):
		return tenseFuture, true
	case t.has(catFutureLead):
		// "due to", "expected to", "plans to", "scheduled for"
		if i > 0 && toks[i-1].has(catPerfect) {
			return tenseFuture, true // "has scheduled a news conference Thursday"
		}
		if i+1 >= len(toks) || toks[i+1].key != "to" && toks[i+1].key != "for" {
			return 0, false
		}
		if i >= 2 && toks[i-1].key == "been" && toks[i-2].key == "had" {
			return tensePast, true // "had been due to expire Friday": a plan overtaken
		}
		return tenseFuture, true
	case t.has(catPassive) && i > 0 && toks[i-1].key == "to":
		return tenseFuture, true // "to be published in November"
	case t.has(catPast):
		if i > 0 && toks[i-1].has(catPassive) {
			return 0, false // "will be held": a participle, not a past tense
		}
		if i+2 < len(toks) && toks[i+1].has(catFutureLead) && strings.HasSuffix(toks[i+1].key, "ing") &&
			toks[i+2].key == "to" && (t.key == "was" || t.key == "were") {
			return tenseFuture, true // "were planning to drive Monday": a plan still ahead
		}
		return tensePast, true
	case t.has(catSchedule):
		// "they meet Monday": a plan told in the present; "did not meet
		// Monday", "to meet": the word before says it
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if toks[j].key == "not" || toks[j].key == "n't" || toks[j].has(catPast) || toks[j].has(catFuture) || toks[j].key == "to" {
				return 0, false
			}
		}
		return tenseFuture, true
	case t.has(catPresent):
		// "is due to", "is expected to", "is to": a plan, said in the present
		if i+1 < len(toks) && toks[i+1].key == "to" {
			return tenseFuture, true
		}
		if i+2 < len(toks) && toks[i+1].has(catFutureLead) && (toks[i+2].key == "to" || toks[i+2].key == "for") {
			return tenseFuture, true
		}
		return tensePresent, true
	}
	return 0, false
}
