package cli

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/cache"
	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/pipeline"
	"conflict-timeline/timeline/site"
)

func (e *env) buildCmd(args []string) error {
	fs := e.flags("build", "[--config FILE] [--dest DIR] [--base-url URL] [--no-cache]",
		"Build reads the articles that config.toml names, dates them, finds their\n"+
			"events and writes the website into public/ beside config.toml, with the\n"+
			"exports (events.json, events.csv, TimelineJS3 JSON, iCalendar) at its top.\n"+
			"It is what timeline does when no command is named.\n\n"+
			"A file that cannot be read is reported with the reason as soon as it is\n"+
			"met, and again at the end, and left out; the others are built. Only\n"+
			"regular files inside the articles folder are read, each within the\n"+
			"[limits] of config.toml; an article over one is named with the limit\n"+
			"and the key that raises it. The site is written only once everything\n"+
			"built, so a failed build leaves the last one in place. The site links\n"+
			"relatively: it opens from disk (public/index.html) and works under any\n"+
			"path, such as GitHub Pages' https://USER.github.io/REPO/.\n\n"+
			"Exit status: 0 when everything was built; 3 when the site was built\n"+
			"but files were left out or cut short (listed on stderr); 1 when the\n"+
			"build failed and the last site was left as it was; 2 for a mistake on\n"+
			"the command line.\n\n"+
			"What each article's dates and events came to is kept in "+cache.Dir+"/\n"+
			"beside config.toml, so that the next build works out again only the\n"+
			"articles that changed, or whose own date changed with their neighbours.\n"+
			"A new version of the program starts it afresh. The folder is safe to\n"+
			"delete at any time; --no-cache builds without it.\n\n"+
			"The program keeps its memory under a soft limit of "+gib(DefaultMemoryLimit)+", working harder\n"+
			"rather than growing past it; GOMEMLIMIT sets another (4GiB) or none (off).")
	cfgPath := fs.String("config", config.DefaultFile, "the config file; its folder is the timeline's (content/, layouts/, theme/)")
	dest := fs.String("dest", "", "the folder to write the site to (default public, beside the config file)")
	noCache := fs.Bool("no-cache", false, "work out every article afresh, neither reading nor writing the build cache")
	baseURL := fs.String("base-url", "", "where the site will be published, such as https://USER.github.io/REPO/;\nwins over [site] base_url (default: that, else none)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file, for 'go tool pprof'")
	memProfile := fs.String("memprofile", "", "write a heap profile to this file once Hugo has rendered every page, after a\ngarbage collection: what is live at the build's peak, for 'go tool pprof'\n(-sample_index=inuse_space; alloc_space for everything the build allocated)")
	hugoProject := fs.String("hugo-project", "", "also write the Hugo project the build renders into this folder, missing or\nempty, so that the Hugo CLI renders the same pages from it:\n  hugo --source DIR --config config.toml,"+site.HugoSettings+"\n(the benchmark's floor for the same site)")
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
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	var rendered func()
	var memErr error
	if *memProfile != "" {
		// Created now, so a name that cannot be written fails before the
		// build rather than after it.
		f, err := os.Create(*memProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		rendered = func() { memErr = writeHeapProfile(f) }
	}
	res, err := e.buildWithHook(cfg, *dest, *baseURL, !*noCache, buildHooks{rendered: rendered, hugoProject: *hugoProject})
	if err != nil {
		return err
	}
	if memErr != nil {
		return fmt.Errorf("--memprofile %s: %w", *memProfile, memErr)
	}
	e.summarize(res, true)
	if len(res.Problems) > 0 {
		return exitStatus{exitSkipped}
	}
	return nil
}

// exitSkipped is build's status when the site was built without some of
// its input: files left out, articles cut short at a limit, a step that
// failed. It differs from exitFail, when no site was built, so that a
// script or CI job can tell the two apart.
const exitSkipped = 3

// exitStatus ends a command with its own status, all said already.
type exitStatus struct{ code int }

func (s exitStatus) Error() string { return fmt.Sprintf("exit status %d", s.code) }

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
	return e.buildWith(cfg, dest, baseURL, true)
}

// buildWith is build, with the build cache beside config.toml when
// cached says so. A cache that cannot be opened is said and done
// without.
func (e *env) buildWith(cfg *config.Config, dest, baseURL string, cached bool) (pipeline.Result, error) {
	return e.buildWithHook(cfg, dest, baseURL, cached, buildHooks{})
}

