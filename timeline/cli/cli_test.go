package cli

import (
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline/timex"
)

// fakeResolve stands in for the resolver, which is written elsewhere: it
// finds "Tuesday", valued at the anchor (so tests see which anchor reached
// it, and open without one), and "three years".
func fakeResolve(text string, opt timex.Options) []timex.Timex {
	var out []timex.Timex
	if i := strings.Index(text, "Tuesday"); i >= 0 {
		value := "XXXX-WXX-2"
		if !opt.Narrative && !opt.Anchor.IsZero() {
			value = opt.Anchor.Format(time.DateOnly)
		}
		out = append(out, timex.Timex{Start: i, End: i + 7, Text: "Tuesday", Type: timex.Date, Value: value})
	}
	if i := strings.Index(text, "three years"); i >= 0 {
		out = append(out, timex.Timex{Start: i, End: i + 11, Text: "three years", Type: timex.Duration, Value: "P3Y", Mod: "APPROX"})
	}
	return out
}

// run runs the command line on the fake resolver.
func run(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errs strings.Builder
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errs, resolve: fakeResolve}
	code = e.main(args)
	return code, out.String(), errs.String()
}

func TestMainExitAndMessages(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // each must appear in its stream
		stderr string
	}{
		{[]string{"help"}, exitOK, "commands:\n  build     build the website and the exports from config.toml into public/ (the default)\n", ""},
		{[]string{"--help"}, exitOK, "Run 'timeline COMMAND -h'", ""},
		{[]string{"nope"}, exitUsage, "", `unknown command "nope"`},
		{[]string{"resolve", "-h"}, exitOK, "usage: timeline resolve [--anchor", ""},
		{[]string{"resolve"}, exitUsage, "", "timeline resolve: want one FILE, or - for standard input; got 0\nRun 'timeline resolve -h'"},
		{[]string{"resolve", "a", "b"}, exitUsage, "", "got 2"},
		{[]string{"resolve", "--anchor", "2016-08-02", "--narrative", "-"}, exitUsage, "", "--anchor and --narrative exclude each other"},
		{[]string{"resolve", "--anchor", "2016-13-02", "-"}, exitUsage, "", `invalid value "2016-13-02" for flag -anchor: want a date`},
		{[]string{"resolve", "--format", "xml", "-"}, exitUsage, "", `--format "xml": want text or json`},
		{[]string{"resolve", "--bogus", "-"}, exitUsage, "", "flag provided but not defined: -bogus"},
		{[]string{"resolve", "testdata/missing.txt"}, exitFail, "", "timeline resolve: open testdata/missing.txt: no such file"},
		{[]string{"eval"}, exitUsage, "", "want at least one PATH"},
		{[]string{"eval", "--errors", "-1", "testdata/corpus"}, exitUsage, "", "--errors -1: want 0 or more"},
		{[]string{"eval", "testdata/bad.tml"}, exitFail, "", "timeline eval: testdata/bad.tml:3: element <TIMEX3> closed by </EVENT>"},
		{[]string{"eval", "testdata/seeds"}, exitFail, "", "testdata/seeds: no .tml files"},
		{[]string{"seeds", "--dir", "testdata/nowhere"}, exitFail, "", "timeline seeds: testdata/nowhere: no seed articles"},
		{[]string{"seeds", "extra"}, exitUsage, "", `takes no arguments; got ["extra"]`},
		{[]string{"build", "extra"}, exitUsage, "", `timeline build: takes no arguments; got ["extra"]`},
		{[]string{"build", "--base-url", "user.github.io/repo"}, exitUsage, "", `--base-url "user.github.io/repo": want an absolute http or https URL`},
		{[]string{"build", "--config", "testdata/missing.toml"}, exitFail, "", "timeline build: testdata/missing.toml: open testdata/missing.toml: no such file"},
		// Here, in timeline/cli, there is no config.toml and no seeds/.
		{[]string{"--dest", "testdata/nowhere"}, exitFail, "", "timeline build: seeds: the source folder of articles is missing; create it or set [timeline] source in config.toml\n(there is no config.toml here: run timeline in a timeline's folder, name one with --config, or make one with 'timeline new DIR')"},
		{[]string{"new"}, exitUsage, "", "timeline new: want one DIR, the folder of the new timeline; got 0"},
		{[]string{"new", "a", "b"}, exitUsage, "", "got 2"},
		{[]string{"new", "testdata"}, exitFail, "", "timeline new: testdata: not empty; a new timeline needs a folder of its own"},
		{[]string{"serve", "--port", "70000"}, exitUsage, "", "--port 70000: want 0 to 65535"},
		{[]string{"serve", "--config", "testdata/missing.toml"}, exitFail, "", "timeline serve: testdata/missing.toml: open testdata/missing.toml: no such file"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := run("", tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout with %q, stderr with %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args   []string
		format string
		rest   []string
	}{
		{[]string{"a"}, "text", []string{"a"}},
		{[]string{"--format", "json", "a", "b"}, "json", []string{"a", "b"}},
		{[]string{"a", "--format=json", "b"}, "json", []string{"a", "b"}},
		{[]string{"-", "--format", "json"}, "json", []string{"-"}},
		{[]string{"a", "--", "--format", "json"}, "text", []string{"a", "--format", "json"}},
	}
	for _, tt := range tests {
		fs := (&env{}).flags("x", "", "")
		format := fs.String("format", "text", "")
		rest, err := fs.parse(tt.args)
		if err != nil || *format != tt.format || strings.Join(rest, " ") != strings.Join(tt.rest, " ") {
			t.Errorf("parse(%q) = %q, format %q, %v; want %q, format %q", tt.args, rest, *format, err, tt.rest, tt.format)
		}
	}
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			name: "anchored",
			args: []string{"seeds", "--anchor", "2016-08-02", "--dir", "testdata/seeds"},
			want: "anchor: 2016-08-02 (day precision, from --anchor)\n" +
				"\ntestdata/seeds/a.txt\n" +
				"  2016-08-02  DATE  \"Tuesday\"  line 2\n" +
				"\ntestdata/seeds/b.txt\n" +
				"  (no dated expressions)\n",
		},
		{
			name: "narrative",
			args: []string{"seeds", "--dir", "testdata/seeds"},
			want: "anchor: none, narrative mode (no --anchor given): each expression is resolved against the last date mentioned before it\n" +
				"\ntestdata/seeds/a.txt\n" +
				"  XXXX-WXX-2  DATE  \"Tuesday\"  line 2\n" +
				"\ntestdata/seeds/b.txt\n" +
				"  (no dated expressions)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run("", tt.args...)
			if code != exitOK || stdout != tt.want {
				t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, tt.want)
			}
		})
	}
}
