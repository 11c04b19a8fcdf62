package article

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// formats maps the file extensions a source folder may hold to their
// format; ReadDir reports every other file as not an article.
var formats = map[string]Format{
	".txt":      FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
	".html":     FormatHTML,
	".htm":      FormatHTML,
}

// supportedExts lists the extensions for messages: ".txt, .md, ...".
var supportedExts = ".txt, .md, .markdown, .html or .htm"

// readers turn the bytes of one format into a draft. A reader returns a
// *FileError only when it knows the line; ReadBytes wraps other errors and
// fills in the path.
var readers = map[Format]func(data []byte, lim Limits) (draft, error){
	FormatText:     readText,
	FormatMarkdown: readMarkdown,
	FormatHTML:     readHTML,
}

// Options are the choices of ReadDirWith.
type Options struct {
	Limits Limits
	// Report, if set, is told of each file left out (skipped, a
	// *FileError also among the errors ReadDirWith returns) and of each
	// notice (a *FileError too: a warning of an article read, see
	// Article.Warnings, or a file that is no article, such as image.png
	// or a sub-folder) as soon as it is found, in name order, so that a
	// long build names a bad file when it meets it.
	Report func(err error, skipped bool)
}

// Read reads one article file, with the default limits. Errors are
// *FileError values naming the file and the reason. Only a regular file is
// read (a link is followed to one); a device, named pipe or socket is
// refused without being opened.
func Read(path string) (*Article, error) {
	return readFile(path, path, "", DefaultLimits)
}

// ReadBytes reads an article from data, with the default limits. name is
// its file name or path: it gives the format by its extension, the slug,
// and the name errors use.
func ReadBytes(name string, data []byte) (*Article, error) {
	return ReadBytesWith(name, data, DefaultLimits)
}

// ReadBytesWith is ReadBytes within the limits lim; a zero limit is the
// default one.
func ReadBytesWith(name string, data []byte, lim Limits) (*Article, error) {
	lim = lim.withDefaults()
	format, ok := formatOf(name)
	if !ok {
		return nil, &FileError{Path: name, Err: unsupported(name)}
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &FileError{Path: name, Err: sizeError(int64(len(data)), lim.MaxBytes)}
	}
	a, err := read(format, data, lim)
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			fe = &FileError{Err: err}
		}
		fe.Path = name
		return nil, fe
	}
	a.Slug, a.Path, a.Format = Slug(name), name, format
	for _, w := range a.Warnings {
		if fe, ok := w.(*FileError); ok {
			fe.Path = name
		}
	}
	return a, nil
}

func read(format Format, data []byte, lim Limits) (*Article, error) {
	if line, err := checkNotBinary(data); err != nil {
		return nil, &FileError{Line: line, Err: err}
	}
	d, err := readers[format](data, lim)
	if err != nil {
		return nil, err
	}
	return assemble(d, lim)
}

// ReadDir reads the folder dir with the default limits; see ReadDirWith.
func ReadDir(dir string) ([]*Article, []error) {
	return ReadDirWith(dir, Options{})
}

