package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/afero"
)

// Publishing is the one step that touches the destination, and it never
// leaves a broken site there, whatever stops it: a write error, a full
// disk, kill -9.
//
// The new site is written whole beside the old one, into a staging folder
// in the destination's parent, and then switched in by rename: on Linux
// by one atomic exchange of the two folders (renameat2 RENAME_EXCHANGE),
// elsewhere by two renames, undone at the next build if they were cut
// between them. Until the switch the old site is untouched; after it the
// new one is complete. The old copy is removed last.
//
// A destination that must stay the same folder (a mount point, or the
// working directory of a running process such as a file server, which
// would go on serving the renamed old folder) keeps its inode: the new
// site is staged inside it, in a hidden folder, and its entries are
// switched in one by one, the pages that only the new site has first and
// the old site's own leftovers last, so every link resolves at every
// moment, with the old copy kept until the end.
//
// Files that an earlier build did not write (a CNAME, a user's notes, a
// .git folder) are carried over into the new site by hard link. Files
// that did not change are linked from the old site too, so they keep
// their modification times and a file server's caches stay valid.
//
// A killed build leaves its staging folder behind; the next build
// removes it, under a lock on the parent folder so that two builds never
// clean up each other's work.

const (
	// stagingTag and oldTag name the folders of a publish under way:
	// .public.timeline-new-123 beside public/, or .timeline-new-123
	// inside it when it must stay put.
	stagingTag = ".timeline-new-"
	oldTag     = ".timeline-old-"
)

// errNoExchange is exchange's answer where the system or the file system
// cannot swap two names atomically.
var errNoExchange = errors.New("no atomic exchange here")

// publishHook, when a test sets it, is called at each step of publishing:
// "stage" after each file written to the staging folder (n counts them),
// "switch" just before the switch, "entry" after each entry switched in
// place, "switched" once the new site is in place. An error it returns
// fails the step, as a failing disk would.
var publishHook func(step string, n int) error

func hook(step string, n int) error {
	if publishHook == nil {
		return nil
	}
	return publishHook(step, n)
}

// publish writes the rendered site to dir and returns how many files it
// has. inPlace forces the switch entry by entry.
func publish(site afero.Fs, dir string, inPlace bool) (int, error) {
	files, err := siteFiles(site)
	if err != nil {
		return 0, err
	}
	dest, err := realDest(dir)
	if err != nil {
		return 0, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	unlock, err := lockDir(parent)
	if err != nil {
		return 0, err
	}
	defer unlock()
	if err := cleanLeftovers(parent, dest); err != nil {
		return 0, err
	}

	p := &publisher{site: site, dest: dest, parent: parent, files: files, made: map[string]bool{}}
	for _, f := range files {
		p.made[f] = true
	}
	fi, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return 0, err
	case !fi.IsDir():
		return 0, fmt.Errorf("the destination %s is not a folder", dest)
	default:
		p.exists, p.perm = true, fi.Mode().Perm()
		p.old = readManifest(dest)
		p.inPlace = inPlace || mustStayPut(dest, parent)
	}
	if p.perm == 0 {
		p.perm = 0o755
	}
	return len(files), p.run()
}

type publisher struct {
	site         afero.Fs
	dest, parent string
	files        []string        // the new site's, sorted, slash-separated
	made         map[string]bool // the same, as a set
	old          map[string]bool // what the last build wrote, from its manifest
	exists       bool
	inPlace      bool
	perm         fs.FileMode
	stage        string
}

func (p *publisher) run() error {
	where, prefix := p.parent, "."+filepath.Base(p.dest)+stagingTag
	if p.inPlace {
		where, prefix = p.dest, stagingTag
	}
	stage, err := os.MkdirTemp(where, prefix)
	if err != nil {
		return err
	}
	p.stage = stage
	defer func() {
		if p.stage != "" {
			os.RemoveAll(p.stage)
		}
	}()
	if err := p.fill(); err != nil {
		return err
	}
	if err := hook("switch", len(p.files)); err != nil {
		return err
	}
	if err := p.switchIn(); err != nil {
		return err
	}
	return hook("switched", len(p.files))
}

