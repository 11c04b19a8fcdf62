package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML reaches the text as paragraphs: readability's extract of a saved page
// and goldmark's rendering of Markdown both go through htmlParagraphs, so
// the two formats keep paragraph structure the same way.

// blockTags each start and end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true,
	atom.Table: true, atom.Tr: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true,
}

// skipTags hold no article text.
var skipTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true,
}

// htmlParagraphs returns the text of n as paragraphs, one per block
// element, with "\n" where a <br> broke a line.
func htmlParagraphs(n *html.Node) []string {
	var w paraWriter
	w.walk(n)
	w.flush()
	return w.paras
}

type paraWriter struct {
	paras []string
	cur   strings.Builder
}

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			w.cur.WriteByte('\n')
			return
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			w.cur.WriteByte(' ') // cells of a row read as one line
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
}

// text appends a text run with HTML whitespace turned into spaces, so that
// "\n" in a paragraph stands for a <br> alone; normalization collapses the
// spaces later.
func (w *paraWriter) text(s string) {
	w.cur.WriteString(strings.Map(func(r rune) rune {
		if isHTMLSpace(r) {
			return ' '
		}
		return r
	}, s))
}

func (w *paraWriter) flush() {
	if p := strings.TrimSpace(w.cur.String()); p != "" {
		w.paras = append(w.paras, p)
	}
	w.cur.Reset()
}

// isHTMLSpace is HTML's whitespace: a no-break space is not, it stays
// for normalization to handle.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}
