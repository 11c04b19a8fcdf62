package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"conflict-timeline/timeline/config"
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
			"collection, and reported with its reasons; a date nothing fixes leaves the\n"+
			"text in narrative mode.")
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
	if a.value == "" && !*narrative {
		cfg, err := e.loadConfig(fs, *cfgPath)
		if err != nil {
			return err
		}
		anch = inferred(inferAnchor(files[0], text, cfg))
	}

	found := e.resolve(text, anch.opt)
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

// resolveJSON is resolve's JSON output.
type resolveJSON struct {
	Anchor  anchorJSON    `json:"anchor"`
	Timexes []timex.Timex `json:"timexes"`
}

func writeResolveJSON(w io.Writer, anch anchoring, found []timex.Timex) error {
	out := resolveJSON{Anchor: anch.asJSON, Timexes: found}
	if out.Timexes == nil {
		out.Timexes = []timex.Timex{} // [] rather than null: nothing found
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeResolveText(w io.Writer, anch anchoring, text string, found []timex.Timex) error {
	fmt.Fprintf(w, "%s\n\n%s", anch.said, markup(text, found))
	if !strings.HasSuffix(text, "\n") {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\n%d expressions\n", len(found))
	if len(found) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  bytes\ttype\tvalue\tmod\ttext\n")
	for _, tx := range found {
		fmt.Fprintf(tw, "  %d-%d\t%s\t%s\t%s\t%q\n", tx.Start, tx.End, tx.Type, tx.Value, tx.Mod, tx.Text)
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
