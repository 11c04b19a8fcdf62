package eval_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// docs are two documents whose gold "Friday" is the DCT itself, so that
// only resolving against the DCT gets its value right.
var (
	dct  = time.Date(1998, 8, 7, 0, 0, 0, 0, time.UTC)
	docs = []*timeml.Document{
		{
			ID: "a", DCTValue: "1998-08-07", DCT: dct, DCTGranularity: timex.GranDay,
			Text:    "Bombs exploded Friday, witnesses said.",
			Timexes: []timex.Timex{{Start: 15, End: 21, Text: "Friday", Type: timex.Date, Value: "1998-08-07"}},
		},
		{
			ID: "b", DCTValue: "1998-08-07", DCT: dct, DCTGranularity: timex.GranDay,
			Text:    "Talks resume in a week.",
			Timexes: []timex.Timex{{Start: 16, End: 22, Text: "a week", Type: timex.Date, Value: "1998-W33"}},
		},
	}
	inferred = timex.Options{Anchor: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), AnchorGranularity: timex.GranYear}
)

// fakeResolve finds "Friday" and "week" and values them by the options it
// was given, so each test can see which anchor reached the resolver.
func fakeResolve(text string, opt timex.Options) []timex.Timex {
	value := "narrative"
	if !opt.Narrative {
		value = opt.Anchor.Format(time.DateOnly)
	}
	var out []timex.Timex
	for _, w := range []string{"Friday", "week"} {
		for i := 0; i+len(w) <= len(text); i++ {
			if text[i:i+len(w)] == w {
				out = append(out, timex.Timex{Start: i, End: i + len(w), Text: w, Type: timex.Date, Value: value})
			}
		}
	}
	return out
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name   string
		cfg    eval.Config
		want   eval.Counts
		errors []string // doc: problem, context
	}{
		{
			name: "anchored at the DCT",
			cfg:  eval.Config{Resolve: fakeResolve},
			want: eval.Counts{Gold: 2, System: 2, Relaxed: 2, Strict: 1, Value: 1, Type: 2},
			errors: []string{
				"b: span+value Talks resume in [a week].",
			},
		},
		{
			name: "narrative",
			cfg:  eval.Config{Resolve: fakeResolve, Narrative: true, InferAnchor: func(*timeml.Document) timex.Options { return inferred }},
			want: eval.Counts{Gold: 2, System: 2, Relaxed: 2, Strict: 1, Type: 2},
			errors: []string{
				"a: value Bombs exploded [Friday], witnesses said.",
				"b: span+value Talks resume in [a week].",
			},
		},
		{
			name: "inferred anchor",
			cfg:  eval.Config{Resolve: fakeResolve, InferAnchor: func(*timeml.Document) timex.Options { return inferred }},
			want: eval.Counts{Gold: 2, System: 2, Relaxed: 2, Strict: 1, Type: 2},
			errors: []string{
				"a: value Bombs exploded [Friday], witnesses said.",
				"b: span+value Talks resume in [a week].",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := eval.Evaluate("fixture", docs, tt.cfg)
			if res.Name != "fixture" || res.Documents != 2 || res.Counts != tt.want {
				t.Errorf("result = %q, %d docs, %+v\nwant %q, 2 docs, %+v", res.Name, res.Documents, res.Counts, "fixture", tt.want)
			}
			var errs []string
			for _, e := range res.Errors {
				errs = append(errs, e.Doc+": "+e.Problem.String()+" "+e.Context)
			}
			if !slices.Equal(errs, tt.errors) {
				t.Errorf("errors =\n%q\nwant\n%q", errs, tt.errors)
			}
		})
	}
}

// Under a belief, each document is resolved under each likely day, and
// each value is told with the probability of it.
func TestEvaluateUnderBelief(t *testing.T) {
	belief := func(*timeml.Document) anchor.Anchor {
		return anchor.Anchor{Date: dct, Precision: timeline.PrecisionDay, Confidence: 0.7, Source: anchor.FromText,
			Belief: []anchor.Candidate{{Day: dct, P: 0.7}, {Day: dct.AddDate(0, 0, 1), P: 0.3}}}
	}
	res := eval.Evaluate("fixture", docs, eval.Config{Resolve: fakeResolve, Anchor: belief})
	if want := (eval.Counts{Gold: 2, System: 2, Relaxed: 2, Strict: 1, Value: 1, Type: 2}); res.Counts != want {
		t.Errorf("counts %+v, want %+v", res.Counts, want)
	}
	var got []string
	for _, j := range res.Judged {
		got = append(got, fmt.Sprintf("%s %s %s %s %.2f %s %s", j.Doc, j.DCT, j.System.Value, j.Gold.Value, j.Confidence, j.Verdict, j.Context))
	}
	want := []string{
		"a 1998-08-07 1998-08-07 1998-08-07 0.70 exact Bombs exploded [Friday], witnesses said.",
		"b 1998-08-07 1998-08-07 1998-W33 0.70 wrong Talks resume in [a week].",
	}
	if !slices.Equal(got, want) {
		t.Errorf("judged =\n%q\nwant\n%q", got, want)
	}

	// At the DCT every value is sure.
	for _, j := range eval.Evaluate("fixture", docs, eval.Config{Resolve: fakeResolve}).Judged {
		if j.Confidence != 1 {
			t.Errorf("%s: confidence %.2f at the DCT, want 1", j.Doc, j.Confidence)
		}
	}
	// Narrative wins over the belief, as over InferAnchor.
	if c := eval.Evaluate("fixture", docs, eval.Config{Resolve: fakeResolve, Anchor: belief, Narrative: true}).Counts; c.Value != 0 {
		t.Errorf("narrative with a belief: %+v, want no right value", c)
	}
}

func TestTotal(t *testing.T) {
	a := eval.Result{Name: "a", Documents: 2, Counts: eval.Counts{Gold: 3, System: 2, Relaxed: 2, Strict: 1, Value: 1, Type: 2}, Errors: make([]eval.Error, 2), Judged: make([]eval.Judged, 2)}
	b := eval.Result{Name: "b", Documents: 1, Counts: eval.Counts{Gold: 1, System: 4, Relaxed: 1, Strict: 1, Value: 1, Type: 0}, Errors: make([]eval.Error, 3), Judged: make([]eval.Judged, 1)}
	got := eval.Total("all", []eval.Result{a, b})
	want := eval.Counts{Gold: 4, System: 6, Relaxed: 3, Strict: 2, Value: 2, Type: 2}
	if got.Name != "all" || got.Documents != 3 || got.Counts != want || len(got.Errors) != 5 || len(got.Judged) != 3 {
		t.Errorf("Total = %q, %d docs, %+v, %d errors; want %q, 3, %+v, 5", got.Name, got.Documents, got.Counts, len(got.Errors), "all", want)
	}
}

func TestExcerptSurvivesBadOffsets(t *testing.T) {
	bad := func(string, timex.Options) []timex.Timex {
		return []timex.Timex{{Start: -3, End: 2, Type: timex.Date, Value: "x"}, {Start: 30, End: 900, Type: timex.Date, Value: "x"}, {Start: 9, End: 4, Type: timex.Date, Value: "x"}}
	}
	doc := &timeml.Document{ID: "d", Text: "Ünïcödé text, with runes everywhere: ééé"}
	res := eval.Evaluate("bad", []*timeml.Document{doc}, eval.Config{Resolve: bad})
	if len(res.Errors) != 3 {
		t.Fatalf("%d errors, want 3 spurious", len(res.Errors))
	}
}
