package bench

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// Targets of issue 12.
const (
	DatedRatioMax     = 1.5     // dated build over the floor, at the largest size
	PeakRSSMax        = 2 << 30 // bytes, at the largest dated size
	UndatedRatioMax   = 3.0     // undated build over its floor
	GrowthMax         = 0.30    // growth of time per article, smallest to largest size
	RebuildMax        = 0.10    // one article added, over the full build
	SublinearFrom     = 5000    // memory must grow sub-linearly from this size on
	TargetSize        = 25000   // the size the targets are stated at
	UndatedTargetSize = 10000
)

// Status is a target's verdict.
type Status string

const (
	Pass    Status = "PASS"
	Fail    Status = "FAIL"
	Unknown Status = "UNKNOWN" // measured, but the build does not tell
	Skipped Status = "SKIPPED" // not measured in this run
)

// Check is one target judged.
type Check struct {
	Target string
	Figure string
	Limit  string
	Status Status
}

func verdict(ok bool) Status {
	if ok {
		return Pass
	}
	return Fail
}

func skipped(target, limit, why string) Check {
	return Check{Target: target, Figure: why, Limit: limit, Status: Skipped}
}

// Evaluate judges the results against every target.
func Evaluate(r Results) []Check {
	return []Check{
		datedRatio(r), datedSameSite(r), datedMemory(r), undatedRatio(r), undatedSameSite(r), growth(r),
		addRebuild(r), templateRebuild(r), sublinear(r),
	}
}

// atSize says at what size a figure was taken when it is not the size
// the target is stated at.
func atSize(n, want int) string {
	if n == want {
		return ""
	}
	return fmt.Sprintf(" (at %d articles; the target is stated at %d)", n, want)
}

func largest(r Results) (Sample, bool) {
	if len(r.Dated) == 0 {
		return Sample{}, false
	}
	return r.Dated[len(r.Dated)-1], true
}

func datedRatio(r Results) Check {
	const target, limit = "dated build wall time vs Hugo CLI, same page count", "≤ 1.5×"
	s, ok := largest(r)
	if !ok {
		return skipped(target, limit, "no dated corpus measured")
	}
	fig := fmt.Sprintf("%.2f× (%s vs %s)%s", s.Ratio(), secs(s.Ours.Wall), secs(s.Floor.Wall), atSize(s.Articles, TargetSize))
	return Check{target, fig, limit, verdict(s.Ratio() <= DatedRatioMax)}
}

// datedSameSite holds the build to the ratio against Hugo
// rendering the very pages the build rendered, rather than as many
// minimal ones: what the steps before Hugo, and the use of Hugo as a
// library, add to what Hugo itself costs for the site.
func datedSameSite(r Results) Check {
	s, ok := largest(r)
	return sameSite("dated", "≤ 1.5×", s, ok, TargetSize, DatedRatioMax)
}

// undatedSameSite is datedSameSite for the undated corpus, at its
// target.
func undatedSameSite(r Results) Check {
	var s Sample
	if r.Undated != nil {
		s = *r.Undated
	}
	return sameSite("undated", "≤ 3×", s, r.Undated != nil, UndatedTargetSize, UndatedRatioMax)
}

func sameSite(kind, limit string, s Sample, ok bool, size int, most float64) Check {
	target := kind + " build wall time vs Hugo CLI, same site (same theme, data and pages)"
	switch {
	case !ok:
		return skipped(target, limit, "no "+kind+" corpus measured")
	case s.Same.Wall == 0:
		return skipped(target, limit, "the same site was not rendered")
	}
	fig := fmt.Sprintf("%.2f× (%s vs %s)%s", s.SameRatio(), secs(s.Ours.Wall), secs(s.Same.Wall), atSize(s.Articles, size))
	return Check{target, fig, limit, verdict(s.SameRatio() <= most)}
}

func datedMemory(r Results) Check {
	const target, limit = "dated build peak memory", "< 2 GB"
	s, ok := largest(r)
	switch {
	case !ok:
		return skipped(target, limit, "no dated corpus measured")
	case s.Ours.PeakRSS <= 0:
		return Check{target, "not reported by this system", limit, Unknown}
	}
	fig := mb(s.Ours.PeakRSS) + atSize(s.Articles, TargetSize)
	return Check{target, fig, limit, verdict(s.Ours.PeakRSS < PeakRSSMax)}
}

