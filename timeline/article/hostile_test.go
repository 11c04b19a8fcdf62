package article

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadDirHostile reads a folder that a hostile tester made: every
// file that is no article, or not only one, is reported by name with its
// reason, nothing is opened that is not a regular file inside the folder,
// and the good articles are read.
func TestReadDirHostile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := "Shelling resumes in Daraa\n\nGovernment forces shelled Daraa on Tuesday, residents said.\n"
	write("good.txt", []byte(good))
	write("script.md", []byte("<script>alert(1)</script>\n\nThe talks resumed on Tuesday.\n"))
	write("script-open.md", []byte("---\ntitle: Talks\n---\n<script>alert(1)\n\nThe talks resumed on Tuesday.\n"))
	write("shortcodes.md", []byte("---\ntitle: Shortcodes\n---\n{{< stat \"events\" >}} and {{ .Site.Title }} on Tuesday.\n"))
	write("title.txt", []byte(strings.Repeat("word ", 20_000)+"\n\nThe body, on Tuesday.\n"))
	write("deep.html", []byte("<html><body>"+strings.Repeat("<div>", 5000)+"Text on Tuesday."+strings.Repeat("</div>", 5000)+"</body></html>"))
	write("deep.md", []byte("Deep\n\n"+strings.Repeat(">", 5000)+" Text on Tuesday.\n"))
	write("mondays.txt", []byte("Mondays\n\n"+strings.Repeat("on Monday ", 200_000)+"\n")) // 2 MB, one line
	write("baddate.md", []byte("+++\ntitle = \"Bad date\"\ndate = \"the day after\"\n+++\nText on Tuesday.\n"))
	write("png.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"))
	write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"))
	write("latin1.txt", []byte("Alep\n\nLes forces ont bombard\xe9 la ville.\n"))
	write("wrong-types.md", []byte("+++\ntitle = { a = 1 }\n+++\nBody.\n"))
	write("newline\nname.txt", []byte(good))
	write("rtl\u202eeman.txt", []byte(strings.Replace(good, "Daraa", "Homs", 1)))
	write("..dots.txt", []byte(good)) // hidden: its name starts with a dot
	write("a..b.txt", []byte(strings.Replace(good, "Daraa", "Idlib", 1)))
	if f, err := os.Create(filepath.Join(dir, "huge.txt")); err != nil {
		t.Fatal(err)
	} else {
		f.Truncate(74_000_000) // sparse: costs no disk, and is never read
		f.Close()
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make a symlink here: %v", err)
		}
	}
	link("/etc/passwd", "passwd.txt")
	link("/dev/zero", "zero.txt")
	link("good.txt", "inside.txt") // a link inside the folder is followed
	link(".", "loop")
	link("loop2.txt", "loop1.txt")
	link("loop1.txt", "loop2.txt")
	link(filepath.Join("..", filepath.Base(dir), "good.txt"), "roundabout.md")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	device := os.Geteuid() == 0 && syscall.Mknod(filepath.Join(dir, "null.txt"), syscall.S_IFCHR|0o644, 1<<8|3) == nil
	write("vanish.txt", []byte(good))
	write("swap.txt", []byte(good))
	write("swapped-in", []byte(good+"More.\n"))
	beforeOpen = func(path string) {
		switch filepath.Base(path) {
		case "vanish.txt":
			os.Remove(path)
		case "swap.txt":
			os.Rename(filepath.Join(dir, "swapped-in"), path)
		}
	}
	defer func() { beforeOpen = nil }()

	type report struct {
		err     error
		skipped bool
	}
	var reported []report
	articles, errs := ReadDirWith(dir, Options{Report: func(err error, skipped bool) { reported = append(reported, report{err, skipped}) }})

	want := map[string]struct {
		is     error
		reason string
	}{
		"deep.html":         {ErrOverLimit, "the page nests elements more than 512 deep, over the limit of 512; it is left out (raise [limits] max_html_depth in config.toml"},
		"deep.md":           {ErrOverLimit, "the Markdown nests elements more than 512 deep"},
		"fifo.txt":          {ErrNotFile, "a named pipe, not a file: it was not opened"},
		"huge.txt":          {ErrOverLimit, "the file is 74,000,000 bytes, over the limit of 5,000,000 bytes; it is left out (raise [limits] max_article_bytes in config.toml to allow more)"},
		"latin1.txt":        {ErrEncoding, "3: not valid UTF-8 (Latin-1 or Windows-1252, perhaps): save it as UTF-8"},
		"loop1.txt":         {nil, "a loop of links"},
		"loop2.txt":         {nil, "a loop of links"},
		"passwd.txt":        {ErrOutside, "links outside the source folder (/etc/passwd); only files inside it are read"},
		"png.txt":           {ErrBinary, "binary data, not text (image/png)"},
		"swap.txt":          {ErrChanged, "changed while it was read: another file took its place"},
		"swapped-in":        {ErrChanged, "changed while it was read: it is gone"},
		"vanish.txt":        {ErrChanged, "changed while it was read: it is gone"},
		"wrong-types.md":    {nil, "2: malformed TOML front matter: title is a table; want a string"},
		"zero.txt":          {ErrOutside, "links outside the source folder (/dev/zero)"},
		"inside.txt":        {nil, `slug "inside" is already taken`}, // never: a link has a slug of its own
		"roundabout.md":     {nil, ""},
		"rtl\u202eeman.txt": {nil, ""},
		"a..b.txt":          {nil, ""},
		"null.txt":          {ErrNotFile, "a device, not a file: it was not opened"},
	}
	delete(want, "inside.txt")
	delete(want, "roundabout.md")
	delete(want, "rtl\u202eeman.txt")
	delete(want, "a..b.txt")
	if !device {
		delete(want, "null.txt")
	}
	got := map[string]error{}
	for _, err := range errs {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%v is %T, want a *FileError", err, err)
			continue
		}
		got[filepath.Base(fe.Path)] = err
	}
	for name, w := range want {
		err, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%q is not reported", name)
		case !strings.Contains(err.Error(), w.reason):
			t.Errorf("%q: %v; want %q", name, err, w.reason)
		case w.is != nil && !errors.Is(err, w.is):
			t.Errorf("%q: %v is not %v", name, err, w.is)
		}
		delete(got, name)
	}
	for name, err := range got {
		t.Errorf("%q reported, unexpectedly: %v", name, err)
	}

	titles := map[string]*Article{}
	for _, a := range articles {
		checkArticle(t, a)
		titles[filepath.Base(a.Path)] = a
	}
	for _, name := range []string{"good.txt", "script.md", "script-open.md", "shortcodes.md", "title.txt", "baddate.md", "inside.txt", "roundabout.md", "rtl\u202eeman.txt", "a..b.txt", "newline\nname.txt", "mondays.txt"} {
		if titles[name] == nil {
			t.Errorf("%q was not read", name)
		}
	}
	if len(articles) != 12 {
		t.Errorf("read %d articles, want 12", len(articles))
	}
	if a := titles["script.md"]; a != nil && !strings.Contains(a.Title+a.Text, "<script>alert(1)</script>") {
		t.Errorf("script.md: the <script> is not kept as text: %q %q", a.Title, a.Text)
	}
	if a := titles["script-open.md"]; a != nil && (!strings.Contains(a.Text, "<script>alert(1)") || !strings.Contains(a.Text, "The talks resumed on Tuesday.")) {
		t.Errorf("script-open.md: %q", a.Text)
	}
	if a := titles["shortcodes.md"]; a != nil && a.Text != `{{< stat "events" >}} and {{ .Site.Title }} on Tuesday.` {
		t.Errorf("shortcodes.md: %q", a.Text)
	}
	if a := titles["title.txt"]; a != nil {
		if n := len([]rune(a.Title)); n > 501 || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Error(), "the headline is 99,999 characters long, over the limit of 500; it is cut there (raise [limits] max_title_chars") {
			t.Errorf("title.txt: title of %d characters, warnings %v", n, a.Warnings)
		}
	}
	if a := titles["baddate.md"]; a != nil {
		if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Error(), `baddate.md:3: front matter date "the day after" is not a date`) {
			t.Errorf("baddate.md: warnings %v", a.Warnings)
		}
	}
	for _, a := range articles {
		if strings.Contains(a.Text, "root:") {
			t.Errorf("%s: holds /etc/passwd", a.Path)
		}
	}

	// Each problem was reported as it was met, in name order, and
	// nothing else.
	var skipped, warned int
	for _, r := range reported {
		if r.skipped {
			if r.err != errs[skipped] {
				t.Errorf("report %d = %v, want %v", skipped, r.err, errs[skipped])
			}
			skipped++
		} else {
			warned++
		}
	}
	// The notices: two warnings, and two files that are no articles.
	if skipped != len(errs) || warned != 4 {
		t.Errorf("reported %d skipped and %d notices, want %d and 4", skipped, warned, len(errs))
	}
	for _, r := range reported {
		if !r.skipped && errors.Is(r.err, ErrUnsupported) && !strings.HasSuffix(r.err.(*FileError).Path, "image.png") ||
			errors.Is(r.err, ErrNotFile) && !r.skipped && !strings.HasSuffix(r.err.(*FileError).Path, "loop") {
			t.Errorf("notice %v", r.err)
		}
	}
	for _, err := range errs {
		if msg := err.Error(); strings.ContainsAny(msg, "\n\u202e") {
			t.Errorf("message %q holds a line break or direction override", msg)
		}
	}
}

func TestDisplayName(t *testing.T) {
	for name, want := range map[string]string{
		"seeds/a.txt":          "seeds/a.txt",
		"seeds/Alep – Août.md": "seeds/Alep – Août.md",
		"a\nb.txt":             `"a\nb.txt"`,
		"rtl\u202eeman.txt":    `"rtl\u202eeman.txt"`,
		"bell\a.txt":           `"bell\a.txt"`,
		"bad\xff.txt":          `"bad\xff.txt"`,
	} {
		if got := DisplayName(name); got != want {
			t.Errorf("DisplayName(%q) = %s, want %s", name, got, want)
		}
	}
	_ = fmt.Sprint
	_ = fs.ErrNotExist
}
