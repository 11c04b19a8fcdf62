// Package scaletext makes long articles for the tests and benchmarks
// that check a step's cost grows linearly with an article's length.
package scaletext

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/testenv"
)

// News is size bytes of news: the seed articles over and over, cut at a
// word's end. oneLine puts it all on one line, one paragraph, as a
// hostile article might.
func News(tb testing.TB, size int, oneLine bool) string {
	tb.Helper()
	arts, errs := article.ReadDir(filepath.Join(testenv.RepoRoot(), "seeds"))
	if len(errs) > 0 || len(arts) == 0 {
		tb.Fatalf("seeds: %v", errs)
	}
	var sb strings.Builder
	sb.Grow(size + size/4 + 64<<10)
	for sb.Len() < size+size/4 { // room for the spaces oneLine drops
		for _, a := range arts {
			sb.WriteString(a.Title)
			sb.WriteString("\n\n")
			sb.WriteString(a.Text)
			sb.WriteString("\n\n")
		}
	}
	return cutAt(sb.String(), size, oneLine)
}

// Repeated is s over and over, size bytes of it, on one line.
func Repeated(s string, size int) string {
	return cutAt(strings.Repeat(s, size/len(s)+1), size, true)
}

func cutAt(text string, size int, oneLine bool) string {
	if oneLine {
		text = strings.Join(strings.Fields(text), " ")
	}
	text = text[:size]
	if i := strings.LastIndexByte(text, ' '); i > 0 {
		text = text[:i]
	}
	return text
}

// SizeName names a size for a benchmark: "10KB", "2MB".
func SizeName(size int) string {
	if size >= 1<<20 {
		return fmt.Sprintf("%dMB", size>>20)
	}
	return fmt.Sprintf("%dKB", size>>10)
}
