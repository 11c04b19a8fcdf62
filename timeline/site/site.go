// Package site turns a timeline into a static website with Hugo, used as a
// library.
//
// Build hands Hugo the project folder through a copy-on-write layer: the
// theme embedded in the binary (package theme) is laid into memory, with
// the files of the project's own theme/ over it, and the timeline itself
// arrives as one data file, data/timeline.json, inside the theme, written
// item by item to a temporary folder rather than held in memory. The
// theme's content adapter (content/_content.gotmpl) turns that file into
// pages. That split is deliberate: Go prepares plain data — date
// labels, grouping keys, the text cut into marked and unmarked runs, each
// event's date belief and the part of the home page it belongs to — and
// never writes front matter or HTML, while the theme owns every page, URL
// and tag, and the words readers see (theme/i18n), so a user who
// overrides it can change any of them.
//
// Every event sits on its most likely date, even one counted from an
// article date that is only a best estimate; what the site says about
// that is marks, not placement: a badge with the confidence, the reasons
// on demand, a dashed edge. Events that mention a time well before their
// article's (background) are kept apart from the news, collapsed, and
// left out of the chart and the month pages, so the chronology opens on
// the period the articles report; events nothing dates close it, with
// the articles that have no date and how to pin one in config.toml. Nothing
// generated is written into the project folder. Hugo renders each page
// straight to disk, into a staging folder beside the destination, and the
// site, with the extra files it is given (the exports), is switched in by
// rename only once Hugo has built it without error, so that the
// destination always holds a whole site (see publish.go). Given a cache
// folder, a build renders only the event, source and period pages whose inputs
// changed since the last one and links the others from the current site
// (see incremental.go).
package site

import (
	"io"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/timex"
)

// Article is one source article as its page shows it.
type Article struct {
	// Slug names the article's page; events refer to it through
	// Event.Sources[].Article.
	Slug   string
	Title  string
	URL    string // where it was published, if known
	Source string // publisher or original file name
	// Author and Published cite the article as its file gives them
	// (front matter, HTML metadata): "Tom Perry", and the publication
	// date as far as it is known, 2016-08-07, 2016-08 or 2016. A
	// plain-text article has neither; its title stands in.
	Author    string
	Published string
	// File is the article's file name in the articles folder, under
	// which config.toml pins its date ([articles."FILE"]); the site tells
	// readers of an undated article to do so.
	File string
	// Text is the whole normalized text; Timexes hold byte offsets into
	// it. Lines are paragraphs.
	Text    string
	Anchor  Anchor
	Timexes []timex.Timex
	// Notes tell the article's reader how it was read, where that is not
	// whole: "the article has 412,345 temporal expressions, over the
	// limit of 100,000; the first 100,000 are kept ...". The source page
	// shows them as text.
	Notes []string
}

// Anchor is the article's own date, against which its relative
// expressions ("on Sunday") were resolved.
type Anchor struct {
	Date       string // TIMEX3-style: 2016-08-16, 2016-08, 2016
	Precision  timeline.Precision
	Confidence float64 // in [0,1]
	Reasons    []string
}

// Input is everything a site shows.
type Input struct {
	Timeline timeline.Timeline
	Articles []Article
}

// Extra is a file published with the site that is made while the site is
// built. Its Write starts on a goroutine of its own as soon as the build
// does, beside those of the other extras and the build's own work, and
// writes straight to disk; the site waits for it only to publish. So
// Write must only read what it shares with the build. A Write that fails
// or panics leaves its file out (see Options.ExtraFailed), and the pages
// still link to it: they were made before its end was known.
type Extra struct {
	// Name is the file's slash-separated path under DestDir.
	Name  string
	Write func(io.Writer) error
}

// Options says where to read the project and write the site.
type Options struct {
	// ProjectDir holds config.toml and, optionally, content/, layouts/,
	// static/, data/, assets/ and theme/, as in a Hugo project. Empty
	// means the current folder.
	ProjectDir string
	// ConfigFile is the project's settings file when it is not one Hugo
	// finds by itself (hugo.toml, config.toml, ... in ProjectDir).
	ConfigFile string
	// DestDir receives the site; empty means ProjectDir/public.
	DestDir string
	// BaseURL overrides the baseURL of config.toml, e.g.
	// https://user.github.io/repo/ for GitHub Pages. The site links
	// relatively either way, so it also opens from disk.
	BaseURL string
	// Title and Language, when set, win over config.toml's title and
	// locale, as BaseURL does over its baseURL: the timeline tool reads
	// them from its own [site] table. Language is a tag such as en or
	// en-GB, for the pages' lang attribute.
	Title    string
	Language string
	// EventPages says whether each event gets a page of its own; the
	// zero value is EventPagesAuto.
	EventPages EventPages
	// Extra are files published with the site: the data exports. Each
	// is written to disk while the site is built (see Extra), and
	// published in the same step as the pages, only when the whole build
	// succeeded, and listed with them, so a later build removes those it
	// no longer makes. A path that the site itself uses, or that two
	// extras share, is an error, not an overwrite.
	Extra []Extra
	// ExtraFailed, if set, hears of each extra file left out because its
	// Write failed, once the build has waited for them all, before the
	// site is published without it.
	ExtraFailed func(name string, err error)
	// Progress, if set, receives a line per build step; when it is a
	// terminal the page count is updated in place while Hugo renders.
	Progress io.Writer
	// Log, if set, receives Hugo's warnings. Errors fail the build.
	Log io.Writer
	// CacheDir, if set, is where a build records the pages it published
	// and what each was made from, so that the next build into the same
	// DestDir renders only the pages whose inputs changed: the timeline
	// tool passes the project's .timeline-cache/site. Empty: every build
	// renders every page.
	CacheDir string
	// InPlace keeps DestDir the same folder: the new site is switched in
	// entry by entry rather than by renaming the folder. It is needed
	// where something holds on to the folder itself, and chosen by
	// itself for a mount point or a folder that is a process's working
	// directory.
	InPlace bool
	// HugoProject, if set, is a folder, missing or empty, where the build
	// also writes the Hugo project it renders (theme, data, the
	// project's own files, its settings in HugoSettings), so that the
	// Hugo CLI can render the same pages: the benchmark's floor for the
	// same site.
	HugoProject string
	// Rendered, if set, is called once Hugo has rendered every page,
	// while its pages and the site's data are still in memory: the
	// build's peak of live memory. The timeline tool writes a heap
	// profile there (build --memprofile).
	Rendered func()
}
