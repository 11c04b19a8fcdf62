package cli

import (
	"encoding/json"
	"reflect"
	"strings"
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

// evalJSON is what the tests read of eval's JSON output with
// --infer-anchor.
type evalJSON struct {
	Mode    string
	Known   string
	Corpora []evalCorpusJSON
	Total   *evalCorpusJSON
}

type evalCorpusJSON struct {
	Name         string
	Documents    int
	Scores       *struct{ Value struct{ F1 float64 } }
	DCTScores    struct{ Value struct{ F1 float64 } } `json:"dct_scores"`
	ValueF1Ratio float64                              `json:"value_f1_ratio"`
	Verdicts     map[string]int
	NewlyWrong   int `json:"newly_wrong"`
	Calibration  []struct {
		Low, High float64
		Count     int
		WrongPct  float64 `json:"wrong_pct"`
	}
	Sure           map[string]int
	SureNewlyWrong int `json:"sure_newly_wrong"`
	Anchors        struct{ Documents, Year, Month int }
	Likeliest      struct{ Documents, Day, NearDay, Month, Year int }
	SureWrong      []struct {
		Doc, DCT   string
		Confidence float64
		Verdict    string
	} `json:"sure_wrong"`
}

// With --known year the <DCT>'s year is pinned: the likeliest day is in
// it, and the document is resolved under the belief that the pin and the
// text give. The fixture's gold is "Tuesday" 1998-01-06 and "about three
// years" P3Y; the fake resolver values "Tuesday" at the day it is run
// under, so at the <DCT> (1998-01-08) it is wrong.
func TestEvalKnownYear(t *testing.T) {
	code, stdout, stderr := run("", "eval", "--infer-anchor", "--known", "year", "--errors", "3", "testdata/corpus")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{
		"TempEval-3 scores in points, each document anchored at the date inferred from its text, <DCT> hidden; its year given, as a pin would give it\n",
		"Value F1 with the inferred anchors beside the value F1 with the true <DCT>:\ncorpus inferred    <DCT>   ratio\ncorpus ",
		"\ncorpus matches   exact coarser   open  wrong    newly   exact coarser   open  wrong\ncorpus       2 ",
		"confidence   count  exact coarser   open  wrong\n[0.0,0.5)  ",
		"\n[0.9,1.0]  ",
		"\nwrong among confidence >= 0.8: ",
		"corpus  docs    day ±1 day  month   year P(true)\ncorpus     1 ",
		"corpus: 2 of 2 errors\n",
		" wrong values told with confidence >= 0.8\n", // and their document, <DCT>, text and values
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout:\n%s\nwant it to contain:\n%s", stdout, w)
		}
	}

	code, stdout, stderr = run("", "eval", "--infer-anchor", "--known", "year", "--format", "json", "testdata/corpus")
	var got evalJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v: %s\n%s", code, err, stderr, stdout)
	}
	if got.Mode != "inferred" || got.Known != "year" || len(got.Corpora) != 1 || got.Total != nil {
		t.Fatalf("got %+v", got)
	}
	c := got.Corpora[0]
	if c.Scores == nil || c.DCTScores.Value.F1 != 50 || c.ValueF1Ratio != c.Scores.Value.F1/50 {
		t.Errorf("value F1 %+v beside %v at the <DCT>, ratio %v; want 50 at the <DCT> and their ratio", c.Scores, c.DCTScores.Value.F1, c.ValueF1Ratio)
	}
	if n := c.Verdicts["exact"] + c.Verdicts["coarser"] + c.Verdicts["open"] + c.Verdicts["wrong"]; n != 2 {
		t.Errorf("verdicts %v, want 2 matches judged", c.Verdicts)
	}
	counted := 0
	for _, b := range c.Calibration {
		counted += b.Count
	}
	if len(c.Calibration) != 6 || c.Calibration[0].Low != 0 || c.Calibration[5].High != 1 || counted != 2 {
		t.Errorf("calibration %+v, want 6 bands from 0 to 1 counting the 2 matches", c.Calibration)
	}
	if c.Anchors.Documents != 1 || c.Anchors.Year != 1 || c.Likeliest.Documents != 1 || c.Likeliest.Year != 1 {
		t.Errorf("anchors %+v, likeliest %+v: the year is given, so it must be right", c.Anchors, c.Likeliest)
	}

	// --anchors-only scores the anchors and nothing else: for a corpus
	// whose TIMEX3 values are not gold.
	code, stdout, _ = run("", "eval", "--infer-anchor", "--known", "month", "--anchors-only", "testdata/corpus")
	if code != exitOK || !strings.HasPrefix(stdout, "Anchors only, TIMEX3 not scored: each document anchored at the date inferred from its text, <DCT> hidden; its month given") ||
		strings.Contains(stdout, "TempEval-3 scores") || !strings.Contains(stdout, "corpus     1   0.00   0.00 100.00 100.00") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
	code, stdout, _ = run("", "eval", "--infer-anchor", "--anchors-only", "--format", "json", "testdata/corpus")
	got = evalJSON{}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK || got.Mode != "anchors" || got.Corpora[0].Scores != nil || got.Corpora[0].Anchors.Documents != 1 {
		t.Errorf("exit %d, %v, %+v", code, err, got)
	}

	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"eval", "--infer-anchor", "--known", "week", "testdata/corpus"}, `--known "week": want year or month`},
		{[]string{"eval", "--known", "year", "testdata/corpus"}, "--known needs --infer-anchor"},
		{[]string{"eval", "--anchors-only", "testdata/corpus"}, "--anchors-only needs --infer-anchor"},
	} {
		if code, _, stderr := run("", tt.args...); code != exitUsage || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want a usage error with %q", tt.args, code, stderr, tt.stderr)
		}
	}
}

func TestEvalCategoriesAndSample(t *testing.T) {
	// The fixture's two mismatches: "Tuesday" resolved to the wrong week,
	// and "three years" found without the gold's "about".
	code, stdout, stderr := run("", "eval", "--categories", "testdata/corpus")
	want := "\ncorpus: 2 mismatches by category\n" +
		"  category                  count\n" +
		"  span: system narrower         1\n" +
		"  value: weekday direction      1\n"
	if code != exitOK || !strings.HasSuffix(stdout, want) {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant it to end with:\n%s", code, stderr, stdout, want)
	}

	var got struct {
		Corpora []struct{ Categories []struct{ Category string } }
		Sample  []struct {
			Doc, DCT, Sentence, Category string
		}
	}
	args := []string{"eval", "--format", "json", "--categories", "--sample", "1", "--seed", "3", "testdata/corpus"}
	code, stdout, stderr = run("", args...)
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v: %s\n%s", code, err, stderr, stdout)
	}
	if len(got.Corpora) != 1 || len(got.Corpora[0].Categories) != 2 || len(got.Sample) != 1 {
		t.Fatalf("got %+v, want 2 categories and a sample of 1", got)
	}
	s := got.Sample[0]
	if s.Doc != "ABC19980108" || s.DCT == "" || !strings.Contains(s.Sentence, "[") || s.Category == "" {
		t.Errorf("sample %+v: want its document, DCT, bracketed sentence and category", s)
	}
	if _, again, _ := run("", args...); again != stdout {
		t.Errorf("the same seed drew another sample:\n%s\n%s", stdout, again)
	}
	if code, _, _ := run("", "eval", "--sample", "-1", "testdata/corpus"); code == exitOK {
		t.Errorf("--sample -1 accepted")
	}
}
