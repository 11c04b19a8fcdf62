package site

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"conflict-timeline/timeline/internal/testenv"
)

// TestBrowser opens the built site in Debian's chromium, from disk and from
// a local server under a GitHub Pages-like subpath, and checks what a
// reader would meet: pages that load without errors and without asking
// the network for anything, links that lead somewhere, a filter that
// narrows the list, tooltips that open on keyboard focus, a chronology
// that still reads with JavaScript off.
//
// Screenshots go to $TIMELINE_SCREENSHOTS if set, else to a temporary
// folder; their paths are logged.
func TestBrowser(t *testing.T) {
	chromium := testenv.Chromium(t)
	dir := t.TempDir()
	if err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: dir, BaseURL: "https://user.github.io/repo/"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/repo", http.FileServer(http.Dir(dir))))
	defer srv.Close()

	roots := []struct{ name, root string }{
		{"file", (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()},
		{"http-subpath", srv.URL + "/repo/"},
	}
	// Only the site itself may be asked for anything.
	allowed := func(u string) bool {
		return strings.HasPrefix(u, roots[0].root) || strings.HasPrefix(u, roots[1].root) || strings.HasPrefix(u, "data:")
	}
	b := newBrowser(t, chromium, allowed)

	for _, r := range roots {
		t.Run(r.name, func(t *testing.T) {
			t.Run("pages-and-links", func(t *testing.T) { checkPagesAndLinks(t, b.tab(t), r.root, dir) })
			t.Run("filter", func(t *testing.T) { checkFilter(t, b.tab(t), r.root) })
			t.Run("tooltips", func(t *testing.T) { checkTooltips(t, b.tab(t), r.root) })
		})
	}
	t.Run("without-javascript", func(t *testing.T) { checkWithoutJS(t, b.tab(t), roots[0].root) })
	t.Run("print", func(t *testing.T) { checkPrint(t, b.tab(t), roots[0].root) })
	t.Run("screenshots", func(t *testing.T) { screenshots(t, b.tab(t), roots[0].root) })
}

// browser is one chromium for the whole test; each check gets its own tab.
type browser struct {
	ctx     context.Context
	allowed func(string) bool
}

func newBrowser(t *testing.T, path string, allowed func(string) bool) *browser {
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser; its context must have no deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return &browser{ctx: ctx, allowed: allowed}
}

// tab is a browser tab that records everything that goes wrong in it:
// console errors, uncaught exceptions, failed or refused requests.
type tab struct {
	t    *testing.T
	ctx  context.Context
	woes *problems
}

type problems struct {
	mu   sync.Mutex
	list []string
}

func (b *browser) tab(t *testing.T) *tab {
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, woes: &problems{}}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				tb.problem("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tb.problem("uncaught exception at %s:%d: %s", d.URL, d.LineNumber, msg)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				tb.problem("console (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			if !b.allowed(ev.Request.URL) {
				tb.problem("request leaves the site: %s", ev.Request.URL)
			}
		case *network.EventLoadingFailed:
			tb.problem("loading failed (%s): %s", ev.Type, ev.ErrorText)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				tb.problem("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// Beyond noticing, refuse: a request that may not leave the machine
	// must not, even if the test is about to fail anyway.
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if b.allowed(ev.Request.URL) {
				chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			} else {
				tb.problem("blocked request to %s", ev.Request.URL)
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			}
		}
	}()
	return tb
}

// in is the same tab for a subtest, which must fail through its own t.
func (tb *tab) in(t *testing.T) *tab { return &tab{t: t, ctx: tb.ctx, woes: tb.woes} }

func (tb *tab) problem(format string, args ...any) {
	tb.woes.mu.Lock()
	defer tb.woes.mu.Unlock()
	tb.woes.list = append(tb.woes.list, fmt.Sprintf(format, args...))
}

// check fails the test for every problem recorded since the last check.
func (tb *tab) check(where string) {
	tb.t.Helper()
	tb.woes.mu.Lock()
	defer tb.woes.mu.Unlock()
	for _, p := range tb.woes.list {
		tb.t.Errorf("%s: %s", where, p)
	}
	tb.woes.list = nil
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// open loads a page and waits until its scripts have run.
func (tb *tab) open(u string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(u))
	// DOMContentLoaded handlers have run once the document is complete.
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
		tb.t.Fatal(err)
	}
}

