package site

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"conflict-timeline/timeline/internal/browsertest"
	"conflict-timeline/timeline/internal/testenv"
)

// TestBrowser opens the built site in Debian's chromium, from disk and from
// a local server under a GitHub Pages-like subpath, and checks what a
// reader would meet: pages that load without errors and without asking
// the network for anything, links that lead somewhere, a filter that
// narrows the list, tooltips that open on keyboard focus, a chronology
// that still reads with JavaScript off, a background that stays
// collapsed until asked for.
//
// Screenshots go to $TIMELINE_SCREENSHOTS if set, else to a temporary
// folder; their paths are logged.
func TestBrowser(t *testing.T) {
	chromium := testenv.Chromium(t)
	dir := t.TempDir()
	if err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: dir, BaseURL: "https://user.github.io/repo/"}); err != nil {
		t.Fatal(err)
	}
	roots := []struct{ name, root string }{
		{"file", browsertest.FileRoot(dir)},
		{"http-subpath", browsertest.Serve(t, dir, "/repo")},
	}
	// Only the site itself may be asked for anything.
	b := browsertest.Start(t, chromium, browsertest.Within(roots[0].root, roots[1].root))

	for _, r := range roots {
		t.Run(r.name, func(t *testing.T) {
			t.Run("pages-and-links", func(t *testing.T) {
				if pages := browsertest.Crawl(t, b.Tab(t), r.root, dir); len(pages) < 50 {
					t.Errorf("reached %d pages from the home page; the fixture makes more than 60", len(pages))
				}
			})
			t.Run("filter", func(t *testing.T) { checkFilter(t, b.Tab(t), r.root) })
			t.Run("verified-only", func(t *testing.T) { checkVerified(t, b.Tab(t), r.root) })
			t.Run("background", func(t *testing.T) { checkBackground(t, b.Tab(t), r.root) })
			t.Run("tooltips", func(t *testing.T) { checkTooltips(t, b.Tab(t), r.root) })
		})
	}
	t.Run("without-javascript", func(t *testing.T) { checkWithoutJS(t, b.Tab(t), roots[0].root) })
	t.Run("print", func(t *testing.T) { checkPrint(t, b.Tab(t), roots[0].root) })
	t.Run("screenshots", func(t *testing.T) { screenshots(t, b.Tab(t), roots[0].root) })
}

// TestBrowserWithoutEventPages: a site without a page per event is
// whole from file://: every page reached from the home page passes the
// crawl's checks, a filter result links to its card on its period's
// page, and the card there folds out how the event was dated.
func TestBrowserWithoutEventPages(t *testing.T) {
	chromium := testenv.Chromium(t)
	dir := t.TempDir()
	if err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: dir, EventPages: EventPagesNever}); err != nil {
		t.Fatal(err)
	}
	root := browsertest.FileRoot(dir)
	b := browsertest.Start(t, chromium, browsertest.Within(root))
	tb := b.Tab(t)
	if pages := browsertest.Crawl(t, tb, root, dir); len(pages) < 30 {
		t.Errorf("reached %d pages from the home page; the fixture makes more than 30 besides its events", len(pages))
	}
	tb.Open(root + "index.html")
	tb.Do(chromedp.Click(chromedp.CSS("#f-q")), chromedp.KeyEvent("siege"))
	links := browsertest.Eval[[]string](tb, `[...document.querySelectorAll("#results-list .event-link a")].map(a => a.href)`)
	if len(links) != 4 {
		t.Fatalf("%d results for siege, want 4: %q", len(links), links)
	}
	for _, l := range links {
		if !strings.Contains(l, "/months/") || !strings.Contains(l, "#e-") {
			t.Errorf("a result links to %s, not to a card on a period's page", l)
		}
	}
	tb.Open(links[0])
	shown := browsertest.Eval[bool](tb, `(() => {
		const card = document.getElementById(location.hash.slice(1));
		const how = card && card.querySelector("details.event-how");
		if (!how) return false;
		how.open = true;
		return how.querySelector(".sources li") !== null && how.getBoundingClientRect().height > 0;
	})()`)
	if !shown {
		t.Errorf("%s: no card there that folds out how its event was dated", links[0])
	}
	tb.Check("card")
}

