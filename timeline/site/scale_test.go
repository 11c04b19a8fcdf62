package site

import (
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBuildDeterministicAtScale: two builds of a few hundred generated
// articles, full of ties (same day, place, title), give byte-identical
// trees.
func TestBuildDeterministicAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 300 articles twice")
	}
	in := generated(300, 42, nil)
	a := tree(t, build(t, "testdata/project", in, Options{}))
	b := tree(t, build(t, "testdata/project", generated(300, 42, nil), Options{}))
	if len(a) < 900 {
		t.Fatalf("the site has %d files; the test means a large one", len(a))
	}
	if !maps.Equal(a, b) {
		n := 0
		for name := range a {
			if a[name] != b[name] {
				if n++; n <= 5 {
					t.Errorf("%s differs between two builds", name)
				}
			}
		}
		t.Errorf("two builds differ in %d of %d files", n, len(a))
	}
}

// BenchmarkBuildScale builds a site of $TIMELINE_SCALE_ARTICLES generated
// articles (default 1000), each with about 4 KB of text, then builds it
// again into the same destination with one event edited, then with one
// article added. It reports the wall and CPU time of each build, the
// heap still in use once Hugo has rendered every page (live-MB, after a
// garbage collection: the build's peak of live memory) and the
// process's peak resident memory (-v shows each build's progress):
//
//	TIMELINE_SCALE_ARTICLES=25000 go test -run '^$' -bench BuildScale -benchtime 1x ./timeline/site
func BenchmarkBuildScale(b *testing.B) {
	n := 1000
	if s := os.Getenv("TIMELINE_SCALE_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		project := benchProject(b)
		opt := Options{ProjectDir: project, DestDir: dest, CacheDir: filepath.Join(project, ".timeline-cache", "site")}
		if testing.Verbose() {
			opt.Progress = os.Stderr
		}
		for _, step := range []struct {
			name string
			in   func() Input
		}{
			{"full", func() Input { return longTexts(generated(n, 1, nil), 4<<10) }},
			{"edit-one", func() Input { return editOne(longTexts(generated(n, 1, nil), 4<<10)) }},
			{"add-one", func() Input { return longTexts(generated(n+1, 1, nil), 4<<10) }},
		} {
			in := step.in()
			var live uint64
			opt.Rendered = func() { live = liveHeap() }
			began, cpu := time.Now(), cpuTime()
			if err := Build(in, opt); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(time.Since(began).Seconds(), step.name+"-s")
			b.ReportMetric((cpuTime() - cpu).Seconds(), step.name+"-cpu-s")
			b.ReportMetric(float64(live)/(1<<20), step.name+"-live-MB")
		}
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
	}
}

// liveHeap is the heap in use after a garbage collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// editOne gives the event in the middle of the timeline an editor's
// summary.
func editOne(in Input) Input {
	in.Timeline.Events[len(in.Timeline.Events)/2].Summary = "Summed up by the editor"
	return in
}

// longTexts adds a last paragraph of size bytes of news to every article;
// the temporal expressions, at the start, keep their offsets.
func longTexts(in Input, size int) Input {
	const s = "Aid convoys waited at the crossing while officials talked. "
	filler := strings.Repeat(s, size/len(s)+1)[:size]
	for i := range in.Articles {
		in.Articles[i].Text += "\n" + filler
	}
	return in
}

// benchProject copies testdata/project into a fresh folder, so that what
// a build keeps beside config.toml stays out of testdata.
func benchProject(tb testing.TB) string {
	tb.Helper()
	dst := tb.TempDir()
	if err := os.CopyFS(dst, os.DirFS("testdata/project")); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// BenchmarkWriteSiteData encodes the site data of 5,000 generated
// articles, with the digests of their pages (-cpu 1,2 shows what the
// cores share):
//
//	go test -run '^$' -bench WriteSiteData -cpu 1,2 ./timeline/site
func BenchmarkWriteSiteData(b *testing.B) {
	d := newSiteData(longTexts(generated(5000, 1, nil), 1<<10))
	b.ResetTimer()
	for b.Loop() {
		if _, err := encodeSiteData(io.Discard, &d); err != nil {
			b.Fatal(err)
		}
	}
}
