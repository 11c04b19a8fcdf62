package site

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"

	"conflict-timeline/theme"
	"conflict-timeline/timeline/internal/progress"
)

const (
	// virtualDir is where Hugo sees what exists only for the build: the
	// theme and Hugo's caches, in memory, and the timeline's data, in a
	// temporary folder. It sits inside the project so Hugo's path checks
	// hold, and has a name no project uses; nothing is ever written there
	// on disk.
	virtualDir = ".conflict-timeline-hugo"
	themeName  = "timeline"
	// manifestName lists the files the last build wrote, so the next one
	// can drop those it no longer makes without touching anything else
	// in the destination (a CNAME, a user's notes): see publish.
	manifestName = ".timeline-files"
)

// buildMu serializes builds: Hugo keeps some state in package variables
// (the global logger, whose error count every build checks).
var buildMu sync.Mutex

// Build renders the site for in into opt.DestDir. The destination is only
// written once Hugo has built everything without error, and then switched
// to the new site whole (see publish): a build that fails or is killed
// at any point leaves the last site complete. Input with no article
// never replaces a site that has some.
//
// Settings the site depends on (relative .html links, the theme, the
// taxonomies place, actor and type) are fixed and win over config.toml,
// as command-line flags would; everything else there is Hugo's as usual.
// The data key "timeline" is the timeline's.
func Build(in Input, opt Options) error {
	buildMu.Lock()
	defer buildMu.Unlock()
	began := time.Now()
	prog := progress.New(opt.Progress, "site")

	projectDir, destDir, err := dirs(opt)
	if err != nil {
		return err
	}
	if len(in.Articles) == 0 && hasArticles(destDir) {
		// An articles folder emptied by mistake, or not mounted, would
		// otherwise replace a whole timeline with an empty one.
		return fmt.Errorf("site: no article to publish, and %s holds a site of some; it is left as it was (remove it first to publish an empty site)", destDir)
	}
	downloads, err := extraNames(opt.Extra)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	p, err := startPublish(destDir, opt.InPlace)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	defer p.close()
	// The exports are written to disk, not memory, while Hugo renders:
	// they are as large as the site's data. The build waits for them
	// whatever becomes of it, before its folders go.
	spool, err := p.scratch()
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	extra := startSpool(spool, opt.Extra, opt.ExtraFailed)
	defer extra.wait()
	opt.Extra = nil

	data := newSiteData(in)
	data.linkEvents(opt.EventPages.on(len(data.Events)))
	data.BaseURL = opt.BaseURL
	data.Downloads = downloads
	data.Taken = takenSections(projectDir)
	prog.Step("preparing %d events from %d articles", len(data.Events), len(data.Articles))

	var logBuf syncBuffer
	logW := io.Writer(&logBuf)
	if opt.Log != nil {
		logW = io.MultiWriter(&logBuf, opt.Log)
	}
	disk, err := p.scratch()
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	b := &hugoBuild{
		projectDir: projectDir,
		destDir:    p.dest,
		opt:        opt,
		virtual:    filepath.Join(projectDir, virtualDir),
		mem:        afero.NewMemMapFs(),
		disk:       afero.NewBasePathFs(afero.NewOsFs(), disk),
		logW:       logW,
		logger:     loggers.New(loggers.Options{Level: logg.LevelWarn, StdOut: io.Discard, StdErr: logW, DistinctLevel: logg.LevelWarn}),
	}
	// Reads fall through to the project on disk; every write Hugo makes
	// (caches, generated resources) and the theme land in memory; the
	// timeline's data, the largest input, in a temporary folder.
	b.source = overlayfs.New(overlayfs.Options{Fss: []afero.Fs{b.mem, afero.NewReadOnlyFs(b.disk), afero.NewReadOnlyFs(afero.NewOsFs())}, FirstWritable: true})

	prog.Step("loading the configuration")
	configs, pl, err := b.configure(&data)
	if err != nil {
		return err
	}
	// Hugo reads the data from the file: ours, which holds every
	// article's text, goes before it renders.
	data = siteData{}
	if len(pl.reuse) > 0 {
		prog.Step("rendering %d of %d event, source, period and term pages, the others unchanged", len(pl.changed), len(pl.digests))
	}
	site := &countingFs{Fs: afero.NewBasePathFs(afero.NewOsFs(), p.stage)}
	if err := b.render(configs, site, prog); err != nil {
		return fmt.Errorf("site: %w%s", err, indent(logBuf.String()))
	}
	if err := pl.linkReused(p.dest, p.stage); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := addExtra(site, p.stage, extra.wait()); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	n, err := p.finish()
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := writeCache(opt.CacheDir, p.dest, pl.digests, b.reusable); err != nil {
		// The site is published; the next build only renders it whole.
		prog.Step("could not record the pages for the next build: %v", err)
	}
	prog.Step("wrote %d files to %s in %s", n, destDir, time.Since(began).Round(time.Millisecond))
	return nil
}

