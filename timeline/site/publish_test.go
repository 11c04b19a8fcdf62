//go:build linux

package site

import (
	"errors"
	"fmt"
	"html"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash tests re-run this test binary as a child that builds a site
// and kills itself with SIGKILL at a chosen step, as kill -9 would; the
// parent then checks what the destination holds.
const (
	childEnv = "TIMELINE_SITE_CRASH_CHILD" // the step to die at: "render", "stage:N", "switch:0", ... or "none"
	destEnv  = "TIMELINE_SITE_CRASH_DEST"
	placeEnv = "TIMELINE_SITE_CRASH_INPLACE"
)

func TestMain(m *testing.M) {
	if at := os.Getenv(childEnv); at != "" {
		crashChild(at)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashChild builds the new site (the fixture) into $TIMELINE_SITE_CRASH_DEST
// and dies at step at.
func crashChild(at string) {
	die := func() {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
	step, n, _ := strings.Cut(at, ":")
	want, _ := strconv.Atoi(n)
	publishHook = func(s string, k int) error {
		if s == step && k == want {
			die()
		}
		return nil
	}
	opt := Options{ProjectDir: "testdata/project", DestDir: os.Getenv(destEnv), InPlace: os.Getenv(placeEnv) != ""}
	if step == "render" {
		opt.Progress = writerFunc(func(p []byte) {
			if strings.Contains(string(p), "rendering pages") {
				die()
			}
		})
	}
	if err := Build(fixture(), opt); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type writerFunc func([]byte)

func (w writerFunc) Write(p []byte) (int, error) { w(p); return len(p), nil }

// startChild starts a build of the fixture into dest that dies at step
// at ("none": it does not).
func startChild(t *testing.T, dest, at string, inPlace bool) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+at, destEnv+"="+dest)
	if inPlace {
		cmd.Env = append(cmd.Env, placeEnv+"=1")
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// killedAt runs a child build that dies at step at and checks it died.
func killedAt(t *testing.T, dest, at string, inPlace bool) {
	t.Helper()
	err := startChild(t, dest, at, inPlace).Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child build stopping at %s: %v; want it killed", at, err)
	}
}

// sites builds the old site (a larger generated timeline, with a file of
// the user's) into a fresh public/ and returns it with the trees of the
// old and the new site.
func sites(t *testing.T) (dest string, old, new map[string]string) {
	t.Helper()
	dest = filepath.Join(t.TempDir(), "public")
	writeFiles(t, dest, map[string]string{"CNAME": "timeline.example.org\n", "notes/todo.txt": "mine\n"})
	build(t, "testdata/project", generated(60, 1, nil), Options{DestDir: dest})
	old = tree(t, dest)

	ref := filepath.Join(t.TempDir(), "public")
	writeFiles(t, ref, map[string]string{"CNAME": "timeline.example.org\n", "notes/todo.txt": "mine\n"})
	build(t, "testdata/project", fixture(), Options{DestDir: ref})
	new = tree(t, ref)
	if maps.Equal(old, new) {
		t.Fatal("the old and the new site are the same; the test needs them to differ")
	}
	return dest, old, new
}

// sameTree fails the test unless dir holds exactly want.
func sameTree(t *testing.T, dir string, want map[string]string, what string) {
	t.Helper()
	got := tree(t, dir)
	if maps.Equal(got, want) {
		return
	}
	var missing, changed, extra int
	var names []string
	for name, b := range want {
		g, ok := got[name]
		switch {
		case !ok:
			missing++
			names = append(names, "-"+name)
		case g != b:
			changed++
			names = append(names, "~"+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			extra++
			names = append(names, "+"+name)
		}
	}
	slices.Sort(names)
	t.Errorf("%s: %d files missing, %d changed, %d extra, e.g. %q", what, missing, changed, extra, names[:min(len(names), 8)])
}

// links matches the links of a page to files.
var links = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// checkLinks fails the test for every link of a page in dir to a file of
// the site that is not there.
func checkLinks(t *testing.T, dir string) {
	t.Helper()
	broken := 0
	for name, content := range tree(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range links.FindAllStringSubmatch(content, -1) {
			u := html.UnescapeString(m[1])
			u, _, _ = strings.Cut(u, "#")
			u, _, _ = strings.Cut(u, "?")
			if u == "" || strings.Contains(u, ":") {
				continue // a fragment, or a link out of the site
			}
			target := path.Join(path.Dir(name), u)
			if strings.HasSuffix(u, "/") {
				target = path.Join(target, "index.html")
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				if broken++; broken <= 5 {
					t.Errorf("%s: broken link %s", name, m[1])
				}
			}
		}
	}
	if broken > 5 {
		t.Errorf("%d broken links in all", broken)
	}
}

// leftovers are the staging folders and old copies beside and inside dest.
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{filepath.Dir(dest), dest} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), stagingTag) || strings.Contains(e.Name(), oldTag) {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	return out
}

// TestPublishKilled kills a build at every step that matters, with
// SIGKILL: while Hugo renders, while the new site is written (after the
// first file, half-way, after the last), just before the switch. The
// last site must be there byte for byte, every link resolving; the next
// build removes what the killed one left and publishes in full.
func TestPublishKilled(t *testing.T) {
	dest, old, new := sites(t)
	files := len(new) - 3 // less the manifest and the user's two files
	for _, at := range []string{"render", "stage:1", "stage:" + strconv.Itoa(files/2), "stage:" + strconv.Itoa(files), "switch:" + strconv.Itoa(files)} {
		t.Run(at, func(t *testing.T) {
			killedAt(t, dest, at, false)
			sameTree(t, dest, old, "after a build killed at "+at)
			checkLinks(t, dest)
			if at != "render" && len(leftovers(t, dest)) == 0 {
				t.Error("the killed build left no staging folder; was it killed while publishing?")
			}
		})
	}

	// Killed right after the switch: the new site is whole.
	killedAt(t, dest, "switched:"+strconv.Itoa(files), false)
	sameTree(t, dest, new, "after a build killed just after the switch")
	if len(leftovers(t, dest)) == 0 {
		t.Error("the build killed after the switch left no old copy; was it killed there?")
	}

	build(t, "testdata/project", fixture(), Options{DestDir: dest})
	sameTree(t, dest, new, "the next build")
	checkLinks(t, dest)
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("the next build left %q", l)
	}
}

// TestPublishKilledAnyTime kills builds at arbitrary moments: the
// destination holds the old site or the new one, whole.
func TestPublishKilledAnyTime(t *testing.T) {
	dest, old, new := sites(t)
	began := time.Now()
	if err := startChild(t, filepath.Join(t.TempDir(), "public"), "none", false).Wait(); err != nil {
		t.Fatal(err)
	}
	took := time.Since(began)
	const tries = 8
	for i := range tries {
		delay := took * time.Duration(i+1) / tries
		cmd := startChild(t, dest, "none", false)
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := tree(t, dest)
		if !maps.Equal(got, old) && !maps.Equal(got, new) {
			sameTree(t, dest, old, fmt.Sprintf("killed after %s: neither the old site", delay))
			sameTree(t, dest, new, "nor the new one")
		}
		checkLinks(t, dest)
		// Back to the old site for the next try.
		build(t, "testdata/project", generated(60, 1, nil), Options{DestDir: dest})
		sameTree(t, dest, old, "the old site rebuilt")
	}
}

// TestPublishWriteError fails a build's writes at several steps, as a
// full disk would: the last site stays as it was, and nothing is left
// behind.
func TestPublishWriteError(t *testing.T) {
	dest, old, _ := sites(t)
	for _, at := range []string{"stage:1", "stage:40", "switch:0"} {
		t.Run(at, func(t *testing.T) {
			step, n, _ := strings.Cut(at, ":")
			want, _ := strconv.Atoi(n)
			publishHook = func(s string, k int) error {
				if s == step && (k == want || step == "switch") {
					return syscall.ENOSPC
				}
				return nil
			}
			defer func() { publishHook = nil }()
			err := Build(fixture(), Options{ProjectDir: "testdata/project", DestDir: dest})
			if !errors.Is(err, syscall.ENOSPC) {
				t.Errorf("Build: %v; want the write error", err)
			}
			sameTree(t, dest, old, "after a write error at "+at)
			checkLinks(t, dest)
			if l := leftovers(t, dest); len(l) > 0 {
				t.Errorf("the failed build left %q", l)
			}
		})
	}
}

// TestPublishInPlace: a destination that must stay one folder keeps its
// inode, and the user's files; killed while its entries are switched,
// every link still resolves, and the next build completes the switch.
func TestPublishInPlace(t *testing.T) {
	dest, _, new := sites(t)
	before, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	killedAt(t, dest, "entry:2", true)
	checkLinks(t, dest)

	build(t, "testdata/project", fixture(), Options{DestDir: dest, InPlace: true})
	sameTree(t, dest, new, "the next build, in place")
	checkLinks(t, dest)
	if after, err := os.Stat(dest); err != nil || !os.SameFile(before, after) {
		t.Error("the destination was replaced by another folder")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("the build left %q", l)
	}
}

// TestPublishServedFolder: a destination that is a process's working
// directory, as a file server started in public/ has, stays the same
// folder, so the server goes on serving the new site.
func TestPublishServedFolder(t *testing.T) {
	dest, _, new := sites(t)
	before, _ := os.Stat(dest)
	server := exec.Command("sleep", "60")
	server.Dir = dest
	if err := server.Start(); err != nil {
		t.Skip("no sleep command to stand for a server:", err)
	}
	defer func() { server.Process.Kill(); server.Wait() }()
	build(t, "testdata/project", fixture(), Options{DestDir: dest})
	sameTree(t, dest, new, "the new site")
	if after, err := os.Stat(dest); err != nil || !os.SameFile(before, after) {
		t.Error("the folder a process works in was replaced by another")
	}
}

// TestPublishKeepsLinkedDest: a destination that is a symbolic link stays
// one, to a folder with the new site.
func TestPublishKeepsLinkedDest(t *testing.T) {
	real := filepath.Join(t.TempDir(), "site")
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	build(t, "testdata/project", fixture(), Options{DestDir: link})
	build(t, "testdata/project", fixture(), Options{DestDir: link})
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link to the site is gone")
	}
	if _, err := os.Stat(filepath.Join(real, "index.html")); err != nil {
		t.Error("the linked folder has no site")
	}
}

// TestPublishNoArticles: input with no article never replaces a site that
// has some; a site that has none may be rebuilt empty.
func TestPublishNoArticles(t *testing.T) {
	dest, old, _ := sites(t)
	err := Build(Input{}, Options{ProjectDir: "testdata/project", DestDir: dest})
	if err == nil || !strings.Contains(err.Error(), "no article") {
		t.Errorf("Build of no article over a site: %v; want a refusal", err)
	}
	sameTree(t, dest, old, "after a build of no article")

	empty := t.TempDir()
	build(t, "testdata/project", Input{}, Options{DestDir: empty})
	build(t, "testdata/project", Input{}, Options{DestDir: empty})
}
