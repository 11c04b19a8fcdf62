package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/preview"
)

func (e *env) serveCmd(args []string) error {
	fs := e.flags("serve", "[--port N] [--config FILE] [--dest DIR]",
		"Serve builds the site as build does and serves it on this computer only\n"+
			"(127.0.0.1), building it again whenever an article, the config file or\n"+
			"the project's content/, layouts/, static/, data/, assets/, i18n/ or\n"+
			"theme/ changes. Pages come from the last build that succeeded: a build\n"+
			"under way or one that failed never shows a half-written site, and its\n"+
			"errors are printed here. Stop it with Ctrl+C.")
	port := fs.Int("port", 1313, "the port to serve on; 0 picks a free one")
	cfgPath := fs.String("config", config.DefaultFile, "the config file; its folder is the timeline's")
	dest := fs.String("dest", "", "the folder to build the site in (default public, beside the config file)")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usagef("takes no arguments; got %q", rest)
	case *port < 0 || *port > 65535:
		return usagef("--port %d: want 0 to 65535", *port)
	}
	named := configNamed(fs)
	if _, err := config.Load(*cfgPath, !named); err != nil {
		// Settings that never loaded leave nothing to watch but the
		// file itself; say so now rather than serve an error page.
		return err
	}

	ctx := e.ctx
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
	}
	w := &watchList{path: *cfgPath, optional: !named, dest: *dest}
	return preview.Serve(ctx, preview.Options{
		Port: *port,
		Build: func() (string, error) {
			// The settings are read again for every build: a change to
			// them is one of the changes being watched.
			cfg, err := config.Load(*cfgPath, !named)
			if err != nil {
				return "", err
			}
			res, err := e.build(cfg, *dest, "")
			if err == nil {
				e.summarize(res, false)
			}
			return res.Dest, err
		},
		Watch: w.watch,
		Log:   e.stderr,
		Ready: func(url string) {
			fmt.Fprintf(e.stdout, "Serving the timeline at %s (Ctrl+C to stop)\n", url)
			if e.served != nil {
				e.served(url)
			}
		},
	})
}

// hugoFolders are the folders of a project that Hugo reads, and theme/,
// the timeline's own overrides of its theme.
var hugoFolders = []string{"content", "layouts", "static", "data", "assets", "i18n", "theme"}

// watchList is what serve watches: the config file, the articles it
// names and the project's Hugo folders, the site itself left out.
type watchList struct {
	path     string
	optional bool
	dest     string
	last     []string // the last list that could be made
}

func (w *watchList) watch() (paths, skip []string) {
	cfg, err := config.Load(w.path, w.optional)
	if err != nil {
		// A broken config.toml is being edited: keep watching what was
		// watched, which includes it.
		paths = w.last
		if paths == nil {
			paths = []string{w.path}
		}
		return paths, []string{w.destDir(filepath.Dir(w.path))}
	}
	paths = []string{w.path, cfg.Source()}
	for _, f := range hugoFolders {
		paths = append(paths, filepath.Join(cfg.Dir(), f))
	}
	w.last = paths
	return paths, []string{w.destDir(cfg.Dir())}
}

func (w *watchList) destDir(project string) string {
	if w.dest != "" {
		return w.dest
	}
	return filepath.Join(project, "public")
}
