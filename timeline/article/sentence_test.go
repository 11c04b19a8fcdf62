package article

import (
	"slices"
	"strings"
	"testing"
)

// sentenceCases are the tricky shapes of news text, each with the
// sentences it must split into. They seed the fuzz target too.
var sentenceCases = []struct {
	name string
	text string
	want []string
}{
	{"plain", "Shelling hit Idlib. Five people died.",
		[]string{"Shelling hit Idlib.", "Five people died."}},
	{"title before a name", "He met Mr. Smith and Gen. Petraeus. Then he left.",
		[]string{"He met Mr. Smith and Gen. Petraeus.", "Then he left."}},
	{"saint", "He flew to St. Petersburg on Monday.",
		[]string{"He flew to St. Petersburg on Monday."}},
	{"acronym inside a sentence", "The U.S. State Department declined to comment.",
		[]string{"The U.S. State Department declined to comment."}},
	{"acronym ends a sentence", "The rebels are backed by the U.S. They deny it.",
		[]string{"The rebels are backed by the U.S.", "They deny it."}},
	{"unlisted acronym", "Forces of the U.S.A. Army crossed. They withdrew.",
		[]string{"Forces of the U.S.A. Army crossed.", "They withdrew."}},
	{"clock time inside", "The strike came at 5 p.m. Tuesday, officials said.",
		[]string{"The strike came at 5 p.m. Tuesday, officials said."}},
	{"clock time ends", "Talks ended at 5 p.m. The next round is in Geneva.",
		[]string{"Talks ended at 5 p.m.", "The next round is in Geneva."}},
	{"month before a day", "Rebels attacked on Aug. 7, 2016, and again on Sept. 11.",
		[]string{"Rebels attacked on Aug. 7, 2016, and again on Sept. 11."}},
	{"number abbreviation", "Resolution No. 2254 was adopted. No. The vote failed.",
		[]string{"Resolution No. 2254 was adopted.", "No.", "The vote failed."}},
	{"decimal", "Prices rose 3.5 percent in 2016. Bread doubled.",
		[]string{"Prices rose 3.5 percent in 2016.", "Bread doubled."}},
	{"initials", "George W. Bush spoke. J. K. Rowling wrote.",
		[]string{"George W. Bush spoke.", "J. K. Rowling wrote."}},
	{"quote closes after the period", `He said "it is over." Then he left.`,
		[]string{`He said "it is over."`, "Then he left."}},
	{"quote then lowercase", `"Stop the bombing!" he said. "Now."`,
		[]string{`"Stop the bombing!" he said.`, `"Now."`}},
	{"bracket closes after the period", "(The report was delayed.) Officials said nothing.",
		[]string{"(The report was delayed.)", "Officials said nothing."}},
	{"missing space after a quote", `"We are looking for empty houses to accommodate them," he said.Launching a gas attack wasn't enough.`,
		[]string{`"We are looking for empty houses to accommodate them," he said.`, "Launching a gas attack wasn't enough."}},
	{"missing space", "We have now seized full control of the Ramousah area.We are in our trenches.",
		[]string{"We have now seized full control of the Ramousah area.", "We are in our trenches."}},
	{"domain is no missing space", "The site levant.Monitor.org said so.",
		[]string{"The site levant.Monitor.org said so."}},
	{"abbreviation is no missing space", "Mr.Assad spoke.",
		[]string{"Mr.Assad spoke."}},
	{"ellipsis before a capital", "The siege went on... The city starved.",
		[]string{"The siege went on...", "The city starved."}},
	{"ellipsis before lowercase", "The siege went on… and on.",
		[]string{"The siege went on… and on."}},
	{"question and exclamation", "Is Aleppo next? Officials would not say! Talks go on.",
		[]string{"Is Aleppo next?", "Officials would not say!", "Talks go on."}},
	{"lowercase after an abbreviation", "Civilians, e.g. children, fled.",
		[]string{"Civilians, e.g. children, fled."}},
	{"sentence starts with a number", "It killed 35 people. 35 of them were children.",
		[]string{"It killed 35 people.", "35 of them were children."}},
	{"list number", "1. The convoy left at dawn.",
		[]string{"1. The convoy left at dawn."}},
	{"URL after the period", "Stop bombing schools. https://t.co/MzdEsdbEhr #Syria",
		[]string{"Stop bombing schools.", "https://t.co/MzdEsdbEhr #Syria"}},
	{"hashtag after the period", "Children can't be treated too. #Syria pic.twitter.com/r3PvyBrwVo",
		[]string{"Children can't be treated too.", "#Syria pic.twitter.com/r3PvyBrwVo"}},
	{"caseless script", "قال المرصد. وقتل خمسة.",
		[]string{"قال المرصد.", "وقتل خمسة."}},
	{"line break ends a sentence", "— Mustapha (@mustapha_itani) November 21, 2016\nIt has been a horrific week.",
		[]string{"— Mustapha (@mustapha_itani) November 21, 2016", "It has been a horrific week."}},
	{"no terminal punctuation", "Syria: Rebel bid to break Aleppo siege falters",
		[]string{"Syria: Rebel bid to break Aleppo siege falters"}},
	{"surrounding space", "  One.   Two.  ",
		[]string{"One.", "Two."}},
	{"nothing", " \n ", nil},
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range sentenceCases {
		t.Run(tc.name, func(t *testing.T) {
			spans := SplitSentences(tc.text)
			checkSpans(t, tc.text, spans)
			var got []string
			for _, s := range spans {
				got = append(got, s.In(tc.text))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// A line with no sentence end for longer than maxSentence is cut into
// pieces at word breaks: no sentence, and so no event's quote, is longer.
func TestOverlongSentence(t *testing.T) {
	text := strings.Repeat("on Monday rebels shelled the town ", 5000) + "and the army said so."
	spans := SplitSentences(text)
	if len(spans) < len(text)/maxSentence {
		t.Fatalf("%d pieces of a %d-byte line", len(spans), len(text))
	}
	covered := 0
	for i, s := range spans {
		if s.End-s.Start > maxSentence {
			t.Fatalf("piece %d is %d bytes, over %d", i, s.End-s.Start, maxSentence)
		}
		if i > 0 && s.Start < spans[i-1].End {
			t.Fatalf("pieces %d and %d overlap", i-1, i)
		}
		if w := s.In(text); strings.HasPrefix(w, " ") || strings.HasSuffix(w, " ") || strings.HasPrefix(w, "n Monday") {
			t.Fatalf("piece %d is not cut at a word break: %q", i, w[:20])
		}
		covered += len(strings.Fields(s.In(text)))
	}
	if covered != len(strings.Fields(text)) {
		t.Errorf("the pieces hold %d words of %d", covered, len(strings.Fields(text)))
	}
}
