package article

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"conflict-timeline/timeline"
	"golang.org/x/net/html"
)

// The fixtures are shaped like the pages of the sites they are named for,
// with invented text; each one tests a different source of the date.
func TestReadHTML(t *testing.T) {
	tests := []struct {
		file          string
		title         string
		meta          Meta // without the dates
		dateFrom      []string
		day           time.Time // the publication day, UTC
		precision     timeline.Precision
		firstSentence string
		sentences     []string
		absent        []string
	}{
		{
			file:  "reuters-jsonld.html",
			title: "Syrian rebels say they opened a route into besieged Aleppo",
			meta: Meta{Source: "Reuters", URL: "https://www.reuters.com/article/us-mideast-crisis-syria-aleppo-idUSKCN10E0Q2",
				Author: "Lina Haddad", Lang: "en"},
			dateFrom:      []string{"JSON-LD datePublished", "<time datetime>"},
			day:           time.Date(2016, 8, 6, 19, 42, 10, 0, time.UTC),
			precision:     timeline.PrecisionDay,
			firstSentence: "BEIRUT (Reuters) - Syrian rebels said on Saturday they had opened a supply route into the besieged eastern half of Aleppo after a week of heavy fighting on the city's southern edge, a claim the army denied.",
			sentences: []string{
				`"The road is open for trucks, but it is still within range of their guns," one commander told Reuters by telephone.`,
				"He asked not to be named.",
			},
			absent: []string{"Advertisement", "Reporting by", "Related coverage", "U.N. envoy urges", "All rights reserved", "dataLayer"},
		},
		{
			file:  "guardian-meta.html",
			title: "Aleppo rebels claim to have broken government siege",
			meta: Meta{Source: "the Guardian", URL: "https://www.theguardian.com/world/2016/aug/07/aleppo-rebels-claim-broken-government-siege",
				Author: "Martin Aske in Beirut", Lang: "en-GB"},
			dateFrom:      []string{"article:published_time meta", "URL path"},
			day:           time.Date(2016, 8, 7, 17, 5, 12, 0, time.UTC),
			precision:     timeline.PrecisionDay,
			firstSentence: "Syrian rebels have claimed to have broken a month-long government siege of eastern Aleppo, in what would be one of the most significant reversals for Bashar al-Assad's forces since Russia entered the war last year.",
			sentences: []string{
				"A war of supply lines",
				"Government forces closed the Castello road, the last route into the east, on 17 July.",
			},
			absent: []string{"Share on Facebook", "World news", "Guardian News and Media"},
		},
		{
			file:  "aljazeera-time.html",
			title: "Civilians flee as fighting spreads in southern Aleppo",
			meta: Meta{Source: "Al Jazeera", URL: "https://www.aljazeera.com/news/middleeast/civilians-flee-fighting-spreads-southern-aleppo",
				Lang: "en"},
			dateFrom:      []string{"<time datetime>"},
			day:           time.Date(2016, 8, 8, 8, 20, 0, 0, time.UTC),
			precision:     timeline.PrecisionDay,
			firstSentence: "Thousands leave the Hamdaniya district as government forces mass for a counterattack.",
			sentences: []string{
				"Families carrying bags and mattresses crowded onto the road north towards the city centre on Monday morning, a local journalist told Al Jazeera.",
			},
			absent: []string{"Most Read", "UN calls for weekly Aleppo truce", "Published On"},
		},
		{
			file:  "bbc-graph.html",
			title: "Syria war: Aleppo water supply cut as fighting damages pumping station",
			meta: Meta{Source: "BBC News", URL: "https://www.bbc.co.uk/news/world-middle-east-37012345",
				Author: "BBC News", Lang: "en-GB"},
			dateFrom:      []string{"JSON-LD datePublished"},
			day:           time.Date(2016, 8, 9, 10, 14, 52, 0, time.UTC),
			precision:     timeline.PrecisionDay,
			firstSentence: "Up to two million people in the Syrian city of Aleppo are without running water after fighting damaged the main pumping station, the United Nations children's agency Unicef says.",
			absent:        []string{"More on this story", "Rebels 'break siege'", "Copyright"},
		},
		{
			file:          "url-path-only.html", // and in windows-1252, as its meta says
			title:         "Aid convoy reaches Moadamiyeh after months of waiting",
			meta:          Meta{Source: "levant-monitor.example", URL: "https://www.levant-monitor.example/2016/08/11/aid-convoy-reaches-moadamiyeh/"},
			dateFrom:      []string{"URL path"},
			day:           time.Date(2016, 8, 11, 0, 0, 0, 0, time.UTC),
			precision:     timeline.PrecisionDay,
			firstSentence: "A convoy of 40 trucks carrying food and medicine entered the besieged town of Moadamiyeh, south-west of Damascus, on Thursday, the Syrian Arab Red Crescent said.",
			sentences: []string{
				`"People are eating one meal a day, sometimes less," said Abu Hassan, a teacher in the town.`,
				`"The children's faces have changed."`,
			},
			absent: []string{"Archives", "Leave a comment", "\ufffd"},
		},
		{
			file:          "no-date.html",
			title:         "Truce talks stall as Aleppo fighting continues",
			meta:          Meta{Lang: "en"},
			precision:     timeline.PrecisionUnknown,
			firstSentence: "Talks between Russian and American officials on a new ceasefire for Aleppo ended without agreement, diplomats in Geneva said.",
			sentences: []string{
				"The U.S. State Department did not comment.",
				"Dr. Hatem, a paediatrician in the east of the city, said the hospital had received 23 wounded since dawn.",
			},
			absent: []string{"Share"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, err := Read(filepath.Join("testdata", "html", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Format != FormatHTML || a.Title != tc.title {
				t.Errorf("got %s %q, want html %q", a.Format, a.Title, tc.title)
			}
			var from []string
			for _, d := range a.Meta.Dates {
				from = append(from, d.From)
			}
			if !reflect.DeepEqual(from, tc.dateFrom) {
				t.Errorf("date evidence from %q, want %q", from, tc.dateFrom)
			}
			if d := a.Meta.Date; !d.Time.Equal(tc.day) || d.Precision != tc.precision {
				t.Errorf("date %v (%s), want %v (%s)", d, d.Precision, tc.day, tc.precision)
			}
			got := a.Meta
			got.Date, got.Dates = Date{}, nil
			if !reflect.DeepEqual(got, tc.meta) {
				t.Errorf("meta %+v, want %+v", got, tc.meta)
			}
			checkSentences(t, a, tc.firstSentence, tc.sentences, tc.absent)
		})
	}
}

func TestJSONLDDate(t *testing.T) {
	tests := []struct {
		name, jsonLD, want string
	}{
		{"NewsArticle", `{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2016-08-06"}`, "2016-08-06"},
		{"type as a list", `{"@type":["NewsArticle","Article"],"datePublished":"2016-08-06"}`, "2016-08-06"},
		{"array of objects", `[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","datePublished":"2016-08-06"}]`, "2016-08-06"},
		{"graph, article over page", `{"@graph":[{"@type":"WebPage","datePublished":"2016-08-01"},{"@type":"ReportageNewsArticle","datePublished":"2016-08-06"}]}`, "2016-08-06"},
		{"page when no article", `{"@type":"WebPage","datePublished":"2016-08-01"}`, "2016-08-01"},
		{"related articles are not the page's", `{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","datePublished":"2016-07-01"}]}`, ""},
		{"broken JSON", `{"@type":"NewsArticle","datePublished":"2016-08-06",}`, ""},
		{"no date", `{"@type":"NewsArticle","headline":"x"}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseHTML(t, `<html><head><script type="application/ld+json">`+tc.jsonLD+`</script></head><body></body></html>`)
			if got := jsonLDDate(doc); got != tc.want {
				t.Errorf("jsonLDDate = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTimeElementDate(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"only one", `<p><time datetime="2016-08-08">8 Aug</time></p>`, "2016-08-08"},
		{"pubdate wins", `<article><header><time datetime="2016-08-09"></time></header><time pubdate datetime="2016-08-08"></time></article>`, "2016-08-08"},
		{"itemprop wins", `<time datetime="2016-08-09"></time><time itemprop="datePublished" datetime="2016-08-08"></time>`, "2016-08-08"},
		{"article header over article", `<article><p><time datetime="2016-08-09"></time></p><header><time datetime="2016-08-08"></time></header></article>`, "2016-08-08"},
		{"article over page header", `<header><time datetime="2016-08-20"></time></header><article><time datetime="2016-08-08"></time></article>`, "2016-08-08"},
		{"first of equals", `<p><time datetime="2016-08-08"></time><time datetime="2016-08-09"></time></p>`, "2016-08-08"},
		{"asides never", `<aside><time datetime="2016-08-10"></time></aside><nav><time datetime="2016-08-11"></time></nav><footer><time datetime="2016-08-12"></time></footer>`, ""},
		{"no datetime attribute", `<time>8 August 2016</time>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := timeElementDate(parseHTML(t, "<html><body>"+tc.body+"</body></html>")); got != tc.want {
				t.Errorf("timeElementDate = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTrimSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Aleppo siege broken - BBC News", "BBC News", "Aleppo siege broken"},
		{"Aleppo siege broken | Al Jazeera", "al jazeera", "Aleppo siege broken"},
		{"Aleppo siege broken — Reuters", "Reuters", "Aleppo siege broken"},
		{"Aleppo siege broken | Syria News | Al Jazeera", "Al Jazeera", "Aleppo siege broken | Syria News"},
		{"Reuters", "Reuters", "Reuters"},
		{"Aleppo - a city divided", "", "Aleppo - a city divided"},
		{"Aleppo - a city divided", "Reuters", "Aleppo - a city divided"},
	}
	for _, tc := range tests {
		if got := trimSiteName(tc.title, tc.site); got != tc.want {
			t.Errorf("trimSiteName(%q, %q) = %q, want %q", tc.title, tc.site, got, tc.want)
		}
	}
}

func TestHTMLParagraphs(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"blocks", "<p>One.</p><div>Two.</div><h2>Three</h2>", []string{"One.", "Two.", "Three"}},
		{"inline text joins", "<p>Al<b>ep</b>po <a href='#'>fell</a>.</p>", []string{"Aleppo fell."}},
		{"source newlines are spaces", "<p>One\nline.</p>", []string{"One line."}},
		{"br breaks a line", "<p>One.<br>Two.</p>", []string{"One.\nTwo."}},
		{"list items", "<ul><li>a</li><li>b</li></ul>", []string{"a", "b"}},
		{"table row", "<table><tr><td>Idlib</td><td>12</td></tr></table>", []string{"Idlib 12"}},
		{"scripts and styles skipped", "<p>Text.<script>var x;</script><style>p{}</style></p>", []string{"Text."}},
		{"entities decoded", "<p>Tom &amp; Jerry&nbsp;said</p>", []string{"Tom & Jerry\u00a0said"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := htmlParagraphs(parseHTML(t, "<html><body>"+tc.body+"</body></html>"))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("htmlParagraphs = %q, want %q", got, tc.want)
			}
		})
	}
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
