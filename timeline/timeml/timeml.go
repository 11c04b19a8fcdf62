// Package timeml reads TimeML 1.2 documents (.tml), the format of the
// TempEval-3 and WikiWars corpora that the resolver is measured on.
//
// Only what scoring needs is kept: the document's id, its creation time,
// its title, the plain text of <TEXT> and the TIMEX3 annotated in it.
// Events, signals and links are read past; their words stay in the text.
package timeml

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"conflict-timeline/timeline/timex"
)

// Document is one TimeML file.
type Document struct {
	// ID is the <DOCID>, or the file name without .tml when there is none.
	ID string
	// Path is the file the document was read from.
	Path string
	// DCTValue is the value of the TIMEX3 inside <DCT> as written, empty
	// when the document has none.
	DCTValue string
	// DCT is DCTValue read as a date (see ParseDate) and DCTGranularity how
	// much of it is known. DCT is the zero time when DCTValue is absent or
	// names no calendar date.
	DCT            time.Time
	DCTGranularity timex.Granularity
	// Title is the <TITLE>, trimmed; empty when there is none.
	Title string
	// Text is the content of <TEXT> with every tag removed and entities
	// decoded: exactly what the resolver is given.
	Text string
	// Timexes are the gold TIMEX3 inside <TEXT>, ordered by Start, with
	// byte offsets into Text. Their Rule is empty.
	Timexes []timex.Timex
}

// Options returns the resolver options that anchor the document at its DCT,
// or no anchor when it has none.
func (d *Document) Options() timex.Options {
	return timex.Options{Anchor: d.DCT, AnchorGranularity: d.DCTGranularity}
}

// Load reads the .tml files named by paths. A folder stands for the .tml
// files directly inside it, in name order; sub-folders are not entered, so
// that passing tempeval3/ cannot silently sweep in the silver data.
func Load(paths ...string) ([]*Document, error) {
	var docs []*Document
	for _, p := range paths {
		files, err := tmlFiles(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			d, err := ReadFile(f)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// ReadFile reads one .tml file.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := Parse(f, path)
	if err != nil {
		return nil, err
	}
	if d.ID == "" {
		d.ID = strings.TrimSuffix(filepath.Base(path), ".tml")
	}
	return d, nil
}

// tmlFiles expands path to the files it stands for.
func tmlFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".tml") {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .tml files in this folder", path)
	}
	return files, nil
}
