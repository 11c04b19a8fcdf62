package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"conflict-timeline/timeline/internal/testenv"
)

// TestEveryUnescapeIsExplained: article text reaches HTML only through
// Hugo's escaping. Every place that turns it off, safeHTML and its kin in
// the theme and template.HTML and its kin in Go, must say why it is safe
// in a comment on its line or the line before.
func TestEveryUnescapeIsExplained(t *testing.T) {
	root := testenv.RepoRoot()
	themeUse := regexp.MustCompile(`\b(safeHTML|safeHTMLAttr|safeJS|safeURL|safeCSS|safeJSStr|safeSrcset)\b`)
	goUse := regexp.MustCompile(`\btemplate\.(HTML|HTMLAttr|JS|JSStr|URL|CSS|Srcset)\b`)
	uses := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "public" || name == "testdata" || name == "node_modules") {
				return fs.SkipDir
			}
			return nil
		}
		var use *regexp.Regexp
		var comment string
		switch ext := filepath.Ext(name); {
		case strings.HasSuffix(name, "_test.go"):
			return nil
		case ext == ".go":
			use, comment = goUse, "//"
		case ext == ".html" || ext == ".xml" || ext == ".gotmpl" || ext == ".json" || ext == ".txt" && strings.Contains(path, "layouts"):
			use, comment = themeUse, "/*"
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		lines := strings.Split(string(b), "\n")
		for i, line := range lines {
			if !use.MatchString(line) {
				continue
			}
			uses++
			explained := strings.Contains(line, comment) || i > 0 && strings.Contains(lines[i-1], comment)
			if !explained {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d: %s without a comment saying why it is safe", rel, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if uses == 0 {
		t.Error("found no use at all; is the theme where the test looks?")
	}
}
