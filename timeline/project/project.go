// Package project lays out a new timeline project: a config.toml that
// explains its settings, an about page in content/, an empty folder for
// the articles, a .gitignore for the built site and a GitHub workflow that
// publishes it on GitHub Pages.
//
// The files live in skeleton/, embedded in the binary. Names that start
// with a dot are stored there as dot-NAME, so that git and GitHub read
// them as this repository's files no more than any other template.
package project

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

//go:embed all:skeleton
var skeleton embed.FS

// New lays out a project in dir, which may exist but must be empty, and
// returns the files it wrote, slash-separated and relative to dir.
func New(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return nil, fmt.Errorf("%s: not empty; a new timeline needs a folder of its own", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	root, err := fs.Sub(skeleton, "skeleton")
	if err != nil {
		return nil, err
	}
	var written []string
	err = fs.WalkDir(root, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, path)
		if err != nil {
			return err
		}
		name := undot(path)
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, b, 0o644); err != nil {
			return err
		}
		written = append(written, name)
		return nil
	})
	return written, err
}

// undot turns each dot-NAME of a path into .NAME.
func undot(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if rest, ok := strings.CutPrefix(p, "dot-"); ok {
			parts[i] = "." + rest
		}
	}
	return strings.Join(parts, "/")
}
