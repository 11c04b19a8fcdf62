package article

// readText reads a plain-text article, the shape of the seeds: the first
// line with text is the headline and every line is a paragraph, since such
// files are saved from pages with one line per paragraph, blank lines
// between them or not.
func readText(data []byte, _ Limits) (draft, error) {
	if line, err := checkUTF8(data); err != nil {
		return draft{}, &FileError{Line: line, Err: err}
	}
	return draft{paras: splitLines(string(data))}, nil
}
