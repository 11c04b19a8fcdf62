package timex_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// The benchmarks report MB/s resolved. Resolve runs on one goroutine, so
// the figure is per core:
//
//	go test ./timeline/timex -run '^$' -bench . -cpu 1

// BenchmarkResolveCorpus resolves every TimeBank and AQUAINT document
// against its DCT, as the evaluation does.
func BenchmarkResolveCorpus(b *testing.B) {
	dir := testenv.DataDir(b, "tempeval3")
	docs := loadCorpus(b, dir)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			timex.Resolve(d.Text, d.Options())
		}
	}
}

// BenchmarkResolve10MB resolves one 10 MB text. Its MB/s, set beside
// BenchmarkResolveCorpus's on documents of a few KB, shows whether the
// time grows linearly with the input. It runs even without the corpora,
// on a repeated paragraph, so that a quadratic slip is always caught.
func BenchmarkResolve10MB(b *testing.B) {
	text, source := tenMB(b)
	b.Logf("input: %d bytes of %s", len(text), source)
	opt := timex.Options{Anchor: time.Date(1998, 8, 7, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		timex.Resolve(text, opt)
	}
}

const tenMBSize = 10 << 20

// tenMB repeats the TimeBank and AQUAINT texts, or paragraph when the
// corpora are absent, up to 10 MB, cut at a rune boundary.
func tenMB(b *testing.B) (text, source string) {
	pieces, source := []string{paragraph}, "the fixture paragraph (corpora absent)"
	if dir := testenv.DataPath("tempeval3"); exists(dir) {
		pieces, source = nil, "TimeBank and AQUAINT text"
		for _, d := range loadCorpus(b, dir) {
			pieces = append(pieces, d.Text)
		}
	}
	var sb strings.Builder
	sb.Grow(tenMBSize + len(paragraph))
	for sb.Len() < tenMBSize {
		for _, p := range pieces {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	text = sb.String()
	cut := tenMBSize
	for cut < len(text) && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut], source
}

func loadCorpus(b *testing.B, tempeval3 string) []*timeml.Document {
	b.Helper()
	docs, err := timeml.Load(filepath.Join(tempeval3, "timebank"), filepath.Join(tempeval3, "aquaint"))
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// paragraph is news-like text dense with temporal expressions of every
// kind, written for these benchmarks.
const paragraph = `WASHINGTON (AP) _ The talks that began on Tuesday, August 2, 2016, ` +
	`will resume next week, officials said late Friday. For the past three ` +
	`years, negotiators have met every month, usually on the first Monday; ` +
	`the last round, in mid-July, ended at 3 p.m. EST after 14 hours. ` +
	`"We expect an agreement by the end of the year, or early 2017 at the ` +
	`latest," a spokesman said on 08/05/2016. Fighting had eased since the ` +
	`spring of 2015 and the ceasefire of March 3, but two weeks ago shelling ` +
	`resumed for several days. In the 1990s the region saw worse; in 1998 ` +
	`alone, more than 2,000 people died. Today's meeting, the fourth this ` +
	`quarter, lasted until midnight. A new deadline falls on Sept. 30, 30 ` +
	`days from now, and monitors will report each Wednesday until then.`
