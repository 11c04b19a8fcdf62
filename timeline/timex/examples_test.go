package timex

import (
	"fmt"
	"strings"
	"testing"
)

// TestRuleExamples runs every example of rules.txt: the bracketed
// expression must be found by the rule the example sits under, with the
// value and mod it gives; a skip rule's brackets must be claimed by that
// rule and be part of no expression. A rule without an example fails.
//
// The rules in deadRules match nothing today: their examples say what they
// should give, and must still fail, so that a fix takes them off the list.
func TestRuleExamples(t *testing.T) {
	rules, err := parseRules(rulesText)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rules {
		if len(r.examples) == 0 {
			t.Errorf("rules.txt: rule %s has no example", r.name)
		}
		for _, ex := range r.examples {
			n++
			err := checkExample(r, ex)
			if why, dead := deadRules[r.name]; dead {
				if err == nil {
					t.Errorf("rules.txt:%d: %s gives its example now: take it off deadRules (%s)", ex.line, r.name, why)
				}
				continue
			}
			if err != nil {
				t.Errorf("rules.txt:%d: %s: %q: %v", ex.line, r.name, ex.text, err)
			}
		}
	}
	t.Logf("%d rules, %d examples", len(rules), n)
}

// deadRules are the rules that cannot give their example today, and why.
var deadRules = map[string]string{
	"the-same-day": "the-ana-unit (the @anarel @unit, anarel has \"same\") is written first and wins",
}

func checkExample(r *rule, ex example) error {
	got := Resolve(ex.text, Options{Anchor: ex.anchor, Narrative: ex.narrative})
	span := ex.text[ex.from:ex.to]
	if r.action == actSkip {
		if ex.value != "none" || ex.mod != "" {
			return fmt.Errorf("a skip rule's example gives none")
		}
		for _, x := range got {
			if x.Start < ex.to && ex.from < x.End {
				return fmt.Errorf("got %q (%s %s) over %q", x.Text, x.Rule, x.Value, span)
			}
		}
		if !skipsAt(ex, r.name) {
			return fmt.Errorf("%s does not claim %q", r.name, span)
		}
		return nil
	}
	for _, x := range got {
		if x.Start == ex.from && x.End == ex.to {
			if x.Rule != r.name || x.Value != ex.value || x.Mod != ex.mod {
				return fmt.Errorf("got %s %s %s; want %s %s", x.Rule, x.Value, x.Mod, ex.value, ex.mod)
			}
			return nil
		}
	}
	return fmt.Errorf("no expression %q; got %v", span, got)
}

// skipsAt walks ex.text as Resolve does and reports whether the skip rule
// named name claims exactly the bracketed span.
func skipsAt(ex example, name string) bool {
	ix := std.index
	toks := mergeNumbers(tokenize(ex.text, 0, nil, ix.vocab))
	c := &context{rules: ix, text: ex.text, toks: toks, narrative: ex.narrative}
	if !ex.anchor.IsZero() && !ex.narrative {
		c.anchor = anchorPoint(ex.anchor, GranDay)
	}
	c.lastEnd = -1
	var buf []match
	for i := 0; i < len(toks); {
		buf = ix.matchesAt(ex.text, toks, i, buf)
		m, res, ok := firstResolved(c, buf)
		if !ok {
			i++
			continue
		}
		if m.rule.action == actSkip && m.rule.name == name &&
			toks[m.from].start == ex.from && toks[m.to-1].end == ex.to {
			return true
		}
		i = m.to
		if m.rule.action != actSkip {
			c.remember(m, res)
			c.lastEnd = m.to
		}
	}
	return false
}

// TestParseExampleErrors checks that a malformed example is an error that
// names its line, and that a good one is read whole.
func TestParseExampleErrors(t *testing.T) {
	const rule = "y DATE date = @year\n"
	for _, line := range []string{
		`example: "in 2012" => 2012`,              // no brackets
		`example: "in [2012] and [2013]" => 2012`, // two
		`example: "in []2012" => 2012`,            // empty
		`example: in [2012] => 2012`,              // not quoted
		`example: "in [2012]" 2012`,               // no =>
		`example: "in [2012]" =>`,                 // no value
		`example: "in [2012]" => 2012 START @x`,   // bad anchor
		`example: "in [2012]" => 2012 START END`,  // two mods
		`example: "in [2012]" => 2012 @a @b @c`,   // too many fields
	} {
		_, err := parseRules(rule + line + "\n")
		if err == nil || !strings.HasPrefix(err.Error(), "rules.txt:2: example:") {
			t.Errorf("%s: got error %v, want one at rules.txt:2", line, err)
		}
	}
	if _, err := parseRules(`example: "in [2012]" => 2012` + "\n" + rule); err == nil {
		t.Errorf("an example before any rule: no error")
	}
	rules, err := parseRules(rule + `  example: "The war began in \"[2012]\"." => 2012 APPROX @narrative` + "\n")
	if err != nil {
		t.Fatal(err)
	}
	ex := rules[0].examples[0]
	if ex.line != 2 || ex.text != `The war began in "2012".` || ex.text[ex.from:ex.to] != "2012" ||
		ex.value != "2012" || ex.mod != "APPROX" || !ex.narrative || !ex.anchor.IsZero() {
		t.Errorf("got %+v", ex)
	}
}

func TestEveryActionHasANormalizer(t *testing.T) {
	for name, act := range actions {
		if int(act) >= len(normalizers) || normalizers[act] == nil {
			t.Errorf("action %q has no normalizer", name)
		}
	}
}

func TestParseRulesErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a DATE date = @year\nb DATE nosuch = @year\n", `rules.txt:2: unknown action "nosuch"`},
		{"a DATE date = @year\n\na DATE date = @month\n", "rules.txt:3: rule a is already defined on line 1"},
		{"  example: \"[1990]\" => 1990\n", "rules.txt:1: an example before any rule"},
		{"a DATE date\n", "rules.txt:1: want NAME TYPE ACTION = PATTERN"},
		{"a DATE date = @year <@month\n", "rules.txt:1: context elements come first"},
	} {
		_, err := parseRules(tc.src)
		if err == nil || err.Error() != tc.want {
			t.Errorf("parseRules(%q) = %v, want %s", tc.src, err, tc.want)
		}
	}
}
