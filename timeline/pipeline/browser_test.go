package pipeline

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/internal/browsertest"
	"conflict-timeline/timeline/internal/testenv"
)

// TestSeedSiteInBrowser builds the repository's own timeline, config.toml
// and seeds/ on the real steps, as `go run ./cmd/timeline` does, and opens
// it in Debian's chromium from disk and from a local server under a
// GitHub Pages-like subpath. Package site checks the theme in depth on a
// fixture whose results are known; this checks that the site the
// repository publishes holds up the same way: every page loads without an
// error and without asking the network for anything, every link and
// fragment leads somewhere, each part of the filter narrows the list
// to events that match, and the background the articles mention waits
// collapsed apart from the news. The choices are read off the page, not written
// here, so that the test follows the seeds and the rules as they change.
//
// The home page's screenshot goes to $TIMELINE_SCREENSHOTS if set, else
// to a temporary folder; its path is logged.
func TestSeedSiteInBrowser(t *testing.T) {
	chromium := testenv.Chromium(t)
	cfg, err := config.Load(filepath.Join(testenv.RepoRoot(), config.DefaultFile), false)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res, err := Run(cfg, Options{DestDir: dir, BaseURL: "https://user.github.io/repo/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		t.Errorf("building the seeds: %v", p)
	}
	if res.Events < 2 {
		t.Fatalf("the seeds make %d events; a filter needs more to narrow", res.Events)
	}
	var built []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(dir, path)
			built = append(built, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
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
				pages := browsertest.Crawl(t, b.Tab(t), r.root, dir)
				// Every page the build wrote is one a reader can reach.
				for _, name := range built {
					if _, ok := pages[r.root+name]; !ok {
						t.Errorf("%s is not reachable from the home page", name)
					}
				}
				// The hand-written pages of content/ among them.
				for _, name := range []string{"about.html", "method.html"} {
					if _, ok := pages[r.root+name]; !ok {
						t.Errorf("%s, from content/, is not reachable from the home page", name)
					}
				}
				t.Logf("%d pages reached, %d built", len(pages), len(built))
			})
			t.Run("filter", func(t *testing.T) { checkSeedFilter(t, b.Tab(t), r.root, res.Events) })
		})
	}
	t.Run("parts", func(t *testing.T) { checkSeedParts(t, b.Tab(t), roots[0].root) })
	t.Run("screenshot", func(t *testing.T) {
		tb := b.Tab(t)
		tb.Screen("light", 1280, 900, false)
		tb.Open(roots[0].root + "index.html")
		tb.Screenshot(browsertest.ScreenshotDir(t), "seeds-home.png")
		tb.Check("screenshot")
	})
	t.Run("corrected", func(t *testing.T) { checkSeedCorrected(t, chromium, dir) })
}

