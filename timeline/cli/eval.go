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
	fs := e.flags("eval", "[--narrative | --infer-anchor [--known year|month] [--anchors-only]] [--errors N] [--categories] [--sample N [--seed S]] [--format text|json] PATH...",
		"Eval resolves the <TEXT> of TimeML files (.tml) and scores the result against\n"+
			"their TIMEX3 in the TempEval-3 way: strict span (same words), relaxed span\n"+
			"(overlap), and value and type over relaxed matches. Each PATH, a file or a\n"+
			"folder of .tml files, is one corpus. Documents are anchored at their <DCT>\n"+
			"unless --narrative or --infer-anchor is given. Scores are in points.\n"+
			"\n"+
			"With --infer-anchor the <DCT> is hidden: each document's date is inferred from\n"+
			"its title and text as a belief over days, and the document is resolved under\n"+
			"each likely day, each expression told with its most probable value and the\n"+
			"probability of it. --known year (or month) reveals that much of the <DCT>, as\n"+
			"a collection or a pin in config.toml would, and leaves the rest to the text.\n"+
			"Besides the scores, eval then prints the value F1 with the true <DCT> for\n"+
			"comparison; the values of the relaxed matches judged exact, coarser (a period\n"+
			"holding the gold value) or wrong; the calibration of the confidences; and the\n"+
			"inferred anchors against the <DCT>: how often the likeliest day is right to\n"+
			"the day, the month and the year, how often the precision claimed held, and\n"+
			"how many days claimed as sure were wrong. --anchors-only scores the anchors\n"+
			"alone, for corpora whose TIMEX3 values are not gold (the TempEval-3 silver).\n"+
			"\n"+
			"--categories counts the mismatches of each corpus and of the total by kind:\n"+
			"missed and spurious by type and word class, value differences (of relaxed\n"+
			"matches) by what differs, then type and span differences; each mismatch in\n"+
			"one category. --sample N draws N mismatches of the total at random, the same\n"+
			"for the same --seed, each with its sentence, gold and system, and the <DCT>,\n"+
			"to be judged by hand.")
	narrative := fs.Bool("narrative", false, "resolve each expression against the last date mentioned before it, not the DCT")
	infer := fs.Bool("infer-anchor", false, "hide the <DCT>: resolve each document under the belief its own text gives about its date, and score that belief")
	known := fs.String("known", "", "with --infer-anchor: reveal this much of the <DCT>, `year` or month, as a pin")
	anchorsOnly := fs.Bool("anchors-only", false, "with --infer-anchor: score the inferred anchors only, not the TIMEX3")
	nErrors := fs.Int("errors", 0, "list the first `N` mismatches of each corpus, to study (and with --infer-anchor the first N wrong values told with confidence >= 0.8)")
	categories := fs.Bool("categories", false, "count the mismatches of each corpus by category")
	sample := fs.Int("sample", 0, "draw `N` mismatches of the total at random, with their sentences, to judge by hand")
	seed := fs.Uint64("seed", 1, "with --sample: the `seed` of the draw")
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
	case *sample < 0:
		return usagef("--sample %d: want 0 or more", *sample)
	case *format != "text" && *format != "json":
		return usagef("--format %q: want text or json", *format)
	case *narrative && *infer:
		return usagef("--narrative and --infer-anchor exclude each other")
	case *known != "" && *known != "year" && *known != "month":
		return usagef("--known %q: want year or month", *known)
	case *known != "" && !*infer:
		return usagef("--known needs --infer-anchor")
	case *anchorsOnly && !*infer:
		return usagef("--anchors-only needs --infer-anchor")
	case *anchorsOnly && (*categories || *sample > 0):
		return usagef("--categories and --sample need the TIMEX3 scored, not --anchors-only")
	}

	rep := report{narrative: *narrative, inferred: *infer, known: *known, anchorsOnly: *anchorsOnly, errors: *nErrors,
		categories: *categories, sample: *sample, seed: *seed}
	for _, p := range paths {
		docs, err := timeml.Load(p)
		if err != nil {
			return err
		}
		name := corpusName(p)
		cfg := eval.Config{Narrative: *narrative, Resolve: e.resolve}
		if !*infer {
			rep.corpora = append(rep.corpora, eval.Evaluate(name, docs, cfg))
			continue
		}
		hook, score := beliefs(*known)
		rep.anchors = append(rep.anchors, score)
		if *anchorsOnly {
			for _, d := range docs {
				hook(d)
			}
			rep.corpora = append(rep.corpora, eval.Result{Name: name, Documents: len(docs)})
			continue
		}
		cfg.Anchor = hook
		rep.corpora = append(rep.corpora, eval.Evaluate(name, docs, cfg))
		rep.truth = append(rep.truth, eval.Evaluate(name, docs, eval.Config{Resolve: e.resolve}))
	}
	if len(rep.corpora) > 1 {
		rep.total = new(eval.Total("total", rep.corpora))
		if len(rep.truth) > 0 {
			rep.truthTotal = new(eval.Total("total", rep.truth))
		}
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
	inferred  bool   // resolved under inferred beliefs, scored in anchors
	known     string // with inferred: how much of the <DCT> was revealed
	// anchorsOnly: only the anchors were scored; corpora have their
	// names and document counts alone.
	anchorsOnly bool
	corpora     []eval.Result
	anchors     []*beliefScore // by corpus; nil unless inferred
	total       *eval.Result   // nil with a single corpus
	// truth are the corpora resolved at their <DCT>, beside the
	// inferred runs; truthTotal their total.
	truth      []eval.Result
	truthTotal *eval.Result
	errors     int // how many errors to list per corpus
	categories bool
	sample     int    // how many mismatches of the total to draw
	seed       uint64 // the seed of the draw
}

