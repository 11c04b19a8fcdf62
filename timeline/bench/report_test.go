package bench

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

const sec = time.Second

func sample(kind string, n int, ours, floor time.Duration, rss int64) Sample {
	return Sample{Kind: kind, Articles: n, Pages: n + 10, FloorPages: n + 10,
		Ours: Stats{Runs: []time.Duration{ours}, Wall: ours, PeakRSS: rss}, Floor: Stats{Runs: []time.Duration{floor}, Wall: floor, PeakRSS: 1 << 28},
		Same: Stats{Runs: []time.Duration{floor}, Wall: floor, PeakRSS: 1 << 29}, SamePages: n + 10}
}

// good meets every target.
func good() Results {
	return Results{
		Dated: []Sample{
			sample("dated", 1000, 4*sec, 2*sec, 300<<20),
			sample("dated", 5000, 20*sec, 12*sec, 600<<20),
			sample("dated", 25000, 100*sec, 70*sec, 1500<<20),
		},
		Undated:  &Sample{Kind: "undated", Articles: 10000, Ours: Stats{Wall: 50 * sec}, Floor: Stats{Wall: 20 * sec}, Same: Stats{Wall: 40 * sec}},
		Rebuild:  &Rebuild{Change: "one article added", Articles: 25001, Wall: 5 * sec, Full: 100 * sec, Counted: true, Hits: 25000, Misses: 1},
		Template: &Rebuild{Change: "one template changed", Articles: 25001, Wall: 8 * sec, Full: 100 * sec, Counted: true, Hits: 25001},
	}
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Results)
		want   []Status // in the order of Evaluate
	}{
		{"all met", func(*Results) {}, []Status{Pass, Pass, Pass, Pass, Pass, Pass, Pass, Pass, Pass}},
		{"slow dated build", func(r *Results) {
			r.Dated[2].Ours.Wall = 106 * sec
			r.Dated[2].Floor.Wall = 70 * sec
			r.Dated[2].Same.Wall = 70 * sec
		},
			// 106/70 = 1.51; per article 4.24ms vs 4ms is still +6%.
			[]Status{Fail, Fail, Pass, Pass, Pass, Pass, Pass, Pass, Pass}},
		{"2 GB exactly", func(r *Results) { r.Dated[2].Ours.PeakRSS = 2 << 30 },
			// and memory grows faster than the corpus: 600 MB to 2 GB for 5×
			// is exponent 0.76, still sub-linear.
			[]Status{Pass, Pass, Fail, Pass, Pass, Pass, Pass, Pass, Pass}},
		{"slow against the same site only", func(r *Results) { r.Dated[2].Same.Wall = 60 * sec },
			[]Status{Pass, Fail, Pass, Pass, Pass, Pass, Pass, Pass, Pass}},
		{"same site not rendered", func(r *Results) { r.Dated[2].Same = Stats{} },
			[]Status{Pass, Skipped, Pass, Pass, Pass, Pass, Pass, Pass, Pass}},
		{"undated over 3×", func(r *Results) { r.Undated.Ours.Wall = 61 * sec }, []Status{Pass, Pass, Pass, Fail, Pass, Pass, Pass, Pass, Pass}},
		{"undated over 3× the same site", func(r *Results) { r.Undated.Same.Wall = 16 * sec }, []Status{Pass, Pass, Pass, Pass, Fail, Pass, Pass, Pass, Pass}},
		{"undated same site not rendered", func(r *Results) { r.Undated.Same = Stats{} }, []Status{Pass, Pass, Pass, Pass, Skipped, Pass, Pass, Pass, Pass}},
		{"per-article time grows 31%", func(r *Results) { r.Dated[0].Ours.Wall = 3 * sec; r.Dated[2].Ours.Wall = 98250 * time.Millisecond },
			[]Status{Pass, Pass, Pass, Pass, Pass, Fail, Pass, Pass, Pass}},
		{"rebuild at 10%", func(r *Results) { r.Rebuild.Wall = 10 * sec }, []Status{Pass, Pass, Pass, Pass, Pass, Pass, Fail, Pass, Pass}},
		{"template re-resolves", func(r *Results) { r.Template.Misses = 1 }, []Status{Pass, Pass, Pass, Pass, Pass, Pass, Pass, Fail, Pass}},
		{"no cache counts", func(r *Results) { r.Template.Counted = false }, []Status{Pass, Pass, Pass, Pass, Pass, Pass, Pass, Unknown, Pass}},
		{"memory linear", func(r *Results) { r.Dated[2].Ours.PeakRSS = 5 * r.Dated[1].Ours.PeakRSS },
			[]Status{Pass, Pass, Fail, Pass, Pass, Pass, Pass, Pass, Fail}},
		{"memory unknown", func(r *Results) {
			for i := range r.Dated {
				r.Dated[i].Ours.PeakRSS = 0
			}
		}, []Status{Pass, Pass, Unknown, Pass, Pass, Pass, Pass, Pass, Unknown}},
		{"one size only", func(r *Results) { r.Dated = r.Dated[2:] }, []Status{Pass, Pass, Pass, Pass, Pass, Skipped, Pass, Pass, Skipped}},
		{"nothing measured", func(r *Results) { *r = Results{} }, []Status{Skipped, Skipped, Skipped, Skipped, Skipped, Skipped, Skipped, Skipped, Skipped}},
	}
	for _, tt := range tests {
		r := good()
		tt.change(&r)
		checks := Evaluate(r)
		if len(checks) != len(tt.want) {
			t.Fatalf("%s: %d checks, want %d", tt.name, len(checks), len(tt.want))
		}
		for i, c := range checks {
			if c.Status != tt.want[i] {
				t.Errorf("%s: %s: %s (%s), want %s", tt.name, c.Target, c.Status, c.Figure, tt.want[i])
			}
		}
	}
}