type pageFacts struct {
	Links    []string `json:"links"`
	IDs      []string `json:"ids"`
	Headings []int    `json:"headings"`
	H1s      int      `json:"h1s"`
	Mains    int      `json:"mains"`
	Lang     string   `json:"lang"`
	Times    []string `json:"times"`
}

const factsJS = `({
	links: [...document.querySelectorAll("a[href]")].map(a => new URL(a.getAttribute("href"), location.href).href),
	ids: [...document.querySelectorAll("[id]")].map(e => e.id),
	headings: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => +h.tagName[1]),
	h1s: document.querySelectorAll("h1").length,
	mains: document.querySelectorAll("main").length,
	lang: document.documentElement.lang,
	times: [...document.querySelectorAll("time")].map(t => t.getAttribute("datetime") || ""),
})`

// validDatetime is the subset of HTML's datetime syntax the site uses.
var validDatetime = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$`)

// checkPagesAndLinks walks every page reachable from the home page: each
// must load cleanly, be structured (one main, one h1, no skipped heading
// level, valid <time datetime>), and every link into the site must reach
// a page, and an element when it has a fragment.
func checkPagesAndLinks(t *testing.T, tb *tab, root, dir string) {
	facts := map[string]pageFacts{}
	queue := []string{root + "index.html"}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if _, seen := facts[u]; seen {
			continue
		}
		tb.open(u)
		f := eval[pageFacts](tb, factsJS)
		facts[u] = f
		tb.check(strings.TrimPrefix(u, root))

		name := strings.TrimPrefix(u, root)
		if f.Mains != 1 || f.H1s != 1 || f.Lang == "" {
			t.Errorf("%s: %d <main>, %d <h1>, lang %q; want 1, 1 and a language", name, f.Mains, f.H1s, f.Lang)
		}
		for i := 1; i < len(f.Headings); i++ {
			if f.Headings[i] > f.Headings[i-1]+1 {
				t.Errorf("%s: heading h%d follows h%d", name, f.Headings[i], f.Headings[i-1])
				break
			}
		}
		for _, dt := range f.Times {
			if !validDatetime.MatchString(dt) {
				t.Errorf("%s: <time datetime=%q>", name, dt)
			}
		}
		for _, l := range f.Links {
			page, _, _ := strings.Cut(l, "#")
			switch {
			case strings.HasPrefix(page, root) && strings.HasSuffix(page, ".html"):
				queue = append(queue, page)
			case strings.HasPrefix(page, root):
				// The feed and other files: they must exist; there is no
				// page in them to check.
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(page, root)))); err != nil {
					t.Errorf("%s: link %s: %v", name, l, err)
				}
			case strings.HasPrefix(l, "https://") && !strings.HasPrefix(root, "https://"):
				// Links to the original articles: followed by readers, not
				// by this test, and never requested by the page itself.
			default:
				t.Errorf("%s: link %s leaves the site", name, l)
			}
		}
	}
	if len(facts) < 50 {
		t.Errorf("reached %d pages from the home page; the fixture makes more than 60", len(facts))
	}
	for u, f := range facts {
		for _, l := range f.Links {
			page, frag, ok := strings.Cut(l, "#")
			// A fragment with "=" is a filter for the script, not an anchor.
			if !ok || frag == "" || strings.Contains(frag, "=") || !strings.HasPrefix(page, root) {
				continue
			}
			if target, ok := facts[page]; ok && !slices.Contains(target.IDs, frag) {
				t.Errorf("%s: link to #%s, which %s does not have", strings.TrimPrefix(u, root), frag, strings.TrimPrefix(page, root))
			}
		}
	}
}

// checkFilter drives the home page's filter like a reader: typing words,
// picking from the lists, setting dates.
func checkFilter(t *testing.T, tb *tab, root string) {
	tb.open(root + "index.html")
	if eval[bool](tb, `document.getElementById("filter").hidden`) {
		t.Fatal("the filter form stayed hidden with JavaScript on")
	}
	total := eval[int](tb, `document.querySelectorAll("#chronology article.event").length`)
	if total != len(fixture().Timeline.Events) {
		t.Fatalf("the chronology shows %d events, want %d", total, len(fixture().Timeline.Events))
	}

	tests := []struct {
		name   string
		words  string
		fields map[string]string
		want   []string
	}{
		{name: "place", fields: map[string]string{"place": "Idlib"},
			want: []string{"2016-08-11-millis-hospital", "2016-08-14-idlib-market-shelling"}},
		{name: "actor", fields: map[string]string{"actor": "rebels"},
			want: []string{"2012-fighting-aleppo", "2016-07-31-aleppo-offensive", "2016-08-06-aleppo-siege-broken"}},
		{name: "type", fields: map[string]string{"type": "air strike"},
			want: []string{"2015-09-30-russian-air-strikes", "2016-08-11-millis-hospital"}},
		{name: "words match text and type", words: "siege",
			want: []string{"2016-07-castello-road-cut", "2016-07-31-aleppo-offensive", "2016-08-06-aleppo-siege-broken"}},
		{name: "words ignore case and accents", words: "DÉRAA",
			want: []string{"2011-03-18-deraa-fire"}},
		{name: "date range", fields: map[string]string{"from": "2016-08-01", "to": "2016-08-31"},
			want: []string{"2016-08-06-aleppo-siege-broken", "2016-08-08-security-council-meeting", "2016-08-11-millis-hospital", "2016-08-14-idlib-market-shelling"}},
		{name: "a day inside a month and a range", fields: map[string]string{"from": "2016-07-30", "to": "2016-07-30"},
			want: []string{"2016-07-castello-road-cut", "2016-07-23-aleppo-hospitals"}},
		{name: "words and place together", words: "hospital", fields: map[string]string{"place": "Idlib"},
			want: []string{"2016-08-11-millis-hospital"}},
		{name: "nothing", words: "zzzz", want: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := tb.in(t)
			tb.do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
			if tt.words != "" {
				tb.do(chromedp.Click(chromedp.CSS("#f-q")), chromedp.KeyEvent(tt.words))
			}
			for name, v := range tt.fields {
				eval[chromedp.Void](tb, fmt.Sprintf(`(() => {
					const f = document.getElementById("filter").elements[%q];
					f.value = %q;
					f.dispatchEvent(new Event("change", {bubbles: true}));
				})()`, name, v))
			}
			got := eval[[]string](tb, `[...document.querySelectorAll("#results-list .event-link a")].map(a => a.href.split("/").pop().replace(/\.html$/, ""))`)
			if !slices.Equal(got, tt.want) {
				t.Errorf("results %q, want %q", got, tt.want)
			}
			if !eval[bool](tb, `document.getElementById("chronology").hidden`) {
				t.Error("the chronology stays visible under the results")
			}
			status := eval[string](tb, `document.getElementById("f-status").textContent`)
			if want := fmt.Sprintf("%d of %d events match.", len(tt.want), total); status != want {
				t.Errorf("status %q, want %q", status, want)
			}
			tb.check("filter")
		})
	}

	// A filtered view survives a reload: it is kept in the URL.
	tb.do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	eval[chromedp.Void](tb, `(() => { const s = document.getElementById("f-place"); s.value = "Aleppo"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	loc := eval[string](tb, `location.href`)
	if !strings.Contains(loc, "#place=Aleppo") {
		t.Fatalf("the filter is not in the URL: %s", loc)
	}
	tb.open(root + "about.html")
	tb.open(loc)
	if n := eval[int](tb, `document.querySelectorAll("#results-list li").length`); n != 5 {
		t.Errorf("after reloading %s: %d results, want the 5 Aleppo events", loc, n)
	}
	// A place's page links to the same view.
	tb.open(root + "places/idlib.html")
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`.lede a`)))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#results-list li").length === 2`)); err != nil {
		t.Errorf("the Idlib page's filter link does not show the 2 Idlib events: %v", err)
	}
	tb.do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("chronology").hidden && document.getElementById("results").hidden`)); err != nil {
		t.Errorf("Clear does not bring the chronology back: %v", err)
	}
	tb.check("filter reload")
}

// checkTooltips: an expression's value shows on keyboard focus and on
// hover, and Escape dismisses it.
func checkTooltips(t *testing.T, tb *tab, root string) {
	tb.open(root + "sources/aleppo-siege-broken.html")
	shown := func(id string) bool {
		return eval[string](tb, fmt.Sprintf(`getComputedStyle(document.getElementById(%q)).display`, id)) != "none"
	}
	id := eval[string](tb, `document.querySelector("mark.timex").id`)
	if shown(id + "-tip") {
		t.Fatalf("tooltip of %s shown before any focus", id)
	}
	// Tab from the top until the first expression has the focus.
	for i := 0; i < 40 && eval[string](tb, `document.activeElement.id`) != id; i++ {
		tb.do(chromedp.KeyEvent(kb.Tab))
	}
	if got := eval[string](tb, `document.activeElement.id`); got != id {
		t.Fatalf("Tab never reached the first expression (focus on %q)", got)
	}
	if !shown(id + "-tip") {
		t.Error("the tooltip does not open on keyboard focus")
	}
	if text := eval[string](tb, fmt.Sprintf(`document.getElementById(%q).textContent`, id+"-tip")); !strings.Contains(text, "2016-08-07") {
		t.Errorf("tooltip %q lacks the resolved value", text)
	}
	tb.do(chromedp.KeyEvent(kb.Escape))
	if shown(id + "-tip") {
		t.Error("Escape does not dismiss the tooltip")
	}

	// The anchor's reasons, by hovering over the article date.
	tb.do(chromedp.KeyEvent(kb.Tab)) // move focus away from the expressions
	type point struct{ X, Y float64 }
	p := eval[point](tb, `(() => { const r = document.querySelector(".anchor-date").getBoundingClientRect(); return {X: r.x + r.width/2, Y: r.y + r.height/2}; })()`)
	if _, err := chromedp.Call(tb.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: p.X, Y: p.Y}); err != nil {
		t.Fatal(err)
	}
	if !shown("anchor-tip") {
		t.Error("the anchor's reasons do not show on hover")
	}
	if text := eval[string](tb, `document.getElementById("anchor-tip").textContent`); !strings.Contains(text, "dateline") {
		t.Errorf("anchor tooltip %q lacks the reasons", text)
	}
	tb.check("tooltips")
}

func checkWithoutJS(t *testing.T, tb *tab, root string) {
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open(root + "index.html")
	visible := eval[int](tb, `[...document.querySelectorAll("#chronology article.event")].filter(e => e.offsetParent !== null).length`)
	if want := len(fixture().Timeline.Events); visible != want {
		t.Errorf("%d events visible without JavaScript, want %d", visible, want)
	}
	if eval[bool](tb, `document.getElementById("filter").offsetParent !== null`) {
		t.Error("the filter form shows without JavaScript, where it cannot work")
	}
	tb.check("without JavaScript")
}

func checkPrint(t *testing.T, tb *tab, root string) {
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	tb.open(root + "index.html")
	for _, sel := range []string{".site-header", "#filter", ".overview"} {
		if eval[string](tb, fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).display`, sel)) != "none" {
			t.Errorf("%s is printed", sel)
		}
	}
	tb.open(root + "sources/aleppo-siege-broken.html")
	if eval[string](tb, `getComputedStyle(document.querySelector(".tx .tip")).display`) == "none" {
		t.Error("expression values are not printed")
	}
	tb.check("print")
}

