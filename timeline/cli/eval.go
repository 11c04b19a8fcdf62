package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

func (e *env) evalCmd(args []string) error {
	fs := e.flags("eval", "[--narrative | --infer-anchor] [--errors N] [--format text|json] PATH...",
		"Eval resolves the <TEXT> of TimeML files (.tml) and scores the result against\n"+
			"their TIMEX3 in the TempEval-3 way: strict span (same words), relaxed span\n"+
			"(overlap), and value and type over relaxed matches. Each PATH, a file or a\n"+
			"folder of .tml files, is one corpus. Documents are anchored at their <DCT>\n"+
			"unless --narrative or --infer-anchor is given. Scores are in points.\n"+
			"\n"+
			"With --infer-anchor the <DCT> is hidden: each document is anchored at the date\n"+
			"inferred from its title and text, and the inferred anchors are scored against\n"+
			"the <DCT> too: how often the likeliest day is right to the day, the month and\n"+
			"the year, how often the precision claimed held, and how many days claimed as\n"+
			"sure were wrong.")
	narrative := fs.Bool("narrative", false, "resolve each expression against the last date mentioned before it, not the DCT")
	infer := fs.Bool("infer-anchor", false, "hide the <DCT>: anchor each document at the date its own text gives, and score those anchors")
	nErrors := fs.Int("errors", 0, "list the first `N` mismatches of each corpus, to study")
	format := fs.String("format", "text", "output format: text or json")
	paths, err := fs.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(paths) == 0:
		return usagef("want at least one PATH, a .tml file or a folder of them")
	case *nErrors < 0:
		return usagef("--errors %d: want 0 or more", *nErrors)
	case *format != "text" && *format != "json":
		return usagef("--format %q: want text or json", *format)
	case *narrative && *infer:
		return usagef("--narrative and --infer-anchor exclude each other")
	}

	rep := report{narrative: *narrative, inferred: *infer, errors: *nErrors}
	for _, p := range paths {
		docs, err := timeml.Load(p)
		if err != nil {
			return err
		}
		cfg := eval.Config{Narrative: *narrative, Resolve: e.resolve}
		var score *anchor.Score
		if *infer {
			cfg.InferAnchor, score = inferFromText()
		}
		rep.corpora = append(rep.corpora, eval.Evaluate(corpusName(p), docs, cfg))
		rep.anchors = append(rep.anchors, score)
	}
	if len(rep.corpora) > 1 {
		rep.total = new(eval.Total("total", rep.corpora))
	}
	if *format == "json" {
		return rep.writeJSON(e.stdout)
	}
	return rep.writeText(e.stdout)
}

// corpusName names a corpus row after its folder or file.
func corpusName(path string) string {
	return strings.TrimSuffix(filepath.Base(filepath.Clean(path)), ".tml")
}

// report is what eval prints.
type report struct {
	narrative bool
	inferred  bool // anchored at inferred anchors, scored in anchors
	corpora   []eval.Result
	anchors   []*anchor.Score // by corpus; nil entries unless inferred
	total     *eval.Result    // nil with a single corpus
	errors    int             // how many errors to list per corpus
}

func (r report) mode() string {
	switch {
	case r.narrative:
		return "narrative"
	case r.inferred:
		return "inferred"
	}
	return "dct"
}

func (r report) writeText(w io.Writer) error {
	how := "each document anchored at its <DCT>"
	switch {
	case r.narrative:
		how = "narrative mode, no anchor"
	case r.inferred:
		how = "each document anchored at the date inferred from its text, <DCT> hidden"
	}
	fmt.Fprintf(w, "TempEval-3 scores in points, %s\n\n", how)
	rows := slices.Clone(r.corpora)
	if r.total != nil {
		rows = append(rows, *r.total)
	}
	nameWidth := len("corpus")
	for _, res := range rows {
		nameWidth = max(nameWidth, len(res.Name))
	}
	groups := fmt.Sprintf("%-*s %5s %6s %6s"+strings.Repeat("  %-20s", 4), nameWidth, "", "", "", "", "strict", "relaxed", "value", "type")
	fmt.Fprintln(w, strings.TrimRight(groups, " "))
	fmt.Fprintf(w, "%-*s %5s %6s %6s", nameWidth, "corpus", "docs", "gold", "system")
	for range 4 {
		fmt.Fprintf(w, "  %6s %6s %6s", "P", "R", "F1")
	}
	fmt.Fprintln(w)
	for _, res := range rows {
		c, s := res.Counts, res.Scores()
		fmt.Fprintf(w, "%-*s %5d %6d %6d", nameWidth, res.Name, res.Documents, c.Gold, c.System)
		for _, m := range []eval.PRF{s.Strict, s.Relaxed, s.Value, s.Type} {
			fmt.Fprintf(w, "  %6.2f %6.2f %6.2f", m.P, m.R, m.F1)
		}
		fmt.Fprintln(w)
	}
	if r.inferred {
		writeAnchorScores(w, r.corpora, r.anchors, nameWidth)
	}
	if r.errors == 0 {
		return nil
	}
	for _, res := range r.corpora {
		shown := res.Errors[:min(r.errors, len(res.Errors))]
		fmt.Fprintf(w, "\n%s: %d of %d errors\n", res.Name, len(shown), len(res.Errors))
		for _, e := range shown {
			writeError(w, e)
		}
	}
	return nil
}

// writeError writes one mismatch on two lines: what was expected and
// found, then the words around it.
func writeError(w io.Writer, e eval.Error) {
	var parts []string
	if e.Gold != nil {
		parts = append(parts, "gold "+describe(*e.Gold))
	}
	if e.System != nil {
		parts = append(parts, "system "+describe(*e.System))
	}
	fmt.Fprintf(w, "  %-10s %s  %s\n      %s\n", e.Problem, e.Doc, strings.Join(parts, " | "), e.Context)
}

func describe(tx timex.Timex) string {
	s := fmt.Sprintf("%s %s %s", strconv.Quote(tx.Text), tx.Type, tx.Value)
	if tx.Mod != "" {
		s += " " + tx.Mod
	}
	return s
}

// corpusJSON is one corpus in eval's JSON output.
type corpusJSON struct {
	eval.Result
	Scores  eval.Scores   `json:"scores"`
	Anchors *anchor.Score `json:"anchors,omitempty"`
	Errors  []eval.Error  `json:"errors,omitempty"`
}

func (r report) writeJSON(w io.Writer) error {
	out := struct {
		Mode    string       `json:"mode"`
		Corpora []corpusJSON `json:"corpora"`
		Total   *corpusJSON  `json:"total,omitempty"`
	}{Mode: r.mode()}
	for i, res := range r.corpora {
		out.Corpora = append(out.Corpora, corpusJSON{res, res.Scores(), r.anchors[i], res.Errors[:min(r.errors, len(res.Errors))]})
	}
	if r.total != nil {
		out.Total = &corpusJSON{Result: *r.total, Scores: r.total.Scores()}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
