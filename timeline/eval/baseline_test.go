package eval_test

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timeml"
)

var update = flag.Bool("update", false, "rewrite testdata/baseline.json with the current scores")

// slack is how many points a score may fall below its baseline: enough for
// a fix that trades one expression for another, not for a regression.
const slack = 0.5

const baselineFile = "testdata/baseline.json"

// baselines are the measurements that must not regress: a corpus, how it
// is resolved and which of its scores count. WikiWars is a narrative and
// its TimeML conversion types everything DATE, so only its values count.
var baselines = []struct {
	name      string
	dirs      []string // inside the shared data folder
	narrative bool
	metrics   []string
}{
	{"timebank+aquaint", []string{"tempeval3/timebank", "tempeval3/aquaint"}, false, []string{"strict_f1", "relaxed_f1", "value_f1", "type_f1"}},
	{"wikiwars-train narrative", []string{"wikiwars-train"}, true, []string{"value_f1"}},
}

var metrics = map[string]func(eval.Scores) float64{
	"strict_f1":  func(s eval.Scores) float64 { return s.Strict.F1 },
	"relaxed_f1": func(s eval.Scores) float64 { return s.Relaxed.F1 },
	"value_f1":   func(s eval.Scores) float64 { return s.Value.F1 },
	"type_f1":    func(s eval.Scores) float64 { return s.Type.F1 },
}

// baseline maps a measurement's name to its scores, in points.
type baseline map[string]map[string]float64

// TestBaseline fails when a score falls more than slack points below the
// one recorded in testdata/baseline.json. After an improvement, record it:
//
//	go test ./timeline/eval -run Baseline -update
func TestBaseline(t *testing.T) {
	want := readBaseline(t)
	got := baseline{}
	for _, b := range baselines {
		t.Run(b.name, func(t *testing.T) {
			var paths []string
			for _, dir := range b.dirs {
				paths = append(paths, testenv.DataDir(t, filepath.FromSlash(dir)))
			}
			docs, err := timeml.Load(paths...)
			if err != nil {
				t.Fatal(err)
			}
			scores := eval.Evaluate(b.name, docs, eval.Config{Narrative: b.narrative}).Scores()
			got[b.name] = map[string]float64{}
			for _, m := range b.metrics {
				now := metrics[m](scores)
				got[b.name][m] = math.Round(now*100) / 100
				was, ok := want[b.name][m]
				switch {
				case *update:
					t.Logf("%s = %.2f (was %.2f)", m, now, was)
				case !ok:
					t.Errorf("%s: no baseline in %s; run with -update", m, baselineFile)
				case now < was-slack:
					t.Errorf("%s = %.2f, more than %.1f points below the baseline %.2f", m, now, slack, was)
				case now > was+slack:
					t.Logf("%s = %.2f, up from %.2f: record it with -update", m, now, was)
				}
			}
		})
	}
	if *update {
		// A measurement skipped for want of its corpus keeps its old scores.
		for _, b := range baselines {
			if _, ok := got[b.name]; !ok && want[b.name] != nil {
				got[b.name] = want[b.name]
			}
		}
		writeBaseline(t, got)
	}
}

func readBaseline(t *testing.T) baseline {
	t.Helper()
	data, err := os.ReadFile(baselineFile)
	if err != nil {
		t.Fatal(err)
	}
	var b baseline
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatalf("%s: %v", baselineFile, err)
	}
	return b
}

func writeBaseline(t *testing.T, b baseline) {
	t.Helper()
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(baselineFile, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
