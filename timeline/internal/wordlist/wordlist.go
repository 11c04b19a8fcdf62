// Package wordlist reads the word lists that packages keep as embedded
// data files: one list a line, its name first, then its words; a name may
// take several lines and their words add up; # starts a comment line.
package wordlist

import (
	"fmt"
	"strings"
)

// Lists are word lists by name.
type Lists map[string][]string

// Parse reads src; file names it in errors.
func Parse(file, src string) (Lists, error) {
	out := Lists{}
	for i, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: list %q has no words", file, i+1, f[0])
		}
		out[f[0]] = append(out[f[0]], f[1:]...)
	}
	return out, nil
}

// MustParse is Parse for embedded files, whose errors are bugs caught by
// the first test that loads the package.
func MustParse(file, src string) Lists {
	l, err := Parse(file, src)
	if err != nil {
		panic(err)
	}
	return l
}

// Set makes a look-up table of the words of the named lists.
func (l Lists) Set(names ...string) map[string]bool {
	s := map[string]bool{}
	for _, n := range names {
		for _, w := range l[n] {
			s[w] = true
		}
	}
	return s
}
