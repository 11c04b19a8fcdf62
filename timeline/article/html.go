package article

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/go-shiori/dom"
	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
)

// readHTML reads a saved web page. The main text is what go-readability (a
// port of Firefox's Reader View) keeps of the page; the metadata comes from
// the page's own <meta>, JSON-LD and <time> elements, read here so that
// each date can say where it came from.
func readHTML(data []byte, lim Limits) (draft, error) {
	if err := checkDepth(data, lim.MaxDepth, "the page nests"); err != nil {
		return draft{}, err
	}
	// dom.Parse detects the page's charset before parsing.
	doc, err := dom.Parse(bytes.NewReader(data))
	if err != nil {
		return draft{}, fmt.Errorf("malformed HTML: %w", err)
	}
	art, err := readability.FromDocument(doc, nil)
	if err != nil {
		return draft{}, fmt.Errorf("no readable content: %w", err)
	}
	content, err := html.Parse(strings.NewReader(art.Content))
	if err != nil {
		return draft{}, fmt.Errorf("no readable content: %w", err)
	}

	metas := metaValues(doc)
	m := Meta{
		URL:    first(canonicalURL(doc), metas["og:url"]),
		Author: strings.TrimSpace(trimPrefixFold(first(metas["author"], art.Byline), "By ")),
		Lang:   first(art.Language, strings.ReplaceAll(metas["og:locale"], "_", "-")),
	}
	m.Source = first(metas["og:site_name"], art.SiteName, hostName(m.URL))
	title := trimSiteName(first(metas["og:title"], art.Title), m.Source)
	return draft{
		title: title,
		paras: htmlParagraphs(content),
		meta:  m.withDates(pageDates(doc, metas, m.URL)),
	}, nil
}

// metaValues maps each <meta> name, property or itemprop, lowercased, to
// its content; the first of a name wins, as it does for crawlers.
func metaValues(doc *html.Node) map[string]string {
	values := map[string]string{}
	for _, n := range dom.GetElementsByTagName(doc, "meta") {
		content := strings.TrimSpace(dom.GetAttribute(n, "content"))
		if content == "" {
			continue
		}
		for _, attr := range []string{"property", "name", "itemprop"} {
			key := strings.ToLower(strings.TrimSpace(dom.GetAttribute(n, attr)))
			if _, seen := values[key]; key != "" && !seen {
				values[key] = content
			}
		}
	}
	return values
}

func canonicalURL(doc *html.Node) string {
	for _, n := range dom.GetElementsByTagName(doc, "link") {
		if strings.EqualFold(dom.GetAttribute(n, "rel"), "canonical") {
			return strings.TrimSpace(dom.GetAttribute(n, "href"))
		}
	}
	return ""
}

// trimSiteName removes the site's name that pages append to their title:
// "Aleppo siege broken - BBC News" with site "BBC News".
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		suffix := sep + site
		if len(title) > len(suffix) && strings.EqualFold(title[len(title)-len(suffix):], suffix) {
			return title[:len(title)-len(suffix)]
		}
	}
	return title
}

// hostName names a site by its host when the page does not: reuters.com.
func hostName(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func trimPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// first returns the first non-empty string.
func first(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
