package eval_test

import (
	"fmt"
	"slices"
	"testing"

	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/timex"
)

func TestCompare(t *testing.T) {
	friday := date(10, 16, "1998-08-07")
	tests := []struct {
		name   string
		gold   []timex.Timex
		system []timex.Timex
		want   eval.Counts
		errors []string // problem gold-span system-span, in text order
	}{
		{
			name: "nothing on either side",
			want: eval.Counts{},
		},
		{
			name:   "all right",
			gold:   []timex.Timex{friday, dur(20, 30, "P3Y")},
			system: []timex.Timex{friday, dur(20, 30, "P3Y")},
			want:   eval.Counts{Gold: 2, System: 2, Relaxed: 2, Strict: 2, Value: 2, Type: 2},
		},
		{
			name:   "missed and spurious",
			gold:   []timex.Timex{friday},
			system: []timex.Timex{date(0, 5, "1998")},
			want:   eval.Counts{Gold: 1, System: 1},
			errors: []string{"spurious - 0:5", "missed 10:16 -"},
		},
		{
			name:   "touching spans do not overlap",
			gold:   []timex.Timex{friday},
			system: []timex.Timex{date(16, 20, "1998-08-07")},
			want:   eval.Counts{Gold: 1, System: 1},
			errors: []string{"missed 10:16 -", "spurious - 16:20"},
		},
		{
			name:   "overlap with the right value is relaxed, not strict",
			gold:   []timex.Timex{date(5, 16, "1998-08-07")}, // last Friday
			system: []timex.Timex{friday},
			want:   eval.Counts{Gold: 1, System: 1, Relaxed: 1, Value: 1, Type: 1},
			errors: []string{"span 5:16 10:16"},
		},
		{
			name:   "wrong value and type on a strict match",
			gold:   []timex.Timex{friday},
			system: []timex.Timex{dur(10, 16, "P1D")},
			want:   eval.Counts{Gold: 1, System: 1, Relaxed: 1, Strict: 1},
			errors: []string{"value+type 10:16 10:16"},
		},
		{
			name:   "largest overlap wins",
			gold:   []timex.Timex{date(0, 10, "1998-08")},
			system: []timex.Timex{date(0, 3, "1998-08"), date(2, 10, "1998-08")},
			want:   eval.Counts{Gold: 1, System: 2, Relaxed: 1, Value: 1, Type: 1},
			errors: []string{"span 0:10 2:10", "spurious - 0:3"},
		},
		{
			name:   "one system timex over two gold ones matches one",
			gold:   []timex.Timex{date(0, 5, "1998-08-07"), date(8, 20, "1998-08-08")},
			system: []timex.Timex{date(0, 20, "1998-08-08")},
			want:   eval.Counts{Gold: 2, System: 1, Relaxed: 1, Value: 1, Type: 1},
			errors: []string{"missed 0:5 -", "span 8:20 0:20"},
		},
		{
			name:   "an identical span wins a tie",
			gold:   []timex.Timex{date(0, 4, "1998")},
			system: []timex.Timex{date(0, 6, "1998"), date(0, 4, "1998")},
			want:   eval.Counts{Gold: 1, System: 2, Relaxed: 1, Strict: 1, Value: 1, Type: 1},
			errors: []string{"spurious - 0:6"},
		},
		{
			name:   "lists in any order",
			gold:   []timex.Timex{dur(20, 30, "P3Y"), friday},
			system: []timex.Timex{date(40, 45, "1999"), dur(20, 30, "P2Y"), friday},
			want:   eval.Counts{Gold: 2, System: 3, Relaxed: 2, Strict: 2, Value: 1, Type: 2},
			errors: []string{"value 20:30 20:30", "spurious - 40:45"},
		},
		{
			name:   "empty and inverted system spans match nothing",
			gold:   []timex.Timex{friday},
			system: []timex.Timex{date(12, 12, "1998-08-07"), date(16, 10, "1998-08-07")},
			want:   eval.Counts{Gold: 1, System: 2},
			errors: []string{"missed 10:16 -", "spurious - 12:12", "spurious - 16:10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := eval.Compare(tt.gold, tt.system)
			if got != tt.want {
				t.Errorf("counts = %+v\nwant     %+v", got, tt.want)
			}
			var summary []string
			for _, e := range errs {
				summary = append(summary, fmt.Sprintf("%v %s %s", e.Problem, span(e.Gold), span(e.System)))
			}
			if !slices.Equal(summary, tt.errors) {
				t.Errorf("errors = %q\nwant     %q", summary, tt.errors)
			}
		})
	}
}

func TestScores(t *testing.T) {
	tests := []struct {
		name   string
		counts eval.Counts
		want   eval.Scores
	}{
		{"silent resolver", eval.Counts{Gold: 10}, eval.Scores{}},
		{"no gold", eval.Counts{System: 3}, eval.Scores{}},
		{
			// P = right/system, R = right/gold for every measure.
			name:   "mixed",
			counts: eval.Counts{Gold: 10, System: 5, Relaxed: 5, Strict: 4, Value: 3, Type: 5},
			want: eval.Scores{
				Strict:  eval.PRF{P: 80, R: 40, F1: 2 * 80 * 40 / 120.0},
				Relaxed: eval.PRF{P: 100, R: 50, F1: 2 * 100 * 50 / 150.0},
				Value:   eval.PRF{P: 60, R: 30, F1: 40},
				Type:    eval.PRF{P: 100, R: 50, F1: 2 * 100 * 50 / 150.0},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.counts.Scores(); got != tt.want {
				t.Errorf("Scores() = %+v\nwant       %+v", got, tt.want)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    eval.Problem
		want string
	}{
		{0, ""},
		{eval.Missed, "missed"},
		{eval.Span | eval.Value | eval.Type, "span+value+type"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("Problem(%d).String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func date(start, end int, value string) timex.Timex {
	return timex.Timex{Start: start, End: end, Type: timex.Date, Value: value}
}

func dur(start, end int, value string) timex.Timex {
	return timex.Timex{Start: start, End: end, Type: timex.Duration, Value: value}
}

func span(tx *timex.Timex) string {
	if tx == nil {
		return "-"
	}
	return fmt.Sprintf("%d:%d", tx.Start, tx.End)
}
