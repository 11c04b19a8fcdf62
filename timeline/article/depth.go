package article

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// voidTags never hold anything, so they open no level of nesting.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// impliedEnd are elements whose end tag may be left out, as the next of
// their kind closes them: they add no depth, or a list of <li>s left open
// would count as nested.
var impliedEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Option: true, atom.Optgroup: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Colgroup: true,
	atom.Caption: true, atom.Rb: true, atom.Rt: true, atom.Rp: true, atom.Rtc: true,
	atom.Html: true, atom.Head: true, atom.Body: true,
}

// checkDepth refuses HTML nested deeper than max elements before anything
// builds a tree of it: parsers and readers of HTML take time and stack in
// proportion to the depth at each element, so a page of 5,000 nested
// <div>s costs what a book would. One pass of the tokenizer counts open
// tags less closed ones, which is what a browser would nest, or more
// (tags left open); the line is that of the element past the limit.
func checkDepth(data []byte, max int, what string) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	z.SetMaxBuf(0)
	depth, offset := 0, 0
	for {
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !voidTags[a] && !impliedEnd[a] {
				depth++
			}
			if depth > max {
				return &FileError{Line: lineAt(data, min(offset, len(data))), Err: &LimitError{
					What:  fmt.Sprintf("%s elements more than %s deep", what, Thousands(int64(max))),
					Limit: fmt.Sprintf("the limit of %s", Thousands(int64(max))),
					Key:   KeyMaxDepth,
				}}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); depth > 0 && !voidTags[a] && !impliedEnd[a] {
				depth--
			}
		}
		offset += raw
	}
}
