package article

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Files are read in parallel: slugs made at once in many goroutines
// are those made one at a time.
func TestSlugInParallel(t *testing.T) {
	names := []string{"Alep – Août 7.md", "Ḩalab ‘Idlib’.txt", "Deir ez-Zôr.html", "Raqqa.md"}
	want := make([]string, len(names))
	for i, n := range names {
		want[i] = Slug(n)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for range 8 {
		wg.Go(func() {
			for range 200 {
				for i, n := range names {
					if got := Slug(n); got != want[i] {
						errs <- fmt.Sprintf("Slug(%q) = %q, want %q", n, got, want[i])
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
		break
	}
}

// A folder read in parallel gives its articles in name order, with the
// same reports in the same order, however many there are.
func TestReadDirOrder(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := range 60 {
		name := fmt.Sprintf("%03d Août-%d.txt", i, i)
		body := fmt.Sprintf("Headline %d\n\nShelling hit the market on Sunday, a monitor said of day %d.\n", i, i)
		if i%7 == 3 {
			body = "  \n" // empty: left out, in its place among the reports
		} else {
			want = append(want, Slug(name))
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var reported []string
	arts, errs := ReadDirWith(dir, Options{Report: func(err error, _ bool) { reported = append(reported, err.Error()) }})
	var got []string
	for _, a := range arts {
		got = append(got, a.Slug)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("slugs %v,\nwant %v", got, want)
	}
	var left []string
	for _, e := range errs {
		left = append(left, e.Error())
	}
	if len(errs) != 9 || fmt.Sprint(left) != fmt.Sprint(reported) {
		t.Errorf("left out %q, reported %q: want the 9 empty files, in order", left, reported)
	}
}
