package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timex"
)

// On TimeBank and AQUAINT with the real resolver, the year of each <DCT>
// given as a pin: the year must always be right, the figures must add up,
// and the value F1 and the calibration must not fall below where they
// stand. The lead's targets are logged beside them: a value F1 at least
// 85% of the true <DCT>'s, at most 3% of the values wrong (not coarser),
// at most 5% wrong among those told with confidence >= 0.8.
func TestEvalKnownYearCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("resolves 256 documents under up to 65 days each")
	}
	dir := testenv.DataDir(t, "tempeval3")
	var out, errs strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errs, resolve: timex.Resolve}
	args := []string{"eval", "--infer-anchor", "--known", "year", "--format", "json",
		filepath.Join(dir, "timebank"), filepath.Join(dir, "aquaint")}
	if code := e.main(args); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	var got evalJSON
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil || got.Total == nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	tot := got.Total
	var anchored, yearRight int
	for _, c := range got.Corpora {
		anchored += c.Likeliest.Documents
		yearRight += c.Likeliest.Year
	}
	v := tot.Verdicts
	matches := v["exact"] + v["coarser"] + v["open"] + v["wrong"]
	sure := tot.Sure["exact"] + tot.Sure["coarser"] + tot.Sure["open"] + tot.Sure["wrong"]
	pct := func(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }
	t.Logf("value F1 %.2f with the year known, %.2f with the <DCT>: %.1f%% (target 85%%)",
		tot.Scores.Value.F1, tot.DCTScores.Value.F1, 100*tot.ValueF1Ratio)
	t.Logf("%d matches: %.2f%% exact, %.2f%% coarser, %.2f%% open, %.2f%% wrong (target 3%%), %.2f%% newly wrong",
		matches, pct(v["exact"], matches), pct(v["coarser"], matches), pct(v["open"], matches), pct(v["wrong"], matches), pct(tot.NewlyWrong, matches))
	t.Logf("confidence >= 0.8: %d, %.2f%% wrong (target 5%%), %.2f%% newly wrong", sure, pct(tot.Sure["wrong"], sure), pct(tot.SureNewlyWrong, sure))

	if anchored < 250 || yearRight != anchored {
		t.Errorf("the likeliest day is in the <DCT>'s year for %d of %d documents; the year is given", yearRight, anchored)
	}
	if tot.DCTScores.Value.F1 < 70 {
		t.Errorf("value F1 with the true <DCT> %.2f: the resolver itself fell (see timeline/eval's baseline)", tot.DCTScores.Value.F1)
	}
	// Floors below where the figures stand, against a regression.
	if tot.ValueF1Ratio < 0.4 {
		t.Errorf("value F1 with the year known is %.1f%% of the true <DCT>'s, below the floor of 40%%", 100*tot.ValueF1Ratio)
	}
	if w := pct(tot.Sure["wrong"], sure); sure < matches/2 || w > 20 {
		t.Errorf("%d of %d matches told with confidence >= 0.8, %.2f%% of them wrong: want most, and at most 20%% wrong", sure, matches, w)
	}
}
