package correct

import (
	"bytes"
	"path/filepath"
	"testing"

	"conflict-timeline/timeline/export"
)

// The exports of the fixture timeline after the corrections of
// testdata/events.toml: the caption in none of them, the merged report
// among the strike's sources, the summaries leading, the hand-added
// events with their own sources.
func TestExportsAfterCorrections(t *testing.T) {
	f, errs := Read("testdata/events.toml")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tl, _ := f.Apply(fixture(), types)
	for _, format := range export.Formats {
		var b bytes.Buffer
		if err := format.Write(&b, tl); err != nil {
			t.Fatalf("%s: %v", format.File, err)
		}
		if bytes.Contains(b.Bytes(), []byte("REUTERS/Ammar")) {
			t.Errorf("%s: the hidden caption is there", format.File)
		}
		golden(t, filepath.Join("testdata", "corrected-"+format.File), b.Bytes())
	}
}
