package bench

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline/article"
)

func testSources(t *testing.T) []Source {
	t.Helper()
	srcs, err := LoadSources(filepath.Join("testdata", "silver"))
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

func TestLoadSources(t *testing.T) {
	srcs := testSources(t)
	// NYT_EMPTY has no text and is left out.
	want := []Source{
		{ID: "NYT_ONE", Title: "Talks resume in Geneva", Date: day(1998, 2, 3),
			Paragraphs: []string{"Negotiators met again Tuesday.", "They will meet & talk next week.", "A third paragraph."}},
		{ID: "NYT_TWO", Date: day(1998, 3, 1), Paragraphs: []string{`Markets "fell" today.`, "Traders were calm."}},
	}
	if len(srcs) != len(want) {
		t.Fatalf("got %d sources, want %d: %+v", len(srcs), len(want), srcs)
	}
	for i, w := range want {
		g := srcs[i]
		if g.ID != w.ID || g.Title != w.Title || !g.Date.Equal(w.Date) || !slices.Equal(g.Paragraphs, w.Paragraphs) {
			t.Errorf("source %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestLoadSourcesErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadSources(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("empty folder: got %v, want an error naming it", err)
	}
	bad := filepath.Join(dir, "BAD.tml")
	if err := os.WriteFile(bad, []byte("<TimeML><TEXT>unclosed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSources(dir); err == nil || !strings.Contains(err.Error(), "BAD.tml") {
		t.Errorf("malformed file: got %v, want an error naming BAD.tml", err)
	}
}

func TestMakeArticle(t *testing.T) {
	srcs := testSources(t)
	tests := []struct {
		i     int
		dated bool
		want  Article
	}{
		{0, true, Article{Name: "a00000.md", Title: "Talks resume in Geneva", Date: day(1998, 2, 3),
			Body: "Negotiators met again Tuesday.\n\nThey will meet & talk next week.\n\nA third paragraph.\n"}},
		// The first copy: the title numbered, paragraphs rotated by one,
		// a week later.
		{2, true, Article{Name: "a00002.md", Title: "Talks resume in Geneva (copy 1)", Date: day(1998, 2, 10),
			Body: "They will meet & talk next week.\n\nA third paragraph.\n\nNegotiators met again Tuesday.\n"}},
		// No title: the document's id stands for it. Copy 2 of a two
		// paragraph text rotates back to the original order.
		{5, true, Article{Name: "a00005.md", Title: "NYT_TWO (copy 2)", Date: day(1998, 3, 15),
			Body: "Markets \"fell\" today.\n\nTraders were calm.\n"}},
		{3, false, Article{Name: "u00003.txt", Title: "NYT_TWO (copy 1)",
			Body: "Traders were calm.\n\nMarkets \"fell\" today.\n"}},
	}
	for _, tt := range tests {
		got := MakeArticle(srcs, tt.i, tt.dated)
		if got.Name != tt.want.Name || got.Title != tt.want.Title || !got.Date.Equal(tt.want.Date) || got.Body != tt.want.Body {
			t.Errorf("MakeArticle(%d, dated %v):\n got %+v\nwant %+v", tt.i, tt.dated, got, tt.want)
		}
	}
}

// The corpus a project gets reads back, through the timeline's own
// reader, with the title and date it was written with, every article
// distinct.
func TestMakeProject(t *testing.T) {
	srcs := testSources(t)
	for _, dated := range []bool{true, false} {
		dir := filepath.Join(t.TempDir(), "p")
		const n = 5
		if err := MakeProject(dir, srcs, n, dated); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil {
			t.Fatalf("no config.toml: %v", err)
		}
		arts, errs := article.ReadDir(filepath.Join(dir, "articles"))
		if len(errs) > 0 || len(arts) != n {
			t.Fatalf("dated %v: read %d articles with errors %v, want %d", dated, len(arts), errs, n)
		}
		texts := map[string]bool{}
		for i, a := range arts {
			want := MakeArticle(srcs, i, dated)
			texts[a.Title+"\n"+a.Text] = true
			if a.Title != want.Title {
				t.Errorf("%s: title %q, want %q", a.Path, a.Title, want.Title)
			}
			got := a.Meta.Date.Value()
			if wantDate := dateValue(want.Date); got != wantDate {
				t.Errorf("%s: date %q, want %q", a.Path, got, wantDate)
			}
		}
		if len(texts) != n {
			t.Errorf("dated %v: %d distinct articles of %d", dated, len(texts), n)
		}
	}
}

func dateValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestWriteFloor(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFloor(dir, testSources(t), 4); err != nil {
		t.Fatal(err)
	}
	pages, err := os.ReadDir(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	// The home page is the fourth.
	if len(pages) != 3 {
		t.Errorf("%d content pages, want 3", len(pages))
	}
	for _, f := range []string{"hugo.toml", "layouts/home.html", "layouts/page.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if err := WriteFloor(t.TempDir(), testSources(t), 0); err == nil {
		t.Error("WriteFloor with 0 pages: no error")
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
