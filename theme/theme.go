// Package theme is the Hugo theme of the timeline site, embedded so the
// timeline binary builds a site from any folder without installing
// anything.
//
// The theme is an ordinary Hugo theme: content/_content.gotmpl is a
// content adapter that makes the pages from data/timeline.json (written by
// package site at build time), layouts/ renders them and static/ holds the
// stylesheet and the filter script. A project overrides any of it the
// usual Hugo way with its own layouts/, static/ or i18n/, or file by file
// with a theme/ folder laid out like this one.
package theme

import "embed"

// FS holds the theme's files, rooted at the theme folder: hugo.toml,
// content/, i18n/ (every word the site shows readers), layouts/ and
// static/. The all: prefix keeps files whose names
// start with "_" (the content adapter, layouts/_partials), which embed
// would otherwise skip.
//
//go:embed hugo.toml all:content all:i18n all:layouts all:static
var FS embed.FS
