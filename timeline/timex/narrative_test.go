package timex_test

import (
	"testing"

	"conflict-timeline/timeline/timex"
)

// TestNarrativeStory checks that a date said without a year takes the
// year the story has reached, and that digressions do not move it: expr,
// the last expression of the text with those words, must have value want.
func TestNarrativeStory(t *testing.T) {
	tests := []struct {
		name, text, expr, want string
	}{
		{"year said again keeps the month",
			"The war spread in 1941. On December 7 (December 8 in Asia), 1941, Japan attacked. In January the Allies met.",
			"January", "1942-01"},
		{"year in parentheses",
			"In June 1793 peasants revolted against the Civil Constitution of the Clergy (1790). On 17 August the Convention voted.",
			"17 August", "1793-08-17"},
		{"date naming a past thing",
			"On 13 July 1793 Marat was killed. Danton, the leader of the August 1792 uprising, fell. On 24 June the Convention met.",
			"24 June", "1793-06-24"},
		{"date naming a later thing moves the story",
			"In May 1915 the Russians retreated. Despite the June 1916 offensive, discontent grew. Romania joined on 27 August.",
			"27 August", "1916-08-27"},
		{"look back",
			"In May 1918 the Germans gave up the salient seized the previous April. On 15 July they attacked again.",
			"15 July", "1918-07-15"},
		{"distant year mid-sentence",
			"In March 1944 Japan attacked Assam, as it had planned since 1937. By June the province fell.",
			"June", "1944-06"},
		{"a date in the past perfect looks back",
			"In May 1944 British forces counter-attacked, and Chinese forces that had invaded Burma in late 1943 besieged Myitkyina. By June the Japanese had taken Henan.",
			"June", "1944-06"},
		{"a range of months runs forward across the new year",
			"The Allies took Manila in March 1945. British forces fought in Burma from October to March, then took Rangoon by May 3.",
			"October", "1944-10"},
		{"the end of a range of months across the new year moves the story",
			"The Allies took Manila in March 1945. British forces fought in Burma from October to March, then took Rangoon by May 3.",
			"May 3", "1945-05-03"},
		{"a list of months runs forward",
			"Fighting flared in March 2005. The spring was calm compared to the carnage of November and January.",
			"November", "2004-11"},
		{"a season naming a thing takes the year said after the thing",
			"The Americans landed in June 1917.\n\nGerman Spring Offensive of 1918\n\nThe Germans attacked in March.",
			"Spring", "1918-SP"},
		{"a date after until is the last day told, for the clock time after it",
			"Much of the fighting ended on May 7, 1954, but the battle lasted until May 8 1:00AM.",
			"1:00AM", "1954-05-08T01:00"},
		{"anaphor after a digression",
			"The first campaign, in 492 BC, subdued Thrace, Persian since 513 BC. The following year Darius sent envoys.",
			"The following year", "BC0491"},
		{"winter after the summer is the coming one",
			"In October 1918 Ludendorff doubted they could hold out over the winter.",
			"the winter", "1919-WI"},
		{"winter said in January is the current one",
			"On 3 January 1777 Washington won at Princeton; he spent the winter at Morristown.",
			"the winter", "1777-WI"},
		{"a season does not move the story",
			"In October 1918 Ludendorff doubted they could hold out over the winter. On 9 November the Kaiser abdicated.",
			"9 November", "1918-11-09"},
		{"other seasons take the story's year",
			"On 17 December 1919 the Whites retreated; Yudenich had spent the spring in Estonia.",
			"the spring", "1919-SP"},
		{"count after an event is a date",
			"Girona fell on 5 February 1939. Five days after the fall of Girona, resistance broke.",
			"Five days", "1939-02-10"},
		{"count before an event is a date",
			"The State of Vietnam was formed in 1948. Two years before, the French had refused.",
			"Two years", "1946"},
		{"count after an event, apposed to a date, is that date",
			"The KPA invaded in June 1950. On 27 June 1950, two days after the KPA invaded, Truman sent the fleet.",
			"two days", "1950-06-27"},
		{"count for a stretch stays a duration",
			"The front settled in 1915. Each battalion held its sector for about a week before moving back.",
			"about a week", "P1W"},
		{"a season takes the year of the season after it",
			"The Soviets won in February 1944. Both sides spent the spring and early summer of 1943 preparing.",
			"the spring", "1943-SP"},
		{"relative look back",
			"On 25 June 1950 the KPA crossed the border. In the past year both armies had clashed. The USSR boycotted the Council since January.",
			"January", "1950-01"},
		{"a year said later in the sentence",
			"The Allies landed in May 1943. The Axis had launched their summer offensive against Russia in June 1942.",
			"summer", "1942-SU"},
		{"not from a date naming a thing",
			"In late April 2008 bombings rose from a low in January to surpass the May 2007 high.",
			"January", "2008-01"},
		{"relative expressions count from the story",
			"The Persians landed at Marathon in 490 BC, where the Ionians had fought since 499 BC. Artaphernes ended the year's campaign.",
			"the year", "BC0490"},
		{"the end of a stretch",
			"On October 20, 1944 Belgrade fell. A siege followed that lasted until the fall of Budapest in February 1945. By the start of July the Japanese had retreated.",
			"the start of July", "1944-07"},
		{"year opening a sentence",
			"In March 1939 Italy invaded Albania. In 1943, the Allies landed in Sicily. By June the island fell.",
			"June", "1943-06"},
		{"year ending a heading",
			"The meeting was set in May 1777.\n\nEstates-General of 1789\n\nThe King agreed on 27 December.",
			"27 December", "1789-12-27"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := timex.Resolve(tc.text, timex.Options{Narrative: true})
			for i := len(got) - 1; i >= 0; i-- {
				if got[i].Text == tc.expr {
					if got[i].Value != tc.want {
						t.Errorf("%q: got %s, want %s; all: %v", tc.expr, got[i].Value, tc.want, got)
					}
					return
				}
			}
			t.Errorf("%q not found; all: %v", tc.expr, got)
		})
	}
}
