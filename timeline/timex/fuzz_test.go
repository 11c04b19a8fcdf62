package timex_test

import (
	"testing"
	"time"

	"conflict-timeline/timeline/timex"
)

// FuzzResolve feeds Resolve arbitrary bytes, anchored or in narrative
// mode, and checks that it neither panics nor returns nonsense:
//
//	go test ./timeline/timex -run '^$' -fuzz FuzzResolve -fuzztime 5m
//
// Without -fuzz, go test runs the seeds below as a plain test.
func FuzzResolve(f *testing.F) {
	seeds := []string{
		"",
		"Tuesday",
		"On Tuesday, August 2, 2016, talks resumed; they end next week.",
		"from 1998 to 2001, then in the 1990s and the '90s",
		"3 p.m. EST, 15:30, noon, midnight, 12:00:00Z",
		"08/05/2016 2016-08-05 5.8.2016 20160805",
		"February 29, 2015 and June 31 and 2016-13-45", // impossible dates
		"99999999999999999999 years ago, in the year 0, in 10000 BC",
		"week 53 of 2016, Q5, the 32nd",
		"two weeks ago tomorrow last next this that every",
		"mid-2016, late-July, early 1990s, the summer, Ramadan",
		"\xff\xfe July \xc3 4\xe2\x80, 1776 \x00",        // invalid UTF-8
		"July\u00a04,\u20091776 \u2014 ＴＵＥＳＤＡＹ ﬁve days", // odd spaces, wide letters, ligature
		"May may May. MAY march March MARCH",
		"the 4th of July of the 4th year of the 4th decade",
		"Friday Friday Friday Friday Friday Friday Friday Friday",
		"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31",
	}
	for _, s := range seeds {
		f.Add(s, false, uint8(timex.GranDay))
		f.Add(s, true, uint8(0))
	}
	anchor := time.Date(2016, 8, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, narrative bool, gran uint8) {
		opt := timex.Options{Narrative: narrative}
		if !narrative {
			opt.Anchor = anchor
			opt.AnchorGranularity = timex.Granularity(gran % uint8(timex.GranDay+1))
		}
		checkSane(t, text, timex.Resolve(text, opt))
	})
}

// checkSane fails unless every timex is a non-empty span inside text that
// quotes it exactly, with a TIMEX3 type and a value.
func checkSane(t *testing.T, text string, got []timex.Timex) {
	t.Helper()
	for _, tx := range got {
		switch {
		case tx.Start < 0 || tx.Start >= tx.End || tx.End > len(text):
			t.Errorf("span %d:%d out of the %d-byte input: %+v", tx.Start, tx.End, len(text), tx)
		case tx.Text != text[tx.Start:tx.End]:
			t.Errorf("Text %q, but the input has %q at %d:%d", tx.Text, text[tx.Start:tx.End], tx.Start, tx.End)
		}
		switch tx.Type {
		case timex.Date, timex.Time, timex.Duration, timex.Set:
		default:
			t.Errorf("type %q is not a TIMEX3 type: %+v", tx.Type, tx)
		}
		if tx.Value == "" {
			t.Errorf("empty value: %+v", tx)
		}
	}
}
