package article

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// formats maps the file extensions a source folder may hold to their
// format; ReadDir passes over every other file.
var formats = map[string]Format{
	".txt":      FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
	".html":     FormatHTML,
	".htm":      FormatHTML,
}

// readers turn the bytes of one format into a draft. A reader returns a
// *FileError only when it knows the line; ReadBytes wraps other errors and
// fills in the path.
var readers = map[Format]func(data []byte) (draft, error){
	FormatText:     readText,
	FormatMarkdown: readMarkdown,
	FormatHTML:     readHTML,
}

// Read reads one article file. Errors are *FileError values naming the
// file and the reason.
func Read(path string) (*Article, error) {
	if _, ok := formatOf(path); !ok {
		return nil, &FileError{Path: path, Err: ErrUnsupported}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: readReason(err)}
	}
	return ReadBytes(path, data)
}

// ReadBytes reads an article from data. name is its file name or path: it
// gives the format by its extension, the slug, and the name errors use.
func ReadBytes(name string, data []byte) (*Article, error) {
	format, ok := formatOf(name)
	if !ok {
		return nil, &FileError{Path: name, Err: ErrUnsupported}
	}
	a, err := read(format, data)
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			fe = &FileError{Err: err}
		}
		fe.Path = name
		return nil, fe
	}
	a.Slug, a.Path, a.Format = Slug(name), name, format
	return a, nil
}

func read(format Format, data []byte) (*Article, error) {
	if line, err := checkNotBinary(data); err != nil {
		return nil, &FileError{Line: line, Err: err}
	}
	d, err := readers[format](data)
	if err != nil {
		return nil, err
	}
	return assemble(d)
}

// ReadDir reads every file in dir with a supported extension, in name
// order, skipping hidden files; it does not descend into sub-folders. A bad
// file does not stop the others: it is reported in the errors, and so is a
// second file claiming a slug already taken.
func ReadDir(dir string) ([]*Article, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{&FileError{Path: dir, Err: readReason(err)}}
	}
	var articles []*Article
	var errs []error
	bySlug := map[string]string{}
	for _, e := range entries {
		_, supported := formatOf(e.Name())
		if strings.HasPrefix(e.Name(), ".") || !supported {
			continue
		}
		path := filepath.Join(dir, e.Name())
		a, err := Read(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if other, dup := bySlug[a.Slug]; dup {
			errs = append(errs, &FileError{Path: path, Err: fmt.Errorf("slug %q is already taken by %s; rename one of them", a.Slug, other)})
			continue
		}
		bySlug[a.Slug] = path
		articles = append(articles, a)
	}
	return articles, errs
}

func formatOf(name string) (Format, bool) {
	f, ok := formats[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// readReason drops the path and operation from an os error, as FileError
// names the file already: "is a directory", "permission denied".
func readReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}