func (r report) mode() string {
	switch {
	case r.narrative:
		return "narrative"
	case r.anchorsOnly:
		return "anchors"
	case r.inferred:
		return "inferred"
	}
	return "dct"
}

// how says how the documents were anchored.
func (r report) how() string {
	switch {
	case r.narrative:
		return "narrative mode, no anchor"
	case r.inferred:
		s := "each document anchored at the date inferred from its text, <DCT> hidden"
		if r.known != "" {
			s += "; its " + r.known + " given, as a pin would give it"
		}
		return s
	}
	return "each document anchored at its <DCT>"
}

func (r report) writeText(w io.Writer) error {
	rows := slices.Clone(r.corpora)
	if r.total != nil {
		rows = append(rows, *r.total)
	}
	nameWidth := len("corpus")
	for _, res := range rows {
		nameWidth = max(nameWidth, len(res.Name))
	}
	if r.anchorsOnly {
		fmt.Fprintf(w, "Anchors only, TIMEX3 not scored: %s\n", r.how())
		writeAnchorScores(w, r.corpora, r.anchors, nameWidth)
		return nil
	}
	fmt.Fprintf(w, "TempEval-3 scores in points, %s\n\n", r.how())
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
		r.writeBeliefScores(w, nameWidth)
		writeAnchorScores(w, r.corpora, r.anchors, nameWidth)
	}
	r.writeErrors(w)
	if r.categories {
		writeCategories(w, rows)
	}
	if r.sample > 0 {
		r.writeSample(w)
	}
	return nil
}

// writeErrors lists the first mismatches of each corpus, as many as
// --errors says.
func (r report) writeErrors(w io.Writer) {
	if r.errors == 0 {
		return
	}
	for _, res := range r.corpora {
		shown := res.Errors[:min(r.errors, len(res.Errors))]
		fmt.Fprintf(w, "\n%s: %d of %d errors\n", res.Name, len(shown), len(res.Errors))
		for _, e := range shown {
			writeError(w, e)
		}
		if r.inferred {
			wrong := sureWrong(res.Judged)
			shown := wrong[:min(r.errors, len(wrong))]
			fmt.Fprintf(w, "\n%s: %d of %d wrong values told with confidence >= %.1f\n", res.Name, len(shown), len(wrong), sureAt)
			for _, j := range shown {
				writeJudged(w, j)
			}
		}
	}
}

// writeCategories writes, for each corpus and the total, its mismatches
// counted by category, the most frequent first.
func writeCategories(w io.Writer, rows []eval.Result) {
	for _, res := range rows {
		cats := eval.Categories(res.Errors)
		width := len("category")
		for _, c := range cats {
			width = max(width, len(c.Category))
		}
		fmt.Fprintf(w, "\n%s: %d mismatches by category\n", res.Name, len(res.Errors))
		fmt.Fprintf(w, "  %-*s %6s\n", width, "category", "count")
		for _, c := range cats {
			fmt.Fprintf(w, "  %-*s %6d\n", width, c.Category, c.Count)
		}
	}
}

// sampled draws the mismatches of the total (or of the one corpus) that
// --sample asks for.
func (r report) sampled() []eval.Error {
	all := r.corpora
	if r.total != nil {
		all = []eval.Result{*r.total}
	}
	var errs []eval.Error
	for _, res := range all {
		errs = append(errs, res.Errors...)
	}
	return eval.Sample(errs, r.sample, r.seed)
}

