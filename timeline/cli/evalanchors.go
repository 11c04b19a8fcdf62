package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"time"

	"conflict-timeline/timeline/anchor"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/eval"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// sureAt is the confidence from which a value is told as sure: among
// those, wrong values must be rare.
const sureAt = 0.8

// beliefScore is how a corpus's inferred anchors fared against the
// <DCT>: as anchors (the period claimed, the day as anchor.Score counts
// it) and as beliefs (the likeliest day).
type beliefScore struct {
	anchors   anchor.Score
	likeliest dayScore
}

// dayScore tallies the likeliest days of beliefs against the true days.
type dayScore struct {
	Documents int `json:"documents"`
	// Day, NearDay, Month and Year count the documents whose likeliest
	// day is the true day, within a day of it (a wire's <DCT> is often
	// the day after its dateline), in its month and in its year.
	Day     int `json:"day"`
	NearDay int `json:"near_day"`
	Month   int `json:"month"`
	Year    int `json:"year"`
	// TrueP is the sum over the documents of the probability the
	// belief gives the true day; its mean is TrueP over Documents.
	TrueP float64 `json:"true_p"`
}

func (s *dayScore) add(a anchor.Anchor, truth time.Time) {
	s.Documents++
	for _, c := range a.Belief {
		if c.Day.Equal(truth) {
			s.TrueP += c.P
		}
	}
	l := a.Likeliest()
	if l.IsZero() {
		return
	}
	same := func(layout string) bool { return l.Format(layout) == truth.Format(layout) }
	lag := l.Sub(truth).Hours() / 24
	s.Day += b2i(same(time.DateOnly))
	s.NearDay += b2i(lag >= -1 && lag <= 1)
	s.Month += b2i(same("2006-01"))
	s.Year += b2i(same("2006"))
}

