package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/config"
)

func (e *env) anchorsCmd(args []string) error {
	fs := e.flags("anchors", "[--format text|json] [--config FILE] [DIR]",
		"Anchors reads the articles of DIR (by default the source folder that\n"+
			"config.toml names) and infers each one's own date: from a date pinned in\n"+
			"config.toml, the file's metadata, a dateline, the dates its text mentions,\n"+
			"and last the articles that share rare names with it. It lists the date,\n"+
			"how much of it is known (precision), how sure it is (confidence) and why.\n"+
			"A file that cannot be read is reported with the reason; the others are\n"+
			"still read.")
	format := fs.String("format", "text", "output format: text or json")
	cfgPath := fs.String("config", config.DefaultFile, "the config file (pins and the source folder); may be absent")
	dirs, err := fs.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(dirs) > 1:
		return usagef("want at most one DIR; got %d", len(dirs))
	case *format != "text" && *format != "json":
		return usagef("--format %q: want text or json", *format)
	}
	cfg, err := e.loadConfig(fs, *cfgPath)
	if err != nil {
		return err
	}
	dir := cfg.Source()
	if len(dirs) == 1 {
		dir = dirs[0]
	}

	arts, errs := article.ReadDir(dir)
	anchors := anchor.Articles(arts, anchor.Options{Pins: cfg.Pins()})
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "timeline anchors: %v\n", err)
	}
	if *format == "json" {
		err = writeAnchorsJSON(e.stdout, arts, anchors, errs)
	} else {
		err = writeAnchorsText(e.stdout, arts, anchors)
	}
	switch {
	case err != nil:
		return err
	case len(arts) == 0 && len(errs) == 0:
		return fmt.Errorf("%s: no articles here (.txt, .md, .html)", dir)
	case len(errs) > 0:
		return fmt.Errorf("%d of %d files could not be read", len(errs), len(errs)+len(arts))
	}
	return nil
}

// loadConfig reads the config file; the default one may be absent, one
// named with --config may not.
func (e *env) loadConfig(fs *flagSet, path string) (*config.Config, error) {
	return config.Load(path, !configNamed(fs))
}

// configNamed reports whether --config was given.
func configNamed(fs *flagSet) bool {
	named := false
	fs.Visit(func(f *flag.Flag) { named = named || f.Name == "config" })
	return named
}

func writeAnchorsText(w io.Writer, arts []*article.Article, anchors []anchor.Anchor) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "article\tanchor\tprecision\tconfidence\tsource\n")
	for i, a := range anchors {
		value := a.Value()
		if value == "" {
			value = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%s\n", filepath.Base(arts[i].Path), value, a.Precision, a.Confidence, a.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for i, a := range anchors {
		fmt.Fprintf(w, "\n%s\n", filepath.Base(arts[i].Path))
		for _, r := range a.Reasons {
			fmt.Fprintf(w, "  - %s\n", r)
		}
	}
	return nil
}

// anchorsJSON is the anchors command's JSON output.
type anchorsJSON struct {
	Articles []articleAnchorJSON `json:"articles"`
	Errors   []fileErrorJSON     `json:"errors"`
}

type articleAnchorJSON struct {
	File   string        `json:"file"`
	Slug   string        `json:"slug"`
	Title  string        `json:"title"`
	Anchor anchor.Anchor `json:"anchor"`
}

type fileErrorJSON struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

func writeAnchorsJSON(w io.Writer, arts []*article.Article, anchors []anchor.Anchor, errs []error) error {
	out := anchorsJSON{Articles: []articleAnchorJSON{}, Errors: []fileErrorJSON{}}
	for i, a := range anchors {
		out.Articles = append(out.Articles, articleAnchorJSON{filepath.Base(arts[i].Path), arts[i].Slug, arts[i].Title, a})
	}
	for _, err := range errs {
		fe := fileErrorJSON{Error: err.Error()}
		if ae, ok := errors.AsType[*article.FileError](err); ok {
			fe.File, fe.Error = filepath.Base(ae.Path), ae.Err.Error()
			if ae.Line > 0 {
				fe.Error = fmt.Sprintf("line %d: %v", ae.Line, ae.Err)
			}
		}
		out.Errors = append(out.Errors, fe)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