// ReadDirWith reads every article in dir, in name order, skipping hidden
// files (their names start with a dot) and a README; it does not descend
// into sub-folders. A bad file does not stop the others: it is reported in
// the errors, as a *FileError naming it, and so is a second file claiming
// a slug already taken. A file that does not claim to be an article (it
// has none of their extensions) and a sub-folder are passed over with a
// notice to opt.Report, not an error.
//
// Only regular files inside dir are articles. A symbolic link is followed
// only when its target stays inside dir; a folder, device, named pipe or
// socket is reported and never opened. A file is read no further than
// opt.Limits.MaxBytes, so a file that grows while it is read, or a link to
// something endless, cannot exhaust memory.
func ReadDirWith(dir string, opt Options) ([]*Article, []error) {
	lim := opt.Limits.withDefaults()
	report := opt.Report
	if report == nil {
		report = func(error, bool) {}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{&FileError{Path: dir, Err: readReason(err)}}
	}
	root, err := filepath.EvalSymlinks(dir)
	if err == nil {
		root, err = filepath.Abs(root)
	}
	if err != nil {
		return nil, []error{&FileError{Path: dir, Err: readReason(err)}}
	}
	var articles []*Article
	var errs []error
	skip := func(err error) {
		errs = append(errs, err)
		report(err, true)
	}
	bySlug := map[string]string{}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") && !strings.EqualFold(e.Name(), "README") {
			names = append(names, e.Name())
		}
	}
	files := readAll(dir, names, root, lim)
	for i, name := range names {
		path := filepath.Join(dir, name)
		r := <-files[i]
		a, err := r.a, r.err
		if err != nil && !Supported(name) && (errors.Is(err, ErrUnsupported) || errors.Is(err, errFolder)) {
			report(err, false)
			continue
		}
		if err != nil {
			skip(err)
			continue
		}
		if other, dup := bySlug[a.Slug]; dup {
			skip(&FileError{Path: path, Err: fmt.Errorf("slug %q is already taken by %s; rename one of them", a.Slug, DisplayName(other))})
			continue
		}
		bySlug[a.Slug] = path
		articles = append(articles, a)
		for _, w := range a.Warnings {
			report(w, false)
		}
	}
	return articles, errs
}

// fileRead is one file read, or why it was not.
type fileRead struct {
	a   *Article
	err error
}

// readAll reads the files of dir named, each into its own channel. The
// files are checked and their bytes read one after the other, in name
// order, as the hostile cases need (a file swapped or removed between
// its check and its opening); making articles of the bytes, the costly
// part, is shared among as many workers as the machine runs at once.
func readAll(dir string, names []string, root string, lim Limits) []chan fileRead {
	out := make([]chan fileRead, len(names))
	for i := range out {
		out[i] = make(chan fileRead, 1)
	}
	type job struct {
		i    int
		data []byte
	}
	jobs := make(chan job, runtime.GOMAXPROCS(0))
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for j := range jobs {
				out[j.i] <- parseGuarded(filepath.Join(dir, names[j.i]), names[j.i], j.data, lim)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, name := range names {
			data, err := loadFile(filepath.Join(dir, name), name, root, lim)
			if err != nil {
				out[i] <- fileRead{nil, err}
				continue
			}
			jobs <- job{i, data}
		}
	}()
	return out
}

// parseGuarded is parseFile, a panic on odd input turned into the file's
// error: in a worker, it would take the whole program down.
func parseGuarded(path, name string, data []byte, lim Limits) (r fileRead) {
	defer func() {
		if p := recover(); p != nil {
			r = fileRead{nil, &FileError{Path: path, Err: fmt.Errorf("the reader failed on it: %v", p)}}
		}
	}()
	a, err := parseFile(path, name, data, lim)
	return fileRead{a, err}
}

// beforeOpen, if set, runs between the checks of a file and its opening:
// tests make a file vanish or change there.
var beforeOpen func(path string)

// readFile reads the article at path, named name for its format and slug.
// With root set, path must be, or link to, a file inside root (an
// absolute path with no links in it).
func readFile(path, name, root string, lim Limits) (*Article, error) {
	data, err := loadFile(path, name, root, lim)
	if err != nil {
		return nil, err
	}
	return parseFile(path, name, data, lim)
}

