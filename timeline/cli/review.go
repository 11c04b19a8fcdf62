package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/correct"
)

func (e *env) reviewCmd(args []string) error {
	fs := e.flags("review", "[--below 0.7] [--format text|json] [--config FILE] [DIR]",
		"Review lists the events that need a human look before the timeline is\n"+
			"published: photo captions taken for events, statements typed as the acts\n"+
			"they tell of, inferred dates below a confidence, events of type \"other\",\n"+
			"events of articles nothing dates, likely duplicates across articles, and\n"+
			"corrections whose event is gone. Each comes with its ID, its sentence and\n"+
			"a TOML stanza ready to paste into the corrections file (events.toml\n"+
			"beside config.toml). Events already verified there are not listed.\n"+
			"Articles whose own date is unknown or known only to the year come first,\n"+
			"each with the config.toml stanza that pins it and dates all its events.")
	below := fs.Float64("below", 0.7, "list inferred dates less sure than this")
	format := fs.String("format", "text", "output format: text or json")
	cfgPath := fs.String("config", config.DefaultFile, "the config file; may be absent")
	dirs, err := fs.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(dirs) > 1:
		return usagef("want at most one DIR; got %d", len(dirs))
	case *format != "text" && *format != "json":
		return usagef("--format %q: want text or json", *format)
	case *below < 0 || *below > 1:
		return usagef("--below %v: want a confidence between 0 and 1", *below)
	}
	cfg, _, c, err := e.collectFolder("review", fs, *cfgPath, dirs)
	if err != nil {
		return err
	}
	found := correct.Review(c.Timeline, c.Corrections, correct.ReviewOptions{Below: *below})
	if *format == "json" {
		return writeReviewJSON(e.stdout, found)
	}
	writeReviewText(e.stdout, found, cfg.Corrections())
	return nil
}

func writeReviewJSON(w io.Writer, found []correct.Finding) error {
	if found == nil {
		found = []correct.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"findings": found})
}

func writeReviewText(w io.Writer, found []correct.Finding, file string) {
	if len(found) == 0 {
		fmt.Fprintln(w, "Nothing to review.")
		return
	}
	fmt.Fprintf(w, "%s to review. Paste the stanzas you agree with into %s, edit them, and build again.\n", count(len(found), "finding"), displayPath(file))
	if pins := correct.Pins(found); len(pins) > 0 {
		fmt.Fprintf(w, "\nFirst, %s whose own date is unknown or known only to the year: one date pinned in config.toml dates all their events below.\n", count(len(pins), "article"))
		for _, p := range pins {
			fmt.Fprintf(w, "  [articles.%s]\n  date = \"YYYY-MM-DD\"   # %s\n", config.Quote(p.File), count(p.Events, "event"))
		}
	}
	for _, f := range found {
		fmt.Fprintln(w)
		for i, k := range f.Kinds {
			fmt.Fprintf(w, "%s: %s\n", k, f.Why[i])
		}
		if f.Text != "" {
			fmt.Fprintf(w, "  %s  %q\n", f.Date, f.Text)
		}
		fmt.Fprintf(w, "%s", indentLines(f.Stanza, "  "))
	}
}

func indentLines(s, by string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		b.WriteString(by + line)
	}
	return b.String()
}