// writeSample writes the drawn mismatches, numbered, each with its
// category, gold and system, <DCT> and sentence.
func (r report) writeSample(w io.Writer) {
	sample := r.sampled()
	fmt.Fprintf(w, "\nsample of %d mismatches, seed %d\n", len(sample), r.seed)
	for i, e := range sample {
		fmt.Fprintf(w, "\n%3d. %s  %s  DCT %s  [%s]\n", i+1, e.Doc, e.Problem, e.DCT, eval.Category(e))
		if e.Gold != nil {
			fmt.Fprintf(w, "     gold   %s\n", describe(*e.Gold))
		}
		if e.System != nil {
			fmt.Fprintf(w, "     system %s\n", describe(*e.System))
		}
		fmt.Fprintf(w, "     %s\n", e.Sentence)
	}
}

// sampleJSON is one drawn mismatch in eval's JSON output.
type sampleJSON struct {
	eval.Error
	Category string `json:"category"`
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
	Scores *eval.Scores `json:"scores,omitempty"` // nil with --anchors-only
	// Beside, with --infer-anchor: the scores with the true <DCT>, the
	// judgements of the values and their calibration.
	*beliefJSON
	Anchors   *anchor.Score `json:"anchors,omitempty"`
	Likeliest *dayScore     `json:"likeliest,omitempty"`
	Errors    []eval.Error  `json:"errors,omitempty"`
	// Categories, with --categories: the mismatches counted by category.
	Categories []eval.CategoryCount `json:"categories,omitempty"`
	// SureWrong are the first wrong values told with confidence >=
	// sureAt, as many as --errors says.
	SureWrong []eval.Judged `json:"sure_wrong,omitempty"`
}

// beliefJSON is what --infer-anchor adds to a corpus in JSON.
type beliefJSON struct {
	DCTScores eval.Scores `json:"dct_scores"`
	// ValueF1Ratio is the value F1 with the inferred anchors over the
	// value F1 with the true <DCT>.
	ValueF1Ratio float64       `json:"value_f1_ratio"`
	Verdicts     eval.Verdicts `json:"verdicts"`
	DCTVerdicts  eval.Verdicts `json:"dct_verdicts"`
	// NewlyWrong are the values wrong where the <DCT> gave them exact or
	// coarser.
	NewlyWrong  int         `json:"newly_wrong"`
	Calibration []eval.Band `json:"calibration"`
	// Sure are the judgements with confidence >= sureAt, by verdict,
	// and SureNewlyWrong those of them newly wrong.
	Sure           eval.Verdicts `json:"sure"`
	SureNewlyWrong int           `json:"sure_newly_wrong"`
}

func (r report) writeJSON(w io.Writer) error {
	out := struct {
		Mode    string       `json:"mode"`
		Known   string       `json:"known,omitempty"`
		Corpora []corpusJSON `json:"corpora"`
		Total   *corpusJSON  `json:"total,omitempty"`
		Sample  []sampleJSON `json:"sample,omitempty"`
	}{Mode: r.mode(), Known: r.known}
	if r.sample > 0 {
		for _, e := range r.sampled() {
			out.Sample = append(out.Sample, sampleJSON{e, eval.Category(e)})
		}
	}
	for i, res := range r.corpora {
		c := corpusJSON{Result: res}
		if !r.anchorsOnly {
			c.Scores = new(res.Scores())
			c.Errors = res.Errors[:min(r.errors, len(res.Errors))]
			if r.categories {
				c.Categories = eval.Categories(res.Errors)
			}
		}
		if r.inferred {
			c.Anchors, c.Likeliest = &r.anchors[i].anchors, &r.anchors[i].likeliest
			if !r.anchorsOnly {
				c.beliefJSON = newBeliefJSON(res, r.truth[i])
				wrong := sureWrong(res.Judged)
				c.SureWrong = wrong[:min(r.errors, len(wrong))]
			}
		}
		out.Corpora = append(out.Corpora, c)
	}
	if r.total != nil {
		t := corpusJSON{Result: *r.total}
		if !r.anchorsOnly {
			t.Scores = new(r.total.Scores())
			if r.categories {
				t.Categories = eval.Categories(r.total.Errors)
			}
		}
		if r.truthTotal != nil {
			t.beliefJSON = newBeliefJSON(*r.total, *r.truthTotal)
		}
		out.Total = &t
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newBeliefJSON(got, truth eval.Result) *beliefJSON {
	sure := eval.Sure(got.Judged, sureAt)
	return &beliefJSON{
		DCTScores:      truth.Scores(),
		ValueF1Ratio:   ratio(got.Scores().Value.F1, truth.Scores().Value.F1),
		Verdicts:       eval.Count(got.Judged),
		DCTVerdicts:    eval.Count(truth.Judged),
		NewlyWrong:     eval.NewlyWrong(got.Judged, truth.Judged),
		Calibration:    eval.Calibrate(got.Judged, eval.Bands),
		Sure:           eval.Count(sure),
		SureNewlyWrong: eval.NewlyWrong(sure, truth.Judged),
	}
}
