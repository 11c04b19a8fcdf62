package bench

import (
	"bytes"
	"conflict-timeline/timeline/config"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// The floor is the Hugo CLI rendering as many minimal pages as the
// timeline's build wrote: what no Hugo site of that size can beat.

// HugoModule is the module the Hugo CLI is built from.
const HugoModule = "github.com/gohugoio/hugo"

// fallbackHugoVersion is used when the binary carries no build
// information (a build without modules).
const fallbackHugoVersion = "v0.165.0"

// HugoVersion is the version of Hugo this binary is linked with, which
// the floor is measured with too.
func HugoVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == HugoModule {
				if d.Replace != nil && d.Replace.Version != "" {
					return d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return fallbackHugoVersion
}

// floorConfig is the minimal site: pages and the home page only.
const floorConfig = `baseURL = "http://example.org/"
title = "Floor"
disableKinds = ["taxonomy", "term", "section", "rss", "sitemap", "robotsTXT", "404"]
`

// floorLayouts are a trivial layout for each kind left.
var floorLayouts = map[string]string{
	"home.html": "<!doctype html><title>{{ .Site.Title }}</title><h1>{{ .Site.Title }}</h1>\n",
	"page.html": "<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}\n",
}

// WriteFloor lays out in dir a Hugo site that renders pages HTML files:
// the home page and pages-1 pages, each with the title, date and first
// paragraph of an article of the corpus.
func WriteFloor(dir string, srcs []Source, pages int) error {
	if pages < 1 {
		return fmt.Errorf("floor: want at least one page, got %d", pages)
	}
	content := filepath.Join(dir, "content")
	layouts := filepath.Join(dir, "layouts")
	for _, d := range []string{content, layouts} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(floorConfig), 0o644); err != nil {
		return err
	}
	for name, text := range floorLayouts {
		if err := os.WriteFile(filepath.Join(layouts, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	for i := range pages - 1 {
		a := MakeArticle(srcs, i, true)
		body, _, _ := strings.Cut(a.Body, "\n\n")
		page := fmt.Sprintf("+++\ntitle = %s\ndate = %s\n+++\n\n%s\n", config.Quote(a.Title), cmpDate(a), body)
		if err := os.WriteFile(filepath.Join(content, fmt.Sprintf("p%05d.md", i)), []byte(page), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func cmpDate(a Article) string {
	if a.Date.IsZero() {
		return "2000-01-01"
	}
	return a.Date.Format("2006-01-02")
}

// HugoBinary returns the Hugo CLI of the given version, built once into
// the user's cache folder and kept there. It is built in a module of its
// own, since the timeline's go.sum lists only the library's packages;
// this needs the Go toolchain and, the first time, the module proxy.
func HugoBinary(ctx context.Context, version string, log io.Writer) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder to keep the Hugo CLI in (%v); name one with --hugo", err)
	}
	dir := filepath.Join(cache, "conflict-timeline", "hugo-"+version)
	bin := filepath.Join(dir, "hugo")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	mod, err := os.MkdirTemp("", "timeline-bench-hugo-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(mod)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	fmt.Fprintf(log, "bench: building the Hugo %s CLI into %s (once; takes minutes)\n", version, bin)
	tmp := bin + ".tmp"
	steps := [][]string{
		{"go", "mod", "init", "timeline-bench-hugo"},
		{"go", "get", HugoModule + "@" + version},
		{"go", "build", "-o", tmp, HugoModule},
	}
	for _, s := range steps {
		cmd := exec.CommandContext(ctx, s[0], s[1:]...)
		var out bytes.Buffer
		cmd.Dir, cmd.Stdout, cmd.Stderr = mod, &out, &out
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("building the Hugo CLI: %s: %w\n%s", strings.Join(s, " "), err, out.Bytes())
		}
	}
	return bin, os.Rename(tmp, bin)
}

// hugoVersionLine is what the Hugo CLI at bin says of its version, or
// the error that kept it from saying.
func hugoVersionLine(ctx context.Context, bin string) string {
	out, err := exec.CommandContext(ctx, bin, "version").Output()
	if err != nil {
		return fmt.Sprintf("%s version: %v", bin, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(first)
}
