package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons a file is not read. They are wrapped in a *FileError, so test
// them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary data, not text")
	ErrEncoding    = errors.New("not valid UTF-8")
	ErrNoText      = errors.New("no article text")
	ErrUnsupported = errors.New("unsupported file type")
	// ErrNotFile is a folder, device, named pipe or socket: only regular
	// files are articles, and nothing else is ever opened.
	ErrNotFile = errors.New("not a regular file")
	// ErrOutside is a link to a file outside the source folder.
	ErrOutside = errors.New("links outside the source folder")
	// ErrChanged is a file that changed or vanished while it was read.
	ErrChanged = errors.New("changed while it was read")
	// ErrOverLimit is an article over one of the Limits; the error is a
	// *LimitError that says which.
	ErrOverLimit = errors.New("over a limit")
)

// FileError is a file that could not be read as an article, with the reason
// and, where one is known, the line it was found on (counted from 1).
type FileError struct {
	Path string
	Line int
	Err  error
}

// Error reads like a compiler message, path:line: reason, so editors can
// jump to the line.
// A path with a line break, a control or direction-override character or
// broken UTF-8 in it is quoted, Go style, so that no file name can forge
// a line of the build's report or reorder it on screen.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", DisplayName(e.Path), e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", DisplayName(e.Path), e.Err)
}

// DisplayName is a file name as messages print it: as it is, unless it
// holds a character that would change what a terminal or log shows (a
// line break, a control character, a Unicode direction override, broken
// UTF-8), when it is quoted with those characters escaped.
func DisplayName(name string) string {
	for _, r := range name {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) ||
			unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r) || !unicode.IsPrint(r) && r != ' ' {
			return strconv.QuoteToGraphic(name)
		}
	}
	return name
}

func (e *FileError) Unwrap() error { return e.Err }

// checkNotBinary rejects a file with nothing in it, or with a NUL byte,
// the mark of a binary file that git and grep use too.
func checkNotBinary(data []byte) (line int, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return 0, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if kind := http.DetectContentType(data); !strings.HasPrefix(kind, "text/") && kind != "application/octet-stream" {
			kind, _, _ = strings.Cut(kind, ";")
			return lineAt(data, i), fmt.Errorf("%w (%s)", ErrBinary, kind)
		}
		return lineAt(data, i), ErrBinary
	}
	return 0, nil
}

// checkUTF8 rejects text in another encoding rather than guess at it, so
// byte offsets mean the same to every later step. HTML is exempt: a page
// declares its own charset.
func checkUTF8(data []byte) (line int, err error) {
	if utf8.Valid(data) {
		return 0, nil
	}
	return lineAt(data, firstInvalidUTF8(data)), fmt.Errorf("%w (Latin-1 or Windows-1252, perhaps): save it as UTF-8", ErrEncoding)
}

// lineAt is the line number of byte offset i, counted from 1.
func lineAt(data []byte, i int) int {
	return bytes.Count(data[:i], []byte("\n")) + 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
