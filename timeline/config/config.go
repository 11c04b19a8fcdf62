// Package config reads config.toml, the settings of a timeline: where the
// articles are, what the website says of itself, and dates pinned by hand
// for articles that do not say their own.
//
// Each part of the program reads its own tables; a table this package
// does not know (the site's, say) is left for its reader, not an error.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"conflict-timeline/timeline/timeml"
)

// DefaultFile is the name config.toml goes by, at the top of a timeline.
const DefaultFile = "config.toml"

// DefaultSource is the folder of articles when config.toml names none.
const DefaultSource = "seeds"

// Config is what config.toml says.
type Config struct {
	Timeline Timeline `toml:"timeline"`
	Site     Site     `toml:"site"`
	// Articles holds settings for single articles, by file name:
	// [articles."004_27d682cdbfe1bedc.txt"].
	Articles map[string]Article `toml:"articles"`
	// Limits bound what one article may cost.
	Limits Limits `toml:"limits"`
	// dir is the folder the file was read from: paths in it are relative
	// to that folder.
	dir string
	// path is the file read, empty when it was absent; tables and meta
	// keep every top-level table undecoded for Table.
	path   string
	tables map[string]toml.Primitive
	meta   toml.MetaData
	// firstMeta is of the decoding into Config; lines are where each key
	// is set; warnings are what Load went past.
	firstMeta toml.MetaData
	src       string
	lines     map[string]int
	warnings  []error
}

// Limits is the [limits] table: what one article may cost to read and
// resolve, so that no file can stall or exhaust a build. Zero means the
// default; an article over a limit is reported with the key to raise.
type Limits struct {
	// MaxArticleBytes is the largest article file read, in bytes.
	MaxArticleBytes int64 `toml:"max_article_bytes"`
	// MaxExpressions is the most temporal expressions kept of one
	// article: the first so many, and the article says it was cut.
	MaxExpressions int `toml:"max_expressions"`
	// MaxHTMLDepth is the deepest nesting of elements read in a page.
	MaxHTMLDepth int `toml:"max_html_depth"`
	// MaxTitleChars is the longest headline kept, in characters.
	MaxTitleChars int `toml:"max_title_chars"`
}

// Timeline is the [timeline] table.
type Timeline struct {
	// Source is the folder of articles.
	Source string `toml:"source"`
	// Corrections is the editor's corrections file (see package
	// correct); empty means events.toml beside config.toml.
	Corrections string `toml:"corrections"`
}

// Site is the [site] table. The same file is Hugo's configuration too,
// where these settings would be top-level keys (title, baseURL, locale);
// they live in a table of their own so that they can be written anywhere
// in the file, and they win over Hugo's.
type Site struct {
	// Title names the site, its feed and the exports; empty leaves it to
	// Hugo's title, else "Timeline".
	Title string `toml:"title"`
	// BaseURL is where the site will be published, such as
	// https://user.github.io/repo/. Links are relative either way; the
	// feed and canonical links need it.
	BaseURL string `toml:"base_url"`
	// Language is the articles' language as a tag such as en or en-GB.
	Language string `toml:"language"`
	// EventPages says whether each event gets a page of its own: "auto"
	// (the default: while the timeline has at most 10,000 events),
	// "always" or "never". Without its page, an event's card on its
	// month's page says how it was dated.
	EventPages string `toml:"event_pages"`
}

// Article is an [articles."NAME"] table.
type Article struct {
	// Date pins the article's own date: YYYY-MM-DD, or YYYY-MM, YYYY or
	// YYYY-Www when only that much is known.
	Date Date `toml:"date"`
}

// Date is a pinned date as written. TOML has dates of its own, so both
// date = "2016-08-07" and date = 2016-08-07 are read.
type Date string

// UnmarshalTOML takes a string or a TOML date.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*d = Date(v)
	case time.Time:
		*d = Date(v.Format(time.DateOnly))
	default:
		return fmt.Errorf("want a date, such as 2016-08-07 or \"2016-08\"; got %v", v)
	}
	return nil
}

// Load reads a config file. A file that does not exist is no error when
// optional is set: the defaults hold. Errors name the file, and the line
// for TOML syntax errors.
//
// A key the program does not read in one of its own tables ([timeline],
// [site], [limits], [articles."NAME"]) is an error naming the file, the
// line and the keys the table has, and so is a value of the wrong type,
// told in TOML's words; a top-level key that neither the program nor
// Hugo reads is a warning (see Warnings).
func Load(path string, optional bool) (*Config, error) {
	c := &Config{dir: filepath.Dir(path)}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && optional:
		return c, nil
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.src = string(b)
	c.firstMeta, err = toml.Decode(c.src, c)
	var perr toml.ParseError
	switch {
	case errors.As(err, &perr) && perr.LastKey != "" && strings.Contains(lineOf(c.src, perr.Position.Line), "="):
		// A value that does not suit its key: say which, in the file's
		// words.
		return nil, fmt.Errorf("%s:%d: %s: %s", path, perr.Position.Line, setting(c.src, perr.Position.Line, perr.LastKey), perr.Message)
	case errors.As(err, &perr):
		return nil, fmt.Errorf("%s:%d: %s", path, perr.Position.Line, perr.Message)
	case err != nil:
		return nil, explainDecode(path, c.src, err)
	}
	c.path = path
	c.lines = keyLines(c.src)
	// The file parsed once already, so this second reading cannot fail
	// on syntax; it keeps the tables other readers own.
	if c.meta, err = toml.Decode(c.src, &c.tables); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	errs, warnings := c.checkKeys()
	c.warnings = warnings
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, c.check(path)
}