// generatedSections are the sections the content adapter makes; the
// terms' (places, actors, types) only without event pages.
var generatedSections = []string{"events", "months", "sources", "places", "actors", "types"}

// takenSections are the generated sections that the project's content/
// has an index page of its own for (content/sources/_index.md).
func takenSections(project string) []string {
	var out []string
	for _, s := range generatedSections {
		if m, _ := filepath.Glob(filepath.Join(project, "content", s, "_index.*")); len(m) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// dirs resolves the project and destination folders, refusing a
// destination that would mix the site with the project's sources.
func dirs(opt Options) (project, dest string, err error) {
	if project, err = filepath.Abs(cmp.Or(opt.ProjectDir, ".")); err != nil {
		return "", "", err
	}
	if fi, err := os.Stat(project); err != nil || !fi.IsDir() {
		return "", "", fmt.Errorf("site: project folder %s: not a folder", project)
	}
	if dest, err = filepath.Abs(cmp.Or(opt.DestDir, filepath.Join(project, "public"))); err != nil {
		return "", "", err
	}
	if rel, err := filepath.Rel(dest, project); err == nil && filepath.IsLocal(rel) {
		return "", "", fmt.Errorf("site: the destination %s holds the project folder; pick a folder inside it such as public", dest)
	}
	return project, dest, nil
}

// hugoBuild is one build's Hugo side: a source filesystem that is the
// project overlaid with memory and a temporary folder, and what writes to
// it.
type hugoBuild struct {
	projectDir, virtual string
	destDir             string // the folder the site replaces
	opt                 Options
	mem, disk, source   afero.Fs
	flags               config.Provider
	logW                io.Writer
	logger              loggers.Logger
	// reusable is false when the project does something the pages'
	// digests cannot follow: every page is then rendered, every time.
	reusable bool
}

func (b *hugoBuild) themeDir() string { return filepath.Join(b.virtual, "themes", themeName) }

// configure lays the theme into memory and the timeline's data into the
// temporary folder, decides which pages to render, and loads Hugo's
// configuration.
func (b *hugoBuild) configure(data *siteData) (*allconfig.Configs, plan, error) {
	if err := layTheme(b.mem, b.themeDir(), b.projectDir); err != nil {
		return nil, plan{}, err
	}
	b.flags = hugoFlags(b.projectDir, b.virtual, data.EventPages)
	if b.opt.Title != "" {
		b.flags.Set("title", b.opt.Title)
	}
	if b.opt.Language != "" {
		b.flags.Set("locale", b.opt.Language)
	}
	if err := b.readSettings(data); err != nil {
		return nil, plan{}, err
	}
	// The data must be in place before the configuration that builds the
	// site is loaded: Hugo drops mounts whose folder does not exist yet.
	name, err := b.disk.(*afero.BasePathFs).RealPath(filepath.Join(b.themeDir(), "data", "timeline.json"))
	if err != nil {
		return nil, plan{}, err
	}
	pages, err := writeSiteData(name, data)
	if err != nil {
		return nil, plan{}, err
	}
	for name, js := range filterFiles(*data) {
		if err := writeFile(b.disk, filepath.Join(b.themeDir(), "static", filepath.FromSlash(name)), js); err != nil {
			return nil, plan{}, err
		}
	}
	global, ok := globalDigest(b.projectDir, b.opt)
	b.reusable = ok
	pl := makePlan(b.opt.CacheDir, b.destDir, pages.digests(global), pages.logical(), ok)
	if c := pl.cascade(); c != nil {
		b.flags.Set("cascade", c)
	}
	b.flags.Set("baseURL", "/")
	if dir := b.opt.HugoProject; dir != "" {
		if err := b.writeProject(dir); err != nil {
			return nil, plan{}, fmt.Errorf("site: writing the Hugo project: %w", err)
		}
	}
	configs, err := b.loadConfig()
	return configs, pl, err
}

// readSettings takes from a first pass over the configuration, which is
// cheap and honours every place Hugo may find a setting, what the data
// needs of it. Hugo's relativeURLs cannot cope with a base URL that has
// a path (https://user.github.io/repo/ gives links to ./repo/...), so
// Hugo always builds at "/" and the real base URL, unless an option
// gives it, reaches the theme as data. Without event pages, the terms'
// pages are cut as the theme's termPageSize, which the project may
// change, says.
func (b *hugoBuild) readSettings(data *siteData) error {
	if data.BaseURL != "" && data.EventPages {
		return nil
	}
	configs, err := b.loadConfig()
	if err != nil {
		return err
	}
	data.BaseURL = cmp.Or(data.BaseURL, configs.Base.BaseURL)
	if n := termPageSize(configs.Base.Params); !data.EventPages && n != TermPageSize {
		data.Taxonomies = newTaxonomies(data.Events, n)
	}
	return nil
}

// render has Hugo build the site into dest, static files and all.
func (b *hugoBuild) render(configs *allconfig.Configs, dest *countingFs, prog *progress.Reporter) error {
	hfs := hugofs.NewFromSourceAndDestination(b.source, afero.NewMemMapFs(), b.flags)
	// Hugo writes every page as it renders it, straight to the staging
	// folder on disk: the site is never held in memory.
	hfs.PublishDir, hfs.PublishDirServer, hfs.PublishDirStatic = dest, dest, dest
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: hfs, LogLevel: logg.LevelWarn, StdOut: io.Discard, StdErr: b.logW})
	if err != nil {
		return err
	}
	defer sites.Close()

	stop := prog.Live("rendering pages", func() string { return fmt.Sprintf("%d files", dest.created.Load()) })
	// No build lock: the working dir seen by Hugo is partly in memory and
	// the lock file would be too, so it could guard nothing.
	err = sites.Build(hugolib.BuildCfg{NoBuildLock: true})
	stop()
	if err != nil {
		return err
	}
	if b.opt.Rendered != nil {
		b.opt.Rendered()
	}

	// Hugo's Build renders pages only; the CLI copies static files in a
	// separate step, which is ours to do here. The static filesystem is
	// already the union of the theme's and the project's static/, project
	// first.
	prog.Step("copying static files")
	for _, sfs := range sites.BaseFs.SourceFilesystems.Static {
		if err := copyTree(sfs.Fs, dest, sfs.PublishFolder); err != nil {
			return fmt.Errorf("copying static files: %w", err)
		}
	}
	// GitHub Pages would otherwise run Jekyll, which hides _-prefixed files.
	return writeFile(dest, ".nojekyll", nil)
}

