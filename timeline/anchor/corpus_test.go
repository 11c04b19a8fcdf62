package anchor

import (
	"testing"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/internal/testenv"
	"conflict-timeline/timeline/timeml"
	"conflict-timeline/timeline/timex"
)

// On the TempEval-3 corpora, with the <DCT> hidden. News rarely states
// its own year, so few anchors are claimed there; what is claimed must
// hold, and a wrong day claimed as sure must be rare.
func TestCorpora(t *testing.T) {
	dir := testenv.DataDir(t, "tempeval3")
	for _, c := range []struct {
		name      string
		minHeld   float64 // share of claims that hold
		wrongDays float64 // share of documents
	}{
		{"timebank", 0.8, 0.01},
		{"aquaint", 0.8, 0.01},
		{"silver", 0.8, 0.005},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "silver" && testing.Short() {
				t.Skip("2,452 documents")
			}
			docs, err := timeml.Load(dir + "/" + c.name)
			if err != nil {
				t.Fatal(err)
			}
			var s Score
			for _, d := range docs {
				if d.DCTGranularity == timex.GranDay {
					s.Add(Text(d.Title, d.Text, Options{Now: now}), d.DCT)
				}
			}
			t.Logf("%d documents: %d claimed, %d held, %d wrong days; likeliest day right %d, month %d, year %d",
				s.Documents, s.Claimed, s.Held, s.WrongDays, s.Day, s.Month, s.Year)
			if s.Claimed > 0 && float64(s.Held) < c.minHeld*float64(s.Claimed) {
				t.Errorf("%d of %d claims held, want %.0f%%", s.Held, s.Claimed, 100*c.minHeld)
			}
			if float64(s.WrongDays) > c.wrongDays*float64(s.Documents) {
				t.Errorf("%d wrong days claimed in %d documents", s.WrongDays, s.Documents)
			}
		})
	}
}

// Once the year is known, as the collection may make it, the text must
// date the rest honestly: claims of a day, a week and a month mostly
// hold. TimeBank and AQUAINT have weekdays and dates enough to test it.
//
// A dateline is the day at the place it names; a wire's creation date
// may be the next day at its home desk: Xinhua's "WASHINGTON, March 12"
// is dated March 13 in Beijing. So a day claimed from a dateline must be
// the creation day or the day before it.
func TestCorporaYearKnown(t *testing.T) {
	dir := testenv.DataDir(t, "tempeval3")
	docs, err := timeml.Load(dir+"/timebank", dir+"/aquaint")
	if err != nil {
		t.Fatal(err)
	}
	claims, held := map[string]int{}, map[string]int{}
	datelines := 0
	for _, d := range docs {
		if d.DCTGranularity != timex.GranDay {
			continue
		}
		r := readText(d.Title, d.Text, timex.Resolve)
		y := d.DCT.Year()
		a := r.anchor(&yearFactor{first: y, last: y, only: true}, now)
		if !a.Known() || a.Precision == timeline.PrecisionYear {
			continue
		}
		if r.hasOrigin(inDateline) && a.Precision == timeline.PrecisionDay {
			if lag := d.DCT.Sub(a.Date).Hours() / 24; lag != 0 && lag != 1 {
				t.Errorf("%s: the dateline gives %s, %.0f days from the creation date %s", d.ID, a.Day(), lag, d.DCT.Format("2006-01-02"))
			}
			datelines++
			continue
		}
		var s Score
		s.Add(a, d.DCT)
		claims[a.Precision.String()]++
		held[a.Precision.String()] += s.Held
	}
	t.Logf("claims %v, held %v; %d days from datelines", claims, held, datelines)
	for p, n := range claims {
		if n >= 5 && float64(held[p]) < 0.75*float64(n) {
			t.Errorf("%s claims: %d of %d held", p, held[p], n)
		}
	}
	if n := claims["day"] + claims["week"] + claims["month"] + datelines; n < 10 {
		t.Errorf("only %d claims finer than the year once it is known: the text's weekdays, dates and datelines are not read", n)
	}
}
