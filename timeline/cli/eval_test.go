package cli

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestEvalCommand(t *testing.T) {
	// The fixture's gold: "Tuesday" 1998-01-06 and "about three years" P3Y.
	// The fake finds "Tuesday" valued at the DCT, 1998-01-08, and "three
	// years": two relaxed matches, one strict, one right value.
	code, stdout, stderr := run("", "eval", "--errors", "1", "testdata/corpus", "testdata/corpus/ABC19980108.tml")
	want := "TempEval-3 scores in points, each document anchored at its <DCT>\n" +
		"\n" +
		"                                 strict                relaxed               value                 type\n" +
		"corpus       docs   gold system       P      R     F1       P      R     F1       P      R     F1       P      R     F1\n" +
		"corpus          1      2      2   50.00  50.00  50.00  100.00 100.00 100.00   50.00  50.00  50.00  100.00 100.00 100.00\n" +
		"ABC19980108     1      2      2   50.00  50.00  50.00  100.00 100.00 100.00   50.00  50.00  50.00  100.00 100.00 100.00\n" +
		"total           2      4      4   50.00  50.00  50.00  100.00 100.00 100.00   50.00  50.00  50.00  100.00 100.00 100.00\n" +
		"\n" +
		"corpus: 1 of 2 errors\n" +
		"  value      ABC19980108  gold \"Tuesday\" DATE 1998-01-06 | system \"Tuesday\" DATE 1998-01-08\n" +
		"      Markets fell on [Tuesday] after about three years of gains.\n" +
		"\n" +
		"ABC19980108: 1 of 2 errors\n" +
		"  value      ABC19980108  gold \"Tuesday\" DATE 1998-01-06 | system \"Tuesday\" DATE 1998-01-08\n" +
		"      Markets fell on [Tuesday] after about three years of gains.\n"
	if code != exitOK || stdout != want {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}

	code, stdout, stderr = run("", "eval", "--narrative", "--format", "json", "testdata/corpus")
	var got struct {
		Mode    string
		Corpora []struct {
			Name      string
			Documents int
			Counts    map[string]int
			Scores    map[string]map[string]float64
			Errors    []any
		}
		Total *struct{}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v: %s\n%s", code, err, stderr, stdout)
	}
	c := got.Corpora
	if got.Mode != "narrative" || got.Total != nil || len(c) != 1 || c[0].Name != "corpus" || c[0].Documents != 1 || c[0].Errors != nil {
		t.Errorf("got %+v", got)
	}
	wantCounts := map[string]int{"gold": 2, "system": 2, "relaxed": 2, "strict": 1, "value": 1, "type": 2}
	if len(c) == 1 && (!reflect.DeepEqual(c[0].Counts, wantCounts) || c[0].Scores["value"]["f1"] != 50) {
		t.Errorf("counts %v, scores %v; want counts %v, value F1 50", c[0].Counts, c[0].Scores, wantCounts)
	}
}
