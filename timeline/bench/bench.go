// Package bench measures the timeline's build at scale against the
// targets of issue 12, and against two floors: the Hugo CLI rendering as
// many minimal pages as the build wrote (the issue's), and the Hugo CLI
// rendering the very site the build rendered, from the project the build
// writes for it (build --hugo-project): the same theme, data and pages.
// The second is what Hugo itself costs for this site, so the build's
// ratio to it is what the steps before Hugo, and the library's use of
// Hugo, add.
//
// The corpora are made from the TempEval-3 silver newswire (.tml): each
// document's text, tags stripped, becomes an article, dated by its <DCT>
// in front matter (dated corpora) or a plain text without a date
// (undated ones), replicated with small changes up to the size asked
// (see MakeArticle). Each corpus is a project laid out as 'timeline new'
// does, written under a work folder, never the repository.
//
// Every build runs as a child process, so that its wall time and peak
// resident memory are its own; the timeline and Hugo alternate, run after
// run, so that both see the same machine. A full build starts from
// nothing: the project's built files removed and a fresh user cache
// folder (XDG_CACHE_HOME). Rebuilds keep both.
//
// The package measures (Measure) and judges (Evaluate) separately, so
// the targets can be tested on figures made up for the test; there are no
// timed tests.
package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"conflict-timeline/theme"
	"conflict-timeline/timeline/site"
)

// Options say what to measure and where.
type Options struct {
	Data     string // folder of the TempEval-3 silver .tml files
	Sizes    []int  // dated corpus sizes, such as 1000, 5000, 25000
	Undated  int    // undated corpus size; 0 skips it
	Work     string // folder for the corpora, sites, caches and logs
	Runs     int    // alternating runs of each build; at least 1
	Only     string // one part: dated, undated, rebuild or template; "" all
	Timeline string // the timeline binary
	Hugo     string // the Hugo CLI binary
	Log      io.Writer
	// Invocation is the command line that asked for the benchmark, told
	// in the report.
	Invocation string
}

// The parts Options.Only may name.
var Parts = []string{"dated", "undated", "rebuild", "template"}

// Results are the figures of one run of the benchmark.
type Results struct {
	Started     time.Time
	Invocation  string
	HugoVersion string
	HugoCLI     string // what the Hugo CLI says of its version
	CPUs        int
	Dated       []Sample // by size, ascending
	Undated     *Sample
	Rebuild     *Rebuild // one article added to the largest dated corpus
	Template    *Rebuild // one template of the project changed
	Commands    []string // every command run, in order
	Work        string
}

// Sample is the full builds of one corpus, the timeline's and the floor's.
type Sample struct {
	Kind       string // "dated" or "undated"
	Articles   int
	Pages      int // HTML files the timeline wrote
	FloorPages int // HTML files Hugo wrote
	Ours       Stats
	Floor      Stats
	// Same is the Hugo CLI rendering the site the timeline rendered
	// (build --hugo-project), which wrote SamePages HTML files.
	Same      Stats
	SamePages int
}

// CPURatio is the timeline's median processor time over the floor's,
// less swayed than wall time by other work on the machine.
func (s Sample) CPURatio() float64 {
	if s.Floor.CPU == 0 {
		return 0
	}
	return float64(s.Ours.CPU) / float64(s.Floor.CPU)
}

// Ratio is the timeline's median wall time over the floor's.
func (s Sample) Ratio() float64 {
	if s.Floor.Wall == 0 {
		return 0
	}
	return float64(s.Ours.Wall) / float64(s.Floor.Wall)
}

// SameRatio is the timeline's median wall time over that of the Hugo CLI
// rendering the same site.
func (s Sample) SameRatio() float64 {
	if s.Same.Wall == 0 {
		return 0
	}
	return float64(s.Ours.Wall) / float64(s.Same.Wall)
}

// PerArticle is the timeline's median wall time per article.
func (s Sample) PerArticle() time.Duration {
	if s.Articles == 0 {
		return 0
	}
	return s.Ours.Wall / time.Duration(s.Articles)
}

// Rebuild is a build after a change to a built project.
type Rebuild struct {
	Change   string
	Articles int
	Wall     time.Duration
	Full     time.Duration // the full build it is compared with
	CPU      time.Duration
	PeakRSS  int64
	// Counted reports that the build printed its cache's hits and misses;
	// a miss is an article read and resolved again.
	Counted      bool
	Hits, Misses int
}

// Fraction is the rebuild's wall time over the full build's.
func (r Rebuild) Fraction() float64 {
	if r.Full == 0 {
		return 0
	}
	return float64(r.Wall) / float64(r.Full)
}

// Measure makes the corpora and runs the builds that opt asks for.
func Measure(ctx context.Context, opt Options) (Results, error) {
	res := Results{Started: time.Now().UTC(), Invocation: opt.Invocation, HugoVersion: HugoVersion(), CPUs: runtime.GOMAXPROCS(0), Work: opt.Work}
	if opt.Hugo != "" {
		res.HugoCLI = hugoVersionLine(ctx, opt.Hugo)
	}
	srcs, err := LoadSources(opt.Data)
	if err != nil {
		return res, err
	}
	logDir := filepath.Join(opt.Work, "logs")
	if err := os.MkdirAll(logDir, 0o755); err != nil {
		return res, err
	}
	m := &measurer{opt: opt, srcs: srcs, r: &runner{ctx: ctx, logDir: logDir}}
	err = m.measure(&res)
	res.Commands = m.r.commands
	return res, err
}

