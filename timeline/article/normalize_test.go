package article

import (
	"slices"
	"testing"
)

func TestNormalizeLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"curly quotes and apostrophes", "Syria’s “fateful” battle", `Syria's "fateful" battle`},
		{"low and reversed quotes", "„so-called‟ ‚moderates‛", `"so-called" 'moderates'`},
		{"primes", "a 6′2″ fence", `a 6'2" fence`},
		{"no-break spaces around a dash", "ALEPPO\u00a0–\u00a0Syrian troops", "ALEPPO – Syrian troops"},
		{"narrow and ideographic spaces", "40\u202fkm\u3000north", "40 km north"},
		{"zero-width and invisible marks", "Ale\u200bppo\u2060 \u200esaid\u00ad", "Aleppo said"},
		{"byte order mark", "\ufeffHeadline", "Headline"},
		{"hyphens", "non\u2011stop pro\u2010government", "non-stop pro-government"},
		{"control characters", "a\x07b\x1bc", "abc"},
		{"tabs and runs of spaces", "  many \t  spaces   here ", "many spaces here"},
		{"NFC composition", "Cafe\u0301 in Alepp\u006f\u0308", "Café in Aleppö"},
		{"ZWNJ kept in Persian", "می\u200cخواهم", "می\u200cخواهم"},
		{"dashes kept", "2011–2016 — and on", "2011–2016 — and on"},
		{"empty", " \u00a0 ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normalizeLine(tc.in); got != tc.want {
				t.Errorf("normalizeLine(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitLines(t *testing.T) {
	got := splitLines("a\r\nb\rc\u2028d\ne")
	if want := []string{"a", "b", "c", "d", "e"}; !slices.Equal(got, want) {
		t.Errorf("splitLines = %q, want %q", got, want)
	}
}

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Advertisement", true},
		{"ADVERTISEMENT", true},
		{"Share", true},
		{"Share this article", true},
		{"Share on Facebook", true},
		{"Leave a Comment", true},
		{"Leave a comment", true},
		{"12 comments", true},
		{"Short link :", true},
		{"• Short link :", true},
		{"•", true},
		{"* * *", true},
		{"———", true},
		{"five × four =", true},
		{"3 + 4 = ?", true},
		{"Follow us on Twitter", true},
		{"For the latest on Syria and the Kurdish region, follow us on Twitter :", true},
		{"File photo", true},
		{"(Reporting by Lina Haddad; Editing by Tom Marsh)", true},
		{"Published On 8 Aug 2016 8 Aug 2016", true},
		{"Related coverage", false},
		{"Read more:", true},
		{"© 2016 Reuters. All rights reserved.", true},
		{"Copyright 2016 Agence France-Presse", true},
		{"Subscribe to our daily newsletter", true},

		// Real sentences that start like furniture stay.
		{"Share prices in Damascus fell sharply on Monday.", false},
		{"Advertisement hoardings in the old city were burned.", false},
		{"Leave a comment, the minister told reporters, and you will be arrested.", false},
		{"Comments by the minister angered Ankara.", false},
		{"Follow us on Twitter for updates, the group said in a statement.", false},
		{"File photo of the citadel, taken in 2010.", false},
		{"Published in 2016, the report counted 300 dead.", false},
		{"Syria: Rebel bid to break Aleppo siege falters", false},
		{"— Mustapha (@mustapha_itani) November 21, 2016", false},
		{"35 of them were children.", false},
	}
	for _, tc := range tests {
		if got := isBoilerplate(tc.line); got != tc.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestCleanParagraph(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"boilerplate line dropped", "Share\nRebels advanced.\nAdvertisement", "Rebels advanced."},
		{"blank lines dropped", "One.\n \n\u00a0\nTwo.", "One.\nTwo."},
		{"nothing left", "Share\nLeave a comment", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanParagraph(tc.in); got != tc.want {
				t.Errorf("cleanParagraph(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