// fill writes the new site into the staging folder, with the files it
// carries over and the manifest.
func (p *publisher) fill() error {
	for i, f := range p.files {
		b, err := afero.ReadFile(p.site, filepath.FromSlash("/"+f))
		if err != nil {
			return err
		}
		to := filepath.Join(p.stage, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if !p.linkSame(f, b, to) {
			if err := os.WriteFile(to, b, 0o644); err != nil {
				return err
			}
		}
		if err := hook("stage", i+1); err != nil {
			return err
		}
	}
	if p.exists {
		if err := p.carry(); err != nil {
			return err
		}
	}
	manifest := []byte(strings.Join(p.files, "\n") + "\n")
	to := filepath.Join(p.stage, manifestName)
	if !p.linkSame(manifestName, manifest, to) {
		if err := os.WriteFile(to, manifest, 0o644); err != nil {
			return err
		}
	}
	return os.Chmod(p.stage, p.perm)
}

// linkSame links the old site's copy of f into the staging folder when
// its bytes are b, and reports whether it did.
func (p *publisher) linkSame(f string, b []byte, to string) bool {
	if !p.exists {
		return false
	}
	from := filepath.Join(p.dest, filepath.FromSlash(f))
	fi, err := os.Lstat(from)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		return false
	}
	old, err := os.ReadFile(from)
	return err == nil && bytes.Equal(old, b) && os.Link(from, to) == nil
}

