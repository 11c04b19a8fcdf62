package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"conflict-timeline/timeline/timex"
)

func (e *env) seedsCmd(args []string) error {
	fs := e.flags("seeds", "[--anchor YYYY-MM-DD] [--dir DIR]",
		"Seeds resolves each seed article (DIR/*.txt, plain text) and lists its dated\n"+
			"expressions, DATE and TIME, with their values. The seeds carry no date of\n"+
			"their own, so without --anchor they are resolved in narrative mode.")
	var a anchorFlag
	fs.Var(&a, "anchor", anchorUsage)
	dir := fs.String("dir", "seeds", "the folder of seed articles")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("takes no arguments; got %q", rest)
	}
	anch, err := flagAnchoring(a, false)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no seed articles (*.txt) in this folder; run from the repository root or pass --dir", *dir)
	}

	fmt.Fprintln(e.stdout, anch.said)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		text := string(data)
		writeDated(e.stdout, f, text, e.resolve(text, anch.opt))
	}
	return nil
}

// writeDated lists the expressions of one article that put something at a
// point in time: durations and sets do not.
func writeDated(w io.Writer, file, text string, found []timex.Timex) {
	fmt.Fprintf(w, "\n%s\n", file)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	n := 0
	for _, tx := range found {
		if tx.Type != timex.Date && tx.Type != timex.Time {
			continue
		}
		n++
		line := 1 + strings.Count(text[:min(max(tx.Start, 0), len(text))], "\n")
		fmt.Fprintf(tw, "  %s\t%s\t%q\tline %d\n", tx.Value, tx.Type, tx.Text, line)
	}
	tw.Flush()
	if n == 0 {
		fmt.Fprintln(w, "  (no dated expressions)")
	}
}
