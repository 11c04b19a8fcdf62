package config

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
)

// The program's own tables: a key in them that the program does not read
// is an error, as it is most likely misspelt and would be ignored.
// [gazetteer] belongs to event extraction and is checked as it is read
// (Table); [params] to the theme, which Hugo reads.
var ownKeys = map[string][]string{
	"timeline": {"source", "corrections"},
	"site":     {"title", "base_url", "language", "event_pages"},
	"limits":   {"max_article_bytes", "max_expressions", "max_html_depth", "max_title_chars"},
	"articles": nil, // a table per file name, each with articleKeys
}

var articleKeys = []string{"date"}

// laterTables are tables of the program that another part of it reads,
// through Table, and checks then.
var laterTables = map[string]bool{"gazetteer": true, "types": true}

// hugoKeys are the top-level settings and tables Hugo reads from the same
// file (lower case: Hugo ignores case in them). A key neither Hugo nor the
// program reads is reported as a warning: Hugo itself ignores it.
var hugoKeys = func() map[string]bool {
	keys := map[string]bool{}
	for _, t := range []reflect.Type{reflect.TypeFor[allconfig.RootConfig](), reflect.TypeFor[config.CommonDirs]()} {
		for i := range t.NumField() {
			if f := t.Field(i); !f.Anonymous {
				keys[strings.ToLower(f.Name)] = true
			}
		}
	}
	// Hugo's tables, decoded each on its own (allconfig's decoders), and
	// older names it still accepts.
	for _, k := range strings.Fields(`imaging caches httpcache build frontmatter markup segments server
		minify contenttypes mediatypes outputs outputformats languages versions roles params module
		permalinks sitemap taxonomies related cascade menus menu page pagination privacy security
		services deployment author social uglyurls internal paginate paginatepath languagename
		weight googleanalytics disqusshortname theme themesdir`) {
		keys[k] = true
	}
	return keys
}()

// checkKeys reports the keys of the file that nothing reads: an error
// for a key in one of the program's own tables, or a top-level one that
// looks like a misspelling of one; a warning for any other key that Hugo
// does not read either. Each names the file and line.
func (c *Config) checkKeys() (errs, warnings []error) {
	seen := map[string]bool{}
	for _, k := range c.firstMeta.Undecoded() {
		top := k[0]
		switch {
		case laterTables[top] || hugoKeys[strings.ToLower(top)]:
			continue
		case ownKeys[top] != nil || top == "articles":
			if top == "articles" && len(k) < 3 {
				if len(k) == 2 {
					// [articles] x = 1: not a table of one article
					errs = append(errs, fmt.Errorf("%s: [articles] %s: each entry of [articles] is a table named by a file name, such as [articles.\"2016-08-07-aleppo.txt\"]", c.at(k...), keyName(k[1])))
				}
				continue
			}
			table, key, want := "["+top+"]", keyName(k[1]), ownKeys[top]
			if top == "articles" {
				table, key, want = fmt.Sprintf("[articles.%s]", keyName(k[1])), keyName(k[2]), articleKeys
				if len(k) > 3 {
					continue // its parent is reported
				}
			} else if len(k) > 2 {
				continue
			}
			errs = append(errs, fmt.Errorf("%s: %s %s: no such setting%s; %s has %s", c.at(k...), table, key, didYouMean(key, want), table, strings.Join(want, ", ")))
		default:
			if seen[top] {
				continue
			}
			seen[top] = true
			own := make([]string, 0, len(ownKeys)+1)
			for t := range ownKeys {
				own = append(own, t)
			}
			own = append(own, "gazetteer")
			sort.Strings(own)
			if hint := didYouMean(top, own); hint != "" {
				errs = append(errs, fmt.Errorf("%s: %s: no such table%s", c.at(top), keyName(top), hint))
				continue
			}
			warnings = append(warnings, fmt.Errorf("%s: %s: neither the timeline nor Hugo reads this setting; the tables of the timeline are [%s]", c.at(top), keyName(top), strings.Join(own, "], [")))
		}
	}
	return errs, warnings
}