// loadFile checks the file at path as readFile does and reads its bytes.
func loadFile(path, name, root string, lim Limits) ([]byte, error) {
	lim = lim.withDefaults()
	fail := func(err error) ([]byte, error) { return nil, &FileError{Path: path, Err: err} }

	target := path
	info, err := os.Lstat(path)
	if err != nil {
		if root != "" && errors.Is(err, fs.ErrNotExist) {
			// It was listed a moment ago.
			return fail(fmt.Errorf("%w: it is gone (%w)", ErrChanged, fs.ErrNotExist))
		}
		return fail(readReason(err))
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return fail(linkReason(err))
		}
		if root != "" {
			abs, err := filepath.Abs(target)
			if err != nil {
				return fail(readReason(err))
			}
			if rel, err := filepath.Rel(root, abs); err != nil || !filepath.IsLocal(rel) {
				return fail(fmt.Errorf("%w (%s); only files inside it are read", ErrOutside, DisplayName(abs)))
			}
		}
		if info, err = os.Stat(target); err != nil {
			return fail(readReason(err))
		}
	}
	if err := checkRegular(info); err != nil {
		return fail(err)
	}
	if _, ok := formatOf(name); !ok {
		return fail(unsupported(name))
	}
	if info.Size() > lim.MaxBytes {
		return fail(sizeError(info.Size(), lim.MaxBytes))
	}
	if beforeOpen != nil {
		beforeOpen(path)
	}
	data, err := readBounded(target, info, lim.MaxBytes)
	if err != nil {
		return fail(err)
	}
	return data, nil
}

// parseFile makes the article of the bytes of the file at path.
func parseFile(path, name string, data []byte, lim Limits) (*Article, error) {
	a, err := ReadBytesWith(name, data, lim)
	if err != nil {
		err.(*FileError).Path = path
		return nil, err
	}
	a.Path = path
	for _, w := range a.Warnings {
		if fe, ok := w.(*FileError); ok {
			fe.Path = path
		}
	}
	return a, nil
}

// readBounded opens the file that info describes and reads at most max
// bytes of it. It opens without blocking, so a named pipe put in its place
// since the check cannot hang the build, and makes sure that what it opened
// is still that regular file.
func readBounded(path string, info fs.FileInfo, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: it is gone", ErrChanged)
		}
		return nil, readReason(err)
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, readReason(err)
	}
	if !os.SameFile(info, opened) {
		return nil, fmt.Errorf("%w: another file took its place", ErrChanged)
	}
	if err := checkRegular(opened); err != nil {
		return nil, err
	}
	if opened.Size() > max {
		return nil, sizeError(opened.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, readReason(err)
	}
	switch {
	case int64(len(data)) > max:
		return nil, sizeError(int64(len(data)), max)
	case int64(len(data)) != opened.Size():
		return nil, fmt.Errorf("%w: %s bytes when opened, %s read; build again once it is written", ErrChanged,
			Thousands(opened.Size()), Thousands(int64(len(data))))
	}
	return data, nil
}

// checkRegular refuses whatever is not a regular file, saying what it is.
func checkRegular(info fs.FileInfo) error {
	m := info.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return reason{errFolder, "a folder, not a file: articles in sub-folders are not read"}
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "something other"
	}
	return reason{ErrNotFile, what + ", not a file: it was not opened"}
}

// errFolder is ErrNotFile for a folder.
var errFolder = fmt.Errorf("%w: a folder", ErrNotFile)

// reason is an error that says msg and is err, for errors.Is.
type reason struct {
	err error
	msg string
}

func (r reason) Error() string { return r.msg }
func (r reason) Unwrap() error { return r.err }

func unsupported(name string) error {
	ext := filepath.Ext(name)
	if ext == "" {
		return fmt.Errorf("%w (no extension): articles are %s files", ErrUnsupported, supportedExts)
	}
	return fmt.Errorf("%w (%s): articles are %s files", ErrUnsupported, DisplayName(ext), supportedExts)
}

func sizeError(size, max int64) error {
	return &LimitError{
		What:  fmt.Sprintf("the file is %s bytes", Thousands(size)),
		Limit: fmt.Sprintf("the limit of %s bytes", Thousands(max)),
		Key:   KeyMaxBytes,
	}
}

func formatOf(name string) (Format, bool) {
	f, ok := formats[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// Supported reports whether a file name has the extension of an article.
func Supported(name string) bool {
	_, ok := formatOf(name)
	return ok
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

// linkReason explains a link that leads nowhere readable.
func linkReason(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return reason{fs.ErrNotExist, "cannot read: a link to a file that does not exist"}
	}
	if strings.Contains(err.Error(), "too many links") {
		return errors.New("cannot read: a loop of links, or too long a chain of them")
	}
	return readReason(err)
}
