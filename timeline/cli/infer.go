package cli

import (
	"errors"
	"path/filepath"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/config"
)

// inferAnchor infers the own date of the article in file name, whose
// content is text. Its folder is its collection, as for 'timeline
// anchors', so that it is dated the same way there and here; read from
// standard input, or in a file the folder reader passes over, it is
// anchored alone.
func inferAnchor(name, text string, cfg *config.Config) anchor.Anchor {
	opt := anchor.Options{Pins: cfg.Pins()}
	if name != "-" {
		arts, _ := article.ReadDir(filepath.Dir(name))
		for i, a := range arts {
			if filepath.Base(a.Path) == filepath.Base(name) {
				return anchor.Articles(arts, opt)[i]
			}
		}
	}
	// Any other input is read as plain text under its own name, so that
	// pins still find it.
	as := name
	if name == "-" {
		as = "stdin.txt"
	}
	a, err := article.ReadBytes(as, []byte(text))
	if errors.Is(err, article.ErrUnsupported) {
		a, err = article.ReadBytes(as+".txt", []byte(text))
	}
	if err != nil {
		return anchor.Anchor{Precision: timeline.PrecisionUnknown, Source: anchor.FromNothing,
			Reasons: []string{"the input could not be read as an article: " + err.Error()}}
	}
	return anchor.Article(a, opt)
}
