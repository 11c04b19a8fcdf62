// Package pipeline runs every step of a timeline in order: it reads the
// articles that config.toml names, dates each one (its anchor), resolves
// its temporal expressions against that date, extracts the events, and
// builds the website with the data exports beside it.
//
// Bad input does not stop a build. A file that cannot be read, a step that
// fails on one article, an export that fails: each is reported in
// Result.Problems, naming the file or the step, and the site is built
// from everything else. Each is also written to the progress writer as it
// is met, so that a long build names a bad file when it comes to it.
//
// No article can stall or exhaust a build: only regular files inside the
// source folder are read, each within the [limits] of config.toml (its
// size, its HTML nesting, its headline, the number of its temporal
// expressions). An article over a limit is named with the limit and the
// key that raises it; one that is cut short (its first expressions kept)
// says so on its page too. What does stop it — a missing source folder, a
// config.toml the program cannot follow, Hugo failing, no article at all
// readable out of several — leaves the destination as it was, so a site
// already built is never replaced by a broken one.
//
// The work of each article on its own (reading it, resolving its
// expressions under its anchor, finding what it tells) runs on all the
// machine's cores, each result kept in its article's place, so the same
// input gives the same output byte for byte. With a build cache
// (Options.Cache) a rebuild reads back what did not change rather than
// work it out again; see articles.go for what each entry is keyed by.
// The progress writer gets each step with its count and rate, and at the
// end the time of each step.
package pipeline

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/cache"
	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/correct"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/export"
	"conflict-timeline/timeline/internal/progress"
	"conflict-timeline/timeline/site"
	"conflict-timeline/timeline/timex"
)

// Options are the choices of one run besides config.toml.
type Options struct {
	// DestDir receives the site; empty means public/ in the project, the
	// folder of config.toml.
	DestDir string
	// BaseURL is where the site will be published; it wins over [site]
	// base_url.
	BaseURL string
	// Progress, if set, receives a line per step, redrawn in place on a
	// terminal while a long step runs.
	Progress io.Writer
	// Log, if set, receives Hugo's warnings.
	Log io.Writer

	// Resolve, Extract and Exports are the steps that others write; nil
	// means timex.Resolve, event.Extract and export.Formats. Tests put
	// their own here. With no Extract of its own, a build reads each
	// article for events on its own (event.Extractor) and merges them,
	// which gives what event.Extract gives; with one, Extract gets all
	// the articles at once, and their events are not cached. The
	// exports are written while the site is built, each on a goroutine
	// of its own beside it (site.Extra): they must only read the
	// timeline.
	Resolve func(text string, opt timex.Options) []timex.Timex
	Extract func([]event.Input, event.Gazetteer) timeline.Timeline
	Exports []export.Format

	// Cache, if set, keeps each article's expressions and events for
	// the next build, which reads back those of the articles that did
	// not change (see package cache); nil works everything out afresh.
	// A build that goes through prunes what it did not use. The cache
	// takes Resolve and Extract for what the running program always
	// does: give a cache to steps of the program's own only.
	Cache *cache.Cache
	// Now is the latest date an article can have; zero means today.
	Now time.Time
	// HugoProject, if set, is a folder where the site step also writes
	// the Hugo project it renders (site.Options.HugoProject).
	HugoProject string
	// Rendered, if set, is called once Hugo has rendered every page of
	// the site, at the build's peak of live memory (site.Options.Rendered).
	Rendered func()
}

// DefaultMaxExpressions is how many temporal expressions of one article
// are kept when [limits] max_expressions is not set: a long report has a
// few hundred.
const DefaultMaxExpressions = 100_000

// KeyMaxExpressions is the [limits] key that sets it.
const KeyMaxExpressions = "max_expressions"

