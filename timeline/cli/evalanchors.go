package cli

import (
	"fmt"
	"io"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// inferFromText is eval's InferAnchor hook for --infer-anchor: it anchors
// each document at the date inferred from its title and text, the <DCT>
// unseen, and scores that anchor against the <DCT> on the way. Documents
// whose <DCT> is not a day are anchored but not scored. Evaluate calls
// the hook once per document, in turn.
func inferFromText() (func(*timeml.Document) timex.Options, *anchor.Score) {
	score := &anchor.Score{}
	return func(d *timeml.Document) timex.Options {
		a := anchor.Text(d.Title, d.Text, anchor.Options{})
		if d.DCTGranularity == timex.GranDay {
			score.Add(a, d.DCT)
		}
		return a.Options()
	}, score
}

// writeAnchorScores writes the anchor inference figures of each corpus,
// as shares of its documents in percent.
func writeAnchorScores(w io.Writer, corpora []eval.Result, scores []*anchor.Score, nameWidth int) {
	fmt.Fprintf(w, "\nInferred anchors against the <DCT>, in %% of the documents with a day as <DCT>:\n")
	fmt.Fprintln(w, "the likeliest day right to the day, month and year; the anchors that claim a")
	fmt.Fprintln(w, "period (day, week, month or year), the share of those claims that held, and")
	fmt.Fprintln(w, "the count of days claimed as sure that were wrong.")
	fmt.Fprintf(w, "%-*s %5s %6s %6s %6s %8s %6s %11s\n", nameWidth, "corpus", "docs", "day", "month", "year", "claimed", "held", "wrong days")
	var total anchor.Score
	for i, s := range scores {
		writeAnchorRow(w, nameWidth, corpora[i].Name, s)
		total.Documents += s.Documents
		total.Claimed += s.Claimed
		total.Day, total.Month, total.Year = total.Day+s.Day, total.Month+s.Month, total.Year+s.Year
		total.Held += s.Held
		total.WrongDays += s.WrongDays
	}
	if len(scores) > 1 {
		writeAnchorRow(w, nameWidth, "total", &total)
	}
}

func writeAnchorRow(w io.Writer, nameWidth int, name string, s *anchor.Score) {
	fmt.Fprintf(w, "%-*s %5d %6.2f %6.2f %6.2f %8.2f %6s %11d\n", nameWidth, name, s.Documents,
		pct(s.Day, s.Documents), pct(s.Month, s.Documents), pct(s.Year, s.Documents),
		pct(s.Claimed, s.Documents), heldShare(s), s.WrongDays)
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// heldShare is the share of claims that held, "-" when nothing was
// claimed.
func heldShare(s *anchor.Score) string {
	if s.Claimed == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", pct(s.Held, s.Claimed))
}
