package timeml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"conflict-timeline/timeline/timex"
)

// Parse reads one TimeML document from r. name is the file it came from:
// it becomes Document.Path and starts every error, as name:line: message.
//
// Offsets are counted in the decoded text, so an &amp; before a timex
// counts one byte, not five. The XML decoder also turns CR LF into LF, as
// XML requires; the offsets are into that text too.
func Parse(r io.Reader, name string) (*Document, error) {
	p := &parser{dec: xml.NewDecoder(r), name: name}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.document(), nil
}

// parser walks the token stream once, keeping the open elements on a
// stack so that character data can be routed by where it stands.
type parser struct {
	dec  *xml.Decoder
	name string

	stack   []string // local names of the open elements, outermost first
	sawText bool

	id, title, text strings.Builder
	dctValue        string
	open            []timex.Timex // TIMEX3 begun in <TEXT>, not yet ended
	timexes         []timex.Timex
}

func (p *parser) run() error {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			return p.finish()
		}
		if err != nil {
			return p.wrap(err)
		}
		// Token, unlike RawToken, rejects mismatched end tags, so the
		// stack always mirrors the document.
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.startElement(t); err != nil {
				return err
			}
			p.stack = append(p.stack, t.Name.Local)
		case xml.EndElement:
			p.stack = p.stack[:len(p.stack)-1]
			p.endElement(t)
		case xml.CharData:
			p.charData(t)
		}
	}
}

func (p *parser) startElement(t xml.StartElement) error {
	switch t.Name.Local {
	case "TEXT":
		if p.sawText {
			return p.errorf("a second <TEXT>")
		}
		p.sawText = true
	case "TIMEX3":
		switch {
		case p.inside("TEXT"):
			p.open = append(p.open, timex.Timex{
				Start: p.text.Len(),
				Type:  timex.Type(attr(t, "type")),
				Value: attr(t, "value"),
				Mod:   attr(t, "mod"),
			})
		case p.inside("DCT") && p.dctValue == "":
			p.dctValue = attr(t, "value")
		}
	}
	return nil
}

func (p *parser) endElement(t xml.EndElement) {
	if t.Name.Local != "TIMEX3" || !p.inside("TEXT") {
		return
	}
	tx := p.open[len(p.open)-1]
	p.open = p.open[:len(p.open)-1]
	tx.End = p.text.Len()
	// An empty TIMEX3 is a non-consuming one: there are no words for a
	// resolver to find, so it cannot be gold.
	if tx.End > tx.Start {
		p.timexes = append(p.timexes, tx)
	}
}

func (p *parser) charData(t xml.CharData) {
	switch {
	case p.inside("TEXT"):
		p.text.Write(t)
	case p.inside("TITLE"):
		p.title.Write(t)
	case len(p.stack) > 0 && p.stack[len(p.stack)-1] == "DOCID":
		p.id.Write(t)
	}
}

func (p *parser) finish() error {
	if !p.sawText {
		return fmt.Errorf("%s: no <TEXT> element", p.name)
	}
	return nil
}

func (p *parser) document() *Document {
	d := &Document{
		ID:       strings.TrimSpace(p.id.String()),
		Path:     p.name,
		DCTValue: p.dctValue,
		Title:    strings.Join(strings.Fields(p.title.String()), " "),
		Text:     p.text.String(),
		Timexes:  p.timexes,
	}
	d.DCT, d.DCTGranularity, _ = ParseDate(p.dctValue)
	// A TIMEX3 nested in another ends first and so was appended first.
	slices.SortStableFunc(d.Timexes, func(a, b timex.Timex) int { return a.Start - b.Start })
	for i := range d.Timexes {
		d.Timexes[i].Text = d.Text[d.Timexes[i].Start:d.Timexes[i].End]
	}
	return d
}

func (p *parser) inside(name string) bool {
	return slices.Contains(p.stack, name)
}

// errorf reports a problem at the decoder's current line.
func (p *parser) errorf(format string, args ...any) error {
	line, _ := p.dec.InputPos()
	return fmt.Errorf("%s:%d: %s", p.name, line, fmt.Sprintf(format, args...))
}

// wrap puts the file name, and the line when known, before a decoder error.
func (p *parser) wrap(err error) error {
	if se, ok := errors.AsType[*xml.SyntaxError](err); ok {
		return fmt.Errorf("%s:%d: %s", p.name, se.Line, se.Msg)
	}
	return fmt.Errorf("%s: %w", p.name, err)
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
