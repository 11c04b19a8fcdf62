package preview

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeSite builds a "site" from a source folder: index.html and a page
// per source file, copied. hold, when set, pauses a build half-way, after
// index.html and before the pages.
type fakeSite struct {
	src, dest string
	hold      chan struct{}
	mu        sync.Mutex
	builds    int
	fail      error
}

func (f *fakeSite) build() (string, error) {
	f.mu.Lock()
	f.builds++
	fail, hold := f.fail, f.hold
	f.mu.Unlock()
	if fail != nil {
		return "", fail
	}
	entries, err := os.ReadDir(f.src)
	if err != nil {
		return "", err
	}
	var list []string
	for _, e := range entries {
		list = append(list, e.Name())
	}
	// Like the real build, remove the pages of sources that are gone.
	os.RemoveAll(filepath.Join(f.dest, "pages"))
	write(f.dest, "index.html", "pages: "+strings.Join(list, " "))
	write(f.dest, ".timeline-files", "index.html\n")
	if hold != nil {
		<-hold
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(f.src, e.Name()))
		if err != nil {
			return "", err
		}
		write(f.dest, "pages/"+e.Name()+".html", string(b))
	}
	return f.dest, nil
}

func write(dir, name, content string) {
	path := filepath.Join(dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte(content), 0o644)
}

// start serves f until the test ends and returns the site's address.
func start(t *testing.T, f *fakeSite) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Options{
			Build:    f.build,
			Watch:    func() ([]string, []string) { return []string{f.src, f.dest}, []string{f.dest} },
			Interval: 20 * time.Millisecond,
			Ready:    func(url string) { ready <- url },
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	select {
	case url := <-ready:
		return url
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the site was not served within 30s")
	}
	return ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// eventually polls url until it answers code with want in the body,
// failing after a generous deadline: how fast a rebuild comes is not what
// is tested.
func eventually(t *testing.T, url string, code int, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got, body := get(t, url)
		if got == code && strings.Contains(body, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still answers %d %q; want %d with %q", url, got, body, code, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func newFake(t *testing.T) *fakeSite {
	f := &fakeSite{src: t.TempDir(), dest: t.TempDir()}
	write(f.src, "a", "first")
	return f
}

func TestServeAndRebuild(t *testing.T) {
	f := newFake(t)
	url := start(t, f)

	tests := []struct {
		path string
		code int
		want string
	}{
		{"", 200, "pages: a"},
		{"index.html", 200, "pages: a"},
		{"pages/a.html", 200, "first"},
		{"pages/b.html", 404, ""},
		{".timeline-files", 404, ""}, // the build's own list is no page
		{"../../etc/passwd", 404, ""},
	}
	for _, tt := range tests {
		if code, body := get(t, url+tt.path); code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("/%s: %d %q; want %d with %q", tt.path, code, body, tt.code, tt.want)
		}
	}

	// An edit, a new file, a removed one: each is served once built.
	write(f.src, "a", "second")
	eventually(t, url+"pages/a.html", 200, "second")
	write(f.src, "b", "new")
	eventually(t, url+"pages/b.html", 200, "new")
	os.Remove(filepath.Join(f.src, "b"))
	eventually(t, url+"pages/b.html", 404, "not found")

	// The built site is watched too but skipped: writing it must not
	// start another build, or the preview would build forever.
	f.mu.Lock()
	before := f.builds
	f.mu.Unlock()
	time.Sleep(10 * 20 * time.Millisecond)
	f.mu.Lock()
	after := f.builds
	f.mu.Unlock()
	if after != before {
		t.Errorf("%d builds with no change to the sources", after-before)
	}
}

// TestServeNeverHalfWritten: while a build is under way, and after one
// failed, the last complete site is what is served.
func TestServeNeverHalfWritten(t *testing.T) {
	f := newFake(t)
	url := start(t, f)

	hold := make(chan struct{})
	f.mu.Lock()
	f.hold = hold
	f.mu.Unlock()
	write(f.src, "b", "new")
	// The build has written the new index.html to disk and waits.
	deadline := time.Now().Add(30 * time.Second)
	for {
		b, _ := os.ReadFile(filepath.Join(f.dest, "index.html"))
		if string(b) == "pages: a b" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the build did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, body := get(t, url); body != "pages: a" {
		t.Errorf("during a build / answers %q; want the last site's %q", body, "pages: a")
	}
	f.mu.Lock()
	f.hold = nil
	f.mu.Unlock()
	close(hold)
	eventually(t, url+"pages/b.html", 200, "new")

	f.mu.Lock()
	f.fail = errors.New("template broken")
	f.mu.Unlock()
	write(f.src, "c", "never built")
	time.Sleep(10 * 20 * time.Millisecond)
	if code, body := get(t, url); code != 200 || body != "pages: a b" {
		t.Errorf("after a failed build / answers %d %q; want the last good site", code, body)
	}
}

// TestServeFirstBuildFails: with nothing built yet the error is shown,
// and fixing it brings the site.
func TestServeFirstBuildFails(t *testing.T) {
	f := newFake(t)
	f.fail = errors.New("config.toml:3: expected '='")
	url := start(t, f)
	if code, body := get(t, url); code != http.StatusServiceUnavailable || !strings.Contains(body, "config.toml:3: expected &#39;=&#39;") {
		t.Errorf("/ answers %d %q; want 503 with the error", code, body)
	}
	f.mu.Lock()
	f.fail = nil
	f.mu.Unlock()
	write(f.src, "a", "fixed")
	eventually(t, url+"pages/a.html", 200, "fixed")
}

func TestServeRefusesABusyPort(t *testing.T) {
	f := newFake(t)
	url := start(t, f)
	_, port, _ := strings.Cut(strings.TrimPrefix(strings.TrimSuffix(url, "/"), "http://"), ":")
	var p int
	for _, c := range port {
		p = p*10 + int(c-'0')
	}
	err := Serve(context.Background(), Options{Port: p, Build: f.build, Watch: func() ([]string, []string) { return nil, nil }})
	if err == nil || !strings.Contains(err.Error(), "pick another port with --port") {
		t.Errorf("Serve on a busy port: %v", err)
	}
}
