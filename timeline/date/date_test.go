package date

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in          string
		unit        Unit
		precision   Precision
		first, last string
		out         string // String(); "" means the input
	}{
		{"2016-08-02", Day, PrecisionDay, "2016-08-02", "2016-08-02", ""},
		{"2016-02-29", Day, PrecisionDay, "2016-02-29", "2016-02-29", ""},
		{"2016-08-02T14:00", Day, PrecisionDay, "2016-08-02", "2016-08-02", ""},
		{"2016-08-02TEV", Day, PrecisionDay, "2016-08-02", "2016-08-02", ""},
		{"2016-W31-2", Day, PrecisionDay, "2016-08-02", "2016-08-02", ""},
		{"2016-W31", Week, PrecisionWeek, "2016-08-01", "2016-08-07", ""},
		{"2016-W31-WE", Week, PrecisionWeek, "2016-08-01", "2016-08-07", ""},
		// ISO weeks that belong to another calendar year.
		{"2015-W53", Week, PrecisionWeek, "2015-12-28", "2016-01-03", ""},
		{"2020-W01", Week, PrecisionWeek, "2019-12-30", "2020-01-05", ""},
		{"2016-08", Month, PrecisionMonth, "2016-08-01", "2016-08-31", ""},
		{"2016-02", Month, PrecisionMonth, "2016-02-01", "2016-02-29", ""},
		{"2016-SP", Season, PrecisionMonth, "2016-03-01", "2016-05-31", ""},
		{"2016-SU", Season, PrecisionMonth, "2016-06-01", "2016-08-31", ""},
		{"2016-FA", Season, PrecisionMonth, "2016-09-01", "2016-11-30", ""},
		// A winter is named for the year of its January.
		{"2016-WI", Season, PrecisionMonth, "2015-12-01", "2016-02-29", ""},
		{"2017-WI", Season, PrecisionMonth, "2016-12-01", "2017-02-28", ""},
		{"2016-Q1", Quarter, PrecisionMonth, "2016-01-01", "2016-03-31", ""},
		{"2016-Q4", Quarter, PrecisionMonth, "2016-10-01", "2016-12-31", ""},
		{"2016-H2", Half, PrecisionMonth, "2016-07-01", "2016-12-31", ""},
		{"2016", Year, PrecisionYear, "2016-01-01", "2016-12-31", ""},
		{"0800", Year, PrecisionYear, "0800-01-01", "0800-12-31", ""},
		{"201", Decade, PrecisionYear, "2010-01-01", "2019-12-31", ""},
		{"19", Century, PrecisionYear, "1900-01-01", "1999-12-31", ""},
	}
	for _, tt := range tests {
		v, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		out := tt.out
		if out == "" {
			out = tt.in
		}
		first, last := v.First().Format(time.DateOnly), v.Last().Format(time.DateOnly)
		if v.Unit() != tt.unit || v.Precision() != tt.precision || first != tt.first || last != tt.last || v.String() != out {
			t.Errorf("Parse(%q) = unit %d %s %s..%s %q, want unit %d %s %s..%s %q",
				tt.in, v.Unit(), v.Precision(), first, last, v.String(), tt.unit, tt.precision, tt.first, tt.last, out)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{
		"", "2", "2016-", "2016-8", "2016-13", "2016-00", "2016-02-30", "2015-02-29", "2016-08-32",
		"2016-08-02T", "2016-08-02 14:00", "2016-W00", "2016-W54", "2015-W54", "2016-W31-8", "2016-W31-0",
		"2016-XY", "2016-Q5", "2016-H3", "XXXX-08-07", "XXXX", "XXXX-WXX-2", "PRESENT_REF", "PAST_REF",
		"P3D", "PT2H", "2016/08/02", "x016", "201X", "-0300",
	} {
		if v, err := Parse(s); err == nil || !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) = %v, %v; want an ErrSyntax", s, v, err)
		}
	}
}

func TestContainsOverlaps(t *testing.T) {
	tests := []struct {
		a, b               string
		contains, overlaps bool
	}{
		{"2016", "2016-08-02", true, true},
		{"2016-08", "2016-08-31", true, true},
		{"2016-W31", "2016-08-07", true, true},
		{"2016-W31", "2016-07-31", false, false},
		{"2016-08", "2016-W31", true, true},
		{"2016-08", "2016-W35", false, true}, // Aug 29 – Sep 4
		{"2016-WI", "2015-12-25", true, true},
		{"2016-WI", "2016-12-25", false, false},
		{"2016-Q3", "2016-SU", false, true},
		{"201", "2016-Q3", true, true},
		{"2016-08-02T14:00", "2016-08-02", true, true},
		{"2015", "2016", false, false},
	}
	for _, tt := range tests {
		a, b := MustParse(tt.a), MustParse(tt.b)
		if got := a.Contains(b); got != tt.contains {
			t.Errorf("%s contains %s = %v, want %v", tt.a, tt.b, got, tt.contains)
		}
		if got := a.Overlaps(b); got != tt.overlaps || b.Overlaps(a) != got {
			t.Errorf("%s overlaps %s = %v, want %v both ways", tt.a, tt.b, got, tt.overlaps)
		}
	}
	var zero Value
	if zero.Contains(MustParse("2016")) || MustParse("2016").Overlaps(zero) {
		t.Error("the zero Value contains or overlaps a date")
	}
}

