package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// testdata/anchors holds a dated article, one the collection dates, and
// three that cannot be read: empty, binary and malformed.
func TestAnchorsCommand(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // each must appear
		stderr []string
	}{
		{
			name: "a table, the reasons, and each bad file named with its reason",
			args: []string{"anchors", "testdata/anchors"},
			code: exitFail,
			stdout: []string{
				"article      anchor      precision  confidence  source\n" +
					"dated.txt    2016-08-12  day        0.99        dateline\n" +
					"related.txt  2016        year       ",
				"\nrelated.txt\n  - the lead reports \"Saturday\"",
				"  - the collection: it shares rare names with dated (2016-08-12, day precision: \"Hamdaniya\", \"Kobani\", \"Manbij\")\n",
			},
			stderr: []string{
				"timeline anchors: testdata/anchors/binary.txt:2: binary data, not text\n",
				"timeline anchors: testdata/anchors/empty.txt: empty file\n",
				"timeline anchors: testdata/anchors/malformed.md:1: TOML front matter opened with +++ is never closed\n",
				"timeline anchors: 3 of 5 files could not be read\n",
			},
		},
		{
			name:   "a pin from --config",
			args:   []string{"anchors", "--config", "testdata/pins.toml", "testdata/anchors"},
			code:   exitFail,
			stdout: []string{"related.txt  2016-08-13  day        1.00        pin\n", "config.toml pins this article at 2016-08-13"},
		},
		{name: "no such folder", args: []string{"anchors", "testdata/nowhere"}, code: exitFail, stderr: []string{"testdata/nowhere: cannot read: no such file"}},
		{name: "a folder with no articles", args: []string{"anchors", "testdata/corpus"}, code: exitFail, stderr: []string{"testdata/corpus: no articles here"}},
		{name: "a missing --config", args: []string{"anchors", "--config", "testdata/none.toml", "testdata/anchors"}, code: exitFail, stderr: []string{"testdata/none.toml"}},
		{name: "two folders", args: []string{"anchors", "a", "b"}, code: exitUsage, stderr: []string{"want at most one DIR; got 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run("", tt.args...)
			ok := code == tt.code
			for _, s := range tt.stdout {
				ok = ok && strings.Contains(stdout, s)
			}
			for _, s := range tt.stderr {
				ok = ok && strings.Contains(stderr, s)
			}
			if !ok {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout with %q, stderr with %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func TestAnchorsJSON(t *testing.T) {
	code, stdout, stderr := run("", "anchors", "--format", "json", "testdata/anchors")
	var got struct {
		Articles []struct {
			File   string
			Anchor struct {
				Date, Value, Precision, Source string
				Confidence                     float64
				Reasons                        []string
			}
		}
		Errors []struct{ File, Error string }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitFail {
		t.Fatalf("exit %d, %v: %s\n%s", code, err, stderr, stdout)
	}
	a := got.Articles
	if len(a) != 2 || a[0].File != "dated.txt" || a[0].Anchor.Value != "2016-08-12" || a[0].Anchor.Source != "dateline" ||
		a[1].Anchor.Precision != "year" || a[1].Anchor.Date != "2016-08-13" || len(a[1].Anchor.Reasons) == 0 {
		t.Errorf("articles %+v", a)
	}
	want := []struct{ File, Error string }{
		{"binary.txt", "line 2: binary data, not text"},
		{"empty.txt", "empty file"},
		{"malformed.md", "line 1: TOML front matter opened with +++ is never closed"},
	}
	if len(got.Errors) != len(want) {
		t.Fatalf("errors %+v, want %+v", got.Errors, want)
	}
	for i, w := range want {
		if got.Errors[i] != w {
			t.Errorf("error %d = %+v, want %+v", i, got.Errors[i], w)
		}
	}
}

// Without --anchor, resolve infers the anchor with the article's folder
// as its collection, and reports it with its reasons.
func TestResolveInfers(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		input  string
		anchor map[string]any // the fields to compare
		reason string
		value  string // the fake resolver values "Tuesday" at the anchor
	}{
		{
			name:   "from the collection of its folder",
			args:   []string{"resolve", "--format", "json", "testdata/anchors/related.txt"},
			anchor: map[string]any{"date": "2016-08-13", "precision": "year", "narrative": false, "value": "2016", "source": "collection"},
			reason: "the collection: it shares rare names with dated",
		},
		{
			name:   "standard input, by itself",
			args:   []string{"resolve", "--format", "json", "-"},
			input:  "BEIRUT, Aug. 2, 2016 (Reuters) - Rebels advanced on Tuesday.",
			anchor: map[string]any{"date": "2016-08-02", "precision": "day", "narrative": false, "value": "2016-08-02", "source": "dateline"},
			reason: "the dateline",
			value:  "2016-08-02",
		},
		{
			name:   "nothing to go by: no date, the values open, and why",
			args:   []string{"resolve", "--format", "json", "-"},
			input:  "Rebels advanced on Tuesday.",
			anchor: map[string]any{"date": "", "precision": "unknown", "narrative": false, "source": "none"},
			reason: "nothing names a year",
			value:  "XXXX-WXX-2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(tt.input, tt.args...)
			var got struct {
				Anchor  map[string]any
				Timexes []map[string]any
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
				t.Fatalf("exit %d, %v: %s\n%s", code, err, stderr, stdout)
			}
			for k, v := range tt.anchor {
				if got.Anchor[k] != v {
					t.Errorf("anchor %s = %v, want %v", k, got.Anchor[k], v)
				}
			}
			reasons, _ := got.Anchor["reasons"].([]any)
			if !strings.Contains(strings.TrimSpace(strings.Join(strs(reasons), "\n")), tt.reason) {
				t.Errorf("reasons %v, want one with %q", reasons, tt.reason)
			}
			if tt.value != "" && (len(got.Timexes) != 1 || got.Timexes[0]["value"] != tt.value) {
				t.Errorf("timexes %v, want Tuesday valued %s", got.Timexes, tt.value)
			}
		})
	}
}

func strs(v []any) []string {
	var out []string
	for _, x := range v {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func TestResolveInfersText(t *testing.T) {
	code, stdout, _ := run("BEIRUT, Aug. 2, 2016 (Reuters) - Rebels advanced on Tuesday.", "resolve", "-")
	want := "anchor: 2016-08-02, likeliest day 2016-08-02 (day precision, confidence 0.99, inferred from the dateline)\n" +
		"  - the dateline \"BEIRUT, Aug. 2, 2016 (Reuters) -\" gives the day the story was filed, August 2, 2016\n"
	if code != exitOK || !strings.HasPrefix(stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nwant it to start:\n%s", code, stdout, want)
	}
}

func TestEvalInferAnchor(t *testing.T) {
	code, stdout, stderr := run("", "eval", "--infer-anchor", "testdata/corpus")
	for _, w := range []string{
		"each document anchored at the date inferred from its text, <DCT> hidden",
		"corpus  docs    day  month   year  claimed   held  wrong days\n" +
			"corpus     1   0.00   0.00   0.00     0.00      -           0\n",
	} {
		if code != exitOK || !strings.Contains(stdout, w) {
			t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant it to contain:\n%s", code, stderr, stdout, w)
		}
	}
	code, stdout, _ = run("", "eval", "--infer-anchor", "--format", "json", "testdata/corpus")
	var got struct {
		Mode    string
		Corpora []struct{ Anchors map[string]any }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK || got.Mode != "inferred" || got.Corpora[0].Anchors["documents"] != 1.0 {
		t.Errorf("exit %d, %v, %+v", code, err, got)
	}
	if code, _, stderr := run("", "eval", "--infer-anchor", "--narrative", "testdata/corpus"); code != exitUsage || !strings.Contains(stderr, "exclude each other") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