// checkSeedCorrected builds the seeds again with an editor's corrections
// (two events verified, one of them summed up, one hidden), and opens
// the site from disk: the home page counts them, the summary leads the
// card, and "verified only" keeps exactly the verified events, as the
// parts check reads them off the page.
func checkSeedCorrected(t *testing.T, chromium, built string) {
	raw, err := os.ReadFile(filepath.Join(built, "events.json"))
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Events []struct {
			ID   string `json:"id"`
			Date string `json:"date"`
		} `json:"events"`
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range data.Events {
		if e.Date != "" {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) < 4 {
		t.Fatalf("the seeds make %d dated events; the corrections need 4", len(ids))
	}
	project := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(filepath.Join(testenv.RepoRoot(), config.DefaultFile), filepath.Join(project, config.DefaultFile))
	seeds, err := filepath.Glob(filepath.Join(testenv.RepoRoot(), "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("the seeds: %v", err)
	}
	for _, s := range seeds {
		copyFile(s, filepath.Join(project, "seeds", filepath.Base(s)))
	}
	summary := "An editor's summary of the first event"
	corrections := fmt.Sprintf(`[events.%q]
summary = %q
verified = true
by = "AB"
note = "checked against a second report"

[events.%q]
verified = true

[events.%q]
hide = true
reason = "not an event"
`, ids[0], summary, ids[2], ids[3])
	if err := os.WriteFile(filepath.Join(project, "events.toml"), []byte(corrections), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(project, config.DefaultFile), false)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res, err := Run(cfg, Options{DestDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		t.Errorf("building the corrected seeds: %v", p)
	}
	root := browsertest.FileRoot(dir)
	b := browsertest.Start(t, chromium, browsertest.Within(root))
	tb := b.Tab(t)
	tb.Open(root + "index.html")
	tally := browsertest.Eval[string](tb, `document.querySelector(".tally").textContent.replace(/\s+/g, " ").trim()`)
	if !strings.HasPrefix(tally, "2 verified by the editor · ") || !strings.HasSuffix(tally, " · 1 hidden by the editor") {
		t.Errorf("the home page's tally reads %q; want 2 verified and 1 hidden", tally)
	}
	card := fmt.Sprintf(`document.getElementById("e-%s")`, ids[0])
	if got := browsertest.Eval[string](tb, card+`.querySelector(".summary").textContent`); got != summary {
		t.Errorf("the summed-up card's summary reads %q, want %q", got, summary)
	}
	if !browsertest.Eval[bool](tb, `!!(`+card+`.querySelector(".summary").compareDocumentPosition(`+card+`.querySelector(".text")) & Node.DOCUMENT_POSITION_FOLLOWING)`) {
		t.Error("the source's sentence does not follow the summary")
	}
	if n := browsertest.Eval[int](tb, `document.querySelectorAll("#e-`+ids[3]+`").length`); n != 0 {
		t.Error("the hidden event is on the home page")
	}
	tb.Check("corrected")
	checkSeedParts(t, tb, root)
}

// shownEvent is an event as the filter draws it in its results.
type shownEvent struct {
	Href   string              `json:"href"` // its page, absolute
	Text   string              `json:"text"` // everything it shows, folded as the filter folds words
	Facets map[string][]string `json:"facets"`
}

// foldJS is the filter's own folding of words: lower case, no accents.
const foldJS = `s => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")`

const shownJS = `(() => {
	const fold = ` + foldJS + `;
	return [...document.querySelectorAll("#results-list article.event")].map(a => ({
		href: a.querySelector(".event-link a").href,
		text: fold(a.textContent),
		facets: Object.fromEntries([...a.querySelectorAll("dl.facets > div")].map(d =>
			[d.querySelector("dt").textContent, d.querySelector("dd").textContent.split(", ")])),
	}));
})()`

// checkSeedFilter drives the home page's filter as a reader would, with
// choices taken from the page: each place, actor and type its lists
// offer, the word most events' sentences share without all having it,
// and a range of the days the chronology names. Each must show some
// events but not all, and only events that match.
func checkSeedFilter(t *testing.T, tb *browsertest.Tab, root string, events int) {
	tb.Open(root + "index.html")
	if browsertest.Eval[bool](tb, `document.getElementById("filter").hidden`) {
		t.Fatal("the filter form stayed hidden with JavaScript on")
	}
	total := browsertest.Eval[int](tb, `document.querySelectorAll("#chronology article.event").length`)
	if total != events {
		t.Fatalf("the chronology shows %d events; the build made %d", total, events)
	}
	if n := browsertest.Eval[int](tb, `window.TIMELINE_FILTER_EVENTS().length`); n != total {
		t.Fatalf("the filter knows %d events; the chronology shows %d", n, total)
	}

	// apply clears the form, runs the steps, and returns what is shown,
	// after checking that the results replace the chronology and that
	// the status counts them.
	apply := func(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) []shownEvent {
		t.Helper()
		tb := tb.In(t)
		tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
		tb.Do(steps...)
		shown := browsertest.Eval[[]shownEvent](tb, shownJS)
		if !browsertest.Eval[bool](tb, `document.getElementById("chronology").hidden && !document.getElementById("results").hidden`) {
			t.Errorf("%s: the results do not replace the chronology", what)
		}
		status := browsertest.Eval[string](tb, `document.getElementById("f-status").textContent`)
		if want := fmt.Sprintf("%d of %d events match.", len(shown), total); status != want {
			t.Errorf("%s: status %q, want %q", what, status, want)
		}
		if len(shown) == 0 || len(shown) >= total {
			t.Errorf("%s: %d of %d events shown; want fewer, and some", what, len(shown), total)
		}
		tb.Check(what)
		return shown
	}
	set := func(field, value string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const f = document.getElementById("filter").elements[%q];
			f.value = %q;
			f.dispatchEvent(new Event("change", {bubbles: true}));
		})()`, field, value))
	}

	// Each list: every choice it offers, as many events as its label says.
	count := regexp.MustCompile(`\((\d+)\)$`)
	for _, list := range []struct{ field, facet string }{{"place", "Places"}, {"actor", "Actors"}, {"type", "Type"}} {
		t.Run(list.field, func(t *testing.T) {
			type option struct{ Value, Label string }
			options := browsertest.Eval[[]option](tb.In(t), fmt.Sprintf(
				`[...document.getElementById("filter").elements[%q].options].filter(o => o.value).map(o => ({Value: o.value, Label: o.textContent}))`, list.field))
			if len(options) < 2 {
				t.Fatalf("the %s list offers %d choices", list.field, len(options))
			}
			for _, o := range options {
				what := list.field + " " + o.Value
				shown := apply(t, what, set(list.field, o.Value))
				if m := count.FindStringSubmatch(o.Label); m == nil {
					t.Errorf("%s: the choice %q has no count", what, o.Label)
				} else if n, _ := strconv.Atoi(m[1]); n != len(shown) {
					t.Errorf("%s: %d events shown; the choice says %d", what, len(shown), n)
				}
				for _, e := range shown {
					if !slices.Contains(e.Facets[list.facet], o.Value) {
						t.Errorf("%s: %s is shown, with %s %q", what, e.Href, list.facet, e.Facets[list.facet])
					}
				}
			}
		})
	}

	// Words: one many of the events' sentences have, typed into the box.
	t.Run("words", func(t *testing.T) {
		type pick struct {
			Word string   `json:"word"`
			With []string `json:"with"` // the events whose sentence has it
		}
		p := browsertest.Eval[pick](tb.In(t), `(() => {
			const fold = `+foldJS+`;
			const events = [...document.querySelectorAll("#chronology article.event")].map(a => ({
				href: a.querySelector(".event-link a").href,
				text: fold(a.querySelector(".text").textContent),
				all: fold(a.textContent),
			}));
			const words = [...new Set(events.flatMap(e => e.text.match(/[a-z]{5,}/g) || []))].sort();
			let best = {word: "", with: []};
			for (const w of words) {
				// Not in everything an event shows: then it must narrow.
				if (events.every(e => e.all.includes(w))) continue;
				const with_ = events.filter(e => e.text.includes(w)).map(e => e.href);
				if (with_.length > best.with.length) best = {word: w, with: with_};
			}
			return best;
		})()`)
		if p.Word == "" {
			t.Fatal("no word of the events' sentences to search for")
		}
		shown := apply(t, "words "+p.Word, chromedp.Click(chromedp.CSS("#f-q")), chromedp.KeyEvent(p.Word))
		var hrefs []string
		for _, e := range shown {
			hrefs = append(hrefs, e.Href)
			if !strings.Contains(e.Text, p.Word) {
				t.Errorf("words %s: %s is shown without the word", p.Word, e.Href)
			}
		}
		for _, h := range p.With {
			if !slices.Contains(hrefs, h) {
				t.Errorf("words %s: %s says it and is not shown", p.Word, h)
			}
		}
		t.Logf("%q: %d of %d events", p.Word, len(shown), total)
	})

	// Dates: from the first quarter to the middle of the days the
	// chronology names, each event kept when any day it may mean is in
	// the range, as the site's data gives its span.
	t.Run("dates", func(t *testing.T) {
		days := browsertest.Eval[[]string](tb.In(t), `[...new Set([...document.querySelectorAll("#chronology time")]
			.map(t => t.getAttribute("datetime")).filter(d => /^\d{4}-\d{2}-\d{2}$/.test(d)))].sort()`)
		if len(days) == 0 {
			t.Fatal("the chronology names no day")
		}
		from, to := days[len(days)/4], days[len(days)/2]
		what := "dates " + from + " to " + to
		shown := apply(t, what, set("from", from), set("to", to))
		type span struct{ URL, From, To string }
		spans := browsertest.Eval[[]span](tb.In(t), `window.TIMELINE_FILTER_EVENTS().map(e => ({URL: new URL(e.url, document.baseURI).href, From: e.from || "", To: e.to || ""}))`)
		var want, got []string
		for _, s := range spans {
			if s.From != "" && s.From <= to && s.To >= from {
				want = append(want, s.URL)
			}
		}
		for _, e := range shown {
			got = append(got, e.Href)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: shown %q, want the events whose span meets it, %q", what, got, want)
		}
		t.Logf("%s: %d of %d events", what, len(shown), total)
	})
}

// checkSeedParts: each event sits in the part of the home page its data
// says, the background (if any) in a collapsed <details>, the undated at
// the end; and the "stated or known to the day" toggle keeps exactly the
// events the data calls exact, whatever the seeds and rules make of them.
func checkSeedParts(t *testing.T, tb *browsertest.Tab, root string) {
	tb.Open(root + "index.html")
	type event struct {
		ID    string `json:"id"`
		Part  string `json:"part"`
		Exact bool   `json:"exact"`
	}
	data := browsertest.Eval[[]event](tb, `window.TIMELINE_FILTER_EVENTS().map(e => ({id: e.id, part: e.part, exact: !!e.exact}))`)
	type place struct {
		ID      string `json:"id"`
		Part    string `json:"part"`
		Section string `json:"section"` // "background", "undated" or "" for the news
	}
	placed := browsertest.Eval[[]place](tb, `[...document.querySelectorAll("#chronology article.event")].map(a => ({
		id: a.id.replace(/^e-/, ""), part: a.dataset.part,
		section: a.closest("#background") ? "background" : a.closest("#undated") ? "undated" : "",
	}))`)
	if len(placed) != len(data) {
		t.Fatalf("the chronology shows %d events, the data has %d", len(placed), len(data))
	}
	parts := map[string]string{}
	var background, exact []string
	for _, e := range data {
		parts[e.ID] = e.Part
		if e.Part == "background" {
			background = append(background, e.ID)
		}
		if e.Exact {
			exact = append(exact, e.ID)
		}
	}
	for _, p := range placed {
		want := map[string]string{"background": "background", "undated": "undated"}[parts[p.ID]]
		if p.Part != parts[p.ID] || p.Section != want {
			t.Errorf("%s: in section %q with data-part %q; its data says %q", p.ID, p.Section, p.Part, parts[p.ID])
		}
	}
	if len(background) > 0 {
		if !browsertest.Eval[bool](tb, `document.getElementById("background").tagName === "DETAILS" && !document.getElementById("background").open`) {
			t.Error("the background is not a collapsed <details>")
		}
		if n := browsertest.Eval[int](tb, `[...document.querySelectorAll("#background article.event")].filter(a => a.checkVisibility()).length`); n != 0 {
			t.Errorf("%d background events show before the background is opened", n)
		}
	}
	t.Logf("%d events: %d background, %d stated or known to the day", len(data), len(background), len(exact))

	tb.Do(chromedp.Click(chromedp.CSS(`#f-exact`)))
	got := browsertest.Eval[[]string](tb, `[...document.querySelectorAll("#results-list article.event")].map(a => a.dataset.exact === "true" ? a.id.replace(/^r-/, "") : "not exact: " + a.id)`)
	if len(exact) > 300 {
		exact = exact[:300] // the filter draws at most that many
	}
	if !slices.Equal(got, exact) && !(len(got) == 0 && len(exact) == 0) {
		t.Errorf("stated or known to the day: shown %q, want %q", got, exact)
	}
	tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))

	// "Verified only" keeps exactly the events the editor verified; with
	// none verified it is not offered at all.
	verified := browsertest.Eval[[]string](tb, `window.TIMELINE_FILTER_EVENTS().filter(e => e.verified).map(e => e.id)`)
	offered := browsertest.Eval[bool](tb, `document.getElementById("f-verified").checkVisibility()`)
	if len(verified) == 0 {
		if offered {
			t.Error("the verified-only toggle is offered, and no event is verified")
		}
	} else {
		if !offered {
			t.Fatalf("%d events are verified, and the verified-only toggle is not offered", len(verified))
		}
		tb.Do(chromedp.Click(chromedp.CSS(`#f-verified`)))
		got := browsertest.Eval[[]string](tb, `[...document.querySelectorAll("#results-list article.event")].map(a => a.dataset.verified === "true" ? a.id.replace(/^r-/, "") : "not verified: " + a.id)`)
		if len(verified) > 300 {
			verified = verified[:300]
		}
		if !slices.Equal(got, verified) {
			t.Errorf("verified only: shown %q, want %q", got, verified)
		}
		tb.Do(chromedp.Click(chromedp.CSS(`#filter button[type=reset]`)))
	}
	t.Logf("%d verified events", len(verified))
	tb.Check("parts")
}