// Result is what a run built.
type Result struct {
	Dest     string   // the folder the site was written to
	Articles int      // articles in the site
	Events   int      // events in the site
	Exports  []string // the export files written with it, by name
	// Undated are the articles whose own date nothing in them or in the
	// collection fixes, by file name: their relative dates ("on
	// Tuesday") stay open, in the site's Undated part, until a date is
	// pinned for them in config.toml.
	Undated []string
	// YearOnly are the articles whose own date the evidence fixes only
	// to its year, by file name (not those pinned so): their "on
	// Tuesday" is told only as that year until a day is pinned.
	YearOnly []string
	// Problems are what the build went past: files that could not be
	// read (*article.FileError, with the line where known), articles cut
	// short at a limit and steps that failed (*StepError). The site was
	// built without them.
	Problems []error
	// Warnings are what the build noticed but lost nothing to: keys of
	// config.toml nothing reads, pins for files that are not there, a
	// front-matter date that is no date, a headline cut to the limit.
	Warnings []error
	// Cache counts, by kind, what came from the build cache and what was
	// worked out afresh; nil without a cache.
	Cache []cache.Stats
}

// StepError is a step that failed for the whole timeline or for one
// article; the build went on without its output.
type StepError struct {
	Step string // "extracting events", "writing events.csv", ...
	File string // the article, when the step failed on one
	Err  error
	// Lost says what the site lacks because of it.
	Lost string
}

func (e *StepError) Error() string {
	msg := fmt.Sprintf("%s: %v", e.Step, e.Err)
	if e.File != "" {
		msg = article.DisplayName(e.File) + ": " + msg
	}
	if e.Lost != "" {
		msg += "; " + e.Lost
	}
	return msg
}

func (e *StepError) Unwrap() error { return e.Err }

// Run builds the timeline that cfg describes.
func Run(cfg *config.Config, opt Options) (Result, error) {
	opt = opt.withDefaults()
	prog := progress.New(opt.Progress, "timeline")
	var res Result

	c, err := collect(cfg, cfg.Source(), opt, prog)
	res.Problems, res.Warnings, res.Undated, res.Cache = c.Problems, c.Warnings, undated(c.Inputs), c.Cache
	res.YearOnly = yearOnly(c.Inputs)
	if err != nil {
		return res, err
	}
	inputs, tl := c.Inputs, c.Timeline

	var ex *exporting
	var extra []site.Extra
	if c.Extracted {
		// Without events the exports would claim there are none.
		ex, extra = exports(tl, opt.Exports)
	}

	in := site.Input{Timeline: tl, Articles: siteArticles(inputs, c.Notes)}
	sopt := site.Options{
		ProjectDir:  cfg.Dir(),
		ConfigFile:  absOrEmpty(cfg.File()),
		DestDir:     opt.DestDir,
		BaseURL:     cmp.Or(opt.BaseURL, cfg.Site.BaseURL),
		Title:       cfg.Site.Title,
		Language:    cfg.Site.Language,
		EventPages:  site.EventPages(cfg.Site.EventPages),
		Extra:       extra,
		ExtraFailed: ex.fail,
		Progress:    opt.Progress,
		Log:         opt.Log,
		Rendered:    opt.Rendered,

		HugoProject: opt.HugoProject,
	}
	if dir := opt.Cache.Dir(); dir != "" {
		// The site keeps its own record there, of the pages it rendered
		// and from what, so that a rebuild renders only changed pages.
		sopt.CacheDir = filepath.Join(dir, "site")
	}
	// The site takes the articles and events from here: nothing of them
	// is kept past this point, so that Hugo has the memory they took.
	articles, events := len(in.Articles), len(tl.Events)
	began := time.Now()
	if err := site.Build(in, sopt); err != nil {
		return res, err
	}
	prog.Time("site", time.Since(began))
	res.Exports, res.Problems = ex.report(res.Problems, prog)
	// Only a build that went through has read every entry it needs.
	if n, err := opt.Cache.Prune(); err != nil {
		res.Warnings = append(res.Warnings, err)
		prog.Step("warning: %v", err)
	} else if n > 0 {
		prog.Step("build cache: deleted %d entries this build did not use", n)
	}
	prog.Summary()
	res.Dest = cmp.Or(opt.DestDir, filepath.Join(cfg.Dir(), "public"))
	res.Articles, res.Events = articles, events
	return res, nil
}

