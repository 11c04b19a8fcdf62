package eval_test

import (
	"testing"

	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/timex"
)

func TestJudge(t *testing.T) {
	tests := []struct {
		system, gold string
		want         eval.Verdict
	}{
		// Exact: the gold value as written, dates or not.
		{"1998-01-06", "1998-01-06", eval.Exact},
		{"P3Y", "P3Y", eval.Exact},
		{"PRESENT_REF", "PRESENT_REF", eval.Exact},
		{"XXXX-WXX-2", "XXXX-WXX-2", eval.Exact},
		// Coarser: a period that holds the gold one.
		{"1998-01", "1998-01-06", eval.Coarser},
		{"1998-W02", "1998-01-06", eval.Coarser},
		{"1998", "1998-01-06", eval.Coarser},
		{"1998-Q1", "1998-02", eval.Coarser},
		{"199", "1998", eval.Coarser},
		{"1998-WI", "1997-12-25", eval.Coarser}, // winter 1998 runs from December 1997
		{"1998-01-06", "1998-01-06TEV", eval.Coarser},
		{"1998-01-06", "1998-01-06T14:00", eval.Coarser},
		// Open: what the words say, the year left open; it agrees.
		{"XXXX-08-07", "1998-08-07", eval.Open},
		{"XXXX-WXX-5", "1998-08-07", eval.Open}, // a Friday
		{"XXXX-WXX-7", "1998-03-08", eval.Open}, // a Sunday
		{"XXXX-WXX-3", "1998-02-11T22:00", eval.Open},
		{"XXXX-XX-XXTEV", "1998-01-20TEV", eval.Open},
		{"XXXX-XX-XX", "1998-01-14", eval.Open},
		{"XXXX-10", "1997-10", eval.Open},
		{"XXXX-10", "1997-10-15", eval.Open},
		{"XXXX-Q4", "1997-Q4", eval.Open},
		{"XXXX-WXX", "1998-W33", eval.Open},
		{"XXXX-WXX", "1998-08-04", eval.Open},
		{"XXXX-WXX-1", "XXXX-WXX-1TNI", eval.Open},
		// Wrong: another day, a period beside it or straddling it, an
		// open value that contradicts it, or another non-date value.
		{"1998-01-07", "1998-01-06", eval.Wrong},
		{"1998-01-06", "1998-01", eval.Wrong}, // finer than the gold: not the period meant
		{"1998-02", "1998-01-06", eval.Wrong},
		{"1997", "1998-01-06", eval.Wrong},
		{"1998-W01", "1998-01-06", eval.Wrong},
		{"1998-01-06T10:00", "1998-01-06T14:00", eval.Wrong},
		{"XXXX-08-07", "1998-08-08", eval.Wrong},
		{"XXXX-WXX-4", "1998-08-07", eval.Wrong},
		{"XXXX-XX-XXTMO", "1998-01-20TEV", eval.Wrong},
		{"XXXX-10", "1997-11", eval.Wrong},
		{"XXXX-XX", "P1M", eval.Wrong},
		{"PT24H", "P1D", eval.Wrong},
		{"PAST_REF", "1998-01", eval.Wrong},
		{"1998-01", "PAST_REF", eval.Wrong},
		{"", "1998", eval.Wrong},
	}
	for _, tt := range tests {
		if got := eval.Judge(tt.system, tt.gold); got != tt.want {
			t.Errorf("Judge(%q, %q) = %s, want %s", tt.system, tt.gold, got, tt.want)
		}
	}
}

func TestCalibrate(t *testing.T) {
	judged := func(conf float64, v eval.Verdict) eval.Judged { return eval.Judged{Confidence: conf, Verdict: v} }
	js := []eval.Judged{
		judged(0, eval.Wrong), judged(0.49, eval.Exact), // [0, 0.5)
		judged(0.5, eval.Exact),                                                    // [0.5, 0.6): the low edge is in
		judged(0.79, eval.Coarser),                                                 // [0.7, 0.8)
		judged(0.8, eval.Wrong), judged(0.89, eval.Exact), judged(0.85, eval.Open), // [0.8, 0.9)
		judged(0.9, eval.Exact), judged(1, eval.Exact), judged(1, eval.Wrong), // [0.9, 1]: 1 is in
	}
	want := []eval.Verdicts{
		{Exact: 1, Wrong: 1},
		{Exact: 1},
		{},
		{Coarser: 1},
		{Exact: 1, Open: 1, Wrong: 1},
		{Exact: 2, Wrong: 1},
	}
	bands := eval.Calibrate(js, eval.Bands)
	if len(bands) != len(want) {
		t.Fatalf("%d bands, want %d", len(bands), len(want))
	}
	for i, b := range bands {
		if b.Low != eval.Bands[i] || b.High != eval.Bands[i+1] || b.Verdicts != want[i] {
			t.Errorf("band %d = [%.1f, %.1f) %+v, want [%.1f, %.1f) %+v", i, b.Low, b.High, b.Verdicts, eval.Bands[i], eval.Bands[i+1], want[i])
		}
	}
	if got := bands[5].Share(bands[5].Wrong); got < 33.33 || got > 33.34 {
		t.Errorf("wrong share of [0.9, 1] = %.2f, want 33.33", got)
	}
	sure := eval.Count(eval.Sure(js, 0.8))
	if sure != (eval.Verdicts{Exact: 3, Open: 1, Wrong: 2}) || sure.Total() != 6 {
		t.Errorf("sure = %+v, want 3 exact, 1 open, 2 wrong", sure)
	}
	if (eval.Verdicts{}).Share(0) != 0 || eval.Calibrate(js, []float64{0}) != nil {
		t.Error("no judgements share 0; fewer than two edges make no band")
	}
}

func TestNewlyWrong(t *testing.T) {
	at := func(doc string, start int, v eval.Verdict) eval.Judged {
		return eval.Judged{Doc: doc, Gold: timex.Timex{Start: start, End: start + 3}, Verdict: v}
	}
	ref := []eval.Judged{at("a", 0, eval.Exact), at("a", 5, eval.Wrong), at("b", 0, eval.Coarser), at("b", 9, eval.Open)}
	got := []eval.Judged{
		at("a", 0, eval.Wrong), // newly wrong
		at("a", 5, eval.Wrong), // wrong either way
		at("b", 0, eval.Exact), // better
		at("b", 9, eval.Wrong), // newly wrong
		at("c", 0, eval.Wrong), // unmatched in ref: not counted
	}
	if n := eval.NewlyWrong(got, ref); n != 2 {
		t.Errorf("NewlyWrong = %d, want 2", n)
	}
}
