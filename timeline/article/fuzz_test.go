package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzSplitSentences checks that any input, even broken UTF-8, splits
// without panic into ordered, trimmed spans that never cross a line.
func FuzzSplitSentences(f *testing.F) {
	for _, tc := range sentenceCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := SplitSentences(text)
		checkSpans(t, text, spans)
		for _, s := range spans {
			if strings.Contains(s.In(text), "\n") {
				t.Errorf("sentence %q crosses a line", s.In(text))
			}
		}
	})
}

// FuzzReadMarkdown feeds the front-matter and Markdown reader anything: it
// must either fail with a *FileError naming the file or return an Article
// whose offsets hold.
func FuzzReadMarkdown(f *testing.F) {
	for _, dir := range []string{"markdown", "readdir"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.md"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("+++\n+++\n"))
	f.Add([]byte("---\ndate: [\n---\nBody."))
	f.Add([]byte("---\n---\n# Title\n\nBody.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadBytes("fuzz.md", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != "fuzz.md" {
				t.Fatalf("error %v is not a *FileError for fuzz.md", err)
			}
			return
		}
		checkArticle(t, a)
	})
}