// cacheSummary says, by kind, how much came from the cache.
func cacheSummary(dir string, stats []cache.Stats) string {
	var parts []string
	for _, s := range stats {
		p := fmt.Sprintf("%s %d of %d reused", s.Kind, s.Hits, s.Hits+s.Misses)
		if s.Failed > 0 {
			p += fmt.Sprintf(" (%d not written)", s.Failed)
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		parts = append(parts, "nothing to reuse")
	}
	return fmt.Sprintf("build cache %s: %s", dir, strings.Join(parts, ", "))
}

// Collected is a collection of articles read, anchored, resolved and
// turned into events: everything the site and the exports are made from.
type Collected struct {
	Inputs   []event.Input
	Timeline timeline.Timeline
	// Read is how many articles could be read.
	Read int
	// Problems are the files left out, the articles cut short and the
	// steps that failed; Warnings what was noticed but lost nothing.
	Problems []error
	Warnings []error
	// Notes say, by article path, what its page should tell its reader of
	// how it was read: that it was cut short at a limit.
	Notes map[string][]string
	// Extracted reports that the events were made; without them the
	// timeline has none to export.
	Extracted bool
	// Corrections says what the editor's corrections file did to them.
	Corrections correct.Report
	// Cache counts, by kind, what came from the build cache and what was
	// worked out afresh; nil without a cache.
	Cache []cache.Stats
}

// Collect runs the steps before the site on the articles of dir: read,
// anchor them as one collection, resolve their dates, extract the events.
// It fails only when nothing sensible can come of the collection: a bad
// gazetteer, a missing folder, or not one readable article among several.
func Collect(cfg *config.Config, dir string, opt Options) (Collected, error) {
	opt = opt.withDefaults()
	return collect(cfg, dir, opt, progress.New(opt.Progress, "timeline"))
}

func collect(cfg *config.Config, dir string, opt Options, prog *progress.Reporter) (Collected, error) {
	var c Collected
	var gaz event.Gazetteer
	if err := cfg.Table("gazetteer", &gaz); err != nil {
		return c, err
	}
	if err := cfg.Table("types", &gaz.Types); err != nil {
		return c, err
	}
	if err := gaz.Check(); err != nil {
		return c, fmt.Errorf("%s: %w", cmp.Or(cfg.File(), config.DefaultFile), err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return c, fmt.Errorf("%s: the source folder of articles is missing; create it or set [timeline] source in %s", dir, cmp.Or(cfg.File(), config.DefaultFile))
	}
	c.Notes = map[string][]string{}
	warn := func(err error) {
		c.Warnings = append(c.Warnings, err)
		prog.Step("warning: %v", err)
	}
	for _, w := range cfg.Warnings() {
		warn(w)
	}
	pins := cfg.Pins()
	for _, name := range slices.Sorted(maps.Keys(pins)) {
		if _, err := os.Lstat(filepath.Join(dir, name)); errors.Is(err, fs.ErrNotExist) || name != filepath.Base(name) {
			warn(fmt.Errorf("%s: [articles.%q]: there is no file %s in %s; the pin is unused", cfg.Position("articles", name), name, article.DisplayName(name), dir))
		}
	}

	began := time.Now()
	arts, errs := article.ReadDirWith(dir, article.Options{
		Limits: articleLimits(cfg.Limits),
		Report: func(err error, skipped bool) {
			if skipped {
				prog.Step("%v", err)
				return
			}
			warn(err)
			if fe, ok := err.(*article.FileError); ok && errors.Is(err, article.ErrOverLimit) {
				c.Notes[fe.Path] = append(c.Notes[fe.Path], fe.Err.Error())
			}
		},
	})
	took := time.Since(began)
	prog.Time("reading articles", took)
	read := fmt.Sprintf("read %s from %s in %s", count(len(arts), "article"), dir, took.Round(time.Millisecond))
	if len(errs) > 0 {
		prog.Step("%s; %s left out", read, count(len(errs), "file"))
	} else {
		prog.Step("%s", read)
	}
	c.Read, c.Problems = len(arts), errs
	if len(arts) == 0 && len(errs) > 0 {
		// A site of none of them is never wanted, and would replace the
		// last good one.
		return c, fmt.Errorf("%s: no article could be read from the %s there", dir, count(len(errs), "file"))
	}

	maxExpr := cmp.Or(cfg.Limits.MaxExpressions, DefaultMaxExpressions)
	inputs, exprKeys, problems := date(arts, pins, maxExpr, opt, prog)
	for _, p := range problems {
		prog.Step("%v", p)
		if se, ok := p.(*StepError); ok && errors.Is(p, article.ErrOverLimit) {
			c.Notes[se.File] = append(c.Notes[se.File], se.Err.Error())
		}
	}
	c.Inputs, c.Problems = inputs, append(c.Problems, problems...)
	tl, problems, err := extract(inputs, exprKeys, gaz, opt, prog)
	for _, p := range problems {
		prog.Step("%v", p)
	}
	c.Problems = append(c.Problems, problems...)
	if err != nil {
		c.Problems = append(c.Problems, err)
		prog.Step("%v", err)
	}
	if err == nil {
		var problems []error
		tl, c.Corrections, problems = applyCorrections(cfg, tl, gaz, prog)
		c.Problems = append(c.Problems, problems...)
	}
	tl.Title = cmp.Or(cfg.Site.Title, tl.Title)
	c.Timeline, c.Extracted = tl, err == nil
	if opt.Cache != nil {
		c.Cache = opt.Cache.Stats()
		prog.Step("%s", cacheSummary(opt.Cache.Dir(), c.Cache))
	}
	return c, nil
}

// applyCorrections applies the editor's corrections file, when there is
// one. Each bad entry and each correction whose event is gone is a
// problem naming the file and line; the others are applied.
func applyCorrections(cfg *config.Config, tl timeline.Timeline, gaz event.Gazetteer, prog *progress.Reporter) (timeline.Timeline, correct.Report, []error) {
	f, errs := correct.Read(cfg.Corrections())
	tl, rep := f.Apply(tl, gaz.Types.Names())
	errs = append(errs, rep.Errors...)
	for _, err := range errs {
		prog.Step("%v", err)
	}
	if f != nil {
		prog.Step("corrections from %s: %d applied, %d added, %d hidden", f.Path, rep.Applied, rep.Added, rep.Hidden)
	}
	return tl, rep, errs
}

func (o Options) withDefaults() Options {
	if o.Resolve == nil {
		o.Resolve = timex.Resolve
	}
	if o.Exports == nil {
		o.Exports = export.Formats
	}
	return o
}

// date anchors the articles as one collection, then resolves each one's
// text against its anchor. An article the resolver fails on is reported
// and left out; the others go on. The inputs come in the order of the
// articles, each with the cache key of its expressions.
//
// No article gives more than maxExpr expressions: the first so many are
// kept, to anchor the collection and to resolve, and an article that had
// more is reported as cut short.
func date(arts []*article.Article, pins map[string]string, maxExpr int, opt Options, prog *progress.Reporter) ([]event.Input, []cache.Key, []error) {
	keys := make([]cache.Key, len(arts))
	for i, a := range arts {
		keys[i] = articleKey(opt.Cache, a)
	}
	// A resolver that fails on one text must not stop the collection:
	// that text just gives no clues here, and the article is reported
	// below, when its own resolution fails the same way.
	resolve := cachedResolver(opt.Cache, opt.Resolve)
	resolveQuietly := func(text string, o timex.Options) (found []timex.Timex) {
		guard(func() { found = resolve(text, o) })
		return capTimexes(found, maxExpr)
	}
	stop := prog.Total("dating articles", len(arts), "article")
	anchors := anchor.Articles(arts, anchor.Options{Now: opt.Now, Resolve: resolveQuietly, Pins: pins})
	stop()

	all, allKeys, failed := resolveAll(arts, anchors, keys, maxExpr, opt, prog)
	inputs := make([]event.Input, 0, len(arts))
	exprKeys := make([]cache.Key, 0, len(arts))
	var problems []error
	for i, in := range all {
		if failed[i] != nil {
			problems = append(problems, failed[i])
		}
		if in.Article != nil {
			inputs, exprKeys = append(inputs, in), append(exprKeys, allKeys[i])
		}
	}
	return inputs, exprKeys, problems
}

// capTimexes keeps the first max expressions.
func capTimexes(found []timex.Timex, max int) []timex.Timex {
	if len(found) > max {
		return found[:max:max]
	}
	return found
}

// articleLimits are the reader's limits as config.toml sets them; zero
// keeps the default.
func articleLimits(l config.Limits) article.Limits {
	return article.Limits{MaxBytes: l.MaxArticleBytes, MaxDepth: l.MaxHTMLDepth, MaxTitle: l.MaxTitleChars}
}

// extract makes the events. Should the extractor fail, the site still
// shows the articles with their dates, and the error says the events are
// missing. An article the extractor fails on alone is a problem of its
// own, and the others' events are made.
//
// Without an Extract of the options' own, each article is read for
// events on its own, in parallel and through the cache, and the events
// merged at the end; with one, it gets all the articles at once.
func extract(inputs []event.Input, exprKeys []cache.Key, gaz event.Gazetteer, opt Options, prog *progress.Reporter) (timeline.Timeline, []error, error) {
	if len(inputs) == 0 {
		return timeline.Timeline{}, nil, nil
	}
	if opt.Extract != nil {
		tl, err := extractAll(inputs, gaz, opt.Extract, prog)
		return tl, nil, err
	}
	told, failed := tellAll(inputs, exprKeys, gaz, opt, prog)
	var problems []error
	kept := make([]event.Told, 0, len(told))
	for i, t := range told {
		if failed[i] != nil {
			problems = append(problems, failed[i])
			continue
		}
		kept = append(kept, t)
	}
	var found atomic.Int64
	found.Store(-1)
	stop := prog.Live("merging events", func() string { return eventCount(found.Load(), len(kept)) })
	defer stop()
	var tl timeline.Timeline
	if err := guard(func() { tl = event.NewExtractor(gaz).Merge(kept) }); err != nil {
		return timeline.Timeline{}, problems, &StepError{Step: "merging events", Err: err, Lost: lostEvents}
	}
	found.Store(int64(len(tl.Events)))
	return tl, problems, nil
}

// lostEvents is what the site lacks when no events could be made.
const lostEvents = "the site shows the articles and their dates but no events, and has no exports"

// eventCount is the status of a step that makes events: how many, once
// made (n >= 0), else from how many articles.
func eventCount(n int64, articles int) string {
	if n >= 0 {
		return count(int(n), "event")
	}
	return "from " + count(articles, "article")
}

// extractAll makes the events with f, from all articles at once.
func extractAll(inputs []event.Input, gaz event.Gazetteer, f func([]event.Input, event.Gazetteer) timeline.Timeline, prog *progress.Reporter) (timeline.Timeline, error) {
	// The status is read from the terminal's redraws: an atomic, not
	// the timeline being made.
	var found atomic.Int64
	found.Store(-1)
	stop := prog.Live("extracting events", func() string { return eventCount(found.Load(), len(inputs)) })
	defer stop()
	var tl timeline.Timeline
	if err := guard(func() { tl = f(inputs, gaz) }); err != nil {
		return timeline.Timeline{}, &StepError{Step: "extracting events", Err: err, Lost: lostEvents}
	}
	found.Store(int64(len(tl.Events)))
	return tl, nil
}

// exporting is the exports as the site writes them, while it builds
// (see site.Extra). A format that fails is reported once the site is
// built, and the site is published without it. A nil *exporting is no
// exports.
type exporting struct {
	formats []export.Format
	errs    map[string]error // by file, of those that failed
}

// exports are the formats of tl, as files for the site to write. Only
// the files hold the timeline, so that it goes once they are written.
func exports(tl timeline.Timeline, formats []export.Format) (*exporting, []site.Extra) {
	var files []site.Extra
	for _, f := range formats {
		files = append(files, site.Extra{Name: f.File, Write: func(w io.Writer) error { return f.Write(w, tl) }})
	}
	return &exporting{formats: formats, errs: map[string]error{}}, files
}

// fail is told of a format that failed, once the site has waited for
// them all.
func (x *exporting) fail(name string, err error) { x.errs[name] = err }

// report adds a problem for each format that failed to problems, and
// lists those written.
func (x *exporting) report(problems []error, prog *progress.Reporter) ([]string, []error) {
	if x == nil {
		return nil, problems
	}
	var names []string
	for _, f := range x.formats {
		if err, ok := x.errs[f.File]; ok {
			p := &StepError{Step: "writing " + f.File, Err: err, Lost: "the site is published without it, though its pages link to it"}
			problems = append(problems, p)
			prog.Step("%v", p)
			continue
		}
		names = append(names, f.File)
	}
	if len(names) > 0 {
		prog.Step("exports: %s", strings.Join(names, ", "))
	}
	return names, problems
}

// undated are the file names of the articles nothing dates.
func undated(inputs []event.Input) []string {
	var out []string
	for _, in := range inputs {
		if !in.Anchor.Known() {
			out = append(out, filepath.Base(in.Article.Path))
		}
	}
	return out
}

// yearOnly are the file names of the articles the evidence dates only to
// their year; a date pinned to the year is the editor's and not listed.
func yearOnly(inputs []event.Input) []string {
	var out []string
	for _, in := range inputs {
		if a := in.Anchor; a.Known() && a.Precision == timeline.PrecisionYear && a.Source != anchor.FromPin {
			out = append(out, filepath.Base(in.Article.Path))
		}
	}
	return out
}

// siteArticles are the articles as their pages show them: the same
// normalized text the expressions' offsets point into.
func siteArticles(inputs []event.Input, notes map[string][]string) []site.Article {
	out := make([]site.Article, 0, len(inputs))
	for _, in := range inputs {
		a, anc := in.Article, in.Anchor
		file := filepath.Base(a.Path)
		out = append(out, site.Article{
			File:      file,
			Slug:      a.Slug,
			Title:     cmp.Or(a.Title, file),
			URL:       a.Meta.URL,
			Source:    cmp.Or(a.Meta.Source, file),
			Author:    a.Meta.Author,
			Published: a.Meta.Date.Value(),
			Text:      a.Text,
			Anchor: site.Anchor{
				Date:       anc.Value(),
				Precision:  anc.Precision,
				Confidence: anc.Confidence,
				Reasons:    anc.Reasons,
			},
			Timexes: plainTimexes(in.Timexes),
			Notes:   notes[a.Path],
		})
	}
	return out
}

// plainTimexes are the expressions with their most probable values, as
// the article pages mark them.
func plainTimexes(rs []anchor.Resolved) []timex.Timex {
	out := make([]timex.Timex, len(rs))
	for i, r := range rs {
		out[i] = r.Timex
	}
	return out
}

func count(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// guard runs f and turns a panic into an error: a step that fails on odd
// input must not take the rest of the build down with it.
func guard(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f()
	return nil
}

func absOrEmpty(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