// checkFilter drives the home page's filter like a reader: typing words,
// picking from the lists, setting dates.
func checkFilter(t *testing.T, tb *browsertest.Tab, root string) {
	tb.Open(root + "index.html")
	if browsertest.Eval[bool](tb, `document.getElementById("filter").hidden`) {
		t.Fatal("the filter form stayed hidden with JavaScript on")
	}
	total := browsertest.Eval[int](tb, `document.querySelectorAll("#chronology article.event").length`)
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
			want: []string{"2015-09-30-russian-air-strikes", "a1b2c3d4e5f6", "2016-08-11-millis-hospital"}},
		{name: "words match text and type", words: "siege",
			want: []string{"2016-07-castello-road-cut", "2016-07-31-aleppo-offensive", "2016-08-06-aleppo-siege-broken", "undated-aid-warning"}},
		{name: "words ignore case and accents", words: "DÉRAA",
			want: []string{"2011-03-18-deraa-fire"}},
		{name: "date range", fields: map[string]string{"from": "2016-08-01", "to": "2016-08-31"},
			want: []string{"a1b2c3d4e5f6", "2016-08-06-aleppo-siege-broken", "2016-08-08-security-council-meeting", "2016-08-11-millis-hospital", "2016-08-14-idlib-market-shelling"}},
		{name: "a day inside a month and a range", fields: map[string]string{"from": "2016-07-30", "to": "2016-07-30"},
			want: []string{"2016-07-castello-road-cut", "2016-07-23-aleppo-hospitals"}},
		{name: "words and place together", words: "hospital", fields: map[string]string{"place": "Idlib"},
			want: []string{"2016-08-11-millis-hospital"}},
		{name: "nothing", words: "zzzz", want: []string{}},
		// Stated outright or known to the day: not "last month", not the
		// day inferred from a guessed article date, not the undated.
		{name: "stated or known to the day", fields: map[string]string{"exact": "1"}, want: exact()},
		{name: "known to the day, in Idlib", fields: map[string]string{"exact": "1", "place": "Idlib"},
			want: []string{"2016-08-14-idlib-market-shelling"}},
		{name: "stated or known to the day, in July 2016", fields: map[string]string{"exact": "1", "from": "2016-07-01", "to": "2016-07-31"},
			want: []string{"2016-07-23-aleppo-hospitals", "2016-07-31-aleppo-offensive"}},
		// Verified by the editor, alone and with the other filters.
		{name: "verified only", fields: map[string]string{"verified": "1"}, want: verified()},
		{name: "verified, in Idlib", fields: map[string]string{"verified": "1", "place": "Idlib"},
			want: []string{"2016-08-14-idlib-market-shelling"}},
		{name: "verified and stated or known to the day, from 2016", fields: map[string]string{"verified": "1", "exact": "1", "from": "2016-01-01"},
			want: []string{"2016-08-06-aleppo-siege-broken", "2016-08-14-idlib-market-shelling"}},
		{name: "verified, by the words of a summary", words: "government's siege", fields: map[string]string{"verified": "1"},
			want: []string{"2016-08-06-aleppo-siege-broken"}},
		{name: "words of a summary", words: "last route into eastern",
			want: []string{"2016-07-castello-road-cut"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := tb.In(t)
			tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
			if tt.words != "" {
				tb.Do(chromedp.Click(chromedp.CSS("#f-q")), chromedp.KeyEvent(tt.words))
			}
			for name, v := range tt.fields {
				browsertest.Eval[chromedp.Void](tb, fmt.Sprintf(`(() => {
					const f = document.getElementById("filter").elements[%q];
					if (f.type === "checkbox") f.checked = %[2]q === "1"; else f.value = %[2]q;
					f.dispatchEvent(new Event("change", {bubbles: true}));
				})()`, name, v))
			}
			got := browsertest.Eval[[]string](tb, `[...document.querySelectorAll("#results-list .event-link a")].map(a => a.href.split("/").pop().replace(/\.html$/, ""))`)
			if !slices.Equal(got, tt.want) {
				t.Errorf("results %q, want %q", got, tt.want)
			}
			// The toggle keeps what the cards' data attributes call exact:
			// stated, or a day that is not inferred.
			if tt.fields["exact"] != "" {
				type card struct{ Precision, Inferred, Stated, Exact string }
				for _, c := range browsertest.Eval[[]card](tb, `[...document.querySelectorAll("#results-list article.event")].map(a => ({
					Precision: a.dataset.precision, Inferred: a.dataset.inferred, Stated: a.dataset.stated, Exact: a.dataset.exact}))`) {
					if c.Exact != "true" || (c.Stated != "true" && (c.Precision != "day" || c.Inferred != "false")) {
						t.Errorf("a result that is neither stated nor known to the day: %+v", c)
					}
				}
			}
			if !browsertest.Eval[bool](tb, `document.getElementById("chronology").hidden`) {
				t.Error("the chronology stays visible under the results")
			}
			status := browsertest.Eval[string](tb, `document.getElementById("f-status").textContent`)
			if want := fmt.Sprintf("%d of %d events match.", len(tt.want), total); status != want {
				t.Errorf("status %q, want %q", status, want)
			}
			tb.Check("filter")
		})
	}

	// The toggle is kept in the URL too.
	tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	tb.Do(chromedp.Click(chromedp.CSS(`#f-exact`)))
	if loc := browsertest.Eval[string](tb, `location.href`); !strings.HasSuffix(loc, "#exact=1") {
		t.Errorf("the stated-or-day toggle is not in the URL: %s", loc)
	} else {
		tb.Open(root + "about.html")
		tb.Open(loc)
		if n := browsertest.Eval[int](tb, `document.querySelectorAll("#results-list li").length`); n != len(exact()) || !browsertest.Eval[bool](tb, `document.getElementById("f-exact").checked`) {
			t.Errorf("after reloading %s: %d results, want the %d stated or known to the day, with the box checked", loc, n, len(exact()))
		}
	}

	// A filtered view survives a reload: it is kept in the URL.
	tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	browsertest.Eval[chromedp.Void](tb, `(() => { const s = document.getElementById("f-place"); s.value = "Aleppo"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	loc := browsertest.Eval[string](tb, `location.href`)
	if !strings.Contains(loc, "#place=Aleppo") {
		t.Fatalf("the filter is not in the URL: %s", loc)
	}
	tb.Open(root + "about.html")
	tb.Open(loc)
	if n := browsertest.Eval[int](tb, `document.querySelectorAll("#results-list li").length`); n != 5 {
		t.Errorf("after reloading %s: %d results, want the 5 Aleppo events", loc, n)
	}
	// A place's page links to the same view.
	tb.Open(root + "places/idlib.html")
	ctx, cancel := context.WithTimeout(tb.Context(), 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`.lede a`)))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#results-list li").length === 2`)); err != nil {
		t.Errorf("the Idlib page's filter link does not show the 2 Idlib events: %v", err)
	}
	tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("chronology").hidden && document.getElementById("results").hidden`)); err != nil {
		t.Errorf("Clear does not bring the chronology back: %v", err)
	}
	tb.Check("filter reload")
}

// checkVerified: the "verified only" toggle keeps exactly the events
// whose cards the editor marked verified, shows them marked, lives in
// the URL (#verified=1) so that it survives a reload, alone or with
// another filter, and is what the home page's count of verified events
// leads to.
func checkVerified(t *testing.T, tb *browsertest.Tab, root string) {
	tb.Open(root + "index.html")
	want := verified()
	// The chronology's cards say which are verified, and show it.
	marked := browsertest.Eval[[]string](tb, `[...document.querySelectorAll('#chronology article.event[data-verified="true"]')].map(a => a.id.replace(/^e-/, ""))`)
	if !slices.Equal(marked, want) {
		t.Errorf("cards marked data-verified: %q, want %q", marked, want)
	}
	if n := browsertest.Eval[int](tb, `document.querySelectorAll('#chronology article.event[data-verified="true"] .badge-verified').length`); n != len(want) {
		t.Errorf("%d verified cards carry the verified mark, want %d", n, len(want))
	}
	if n := browsertest.Eval[int](tb, `document.querySelectorAll('#chronology article.event[data-verified="false"] .badge-verified').length`); n != 0 {
		t.Errorf("%d cards not verified carry the verified mark", n)
	}
	type result struct {
		ID       string `json:"id"`
		Verified string `json:"verified"`
		Marked   bool   `json:"marked"`
	}
	results := func() (ids []string) {
		for _, r := range browsertest.Eval[[]result](tb, `[...document.querySelectorAll("#results-list article.event")].map(a => ({
			id: a.id.replace(/^r-/, ""), verified: a.dataset.verified, marked: !!a.querySelector(".badge-verified")}))`) {
			if r.Verified != "true" || !r.Marked {
				t.Errorf("result %s: data-verified %q, marked %v", r.ID, r.Verified, r.Marked)
			}
			ids = append(ids, r.ID)
		}
		return ids
	}

	tb.Do(chromedp.Click(chromedp.CSS(`#f-verified`)))
	if got := results(); !slices.Equal(got, want) {
		t.Errorf("verified only: %q, want %q", got, want)
	}
	loc := browsertest.Eval[string](tb, `location.href`)
	if !strings.HasSuffix(loc, "#verified=1") {
		t.Fatalf("the verified-only toggle is not in the URL: %s", loc)
	}
	// Reloaded, from another page.
	tb.Open(root + "about.html")
	tb.Open(loc)
	if got := results(); !slices.Equal(got, want) || !browsertest.Eval[bool](tb, `document.getElementById("f-verified").checked`) {
		t.Errorf("after reloading %s: %q, want %q, with the box checked", loc, got, want)
	}
	// With a place, reloaded: both are kept.
	browsertest.Eval[chromedp.Void](tb, `(() => { const s = document.getElementById("f-place"); s.value = "Aleppo"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	loc = browsertest.Eval[string](tb, `location.href`)
	if !strings.Contains(loc, "place=Aleppo") || !strings.Contains(loc, "verified=1") {
		t.Fatalf("the URL lacks the place or the toggle: %s", loc)
	}
	tb.Open(root + "about.html")
	tb.Open(loc)
	if got, want := results(), []string{"2016-08-06-aleppo-siege-broken"}; !slices.Equal(got, want) {
		t.Errorf("after reloading %s: %q, want %q", loc, got, want)
	}
	if !browsertest.Eval[bool](tb, `document.getElementById("f-verified").checked && document.getElementById("f-place").value === "Aleppo"`) {
		t.Errorf("after reloading %s the form lost the toggle or the place", loc)
	}
	// Clear brings the whole chronology back, and unchecks the box.
	tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	ctx, cancel := context.WithTimeout(tb.Context(), 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("chronology").hidden && !document.getElementById("f-verified").checked`)); err != nil {
		t.Errorf("Clear does not bring the chronology back: %v", err)
	}

	// The home page counts the editor's work, and its count of verified
	// events leads to them.
	tally := browsertest.Eval[string](tb, `document.querySelector(".tally").textContent.replace(/\s+/g, " ").trim()`)
	if w := fmt.Sprintf("%d verified by the editor · 1 dated by inference · 2 hidden by the editor", len(want)); tally != w {
		t.Errorf("the home page's tally reads %q, want %q", tally, w)
	}
	tb.Do(chromedp.Click(chromedp.CSS(`.tally a`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll("#results-list li").length === %d`, len(want)))); err != nil {
		t.Errorf("the count of verified events does not lead to them: %v", err)
	}
	tb.Check("verified only")
}

// verified are the fixture's events an editor verified, in the order of
// the site.
func verified() []string {
	var ids []string
	for _, e := range newSiteData(fixture()).Events {
		if e.Verified {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// checkTooltips: an expression's value shows on keyboard focus and on
// hover, and Escape dismisses it.
func checkTooltips(t *testing.T, tb *browsertest.Tab, root string) {
	tb.Open(root + "sources/aleppo-siege-broken.html")
	shown := func(id string) bool {
		return browsertest.Eval[string](tb, fmt.Sprintf(`getComputedStyle(document.getElementById(%q)).display`, id)) != "none"
	}
	id := browsertest.Eval[string](tb, `document.querySelector("mark.timex").id`)
	if shown(id + "-tip") {
		t.Fatalf("tooltip of %s shown before any focus", id)
	}
	// Tab from the top until the first expression has the focus.
	for i := 0; i < 40 && browsertest.Eval[string](tb, `document.activeElement.id`) != id; i++ {
		tb.Do(chromedp.KeyEvent(kb.Tab))
	}
	if got := browsertest.Eval[string](tb, `document.activeElement.id`); got != id {
		t.Fatalf("Tab never reached the first expression (focus on %q)", got)
	}
	if !shown(id + "-tip") {
		t.Error("the tooltip does not open on keyboard focus")
	}
	if text := browsertest.Eval[string](tb, fmt.Sprintf(`document.getElementById(%q).textContent`, id+"-tip")); !strings.Contains(text, "2016-08-07") {
		t.Errorf("tooltip %q lacks the resolved value", text)
	}
	tb.Do(chromedp.KeyEvent(kb.Escape))
	if shown(id + "-tip") {
		t.Error("Escape does not dismiss the tooltip")
	}

	// The anchor's reasons, by hovering over the article date.
	tb.Do(chromedp.KeyEvent(kb.Tab)) // move focus away from the expressions
	type point struct{ X, Y float64 }
	p := browsertest.Eval[point](tb, `(() => { const r = document.querySelector(".anchor-date").getBoundingClientRect(); return {X: r.x + r.width/2, Y: r.y + r.height/2}; })()`)
	if _, err := chromedp.Call(tb.Context(), input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: p.X, Y: p.Y}); err != nil {
		t.Fatal(err)
	}
	if !shown("anchor-tip") {
		t.Error("the anchor's reasons do not show on hover")
	}
	if text := browsertest.Eval[string](tb, `document.getElementById("anchor-tip").textContent`); !strings.Contains(text, "dateline") {
		t.Errorf("anchor tooltip %q lacks the reasons", text)
	}
	tb.Check("tooltips")
}

// exact are the fixture's events whose dates are stated outright or known
// to the day, in the order of the site.
func exact() []string {
	var ids []string
	for _, e := range newSiteData(fixture()).Events {
		switch e.ID {
		case "2016-07-castello-road-cut", // "last month"
			"2016-08-11-millis-hospital", // "Thursday", from a guessed article date
			"undated-aid-warning":        // nothing dates it
		default:
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// checkBackground: the background is a collapsed section of the home page
// that holds exactly the background events, out of the reader's way
// until opened; the chronology then starts with the news.
func checkBackground(t *testing.T, tb *browsertest.Tab, root string) {
	tb.Open(root + "index.html")
	type section struct {
		Tag    string   `json:"tag"`
		Open   bool     `json:"open"`
		IDs    []string `json:"ids"`
		Shown  int      `json:"shown"`
		Height float64  `json:"height"`
	}
	read := func() section {
		return browsertest.Eval[section](tb, `(() => {
			const d = document.getElementById("background");
			if (!d) return {tag: "", open: false, ids: [], shown: 0, height: 0};
			const events = [...d.querySelectorAll("article.event")];
			return {
				tag: d.tagName.toLowerCase(), open: d.open,
				ids: events.map(a => a.id.replace(/^e-/, "")),
				// A closed <details> hides its content with content-visibility,
				// which offsetParent does not see.
				shown: events.filter(a => a.checkVisibility()).length,
				height: d.getBoundingClientRect().height,
			};
		})()`)
	}
	var want []string
	for _, e := range newSiteData(fixture()).Events {
		if e.Part == "background" {
			want = append(want, e.ID)
		}
	}
	s := read()
	if s.Tag != "details" || s.Open {
		t.Fatalf("#background is <%s>, open %v; want a collapsed <details>", s.Tag, s.Open)
	}
	if !slices.Equal(s.IDs, want) {
		t.Errorf("the background holds %q, want the background events %q", s.IDs, want)
	}
	if s.Shown != 0 || s.Height > 80 {
		t.Errorf("collapsed, the background shows %d events and is %.0f px tall", s.Shown, s.Height)
	}
	// The first event a reader meets is the news, not 2011.
	first := browsertest.Eval[string](tb, `[...document.querySelectorAll("#chronology article.event")].find(a => a.checkVisibility()).id`)
	if first != "e-2016-02-27-cessation-of-hostilities" {
		t.Errorf("the first visible event is %s, want the first of 2016", first)
	}
	// Not one background event outside it.
	if n := browsertest.Eval[int](tb, `document.querySelectorAll('article.event[data-part="background"]:not(#background article)').length`); n != 0 {
		t.Errorf("%d background events outside the background section", n)
	}
	tb.Do(chromedp.Click(chromedp.CSS(`#background > summary`)))
	if s := read(); !s.Open || s.Shown != len(want) {
		t.Errorf("opened, the background shows %d of its %d events (open %v)", s.Shown, len(want), s.Open)
	}
	// A background event's page leads back to it, open.
	tb.Open(root + "events/2012-fighting-aleppo.html")
	ctx, cancel := context.WithTimeout(tb.Context(), 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`.kicker a`)))); err != nil {
		t.Fatal(err)
	}
	if s := read(); !s.Open {
		t.Error("the background event's page leads to a closed background")
	}
	tb.Check("background")
}

