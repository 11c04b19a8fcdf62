package bench

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Run is one measured run of a child process.
type Run struct {
	Wall    time.Duration
	CPU     time.Duration // user and system
	PeakRSS int64         // bytes; 0 when unknown
	// Output is what the child wrote to stdout and stderr.
	Output string `json:"-"`
}

// Stats sums up the runs of one build of one corpus.
type Stats struct {
	Runs    []time.Duration // every run's wall time, in order
	Wall    time.Duration   // their median
	CPU     time.Duration   // the median processor time, user and system
	PeakRSS int64           // the highest peak of them
	cpus    []time.Duration
}

func (s *Stats) add(r Run) {
	s.Runs = append(s.Runs, r.Wall)
	s.PeakRSS = max(s.PeakRSS, r.PeakRSS)
	s.cpus = append(s.cpus, r.CPU)
	s.Wall, s.CPU = median(s.Runs), median(s.cpus)
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(ds))
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// runner starts the children, each with a cache folder (XDG_CACHE_HOME)
// given by the caller, and keeps the command lines and the output logs.
type runner struct {
	ctx      context.Context
	logDir   string
	commands []string
	n        int
}

// run runs argv with cacheHome as its user cache folder. okCodes are the
// exit statuses that count as success besides 0.
func (r *runner) run(label, cacheHome string, argv []string, okCodes ...int) (Run, error) {
	cmd := exec.CommandContext(r.ctx, argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cacheHome)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	r.commands = append(r.commands, "XDG_CACHE_HOME="+cacheHome+" "+strings.Join(argv, " "))
	start := time.Now()
	err := cmd.Run()
	res := Run{Wall: time.Since(start), Output: out.String()}
	if cmd.ProcessState != nil {
		res.PeakRSS, res.CPU = peakRSS(cmd.ProcessState), cpuTime(cmd.ProcessState)
	}
	r.n++
	log := filepath.Join(r.logDir, fmt.Sprintf("%03d-%s.log", r.n, label))
	if werr := os.WriteFile(log, out.Bytes(), 0o644); werr != nil {
		return res, werr
	}
	if ee, ok := err.(*exec.ExitError); ok && slices.Contains(okCodes, ee.ExitCode()) {
		err = nil
	}
	if err != nil {
		return res, fmt.Errorf("%s: %w (output in %s)", strings.Join(argv, " "), err, log)
	}
	return res, nil
}

// countHTML counts the .html files under dir.
func countHTML(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".html") {
			n++
		}
		return err
	})
	return n, err
}

// The build tells what its cache of worked-out articles saved in one of
// two ways: a line per build such as
//
//	timeline: build cache /p/.timeline-cache: clues 3 of 3 reused, expressions 2 of 3 reused, events 2 of 3 reused
//
// where a kind's entries not reused were worked out again, or a plain
// "cache: 24999 hits, 1 miss".
var (
	cacheKinds  = regexp.MustCompile(`([\w-]+) (\d+) of (\d+) reused`)
	cacheCounts = regexp.MustCompile(`cache: (\d+) hits?, (\d+) miss(?:es)?`)
)

// resolvedKind is the kind of cache entry whose misses are articles
// resolved again: their temporal expressions.
const resolvedKind = "expressions"

// CacheCounts reads the last cache line of a build's output: the hits
// and misses of the expressions kind when it is told, else those of all
// kinds together. ok is false when the output has no such line.
func CacheCounts(output string) (hits, misses int, ok bool) {
	lines := strings.Split(output, "\n")
	for _, line := range slices.Backward(lines) {
		if _, rest, found := strings.Cut(line, "build cache "); found {
			return kindCounts(rest)
		}
		if m := cacheCounts.FindStringSubmatch(line); m != nil {
			hits, _ = strconv.Atoi(m[1])
			misses, _ = strconv.Atoi(m[2])
			return hits, misses, true
		}
	}
	return 0, 0, false
}

func kindCounts(line string) (hits, misses int, ok bool) {
	for _, m := range cacheKinds.FindAllStringSubmatch(line, -1) {
		h, _ := strconv.Atoi(m[2])
		total, _ := strconv.Atoi(m[3])
		if m[1] == resolvedKind {
			return h, total - h, true
		}
		hits, misses, ok = hits+h, misses+total-h, true
	}
	return hits, misses, ok
}

// clean removes what a build left in dir: every entry but keep.
func clean(dir string, keep []string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
