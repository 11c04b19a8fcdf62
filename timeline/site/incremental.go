package site

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	hugoversion "github.com/gohugoio/hugo/common/hugo"

	"conflict-timeline/theme"
)

// Incremental builds. A build given a cache folder (Options.CacheDir)
// records there, in the file pages, every event, article and period page
// it published with a digest of all that page's inputs: its own data, the
// data of the pages it names (neighbours, sources, its month, its events),
// and everything every page may show (the theme, the project's templates
// and settings, the site-wide data). The next build into the same
// destination tells Hugo, through a cascade of build options, to render
// only the pages whose digest changed, and to give the others a link but
// no file (render = "link"); their files are linked from the current site
// into the staging folder instead. Without event pages, the terms' pages
// (places/aleppo.html, places/aleppo/page/2.html), which the content
// adapter makes from the data (terms.go), are reused the same way. Home,
// section, taxonomy and feed pages, which gather many pages, are always
// rendered, as are Hugo's own term pages when events have pages.
//
// What a digest covers is what the theme's event, source and period
// pages show: an event page its own data, its neighbours' (prev, next),
// its month's title and its sources' pages; a source page its own data
// and its events'; a period page its own data (its groups of events
// among it), its events' cards and its neighbours' titles; every page
// the site-wide data, which includes the counts of events and articles
// the footer gives; a term page its own data (title, count, pager, its
// events grouped), its events' lines and whether its months have a page. A theme change that makes those
// pages show more must widen pageSet.digests, or incremental builds
// would leave such pages stale; TestIncrementalSameAsFull checks it.
//
// A reused file must still be the one the cache describes (same size,
// modification time and inode), so a site changed by hand, or another
// destination, is rendered whole. Anything the digests cannot vouch for
// turns reuse off: a project with its own templates (layouts/ or
// theme/layouts/), its own pages in the events or sources sections, or
// its own cascade.

const (
	cacheName = "pages"
	// cacheFormat changes whenever what a digest covers does, so that
	// an old cache is never trusted.
	cacheFormat = "timeline-site-pages 4"
	// maxChanged bounds the pages a cascade names one by one: Hugo
	// matches every page against the list, so past this a whole render
	// is cheaper.
	maxChanged = 2000
)

// pageSet gathers, while the site data is written, what each event and
// article page shows of other pages, and digests the site-wide data.
type pageSet struct {
	wide     digest            // the data every page may show
	own      map[string]digest // page path to the digest of its data
	events   []eventDeps
	articles []articleDeps
	months   map[string]string // month key to its page's title
	periods  map[string]digest // period page path to the digest of its title
	// periodPages are the period pages, which show their events' cards;
	// termPages the pages of the terms, when the data makes them.
	periodPages []periodDeps
	termPages   []termDeps
	// eventPages is false when events have no page of their own: their
	// data is then digested only into the pages that show it.
	eventPages bool
}

type eventDeps struct {
	path, prev, next, month, period string
	sources                         []string // article page paths
}

type periodDeps struct {
	path, prev, next string
	data             digest   // of its own data, the groups of event paths included
	events           []string // event page paths
}

// termDeps is what a term's page shows: its own data (title, count,
// pager, its events' paths and groups), its events' lines, and its
// months' headings, which link to the month's page if there is one.
type termDeps struct {
	path, file string
	data       digest
	events     []string
	months     []string
}

type articleDeps struct {
	path   string
	events []string
}