// A figure taken below the size a target is stated at says so.
func TestEvaluateSmallSize(t *testing.T) {
	r := good()
	r.Dated = r.Dated[:1]
	c := Evaluate(r)[0]
	if !strings.Contains(c.Figure, "at 1000 articles; the target is stated at 25000") {
		t.Errorf("figure %q does not say its size", c.Figure)
	}
}

func TestCacheCounts(t *testing.T) {
	tests := []struct {
		out          string
		hits, misses int
		ok           bool
	}{
		{"timeline: reading\ntimeline: cache: 25000 hits, 1 miss\n", 25000, 1, true},
		{"cache: 0 hits, 12 misses\n...\ncache: 1 hit, 0 misses\n", 1, 0, true},
		{"timeline: built 10 pages\n", 0, 0, false},
		// The expressions are what resolving makes.
		{"timeline: build cache /w/p/.timeline-cache: clues 25001 of 25001 reused, events 0 of 25001 reused, expressions 25000 of 25001 reused\n", 25000, 1, true},
		{"timeline: build cache /w/p/.timeline-cache: clues 9 of 10 reused (1 not written), events 7 of 10 reused\n", 16, 4, true},
		{"timeline: build cache /w/p/.timeline-cache: nothing to reuse\n", 0, 0, false},
		{"cache: 5 hits, 5 misses\ntimeline: build cache /w: expressions 0 of 2 reused\n", 0, 2, true},
	}
	for _, tt := range tests {
		h, m, ok := CacheCounts(tt.out)
		if h != tt.hits || m != tt.misses || ok != tt.ok {
			t.Errorf("CacheCounts(%q) = %d, %d, %v; want %d, %d, %v", tt.out, h, m, ok, tt.hits, tt.misses, tt.ok)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3, 1, 2}, 2},
		{[]time.Duration{4, 1, 3, 2}, 2},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestWriteMarkdown(t *testing.T) {
	r := good()
	r.Dated[2].Ours.CPU, r.Dated[2].Floor.CPU = 50*sec, 40*sec
	r.Invocation, r.HugoCLI = "timeline bench --runs 3", "hugo v0.165.0 linux/amd64"
	r.Commands = []string{"XDG_CACHE_HOME=/w/cache/dated-1000 /bin/timeline build --config /w/dated-1000/config.toml"}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, r, Evaluate(r)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"| dated | 25000 | 1 | 25010 | 100.00s | 50.00s | 1500 MB | 4ms | 25010 | 70.00s | 40.00s | 256 MB | 1.43× | 1.25× |",
		"| one article added | 25001 | 5.00s | 5.0% | 0.00s |",
		"| dated | 25000 | 25010 | 70.00s | 0.00s | 512 MB | 1.43× | 0.00× |",
		"| rebuild after changing one template | 0 re-resolved, 25001 from the cache",
		"| PASS |",
		"    timeline bench --runs 3\n",
		"the Hugo CLI (hugo v0.165.0 linux/amd64)",
		"    " + r.Commands[0],
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := WriteJSON(&b, r, Evaluate(r)); err != nil {
		t.Fatal(err)
	}
	var back struct{ Checks []Check }
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Checks) != 9 {
		t.Errorf("JSON report: %v, %d checks", err, len(back.Checks))
	}
}