// screenshots saves the home page in both colour schemes, a filtered view
// and an article with a tooltip open, for a person to look at.
func screenshots(t *testing.T, tb *tab, root string) {
	dir := os.Getenv("TIMELINE_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct {
		name, page, scheme, js string
		phone                  bool
	}{
		{name: "home-light.png", page: "index.html", scheme: "light"},
		{name: "home-dark.png", page: "index.html", scheme: "dark"},
		{name: "home-filtered.png", page: "index.html#place=Aleppo", scheme: "light"},
		{name: "article-tooltip.png", page: "sources/aleppo-siege-broken.html", scheme: "light", js: `document.getElementById("t-48").focus()`},
		{name: "event-dark.png", page: "events/2016-08-11-millis-hospital.html", scheme: "dark"},
		{name: "home-phone.png", page: "index.html", scheme: "light", phone: true},
	}
	for _, s := range shots {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s.scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		width, height := int64(1280), int64(900)
		if s.phone {
			width, height = 390, 844
		}
		if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: width, Height: height, DeviceScaleFactor: 1, Mobile: s.phone,
		}); err != nil {
			t.Fatal(err)
		}
		tb.open(root + s.page)
		if s.js != "" {
			eval[chromedp.Void](tb, s.js)
		}
		png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, s.name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
	tb.check("screenshots")
}