func (b *hugoBuild) loadConfig() (*allconfig.Configs, error) {
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          b.source,
		Flags:       b.flags,
		Logger:      b.logger,
		Filename:    b.opt.ConfigFile,
		Environment: "production",
		// An explicit environment, so a stray HUGO_* variable in the
		// user's shell cannot change the site. It must not be empty, or
		// Hugo reads os.Environ() instead.
		Environ: []string{"CONFLICT_TIMELINE=1"},
	})
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	return configs, nil
}

// termPageSize is the theme's termPageSize in Hugo's settings, params,
// TermPageSize if it is not a positive whole number.
func termPageSize(params map[string]any) int {
	var n int
	switch v := params["termpagesize"].(type) {
	case int:
		n = v
	case int64:
		n = int(v)
	case float64:
		if v == float64(int(v)) {
			n = int(v)
		}
	}
	if n > 0 {
		return n
	}
	return TermPageSize
}

// hugoFlags are the settings the site relies on; like command-line flags
// they win over config.toml. Without event pages, the terms are the
// data's (terms.go): Hugo has no taxonomy, which would find no page to
// list.
func hugoFlags(projectDir, virtual string, eventPages bool) config.Provider {
	flags := config.New()
	flags.Set("workingDir", projectDir)
	flags.Set("themesDir", filepath.Join(virtual, "themes"))
	flags.Set("theme", themeName)
	flags.Set("cacheDir", filepath.Join(virtual, "cache"))
	flags.Set("resourceDir", filepath.Join(virtual, "resources"))
	flags.Set("publishDir", filepath.Join(virtual, "public"))
	// Relative links to .html files: the same output then works from
	// file://, from any server path and under a GitHub Pages subpath.
	flags.Set("relativeURLs", true)
	flags.Set("uglyURLs", true)
	flags.Set("canonifyURLs", false)
	// Planned events carry future dates; Hugo would skip those pages.
	flags.Set("buildFuture", true)
	flags.Set("buildExpired", true)
	disabled := []string{"sitemap", "robotsTXT"}
	if eventPages {
		flags.Set("taxonomies", map[string]any{"place": "places", "actor": "actors", "type": "types"})
	} else {
		flags.Set("taxonomies", map[string]any{})
		disabled = append(disabled, "taxonomy", "term")
	}
	// Place and actor names are proper nouns: no "Al-Nusra Fronts".
	flags.Set("capitalizeListTitles", false)
	flags.Set("pluralizeListTitles", false)
	// A sitemap needs absolute URLs, which an offline site cannot have.
	flags.Set("disableKinds", disabled)
	flags.Set("outputs", map[string]any{
		"home": []string{"html", "rss"}, "page": []string{"html"}, "section": []string{"html"},
		"taxonomy": []string{"html"}, "term": []string{"html"},
	})
	flags.Set("disableHugoGeneratorInject", true)
	// A list cut into pages (a place's events) starts at its own page:
	// no page/1.html that redirects there by an absolute URL, which an
	// offline site cannot follow.
	flags.Set("pagination", map[string]any{"disableAliases": true})
	return flags
}

