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
			file:   "title = \"Hugo's\"\n[params]\nx = 1\n[site]\ntitle = \"Aleppo\"\nbase_url = \"https://user.github.io/repo/\"\nlanguage = \"en-GB\"\n",
			source: "seeds", pins: map[string]string{},
			site: Site{Title: "Aleppo", BaseURL: "https://user.github.io/repo/", Language: "en-GB"},
		},
		{name: "a base URL that is no URL", file: "[site]\nbase_url = \"user.github.io/repo\"\n", err: `[site] base_url = "user.github.io/repo": want an absolute http or https URL`},
		{name: "a pin that is no date", file: "[articles.\"a.txt\"]\ndate = \"August\"\n", err: `[articles."a.txt"] date = "August": want YYYY-MM-DD`},
		{name: "bad TOML", file: "[timeline\n", err: "config.toml:2: expected"},
		{name: "a pin of the wrong type", file: "[articles.\"a.txt\"]\ndate = 7\n", err: "want a date"},
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

// The shipped config.toml must load, and pin nothing for the seeds: their
// anchors come from their text and from each other.
func TestShippedConfig(t *testing.T) {
	c, err := Load("../../config.toml", false)
	if err != nil {
		t.Fatal(err)
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
		{name: "the wrong shape", file: "[gazetteer]\nplaces = \"Aleppo\"\n", err: "config.toml: [gazetteer]:"},
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
