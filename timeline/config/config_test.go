package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name     string
		file     string // "" for no file at all
		optional bool
		source   string
		pins     map[string]string
		site     Site
		err      string
	}{
		{name: "missing but optional", optional: true, source: "seeds", pins: map[string]string{}},
		{name: "missing", err: "no such file"},
		{
			name: "pins, quoted and as TOML dates, and another reader's table",
			file: "[timeline]\nsource = \"news\"\n\n[params]\ntitle = \"x\"\n\n" +
				"[articles.\"a.txt\"]\ndate = \"2016-08\"\n[articles.\"b b.md\"]\ndate = 2016-08-07\n",
			source: "news", pins: map[string]string{"a.txt": "2016-08", "b b.md": "2016-08-07"},
		},
		{
			name:   "the site's table among Hugo's own settings",
			file:   "title = \"Hugo's\"\n[params]\nx = 1\n[site]\ntitle = \"Aleppo\"\nbase_url = \"https://user.github.io/repo/\"\nlanguage = \"en-GB\"\nevent_pages = \"never\"\n",
			source: "seeds", pins: map[string]string{},
			site: Site{Title: "Aleppo", BaseURL: "https://user.github.io/repo/", Language: "en-GB", EventPages: "never"},
		},
		{name: "event pages neither on, off nor auto", file: "[site]\nevent_pages = \"yes\"\n", err: `config.toml:2: [site] event_pages = "yes": want "auto", "always" or "never"`},
		{name: "a base URL that is no URL", file: "[site]\nbase_url = \"user.github.io/repo\"\n", err: `[site] base_url = "user.github.io/repo": want an absolute http or https URL`},
		{name: "a pin that is no date", file: "[articles.\"a.txt\"]\ndate = \"August\"\n", err: `[articles."a.txt"] date = "August": want YYYY-MM-DD`},
		{name: "bad TOML", file: "[timeline\n", err: "config.toml:2: expected"},
		{name: "a pin of the wrong type", file: "[articles.\"a.txt\"]\ndate = 7\n", err: `config.toml:2: [articles."a.txt"] date = 7: want a date`},
		{name: "a misspelt key", file: "[timeline]\nsorce = \"articles\"\n", err: "config.toml:2: [timeline] sorce: no such setting (did you mean source?); [timeline] has source"},
		{name: "a misspelt table", file: "title = \"x\"\n\n[timline]\nsource = \"articles\"\n", err: "config.toml:3: timline: no such table (did you mean timeline?)"},
		{name: "a misspelt pin", file: "[articles.\"a.txt\"]\ndat = \"2016-08-07\"\n", err: `config.toml:2: [articles."a.txt"] dat: no such setting (did you mean date?); [articles."a.txt"] has date`},
		{name: "a misspelt limit", file: "[limits]\nmax_article_size = 10\n", err: "config.toml:2: [limits] max_article_size: no such setting (did you mean max_article_bytes?)"},
		{name: "a source of the wrong type", file: "[timeline]\nsource = 5\n", err: "config.toml:2: [timeline] source = 5: a whole number, where a string (text in quotes) is wanted"},
		{name: "a table for a string", file: "[site]\ntitle = { text = \"x\" }\n", err: `config.toml:2: [site] title = { text = "x" }: a table, where a string (text in quotes) is wanted`},
		{name: "a table that is a value", file: "timeline = 3\n", err: "config.toml:1: timeline = 3: a whole number, where a table is wanted"},
		{name: "a limit of the wrong type", file: "[limits]\nmax_article_bytes = \"5 MB\"\n", err: `config.toml:2: [limits] max_article_bytes = "5 MB": a string (text in quotes), where a whole number is wanted`},
		{name: "a negative limit", file: "[limits]\nmax_expressions = -1\n", err: "config.toml:2: [limits] max_expressions = -1: want a positive whole number"},
		{name: "several at once", file: "[timeline]\nsorce = 1\n[site]\ntitel = 2\n", err: "config.toml:2: [timeline] sorce: no such setting (did you mean source?); [timeline] has source, corrections\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, DefaultFile)
			if tt.file != "" {
				if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, err := Load(path, tt.optional)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to say %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Source(); got != filepath.Join(dir, tt.source) {
				t.Errorf("Source = %q, want %q", got, filepath.Join(dir, tt.source))
			}
			if got := c.Pins(); !reflect.DeepEqual(got, tt.pins) {
				t.Errorf("Pins = %v, want %v", got, tt.pins)
			}
			if c.Site != tt.site {
				t.Errorf("Site = %+v, want %+v", c.Site, tt.site)
			}
		})
	}
}

