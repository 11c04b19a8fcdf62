package article

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// frontMatter holds the fields an article may set; any others, such as
// Hugo's tags or draft, are ignored.
type frontMatter struct {
	Title  string   `toml:"title" yaml:"title"`
	Date   dateText `toml:"date" yaml:"date"`
	Source string   `toml:"source" yaml:"source"`
	URL    string   `toml:"url" yaml:"url"`
	Author string   `toml:"author" yaml:"author"`
	Lang   string   `toml:"lang" yaml:"lang"`
}

// fences open and close front matter, as Hugo has them: +++ for TOML,
// --- for YAML.
var fences = map[string]string{"+++": "TOML", "---": "YAML"}

// splitFrontMatter separates the front matter from the Markdown body. It
// returns a zero frontMatter when the file starts with no fence.
func splitFrontMatter(src string) (frontMatter, string, error) {
	src = strings.TrimPrefix(src, "\uFEFF")
	lines := strings.SplitAfter(src, "\n")
	fence := strings.TrimSpace(lines[0])
	lang, ok := fences[fence]
	if !ok {
		return frontMatter{}, src, nil
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == fence {
			fm, err := parseFrontMatter(lang, strings.Join(lines[1:i], ""))
			if err != nil {
				return frontMatter{}, "", err
			}
			return fm, strings.Join(lines[i+1:], ""), nil
		}
	}
	return frontMatter{}, "", &FileError{Line: 1, Err: fmt.Errorf("%s front matter opened with %s is never closed", lang, fence)}
}

// parseFrontMatter decodes TOML or YAML front matter. Errors carry the line
// in the file: the library's line, shifted past the opening fence. YAML is
// read with goccy/go-yaml rather than yaml.v3, whose syntax errors are often
// a line off.
func parseFrontMatter(lang, src string) (frontMatter, error) {
	var fm frontMatter
	var line int
	var reason string
	if lang == "TOML" {
		_, err := toml.Decode(src, &fm)
		var pe toml.ParseError
		switch {
		case err == nil:
			return fm, nil
		case errors.As(err, &pe):
			line, reason = pe.Position.Line, pe.Message
		default:
			line, reason = tomlTypeError(err)
		}
	} else {
		err := yaml.Unmarshal([]byte(src), &fm)
		var ye yaml.Error
		switch {
		case err == nil:
			return fm, nil
		case errors.As(err, &ye) && ye.GetToken() != nil:
			line, reason = ye.GetToken().Position.Line, ye.GetMessage()
		default:
			reason = err.Error()
		}
	}
	err := fmt.Errorf("malformed %s front matter: %s", lang, reason)
	if line == 0 {
		return fm, err
	}
	return fm, &FileError{Line: line + 1, Err: err}
}

// tomlErr is the shape of the toml package's errors for a value of the
// wrong type, which it returns as plain errors rather than ParseErrors.
var tomlErr = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]*"\))?: (.*)$`)

func tomlTypeError(err error) (line int, reason string) {
	m := tomlErr.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, err.Error()
	}
	line, _ = strconv.Atoi(m[1])
	return line, m[2]
}

// meta turns the fields into Meta, the date parsed with its precision.
func (fm frontMatter) meta() Meta {
	m := Meta{Source: fm.Source, URL: fm.URL, Author: fm.Author, Lang: fm.Lang}
	var dates []Date
	if fm.Date != "" {
		dates = append(dates, parseDate(string(fm.Date), "front matter date"))
	}
	if d, ok := urlPathDate(fm.URL); ok {
		dates = append(dates, d)
	}
	return m.withDates(dates)
}

// dateText keeps a front-matter date as written, so Date.Text shows what
// the file said. YAML hands it over as written; TOML types a bare date as a
// date, which UnmarshalTOML writes back in its own form.
type dateText string

func (d *dateText) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*d = dateText(v)
	case int64: // a bare year: date = 2016
		*d = dateText(strconv.FormatInt(v, 10))
	case time.Time:
		*d = dateText(v.Format(tomlLayout(v.Location())))
	default:
		return errors.New("date must be a date or a string")
	}
	return nil
}

// tomlLayout writes a TOML date back in the form it was written. TOML's
// local dates and times carry no zone; the toml package marks them with a
// zone of its own, which it names but does not export.
func tomlLayout(loc *time.Location) string {
	switch loc.String() {
	case "date-local":
		return time.DateOnly
	case "datetime-local":
		return "2006-01-02T15:04:05.999999999"
	case "time-local":
		return "15:04:05.999999999"
	}
	return time.RFC3339Nano
}
