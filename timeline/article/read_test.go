package article

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadDirSeeds(t *testing.T) {
	articles, errs := ReadDir(filepath.Join("..", "..", "seeds"))
	for _, err := range errs {
		t.Errorf("ReadDir(seeds): %v", err)
	}
	want := []struct {
		slug, title string
		// firstSentence shows whether the title line stayed in the body:
		// only a lede ending in a period does.
		firstSentence string
	}{
		{"000-8b514a281a01113d", "Syrian regime forces roll back rebel gains in Aleppo",
			"Residents said chlorine gas had been used in the attack, but the monitor could not confirm this."},
		{"001-51fe2e03ff144263", "Syrian pro-government forces pushed forward inside rebel-held Aleppo on Tuesday, prompting civilians to flee, as the regime pressed an assault to recapture the entire city.",
			"Syrian pro-government forces pushed forward inside rebel-held Aleppo on Tuesday, prompting civilians to flee, as the regime pressed an assault to recapture the entire city."},
		{"002-040d476ff14a840f", "Syria: Rebel bid to break Aleppo siege falters",
			"The news agency Reuters reported on Tuesday, citing representatives of Syrian opposition forces that on the night after a Russian Mil Mi-8 helicopter was shot down, some helicopter allegedly dropped containers with toxic gas on a township near the place of the disaster."},
		{"003-544b5b1694b84f21", "Syrian army repel armed opposition's advance in Aleppo",
			"Syrian rebel fighters stand in a damaged section of the Umayyad Mosque complex in the old city of Aleppo."},
		{"004-27d682cdbfe1bedc", "Rebel alliance launches battle to retake all of Aleppo",
			"Syrian regime forces were on the defensive around Aleppo on Sunday, August 7, after a rebel alliance said it inflicted a major setback by breaking a 3-week government siege of the battered city."},
	}
	if len(articles) != len(want) {
		t.Fatalf("ReadDir(seeds) read %d articles, want %d", len(articles), len(want))
	}
	for i, w := range want {
		a := articles[i]
		checkArticle(t, a)
		if a.Slug != w.slug || a.Title != w.title || a.Format != FormatText {
			t.Errorf("article %d = %s %q (%s), want %s %q (text)", i, a.Slug, a.Title, a.Format, w.slug, w.title)
		}
		if got := a.Sentences[0].In(a.Text); got != w.firstSentence {
			t.Errorf("%s: first sentence %q, want %q", a.Slug, got, w.firstSentence)
		}
		for _, p := range a.Paragraphs {
			if isBoilerplate(p.In(a.Text)) {
				t.Errorf("%s: boilerplate paragraph %q kept", a.Slug, p.In(a.Text))
			}
		}
		for _, raw := range []string{"’", "“", "\u00a0"} {
			if strings.Contains(a.Text, raw) {
				t.Errorf("%s: text still holds %q", a.Slug, raw)
			}
		}
	}
}

// TestSeedSentences pins sentence splits in the seeds where the source lost
// the space after a period.
func TestSeedSentences(t *testing.T) {
	tests := []struct {
		file string
		want []string // consecutive sentences
	}{
		{"001_51fe2e03ff144263.txt", []string{
			`"We are looking for empty houses to accommodate them," he said.`,
			"Launching a gas attack wasn't enough; Assad had to bomb the last hospital so children can't be treated too.",
		}},
		{"004_27d682cdbfe1bedc.txt", []string{
			`"We have now seized full control of the Ramousah area.`,
			`We are in our trenches but there are insane air strikes of unprecedented ferociousness".`,
		}},
		{"003_544b5b1694b84f21.txt", []string{
			`"No one and nowhere is safe.`,
			"Shellfire is constant, with houses, schools and hospitals all in the line of fire.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, err := Read(filepath.Join("..", "..", "seeds", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range a.Sentences {
				got = append(got, s.In(a.Text))
			}
			if !containsRun(got, tc.want) {
				t.Errorf("sentences do not contain the run %q", tc.want)
			}
		})
	}
}

func containsRun(list, run []string) bool {
	for i := 0; i+len(run) <= len(list); i++ {
		if strings.Join(list[i:i+len(run)], "\x00") == strings.Join(run, "\x00") {
			return true
		}
	}
	return false
}

func TestReadBytesText(t *testing.T) {
	tests := []struct {
		name, data      string
		title, wantText string
	}{
		{"headline then paragraphs", "Headline\n\nFirst paragraph.\nSecond paragraph.\n",
			"Headline", "First paragraph.\n\nSecond paragraph."},
		{"windows line endings", "Headline\r\n\r\nBody line.\r\n",
			"Headline", "Body line."},
		{"byte order mark", "\ufeffHeadline\nBody line.",
			"Headline", "Body line."},
		{"furniture before the headline", "Share\n\nAdvertisement\n\nHeadline\nBody.",
			"Headline", "Body."},
		{"lede kept in the body", "Rebels advanced on Monday.\nThe army retreated.",
			"Rebels advanced on Monday.", "Rebels advanced on Monday.\n\nThe army retreated."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ReadBytes("dir/Some File.txt", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != tc.title || a.Text != tc.wantText {
				t.Errorf("got title %q text %q, want %q %q", a.Title, a.Text, tc.title, tc.wantText)
			}
			if a.Slug != "some-file" || a.Path != "dir/Some File.txt" {
				t.Errorf("slug %q path %q", a.Slug, a.Path)
			}
		})
	}
}

