package preview

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// raw sends one request line as it is, with no cleaning by a client, and
// returns the status code and body.
func raw(t *testing.T, base, target string) (int, string) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, u.Host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeLoopbackOnly: the preview listens on 127.0.0.1 and on no other
// address of the machine.
func TestServeLoopbackOnly(t *testing.T) {
	f := newFake(t)
	base := start(t, f)
	u, _ := url.Parse(base)
	host, port, _ := net.SplitHostPort(u.Host)
	if host != "127.0.0.1" {
		t.Fatalf("served on %s; want 127.0.0.1", host)
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Skip(err)
	}
	for _, a := range addrs {
		ip, _, err := net.ParseCIDR(a.String())
		if err != nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
			continue
		}
		if conn, err := net.DialTimeout("tcp", net.JoinHostPort(ip.String(), port), time.Second); err == nil {
			conn.Close()
			t.Errorf("the preview answers on %s", ip)
		}
	}
}

// TestServeNothingOutside: no request reaches a file outside the site,
// however its path is spelled, and a symbolic link in the site to a file
// outside it is not followed; one to a file inside is.
func TestServeNothingOutside(t *testing.T) {
	f := newFake(t)
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Beside the site too, where ../ would lead.
	if err := os.WriteFile(filepath.Join(filepath.Dir(f.dest), "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(f.dest, "inside.txt", "inside")
	for link, target := range map[string]string{
		"out.txt":    secret,
		"out-dir":    outside,
		"in.txt":     filepath.Join(f.dest, "inside.txt"),
		"passwd.txt": "/etc/passwd",
	} {
		if err := os.Symlink(target, filepath.Join(f.dest, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	base := start(t, f)

	for _, target := range []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/..%5csecret.txt",
		"/pages/../../secret.txt",
		"/pages/%2e%2e/%2e%2e/secret.txt",
		"//etc/passwd",
		"/out.txt",
		"/out-dir/secret.txt",
		"/passwd.txt",
		"/" + url.PathEscape(secret),
		secret,
	} {
		code, body := raw(t, base, target)
		if code == http.StatusOK || strings.Contains(body, "SECRET") || strings.Contains(body, "root:") {
			t.Errorf("GET %s: %d %.40q; want it refused", target, code, body)
		}
	}
	if code, body := raw(t, base, "/in.txt"); code != http.StatusOK || body != "inside" {
		t.Errorf("a link inside the site: %d %q; want it served", code, body)
	}
}

// TestServeUnderLoad: 200 requests at once are all answered, and clients
// that hang up half-way through a large page leave the preview serving.
func TestServeUnderLoad(t *testing.T) {
	f := newFake(t)
	write(f.src, "big", strings.Repeat("<p>a large page</p>\n", 1<<18)) // 5 MB
	base := start(t, f)
	eventually(t, base+"pages/big.html", 200, "a large page")

	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := []string{"", "index.html", "pages/a.html", "missing.html"}[i%4]
			resp, err := client.Get(base + path)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			io.Copy(io.Discard, resp.Body)
			if want := map[bool]int{true: 404, false: 200}[path == "missing.html"]; resp.StatusCode != want {
				errs <- fmt.Errorf("/%s: %d, want %d", path, resp.StatusCode, want)
			}
		}()
	}
	wg.Wait()
	close(errs)
	// The client's idle connections stay open: stopping the preview
	// must not wait for them.
	for err := range errs {
		t.Error(err)
	}

	u, _ := url.Parse(base)
	for range 20 {
		conn, err := net.Dial("tcp", u.Host)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET /pages/big.html HTTP/1.1\r\nHost: %s\r\n\r\n", u.Host)
		io.ReadFull(conn, make([]byte, 4096))
		conn.Close()
	}
	if code, body := get(t, base+"pages/a.html"); code != 200 || body != "first" {
		t.Errorf("after clients hung up: %d %q", code, body)
	}
}

// TestServeFailedRebuildShown: after a build that fails, the last good
// site is served, each page with the error at its top, escaped; the next
// good build takes it away.
func TestServeFailedRebuildShown(t *testing.T) {
	f := newFake(t)
	write(f.src, "p", `<!doctype html><html><body class="x"><p>hello</p></body></html>`)
	base := start(t, f)
	eventually(t, base+"pages/p.html", 200, "hello")

	f.mu.Lock()
	f.fail = errors.New(`layouts/page.html:3: unexpected "<script>" in operand`)
	f.mu.Unlock()
	write(f.src, "p", "never built")
	eventually(t, base+"pages/p.html", 200, "The last build failed")
	_, body := get(t, base+"pages/p.html")
	for _, want := range []string{"<p>hello</p>", `unexpected &#34;&lt;script&gt;&#34; in operand`, `<body class="x"><div role="alert"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page after a failed build lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("the error is shown unescaped")
	}

	f.mu.Lock()
	f.fail = nil
	f.mu.Unlock()
	write(f.src, "p", `<!doctype html><html><body><p>fixed</p></body></html>`)
	eventually(t, base+"pages/p.html", 200, "fixed")
	if _, body := get(t, base+"pages/p.html"); strings.Contains(body, "The last build failed") {
		t.Error("the error is still shown after a good build")
	}
}