// didYouMean suggests the one of want that key is a likely misspelling
// of, or says nothing.
func didYouMean(key string, want []string) string {
	best, bestDist := "", 1<<30
	for _, w := range want {
		if d := distance(strings.ToLower(key), w); d < bestDist && d <= len(w)/3+1 {
			best, bestDist = w, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// keyName writes one part of a key as TOML would: bare when it can be.
var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func keyName(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return strconv.Quote(k)
}

// keyLines maps each table header and key of a TOML file to the line it
// is first set on, counted from 1, the parts of its path joined by NUL.
// It reads headers ([a."b"], [[a.b]]) and keys (k = v, "k" = v, a.b = v)
// line by line, which is enough to point at a line: it is no parser.
func keyLines(src string) map[string]int {
	lines := map[string]int{}
	var table []string
	set := func(path []string, line int) {
		k := strings.Join(path, "\x00")
		if _, ok := lines[k]; !ok {
			lines[k] = line
		}
	}
	for i, l := range strings.Split(src, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || l[0] == '#':
			continue
		case l[0] == '[':
			inner := strings.TrimLeft(l, "[")
			end := closing(inner)
			if end < 0 {
				continue
			}
			table = splitKey(inner[:end])
			set(table, i+1)
		default:
			eq := equals(l)
			if eq < 0 {
				continue
			}
			set(append(append([]string(nil), table...), splitKey(l[:eq])...), i+1)
		}
	}
	return lines
}

// closing is the index of the ] that ends a header, outside quotes.
func closing(s string) int { return indexOutsideQuotes(s, ']') }

// equals is the index of the = after a key, outside quotes.
func equals(s string) int { return indexOutsideQuotes(s, '=') }

// indexOutsideQuotes is the index of the first b in s that is not inside
// a TOML string, -1 when there is none.
func indexOutsideQuotes(s string, b byte) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			quote = c
		case c == b:
			return i
		}
	}
	return -1
}

// splitKey splits a dotted key into its parts, unquoted.
func splitKey(s string) []string {
	var parts []string
	var cur strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
				continue
			}
			if c == '\\' && quote == '"' && i+1 < len(s) {
				// Enough for a file name: \" and \\; others are kept.
				if s[i+1] == '"' || s[i+1] == '\\' {
					i++
					c = s[i]
				}
			}
			cur.WriteByte(c)
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

// at is where a key is set, "config.toml:12", or the file alone when the
// line is not found.
func (c *Config) at(key ...string) string {
	if line := c.lines[strings.Join(key, "\x00")]; line > 0 {
		return fmt.Sprintf("%s:%d", c.path, line)
	}
	return c.path
}

// Position is where a key of the file is set, "config.toml:12", or the
// file's name when the line is not found: Position("articles", "a.txt")
// for the pin of a.txt.
func (c *Config) Position(key ...string) string {
	if c.path == "" {
		return DefaultFile
	}
	return c.at(key...)
}

// tomlMismatch reads the toml package's words for a value of the wrong
// type, which it gives as plain errors: the line, the key, and the two
// types.
var (
	tomlLine     = regexp.MustCompile(`^toml: line (\d+) \(last key "((?:[^"\\]|\\.)*)"\): (.*)$`)
	tomlTypes    = regexp.MustCompile(`^incompatible types: TOML value has type ([^;]+); destination has type (\S+)$`)
	tomlMismatch = regexp.MustCompile(`^type mismatch for .*: expected (\w+) but found (\S+)$`)
)

// explainDecode turns an error of decoding into the file's own words:
// config.toml:2: [timeline] source = 5: a whole number, where a string
// (text in quotes) is wanted.
func explainDecode(path, src string, err error) error {
	m := tomlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	line, _ := strconv.Atoi(m[1])
	setting := setting(src, line, strings.ReplaceAll(m[2], `\"`, `"`))
	reason := m[3]
	if t := tomlTypes.FindStringSubmatch(reason); t != nil {
		reason = fmt.Sprintf("%s, where %s is wanted", typeName(t[1]), typeName(t[2]))
	} else if t := tomlMismatch.FindStringSubmatch(reason); t != nil {
		reason = fmt.Sprintf("%s, where %s is wanted", typeName(t[2]), typeName(t[1]))
	}
	return fmt.Errorf("%s:%d: %s: %s", path, line, setting, reason)
}

// setting writes the key the toml package names (`articles."a.txt".date`)
// as the file's reader sees it, with the value set on its line:
// `[articles."a.txt"] date = 7`.
func setting(src string, line int, key string) string {
	if k := splitKey(key); len(k) > 1 {
		key = "[" + strings.Join(quoteParts(k[:len(k)-1]), ".") + "] " + keyName(k[len(k)-1])
	} else if len(k) == 1 {
		key = keyName(k[0])
	}
	if _, v, ok := strings.Cut(lineOf(src, line), "="); ok {
		key += " = " + truncate(strings.TrimSpace(v), 60)
	}
	return key
}

// lineOf is line n of src, counted from 1, or "".
func lineOf(src string, n int) string {
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

func quoteParts(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = keyName(p)
	}
	return out
}

// typeName names a type as TOML writes its values: "a string (text in
// quotes)", "a table", "a whole number".
func typeName(t string) string {
	switch {
	case strings.HasPrefix(t, "map"), strings.HasPrefix(t, "struct"), t == "table":
		return "a table"
	case strings.HasPrefix(t, "[]"), t == "slice", t == "array":
		return "an array [ ]"
	case t == "string":
		return "a string (text in quotes)"
	case t == "bool", t == "boolean":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), t == "integer":
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case strings.Contains(t, "Time"), t == "datetime":
		return "a date"
	}
	return t
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r) + "…"
}
