package site

import (
	"math"
	"time"

	"conflict-timeline/timeline"
)

// chart is the overview histogram on the home page. Go does the geometry
// (all in viewBox units) so the theme draws plain rectangles and never
// does arithmetic in templates; the theme still chooses markup, colours
// and wording.
type chart struct {
	Unit   string `json:"unit"` // "month" or "year"
	Width  int    `json:"width"`
	Height int    `json:"height"`
	// Baseline is the y of the axis.
	Baseline float64 `json:"baseline"`
	Top      float64 `json:"top"`
	Max      int     `json:"max"`
	Bins     []bin   `json:"bins"`
	Ticks    []tick  `json:"ticks"`
	// Skipped counts events of the chronology the chart cannot place:
	// those known only to the year when bars are months.
	Skipped int `json:"skipped"`
	// Background and Undated count the events the chart leaves out
	// because the chronology does: its axis covers the period the
	// articles report, not every year they mention.
	Background int    `json:"background"`
	Undated    int    `json:"undated"`
	From       string `json:"from"`
	To         string `json:"to"`
}

type bin struct {
	Key       string `json:"key"`
	Label     string `json:"label"`
	Count     int    `json:"count"`
	Uncertain int    `json:"uncertain"`
	Href      string `json:"href"` // anchor of the heading in the chronology
	// Page is the bar's period page, for a home page that lists periods
	// rather than the whole chronology: the month's page, or the months
	// overview at the year.
	Page string `json:"page"`
	// HitX and HitW span the bar's whole column, a larger target for the
	// pointer than the bar.
	HitX float64 `json:"hitx"`
	HitW float64 `json:"hitw"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

type tick struct {
	X     float64 `json:"x"`
	Label string  `json:"label"`
}

const (
	// About the width of the text column in CSS pixels, so the labels
	// show at their nominal size.
	chartWidth  = 720
	chartHeight = 140
	chartTop    = 6
	chartBottom = 24 // room for year labels
	chartSide   = 4
	maxBarWidth = 48
	// Beyond this many months, bars are years: a month bar would be
	// thinner than a pixel on a phone.
	maxMonthBins = 240
)

func newChart(all []eventData, periods []periodData) chart {
	c := chart{Width: chartWidth, Height: chartHeight, Baseline: chartHeight - chartBottom, Top: chartTop, Bins: []bin{}, Ticks: []tick{}}
	var events []eventData
	for _, e := range all {
		switch e.Part {
		case partBackground:
			c.Background++
		case partUndated:
			c.Undated++
		default:
			events = append(events, e)
		}
	}
	var first, last time.Time
	for _, e := range events {
		if e.w.Start.IsZero() {
			continue
		}
		if first.IsZero() || e.w.Start.Before(first) {
			first = e.w.Start
		}
		if e.w.Start.After(last) {
			last = e.w.Start
		}
	}
	if first.IsZero() {
		c.Skipped = len(events)
		return c
	}
	c.Unit = "month"
	if monthsBetween(first, last)+1 > maxMonthBins {
		c.Unit = "year"
	}

	key := func(t time.Time) string {
		if c.Unit == "year" {
			return t.Format("2006")
		}
		return t.Format("2006-01")
	}
	pages := map[string]bool{}
	for _, p := range periods {
		if p.Kind == kindMonth {
			pages[p.Key] = true
		}
	}
	index := map[string]int{}
	for t := startOf(first, c.Unit); !t.After(last); t = next(t, c.Unit) {
		k := key(t)
		b := bin{Key: k}
		if c.Unit == "year" {
			b.Label, b.Href, b.Page = k, "#y-"+k, "months/index.html#y-"+k
		} else {
			b.Label, b.Href, b.Page = t.Format("January 2006"), "#m-"+k, "months/index.html#m-"+k
			if pages[k] {
				b.Page = "months/" + k + ".html"
			}
		}
		index[k] = len(c.Bins)
		c.Bins = append(c.Bins, b)
	}
	for _, e := range events {
		if e.w.Start.IsZero() || (c.Unit == "month" && e.w.Precision == timeline.PrecisionYear) {
			c.Skipped++
			continue
		}
		b := &c.Bins[index[key(e.w.Start)]]
		b.Count++
		if e.Uncertain {
			b.Uncertain++
		}
		c.Max = max(c.Max, b.Count)
	}

	plotW := float64(chartWidth - 2*chartSide)
	plotH := c.Baseline - chartTop
	pitch := plotW / float64(len(c.Bins))
	barW := min(math.Max(pitch*0.8, 1), maxBarWidth)
	for i := range c.Bins {
		b := &c.Bins[i]
		b.HitX, b.HitW = round1(chartSide+pitch*float64(i)), round1(pitch)
		b.X = round1(chartSide + pitch*float64(i) + (pitch-barW)/2)
		b.W = round1(barW)
		if b.Count > 0 {
			// A single event stays visible next to a tall month.
			b.H = round1(math.Max(plotH*float64(b.Count)/float64(c.Max), 2))
		}
		b.Y = round1(c.Baseline - b.H)
	}

	// Year labels: one per year, thinned so they never overlap.
	years := map[string]bool{}
	step := 1
	if c.Unit == "year" {
		step = int(math.Ceil(float64(len(c.Bins)) * 40 / plotW))
	}
	for i, b := range c.Bins {
		y := b.Key[:4]
		if years[y] || i%step != 0 {
			continue
		}
		years[y] = true
		c.Ticks = append(c.Ticks, tick{X: round1(chartSide + pitch*float64(i)), Label: y})
	}
	c.From, c.To = c.Bins[0].Label, c.Bins[len(c.Bins)-1].Label
	return c
}

func startOf(t time.Time, unit string) time.Time {
	if unit == "year" {
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func next(t time.Time, unit string) time.Time {
	if unit == "year" {
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 1, 0)
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
