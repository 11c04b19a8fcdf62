package bench

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/project"
	"conflict-timeline/timeline/timeml"
)

// Source is one document the corpora are replicated from: the text of a
// TimeML file with its tags stripped, and its creation time.
type Source struct {
	ID    string
	Title string
	// Date is the document's creation time (<DCT>), the zero time when it
	// names no calendar day.
	Date time.Time
	// Paragraphs are the blank-line separated blocks of the text.
	Paragraphs []string
}

// LoadSources reads the .tml files directly inside dir, in name order,
// and keeps those with a text; a file that cannot be read fails the
// load, named.
func LoadSources(dir string) ([]Source, error) {
	docs, err := timeml.Load(dir)
	if err != nil {
		return nil, err
	}
	var out []Source
	for _, d := range docs {
		paras := paragraphs(d.Text)
		if len(paras) == 0 {
			continue
		}
		out = append(out, Source{ID: d.ID, Title: strings.Join(strings.Fields(d.Title), " "), Date: d.DCT, Paragraphs: paras})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no TimeML document with a text (want the .tml files of TempEval-3 silver)", dir)
	}
	return out, nil
}

// paragraphs splits text at blank lines, each paragraph's lines joined
// into one.
func paragraphs(text string) []string {
	var out []string
	for block := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p := strings.Join(strings.Fields(block), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Article is the i-th article of a corpus made from srcs: the source
// i mod len(srcs), changed by its copy number i / len(srcs) so that no two
// articles are the same. Copy 0 is the source as it is. Copy k>0 has
// " (copy k)" after its title, its paragraphs rotated by k, and its date
// k weeks later (whole weeks, so that "Tuesday" stays a Tuesday).
type Article struct {
	Name  string // file name, such as a00042.md; it carries no date
	Title string
	Date  time.Time // zero for an undated corpus
	Body  string
}

// MakeArticle returns the i-th article; dated keeps the source's date.
func MakeArticle(srcs []Source, i int, dated bool) Article {
	s := srcs[i%len(srcs)]
	k := i / len(srcs)
	title := cmp.Or(s.Title, s.ID)
	paras := s.Paragraphs
	if k > 0 {
		title = fmt.Sprintf("%s (copy %d)", title, k)
		r := k % len(paras)
		paras = append(append([]string{}, paras[r:]...), paras[:r]...)
	}
	a := Article{Title: title, Body: strings.Join(paras, "\n\n") + "\n"}
	if dated && !s.Date.IsZero() {
		a.Date = s.Date.AddDate(0, 0, 7*k)
		a.Name = fmt.Sprintf("a%05d.md", i)
	} else {
		a.Name = fmt.Sprintf("u%05d.txt", i)
	}
	return a
}

// Bytes is the article's file: Markdown with TOML front matter when it
// is dated, else plain text whose first line is the title.
func (a Article) Bytes() []byte {
	var b strings.Builder
	if a.Date.IsZero() {
		b.WriteString(a.Title + "\n\n")
	} else {
		fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %s\n+++\n\n", config.Quote(a.Title), a.Date.Format("2006-01-02"))
	}
	b.WriteString(a.Body)
	return []byte(b.String())
}

// WriteArticles writes articles from..to-1 into dir.
func WriteArticles(dir string, srcs []Source, from, to int, dated bool) error {
	for i := from; i < to; i++ {
		a := MakeArticle(srcs, i, dated)
		if err := os.WriteFile(filepath.Join(dir, a.Name), a.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// MakeProject lays out a timeline project in dir as 'timeline new' does
// and writes n articles into its articles/ folder.
func MakeProject(dir string, srcs []Source, n int, dated bool) error {
	if _, err := project.New(dir); err != nil {
		return err
	}
	return WriteArticles(filepath.Join(dir, "articles"), srcs, 0, n, dated)
}