// TestReadDirBadFiles reads a folder of broken files: each is reported
// with its name, reason and line, and the good article is still read.
func TestReadDirBadFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "readdir"))); err != nil {
		t.Fatal(err)
	}
	// What cannot be committed is made here: a folder with an article's
	// name, a link to nowhere (which is how an unreadable file looks to
	// root, who can read anything), and a second file claiming a slug.
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.md", filepath.Join(dir, "gone.md")); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	good, err := os.ReadFile(filepath.Join(dir, "good.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good_.txt"), good, 0o644); err != nil {
		t.Fatal(err)
	}

	articles, errs := ReadDir(dir)

	if len(articles) != 1 || articles[0].Title != "Shelling resumes in Daraa" {
		t.Errorf("read %d articles, want only good.txt", len(articles))
	}
	want := []struct {
		name   string
		line   int
		is     error
		reason string
	}{
		{"binary.txt", 3, ErrBinary, "binary data, not text (image/png)"},
		{"blank.md", 0, ErrEmpty, "empty file"},
		{"cp1252.txt", 3, ErrEncoding, "not valid UTF-8"},
		{"empty.txt", 0, ErrEmpty, "empty file"},
		{"folder.txt", 0, ErrNotFile, "a folder, not a file"},
		{"furniture-only.txt", 0, ErrNoText, "no article text"},
		{"gone.md", 0, fs.ErrNotExist, "cannot read: a link to a file that does not exist"},
		{"good_.txt", 0, nil, `slug "good" is already taken by ` + filepath.Join(dir, "good.txt")},
		{"malformed-toml.md", 2, nil, "malformed TOML front matter: strings cannot contain newlines"},
		{"malformed-yaml.md", 2, nil, "malformed YAML front matter: mapping value is not allowed in this context"},
		{"unclosed-toml.md", 1, nil, "TOML front matter opened with +++ is never closed"},
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:", len(errs), len(want))
		for _, err := range errs {
			t.Log(err)
		}
		return
	}
	for i, w := range want {
		var fe *FileError
		if !errors.As(errs[i], &fe) {
			t.Errorf("error %d is %T, want *FileError: %v", i, errs[i], errs[i])
			continue
		}
		path := filepath.Join(dir, w.name)
		if fe.Path != path || fe.Line != w.line || !strings.Contains(fe.Err.Error(), w.reason) {
			t.Errorf("error %d = %q, want %s line %d reason %q", i, fe, path, w.line, w.reason)
		}
		if w.is != nil && !errors.Is(fe, w.is) {
			t.Errorf("error %d = %v, want it to be %v", i, fe, w.is)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		is   error
	}{
		{"unsupported extension", filepath.Join("testdata", "readdir", "notes.json"), ErrUnsupported},
		{"missing file", filepath.Join("testdata", "no-such-file.md"), fs.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.path)
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != tc.path || !errors.Is(err, tc.is) {
				t.Errorf("Read(%q) = %v, want a *FileError for the path that is %v", tc.path, err, tc.is)
			}
		})
	}
}

func TestReadBytesErrors(t *testing.T) {
	tests := []struct {
		name, data string
		is         error
	}{
		{"page.html", "<html><head><title>Aleppo</title></head><body></body></html>", ErrNoText},
		{"page.html", "<html>\x00</html>", ErrBinary},
		{"headline-only.txt", "Rebels advance in Aleppo\n", ErrNoText},
		{"front-matter-only.md", "---\ntitle: Aleppo\n---\n", ErrNoText},
		{"report.pdf", "%PDF-1.4", ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBytes(tc.name, []byte(tc.data))
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != tc.name || !errors.Is(err, tc.is) {
				t.Errorf("ReadBytes = %v, want a *FileError for %s that is %v", err, tc.name, tc.is)
			}
		})
	}
}

func TestReadDirMissing(t *testing.T) {
	articles, errs := ReadDir(filepath.Join("testdata", "no-such-dir"))
	if len(articles) != 0 || len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) {
		t.Errorf("ReadDir(missing) = %d articles, %v", len(articles), errs)
	}
}

func TestFileErrorMessage(t *testing.T) {
	tests := []struct {
		err  *FileError
		want string
	}{
		{&FileError{Path: "seeds/a.md", Line: 3, Err: errors.New("malformed YAML front matter: bad")}, "seeds/a.md:3: malformed YAML front matter: bad"},
		{&FileError{Path: "seeds/b.txt", Err: ErrEmpty}, "seeds/b.txt: empty file"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ name, want string }{
		{"000_8b514a281a01113d.txt", "000-8b514a281a01113d"},
		{"seeds/Alep – Août 7.md", "alep-aout-7"},
		{"  Rebels' advance (update 2).HTML", "rebels-advance-update-2"},
		{"already-a-slug.htm", "already-a-slug"},
	}
	for _, tc := range tests {
		if got := Slug(tc.name); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := Slug("حلب.txt"); !strings.HasPrefix(got, "article-") || got == Slug("دمشق.txt") {
		t.Errorf("Slug of a non-Latin name = %q, want a distinct article-<hash>", got)
	}
}
