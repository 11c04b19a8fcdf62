package site

import (
	"cmp"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/date"
	"conflict-timeline/timeline/timex"
)

// spread is a large input shaped like a long-running news timeline:
// articles over six years, each with four events (a day, a month
// mentioned, a year-only memory, and every twentieth an undated one),
// over tens of places and actors, so that months, terms and the filter
// are sized as at a real 25,000-article site.
func spread(articles int, seed uint64) Input {
	r := rand.New(rand.NewPCG(seed, 11))
	var places, actors []string
	for i := range 60 {
		places = append(places, fmt.Sprintf("Town %d", i))
	}
	for i := range 30 {
		actors = append(actors, fmt.Sprintf("Group %d", i))
	}
	types := []string{"air strike", "shelling", "offensive", "protest", "talks", ""}
	var in Input
	in.Timeline.Title = "Spread timeline"
	start := time.Date(2011, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range articles {
		slug := "a-" + strconv.Itoa(i)
		day := start.AddDate(0, 0, r.IntN(6*365))
		place := places[r.IntN(len(places))]
		anchor := Anchor{Date: day.Format("2006-01-02"), Precision: timeline.PrecisionDay, Confidence: 0.9, Reasons: []string{"the dateline gives the day"}}
		first := day.AddDate(0, 0, -r.IntN(3))
		month := day.AddDate(0, -1, 0)
		year := day.AddDate(-1, 0, 0)
		paras := []string{
			fmt.Sprintf("Fighting was reported in %s on %s, witnesses said, as %s moved in.", place, first.Format("2 January 2006"), actors[i%len(actors)]),
			fmt.Sprintf("Officials said the offensive began in %s and would go on.", month.Format("January 2006")),
			fmt.Sprintf("The town had been quiet since %s, residents recalled.", year.Format("2006")),
		}
		a := article(slug, "Fighting in "+place, "Wire", "https://example.org/"+slug, anchor, "A. Reporter", day.Format("2006-01-02"), paras,
			tx(first.Format("2 January 2006"), timex.Date, first.Format("2006-01-02")),
			tx(month.Format("January 2006"), timex.Date, month.Format("2006-01")),
			tx(year.Format("2006"), timex.Date, year.Format("2006")))
		a.File = slug + ".txt"
		in.Articles = append(in.Articles, *a)
		for k, t := range a.Timexes {
			v := date.MustParse(t.Value)
			e := timeline.Event{
				ID: fmt.Sprintf("%s-%d", t.Value, i*4+k), Date: t.Value, Precision: v.Precision(),
				Earliest: v.DayString(), Latest: v.LastDayString(), Confidence: 0.9,
				Type:   types[(i+k)%len(types)],
				Places: []string{place, places[(i+k)%len(places)]}, Actors: []string{actors[(i+k)%len(actors)]},
				Text: paras[k], Stated: k == 0, Inferred: i%10 == 7, Verified: i%13 == 0,
				Reasons: []string{"counted from the article's date"},
				Sources: []timeline.Source{{Article: slug, Title: a.Title, Timex: timeline.SourceTimex{Start: t.Start, End: t.End, Text: t.Text, Value: t.Value}}},
			}
			in.Timeline.Events = append(in.Timeline.Events, e)
		}
		if i%20 == 0 {
			in.Timeline.Events = append(in.Timeline.Events, timeline.Event{ID: fmt.Sprintf("undated-%d", i), Text: "Aid groups warned of shortages in " + place + ".",
				Places: []string{place}, Sources: []timeline.Source{{Article: slug}}})
		}
	}
	sortTimeline(in.Timeline.Events)
	return in
}

// TestMeasureBig builds a site of $TIMELINE_MEASURE articles (about four
// events each) and logs what it costs: build time, the home page's
// size, the largest page, the number of files. It is a measurement, not
// a check, and runs only when asked.
func TestMeasureBig(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TIMELINE_MEASURE"))
	if n <= 0 {
		t.Skip("set TIMELINE_MEASURE=5000 to build a site of 5,000 generated articles and log its cost")
	}
	in := spread(n, 1)
	dir := t.TempDir()
	began, cpu := time.Now(), cpuTime()
	if err := Build(in, Options{ProjectDir: "testdata/project", DestDir: dir}); err != nil {
		t.Fatal(err)
	}
	took, cpu := time.Since(began), cpuTime()-cpu
	var files int
	var total, largest int64
	var largestName string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, _ := d.Info()
		files++
		total += fi.Size()
		if fi.Size() > largest && filepath.Ext(p) == ".html" {
			largest, largestName = fi.Size(), p
		}
		return nil
	})
	home, _ := os.Stat(filepath.Join(dir, "index.html"))
	t.Logf("%d articles, %d events: built in %s, %s of CPU; %d files, %.1f MB; index.html %.1f KB; largest page %s %.1f KB",
		n, len(in.Timeline.Events), took.Round(time.Millisecond), cpu.Round(time.Millisecond), files, float64(total)/1e6, float64(home.Size())/1e3, largestName[len(dir):], float64(largest)/1e3)
}

// sortTimeline puts events in the timeline's order: by date, the undated
// last, then by ID.
func sortTimeline(events []timeline.Event) {
	slices.SortStableFunc(events, func(a, b timeline.Event) int {
		return cmp.Or(cmp.Compare(undatedRank(a.Date), undatedRank(b.Date)), cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
}

// cpuTime is the CPU time this process has used, user and system: on a
// shared machine a fairer measure of a build's cost than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
