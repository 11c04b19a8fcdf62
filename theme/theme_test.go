package theme

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestEmbedsTheWholeTheme(t *testing.T) {
	for _, name := range []string{
		"hugo.toml",
		// Names starting with "_" need the all: prefix of go:embed.
		"content/_content.gotmpl",
		"i18n/en.toml",
		"layouts/_partials/event.html",
		"layouts/baseof.html",
		"layouts/home.html",
		"layouts/rss.xml",
		"layouts/events/page.html",
		"layouts/sources/page.html",
		"layouts/months/page.html",
		"layouts/term.html",
		"static/css/timeline.css",
		"static/js/timeline.js",
		"static/favicon.svg",
	} {
		if _, err := fs.Stat(FS, name); err != nil {
			t.Errorf("theme.FS lacks %s", name)
		}
	}
	if _, err := fs.Stat(FS, "theme.go"); err == nil {
		t.Error("theme.FS holds the Go source")
	}
}

// TestNothingFromTheNetwork: the site must open from disk and request
// nothing, so the theme may not load fonts, styles or scripts from
// anywhere else, nor fetch at run time.
func TestNothingFromTheNetwork(t *testing.T) {
	forbidden := []struct {
		files string // file name suffix
		re    *regexp.Regexp
		why   string
	}{
		{".css", regexp.MustCompile(`@import|@font-face|url\(`), "stylesheets load nothing"},
		{".js", regexp.MustCompile(`\bfetch\(|XMLHttpRequest|\bimport\(|WebSocket|sendBeacon`), "the script reads the filter's data, loaded by <script> tags"},
		{".html", regexp.MustCompile(`(?:src|href)="(?:https?:)?//`), "templates link only to the site's own files"},
		{".html", regexp.MustCompile(`type="module"`), "module scripts do not run from file://"},
	}
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS, path)
		if err != nil {
			return err
		}
		for _, f := range forbidden {
			if strings.HasSuffix(path, f.files) && f.re.Match(b) {
				t.Errorf("%s: %q: %s", path, f.re.FindString(string(b)), f.why)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestContrast checks every pairing of the palette that the stylesheet
// uses for text (4.5:1) or for graphics and focus rings (3:1), in both
// colour schemes, against WCAG 2 AA.
func TestContrast(t *testing.T) {
	css, err := fs.ReadFile(FS, "static/css/timeline.css")
	if err != nil {
		t.Fatal(err)
	}
	light := palette(t, string(css), ":root {")
	dark := palette(t, string(css), "@media (prefers-color-scheme: dark) {")
	pairs := []struct {
		fg, bg string
		min    float64
	}{
		{"--fg", "--bg", 4.5},
		{"--fg", "--surface", 4.5},
		{"--muted", "--bg", 4.5},
		{"--muted", "--surface", 4.5},
		{"--link", "--bg", 4.5},
		{"--link", "--surface", 4.5},
		{"--mark-fg", "--mark-bg", 4.5},
		{"--mark-fg", "--dating-bg", 4.5},
		{"--uncertain", "--bg", 4.5},
		{"--uncertain", "--uncertain-bg", 4.5},
		{"--fg", "--uncertain-bg", 4.5},
		{"--muted", "--uncertain-bg", 4.5},
		{"--link", "--uncertain-bg", 4.5},
		{"--planned", "--bg", 4.5},
		{"--planned", "--surface", 4.5},
		{"--tip-fg", "--tip-bg", 4.5},
		{"--bar", "--bg", 3},
		{"--bar-hover", "--bg", 3},
		{"--focus", "--bg", 3},
		{"--focus", "--surface", 3},
		{"--muted", "--mark-bg", 3}, // the underline that marks an expression besides its colour
	}
	for _, scheme := range []struct {
		name string
		vars map[string]string
	}{{"light", light}, {"dark", dark}} {
		for _, p := range pairs {
			fg, bg := scheme.vars[p.fg], scheme.vars[p.bg]
			if fg == "" || bg == "" {
				t.Errorf("%s: %s or %s is not defined", scheme.name, p.fg, p.bg)
				continue
			}
			if r := contrast(fg, bg); r < p.min {
				t.Errorf("%s: %s %s on %s %s: contrast %.2f, want at least %.1f", scheme.name, p.fg, fg, p.bg, bg, r, p.min)
			}
		}
	}
}

var customProperty = regexp.MustCompile(`(--[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;`)

// palette reads the colour custom properties of the first block that
// follows start; the dark palette only overrides, so it starts from the
// light one.
func palette(t *testing.T, css, start string) map[string]string {
	t.Helper()
	vars := map[string]string{}
	if start != ":root {" {
		vars = palette(t, css, ":root {")
	}
	i := strings.Index(css, start)
	if i < 0 {
		t.Fatalf("no %q in the stylesheet", start)
	}
	block := css[i:]
	if end := strings.Index(block, "\n}"); end >= 0 {
		block = block[:end]
	}
	for _, m := range customProperty.FindAllStringSubmatch(block, -1) {
		vars[m[1]] = m[2]
	}
	return vars
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	channel := func(s string) float64 {
		v, _ := strconv.ParseUint(s, 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(hex[1:3]) + 0.7152*channel(hex[3:5]) + 0.0722*channel(hex[5:7])
}

func TestContrastFormula(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the classic lightest AA grey on white
	}
	for _, tt := range tests {
		if got := contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
