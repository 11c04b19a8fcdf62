package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"conflict-timeline/timeline/bench"
)

func (e *env) benchCmd(args []string) error {
	fs := e.flags("bench", "[--data DIR] [--sizes N,N,...] [--undated N] [--work DIR] [--runs N] [--only PART] [--format md|json] [--timeline BIN] [--hugo BIN]",
		"Bench measures the build at scale against the targets of issue 12. It\n"+
			"makes corpora from the TempEval-3 silver newswire (each .tml file's text,\n"+
			"its <DCT> as front-matter date, replicated with small changes up to each\n"+
			"size), builds each with this program as a child process, alternating run\n"+
			"by run with the Hugo CLI rendering as many minimal pages (the floor) and\n"+
			"rendering the same site from the project the build wrote for it\n"+
			"(build --hugo-project), and reports wall time, peak memory and every\n"+
			"target PASS or FAIL, with the commands it ran. Then it adds one article\n"+
			"to the built largest corpus and rebuilds, and changes one template and\n"+
			"rebuilds.\n\n"+
			"The Hugo CLI is built once into the user cache folder (with the Go\n"+
			"toolchain and the module proxy) unless --hugo names one. A full run\n"+
			"(the default sizes) takes tens of minutes and a few GB of disk.")
	data := fs.String("data", defaultBenchData(), "the folder of TempEval-3 silver .tml files")
	sizes := fs.String("sizes", "1000,5000,25000", "dated corpus sizes, in articles, comma-separated")
	undated := fs.Int("undated", 10000, "undated corpus size, in articles; 0 skips it")
	work := fs.String("work", "", "the folder for corpora, sites and logs (default a temporary one, removed after a\nsuccessful run); never put it inside the repository")
	runs := fs.Int("runs", 1, "alternating runs of each build; the median wall time is reported")
	only := fs.String("only", "", "measure one part: "+strings.Join(bench.Parts, ", ")+" (default all)")
	format := fs.String("format", "md", "the report's format: md (Markdown tables) or json")
	binary := fs.String("timeline", "", "the timeline program to measure (default this one)")
	hugo := fs.String("hugo", "", "the Hugo CLI to measure the floor with (default built once, "+bench.HugoVersion()+")")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("takes no arguments; got %q", rest)
	}
	opt := bench.Options{Data: *data, Undated: *undated, Runs: *runs, Only: *only, Hugo: *hugo, Log: e.stderr,
		Invocation: strings.Join(append([]string{"timeline bench"}, args...), " ")}
	if opt.Sizes, err = parseSizes(*sizes); err != nil {
		return err
	}
	if err := checkBenchFlags(opt, *format); err != nil {
		return err
	}
	if fi, err := os.Stat(opt.Data); err != nil || !fi.IsDir() {
		return fmt.Errorf("no TempEval-3 silver folder at %s: name it with --data, or set TIMELINE_DATA to the shared data folder", opt.Data)
	}
	ctx := e.ctx
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
	}
	if opt.Timeline = *binary; opt.Timeline == "" {
		if opt.Timeline, err = os.Executable(); err != nil {
			return err
		}
	}
	if opt.Hugo == "" && needsFloor(opt) {
		if opt.Hugo, err = bench.HugoBinary(ctx, bench.HugoVersion(), e.stderr); err != nil {
			return err
		}
	}
	return e.runBench(ctx, opt, *work, *format)
}

// runBench measures in work, or in a temporary folder removed after a
// run that succeeded, and writes the report.
func (e *env) runBench(ctx context.Context, opt bench.Options, work, format string) error {
	temp := work == ""
	if temp {
		dir, err := os.MkdirTemp("", "timeline-bench-")
		if err != nil {
			return err
		}
		work = dir
	}
	abs, err := filepath.Abs(work)
	if err != nil {
		return err
	}
	opt.Work = abs
	res, err := bench.Measure(ctx, opt)
	if err != nil {
		return fmt.Errorf("%w (the corpora and logs are in %s)", err, opt.Work)
	}
	checks := bench.Evaluate(res)
	if format == "json" {
		err = bench.WriteJSON(e.stdout, res, checks)
	} else {
		err = bench.WriteMarkdown(e.stdout, res, checks)
	}
	if temp && err == nil {
		err = os.RemoveAll(opt.Work)
	}
	return err
}

// needsFloor reports whether the parts measured include Hugo's floor.
func needsFloor(opt bench.Options) bool {
	return opt.Only == "" || opt.Only == "dated" || opt.Only == "undated"
}

func checkBenchFlags(opt bench.Options, format string) error {
	switch {
	case opt.Only != "" && !slices.Contains(bench.Parts, opt.Only):
		return usagef("--only %q: want one of %s", opt.Only, strings.Join(bench.Parts, ", "))
	case format != "md" && format != "json":
		return usagef("--format %q: want md or json", format)
	case opt.Runs < 1:
		return usagef("--runs %d: want at least 1", opt.Runs)
	case opt.Undated < 0:
		return usagef("--undated %d: want 0 (skip) or more", opt.Undated)
	}
	return nil
}

// parseSizes reads a comma-separated list of positive sizes.
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, usagef("--sizes %q: want positive whole numbers separated by commas, such as 1000,5000,25000", s)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// defaultBenchData is the silver folder of the shared corpora: under
// $TIMELINE_DATA, else ../shared/data beside the repository.
func defaultBenchData() string {
	root := os.Getenv("TIMELINE_DATA")
	if root == "" {
		root = filepath.Join("..", "shared", "data")
	}
	return filepath.Join(root, "tempeval3", "silver")
}