// carry links into the staging folder the files of the destination that
// no build of ours wrote, so that publishing the new site keeps them.
// Where the destination stays put, a top-level entry that is not ours at
// all is simply left where it is.
func (p *publisher) carry() error {
	ours := map[string]bool{} // top-level names of our files, old and new
	for f := range p.made {
		ours[topName(f)] = true
	}
	for f := range p.old {
		ours[topName(f)] = true
	}
	return filepath.WalkDir(p.dest, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == p.dest {
			return nil
		}
		rel, err := filepath.Rel(p.dest, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		top := !strings.Contains(rel, "/")
		if top && (rel == manifestName || isLeftover(rel)) || (top && p.inPlace && !ours[rel]) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || p.made[rel] || p.old[rel] {
			return nil
		}
		to := filepath.Join(p.stage, filepath.FromSlash(rel))
		if _, err := os.Lstat(to); err == nil {
			return nil // the new site has a folder of that name: ours wins
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return carryFile(path, to, d)
	})
}

// carryFile makes to a copy of from: a hard link where it can, else a
// real copy; a symbolic link stays one.
func carryFile(from, to string, d fs.DirEntry) error {
	switch {
	case d.Type()&fs.ModeSymlink != 0:
		target, err := os.Readlink(from)
		if err != nil {
			return err
		}
		return os.Symlink(target, to)
	case !d.Type().IsRegular():
		return nil // a socket or a device: nothing a site needs
	}
	if os.Link(from, to) == nil {
		return nil
	}
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	fi, err := src.Stat()
	if err != nil {
		return err
	}
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// switchIn puts the staged site in the destination's place.
func (p *publisher) switchIn() error {
	if !p.exists {
		if err := os.Rename(p.stage, p.dest); err != nil {
			return err
		}
		p.stage = ""
		return nil
	}
	if p.inPlace {
		return p.switchEntries()
	}
	err := exchange(p.stage, p.dest)
	if err == nil {
		// The staging folder's name now holds the old site, removed by
		// run; a kill before that leaves it to the next build to remove.
		return nil
	}
	if errors.Is(err, errNoExchange) {
		old, err := leftoverName(p.parent, "."+filepath.Base(p.dest)+oldTag)
		if err != nil {
			return err
		}
		if err := os.Rename(p.dest, old); err == nil {
			if err := os.Rename(p.stage, p.dest); err != nil {
				if back := os.Rename(old, p.dest); back != nil {
					return fmt.Errorf("%w; the last site is in %s", err, old)
				}
				return err
			}
			p.stage = old // removed by run
			return nil
		}
	}
	// The folder cannot be renamed (a mount point, a busy folder): switch
	// its entries instead, from a staging folder inside it.
	inside, err := os.MkdirTemp(p.dest, stagingTag)
	if err != nil {
		return err
	}
	os.Remove(inside)
	if err := os.Rename(p.stage, inside); err != nil {
		if err := copyDir(p.stage, inside); err != nil {
			os.RemoveAll(inside)
			return err
		}
		os.RemoveAll(p.stage)
	}
	p.stage, p.inPlace = inside, true
	return p.switchEntries()
}

// switchEntries switches the staged site in entry by entry: first the
// entries only the new site has, then those both have, the manifest
// last; then it moves away the old site's entries the new one lacks.
// The old copies stay until every entry is in.
func (p *publisher) switchEntries() error {
	entries, err := os.ReadDir(p.stage)
	if err != nil {
		return err
	}
	oldDir, err := os.MkdirTemp(p.dest, oldTag)
	if err != nil {
		return err
	}
	defer os.RemoveAll(oldDir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	exists := func(name string) bool {
		_, err := os.Lstat(filepath.Join(p.dest, name))
		return err == nil
	}
	rank := func(name string) int {
		switch {
		case name == manifestName:
			return 2
		case exists(name):
			return 1
		}
		return 0
	}
	slices.SortStableFunc(names, func(a, b string) int { return rank(a) - rank(b) })
	for i, name := range names {
		from, to := filepath.Join(p.stage, name), filepath.Join(p.dest, name)
		switch {
		case !exists(name):
			err = os.Rename(from, to)
		default:
			err = exchange(from, to)
			if errors.Is(err, errNoExchange) {
				if err = os.Rename(to, filepath.Join(oldDir, name)); err == nil {
					err = os.Rename(from, to)
				}
			}
		}
		if err != nil {
			return err
		}
		if err := hook("entry", i+1); err != nil {
			return err
		}
	}
	staged := map[string]bool{}
	for _, n := range names {
		staged[n] = true
	}
	for f := range p.old {
		if top := topName(f); !staged[top] && exists(top) {
			if err := os.Rename(filepath.Join(p.dest, top), filepath.Join(oldDir, top)); err != nil {
				return err
			}
		}
	}
	return nil
}

// cleanLeftovers removes what killed builds left: staging folders and
// old copies, beside the destination and inside it. Where a build was
// killed between the two renames of a switch, the destination is missing
// and its old copy is put back.
func cleanLeftovers(parent, dest string) error {
	base := "." + filepath.Base(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	_, err = os.Lstat(dest)
	missing := errors.Is(err, fs.ErrNotExist)
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(parent, name)
		switch {
		case missing && strings.HasPrefix(name, base+oldTag):
			if err := os.Rename(path, dest); err != nil {
				return err
			}
			missing = false
		case strings.HasPrefix(name, base+stagingTag), strings.HasPrefix(name, base+oldTag):
			if err := os.RemoveAll(path); err != nil {
				return err
			}
		}
	}
	inside, err := os.ReadDir(dest)
	if err != nil {
		return nil // no destination yet, or not a folder: publish says so
	}
	for _, e := range inside {
		if isLeftover(e.Name()) {
			if err := os.RemoveAll(filepath.Join(dest, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func isLeftover(name string) bool {
	return strings.HasPrefix(name, stagingTag) || strings.HasPrefix(name, oldTag)
}

// leftoverName is a fresh name in dir that starts with prefix.
func leftoverName(dir, prefix string) (string, error) {
	name, err := os.MkdirTemp(dir, prefix)
	if err != nil {
		return "", err
	}
	return name, os.Remove(name)
}

// realDest follows a destination that is a symbolic link to its folder,
// so that publishing replaces the folder and keeps the link.
func realDest(dir string) (string, error) {
	fi, err := os.Lstat(dir)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return dir, nil
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("the destination %s is a link to nowhere: %w", dir, err)
	}
	return real, nil
}

// mustStayPut reports whether the destination folder must keep its
// inode: a mount point, or the working directory of a process.
func mustStayPut(dest, parent string) bool {
	if !sameDevice(dest, parent) {
		return true
	}
	if wd, err := os.Getwd(); err == nil && within(dest, wd) {
		return true
	}
	return slices.ContainsFunc(processDirs(), func(d string) bool { return within(dest, d) })
}

// within reports whether path is dir or inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel)
}

// readManifest is the set of files the last build wrote to dir.
func readManifest(dir string) map[string]bool {
	set := map[string]bool{}
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return set
	}
	for _, f := range strings.Split(string(b), "\n") {
		if f != "" && filepath.IsLocal(filepath.FromSlash(f)) {
			set[f] = true
		}
	}
	return set
}

// hasArticles reports whether the site in dir, as its manifest tells,
// has a page for at least one article.
func hasArticles(dir string) bool {
	for f := range readManifest(dir) {
		if strings.HasPrefix(f, "sources/") && strings.HasSuffix(f, ".html") && f != "sources/index.html" {
			return true
		}
	}
	return false
}

func topName(f string) string {
	top, _, _ := strings.Cut(f, "/")
	return top
}

// siteFiles lists the rendered site's files, sorted.
func siteFiles(site afero.Fs) ([]string, error) {
	var files []string
	err := afero.Walk(site, string(filepath.Separator), func(path string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files = append(files, filepath.ToSlash(strings.TrimPrefix(path, string(filepath.Separator))))
		}
		return err
	})
	slices.Sort(files)
	return files, err
}

// copyDir copies the tree at from to to, for a staging folder that must
// move to another file system.
func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return carryFile(path, target, d)
	})
}