// measure runs the parts opt asks for into res.
func (m *measurer) measure(res *Results) error {
	opt := m.opt
	want := func(part string) bool { return opt.Only == "" || opt.Only == part }
	if want("dated") {
		for _, n := range slices.Sorted(slices.Values(opt.Sizes)) {
			s, err := m.compare("dated", n)
			if err != nil {
				return err
			}
			res.Dated = append(res.Dated, s)
		}
	}
	if want("undated") && opt.Undated > 0 {
		s, err := m.compare("undated", opt.Undated)
		if err != nil {
			return err
		}
		res.Undated = &s
	}
	if want("rebuild") || want("template") {
		var err error
		res.Rebuild, res.Template, err = m.rebuilds(res.Dated, want)
		return err
	}
	return nil
}

// measurer runs the parts of the benchmark.
type measurer struct {
	opt  Options
	srcs []Source
	r    *runner
}

func (m *measurer) logf(format string, args ...any) {
	if m.opt.Log != nil {
		fmt.Fprintf(m.opt.Log, "bench: "+format+"\n", args...)
	}
}

// corpus is a project made for the benchmark.
type corpus struct {
	dir   string
	keep  []string // its own files; the rest was built
	cache string   // its user cache folder
	n     int
	// same, if set, is where a full build writes the Hugo project it
	// renders (build --hugo-project).
	same string
}

// makeCorpus writes a fresh project of n articles.
func (m *measurer) makeCorpus(kind string, n int) (*corpus, error) {
	name := fmt.Sprintf("%s-%d", kind, n)
	c := &corpus{dir: filepath.Join(m.opt.Work, name), cache: filepath.Join(m.opt.Work, "cache", name), n: n}
	m.logf("%s: writing %d articles into %s", name, n, c.dir)
	if err := os.RemoveAll(c.dir); err != nil {
		return nil, err
	}
	if err := MakeProject(c.dir, m.srcs, n, kind == "dated"); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return nil, err
	}
	c.keep = []string{"layouts"}
	for _, e := range entries {
		c.keep = append(c.keep, e.Name())
	}
	return c, nil
}

// build runs the timeline on c; full builds start from nothing.
func (m *measurer) build(c *corpus, label string, full bool) (Run, error) {
	if full {
		if err := clean(c.dir, c.keep); err != nil {
			return Run{}, err
		}
		if err := os.RemoveAll(c.cache); err != nil {
			return Run{}, err
		}
	}
	if err := os.MkdirAll(c.cache, 0o755); err != nil {
		return Run{}, err
	}
	argv := []string{m.opt.Timeline, "build", "--config", filepath.Join(c.dir, "config.toml")}
	if full && c.same != "" {
		if err := os.RemoveAll(c.same); err != nil {
			return Run{}, err
		}
		argv = append(argv, "--hugo-project", c.same)
	}
	// Status 3 is a site built with some input left out: still a build.
	run, err := m.r.run(label, c.cache, argv, 3)
	if err == nil {
		m.logf("%s: timeline %s: %s (CPU %s), peak %s", filepath.Base(c.dir), label, secs(run.Wall), secs(run.CPU), mb(run.PeakRSS))
	}
	return run, err
}

// floor runs Hugo on the floor site in dir from nothing.
func (m *measurer) floor(dir, label string) (Run, error) {
	if err := clean(dir, []string{"hugo.toml", "content", "layouts"}); err != nil {
		return Run{}, err
	}
	return m.hugo(dir, label)
}

// sameSite runs Hugo on the project the timeline's last full build of c
// wrote, from nothing, as its settings file says to.
func (m *measurer) sameSite(c *corpus, label string) (Run, error) {
	for _, built := range []string{"public", "resources"} {
		if err := os.RemoveAll(filepath.Join(c.same, built)); err != nil {
			return Run{}, err
		}
	}
	return m.hugo(c.same, label, "--config", "config.toml,"+site.HugoSettings)
}

// hugo runs the Hugo CLI on the project in dir with a fresh user cache.
func (m *measurer) hugo(dir, label string, args ...string) (Run, error) {
	cache := filepath.Join(m.opt.Work, "cache", "hugo")
	if err := os.RemoveAll(cache); err != nil {
		return Run{}, err
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return Run{}, err
	}
	run, err := m.r.run(label, cache, append([]string{m.opt.Hugo, "--source", dir}, args...))
	if err == nil {
		m.logf("%s: hugo %s: %s (CPU %s), peak %s", filepath.Base(dir), label, secs(run.Wall), secs(run.CPU), mb(run.PeakRSS))
	}
	return run, err
}

