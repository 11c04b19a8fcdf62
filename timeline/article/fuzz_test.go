package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	f.Add([]byte("<script>alert(1)\n\nBody on Monday.\n"))
	f.Add([]byte("+++\ntitle = { a = 1 }\ndate = 12345\n+++\n{{< stat >}} {{ .Site }}\n"))
	f.Add([]byte(strings.Repeat("> ", 600) + "deep"))
	f.Add([]byte(strings.Repeat("- ", 600) + "deep"))
	f.Add([]byte(strings.Repeat("[", 600) + "x" + strings.Repeat("](y)", 600)))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "fuzz.md", data) })
}

// FuzzReadHTML feeds the page reader anything: readability, the nesting
// check and the metadata must fail with a *FileError or give an Article
// whose offsets hold.
func FuzzReadHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<html><body>" + strings.Repeat("<div>", 600) + "Deep on Monday." + "</body></html>"))
	f.Add([]byte(strings.Repeat("<b>", 600) + strings.Repeat("<p>x", 100)))
	f.Add([]byte("<table>" + strings.Repeat("<tr><td><table>", 200)))
	f.Add([]byte(`<meta charset="iso-8859-1"><p>Caf` + "\xe9" + ` on Monday.</p>`))
	f.Add([]byte(`<meta charset="utf-16"><p>x</p>`))
	f.Add([]byte("<script>alert(1)</script><p>Body on Monday, 7 August 2016.</p>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "fuzz.html", data) })
}

// FuzzReadText feeds the plain-text reader anything, in any encoding or
// none: it must refuse what is not UTF-8 text, naming the line, or give an
// Article whose offsets hold.
func FuzzReadText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "readdir", "*.txt"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Headline\r\n\r\nBody\u2028more\u0085on Monday.\r"))
	f.Add([]byte("\xff\xfeH\x00e\x00")) // UTF-16
	f.Add([]byte("\uFEFFBOM headline\n\nBody.\n"))
	f.Add([]byte("Alep\n\nBombard\xe9e.\n")) // Latin-1
	f.Add([]byte(strings.Repeat("on Monday ", 2000)))
	f.Add([]byte("rtl \u202e override\n\n\u200b\u00ad\u2060 invisible.\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "fuzz.txt", data) })
}

// fuzzMaxBytes bounds a fuzzed input: what is bigger says nothing the
// limits do not, and would only slow the search.
const fuzzMaxBytes = 64 << 10

// fuzzRead reads data as the file name, which must give a *FileError
// naming it or an Article whose promises hold, in time proportional to the
// input.
func fuzzRead(t *testing.T, name string, data []byte) {
	if len(data) > fuzzMaxBytes {
		return
	}
	start := time.Now()
	a, err := ReadBytes(name, data)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reading %d bytes took %s", len(data), d)
	}
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != name {
			t.Fatalf("error %v is not a *FileError for %s", err, name)
		}
		if strings.ContainsAny(err.Error(), "\n") && !strings.Contains(fe.Err.Error(), "\n") {
			t.Errorf("message %q has a line break", err)
		}
		return
	}
	checkArticle(t, a)
	for _, w := range a.Warnings {
		if fe, ok := w.(*FileError); !ok || fe.Path != name {
			t.Errorf("warning %v is not a *FileError for %s", w, name)
		}
	}
}
