package article

import (
	"bytes"
	"errors"
	"fmt"
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
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// checkNotBinary rejects a file with nothing in it, or with a NUL byte,
// the mark of a binary file that git and grep use too.
func checkNotBinary(data []byte) (line int, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return 0, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
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
	return lineAt(data, firstInvalidUTF8(data)), ErrEncoding
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
