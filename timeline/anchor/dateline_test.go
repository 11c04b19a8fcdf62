package anchor

import "testing"

func TestFindDateline(t *testing.T) {
	tests := []struct {
		body                string
		found               bool
		place, date, agency string
	}{
		{"BEIRUT, Aug 7 (Reuters) - Rebels said.", true, "BEIRUT", "Aug 7", "Reuters"},
		{"Beirut, Aug. 7, 2016 (AFP) — Rebels said.", true, "Beirut", "Aug. 7, 2016", "AFP"},
		{"WASHINGTON, March 12 (Xinhua) --\nPoland joined NATO.", true, "WASHINGTON", "March 12", "Xinhua"},
		{"NEW YORK, Nov. 2, 2016 — Stocks fell.", true, "NEW YORK", "Nov. 2, 2016", ""},
		{"BEIRUT (Reuters) - Rebels said.", true, "BEIRUT", "", "Reuters"},
		{"Share\n\nA caption. File photo\n\nALEPPO – Syrian troops repelled a rebel advance.", true, "ALEPPO", "", ""},
		{"Rebels said on Sunday – or so it seemed – that they had won.", false, "", "", ""},
		{"The UN said on Monday.", false, "", "", ""},
	}
	for _, tt := range tests {
		d, ok := findDateline(tt.body)
		if ok != tt.found || d.place != tt.place || d.date != tt.date || d.agency != tt.agency {
			t.Errorf("findDateline(%q) = %+v, %v; want place %q date %q agency %q", tt.body, d, ok, tt.place, tt.date, tt.agency)
		}
		if ok && tt.body[d.at:d.at+len(d.text)] != d.text {
			t.Errorf("findDateline(%q): text %q is not at %d", tt.body, d.text, d.at)
		}
	}
}

func TestParseDatelines(t *testing.T) {
	for _, src := range []string{"nopattern\n", "bad ^(unclosed\n"} {
		if _, err := parseDatelines(src); err == nil {
			t.Errorf("parseDatelines(%q) took it", src)
		}
	}
}
