// Package browsertest drives Debian's chromium over a built site, for the
// tests of the packages that build one: a browser with nothing of its own
// running in the background, tabs that record everything that goes wrong
// in them, requests outside the site refused, and a crawl that checks
// every page a reader can reach from the home page.
//
// Only tests use it: it is a normal package so that several packages'
// tests can share it, and a test of its own checks that no program code
// imports it.
package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Timeout bounds each step in a tab: long enough for a slow machine, short
// enough that a page that never settles fails the test rather than hangs
// it.
const Timeout = 20 * time.Second

// FileRoot is the file:// URL of dir, with a final slash, as a reader who
// opens the site from disk has it.
func FileRoot(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
}

// Serve serves dir on a local server under prefix ("/repo"), as GitHub
// Pages serves a project site, and returns the site's root URL, with a
// final slash. The server closes with the test.
func Serve(t testing.TB, dir, prefix string) string {
	prefix = "/" + strings.Trim(prefix, "/")
	srv := httptest.NewServer(http.StripPrefix(prefix, http.FileServer(http.Dir(dir))))
	t.Cleanup(srv.Close)
	return srv.URL + prefix + "/"
}

// Within allows the URLs under the given roots and inline data: URLs, and
// nothing else: what a site that works offline may ask for.
func Within(roots ...string) func(string) bool {
	return func(u string) bool {
		if strings.HasPrefix(u, "data:") {
			return true
		}
		for _, r := range roots {
			if strings.HasPrefix(u, r) {
				return true
			}
		}
		return false
	}
}

// Browser is one chromium for a whole test; each check gets its own tab.
type Browser struct {
	ctx     context.Context
	allowed func(string) bool
}

// Start launches chromium at path, headless, with a fresh profile and with
// its own background traffic (updates, sync, safe browsing lists) turned
// off, so that every request the tabs see comes from the pages. allowed
// says which URLs the pages may ask for; the rest are refused. The browser
// quits with the test.
func Start(t testing.TB, path string, allowed func(string) bool) *Browser {
	t.Helper()
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
	return &Browser{ctx: ctx, allowed: allowed}
}

// Tab is a browser tab that records everything that goes wrong in it:
// console errors, uncaught exceptions, failed or refused requests,
// JavaScript dialogs (alert, confirm, prompt). Check
// turns what it recorded into test failures.
type Tab struct {
	t    testing.TB
	ctx  context.Context
	woes *problems
}

type problems struct {
	mu   sync.Mutex
	list []string
}

// Tab opens a new tab, closed with the test.
func (b *Browser) Tab(t testing.TB) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tb := &Tab{t: t, ctx: ctx, woes: &problems{}}
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
		case *page.EventJavascriptDialogOpening:
			// A page of the site never asks the reader anything: a dialog
			// is a script that should not be there, an alert(1) come
			// through. Dismissed, or the page would hang.
			tb.problem("JavaScript %s dialog: %q", ev.Type, ev.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
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

// In is the same tab for a subtest, which must fail through its own t.
func (tb *Tab) In(t testing.TB) *Tab { return &Tab{t: t, ctx: tb.ctx, woes: tb.woes} }

// Context is the tab's chromedp context, for what this package has no
// helper for (emulation, input events).
func (tb *Tab) Context() context.Context { return tb.ctx }

func (tb *Tab) problem(format string, args ...any) {
	tb.woes.mu.Lock()
	defer tb.woes.mu.Unlock()
	tb.woes.list = append(tb.woes.list, fmt.Sprintf(format, args...))
}

// Problems returns what went wrong in the tab since the last call, or the
// last Check, and forgets it.
func (tb *Tab) Problems() []string {
	tb.woes.mu.Lock()
	defer tb.woes.mu.Unlock()
	list := tb.woes.list
	tb.woes.list = nil
	return list
}

// Check fails the test for every problem recorded since the last check,
// each prefixed with where.
func (tb *Tab) Check(where string) {
	tb.t.Helper()
	for _, p := range tb.Problems() {
		tb.t.Errorf("%s: %s", where, p)
	}
}

// Do runs steps in the tab, and stops the test if one fails.
func (tb *Tab) Do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

// Eval evaluates js in the tab's page and returns its value, decoded from
// JSON into T; it stops the test if the script throws.
func Eval[T any](tb *Tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// Wait polls js in the page until it is true; it reports whether it came
// true within the timeout.
func (tb *Tab) Wait(js string) bool {
	ctx, cancel := context.WithTimeout(tb.ctx, Timeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](js))
	return err == nil
}

// Open loads a page and waits until its scripts have run.
func (tb *Tab) Open(u string) {
	tb.t.Helper()
	tb.Do(chromedp.Navigate(u))
	// DOMContentLoaded handlers have run once the document is complete.
	if !tb.Wait(`document.readyState === "complete"`) {
		tb.t.Fatalf("%s never finished loading", u)
	}
}

// Screen sets how the tab's pages are shown from now on: the preferred
// colour scheme ("light" or "dark"), and the viewport in CSS pixels, a
// phone's when mobile.
func (tb *Tab) Screen(scheme string, width, height int64, mobile bool) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		tb.t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: 1, Mobile: mobile,
	}); err != nil {
		tb.t.Fatal(err)
	}
}

// ScreenshotDir is where screenshots go: $TIMELINE_SCREENSHOTS if set, so
// that a person can look at them after the test, else a temporary folder.
func ScreenshotDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("TIMELINE_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Screenshot saves the whole of the current page as a PNG in dir, logs
// its path for a person to open, and returns it.
func (tb *Tab) Screenshot(dir, name string) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, Timeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot: %s", path)
	return path
}
