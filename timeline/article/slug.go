package article

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldAccents turns "Août" into "Aout": decompose, then drop the marks.
// A chain keeps state while it runs, so each call makes its own: files
// are read in parallel.
func foldAccents() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
}

// Slug turns a file name into the article's name in URLs: the base name
// without its extension, accents folded, lowercased, and every run of
// other characters one hyphen. "Alep – Août 7.md" gives "alep-aout-7". It
// depends on the name alone, so links stay put however the folder changes.
// A name with no Latin letters or digits at all gets "article-" and a hash
// of the name, which is just as stable.
func Slug(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	folded, _, err := transform.String(foldAccents(), base)
	if err != nil {
		folded = base
	}
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(folded) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
			continue
		}
		gap = true
	}
	if b.Len() == 0 {
		h := fnv.New32a()
		h.Write([]byte(base))
		return fmt.Sprintf("article-%08x", h.Sum32())
	}
	return b.String()
}