// layTheme puts the theme in memory: the embedded one, with the files of
// the project's own theme/ folder, if any, laid over it. A project can so
// replace one template or stylesheet and keep the rest; its layouts/
// override the theme the usual Hugo way.
func layTheme(mem afero.Fs, themeDir, projectDir string) error {
	if err := copyFS(mem, themeDir, theme.FS); err != nil {
		return err
	}
	own := filepath.Join(projectDir, "theme")
	if fi, err := os.Stat(own); err == nil && fi.IsDir() {
		return copyFS(mem, themeDir, os.DirFS(own))
	}
	return nil
}

// copyFS copies the files of src into dir of dst, except Go sources: a
// project's theme/ may well be a copy of this repository's, theme.go and
// all.
func copyFS(dst afero.Fs, dir string, src fs.FS) error {
	return fs.WalkDir(src, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := fs.ReadFile(src, path)
		if err != nil {
			return err
		}
		return writeFile(dst, filepath.Join(dir, filepath.FromSlash(path)), b)
	})
}

// copyTree copies every file of src into dst under prefix.
func copyTree(src, dst afero.Fs, prefix string) error {
	return afero.Walk(src, "", func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := afero.ReadFile(src, path)
		if err != nil {
			return err
		}
		return writeFile(dst, filepath.Join(string(filepath.Separator), prefix, path), b)
	})
}

func writeFile(fsys afero.Fs, name string, b []byte) error {
	if err := fsys.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(fsys, name, b, 0o644)
}

// extraNames are the paths of the extra files, sorted; a path outside
// the site, or two extras of one path, is an error.
func extraNames(extra []Extra) ([]string, error) {
	names := make([]string, len(extra))
	for i, x := range extra {
		if !filepath.IsLocal(filepath.FromSlash(x.Name)) {
			return nil, fmt.Errorf("extra file %q: want a relative path inside the site", x.Name)
		}
		names[i] = x.Name
	}
	slices.Sort(names)
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			return nil, fmt.Errorf("extra file %q: given twice", names[i])
		}
	}
	return names, nil
}

// addExtra moves the spooled extra files into the rendered site, whose
// folder on disk is stage, refusing to replace a file Hugo made: a
// static/events.json of the project and the events.json export cannot
// both be published, and saying so beats silently dropping one.
func addExtra(site afero.Fs, stage string, extra []spooledFile) error {
	for _, x := range extra {
		path := filepath.Join(string(filepath.Separator), filepath.FromSlash(x.name))
		if _, err := site.Stat(path); err == nil {
			return fmt.Errorf("%s is both a file of the site (from static/ or a template) and a generated file; rename or remove the site's", x.name)
		}
		if err := site.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := moveFile(x.file, filepath.Join(stage, path)); err != nil {
			return err
		}
	}
	return nil
}

// moveFile renames from to to, or copies it where a rename cannot go.
func moveFile(from, to string) error {
	if os.Rename(from, to) == nil {
		return nil
	}
	return copyFile(from, to)
}

func indent(log string) string {
	log = strings.TrimSpace(log)
	if log == "" {
		return ""
	}
	return "\n\t" + strings.ReplaceAll(log, "\n", "\n\t")
}

// syncBuffer is a bytes.Buffer that Hugo's goroutines may log into.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
