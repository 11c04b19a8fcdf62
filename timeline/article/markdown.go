package article

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
)

// readMarkdown reads Markdown with optional TOML or YAML front matter. The
// body is rendered by goldmark, a CommonMark parser, and read back as HTML
// paragraphs, so emphasis, links, escapes and entities come out as the
// words a reader sees. Raw HTML in the Markdown is left out, as goldmark
// does by default. Without a front-matter title the first line is the
// headline, as in plain text.
func readMarkdown(data []byte) (draft, error) {
	if line, err := checkUTF8(data); err != nil {
		return draft{}, &FileError{Line: line, Err: err}
	}
	fm, body, err := splitFrontMatter(string(data))
	if err != nil {
		return draft{}, err
	}
	var rendered bytes.Buffer
	if err := goldmark.Convert([]byte(body), &rendered); err != nil {
		return draft{}, fmt.Errorf("markdown: %w", err)
	}
	doc, err := html.Parse(&rendered)
	if err != nil {
		return draft{}, fmt.Errorf("markdown: %w", err)
	}
	return draft{title: fm.Title, paras: htmlParagraphs(doc), meta: fm.meta()}, nil
}
