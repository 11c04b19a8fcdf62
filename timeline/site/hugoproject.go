package site

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"

	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/spf13/afero"
)

// HugoSettings is the file of a written Hugo project (Options.HugoProject)
// that holds the settings the build fixes. They win over the project's
// config.toml, as they do in a build, when the Hugo CLI reads them after
// it (of the files --config names, the last wins):
//
//	hugo --source DIR --config config.toml,timeline-hugo.json
const HugoSettings = "timeline-hugo.json"

// projectFolders are the folders of a project that Hugo reads.
var projectFolders = []string{"archetypes", "assets", "content", "data", "i18n", "layouts", "static"}

// writeProject writes into dir, which must not exist or be empty, the
// Hugo project this build renders: the theme as laid out (the timeline's
// data and filter files in it), the project's own files that Hugo reads,
// and the settings the build fixes (HugoSettings). The Hugo CLI then
// renders the same pages from the same input; the benchmark measures the
// build against it. Every page is rendered there: a build's plan to
// reuse pages is not written.
func (b *hugoBuild) writeProject(dir string) error {
	if err := emptyOrMissing(dir); err != nil {
		return err
	}
	theme := afero.NewBasePathFs(b.source, b.themeDir())
	if err := streamTree(theme, dir, filepath.Join("themes", themeName)); err != nil {
		return err
	}
	for _, name := range projectFolders {
		own := filepath.Join(b.projectDir, name)
		if fi, err := os.Stat(own); err == nil && fi.IsDir() {
			if err := streamTree(afero.NewBasePathFs(afero.NewOsFs(), own), dir, name); err != nil {
				return err
			}
		}
	}
	// Without a config file of the project's, an empty one, so that the
	// command HugoSettings gives holds for every project.
	config := filepath.Join(dir, "config.toml")
	if b.opt.ConfigFile == "" {
		if err := os.WriteFile(config, nil, 0o644); err != nil {
			return err
		}
	} else if err := streamFile(afero.NewOsFs(), b.opt.ConfigFile, config); err != nil {
		return err
	}
	return writeSettings(filepath.Join(dir, HugoSettings), b.flags.Get("").(hmaps.Params))
}

// writeSettings writes the build's settings for a project in its own
// folder: its folders relative to it, and no cache folder but Hugo's
// usual one.
func writeSettings(name string, flags hmaps.Params) error {
	settings := maps.Clone(flags)
	for _, k := range []string{"workingdir", "cachedir", "cascade"} {
		delete(settings, k)
	}
	settings["themesdir"] = "themes"
	settings["resourcedir"] = "resources"
	settings["publishdir"] = "public"
	b, err := json.MarshalIndent(settings, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

func emptyOrMissing(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s: the folder for the Hugo project is not empty", dir)
	}
	return nil
}

// streamTree copies every file of src into dir/prefix on disk, a file at
// a time and without holding it whole: the data file is the size of the
// site's data.
func streamTree(src afero.Fs, dir, prefix string) error {
	return afero.Walk(src, "", func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		return streamFile(src, path, filepath.Join(dir, prefix, path))
	})
}

func streamFile(src afero.Fs, from, to string) error {
	in, err := src.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
