package cli

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"conflict-timeline/timeline/timex"
)

const articleText = "Aleppo – The army advanced on Tuesday after about three years."

func TestResolveJSON(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		input   string
		anchor  map[string]any
		timexes []map[string]any
	}{
		{
			name:   "anchored, flags after the file",
			args:   []string{"resolve", "-", "--anchor", "2016-08-02", "--format", "json"},
			input:  articleText,
			anchor: map[string]any{"date": "2016-08-02", "precision": "day", "narrative": false},
			timexes: []map[string]any{
				// Offsets count bytes: the en dash is three.
				// A known day: each value as sure, and its own days.
				{"start": 32.0, "end": 39.0, "text": "Tuesday", "type": "DATE", "value": "2016-08-02",
					"confidence": 1.0, "earliest": "2016-08-02", "latest": "2016-08-02"},
				{"start": 52.0, "end": 63.0, "text": "three years", "type": "DURATION", "value": "P3Y", "mod": "APPROX", "confidence": 1.0},
			},
		},
		{
			name:   "month anchor",
			args:   []string{"resolve", "--anchor", "2016-08", "--format", "json", "-"},
			input:  "on Tuesday",
			anchor: map[string]any{"date": "2016-08-01", "precision": "month", "narrative": false},
			timexes: []map[string]any{
				{"start": 3.0, "end": 10.0, "text": "Tuesday", "type": "DATE", "value": "2016-08-01",
					"confidence": 1.0, "earliest": "2016-08-01", "latest": "2016-08-01"},
			},
		},
		{
			name:    "narrative, nothing found: an empty list, not null",
			args:    []string{"resolve", "--narrative", "--format", "json", "-"},
			input:   "No dates.",
			anchor:  map[string]any{"date": "", "precision": "unknown", "narrative": true},
			timexes: []map[string]any{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(tt.input, tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got struct {
				Anchor  map[string]any   `json:"anchor"`
				Timexes []map[string]any `json:"timexes"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("%v in:\n%s", err, stdout)
			}
			if !reflect.DeepEqual(got.Anchor, tt.anchor) {
				t.Errorf("anchor = %v, want %v", got.Anchor, tt.anchor)
			}
			if got.Timexes == nil || !reflect.DeepEqual(got.Timexes, tt.timexes) {
				t.Errorf("timexes = %v, want %v", got.Timexes, tt.timexes)
			}
			for _, tx := range got.Timexes {
				if start, end := int(tx["start"].(float64)), int(tx["end"].(float64)); tt.input[start:end] != tx["text"] {
					t.Errorf("input[%d:%d] = %q, text %q", start, end, tt.input[start:end], tx["text"])
				}
			}
		})
	}
}

func TestResolveText(t *testing.T) {
	code, stdout, stderr := run(articleText, "resolve", "--anchor", "2016-08-02", "-")
	want := "anchor: 2016-08-02 (day precision, from --anchor)\n" +
		"\n" +
		"Aleppo – The army advanced on [[Tuesday|DATE 2016-08-02]] after about [[three years|DURATION P3Y APPROX]].\n" +
		"\n" +
		"2 expressions\n" +
		"  bytes  type      value       conf  mod     text\n" +
		"  32-39  DATE      2016-08-02  1.00          \"Tuesday\"\n" +
		"  52-63  DURATION  P3Y         1.00  APPROX  \"three years\"\n"
	if code != exitOK || stdout != want {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
}

// Without --anchor, the text is resolved under each likely day of the
// inferred date. testdata/resolve/month.toml pins tuesday.txt to August
// 2016 and no more: the fake resolver values "Tuesday" at each day it is
// run under, so the days disagree and agree only on the month, which
// holds all of the belief.
func TestResolveUnderBelief(t *testing.T) {
	code, stdout, stderr := run("", "resolve", "--format", "json", "--config", "testdata/resolve/month.toml", "testdata/resolve/tuesday.txt")
	var got struct {
		Anchor  map[string]any
		Timexes []struct {
			Text, Value, Earliest, Latest string
			Confidence                    float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v: %s\n%s", code, err, stderr, stdout)
	}
	if got.Anchor["value"] != "2016-08" || got.Anchor["source"] != "pin" {
		t.Errorf("anchor %v, want the pin of 2016-08", got.Anchor)
	}
	if len(got.Timexes) != 1 {
		t.Fatalf("timexes %+v, want Tuesday", got.Timexes)
	}
	tx := got.Timexes[0]
	if tx.Value != "2016-08" || tx.Confidence < 0.9 || tx.Confidence > 1 ||
		tx.Earliest < "2016-08-01" || tx.Latest > "2016-08-31" || tx.Earliest >= tx.Latest {
		t.Errorf("Tuesday = %+v; want 2016-08 with confidence >= 0.9, from a day of August to a later one", tx)
	}

	code, stdout, _ = run("", "resolve", "--config", "testdata/resolve/month.toml", "testdata/resolve/tuesday.txt")
	if want := "  bytes  type  value    conf  mod  text\n  19-26  DATE  2016-08  "; code != exitOK || !strings.Contains(stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nwant it to contain:\n%s", code, stdout, want)
	}
}

func TestMarkup(t *testing.T) {
	tx := func(start, end int, value string) timex.Timex {
		return timex.Timex{Start: start, End: end, Type: timex.Date, Value: value}
	}
	const text = "from May to June 2016"
	tests := []struct {
		name  string
		found []timex.Timex
		want  string
	}{
		{"none", nil, text},
		{"one", []timex.Timex{tx(5, 8, "2016-05")}, "from [[May|DATE 2016-05]] to June 2016"},
		{
			"unsorted",
			[]timex.Timex{tx(12, 21, "2016-06"), tx(5, 8, "2016-05")},
			"from [[May|DATE 2016-05]] to [[June 2016|DATE 2016-06]]",
		},
		{
			"with a mod",
			[]timex.Timex{{Start: 12, End: 21, Type: timex.Date, Value: "2016-06", Mod: "START"}},
			"from May to [[June 2016|DATE 2016-06 START]]",
		},
		{
			"an overlapping one is left unmarked",
			[]timex.Timex{tx(12, 16, "2016-06"), tx(12, 21, "2016-06"), tx(17, 21, "2016")},
			"from May to [[June|DATE 2016-06]] [[2016|DATE 2016]]",
		},
		{
			"spans outside the text are left unmarked",
			[]timex.Timex{tx(-1, 4, "x"), tx(8, 8, "x"), tx(17, 99, "x")},
			text,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markup(text, tt.found); got != tt.want {
				t.Errorf("markup = %q\nwant     %q", got, tt.want)
			}
		})
	}
}