// newPageSet starts the set for a site whose data, less its lists, is
// rest. What only the home page and the period pages show, both always
// rendered, is left out of the site-wide digest: the chart, the home
// page's overview and the periods. An event page shows its period's
// title, digested per event, and links its part to the home page when
// the home page shows that part in full, which hangs on the part's
// count: those two counts are in, when events have pages.
func newPageSet(rest siteData) (*pageSet, error) {
	periods := make(map[string]digest, len(rest.Periods))
	pages := make([]periodDeps, 0, len(rest.Periods))
	for _, p := range rest.Periods {
		// What its title is made of: the content adapter's period pages.
		title := fmt.Sprintf("%q %q %d %d", p.Kind, p.Label, p.Page, p.Pages)
		periods[p.Path] = sha256.Sum256([]byte(title))
		b, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		d := periodDeps{path: p.Path, prev: p.Prev, next: p.Next, data: sha256.Sum256(b)}
		for _, g := range p.Groups {
			d.events = append(d.events, g.Events...)
		}
		pages = append(pages, d)
	}
	terms, err := newTermDeps(rest.Taxonomies)
	if err != nil {
		return nil, err
	}
	// The terms are digested page by page; the index of the events by
	// path only finds events, whose data is digested where it shows.
	rest.Chart, rest.Periods, rest.Taxonomies, rest.EventIndex = chart{}, nil, nil, nil
	rest.Home = homeData{Background: rest.Home.Background, Undated: rest.Home.Undated}
	if !rest.EventPages {
		// Only an event's page (its kicker) shows those counts.
		rest.Home = homeData{}
	}
	b, err := json.Marshal(rest)
	if err != nil {
		return nil, err
	}
	return &pageSet{wide: sha256.Sum256(b), own: map[string]digest{}, months: map[string]string{}, periods: periods, periodPages: pages, termPages: terms, eventPages: rest.EventPages}, nil
}

