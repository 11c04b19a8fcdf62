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
	"path/filepath"
	"sort"
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
	// dir is the folder the file was read from: paths in it are relative
	// to that folder.
	dir string
	// path is the file read, empty when it was absent; tables and meta
	// keep every top-level table undecoded for Table.
	path   string
	tables map[string]toml.Primitive
	meta   toml.MetaData
}

// Timeline is the [timeline] table.
type Timeline struct {
	// Source is the folder of articles.
	Source string `toml:"source"`
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
		return fmt.Errorf("want a date, got %v", v)
	}
	return nil
}

// Load reads a config file. A file that does not exist is no error when
// optional is set: the defaults hold. Errors name the file, and the line
// for TOML syntax errors.
func Load(path string, optional bool) (*Config, error) {
	c := &Config{dir: filepath.Dir(path)}
	_, err := toml.DecodeFile(path, c)
	var perr toml.ParseError
	switch {
	case errors.Is(err, fs.ErrNotExist) && optional:
		return c, nil
	case errors.As(err, &perr):
		return nil, fmt.Errorf("%s:%d: %s", path, perr.Position.Line, perr.Message)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.path = path
	// The file parsed once already, so this second reading cannot fail
	// on syntax; it keeps the tables other readers own.
	if c.meta, err = toml.DecodeFile(path, &c.tables); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, c.check(path)
}

// Table decodes the top-level table name, which another part of the
// program owns (event extraction's [gazetteer], say), into v. A file
// without that table leaves v as it was.
func (c *Config) Table(name string, v any) error {
	p, ok := c.tables[name]
	if !ok {
		return nil
	}
	if err := c.meta.PrimitiveDecode(p, v); err != nil {
		return fmt.Errorf("%s: [%s]: %w", c.path, name, err)
	}
	return nil
}

// Dir is the folder of the config file, the top of the timeline's
// project: content/, layouts/ and the site's other folders are there.
func (c *Config) Dir() string { return c.dir }

// File is the config file that was read, empty when it was absent.
func (c *Config) File() string { return c.path }

// check rejects pins that are not dates, naming the article, and a base
// URL that is not one.
func (c *Config) check(path string) error {
	if u := c.Site.BaseURL; u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("%s: [site] base_url = %q: want an absolute http or https URL, such as https://user.github.io/repo/", path, u)
		}
	}
	names := make([]string, 0, len(c.Articles))
	for n := range c.Articles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		d := string(c.Articles[n].Date)
		if _, _, ok := timeml.ParseDate(d); d != "" && !ok {
			return fmt.Errorf("%s: [articles.%q] date = %q: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www", path, n, d)
		}
	}
	return nil
}

// Source is the folder of articles, relative to where the config file
// is.
func (c *Config) Source() string {
	s := c.Timeline.Source
	if s == "" {
		s = DefaultSource
	}
	if filepath.IsAbs(s) {
		return s
	}
	return filepath.Join(c.dir, s)
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
