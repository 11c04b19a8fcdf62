package timex

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed rules/modifiers.txt
var modifiersText string

// modKind is what a modifier can apply to.
type modKind uint8

const (
	modDate   modKind = 1 << iota // a DATE or TIME point
	modAmount                     // a DURATION, or a date counted from one
	modCount                      // an amount of one unit: "a week", not "the past year"
	modRef                        // a vague reference to a time: "now", "recently"
	modAny    = modDate | modAmount
)

// modifier is a phrase around an expression that sets its mod: words
// before it ("nearly", "the end of") and words after it ("or so").
type modifier struct {
	mod           string // "" extends the span only
	kind          modKind
	before, after []string // token keys
}

func parseModifiers(src string) ([]modifier, error) {
	kinds := map[string]modKind{"date": modDate, "amount": modAmount, "count": modCount, "any": modAny, "ref": modRef}
	var mods []modifier
	sc := bufio.NewScanner(strings.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		k, ok := kinds[f[1]]
		at := slices.Index(f, "...")
		if len(f) < 4 || !ok || at < 2 {
			return nil, fmt.Errorf("modifiers.txt:%d: want a mod, a kind, and words with ... for the expression", line)
		}
		m := modifier{mod: f[0], kind: k, before: f[2:at], after: f[at+1:]}
		if m.mod == "-" {
			m.mod = ""
		}
		mods = append(mods, m)
	}
	return mods, nil
}

// extent is an expression's tokens [from, to) with the mod its words set.
type extent struct {
	from, to int
	mod      string
	found    bool
}

// modifierAround finds the widest modifier around tokens [from, to) for an
// expression of kind k that starts no earlier than floor.
func modifierAround(mods []modifier, toks []token, floor, from, to int, k modKind) extent {
	best := extent{from: from, to: to}
	for i := range mods {
		md := &mods[i]
		start, end := from-len(md.before), to+len(md.after)
		if !md.fits(k, toks[from]) || start < floor || end > len(toks) ||
			end-start <= best.to-best.from {
			continue
		}
		if keysAt(toks, start, md.before) && keysAt(toks, to, md.after) && !gluedApart(toks, md, from) {
			best = extent{from: start, to: end, mod: md.mod, found: true}
		}
	}
	return best
}

// fits reports whether the modifier applies to an expression of kind k
// whose first token is first: a count modifier ("over" in "over a week")
// wants an amount of one unit, "a" or "an", as "over the past year" and
// "over three years" are mostly the stretch of time something took.
func (md *modifier) fits(k modKind, first token) bool {
	if md.kind != modCount {
		return md.kind&k != 0
	}
	return k&modAmount != 0 && (first.key == "a" || first.key == "an")
}

// keysAt reports whether the tokens at i are words, within one paragraph.
func keysAt(toks []token, i int, words []string) bool {
	for j, w := range words {
		t := &toks[i+j]
		if t.key != w || t.paraBreak && (j > 0 || i+j > 0 && w == "") {
			return false
		}
	}
	return len(words) == 0 || !toks[i+len(words)-1].paraBreak || len(words) == 1
}

// gluedApart reports a hyphen modifier ("mid-") set apart from its
// expression: "mid-November" is one word, "mid - November" is not.
func gluedApart(toks []token, md *modifier, from int) bool {
	n := len(md.before)
	return n > 0 && md.before[n-1] == "-" && toks[from].space
}
