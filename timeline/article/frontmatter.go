package article

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
//
// warnings are what the front matter says that cannot be used: a date
// that is no date is reported, with its line, and the article is dated
// from its text.
func splitFrontMatter(src string) (fm frontMatter, body string, warnings []error, err error) {
	src = strings.TrimPrefix(src, "\uFEFF")
	first, _, _ := strings.Cut(src, "\n")
	fence := strings.TrimSpace(first)
	lang, ok := fences[fence]
	if !ok {
		return frontMatter{}, src, nil, nil
	}
	lines := strings.SplitAfter(src, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == fence {
			fm, err := parseFrontMatter(lang, strings.Join(lines[1:i], ""))
			if err != nil {
				return frontMatter{}, "", nil, err
			}
			if fm.Date != "" {
				if d := parseDate(string(fm.Date), "front matter date"); d.Time.IsZero() {
					warnings = append(warnings, &FileError{Line: keyLine(lines[1:i], "date") + 1, Err: fmt.Errorf(
						"front matter date %q is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY): the article is dated from its text instead", truncate(string(fm.Date), 80))})
				}
			}
			return fm, strings.Join(lines[i+1:], ""), warnings, nil
		}
	}
	return frontMatter{}, "", nil, &FileError{Line: 1, Err: fmt.Errorf("%s front matter opened with %s is never closed", lang, fence)}
}

// keyLine is the line, counted from 1 in lines, that sets key at the top
// level of TOML or YAML front matter; 0 when none is found.
func keyLine(lines []string, key string) int {
	for i, l := range lines {
		k, _, ok := strings.Cut(l, "=")
		if k2, _, ok2 := strings.Cut(l, ":"); !ok || ok2 && len(k2) < len(k) {
			k, ok = k2, ok2
		}
		if ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1
		}
	}
	return 0
}

// truncate shortens s for a message to at most n bytes, on a character
// boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
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

// tomlTypes matches the toml package's words for a value of the wrong
// type, to be told in the file's own words.
var tomlTypes = regexp.MustCompile(`incompatible types: TOML value has type ([^;]+); destination has type (\S+)`)

func tomlTypeError(err error) (line int, reason string) {
	m := tomlErr.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, err.Error()
	}
	line, _ = strconv.Atoi(m[1])
	reason = m[2]
	if key := tomlKey.FindStringSubmatch(err.Error()); key != nil {
		if t := tomlTypes.FindStringSubmatch(reason); t != nil {
			reason = fmt.Sprintf("%s is %s; want %s", key[1], TOMLTypeName(t[1]), TOMLTypeName(t[2]))
		} else {
			reason = key[1] + ": " + reason
		}
	}
	return line, reason
}

var tomlKey = regexp.MustCompile(`\(last key "([^"]*)"\)`)

// TOMLTypeName names a Go type as TOML writes its values: "a string (in
// quotes)", "a table", "a number".
func TOMLTypeName(goType string) string {
	switch {
	case strings.HasPrefix(goType, "map"), strings.HasPrefix(goType, "struct"):
		return "a table"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case goType == "string":
		return "a string (text in quotes)"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "a whole number"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case strings.Contains(goType, "Time"):
		return "a date"
	}
	return goType
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