func (s *dayScore) plus(o dayScore) {
	s.Documents += o.Documents
	s.Day, s.NearDay, s.Month, s.Year = s.Day+o.Day, s.NearDay+o.NearDay, s.Month+o.Month, s.Year+o.Year
	s.TrueP += o.TrueP
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// beliefs is eval's Anchor hook for --infer-anchor: it infers each
// document's date from its title and text, the <DCT> unseen but for
// what known reveals of it ("year", "month" or nothing) as a pin of
// that period, and scores the anchor against the <DCT> on the way.
// Documents whose <DCT> is not a day are anchored but not scored.
// Evaluate calls the hook once per document, in turn. The text is read
// with the real resolver, whatever resolver is under test: inferring
// the anchor is part of the system measured.
func beliefs(known string) (func(*timeml.Document) anchor.Anchor, *beliefScore) {
	score := &beliefScore{}
	return func(d *timeml.Document) anchor.Anchor {
		art := documentArticle(d)
		var opt anchor.Options
		if pin := reveal(d, known); pin != "" {
			opt.Pins = map[string]string{pinName(art): pin}
		}
		a := anchor.Article(art, opt)
		if d.DCTGranularity == timex.GranDay {
			score.anchors.Add(a, d.DCT)
			score.likeliest.add(a, d.DCT)
		}
		return a
	}, score
}

// documentArticle is a TimeML document as the article it was: its
// headline and text, nothing else.
func documentArticle(d *timeml.Document) *article.Article {
	path := d.Path
	if path == "" {
		path = d.ID + ".tml"
	}
	return &article.Article{Path: path, Title: d.Title, Text: d.Text}
}

// pinName is the name a pin of the article is filed under.
func pinName(a *article.Article) string { return filepath.Base(a.Path) }

// reveal is as much of the document's <DCT> as known says, written as
// a pin: "1998" for year, "1998-01" for month. A <DCT> that does not
// know the month reveals its year alone; none reveals nothing.
func reveal(d *timeml.Document, known string) string {
	if d.DCT.IsZero() || d.DCTGranularity == timex.GranUnknown {
		return ""
	}
	switch {
	case known == "month" && (d.DCTGranularity == timex.GranMonth || d.DCTGranularity == timex.GranDay):
		return d.DCT.Format("2006-01")
	case known == "month" || known == "year":
		return d.DCT.Format("2006")
	}
	return ""
}

// writeBeliefScores writes what --infer-anchor measures beside the
// TempEval-3 scores: the value F1 against the one with the true <DCT>,
// the values judged exact, coarser or wrong, and the calibration of
// their confidence.
func (r report) writeBeliefScores(w io.Writer, nameWidth int) {
	rows, truth := r.corpora, r.truth
	if r.total != nil {
		rows, truth = append(rows[:len(rows):len(rows)], *r.total), append(truth[:len(truth):len(truth)], *r.truthTotal)
	}
	fmt.Fprintf(w, "\nValue F1 with the inferred anchors beside the value F1 with the true <DCT>:\n")
	fmt.Fprintf(w, "%-*s %8s %8s %7s\n", nameWidth, "corpus", "inferred", "<DCT>", "ratio")
	for i, res := range rows {
		got, want := res.Scores().Value.F1, truth[i].Scores().Value.F1
		fmt.Fprintf(w, "%-*s %8.2f %8.2f %6.1f%%\n", nameWidth, res.Name, got, want, 100*ratio(got, want))
	}

	fmt.Fprintf(w, "\nThe values of the relaxed matches in %%: exact; coarser, a period that holds the\n")
	fmt.Fprintf(w, "gold value; open, a value left open (XXXX-08-07) that agrees with it; or wrong.\n")
	fmt.Fprintf(w, "Newly wrong are wrong where the true <DCT> did not make them wrong.\n")
	fmt.Fprintf(w, "%-*s %7s  %-38s  %s\n", nameWidth, "", "", "inferred anchors", "true <DCT>")
	fmt.Fprintf(w, "%-*s %7s  %6s %7s %6s %6s %8s  %6s %7s %6s %6s\n", nameWidth, "corpus", "matches", "exact", "coarser", "open", "wrong", "newly", "exact", "coarser", "open", "wrong")
	for i, res := range rows {
		got, ref := eval.Count(res.Judged), eval.Count(truth[i].Judged)
		fmt.Fprintf(w, "%-*s %7d  %6.2f %7.2f %6.2f %6.2f %8.2f  %6.2f %7.2f %6.2f %6.2f\n", nameWidth, res.Name, got.Total(),
			got.Share(got.Exact), got.Share(got.Coarser), got.Share(got.Open), got.Share(got.Wrong),
			got.Share(eval.NewlyWrong(res.Judged, truth[i].Judged)),
			ref.Share(ref.Exact), ref.Share(ref.Coarser), ref.Share(ref.Open), ref.Share(ref.Wrong))
	}

	all, allTruth := rows[len(rows)-1], truth[len(truth)-1]
	fmt.Fprintf(w, "\nCalibration (%s): the relaxed matches by the confidence of their value,\n", all.Name)
	fmt.Fprintf(w, "with the share of each verdict in %%.\n")
	fmt.Fprintf(w, "%-10s %7s %6s %7s %6s %6s\n", "confidence", "count", "exact", "coarser", "open", "wrong")
	for i, b := range eval.Calibrate(all.Judged, eval.Bands) {
		closing := ")"
		if i == len(eval.Bands)-2 {
			closing = "]"
		}
		fmt.Fprintf(w, "%-10s %7d %6.2f %7.2f %6.2f %6.2f\n", fmt.Sprintf("[%.1f,%.1f%s", b.Low, b.High, closing), b.Total(),
			b.Share(b.Exact), b.Share(b.Coarser), b.Share(b.Open), b.Share(b.Wrong))
	}
	sure := eval.Sure(all.Judged, sureAt)
	n := eval.Count(sure)
	fresh := eval.NewlyWrong(sure, allTruth.Judged)
	fmt.Fprintf(w, "wrong among confidence >= %.1f: %d of %d (%.2f%%); newly wrong %d (%.2f%%); open %d (%.2f%%)\n",
		sureAt, n.Wrong, n.Total(), n.Share(n.Wrong), fresh, n.Share(fresh), n.Open, n.Share(n.Open))
}

// sureWrong are the wrong values told with confidence >= sureAt.
func sureWrong(js []eval.Judged) []eval.Judged {
	var out []eval.Judged
	for _, j := range eval.Sure(js, sureAt) {
		if j.Verdict == eval.Wrong {
			out = append(out, j)
		}
	}
	return out
}

// writeJudged writes one judged match on two lines, as writeError does.
func writeJudged(w io.Writer, j eval.Judged) {
	fmt.Fprintf(w, "  %.2f  %s (DCT %s)  %s system %s | gold %s\n      %s\n", j.Confidence, j.Doc, j.DCT,
		strconv.Quote(j.System.Text), j.System.Value, j.Gold.Value, j.Context)
}

// ratio is got over want, 0 when want is.
func ratio(got, want float64) float64 {
	if want == 0 {
		return 0
	}
	return got / want
}

// writeAnchorScores writes the anchor inference figures of each corpus,
// as shares of its documents in percent.
func writeAnchorScores(w io.Writer, corpora []eval.Result, scores []*beliefScore, nameWidth int) {
	fmt.Fprintf(w, "\nInferred anchors against the <DCT>, in %% of the documents with a day as <DCT>:\n")
	fmt.Fprintln(w, "the likeliest day right to the day, month and year; the anchors that claim a")
	fmt.Fprintln(w, "period (day, week, month or year), the share of those claims that held, and")
	fmt.Fprintln(w, "the count of days claimed as sure that were wrong.")
	fmt.Fprintf(w, "%-*s %5s %6s %6s %6s %8s %6s %11s\n", nameWidth, "corpus", "docs", "day", "month", "year", "claimed", "held", "wrong days")
	var total anchor.Score
	var likeliest dayScore
	for i, s := range scores {
		writeAnchorRow(w, nameWidth, corpora[i].Name, &s.anchors)
		a := s.anchors
		total.Documents += a.Documents
		total.Claimed += a.Claimed
		total.Day, total.Month, total.Year = total.Day+a.Day, total.Month+a.Month, total.Year+a.Year
		total.Held += a.Held
		total.WrongDays += a.WrongDays
		likeliest.plus(s.likeliest)
	}
	if len(scores) > 1 {
		writeAnchorRow(w, nameWidth, "total", &total)
	}

	fmt.Fprintf(w, "\nThe likeliest day of each belief against the <DCT>, in %% of the same documents:\n")
	fmt.Fprintln(w, "right to the day, within a day, to the month and the year; and the mean")
	fmt.Fprintln(w, "probability the belief gives the true day.")
	fmt.Fprintf(w, "%-*s %5s %6s %6s %6s %6s %7s\n", nameWidth, "corpus", "docs", "day", "±1 day", "month", "year", "P(true)")
	for i, s := range scores {
		writeLikeliestRow(w, nameWidth, corpora[i].Name, s.likeliest)
	}
	if len(scores) > 1 {
		writeLikeliestRow(w, nameWidth, "total", likeliest)
	}
}

func writeAnchorRow(w io.Writer, nameWidth int, name string, s *anchor.Score) {
	fmt.Fprintf(w, "%-*s %5d %6.2f %6.2f %6.2f %8.2f %6s %11d\n", nameWidth, name, s.Documents,
		pct(s.Day, s.Documents), pct(s.Month, s.Documents), pct(s.Year, s.Documents),
		pct(s.Claimed, s.Documents), heldShare(s), s.WrongDays)
}

func writeLikeliestRow(w io.Writer, nameWidth int, name string, s dayScore) {
	meanP := 0.0
	if s.Documents > 0 {
		meanP = s.TrueP / float64(s.Documents)
	}
	fmt.Fprintf(w, "%-*s %5d %6.2f %6.2f %6.2f %6.2f %7.3f\n", nameWidth, name, s.Documents,
		pct(s.Day, s.Documents), pct(s.NearDay, s.Documents), pct(s.Month, s.Documents), pct(s.Year, s.Documents), meanP)
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
