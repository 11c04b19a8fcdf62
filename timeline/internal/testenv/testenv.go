// Package testenv finds what some tests need from outside the repository:
// the reference corpora in ../shared/data and a chromium binary.
//
// On a developer's clone a missing requirement skips the test with a
// message naming it; under CI (CI=true) the same lack fails the test, so a
// broken CI set-up can never pass by skipping everything.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// DataDir returns the folder of reference corpora: $TIMELINE_DATA if set,
// else ../shared/data beside the repository. sub, if given, must exist
// inside it.
func DataDir(t testing.TB, sub ...string) string {
	t.Helper()
	dir := DataPath(sub...)
	if _, err := os.Stat(dir); err != nil {
		missing(t, "the reference corpora at "+dir+" (set TIMELINE_DATA to the shared data folder)")
	}
	return dir
}

// DataPath is where DataDir looks, without checking that anything is
// there: for callers that have a fallback when the corpora are absent.
func DataPath(sub ...string) string {
	dir := os.Getenv("TIMELINE_DATA")
	if dir == "" {
		dir = filepath.Join(RepoRoot(), "..", "shared", "data")
	}
	return filepath.Join(append([]string{dir}, sub...)...)
}

// Chromium returns the path of a chromium binary: $CHROMIUM if set, else
// the first of chromium, chromium-browser, google-chrome on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "a chromium binary (apt-get install chromium, or set CHROMIUM)")
	return ""
}

// RepoRoot is the repository's top folder, found from this source file.
func RepoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// InCI reports whether the tests run under CI, where nothing may be skipped
// for lack of a requirement.
func InCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

func missing(t testing.TB, what string) {
	t.Helper()
	if InCI() {
		t.Fatalf("CI=true but this test needs %s", what)
	}
	t.Skipf("skipped: needs %s", what)
}
