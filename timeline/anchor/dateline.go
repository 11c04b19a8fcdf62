package anchor

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
)

//go:embed datelines.txt
var datelinesText string

// monthPattern is what MONTH stands for in datelines.txt.
const monthPattern = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

// datelinePattern is one line of datelines.txt.
type datelinePattern struct {
	name string
	re   *regexp.Regexp
}

var datelinePatterns = mustDatelines(datelinesText)

func mustDatelines(src string) []datelinePattern {
	p, err := parseDatelines(src)
	if err != nil {
		panic(err)
	}
	return p
}

func parseDatelines(src string) ([]datelinePattern, error) {
	var out []datelinePattern
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, expr, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("datelines.txt:%d: want a name and a pattern", i+1)
		}
		re, err := regexp.Compile(strings.ReplaceAll(strings.TrimSpace(expr), "MONTH", monthPattern))
		if err != nil {
			return nil, fmt.Errorf("datelines.txt:%d: %v", i+1, err)
		}
		out = append(out, datelinePattern{name, re})
	}
	return out, nil
}

// dateline is the opening of a story as an agency writes it.
type dateline struct {
	text   string // the whole dateline, "BEIRUT, Aug 7 (Reuters) -"
	at     int    // its byte offset in the body
	place  string
	date   string // as written, empty when the dateline has none
	dateAt int    // the date's byte offset in the body
	agency string
}

// datelineParagraphs is how many paragraphs a dateline may come after:
// saved pages put a caption, a "Share" button or a byline first.
const datelineParagraphs = 4

// findDateline looks for a dateline at the start of the body's first
// paragraphs.
func findDateline(body string) (dateline, bool) {
	at := 0
	for range datelineParagraphs {
		para := body[at:]
		if i := strings.IndexByte(para, '\n'); i >= 0 {
			para = para[:i]
		}
		for _, p := range datelinePatterns {
			m := p.re.FindStringSubmatchIndex(para)
			if m == nil {
				continue
			}
			d := dateline{text: strings.TrimSpace(para[:m[1]]), at: at}
			for k, g := range p.re.SubexpNames() {
				if g == "" || m[2*k] < 0 {
					continue
				}
				v := para[m[2*k]:m[2*k+1]]
				switch g {
				case "place":
					d.place = strings.TrimSpace(v)
				case "date":
					d.date, d.dateAt = v, at+m[2*k]
				case "agency":
					d.agency = strings.TrimSpace(v)
				}
			}
			return d, true
		}
		next := strings.IndexByte(body[at:], '\n')
		if next < 0 {
			break
		}
		at += next + 1
		for at < len(body) && body[at] == '\n' {
			at++
		}
	}
	return dateline{}, false
}