func undatedRatio(r Results) Check {
	const target, limit = "undated build wall time vs Hugo CLI, same page count", "≤ 3×"
	s := r.Undated
	if s == nil {
		return skipped(target, limit, "no undated corpus measured")
	}
	fig := fmt.Sprintf("%.2f× (%s vs %s)%s", s.Ratio(), secs(s.Ours.Wall), secs(s.Floor.Wall), atSize(s.Articles, UndatedTargetSize))
	return Check{target, fig, limit, verdict(s.Ratio() <= UndatedRatioMax)}
}

func growth(r Results) Check {
	const target, limit = "time per article, smallest to largest dated corpus", "grows ≤ 30%"
	if len(r.Dated) < 2 {
		return skipped(target, limit, "needs two dated sizes")
	}
	a, b := r.Dated[0], r.Dated[len(r.Dated)-1]
	g := float64(b.PerArticle())/float64(a.PerArticle()) - 1
	fig := fmt.Sprintf("%+.0f%% (%s at %d, %s at %d)", 100*g, a.PerArticle().Round(time.Microsecond), a.Articles, b.PerArticle().Round(time.Microsecond), b.Articles)
	return Check{target, fig, limit, verdict(g <= GrowthMax)}
}

func addRebuild(r Results) Check {
	const target, limit = "rebuild after adding one article", "< 10% of the full build"
	b := r.Rebuild
	if b == nil {
		return skipped(target, limit, "not measured")
	}
	fig := fmt.Sprintf("%.1f%% (%s vs %s)%s", 100*b.Fraction(), secs(b.Wall), secs(b.Full), atSize(b.Articles-1, TargetSize))
	return Check{target, fig, limit, verdict(b.Fraction() < RebuildMax)}
}

func templateRebuild(r Results) Check {
	const target, limit = "rebuild after changing one template", "no article re-resolved"
	b := r.Template
	if b == nil {
		return skipped(target, limit, "not measured")
	}
	if !b.Counted {
		return Check{target, fmt.Sprintf("unknown: the build printed no cache counts (took %s, %.1f%% of the full build)", secs(b.Wall), 100*b.Fraction()), limit, Unknown}
	}
	fig := fmt.Sprintf("%d re-resolved, %d from the cache (took %s, %.1f%% of the full build)", b.Misses, b.Hits, secs(b.Wall), 100*b.Fraction())
	return Check{target, fig, limit, verdict(b.Misses == 0)}
}