func TestWithinAndCoarsen(t *testing.T) {
	tests := []struct {
		v           string
		p           Precision
		first, last string
	}{
		{"2016-08-08", PrecisionWeek, "2016-W32", "2016-W32"},
		{"2016-08-08", PrecisionMonth, "2016-08", "2016-08"},
		{"2016-08-08T14:00", PrecisionYear, "2016", "2016"},
		{"2016-W35", PrecisionMonth, "2016-08", "2016-09"}, // straddles
		{"2016-W52", PrecisionYear, "2016", "2017"},
		{"2016-Q3", PrecisionMonth, "2016-07", "2016-09"},
		{"2016-WI", PrecisionMonth, "2015-12", "2016-02"},
		{"2016-WI", PrecisionYear, "2015", "2016"},
		{"201", PrecisionYear, "2010", "2019"},
		{"2016-08", PrecisionDay, "2016-08", "2016-08"}, // coarser already
	}
	for _, tt := range tests {
		first, last := MustParse(tt.v).Within(tt.p)
		if first.String() != tt.first || last.String() != tt.last {
			t.Errorf("%s within %s = %s..%s, want %s..%s", tt.v, tt.p, first, last, tt.first, tt.last)
		}
		c, ok := MustParse(tt.v).Coarsen(tt.p)
		if ok != (tt.first == tt.last) || ok && c.String() != tt.first {
			t.Errorf("%s coarsened to %s = %s %v", tt.v, tt.p, c, ok)
		}
	}
}

func TestOf(t *testing.T) {
	day := time.Date(2016, 8, 7, 15, 0, 0, 0, time.UTC) // a Sunday
	for p, want := range map[Precision]string{
		PrecisionDay: "2016-08-07", PrecisionWeek: "2016-W31", PrecisionMonth: "2016-08", PrecisionYear: "2016", PrecisionUnknown: "",
	} {
		if got := Of(day, p).String(); got != want {
			t.Errorf("Of(%s, %s) = %q, want %q", day, p, got, want)
		}
	}
}

func TestCompare(t *testing.T) {
	in := []string{"2016", "2016-08", "2016-08-01", "2016-W31", "2016-08-02", "2015-WI", "2016-Q3"}
	want := []string{"2015-WI", "2016", "2016-Q3", "2016-08", "2016-W31", "2016-08-01", "2016-08-02"}
	vs := make([]Value, len(in))
	for i, s := range in {
		vs[i] = MustParse(s)
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if vs[j].Compare(vs[i]) < 0 {
				vs[i], vs[j] = vs[j], vs[i]
			}
		}
	}
	for i, v := range vs {
		if v.String() != want[i] {
			t.Fatalf("sorted: got %v at %d, want %v", v, i, want)
		}
	}
	if (Value{}).Compare(MustParse("2016")) <= 0 {
		t.Error("the zero Value does not sort last")
	}
}

func TestPrecision(t *testing.T) {
	if !PrecisionDay.Finer(PrecisionWeek) || !PrecisionWeek.Finer(PrecisionMonth) || !PrecisionYear.Finer(PrecisionUnknown) {
		t.Error("precisions are not ordered from unknown to the day")
	}
	b, err := json.Marshal(map[Precision]int{PrecisionDay: 1})
	if err != nil || string(b) != `{"day":1}` {
		t.Errorf("as a JSON key: %s %v", b, err)
	}
	var p Precision
	if err := json.Unmarshal([]byte(`"month"`), &p); err != nil || p != PrecisionMonth {
		t.Errorf("unmarshal month: %v %v", p, err)
	}
	if err := json.Unmarshal([]byte(`"fortnight"`), &p); err == nil {
		t.Error("unmarshal of an unknown precision did not fail")
	}
}

func TestJSON(t *testing.T) {
	type row struct {
		When Value `json:"when"`
	}
	b, err := json.Marshal(row{MustParse("2016-WI")})
	if err != nil || string(b) != `{"when":"2016-WI"}` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var r row
	if err := json.Unmarshal(b, &r); err != nil || r.When != MustParse("2016-WI") {
		t.Errorf("unmarshal: %v %v", r.When, err)
	}
	if err := json.Unmarshal([]byte(`{"when":"2016-13"}`), &r); err == nil {
		t.Error("unmarshal of a bad value did not fail")
	}
}

// FuzzParse: whatever parses writes back to a value that parses to the
// same period, and a period's first day is never after its last.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2016-08-02T14:00", "2016-W31-2", "2016-W31-WE", "2016-WI", "201", "19", "2016-Q3", "2016-13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		if v.First().After(v.Last()) || v.Days() < 1 {
			t.Fatalf("%q: first %s after last %s", s, v.First(), v.Last())
		}
		w, err := Parse(v.String())
		if err != nil || !w.First().Equal(v.First()) || !w.End().Equal(v.End()) {
			t.Fatalf("%q wrote %q, which reads back as %v (%v)", s, v.String(), w, err)
		}
		if !v.Contains(v.DayOnly()) {
			t.Fatalf("%q does not contain itself", s)
		}
	})
}