// compare builds a corpus of n articles and its floor, alternately.
func (m *measurer) compare(kind string, n int) (Sample, error) {
	s := Sample{Kind: kind, Articles: n}
	c, err := m.makeCorpus(kind, n)
	if err != nil {
		return s, err
	}
	floorDir := filepath.Join(m.opt.Work, fmt.Sprintf("floor-%s-%d", kind, n))
	c.same = filepath.Join(m.opt.Work, fmt.Sprintf("same-%s-%d", kind, n))
	for i := range max(m.opt.Runs, 1) {
		run, err := m.build(c, fmt.Sprintf("%s-%d-timeline-%d", kind, n, i+1), true)
		if err != nil {
			return s, err
		}
		s.Ours.add(run)
		if i == 0 {
			if s.Pages, err = countHTML(filepath.Join(c.dir, "public")); err != nil {
				return s, err
			}
			if err := os.RemoveAll(floorDir); err != nil {
				return s, err
			}
			if err := WriteFloor(floorDir, m.srcs, s.Pages); err != nil {
				return s, err
			}
		}
		if err := m.floors(&s, c, floorDir, i); err != nil {
			return s, err
		}
	}
	// A 25k site takes gigabytes: once measured, only the largest dated
	// corpus is kept, for the rebuilds. What failed is kept to be looked at.
	for _, dir := range []string{floorDir, c.same} {
		if err := os.RemoveAll(dir); err != nil {
			return s, err
		}
	}
	if kind != "dated" || n != slices.Max(m.opt.Sizes) {
		return s, os.RemoveAll(c.dir)
	}
	return s, nil
}

// floors runs, after the timeline's run i on c, the Hugo CLI on the
// floor site in floorDir and on the same site as the timeline's.
func (m *measurer) floors(s *Sample, c *corpus, floorDir string, i int) error {
	label := fmt.Sprintf("%s-%d-hugo-%d", s.Kind, s.Articles, i+1)
	run, err := m.floor(floorDir, label)
	if err != nil {
		return err
	}
	s.Floor.add(run)
	if run, err = m.sameSite(c, label+"-same-site"); err != nil {
		return err
	}
	s.Same.add(run)
	if i > 0 {
		return nil
	}
	if s.FloorPages, err = countHTML(filepath.Join(floorDir, "public")); err != nil {
		return err
	}
	s.SamePages, err = countHTML(filepath.Join(c.same, "public"))
	return err
}

// rebuilds changes the built project of the largest dated corpus, one
// article added and then one template, and builds it again each time.
// Without a dated part measured first, it builds the corpus once itself.
func (m *measurer) rebuilds(dated []Sample, want func(string) bool) (add, tmpl *Rebuild, err error) {
	n := slices.Max(m.opt.Sizes)
	c := &corpus{dir: filepath.Join(m.opt.Work, fmt.Sprintf("dated-%d", n)), cache: filepath.Join(m.opt.Work, "cache", fmt.Sprintf("dated-%d", n)), n: n}
	var full time.Duration
	if len(dated) > 0 && dated[len(dated)-1].Articles == n {
		full = dated[len(dated)-1].Ours.Wall // the project is as its last run left it
	} else {
		if c, err = m.makeCorpus("dated", n); err != nil {
			return nil, nil, err
		}
		run, err := m.build(c, fmt.Sprintf("dated-%d-full", n), true)
		if err != nil {
			return nil, nil, err
		}
		full = run.Wall
	}
	if want("rebuild") {
		if err := WriteArticles(filepath.Join(c.dir, "articles"), m.srcs, c.n, c.n+1, true); err != nil {
			return nil, nil, err
		}
		c.n++
		if add, err = m.rebuild(c, "one article added", "add-article", full); err != nil {
			return nil, nil, err
		}
	}
	if want("template") {
		if err := changeTemplate(c.dir); err != nil {
			return add, nil, err
		}
		if tmpl, err = m.rebuild(c, "one template changed ("+changedTemplate+")", "change-template", full); err != nil {
			return add, nil, err
		}
	}
	return add, tmpl, nil
}

func (m *measurer) rebuild(c *corpus, change, label string, full time.Duration) (*Rebuild, error) {
	run, err := m.build(c, fmt.Sprintf("dated-%d-%s", c.n, label), false)
	if err != nil {
		return nil, err
	}
	r := &Rebuild{Change: change, Articles: c.n, Wall: run.Wall, Full: full, CPU: run.CPU, PeakRSS: run.PeakRSS}
	r.Hits, r.Misses, r.Counted = CacheCounts(run.Output)
	return r, nil
}

// changedTemplate is the theme template the template rebuild overrides
// in the project's layouts/, with a comment added: every page uses it.
const changedTemplate = "layouts/baseof.html"

func changeTemplate(dir string) error {
	b, err := theme.FS.ReadFile(changedTemplate)
	if err != nil {
		return err
	}
	target := filepath.Join(dir, filepath.FromSlash(changedTemplate))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	b = append(b, "\n<!-- changed by timeline bench -->\n"...)
	return os.WriteFile(target, b, 0o644)
}

// mb writes a size in bytes as megabytes, or "?" when unknown.
func mb(n int64) string {
	if n <= 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
}