// newTermDeps gathers what each term page shows.
func newTermDeps(taxonomies []taxonomyData) ([]termDeps, error) {
	var out []termDeps
	for _, tx := range taxonomies {
		for _, t := range tx.Terms {
			for _, p := range t.Pages {
				b, err := json.Marshal(struct {
					Plural, Title, Href string
					Count               int
					Page                termPage
				}{tx.Plural, t.Title, t.Href, t.Count, p})
				if err != nil {
					return nil, err
				}
				d := termDeps{path: p.Path, file: p.File, data: sha256.Sum256(b)}
				for _, y := range p.Years {
					for _, m := range y.Months {
						d.months = append(d.months, m.Key)
						for _, g := range m.Groups {
							d.events = append(d.events, g.Events...)
						}
					}
				}
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// eventDigest is the digest of an event's data as its pages show it,
// which is not quite its data (encoded as data). Its data names its
// sources' articles and its terms by their places in the lists, as it
// does not its weight, its place among all events: left in, one
// article, term or event added early would change every later event's
// digest. Its sources are digested whole instead, their articles' titles
// and citations included, and its terms by title and link; the weight,
// which orders the lists (always rendered), is not on its page. Its
// neighbours are its page's (see writeDeps).
func eventDigest(e *eventData, data []byte) digest {
	own := *e
	own.Weight, own.Prev, own.Next, own.TermIndex = 0, "", "", nil
	own.Sources = make([]sourceData, len(e.Sources))
	for i, s := range e.Sources {
		s.article = nil // whole
		own.Sources[i] = s
	}
	// This fails only where encoding its data, just done, did.
	if b, err := json.Marshal(struct {
		eventData
		Terms *eventTerms `json:"termrefs,omitempty"`
	}{own, e.Terms}); err == nil {
		data = b
	}
	return sha256.Sum256(data)
}

// addEvent records an event's page and what it shows of others.
func (ps *pageSet) addEvent(e *eventData, sum digest) {
	ps.own[e.Path] = sum
	d := eventDeps{path: e.Path, prev: e.Prev, next: e.Next, period: e.Period}
	if e.Part == "chronology" {
		d.month = e.Month
	}
	for _, s := range e.Sources {
		d.sources = append(d.sources, s.Path)
	}
	ps.events = append(ps.events, d)
}

// articleDigest is the digest of an article's data, encoded as data.
func articleDigest(_ *articleData, data []byte) digest { return sha256.Sum256(data) }

func (ps *pageSet) addArticle(a *articleData, sum digest) {
	ps.own[a.Path] = sum
	ps.articles = append(ps.articles, articleDeps{path: a.Path, events: a.Events})
}

func (ps *pageSet) addMonth(m *monthData, _ digest) { ps.months[m.Key] = m.Label }

// digests maps the output file of every event, article, period and term
// page to the digest of its inputs, given the digest global of the
// theme, project and options.
func (ps *pageSet) digests(global digest) map[string]digest {
	out := make(map[string]digest, len(ps.events)+len(ps.articles))
	h := sha256.New()
	start := func(kind, path string) {
		h.Reset()
		h.Write(global[:])
		h.Write(ps.wide[:])
		fmt.Fprintf(h, "%s %s\n", kind, path)
		ps.writeOwn(h, path)
	}
	if ps.eventPages {
		for _, e := range ps.events {
			start("event", e.path)
			ps.writeDeps(h, e)
			out[e.path+".html"] = digest(h.Sum(nil))
		}
	}
	for _, a := range ps.articles {
		start("article", a.path)
		for _, e := range a.events {
			ps.writeOwn(h, e)
		}
		out[a.path+".html"] = digest(h.Sum(nil))
	}
	for _, p := range ps.periodPages {
		start("period", p.path)
		h.Write(p.data[:])
		for _, e := range p.events {
			ps.writeOwn(h, e) // its card
		}
		for _, n := range []string{p.prev, p.next} {
			t := ps.periods[n]
			fmt.Fprintf(h, "neighbour %q %x\n", n, t)
		}
		out[p.path+".html"] = digest(h.Sum(nil))
	}
	for _, t := range ps.termPages {
		start("term", t.path)
		h.Write(t.data[:])
		for _, e := range t.events {
			ps.writeOwn(h, e) // its line
		}
		for _, m := range t.months {
			_, ok := ps.periods["months/"+m]
			fmt.Fprintf(h, "month %q %v\n", m, ok)
		}
		out[t.file+".html"] = digest(h.Sum(nil))
	}
	return out
}

// logical maps the file of each page whose logical path in Hugo is not
// its file less .html (a term's) to that path.
func (ps *pageSet) logical() map[string]string {
	out := map[string]string{}
	for _, t := range ps.termPages {
		if t.path != t.file {
			out[t.file+".html"] = t.path
		}
	}
	return out
}

// writeDeps writes what an event's page shows of other pages.
func (ps *pageSet) writeDeps(h hash.Hash, e eventDeps) {
	ps.writeOwn(h, e.prev)
	ps.writeOwn(h, e.next)
	label, ok := ps.months[e.month]
	fmt.Fprintf(h, "month %q %v %q\n", e.month, ok, label)
	p, ok := ps.periods[e.period]
	fmt.Fprintf(h, "period %q %v %x\n", e.period, ok, p)
	for _, s := range e.sources {
		ps.writeOwn(h, s) // whether it has a page, and its title
	}
}

func (ps *pageSet) writeOwn(h hash.Hash, path string) {
	d, ok := ps.own[path]
	fmt.Fprintf(h, "%q %v %x\n", path, ok, d)
}

// themeDigest digests the embedded theme, once per process.
var themeDigest = sync.OnceValues(func() (digest, error) {
	h := sha256.New()
	err := digestFS(h, theme.FS, ".")
	return digest(h.Sum(nil)), err
})

// globalDigest digests what every page may show besides the timeline's
// data: the theme, the project's templates, settings and pages, Hugo's
// version and the options. ok is false when the project does something
// the page digests cannot follow, or cannot be read.
func globalDigest(project string, opt Options) (d digest, ok bool) {
	th, err := themeDigest()
	if err != nil {
		return d, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%x\n", cacheFormat, hugoversion.CurrentVersion.String(), th)
	fmt.Fprintf(h, "%q %q %q %q\n", opt.ConfigFile, opt.BaseURL, opt.Title, opt.Language)
	root := os.DirFS(project)
	for _, dir := range []string{"theme", "layouts", "i18n", "data", "assets", "content", "config", "archetypes"} {
		if err := digestFS(h, root, dir); err != nil {
			return d, false
		}
	}
	cascade, err := digestConfig(h, project, opt.ConfigFile)
	if err != nil {
		return d, false
	}
	return digest(h.Sum(nil)), !cascade && followable(project)
}

// digestConfig writes the project's settings files to h and reports
// whether they may set a cascade of their own.
func digestConfig(h io.Writer, project, configFile string) (cascade bool, err error) {
	names, _ := filepath.Glob(filepath.Join(project, "*.*"))
	names = slices.DeleteFunc(names, func(name string) bool {
		base := filepath.Base(name)
		return !strings.HasPrefix(base, "hugo.") && !strings.HasPrefix(base, "config.")
	})
	if configFile != "" {
		names = append(names, configFile)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return false, err
		}
		fmt.Fprintf(h, "file %q %d\n", name, len(b))
		h.Write(b)
		cascade = cascade || strings.Contains(string(b), "cascade")
	}
	return cascade, nil
}

// followable reports whether the project leaves the event, source,
// period and term pages to the theme: a template of its own may show
// there what the digests leave out (other events of the day, say), and
// a page of its own in those sections would be taken for one of the
// timeline's, and left unrendered.
func followable(project string) bool {
	for _, dir := range []string{"layouts", "theme/layouts"} {
		if fi, err := os.Stat(filepath.Join(project, dir)); err == nil && fi.IsDir() {
			return false
		}
	}
	for _, s := range generatedSections {
		own, _ := filepath.Glob(filepath.Join(project, "content", s, "*"))
		if slices.ContainsFunc(own, func(p string) bool { return !strings.HasPrefix(filepath.Base(p), "_index.") }) {
			return false
		}
	}
	return true
}

// digestFS writes the names and contents of the files under dir of fsys
// to h, in order; a missing dir adds nothing.
func digestFS(h io.Writer, fsys fs.FS, dir string) error {
	err := fs.WalkDir(fsys, dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "file %q %d\n", path, len(b))
		h.Write(b)
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

// cacheEntry is one published page file as the last build left it.
type cacheEntry struct {
	digest  digest
	size    int64
	modTime int64
	inode   uint64
}

func entryOf(fi fs.FileInfo, d digest) cacheEntry {
	e := cacheEntry{digest: d, size: fi.Size(), modTime: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		e.inode = uint64(st.Ino)
	}
	return e
}

// plan is what an incremental build reuses and renders.
type plan struct {
	digests map[string]digest // every event, article, period and term page file
	reuse   []string          // files linked from the current site
	changed []string          // page paths rendered though others are reused
	// sections are those of the digested pages, whose pages are not
	// rendered unless changed.
	sections []string
}

// makePlan compares the pages' digests with the cache of the last build
// into dest; ok false renders every page.
// logical gives the page path of a file whose path is not the file's
// less .html.
func makePlan(cache, dest string, digests map[string]digest, logical map[string]string, ok bool) plan {
	p := plan{digests: digests}
	if !ok || cache == "" {
		return p
	}
	pagePath := func(f string) string { return cmp.Or(logical[f], strings.TrimSuffix(f, ".html")) }
	cached := readCache(cache, dest)
	for _, f := range slices.Sorted(maps.Keys(digests)) {
		if s, _, _ := strings.Cut(pagePath(f), "/"); !slices.Contains(p.sections, s) {
			p.sections = append(p.sections, s)
		}
		c, found := cached[f]
		if found && c.digest == digests[f] {
			if fi, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(f))); err == nil && entryOf(fi, c.digest) == c {
				p.reuse = append(p.reuse, f)
				continue
			}
		}
		p.changed = append(p.changed, pagePath(f))
	}
	if len(p.reuse) == 0 || len(p.changed) > maxChanged {
		p.reuse, p.changed = nil, nil
	}
	return p
}

// cascade is the build options that have Hugo render only the changed
// event, article and period pages, nil when every page is rendered.
func (p plan) cascade() []map[string]any {
	if len(p.reuse) == 0 {
		return nil
	}
	var out []map[string]any
	if len(p.changed) > 0 {
		paths := make([]string, len(p.changed))
		for i, c := range p.changed {
			paths[i] = "/" + globQuote(c)
		}
		out = append(out, map[string]any{
			"build":  buildOptions("always"),
			"target": map[string]any{"path": "{" + strings.Join(paths, ",") + "}"},
		})
	}
	under := make([]string, len(p.sections))
	for i, s := range p.sections {
		under[i] = "/" + globQuote(s) + "/**"
	}
	return append(out, map[string]any{
		"build":  buildOptions("link"),
		"target": map[string]any{"path": "{" + strings.Join(under, ",") + "}"},
	})
}

// buildOptions are a page's build options, all given: a cascade's
// replace the page's whole, leaving out ones unset.
func buildOptions(render string) map[string]any {
	return map[string]any{"render": render, "list": "always", "publishResources": true}
}

// globQuote escapes the characters a path glob gives a meaning to.
func globQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]{}\,!`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// linkReused puts the reused files of the current site dest into the
// staging folder stage.
func (p plan) linkReused(dest, stage string) error {
	for _, f := range p.reuse {
		from := filepath.Join(dest, filepath.FromSlash(f))
		to := filepath.Join(stage, filepath.FromSlash(f))
		if _, err := os.Lstat(to); err == nil {
			continue // Hugo rendered it after all
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		fi, err := os.Lstat(from)
		if err != nil {
			return err
		}
		if err := carryFile(from, to, fs.FileInfoToDirEntry(fi)); err != nil {
			return err
		}
	}
	return nil
}

func cachePath(dir string) string { return filepath.Join(dir, cacheName) }

// readCache reads the cache in dir of the last build, if it was into
// dest.
func readCache(dir, dest string) map[string]cacheEntry {
	f, err := os.Open(cachePath(dir))
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() || sc.Text() != cacheFormat || !sc.Scan() || sc.Text() != "dest "+dest {
		return nil
	}
	out := map[string]cacheEntry{}
	for sc.Scan() {
		name, e, ok := parseEntry(sc.Text())
		if !ok {
			return nil
		}
		out[name] = e
	}
	if sc.Err() != nil {
		return nil
	}
	return out
}

func parseEntry(line string) (string, cacheEntry, bool) {
	fields := strings.Split(line, "\t")
	if len(fields) != 5 {
		return "", cacheEntry{}, false
	}
	var e cacheEntry
	d, err := hex.DecodeString(fields[1])
	if err != nil || len(d) != len(e.digest) {
		return "", e, false
	}
	copy(e.digest[:], d)
	var errs [3]error
	e.size, errs[0] = strconv.ParseInt(fields[2], 10, 64)
	e.modTime, errs[1] = strconv.ParseInt(fields[3], 10, 64)
	e.inode, errs[2] = strconv.ParseUint(fields[4], 10, 64)
	return fields[0], e, errs[0] == nil && errs[1] == nil && errs[2] == nil
}

// writeCache records in dir the page files of the site just published
// in dest, replacing the cache file whole. ok false removes it.
func writeCache(dir, dest string, digests map[string]digest, ok bool) error {
	if dir == "" {
		return nil
	}
	name := cachePath(dir)
	if !ok {
		if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), cacheName+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	fmt.Fprintf(w, "%s\ndest %s\n", cacheFormat, dest)
	for _, f := range slices.Sorted(maps.Keys(digests)) {
		fi, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(f)))
		if err != nil || !fi.Mode().IsRegular() {
			continue // no file of that name: the page is always rendered
		}
		e := entryOf(fi, digests[f])
		fmt.Fprintf(w, "%s\t%x\t%d\t%d\t%d\n", f, e.digest, e.size, e.modTime, e.inode)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
