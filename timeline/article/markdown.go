package article

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// markdown renders CommonMark, with raw HTML kept as the text it is.
var markdown = goldmark.New(goldmark.WithRendererOptions(
	renderer.WithNodeRenderers(util.Prioritized(rawHTMLAsText{}, 0)),
))

// readMarkdown reads Markdown with optional TOML or YAML front matter. The
// body is rendered by goldmark, a CommonMark parser, and read back as HTML
// paragraphs, so emphasis, links, escapes and entities come out as the
// words a reader sees. Without a front-matter title the first line is the
// headline, as in plain text.
//
// Raw HTML in the Markdown is not HTML to this reader: a block of it
// (which CommonMark lets run to the end of the file when it opens with
// <script> and never closes) is kept as the text it is, tags and all, so
// it can neither hide the article nor run; an inline tag (<br>, <em>) is
// left out and the words around it kept. Hugo shortcodes and template
// actions ({{< >}}, {{ .Site }}) are text like any other.
func readMarkdown(data []byte, lim Limits) (draft, error) {
	if line, err := checkUTF8(data); err != nil {
		return draft{}, &FileError{Line: line, Err: err}
	}
	fm, body, warnings, err := splitFrontMatter(string(data))
	if err != nil {
		return draft{}, err
	}
	var rendered bytes.Buffer
	if err := markdown.Convert([]byte(body), &rendered); err != nil {
		return draft{}, fmt.Errorf("markdown: %w", err)
	}
	if err := checkDepth(rendered.Bytes(), lim.MaxDepth, "the Markdown nests"); err != nil {
		return draft{}, err
	}
	doc, err := html.Parse(&rendered)
	if err != nil {
		return draft{}, fmt.Errorf("markdown: %w", err)
	}
	return draft{title: fm.Title, paras: htmlParagraphs(doc), meta: fm.meta(), warnings: warnings}, nil
}

// rawHTMLAsText renders the raw HTML of Markdown as escaped text: a block
// as a paragraph of its own, inline HTML as nothing.
type rawHTMLAsText struct{}

func (rawHTMLAsText) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		w.WriteString("<p>")
		lines := b.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if i > 0 {
				w.WriteString("<br>")
			}
			w.WriteString(html.EscapeString(string(bytes.TrimRight(seg.Value(src), "\r\n"))))
		}
		if b.HasClosure() {
			w.WriteString("<br>")
			w.WriteString(html.EscapeString(string(bytes.TrimRight(b.ClosureLine.Value(src), "\r\n"))))
		}
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindRawHTML, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
}