// buildHooks are what build's measuring flags add to a build.
type buildHooks struct {
	rendered    func() // called once Hugo has rendered the site (pipeline.Options.Rendered)
	hugoProject string // pipeline.Options.HugoProject
}

// buildWithHook is buildWith with the hooks of build's measuring flags.
func (e *env) buildWithHook(cfg *config.Config, dest, baseURL string, cached bool, hooks buildHooks) (pipeline.Result, error) {
	var c *cache.Cache
	if cached && cfg.File() != "" {
		var err error
		if c, err = cache.Open(filepath.Join(cfg.Dir(), cache.Dir)); err != nil {
			fmt.Fprintf(e.stderr, "timeline: %v; building without it\n", err)
		}
	}
	res, err := pipeline.Run(cfg, pipeline.Options{
		Cache:    c,
		DestDir:  dest,
		BaseURL:  baseURL,
		Progress: e.stderr,
		Log:      e.stderr,
		Resolve:  e.resolve,
		Extract:  e.extract,
		Exports:  e.exports,
		Rendered: hooks.rendered,

		HugoProject: hooks.hugoProject,
	})
	// Each was written as it was met; here they are again, together,
	// after the progress of the whole build.
	if n := len(res.Problems); n > 0 {
		fmt.Fprintf(e.stderr, "timeline: %s left out or cut short:\n", count(n, "problem"))
		for _, p := range res.Problems {
			fmt.Fprintf(e.stderr, "  %v\n", p)
		}
	}
	if n := len(res.Warnings); n > 0 {
		fmt.Fprintf(e.stderr, "timeline: %s:\n", count(n, "warning"))
		for _, w := range res.Warnings {
			fmt.Fprintf(e.stderr, "  %v\n", w)
		}
	}
	reportUndated(e.stderr, res.Undated, cfg.File())
	reportYearOnly(e.stderr, res.YearOnly, cfg.File())
	if err != nil && cfg.File() == "" {
		err = fmt.Errorf("%w\n(there is no %s here: run timeline in a timeline's folder, name one with --config, or make one with 'timeline new DIR')", err, config.DefaultFile)
	}
	return res, err
}

// undatedShown is how many undated articles the build report names: a
// collection of thousands of undated articles would otherwise bury the
// rest of the report. 'timeline anchors' lists every one.
const undatedShown = 10

// reportUndated names the articles nothing dates, the first undatedShown
// of them, and says how to pin their dates.
func reportUndated(w io.Writer, files []string, cfgFile string) {
	reportToPin(w, files, cfgFile, "could not be dated",
		"Their dates that depend on the article's own (\"on Tuesday\", \"last month\") are left open, in the site's Undated part.")
}

// reportYearOnly names the articles dated only to their year, whose
// days and weeks are told only as that year.
func reportYearOnly(w io.Writer, files []string, cfgFile string) {
	reportToPin(w, files, cfgFile, "dated only to the year",
		"Their \"on Tuesday\" and \"last week\" are told only as precisely as that allows, a month or the year ('timeline review' lists the events).")
}

// reportToPin names articles whose own date is wanting, what that does to
// their events, and the config.toml stanza that pins each.
func reportToPin(w io.Writer, files []string, cfgFile, what, effect string) {
	if len(files) == 0 {
		return
	}
	shown := files[:min(len(files), undatedShown)]
	names := make([]string, len(shown))
	for i, f := range shown {
		names[i] = article.DisplayName(f)
	}
	more := ""
	if rest := len(files) - len(shown); rest > 0 {
		more = fmt.Sprintf(" and %d more ('timeline anchors' lists them all)", rest)
	}
	fmt.Fprintf(w, "timeline: %s %s: %s%s.\n", count(len(files), "article"), what, strings.Join(names, ", "), more)
	fmt.Fprintf(w, "  %s\n", effect)
	fmt.Fprintf(w, "  Pin each one's date in %s (YYYY-MM-DD, or YYYY-MM, YYYY-Www or YYYY when only that is known):\n", cmp.Or(cfgFile, config.DefaultFile))
	for _, f := range shown {
		fmt.Fprintf(w, "    [articles.%s]\n    date = \"YYYY-MM-DD\"\n", config.Quote(f))
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

// writeHeapProfile writes what is live now, after a garbage collection
// so that the profile holds only what is still reachable.
func writeHeapProfile(f *os.File) error {
	runtime.GC()
	return pprof.Lookup("heap").WriteTo(f, 0)
}

// startCPUProfile profiles the process into the file name until the
// returned function is called.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
