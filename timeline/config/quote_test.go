package config

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestQuote: the pin a build suggests for any file name reads back
// as that name.
func TestQuote(t *testing.T) {
	for _, name := range []string{"a.txt", "new\nline.txt", "rtl\u202etxt.md", "ctrl\x01\x1b[31m.txt", `quote".txt`, `back\slash.txt`, "Alep – Août.md", "\U0001F600.txt"} {
		var v struct {
			Articles map[string]struct{ Date string } `toml:"articles"`
		}
		src := "[articles." + Quote(name) + "]\nDate = \"2016\"\n"
		if _, err := toml.Decode(src, &v); err != nil || len(v.Articles) != 1 || v.Articles[name].Date != "2016" {
			t.Errorf("%q: %s gives %v, %v", name, src, v.Articles, err)
		}
	}
}