// sublinear fits peak = c·n^k between the smallest dated size from
// SublinearFrom on and the largest; sub-linear is k < 1.
func sublinear(r Results) Check {
	const target, limit = "peak memory growth past 5k articles", "sub-linear (exponent < 1)"
	var from []Sample
	for _, s := range r.Dated {
		if s.Articles >= SublinearFrom {
			from = append(from, s)
		}
	}
	if len(from) < 2 {
		return skipped(target, limit, "needs two dated sizes of 5000 articles or more")
	}
	a, b := from[0], from[len(from)-1]
	if a.Ours.PeakRSS <= 0 || b.Ours.PeakRSS <= 0 {
		return Check{target, "not reported by this system", limit, Unknown}
	}
	k := math.Log(float64(b.Ours.PeakRSS)/float64(a.Ours.PeakRSS)) / math.Log(float64(b.Articles)/float64(a.Articles))
	fig := fmt.Sprintf("exponent %.2f (%s at %d, %s at %d)", k, mb(a.Ours.PeakRSS), a.Articles, mb(b.Ours.PeakRSS), b.Articles)
	return Check{target, fig, limit, verdict(k < 1)}
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

// WriteMarkdown writes the results, the targets judged and the commands
// run as Markdown tables.
func WriteMarkdown(w io.Writer, r Results, checks []Check) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## timeline bench, %s\n\n", r.Started.Format(time.RFC3339))
	if r.Invocation != "" {
		fmt.Fprintf(&b, "    %s\n\n", r.Invocation)
	}
	fmt.Fprintf(&b, "The floor is the Hugo CLI (%s); %d CPUs (GOMAXPROCS); work folder %s.\n\n", cmp.Or(r.HugoCLI, r.HugoVersion), r.CPUs, r.Work)
	samples := append([]Sample{}, r.Dated...)
	if r.Undated != nil {
		samples = append(samples, *r.Undated)
	}
	if len(samples) > 0 {
		b.WriteString("### Full builds (median wall time of the runs, highest peak memory)\n\n")
		b.WriteString("| corpus | articles | runs | timeline pages | timeline wall | timeline CPU | timeline peak | per article | Hugo pages | Hugo wall | Hugo CPU | Hugo peak | wall ratio | CPU ratio |\n")
		b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, s := range samples {
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %s | %s | %s | %s | %d | %s | %s | %s | %.2f× | %.2f× |\n",
				s.Kind, s.Articles, len(s.Ours.Runs), s.Pages, secs(s.Ours.Wall), secs(s.Ours.CPU), mb(s.Ours.PeakRSS),
				s.PerArticle().Round(time.Microsecond), s.FloorPages, secs(s.Floor.Wall), secs(s.Floor.CPU), mb(s.Floor.PeakRSS), s.Ratio(), s.CPURatio())
		}
		b.WriteString("\nThe targets are judged on wall time, as the issue states them; processor time (user and system) is given beside it, as it is less swayed by other work on the machine.\n\n")
		writeSameSite(&b, samples)
	}
	if r.Rebuild != nil || r.Template != nil {
		b.WriteString("### Rebuilds of the built largest dated corpus\n\n")
		b.WriteString("| change | articles | wall | of the full build | CPU | peak | cache hits | cache misses (re-resolved) |\n")
		b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, rb := range []*Rebuild{r.Rebuild, r.Template} {
			if rb == nil {
				continue
			}
			hits, misses := "unknown", "unknown"
			if rb.Counted {
				hits, misses = fmt.Sprint(rb.Hits), fmt.Sprint(rb.Misses)
			}
			fmt.Fprintf(&b, "| %s | %d | %s | %.1f%% | %s | %s | %s | %s |\n", rb.Change, rb.Articles, secs(rb.Wall), 100*rb.Fraction(), secs(rb.CPU), mb(rb.PeakRSS), hits, misses)
		}
		b.WriteString("\n")
	}
	b.WriteString("### Targets (issue 12)\n\n| target | figure | limit | result |\n|---|---|---|---|\n")
	for _, c := range checks {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Target, c.Figure, c.Limit, c.Status)
	}
	if len(r.Commands) > 0 {
		b.WriteString("\n### Commands, in the order run\n\n")
		for _, c := range r.Commands {
			fmt.Fprintf(&b, "    %s\n", c)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSameSite writes the table of the Hugo CLI rendering the same
// site as each timeline build.
func writeSameSite(b *strings.Builder, samples []Sample) {
	b.WriteString("### The Hugo CLI rendering the same site (build --hugo-project: the same theme, data and pages)\n\n")
	b.WriteString("| corpus | articles | Hugo pages | Hugo wall | Hugo CPU | Hugo peak | timeline wall over it | CPU over it |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, s := range samples {
		if s.Same.Wall == 0 {
			continue
		}
		cpu := 0.0
		if s.Same.CPU > 0 {
			cpu = float64(s.Ours.CPU) / float64(s.Same.CPU)
		}
		fmt.Fprintf(b, "| %s | %d | %d | %s | %s | %s | %.2f× | %.2f× |\n", s.Kind, s.Articles, s.SamePages, secs(s.Same.Wall), secs(s.Same.CPU), mb(s.Same.PeakRSS), s.SameRatio(), cpu)
	}
	b.WriteString("\n")
}

// WriteJSON writes the results and the targets judged as one JSON object.
func WriteJSON(w io.Writer, r Results, checks []Check) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Results Results
		Checks  []Check
	}{r, checks})
}
