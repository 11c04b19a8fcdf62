package cli

import (
	"fmt"
	"slices"
	"strings"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/export"
	"conflict-timeline/timeline/pipeline"
)

func (e *env) extractCmd(args []string) error {
	formats := e.exportFormats()
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	fs := e.flags("extract", "[--format "+strings.Join(names, "|")+"] [--config FILE] [DIR]",
		"Extract reads the articles of DIR (by default the source folder that\n"+
			"config.toml names), dates them as 'timeline anchors' does, resolves\n"+
			"their dates and prints their events in one of the export formats the\n"+
			"site is published with: events.json, an ACLED-like CSV, TimelineJS3\n"+
			"JSON or iCalendar. Places and actors come from config.toml's\n"+
			"[gazetteer], or the built-in one for the Syrian war when it has none.\n"+
			"A file that cannot be read is reported with the reason; the events of\n"+
			"the others are still printed.")
	format := fs.String("format", "json", "output format: "+strings.Join(names, ", "))
	cfgPath := fs.String("config", config.DefaultFile, "the config file (source folder, pins, gazetteer); may be absent")
	dirs, err := fs.parse(args)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(formats, func(f export.Format) bool { return f.Name == *format })
	switch {
	case len(dirs) > 1:
		return usagef("want at most one DIR; got %d", len(dirs))
	case i < 0:
		return usagef("--format %q: want one of %s", *format, strings.Join(names, ", "))
	}
	_, dir, c, err := e.collectFolder("extract", fs, *cfgPath, dirs)
	if err != nil {
		return err
	}
	tl, read, errs := c.Timeline, c.Read, c.Problems
	if err := formats[i].Write(e.stdout, tl); err != nil {
		return err
	}
	switch {
	case read == 0 && len(errs) == 0:
		return fmt.Errorf("%s: no articles here (.txt, .md, .html)", dir)
	case len(errs) > 0:
		return fmt.Errorf("%d of %d files could not be read", len(errs), len(errs)+read)
	}
	return nil
}

// collectFolder loads the config and runs the steps before the site
// (read, date, resolve, extract) on the folder named, or else the
// config's source folder, reporting each file left out on stderr under
// the command's name.
func (e *env) collectFolder(command string, fs *flagSet, cfgPath string, dirs []string) (*config.Config, string, pipeline.Collected, error) {
	cfg, err := e.loadConfig(fs, cfgPath)
	if err != nil {
		return nil, "", pipeline.Collected{}, err
	}
	dir := cfg.Source()
	if len(dirs) == 1 {
		dir = dirs[0]
	}
	c, err := pipeline.Collect(cfg, dir, pipeline.Options{Resolve: e.resolve, Extract: e.extract})
	for _, p := range c.Problems {
		fmt.Fprintf(e.stderr, "timeline %s: %v\n", command, p)
	}
	return cfg, dir, c, err
}

// exportFormats are the env's export formats; nil means export.Formats.
func (e *env) exportFormats() []export.Format {
	if e.exports == nil {
		return export.Formats
	}
	return e.exports
}
