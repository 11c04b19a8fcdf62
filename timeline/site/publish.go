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
)

// Publishing is the one step that touches the destination, and it never
// leaves a broken site there, whatever stops it: a write error, a full
// disk, kill -9.
//
// Hugo renders the new site page by page into a staging folder in the
// destination's parent, beside the old site, where the exports and the
// pages an incremental build reuses are added; it is then switched in by
// rename: on Linux by one atomic exchange of the two folders (renameat2
// RENAME_EXCHANGE), elsewhere by two renames, undone at the next build if
// they were cut between them. Until the switch the old site is untouched; after it the
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

// startPublish makes the staging folder for a new site of dir, which
// Hugo then renders into, after removing what killed builds left. It
// holds a lock on dir's parent until close. inPlace forces the switch
// entry by entry.
func startPublish(dir string, inPlace bool) (*publisher, error) {
	dest, err := realDest(dir)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(parent)
	if err != nil {
		return nil, err
	}
	p := &publisher{dest: dest, parent: parent, unlock: unlock}
	if err := p.start(inPlace); err != nil {
		p.close()
		return nil, err
	}
	return p, nil
}

func (p *publisher) start(inPlace bool) error {
	if err := cleanLeftovers(p.parent, p.dest); err != nil {
		return err
	}
	fi, err := os.Lstat(p.dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("the destination %s is not a folder", p.dest)
	default:
		p.exists, p.perm = true, fi.Mode().Perm()
		p.old = readManifest(p.dest)
		p.inPlace = inPlace || mustStayPut(p.dest, p.parent)
	}
	if p.perm == 0 {
		p.perm = 0o755
	}
	where, prefix := p.parent, "."+filepath.Base(p.dest)+stagingTag
	if p.inPlace {
		where, prefix = p.dest, stagingTag
	}
	p.prefix = prefix
	p.stage, err = os.MkdirTemp(where, prefix)
	return err
}

// scratch makes a folder for what the build needs on disk but does not
// publish, beside the staging folder and named like it, so that the
// next build removes it if this one is killed; close removes it.
func (p *publisher) scratch() (string, error) {
	dir, err := os.MkdirTemp(filepath.Dir(p.stage), p.prefix)
	if err == nil {
		p.scratches = append(p.scratches, dir)
	}
	return dir, err
}

// close removes the staging folder, unless it was switched in, and the
// scratch folders, and releases the lock.
func (p *publisher) close() {
	if p.stage != "" {
		os.RemoveAll(p.stage)
		p.stage = ""
	}
	for _, dir := range p.scratches {
		os.RemoveAll(dir)
	}
	p.unlock()
}

type publisher struct {
	dest, parent string
	stage        string          // the staging folder, "" once switched in
	prefix       string          // of the staging folder's name
	scratches    []string        // folders removed at the end
	files        []string        // the new site's, sorted, slash-separated
	made         map[string]bool // the same, as a set
	old          map[string]bool // what the last build wrote, from its manifest
	exists       bool
	inPlace      bool
	perm         fs.FileMode
	unlock       func()
}

// finish completes the staged site and switches it in; it returns how
// many files the site has.
func (p *publisher) finish() (int, error) {
	files, err := dirFiles(p.stage)
	if err != nil {
		return 0, err
	}
	p.files, p.made = files, map[string]bool{}
	for _, f := range files {
		p.made[f] = true
	}
	if err := p.fill(); err != nil {
		return 0, err
	}
	if err := hook("switch", len(p.files)); err != nil {
		return 0, err
	}
	if err := p.switchIn(); err != nil {
		return 0, err
	}
	return len(p.files), hook("switched", len(p.files))
}

// fill completes the staging folder: files the old site has with the
// same bytes become links to the old copies, so they keep their
// modification times; the files it carries over and the manifest are
// added.
func (p *publisher) fill() error {
	for i, f := range p.files {
		if p.exists {
			if err := p.linkSame(f); err != nil {
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
	if err := os.WriteFile(to, manifest, 0o644); err != nil {
		return err
	}
	if p.exists {
		if err := p.linkSame(manifestName); err != nil {
			return err
		}
	}
	return os.Chmod(p.stage, p.perm)
}

// linkSame replaces the staged file f by a link to the old site's copy
// when their bytes are the same.
func (p *publisher) linkSame(f string) error {
	from := filepath.Join(p.dest, filepath.FromSlash(f))
	to := filepath.Join(p.stage, filepath.FromSlash(f))
	old, err := os.Lstat(from)
	if err != nil || !old.Mode().IsRegular() {
		return nil
	}
	staged, err := os.Lstat(to)
	if err != nil {
		return err
	}
	if os.SameFile(old, staged) || old.Size() != staged.Size() || !sameBytes(from, to) {
		return nil
	}
	tmp := to + ".timeline-link"
	if os.Link(from, tmp) != nil {
		return nil // a copy serves as well
	}
	return os.Rename(tmp, to)
}

// sameBytes reports whether the files a and b have the same content.
func sameBytes(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
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
	return copyFile(from, to)
}

// copyFile makes to, which must not exist, a copy of the regular file
// from, with its permissions.
func copyFile(from, to string) error {
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

// dirFiles lists the files under dir, sorted and slash-separated.
func dirFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files = append(files, filepath.ToSlash(rel))
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
