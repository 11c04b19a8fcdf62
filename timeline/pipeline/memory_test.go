package pipeline

import (
	"runtime"
	"testing"
	"unsafe"
	"weak"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/event"
)

// TestRunLetsGoOfTheArticles: once the site's data is written, nothing
// holds on to the articles read, their texts or their expressions while
// Hugo renders, the build's peak of memory: at 25,000 articles they
// are hundreds of megabytes Hugo can use.
func TestRunLetsGoOfTheArticles(t *testing.T) {
	dir := writeProject(t, project)
	opt := options(t)
	type held struct {
		file string
		text weak.Pointer[byte]
	}
	var kept []held
	opt.Extract = func(in []event.Input, g event.Gazetteer) timeline.Timeline {
		for _, x := range in {
			kept = append(kept, held{x.Article.Path, weak.Make(unsafe.StringData(x.Article.Text))})
		}
		return fakeExtract(in, g)
	}
	var live []string
	opt.Rendered = func() {
		runtime.GC()
		runtime.GC()
		for _, h := range kept {
			if h.text.Value() != nil {
				live = append(live, h.file)
			}
		}
	}
	run(t, dir, opt)
	if len(kept) == 0 {
		t.Fatal("no article reached the extractor")
	}
	if len(live) > 0 {
		t.Errorf("while Hugo rendered, the texts of %d of %d articles were still in memory: %v", len(live), len(kept), live)
	}
}
