package site

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestJSONEscaper: JSON streamed through the escaper, cut anywhere, comes
// out as json.HTMLEscape makes it of the whole.
func TestJSONEscaper(t *testing.T) {
	for _, in := range []string{
		`{"text":"</script><!--<script>` + "\u2028\u2029" + `", "a&b": ">"}`,
		"\u2028\u2029\u2027\u202a\u20ac\u2028",
		"\xe2\x80", "\xe2", "[\"\xe2\xe2\x80\xa8\"]", "",
	} {
		var want bytes.Buffer
		json.HTMLEscape(&want, []byte(in))
		r := rand.New(rand.NewPCG(1, uint64(len(in))))
		for range 50 {
			var got bytes.Buffer
			e := &jsonEscaper{w: &got}
			for rest := []byte(in); len(rest) > 0; {
				n := 1 + r.IntN(len(rest))
				if k, err := e.Write(rest[:n]); k != n || err != nil {
					t.Fatalf("Write = %d, %v; want %d, nil", k, err, n)
				}
				rest = rest[n:]
			}
			if err := e.Close(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("escaped %q to %q, want %q", in, got.String(), want.String())
			}
		}
	}
}
