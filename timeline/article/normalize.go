package article

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalization makes the same words the same bytes whatever the source:
// typographic quotes become ASCII ones, every kind of space a plain space,
// invisible characters go, and the result is in Unicode NFC. Later steps
// match words and patterns against this text, and quote it by offsets.

// runeMap replaces or drops single characters. ZWJ and ZWNJ are kept on
// purpose: in Persian and Arabic text and in emoji they change the word.
var runeMap = map[rune]rune{
	'\u2018': '\'', // ‘
	'\u2019': '\'', // ’
	'\u201A': '\'', // ‚
	'\u201B': '\'', // ‛
	'\u2032': '\'', // ′ prime
	'\u201C': '"',  // “
	'\u201D': '"',  // ”
	'\u201E': '"',  // „
	'\u201F': '"',  // ‟
	'\u2033': '"',  // ″ double prime
	'\u2010': '-',  // hyphen
	'\u2011': '-',  // non-breaking hyphen
	'\u00AD': -1,   // soft hyphen
	'\u200B': -1,   // zero-width space
	'\u2060': -1,   // word joiner
	'\uFEFF': -1,   // byte order mark, zero-width no-break space
	'\u200E': -1,   // left-to-right mark
	'\u200F': -1,   // right-to-left mark
}

// lineBreaks are every way a file may end a line.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")

// splitLines splits raw text into lines, whatever its line endings.
func splitLines(s string) []string {
	return strings.Split(lineBreaks.Replace(s), "\n")
}

// normalizeLine cleans one line: characters mapped, spaces collapsed and
// trimmed, NFC applied last so no dropped character can hide a composition.
func normalizeLine(s string) string {
	s = strings.Map(mapRune, s)
	s = strings.Join(strings.Fields(s), " ")
	return norm.NFC.String(s)
}

func mapRune(r rune) rune {
	if m, ok := runeMap[r]; ok {
		return m
	}
	switch {
	case unicode.IsSpace(r):
		return ' '
	case unicode.IsControl(r):
		return -1
	}
	return r
}

// cleanParagraph normalizes every line of a paragraph and drops the empty
// and boilerplate ones; it returns "" when nothing of the paragraph is left.
func cleanParagraph(p string) string {
	var kept []string
	for _, line := range splitLines(p) {
		line = normalizeLine(line)
		if line != "" && !isBoilerplate(line) {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

//go:embed boilerplate.txt
var boilerplateSrc string

var boilerplate = compileLinePatterns("boilerplate.txt", boilerplateSrc)

// isBoilerplate reports whether a normalized line is page furniture, such
// as "Advertisement" or "Share", rather than article text. A leading bullet
// is ignored: "• Short link :" is the same furniture as "Short link :".
func isBoilerplate(line string) bool {
	bare := strings.TrimLeft(line, "•·*-–— ")
	for _, re := range boilerplate {
		if re.MatchString(line) || re.MatchString(bare) {
			return true
		}
	}
	return false
}

// compileLinePatterns compiles one regular expression a line, anchored to a
// whole line and case-insensitive, skipping blank lines and # comments. A
// bad pattern is a bug in an embedded file, so it panics naming the line.
func compileLinePatterns(name, src string) []*regexp.Regexp {
	var res []*regexp.Regexp
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		re, err := regexp.Compile(`(?i)^(?:` + line + `)$`)
		if err != nil {
			panic(fmt.Sprintf("%s:%d: %v", name, i+1, err))
		}
		res = append(res, re)
	}
	return res
}
