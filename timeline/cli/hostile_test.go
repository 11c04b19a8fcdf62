package cli

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBuildHostileFolder builds a folder that a hostile tester filled:
// every bad file is named with its reason, as it is met and again at the
// end; nothing outside the folder, and nothing but regular files, is read;
// every good article's events are in the site; and the exit status says
// files were left out. The build must end: a deadline guards against a
// hang, far above what it takes.
func TestBuildHostileFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of a hostile folder")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "articles")
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	// The default limits hold.
	writeFiles(t, dir, map[string]string{"config.toml": "[timeline]\nsource = \"articles\"\n[site]\ntitle = \"Hostile\"\n"})

	// Ten good articles, each with an event on a day of its own, and four
	// more with names or contents that are odd but no reason to refuse.
	places := []string{"Idlib", "Homs", "Hama", "Daraa", "Raqqa", "Manbij", "Azaz", "Douma", "Palmyra", "Kobani"}
	good := map[string]string{} // file name: the date of its event
	for i, place := range places {
		name := fmt.Sprintf("good-%02d.txt", i)
		day := fmt.Sprintf("2016-08-%02d", i+1)
		write(name, fmt.Appendf(nil, "Shelling in %s\n\nGovernment forces shelled %s on %d August 2016, residents said.\n", place, place, i+1))
		good[name] = day
	}
	odd := map[string]string{
		"new\nline.txt":        "Aleppo",
		"rtl\u202etxt.md":      "Jarablus",
		"a..b.txt":             "Tartus",
		"ctrl\x01\x1b[31m.txt": "Latakia",
	}
	day := 20
	for name, place := range odd {
		write(name, fmt.Appendf(nil, "Shelling in %s\n\nGovernment forces shelled %s on %d August 2016, residents said.\n", place, place, day))
		good[name] = fmt.Sprintf("2016-08-%02d", day)
		day++
	}
	write("shortcodes.md", []byte("---\ntitle: Shortcodes\ndate: 2016-09-01\n---\n"+
		"Rebels took Hama on 2 September 2016, {{< stat \"events\" >}} said, and {{ .Site.Title }} {{ os.Getenv \"HOME\" }} too.\n"))
	good["shortcodes.md"] = "2016-09-02"
	write("script.md", []byte("<script>alert(\"xss\")</script>\n\nRebels took Saraqeb on 3 September 2016.\n"))
	good["script.md"] = "2016-09-03"
	write("long-title.txt", []byte(strings.Repeat("Aleppo ", 15_000)+"\n\nRebels took Atmeh on 4 September 2016.\n"))
	good["long-title.txt"] = "2016-09-04"
	write("date-number.md", []byte("+++\ntitle = \"A date as a number\"\ndate = 12345\n+++\nRebels took Madaya on 5 September 2016.\n"))
	good["date-number.md"] = "2016-09-05"

	// The bad ones, and why each is left out.
	bad := map[string]string{}
	write("empty.txt", nil)
	bad["empty.txt"] = "empty file"
	binary := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range binary {
		binary[i] = byte(r.IntN(256))
	}
	binary[10] = 0
	write("binary.txt", binary)
	bad["binary.txt"] = "binary data, not text"
	write("latin1.txt", []byte("Alep\n\nLes forces ont bombard\xe9 la ville le 6 ao\xfbt 2016.\n"))
	bad["latin1.txt"] = "3: not valid UTF-8"
	write("malformed.md", []byte("+++\ntitle = \"unclosed\n+++\nBody.\n"))
	bad["malformed.md"] = "2: malformed TOML front matter"
	write("malformed-yaml.md", []byte("---\ntitle: a\nsource: x: y\n---\nBody.\n"))
	bad["malformed-yaml.md"] = "3: malformed YAML front matter"
	write("title-table.md", []byte("+++\ntitle = { text = \"x\" }\n+++\nBody on 7 August 2016.\n"))
	bad["title-table.md"] = "2: malformed TOML front matter: title is a table; want a string"
	if f, err := os.Create(filepath.Join(src, "huge.txt")); err != nil {
		t.Fatal(err)
	} else {
		f.Truncate(74_000_000) // sparse, and never read
		f.Close()
	}
	bad["huge.txt"] = "the file is 74,000,000 bytes, over the limit of 5,000,000 bytes; it is left out (raise [limits] max_article_bytes in config.toml to allow more)"
	write("deep.html", []byte("<html><body>"+strings.Repeat("<div>", 5000)+"Rebels took Idlib on 8 August 2016."+strings.Repeat("</div>", 5000)+"</body></html>"))
	bad["deep.html"] = "the page nests elements more than 512 deep, over the limit of 512; it is left out (raise [limits] max_html_depth in config.toml"
	write("deep.md", []byte("Deep\n\n"+strings.Repeat("> ", 5000)+"Rebels took Idlib on 9 August 2016.\n"))
	bad["deep.md"] = "the Markdown nests elements more than 512 deep"
	write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"))
	bad["image.txt"] = "binary data, not text (image/png)"
	write("empty\nname.txt", nil)
	bad["empty\nname.txt"] = "empty file"
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(src, name)); err != nil {
			t.Skipf("cannot make a symlink here: %v", err)
		}
	}
	link("/etc/passwd", "passwd.txt")
	bad["passwd.txt"] = "links outside the source folder (/etc/passwd); only files inside it are read"
	link("/dev/zero", "zero.txt")
	bad["zero.txt"] = "links outside the source folder (/dev/zero)"
	link("nowhere.txt", "dangling.txt")
	bad["dangling.txt"] = "a link to a file that does not exist"
	link("loop-b.txt", "loop-a.txt")
	link("loop-a.txt", "loop-b.txt")
	bad["loop-a.txt"] = "a loop of links"
	bad["loop-b.txt"] = "a loop of links"
	link(".", "loop") // a folder that holds itself: passed over with a notice
	if err := syscall.Mkfifo(filepath.Join(src, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad["fifo.txt"] = "a named pipe, not a file: it was not opened"
	if os.Geteuid() == 0 {
		if err := syscall.Mknod(filepath.Join(src, "null.txt"), syscall.S_IFCHR|0o644, 1<<8|3); err == nil {
			bad["null.txt"] = "a device, not a file: it was not opened"
		}
	}
	write("picture.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))

	// One line of "on Monday" after another, 2 MB of them: read, anchored
	// and resolved, its expressions cut at the limit, which its page says.
	write("mondays.txt", []byte("Mondays\n\n"+strings.Repeat("on Monday ", mondays)+"\n"))
	bad["mondays.txt"] = fmt.Sprintf("resolving dates: the article has %s temporal expressions, over the limit of 100,000; the first 100,000 are kept, and its page says so (raise [limits] max_expressions in config.toml to allow more)", thousands(mondays))

	start := time.Now()
	e, out, errs := realEnv()
	done := make(chan int, 1)
	go func() { done <- e.main([]string{"build", "--config", filepath.Join(dir, "config.toml")}) }()
	var code int
	select {
	case code = <-done:
	case <-time.After(5 * time.Minute):
		t.Fatalf("the build did not end within 5 minutes; stderr so far:\n%s", errs.String())
	}
	t.Logf("built the hostile folder in %s", time.Since(start).Round(time.Millisecond))
	if code != exitSkipped {
		t.Errorf("exit %d, want %d: the site built, files left out", code, exitSkipped)
	}
	stderr := errs.String()
	const heading = "problems left out or cut short:\n"
	i := strings.Index(stderr, heading)
	if i < 0 {
		t.Fatalf("no summary of the problems:\n%s", stderr)
	}
	asMet, summary := stderr[:i], stderr[i+len(heading):]
	if j := strings.Index(summary, "\ntimeline: "); j >= 0 {
		summary = summary[:j+1]
	}
	for name, reason := range bad {
		shown := quoteName(filepath.Join(src, name))
		for _, part := range []struct{ what, text string }{{"as it was met", asMet}, {"in the summary", summary}} {
			if !strings.Contains(part.text, shown+":") || !strings.Contains(part.text, reason) {
				t.Errorf("%s: not reported %s with %q", shown, part.what, reason)
			}
		}
	}
	if n := strings.Count("\n"+summary, "\n  "); n != len(bad) {
		t.Errorf("the summary lists %d problems, want %d:\n%s", n, len(bad), summary)
	}
	for _, notice := range []string{
		quoteName(filepath.Join(src, "picture.png")) + ": unsupported file type (.png)",
		quoteName(filepath.Join(src, "loop")) + ": a folder, not a file",
		quoteName(filepath.Join(src, "long-title.txt")) + ": the headline is 104,999 characters long, over the limit of 500; it is cut there",
		quoteName(filepath.Join(src, "date-number.md")) + `:3: front matter date "12345" is not a date`,
	} {
		if !strings.Contains(stderr, "timeline: warning: "+notice) {
			t.Errorf("no warning %q", notice)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.ContainsAny(line, "\x01\x1b\u202e") {
			t.Errorf("stderr line %q holds a control or direction character", line)
		}
	}

	dest := filepath.Join(dir, "public")
	site := tree(t, dest)
	var events struct {
		Events []struct {
			Date    string `json:"date"`
			Sources []struct {
				File string `json:"file"`
			} `json:"sources"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(site["events.json"]), &events); err != nil {
		t.Fatalf("events.json: %v", err)
	}
	found := map[string]bool{}
	for _, ev := range events.Events {
		for _, s := range ev.Sources {
			found[s.File+" "+ev.Date] = true
		}
	}
	for name, date := range good {
		if !found[name+" "+date] {
			t.Errorf("%q: no event on %s", name, date)
		}
	}
	for name, content := range site {
		if strings.Contains(content, "root:x:0:0") {
			t.Errorf("%s publishes /etc/passwd", name)
		}
		if strings.HasSuffix(name, ".html") && strings.Contains(content, `<script>alert("xss")`) {
			t.Errorf("%s holds the article's <script> as HTML", name)
		}
	}
	if !strings.Contains(out.String(), "without what the "+count(len(bad), "problem")+" above left out") {
		t.Errorf("stdout:\n%s", out)
	}
}

// mondays is how many times the one-line article says "on Monday".
const mondays = 200_000

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// quoteName is a file name as the build's messages show it.
func quoteName(path string) string {
	for _, r := range path {
		if r < ' ' || r == 0x7f || r == '\u202e' {
			return fmt.Sprintf("%q", path)
		}
	}
	return path
}
