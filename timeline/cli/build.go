package cli

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/pipeline"
)

func (e *env) buildCmd(args []string) error {
	fs := e.flags("build", "[--config FILE] [--dest DIR] [--base-url URL]",
		"Build reads the articles that config.toml names, dates them, finds their\n"+
			"events and writes the website into public/ beside config.toml, with the\n"+
			"exports (events.json, events.csv, TimelineJS3 JSON, iCalendar) at its top.\n"+
			"It is what timeline does when no command is named.\n\n"+
			"A file that cannot be read is reported with the reason and left out; the\n"+
			"others are built. The site is written only once everything built, so a\n"+
			"failed build leaves the last one in place. The site links relatively: it\n"+
			"opens from disk (public/index.html) and works under any path, such as\n"+
			"GitHub Pages' https://USER.github.io/REPO/.")
	cfgPath := fs.String("config", config.DefaultFile, "the config file; its folder is the timeline's (content/, layouts/, theme/)")
	dest := fs.String("dest", "", "the folder to write the site to (default public, beside the config file)")
	baseURL := fs.String("base-url", "", "where the site will be published, such as https://USER.github.io/REPO/;\nwins over [site] base_url (default: that, else none)")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("takes no arguments; got %q", rest)
	}
	if err := checkBaseURL(*baseURL); err != nil {
		return err
	}
	cfg, err := e.loadConfig(fs, *cfgPath)
	if err != nil {
		return err
	}
	res, err := e.build(cfg, *dest, *baseURL)
	if err != nil {
		return err
	}
	e.summarize(res, true)
	return nil
}

// checkBaseURL refuses what cannot be the address of a published site.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usagef("--base-url %q: want an absolute http or https URL, such as https://user.github.io/repo/", s)
	}
	return nil
}

// build runs the pipeline with the env's steps and reports what it went
// past on stderr, as it would for any build.
func (e *env) build(cfg *config.Config, dest, baseURL string) (pipeline.Result, error) {
	res, err := pipeline.Run(cfg, pipeline.Options{
		DestDir:  dest,
		BaseURL:  baseURL,
		Progress: e.stderr,
		Log:      e.stderr,
		Resolve:  e.resolve,
		Extract:  e.extract,
		Exports:  e.exports,
	})
	for _, p := range res.Problems {
		fmt.Fprintf(e.stderr, "timeline: %v\n", p)
	}
	reportUndated(e.stderr, res.Undated, cfg.File())
	if err != nil && cfg.File() == "" {
		err = fmt.Errorf("%w\n(there is no %s here: run timeline in a timeline's folder, name one with --config, or make one with 'timeline new DIR')", err, config.DefaultFile)
	}
	return res, err
}

// reportUndated names the articles nothing dates and says how to pin
// their dates.
func reportUndated(w io.Writer, files []string, cfgFile string) {
	if len(files) == 0 {
		return
	}
	fmt.Fprintf(w, "timeline: %s could not be dated: %s.\n", count(len(files), "article"), strings.Join(files, ", "))
	fmt.Fprintf(w, "  Their dates that depend on the article's own (\"on Tuesday\", \"last month\") are left open, in the site's Undated part.\n")
	fmt.Fprintf(w, "  Pin each one's date in %s (YYYY-MM-DD, or YYYY-MM, YYYY-Www or YYYY when only that is known):\n", cmp.Or(cfgFile, config.DefaultFile))
	for _, f := range files {
		fmt.Fprintf(w, "    [articles.%q]\n    date = \"YYYY-MM-DD\"\n", f)
	}
}

// summarize says what was built and, after a build of its own, where to
// look at it.
func (e *env) summarize(res pipeline.Result, where bool) {
	fmt.Fprintf(e.stdout, "Built %s: %s from %s", displayPath(res.Dest), count(res.Events, "event"), count(res.Articles, "article"))
	if n := len(res.Problems); n > 0 {
		fmt.Fprintf(e.stdout, ", without what the %s above left out", count(n, "problem"))
	}
	fmt.Fprintln(e.stdout, ".")
	if len(res.Exports) > 0 {
		fmt.Fprintf(e.stdout, "Exports: %s.\n", strings.Join(res.Exports, ", "))
	}
	if where {
		index := filepath.Join(res.Dest, "index.html")
		if abs, err := filepath.Abs(index); err == nil {
			index = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
		fmt.Fprintf(e.stdout, "Open %s, or preview it with 'timeline serve'.\n", index)
	}
}

func count(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// displayPath shortens a path below the current folder to a relative
// one, as people typed it.
func displayPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if wd, err := filepath.Abs("."); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
				return rel
			}
		}
	}
	return p
}
