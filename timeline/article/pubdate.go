package article

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// A page states its publication date in several places, none of them
// everywhere. pageDates gathers them strongest first: explicit metadata,
// then JSON-LD, then a <time> element, then the URL path.

// dateMetas are the <meta> names, properties and itemprops that hold a
// publication date, in order of trust: Open Graph's article property is
// what publishers maintain most carefully, the rest are older or
// vendor-specific conventions.
var dateMetas = []string{
	"article:published_time",
	"og:article:published_time",
	"og:published_time",
	"datepublished", // schema.org microdata: <meta itemprop="datePublished">
	"pubdate",
	"publishdate",
	"publish-date",
	"publish_date",
	"dc.date.issued",
	"dc.date",
	"dcterms.issued",
	"dcterms.created",
	"sailthru.date",
	"parsely-pub-date",
	"originalpublicationdate",
	"date",
}

func pageDates(doc *html.Node, metas map[string]string, pageURL string) []Date {
	var dates []Date
	for _, name := range dateMetas {
		if v := metas[name]; v != "" {
			dates = append(dates, parseDate(v, name+" meta"))
		}
	}
	if v := jsonLDDate(doc); v != "" {
		dates = append(dates, parseDate(v, "JSON-LD datePublished"))
	}
	if v := timeElementDate(doc); v != "" {
		dates = append(dates, parseDate(v, "<time datetime>"))
	}
	if d, ok := urlPathDate(pageURL); ok {
		dates = append(dates, d)
	}
	return dates
}

// articleType matches the schema.org types of a news article or post, as
// opposed to the WebPage, Organization or BreadcrumbList beside it.
var articleType = regexp.MustCompile(`Article$|BlogPosting$|^Report$`)

// jsonLDDate is the datePublished of the page's article in its JSON-LD,
// whether the object stands alone, sits in an array or in an @graph. An
// article's date wins over any other object's, such as the WebPage's.
// Broken JSON, common in the wild, is passed over.
func jsonLDDate(doc *html.Node) string {
	var other string
	for _, script := range dom.QuerySelectorAll(doc, `script[type="application/ld+json"]`) {
		var v any
		if json.Unmarshal([]byte(dom.TextContent(script)), &v) != nil {
			continue
		}
		for _, obj := range jsonLDObjects(v) {
			date, _ := obj["datePublished"].(string)
			if date == "" {
				continue
			}
			if isArticleType(obj["@type"]) {
				return date
			}
			if other == "" {
				other = date
			}
		}
	}
	return other
}

// jsonLDObjects flattens the top-level objects of a JSON-LD value: arrays
// and @graph lists are opened, other nested objects (an ItemList of related
// articles, say) are not, as their dates are not this page's.
func jsonLDObjects(v any) []map[string]any {
	switch v := v.(type) {
	case []any:
		var objs []map[string]any
		for _, e := range v {
			objs = append(objs, jsonLDObjects(e)...)
		}
		return objs
	case map[string]any:
		objs := []map[string]any{v}
		if graph, ok := v["@graph"]; ok {
			objs = append(objs, jsonLDObjects(graph)...)
		}
		return objs
	}
	return nil
}

// isArticleType accepts "@type" as a string or a list of strings.
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return articleType.MatchString(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && articleType.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// timeElementDate picks the <time datetime> most likely to be the
// publication date: one marked as such, then one in the article's header,
// in the article, in a page header. Times in asides, navigation and footers
// date other articles, and are never taken.
func timeElementDate(doc *html.Node) string {
	best, bestScore := "", -1
	for _, n := range dom.GetElementsByTagName(doc, "time") {
		v := strings.TrimSpace(dom.GetAttribute(n, "datetime"))
		if v == "" {
			continue
		}
		if score := timeScore(n); score > bestScore {
			best, bestScore = v, score
		}
	}
	return best
}

func timeScore(n *html.Node) int {
	if dom.HasAttribute(n, "pubdate") || strings.EqualFold(dom.GetAttribute(n, "itemprop"), "datePublished") {
		return 4
	}
	inHeader, inArticle := false, false
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.Data {
		case "aside", "nav", "footer":
			return -1
		case "header":
			inHeader = true
		case "article":
			inArticle = true
		}
	}
	switch {
	case inHeader && inArticle:
		return 3
	case inArticle:
		return 2
	case inHeader:
		return 1
	}
	return 0
}
