package timex

// mergeNumbers joins runs of number words into one number token, so that
// the patterns see "twenty-four", "nineteen ninety-six" and "two thousand
// and five" as a single number, just like "24", "1996" and "2005".
//
// A spoken year ("nineteen ninety-six") is two numbers of two digits in a
// row; it is marked by digits=4 so that @year takes it. Single number
// words become number tokens too ("two years"), keeping their key so
// that a pattern may also name them ("one").
func mergeNumbers(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); {
		lead := i
		if toks[i].key == "a" && i+1 < len(toks) && !toks[i+1].paraBreak && roundNumber(toks[i+1]) {
			i++ // "a hundred years", "a dozen times"
		}
		if !toks[i].has(catNum) {
			out = append(out, toks[i])
			i++
			continue
		}
		j, val := readNumberWords(toks, i)
		t := toks[lead]
		t.end, t.kind, t.num, t.digits, t.key, t.suffix, t.w = toks[j-1].end, tokNum, val, 0, "", "", nil
		if j == i+1 && lead == i {
			t.key = toks[i].key // a lone word still reads as itself: "will one day", "a year or two"
		}
		// "nineteen ninety-six": a second two-digit group right after
		if val >= 10 && val < 100 && j < len(toks) && toks[j].has(catNum) && toks[j].space && val != 10 {
			k, low := readNumberWords(toks, j)
			if low >= 0 && low < 100 && (k-j > 1 || low >= 10) {
				t.end, t.num, t.digits, j = toks[k-1].end, val*100+low, 4, k
			}
		}
		// "twenty-first": tens joined to an ordinal word becomes one ordinal
		if val >= 20 && val%10 == 0 && j+1 < len(toks) && toks[j].key == "-" && !toks[j].space && !toks[j+1].space {
			if e, ok := toks[j+1].get(catOrd); ok && e.num > 0 && e.num < 10 {
				t.kind, t.key, t.end, t.num = tokWord, "", toks[j+1].end, 0
				t.w = &word{entries: []entry{{cat: catOrd, num: val + e.num}}}
				j += 2
			}
		}
		if j == i+1 {
			// a lone number word keeps its word too, so that a rule may
			// start with it ("a|one half")
			t.w = toks[i].w
		}
		out = append(out, t)
		i = j
	}
	return out
}

// roundNumber reports a number word that "a" counts: "a hundred", "a
// thousand", "a dozen".
func roundNumber(t token) bool {
	e, ok := t.get(catNum)
	return ok && (e.num == 100 || e.num == 1000 || t.key == "dozen")
}

// readNumberWords reads number words from toks[i] on, joined by spaces,
// hyphens or "and", and returns the index after them and their value.
func readNumberWords(toks []token, i int) (next, value int) {
	total, group := 0, 0
	next = i
	for j := i; j < len(toks); {
		e, ok := toks[j].get(catNum)
		if !ok || (j > i && !continuesNumber(group, e.num)) {
			break
		}
		switch n := e.num; {
		case n == 100:
			group = max(group, 1) * 100
		case n == 1000:
			total += max(group, 1) * 1000
			group = 0
		default:
			group += n
		}
		next = j + 1
		j++
		// a hyphen joins "twenty-four"; "and" joins "hundred and five"
		if j+1 < len(toks) && toks[j+1].has(catNum) &&
			(toks[j].key == "-" && !toks[j].space || toks[j].key == "and" && group%100 == 0) {
			j++
		}
	}
	return next, total + group
}

// continuesNumber reports whether number word n can follow a number whose
// current hundreds group is group: "twenty" "five", "hundred" "five", but
// not "five" "six".
func continuesNumber(group, n int) bool {
	switch {
	case n == 100 || n == 1000:
		return group < 100
	case group%100 == 0:
		return true
	default:
		return group%100 >= 20 && group%10 == 0 && n < 10
	}
}
