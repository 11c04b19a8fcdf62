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

	"conflict-timeline/timeline/internal/workers"
)

// writeSiteData writes d as data/timeline.json to name, byte for byte as
// json.Marshal would, but a batch of events, articles or months at a
// time, so the whole file is never in memory beside the data it encodes. It returns
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
		{"events", func() error { return writeList(bw, d.Events, eventDigest, ps.addEvent) }},
		{"articles", func() error { return writeList(bw, d.Articles, articleDigest, ps.addArticle) }},
		{"months", func() error { return writeList(bw, d.Months, nil, ps.addMonth) }},
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

// listBatch is how many items of a list are encoded at a time, on every
// core, before they are written in order.
const listBatch = 1024

// writeList writes items as a JSON array and passes each item in order
// to seen, with the digest of its page that sum makes of it and its
// encoding (none without sum). The encoding and the digests, the costly
// part, are worked out on every core, a batch at a time.
func writeList[T any](w *bufio.Writer, items []T, sum func(*T, []byte) digest, seen func(*T, digest)) error {
	if items == nil {
		_, err := w.WriteString("null")
		return err
	}
	w.WriteByte('[')
	encoded := make([][]byte, min(listBatch, len(items)))
	sums := make([]digest, len(encoded))
	errs := make([]error, len(encoded))
	for lo := 0; lo < len(items); lo += listBatch {
		batch := items[lo:min(lo+listBatch, len(items))]
		workers.Each(len(batch), func(_, i int) {
			encoded[i], errs[i] = json.Marshal(batch[i])
			if errs[i] == nil && sum != nil {
				sums[i] = sum(&batch[i], encoded[i])
			}
		})
		for i := range batch {
			if errs[i] != nil {
				return errs[i]
			}
			if lo+i > 0 {
				w.WriteByte(',')
			}
			if _, err := w.Write(encoded[i]); err != nil {
				return err
			}
			seen(&batch[i], sums[i])
		}
	}
	return w.WriteByte(']')
}

// digest is a SHA-256 sum.
type digest [sha256.Size]byte
