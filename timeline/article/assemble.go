package article

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// draft is what a format reader hands on: the raw headline (empty if the
// format has none), the raw paragraphs in order, and the metadata. All
// readers share what happens next, so every format is normalized and split
// the same way.
type draft struct {
	title string
	paras []string // "\n" inside one is a hard line break
	meta  Meta
	// warnings are what the reader went past without refusing the file:
	// *FileErrors, with the line where known and the path left for the
	// caller.
	warnings []error
}

// assemble normalizes a draft into an Article with the headline, body text
// and paragraph and sentence offsets; slug, path and format are the
// caller's.
func assemble(d draft, lim Limits) (*Article, error) {
	var paras []string
	for _, p := range d.paras {
		if p = cleanParagraph(p); p != "" {
			paras = append(paras, p)
		}
	}
	title, paras := headline(normalizeLine(d.title), paras)
	if len(paras) == 0 {
		return nil, ErrNoText
	}

	a := &Article{Title: title, Meta: d.meta, Warnings: d.warnings}
	if cut, ok := cutTitle(title, lim.MaxTitle); !ok {
		a.Title = cut
		a.Warnings = append(a.Warnings, &FileError{Err: &LimitError{
			What:  fmt.Sprintf("the headline is %s characters long", Thousands(int64(utf8.RuneCountInString(title)))),
			Limit: fmt.Sprintf("the limit of %s", Thousands(int64(lim.MaxTitle))),
			Key:   KeyMaxTitle,
			Kept:  "it is cut there",
		}})
	}
	var text strings.Builder
	for i, p := range paras {
		if i > 0 {
			text.WriteString("\n\n")
		}
		start := text.Len()
		text.WriteString(p)
		a.Paragraphs = append(a.Paragraphs, Span{start, text.Len()})
		for _, s := range SplitSentences(p) {
			a.Sentences = append(a.Sentences, Span{start + s.Start, start + s.End})
		}
	}
	a.Text = text.String()
	return a, nil
}

// headline settles the title and the body paragraphs. Without a title from
// the file's metadata, the first line of text is the headline, as in the
// plain-text seeds. A first line that ends with a period is a lede, not a
// headline, so it stays in the body too. With a title, a first paragraph
// repeating it (a Markdown "# Title" under front matter, a page's <h1>) is
// dropped so the body does not start with the headline twice.
func headline(title string, paras []string) (string, []string) {
	if len(paras) == 0 {
		return title, paras
	}
	first, rest, _ := strings.Cut(paras[0], "\n")
	if title == "" {
		title = first
		if isLede(first) {
			return title, paras
		}
	} else if !sameText(title, first) {
		return title, paras
	}
	if rest != "" {
		return title, append([]string{rest}, paras[1:]...)
	}
	return title, paras[1:]
}

// isLede reports whether a first line reads as a sentence: headlines never
// end with a period.
func isLede(line string) bool {
	return strings.HasSuffix(strings.TrimRight(line, `"')`), ".")
}

// sameText compares two headlines loosely, as sites change case and final
// punctuation between the <title> and the page.
func sameText(a, b string) bool {
	trim := func(s string) string { return strings.TrimRight(s, ".:!? ") }
	return strings.EqualFold(trim(a), trim(b))
}
