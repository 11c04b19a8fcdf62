package cli

import (
	"fmt"
	"path/filepath"

	"conflict-timeline/timeline/project"
)

func (e *env) newCmd(args []string) error {
	fs := e.flags("new", "DIR",
		"New lays out a new timeline in DIR, which must be empty or not exist yet:\n"+
			"config.toml with every setting explained, content/about.md, an empty\n"+
			"articles/ folder, a .gitignore for the built site and a GitHub workflow\n"+
			"that publishes the site on GitHub Pages.")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("want one DIR, the folder of the new timeline; got %d", len(rest))
	}
	dir := rest[0]
	files, err := project.New(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Made a new timeline in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(e.stdout, "  %s\n", filepath.Join(dir, filepath.FromSlash(f)))
	}
	fmt.Fprintf(e.stdout, `
Next:
  1. Put news articles in %[1]s (.txt, .md or saved .html pages).
  2. Set the title and the places and actors of the conflict in %[2]s.
  3. Run 'timeline serve --config %[2]s' to preview the site as you work,
     and 'timeline build --config %[2]s' to write it to %[3]s.
  4. To publish it on GitHub Pages, push the folder to a GitHub repository,
     set TIMELINE_TOOL in .github/workflows/pages.yml to the tool's
     repository, and choose GitHub Actions as the source in Settings > Pages.
`, filepath.Join(dir, "articles"), filepath.Join(dir, "config.toml"), filepath.Join(dir, "public"))
	return nil
}
