package anchor

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/article"
	"conflict-timeline/timeline/internal/testenv"
)

// The seeds, worked out by hand from their text (see the package's
// report for the evidence of each). Nothing here reaches the code: it
// must find the same from the words alone, and claim no more than the
// words fix.
var seeds = []struct {
	file string
	// truth is the day the article was written, as far as a careful
	// reader can tell.
	truth string
	// least is the precision the text and the collection do fix; the
	// anchor must claim at least that much, and its claim must hold.
	least timeline.Precision
	// day is set where the likeliest day must be the truth.
	day bool
	// reasons are words the reasons must contain.
	reasons []string
}{
	// "Tuesday" and "Wednesday" past, hospitals hit "between July 23
	// and July 31", a "2011 uprising": no year of its own. The
	// collection gives 2016; the day stays open.
	{"000_8b514a281a01113d.txt", "2016-08-03", timeline.PrecisionYear, false,
		[]string{`"Wednesday" is told as past`, "the collection: it shares rare names with", `"Manbij"`}},
	// Tweets stamped November 21, 2016 (a Monday) and a lead "on
	// Tuesday": November 22, within the week for sure.
	{"001_51fe2e03ff144263.txt", "2016-11-22", timeline.PrecisionWeek, true,
		[]string{`"November 21, 2016" stamps a tweet or a photo`, `the lead reports "Tuesday"`}},
	// A photo caption stamped August 1, 2016 (the Monday the helicopter
	// was downed), "Reuters reported on Tuesday": August 2.
	{"002_040d476ff14a840f.txt", "2016-08-02", timeline.PrecisionMonth, true,
		[]string{`"August 1, 2016" stamps a tweet or a photo`, `"March 2011" is where a story starts`}},
	// "ALEPPO –" then Monday, Sunday, Friday, "two years ago": no date
	// at all. The collection gives 2016; the week stays open.
	{"003_544b5b1694b84f21.txt", "2016-08-15", timeline.PrecisionYear, false,
		[]string{`the lead reports "Monday"`, "the collection"}},
	// "on Sunday, August 7" in the lead: 2011, 2016 or 2022 by the
	// calendar, 2016 by the collection. "On Monday, the UN Security
	// Council is due to hold" reads as present tense, so August 8 stays
	// possible: the month, not the day.
	{"004_27d682cdbfe1bedc.txt", "2016-08-07", timeline.PrecisionMonth, true,
		[]string{"August 7 fell on a Sunday in 2011, 2016 and 2022", "the collection"}},
}

func TestSeeds(t *testing.T) {
	arts, errs := article.ReadDir(filepath.Join(testenv.RepoRoot(), "seeds"))
	if len(errs) > 0 || len(arts) != len(seeds) {
		t.Fatalf("read %d seeds, errors %v", len(arts), errs)
	}
	anchors := Articles(arts, Options{Now: now})
	for i, s := range seeds {
		t.Run(s.file, func(t *testing.T) {
			a := anchors[i]
			if filepath.Base(arts[i].Path) != s.file {
				t.Fatalf("article %d is %s", i, arts[i].Path)
			}
			truth, _ := time.Parse(time.DateOnly, s.truth)
			var sc Score
			sc.Add(a, truth)
			if sc.Held != 1 || rank(a.Precision) < rank(s.least) || (s.day && a.Day() != s.truth) {
				t.Errorf("anchor %s (likeliest %s, %s precision); want a claim of at least %s precision that holds %s%s\nreasons:\n  %s",
					a.Value(), a.Day(), a.Precision, s.least, s.truth, map[bool]string{true: ", likeliest that day"}[s.day], strings.Join(a.Reasons, "\n  "))
			}
			all := strings.Join(a.Reasons, "\n")
			for _, r := range s.reasons {
				if !strings.Contains(all, r) {
					t.Errorf("no reason says %q; reasons:\n  %s", r, strings.Join(a.Reasons, "\n  "))
				}
			}
		})
	}
}
