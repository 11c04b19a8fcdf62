package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeSiteData writes d as data/timeline.json to name, byte for byte as
// json.Marshal would, but one event, article and month at a time, so the
// whole file is never in memory beside the data it encodes. It returns
// what an incremental build needs to know of each page (see pageSet).
func writeSiteData(name string, d *siteData) (*pageSet, error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	ps, err := encodeSiteData(f, d)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return ps, err
}

// encodeSiteData is writeSiteData to w.
func encodeSiteData(w io.Writer, d *siteData) (*pageSet, error) {
	rest := *d
	rest.Events, rest.Articles, rest.Months = nil, nil, nil
	head, err := json.Marshal(rest)
	if err != nil {
		return nil, err
	}
	ps, err := newPageSet(rest)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	lists := []struct {
		key   string
		write func() error
	}{
		{"events", func() error { return writeList(bw, d.Events, ps.addEvent) }},
		{"articles", func() error { return writeList(bw, d.Articles, ps.addArticle) }},
		{"months", func() error { return writeList(bw, d.Months, ps.addMonth) }},
	}
	for _, l := range lists {
		key := []byte(`"` + l.key + `":null`)
		i := bytes.Index(head, key)
		if i < 0 {
			return nil, fmt.Errorf("site data: no %q list to write", l.key)
		}
		bw.Write(head[:i+len(key)-len("null")])
		if err := l.write(); err != nil {
			return nil, err
		}
		head = head[i+len(key):]
	}
	bw.Write(head)
	return ps, bw.Flush()
}

// writeList writes items as a JSON array, passing each item with its
// encoding to seen.
func writeList[T any](w *bufio.Writer, items []T, seen func(*T, []byte)) error {
	if items == nil {
		_, err := w.WriteString("null")
		return err
	}
	w.WriteByte('[')
	for i := range items {
		b, err := json.Marshal(items[i])
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		seen(&items[i], b)
	}
	return w.WriteByte(']')
}

// digest is a SHA-256 sum.
type digest [sha256.Size]byte