// TestWarnings: a key that neither the program nor Hugo reads is a
// warning with its line; Hugo's own are not.
func TestWarnings(t *testing.T) {
	path := filepath.Join(t.TempDir(), DefaultFile)
	src := "baseURL = \"https://x.org/\"\ntitle = \"Hugo\"\nenableRobotsTXT = true\ncontentDir = \"c\"\n[markup.goldmark.renderer]\nunsafe = false\n[params]\nanything = 1\n\n[colours]\nred = 1\n[[menus.main]]\nname = \"x\"\n[limits]\nmax_expressions = 10\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if w := c.Warnings(); len(w) != 1 || !strings.Contains(w[0].Error(), "config.toml:10: colours: neither the timeline nor Hugo reads this setting") {
		t.Errorf("warnings %v", w)
	}
	if c.Limits.MaxExpressions != 10 {
		t.Errorf("limits %+v", c.Limits)
	}
	if got := c.Position("limits", "max_expressions"); got != path+":15" {
		t.Errorf("Position = %q", got)
	}
}

func TestKeyLines(t *testing.T) {
	src := "a = 1\n[t]\n  b.c = 2 # x\n[articles.\"x.y \\\"z\\\".txt\"]\ndate = 3\n[[g.p]]\nname = 'n'\n'q.k' = 1\n"
	got := keyLines(src)
	for key, line := range map[string]int{"a": 1, "t": 2, "t\x00b\x00c": 3, "articles\x00x.y \"z\".txt": 4, "articles\x00x.y \"z\".txt\x00date": 5, "g\x00p\x00name": 7, "g\x00p\x00q.k": 8} {
		if got[key] != line {
			t.Errorf("line of %q = %d, want %d (all: %v)", key, got[key], line, got)
		}
	}
}

// The shipped config.toml must load, and pin nothing for the seeds: their
// anchors come from their text and from each other.
func TestShippedConfig(t *testing.T) {
	c, err := Load("../../config.toml", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings()) > 0 {
		t.Errorf("warnings: %v", c.Warnings())
	}
	if c.Timeline.Source != "seeds" || len(c.Pins()) != 0 {
		t.Errorf("source %q, pins %v; want seeds and no pins", c.Timeline.Source, c.Pins())
	}
}

// TestTable: a table another part of the program owns is decoded by it,
// into its own type.
func TestTable(t *testing.T) {
	type entry struct {
		Name    string   `toml:"name"`
		Aliases []string `toml:"aliases"`
	}
	type gazetteer struct {
		Places []entry `toml:"places"`
	}
	tests := []struct {
		name string
		file string // "" for no file at all
		want gazetteer
		err  string
	}{
		{name: "no file", want: gazetteer{}},
		{name: "no such table", file: "[timeline]\nsource = \"news\"\n", want: gazetteer{}},
		{
			name: "arrays of tables",
			file: "[[gazetteer.places]]\nname = \"Aleppo\"\naliases = [\"Halab\"]\n\n[[gazetteer.places]]\nname = \"Idlib\"\n",
			want: gazetteer{Places: []entry{{Name: "Aleppo", Aliases: []string{"Halab"}}, {Name: "Idlib"}}},
		},
		{name: "the wrong shape", file: "[gazetteer]\nplaces = \"Aleppo\"\n", err: `config.toml:2: [gazetteer] places = "Aleppo": a string (text in quotes), where an array [ ] is wanted`},
		{name: "a key it does not read", file: "[[gazetteer.places]]\nname = \"Aleppo\"\nalias = [\"Halab\"]\n", err: `config.toml:3: [gazetteer.places] alias: no such setting here`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), DefaultFile)
			if tt.file != "" {
				if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, err := Load(path, true)
			if err != nil {
				t.Fatal(err)
			}
			var got gazetteer
			err = c.Table("gazetteer", &got)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to say %q", err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Table = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
