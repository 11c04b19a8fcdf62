package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/config"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

func (e *env) resolveCmd(args []string) error {
	fs := e.flags("resolve", "[--anchor YYYY-MM-DD | --narrative] [--config FILE] [--format text|json] FILE|-",
		"Resolve finds the temporal expressions of a plain-text article (FILE, or - for\n"+
			"standard input) and prints their TIMEX3 values. The text format marks each\n"+
			"expression in the article, as [[Tuesday|DATE 2016-08-02]], then lists them;\n"+
			"the JSON format gives byte offsets into the UTF-8 input, end exclusive.\n"+
			"Without --anchor or --narrative the article's own date is inferred, as\n"+
			"'timeline anchors' does, with the other articles of FILE's folder as its\n"+
			"collection, and reported with its reasons. The text is then resolved under\n"+
			"each likely day of that date: each expression's value is its most probable\n"+
			"one, its confidence the probability of that value, and earliest and latest\n"+
			"the first and last days that hold 95% of the belief about its date. A date\n"+
			"nothing fixes leaves the values open (XXXX-08-07), as the words give them.\n"+
			"With --anchor or --narrative each value is told with confidence 1, and\n"+
			"earliest and latest are its own first and last days.")
	var a anchorFlag
	fs.Var(&a, "anchor", anchorUsage)
	narrative := fs.Bool("narrative", false, "resolve each expression against the last date mentioned before it")
	format := fs.String("format", "text", "output format: text or json")
	cfgPath := fs.String("config", config.DefaultFile, "the config file, for dates pinned by hand; may be absent")
	files, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("want one FILE, or - for standard input; got %d", len(files))
	}
	if *format != "text" && *format != "json" {
		return usagef("--format %q: want text or json", *format)
	}
	anch, err := flagAnchoring(a, *narrative)
	if err != nil {
		return err
	}
	text, err := e.readInput(files[0])
	if err != nil {
		return err
	}
	var found []anchor.Resolved
	if a.value == "" && !*narrative {
		cfg, err := e.loadConfig(fs, *cfgPath)
		if err != nil {
			return err
		}
		inf := inferAnchor(files[0], text, cfg)
		anch = inferred(inf)
		found = anchor.Resolve(text, inf, e.resolve)
	} else {
		found = sure(e.resolve(text, anch.opt))
	}
	if *format == "json" {
		return writeResolveJSON(e.stdout, anch, found)
	}
	return writeResolveText(e.stdout, anch, text, found)
}

// readInput reads a whole file, or standard input for "-".
func (e *env) readInput(name string) (string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(e.stdin)
		if err != nil {
			err = fmt.Errorf("standard input: %w", err)
		}
	} else {
		data, err = os.ReadFile(name) // its errors name the file
	}
	return string(data), err
}

// sure are expressions resolved against a date taken as known: each
// value as sure as that date, and spanning its own days.
func sure(found []timex.Timex) []anchor.Resolved {
	out := make([]anchor.Resolved, len(found))
	for i, tx := range found {
		out[i] = anchor.Resolved{Timex: tx, Confidence: 1}
		if v, err := date.Parse(tx.Value); err == nil {
			out[i].Earliest, out[i].Latest = v.First(), v.Last()
		}
	}
	return out
}

// resolveJSON is resolve's JSON output.
type resolveJSON struct {
	Anchor  anchorJSON  `json:"anchor"`
	Timexes []timexJSON `json:"timexes"`
}

// timexJSON is one expression in resolve's JSON output: where it is,
// its most probable value, how probable, and the days its date may
// fall on (YYYY-MM-DD; absent for values that are not dates).
type timexJSON struct {
	timex.Timex
	Confidence float64 `json:"confidence"`
	Earliest   string  `json:"earliest,omitempty"`
	Latest     string  `json:"latest,omitempty"`
}

func writeResolveJSON(w io.Writer, anch anchoring, found []anchor.Resolved) error {
	out := resolveJSON{Anchor: anch.asJSON, Timexes: []timexJSON{}} // [] rather than null: nothing found
	for _, r := range found {
		out.Timexes = append(out.Timexes, timexJSON{r.Timex, r.Confidence, day(r.Earliest), day(r.Latest)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// day is t as YYYY-MM-DD, "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func writeResolveText(w io.Writer, anch anchoring, text string, resolved []anchor.Resolved) error {
	found := make([]timex.Timex, len(resolved))
	for i, r := range resolved {
		found[i] = r.Timex
	}
	fmt.Fprintf(w, "%s\n\n%s", anch.said, markup(text, found))
	if !strings.HasSuffix(text, "\n") {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\n%d expressions\n", len(found))
	if len(found) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  bytes\ttype\tvalue\tconf\tmod\ttext\n")
	for _, r := range resolved {
		tx := r.Timex
		fmt.Fprintf(tw, "  %d-%d\t%s\t%s\t%.2f\t%s\t%q\n", tx.Start, tx.End, tx.Type, tx.Value, r.Confidence, tx.Mod, tx.Text)
	}
	return tw.Flush()
}

// markup returns text with each expression wrapped as [[words|TYPE value]]
// (and the mod, if any, after the value). An expression that overlaps one
// already marked, or whose span is not in the text, is left unmarked: the
// list below the text still shows it.
func markup(text string, found []timex.Timex) string {
	sorted := slices.Clone(found)
	slices.SortStableFunc(sorted, func(a, b timex.Timex) int { return a.Start - b.Start })
	var sb strings.Builder
	done := 0 // text[:done] is written
	for _, tx := range sorted {
		if tx.Start < done || tx.End <= tx.Start || tx.End > len(text) {
			continue
		}
		sb.WriteString(text[done:tx.Start])
		fmt.Fprintf(&sb, "[[%s|%s %s", text[tx.Start:tx.End], tx.Type, tx.Value)
		if tx.Mod != "" {
			sb.WriteString(" " + tx.Mod)
		}
		sb.WriteString("]]")
		done = tx.End
	}
	sb.WriteString(text[done:])
	return sb.String()
}