// Warnings are what Load went past: top-level keys that neither the
// program nor Hugo reads, each naming the file and line.
func (c *Config) Warnings() []error { return c.warnings }

// Table decodes the top-level table name, which another part of the
// program owns (event extraction's [gazetteer], say), into v. A file
// without that table leaves v as it was.
func (c *Config) Table(name string, v any) error {
	p, ok := c.tables[name]
	if !ok {
		return nil
	}
	if err := c.meta.PrimitiveDecode(p, v); err != nil {
		if e := explainDecode(c.path, c.src, err); e.Error() != fmt.Sprintf("%s: %v", c.path, err) {
			return e
		}
		return fmt.Errorf("%s: [%s]: %w", c.path, name, err)
	}
	// Whatever the reader left undecoded in its table, it does not read.
	var errs []error
	reported := map[string]bool{}
	for _, k := range c.meta.Undecoded() {
		if k[0] != name || len(k) < 2 {
			continue
		}
		parent := strings.Join(k[:len(k)-1], "\x00")
		if reported[parent] {
			continue
		}
		reported[strings.Join(k, "\x00")] = true
		errs = append(errs, fmt.Errorf("%s: [%s] %s: no such setting here; see config.toml's comments for what [%s] holds",
			c.at(k...), strings.Join(quoteParts(k[:len(k)-1]), "."), keyName(k[len(k)-1]), name))
	}
	return errors.Join(errs...)
}

// Dir is the folder of the config file, the top of the timeline's
// project: content/, layouts/ and the site's other folders are there.
func (c *Config) Dir() string { return c.dir }

// File is the config file that was read, empty when it was absent.
func (c *Config) File() string { return c.path }

// check rejects pins that are not dates, naming the article, and a base
// URL that is not one.
func (c *Config) check(path string) error {
	l := c.Limits
	for _, lim := range []struct {
		key string
		n   int64
	}{{"max_article_bytes", l.MaxArticleBytes}, {"max_expressions", int64(l.MaxExpressions)}, {"max_html_depth", int64(l.MaxHTMLDepth)}, {"max_title_chars", int64(l.MaxTitleChars)}} {
		if lim.n < 0 {
			return fmt.Errorf("%s: [limits] %s = %d: want a positive whole number, or 0 for the default", c.at("limits", lim.key), lim.key, lim.n)
		}
	}
	if u := c.Site.BaseURL; u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("%s: [site] base_url = %q: want an absolute http or https URL, such as https://user.github.io/repo/", c.at("site", "base_url"), u)
		}
	}
	switch c.Site.EventPages {
	case "", "auto", "always", "never":
	default:
		return fmt.Errorf("%s: [site] event_pages = %q: want \"auto\", \"always\" or \"never\"", c.at("site", "event_pages"), c.Site.EventPages)
	}
	names := make([]string, 0, len(c.Articles))
	for n := range c.Articles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		d := string(c.Articles[n].Date)
		if _, _, ok := timeml.ParseDate(d); d != "" && !ok {
			return fmt.Errorf("%s: [articles.%q] date = %q: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www", c.at("articles", n, "date"), n, d)
		}
	}
	return nil
}

// Source is the folder of articles, relative to where the config file
// is.
func (c *Config) Source() string { return c.resolve(c.Timeline.Source, DefaultSource) }

// resolve is the path p names, or def when it is empty, relative paths
// taken from config.toml's folder.
func (c *Config) resolve(p, def string) string {
	if p == "" {
		p = def
	}
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.dir, p)
}

// DefaultCorrections is the corrections file when config.toml names
// none.
const DefaultCorrections = "events.toml"

// Corrections is the path of the editor's corrections file, relative
// paths taken from config.toml's folder. The file may not exist: then
// there are no corrections.
func (c *Config) Corrections() string {
	return c.resolve(c.Timeline.Corrections, DefaultCorrections)
}

// Pins are the pinned dates by file name.
func (c *Config) Pins() map[string]string {
	pins := map[string]string{}
	for n, a := range c.Articles {
		if a.Date != "" {
			pins[n] = string(a.Date)
		}
	}
	return pins
}
