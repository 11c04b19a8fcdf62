package timex

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed rules/modifiers.txt
var modifiersText string

// modKind is what a modifier can apply to.
type modKind uint8

const (
	modDate   modKind = 1 << iota // a DATE or TIME point
	modAmount                     // a DURATION, or a date counted from one
	modAny    = modDate | modAmount
)

// modifier is a phrase before an expression that sets its mod.
type modifier struct {
	mod   string
	kind  modKind
	words []string // token keys, in order
}

func parseModifiers(src string) ([]modifier, error) {
	kinds := map[string]modKind{"date": modDate, "amount": modAmount, "any": modAny}
	var mods []modifier
	sc := bufio.NewScanner(strings.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		k, ok := kinds[f[1]]
		if len(f) < 3 || !ok {
			return nil, fmt.Errorf("modifiers.txt:%d: want MOD KIND WORD...", line)
		}
		mods = append(mods, modifier{mod: f[0], kind: k, words: f[2:]})
	}
	return mods, nil
}

// modifierBefore finds the longest modifier that ends right before token
// from and starts no earlier than floor, for an expression of kind k. It
// returns the token where the modifier starts.
func modifierBefore(mods []modifier, toks []token, floor, from int, k modKind) (string, int, bool) {
	best, bestStart := "", from
	for i := range mods {
		md := &mods[i]
		n := len(md.words)
		start := from - n
		if md.kind&k == 0 || start < floor || start >= bestStart {
			continue
		}
		ok := true
		for j, w := range md.words {
			t := &toks[start+j]
			if t.key != w || j > 0 && t.paraBreak {
				ok = false
				break
			}
		}
		// a hyphen glues: "mid-November", never "mid - November"
		if ok && md.words[n-1] == "-" && toks[from].space {
			ok = false
		}
		if ok {
			best, bestStart = md.mod, start
		}
	}
	return best, bestStart, best != ""
}