func checkWithoutJS(t *testing.T, tb *browsertest.Tab, root string) {
	if _, err := chromedp.Call(tb.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.Open(root + "index.html")
	// Everything but the background, which waits collapsed.
	visible := browsertest.Eval[int](tb, `[...document.querySelectorAll("#chronology article.event")].filter(e => e.checkVisibility()).length`)
	if want := len(fixture().Timeline.Events) - 7; visible != want {
		t.Errorf("%d events visible without JavaScript, want %d", visible, want)
	}
	if browsertest.Eval[bool](tb, `document.getElementById("filter").offsetParent !== null`) {
		t.Error("the filter form shows without JavaScript, where it cannot work")
	}
	tb.Check("without JavaScript")
}

func checkPrint(t *testing.T, tb *browsertest.Tab, root string) {
	if _, err := chromedp.Call(tb.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	tb.Open(root + "index.html")
	for _, sel := range []string{".site-header", "#filter", ".overview"} {
		if browsertest.Eval[string](tb, fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).display`, sel)) != "none" {
			t.Errorf("%s is printed", sel)
		}
	}
	// Paper cannot be clicked: the background and the reasons are printed.
	for _, sel := range []string{"#background article.event", "details.why .reasons"} {
		if !browsertest.Eval[bool](tb, fmt.Sprintf(`document.querySelector(%q).checkVisibility()`, sel)) {
			t.Errorf("%s is not printed", sel)
		}
	}
	tb.Open(root + "sources/aleppo-siege-broken.html")
	if browsertest.Eval[string](tb, `getComputedStyle(document.querySelector(".tx .tip")).display`) == "none" {
		t.Error("expression values are not printed")
	}
	tb.Check("print")
}

// screenshots saves the home page in both colour schemes, a filtered view
// and an article with a tooltip open, for a person to look at.
func screenshots(t *testing.T, tb *browsertest.Tab, root string) {
	dir := browsertest.ScreenshotDir(t)
	shots := []struct {
		name, page, scheme, js string
		phone                  bool
	}{
		{name: "home-light.png", page: "index.html", scheme: "light"},
		{name: "home-open.png", page: "index.html", scheme: "light",
			js: `document.getElementById("background").open = true; document.querySelector("#e-2016-08-11-millis-hospital details").open = true`},
		{name: "home-exact.png", page: "index.html#exact=1", scheme: "light"},
		{name: "home-verified.png", page: "index.html#verified=1&place=Idlib", scheme: "light"},
		{name: "home-editor.png", page: "index.html", scheme: "light",
			js: `document.querySelector("#e-2016-08-06-aleppo-siege-broken details.editor").open = true; document.getElementById("e-2016-07-castello-road-cut").scrollIntoView()`},
		{name: "event-verified.png", page: "events/2016-08-06-aleppo-siege-broken.html", scheme: "light"},
		{name: "home-dark.png", page: "index.html", scheme: "dark"},
		{name: "home-filtered.png", page: "index.html#place=Aleppo", scheme: "light"},
		{name: "article-tooltip.png", page: "sources/aleppo-siege-broken.html", scheme: "light", js: `document.getElementById("t-48").focus()`},
		{name: "event-dark.png", page: "events/2016-08-11-millis-hospital.html", scheme: "dark"},
		{name: "event-light.png", page: "events/2016-08-11-millis-hospital.html", scheme: "light"},
		{name: "home-phone.png", page: "index.html", scheme: "light", phone: true},
	}
	for _, s := range shots {
		width, height := int64(1280), int64(900)
		if s.phone {
			width, height = 390, 844
		}
		tb.Screen(s.scheme, width, height, s.phone)
		tb.Open(root + s.page)
		if s.js != "" {
			browsertest.Eval[chromedp.Void](tb, s.js)
			// Lay the page out again before it is measured for the shot.
			browsertest.Eval[float64](tb, `document.documentElement.scrollHeight`)
		}
		tb.Screenshot(dir, s.name)
	}
	tb.Check("screenshots")
}

// TestBrowserBig builds a site of about 100,000 events (33,000 generated
// articles over six years) and times, in chromium from file://, what a
// reader waits for: the home page until it is interactive (its load
// event, the filter form shown), under 2 s; the filter's events, which
// come in the background after it; queries once they are in, under
// 300 ms; and a query made at once, which waits for them.
// The numbers are logged. It takes minutes and gigabytes, so it runs
// only with TIMELINE_BIG=1, under CI=true as well.
func TestBrowserBig(t *testing.T) {
	if os.Getenv("TIMELINE_BIG") != "1" {
		t.Skip("set TIMELINE_BIG=1 to build a site of 100,000 events and time it in chromium (minutes; skipped under CI=true too unless set)")
	}
	chromium := testenv.Chromium(t)
	// TIMELINE_BIG_SITE names a site built before, to time it again
	// without the build.
	dir := os.Getenv("TIMELINE_BIG_SITE")
	if dir == "" {
		in := spread(33000, 1)
		dir = t.TempDir()
		began := time.Now()
		if err := Build(in, Options{ProjectDir: "testdata/project", DestDir: dir}); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d events from %d articles: built in %s", len(in.Timeline.Events), len(in.Articles), time.Since(began).Round(time.Second))
	}
	root := browsertest.FileRoot(dir)
	b := browsertest.Start(t, chromium, browsertest.Within(root))
	tb := b.Tab(t)

	tb.Open(root + "index.html")
	type timing struct{ Interactive, Loaded, Elements float64 }
	tm := browsertest.Eval[timing](tb, `(() => {
		const n = performance.getEntriesByType("navigation")[0];
		return {interactive: n.domContentLoadedEventEnd, loaded: n.loadEventEnd, elements: document.getElementsByTagName("*").length};
	})()`)
	if browsertest.Eval[bool](tb, `document.getElementById("filter").hidden`) {
		t.Fatal("the filter form stayed hidden")
	}
	t.Logf("home page: interactive after %.0f ms, loaded after %.0f ms, %.0f elements", tm.Interactive, tm.Loaded, tm.Elements)
	if tm.Loaded > 2000 {
		t.Errorf("the home page took %.0f ms to load, want under 2000", tm.Loaded)
	}

	// The filter's events come in the background once the page is
	// loaded; queries then search them in memory.
	loadedAt := evalAwait[float64](t, tb, `new Promise(done => {
		const form = document.getElementById("filter");
		(function wait() { if (form.dataset.loaded === "true") done(performance.now()); else setTimeout(wait, 10); })();
	})`)
	t.Logf("the filter's events loaded in the background %.0f ms after the page was opened", loadedAt)
	query := func(words string) float64 {
		return evalAwait[float64](t, tb, fmt.Sprintf(`new Promise(done => {
			const f = document.getElementById("f-q"), status = document.getElementById("f-status");
			const t0 = performance.now();
			f.value = %q;
			f.dispatchEvent(new Event("input", {bubbles: true}));
			(function wait() {
				if (status.dataset.done === "true") done(performance.now() - t0); else setTimeout(wait, 2);
			})();
		})`, words))
	}
	for _, words := range []string{"town 7", "offensive town 12"} {
		took := query(words)
		t.Logf("query %q: %.0f ms (%s)", words, took, browsertest.Eval[string](tb, `document.getElementById("f-status").textContent`))
		if took > 300 {
			t.Errorf("query %q took %.0f ms, want under 300", words, took)
		}
	}
	if n := browsertest.Eval[int](tb, `document.querySelectorAll("#results-list li").length`); n == 0 {
		t.Error("the query found nothing")
	}
	// A reader who queries at once waits for the events to come.
	tb.Open(root + "index.html?again")
	t.Logf("a query as soon as the page is open: %.0f ms", query("town 7"))
	tb.Check("big site")
}

// evalAwait evaluates js, which returns a promise, and decodes its value.
func evalAwait[T any](t *testing.T, tb *browsertest.Tab, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}
