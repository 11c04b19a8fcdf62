package anchor

import (
	"math"
	"testing"
)

// mass sums a law's probability over distances -limit..limit for a
// period of n days, counting the n days inside it.
func mass(l law, n, limit int) float64 {
	s := float64(n-1) * l.density(0, n)
	for d := -limit; d <= limit; d++ {
		s += l.density(d, n)
	}
	return s
}

// Every law is a probability: it sums to about one (a little less where
// a tail reaches past the years summed), and never to more. Even laws
// are bounds, not drawn to their period: over a long one they weigh its
// days as the days after it, and sum to a little more.
func TestLawsSumToOne(t *testing.T) {
	all := map[string]law{"bound": boundLaw, "stamp": stampLaw, "background": backgroundLaw, "dateline": datelineLaw, "given": givenLaw}
	for k, l := range reportedLaws {
		all[string(rune('a'+k.kind))+map[bool]string{true: " lead"}[k.lead]] = l
	}
	for k, l := range announcedLaws {
		all["announced "+string(rune('a'+k))] = l
	}
	for name, l := range all {
		for _, n := range []int{1, 31, 365} {
			if (l.week != nil || l.even) && n > 1 {
				continue
			}
			if m := mass(l, n, 40*365); m > 1.01 || m < 0.8 {
				t.Errorf("law %s over a period of %d days sums to %.3f", name, n, m)
			}
		}
	}
	for _, w := range [][]float64{announcedWeek, reportedLaws[lawKey{kind: kWeekday}].week, reportedLaws[lawKey{kind: kWeekday, lead: true}].week} {
		var s float64
		for _, p := range w {
			s += p
		}
		if math.Abs(s-1) > 0.01 {
			t.Errorf("weekday law %v sums to %.3f", w, s)
		}
	}
}

// A clue told as to come weighs the days before it as the same clue told
// as past weighs the days after.
func TestMirror(t *testing.T) {
	l := reportedLaws[lawKey{kind: kMonthDay}]
	for _, d := range []int{-40, -3, 0, 2, 90} {
		if a, b := l.density(d, 1), l.mirror().density(-d, 1); a != b {
			t.Errorf("density(%d) = %g, mirrored %g", d, a, b)
		}
	}
}

// A bound must not draw the date into its own period.
func TestBoundIsEven(t *testing.T) {
	if in, after := boundLaw.density(0, 31), boundLaw.density(1, 31); in != after {
		t.Errorf("a bound weighs a day inside %g, just after %g", in, after)
	}
}
