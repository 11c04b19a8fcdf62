package theme

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

var (
	// comment is a template comment, whose examples may hold "}}" or
	// "{{<": removed first, it is no page text.
	comment = regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`)
	// code is what a reader copies as it is, config.toml's keys say: no
	// words to translate.
	code   = regexp.MustCompile(`(?s)<code>.*?</code>`)
	action = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	tag    = regexp.MustCompile(`(?s)<[^>]*>`)
	entity = regexp.MustCompile(`&[#a-zA-Z0-9]+;`)
	word   = regexp.MustCompile(`\pL{2,}`)
)

// stillWritten are the templates that still write words of their own,
// which are to move to i18n/en.toml: none today. A template taken off
// the list may not gain words again, and one that loses its last word
// must come off it.
var stillWritten = map[string]bool{}

// TestWordsComeFromI18n: what a reader sees in a page's text is the
// theme's i18n/ words or the timeline's data, never words written into a
// template, so a project can translate or reword every one of them.
// (Words in attributes and scripts are not checked here.)
func TestWordsComeFromI18n(t *testing.T) {
	err := fs.WalkDir(FS, "layouts", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			return err
		}
		text := comment.ReplaceAllString(string(b), " ")
		text = code.ReplaceAllString(text, " ")
		text = action.ReplaceAllString(text, " ")
		text = tag.ReplaceAllString(text, " ")
		text = entity.ReplaceAllString(text, " ")
		w := word.FindAllString(text, 5)
		switch {
		case len(w) > 0 && !stillWritten[name]:
			t.Errorf("%s: words written into the template, not taken from i18n: %q", name, w)
		case len(w) == 0 && stillWritten[name]:
			t.Errorf("%s takes all its words from i18n now: take it off stillWritten", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
