package article

import (
	"fmt"
	"unicode/utf8"
)

// Limits bound what one article may cost to read, so that no file, by
// mistake or by design, can stall or exhaust a build. A file over a limit
// is reported with the limit and the config.toml key that raises it; the
// others are read.
type Limits struct {
	// MaxBytes is the largest file read, in bytes. A bigger one is not
	// read at all: only its size is looked at.
	MaxBytes int64
	// MaxDepth is the deepest nesting of elements in a saved page, or in
	// the HTML a Markdown file renders to.
	MaxDepth int
	// MaxTitle is the longest headline kept, in characters: a longer one
	// is cut there, and the article says so in its Warnings.
	MaxTitle int
}

// DefaultLimits hold when config.toml sets none: ample for any news
// article (the longest of the seeds is 9 KB, pages nest some 30 deep).
var DefaultLimits = Limits{MaxBytes: 5_000_000, MaxDepth: 512, MaxTitle: 500}

// The config.toml keys of the limits, in its [limits] table; messages
// name them so that a reader knows what to raise.
const (
	KeyMaxBytes = "max_article_bytes"
	KeyMaxDepth = "max_html_depth"
	KeyMaxTitle = "max_title_chars"
)

// withDefaults fills in each limit left at zero.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxTitle <= 0 {
		l.MaxTitle = DefaultLimits.MaxTitle
	}
	return l
}

// LimitError is an article over one of the limits.
type LimitError struct {
	What  string // "the file is 74,000,000 bytes"
	Limit string // "the limit of 5,000,000 bytes"
	Key   string // the [limits] key that sets it
	// Kept, if set, says what is kept of the article despite the limit.
	Kept string
}

func (e *LimitError) Error() string {
	msg := fmt.Sprintf("%s, over %s", e.What, e.Limit)
	if e.Kept != "" {
		msg += "; " + e.Kept
	} else {
		msg += "; it is left out"
	}
	return msg + fmt.Sprintf(" (raise [limits] %s in config.toml to allow more)", e.Key)
}

// Is makes every LimitError match ErrOverLimit.
func (e *LimitError) Is(target error) bool { return target == ErrOverLimit }

// Thousands writes n with comma separators: 5,000,000.
func Thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cutTitle cuts a headline longer than max characters at the last space
// before it, with an ellipsis; ok is false when it did.
func cutTitle(title string, max int) (string, bool) {
	if utf8.RuneCountInString(title) <= max {
		return title, true
	}
	cut, n := len(title), 0
	for i := range title {
		if n == max {
			cut = i
			break
		}
		n++
	}
	s := title[:cut]
	for i := len(s) - 1; i > len(s)/2; i-- {
		if s[i] == ' ' {
			s = s[:i]
			break
		}
	}
	return s + "…", false
}
