// Package correct applies an editor's corrections to a timeline.
//
// The tool extracts events; the people who publish a chronology sign
// their name under it, so every entry must be theirs to check and
// correct. Corrections live in a TOML file beside config.toml
// (events.toml by default), keyed by the stable ID of an event (see
// events.json or `timeline review`):
//
//	[events."3f2a9c01be7d"]
//	hide = true
//	reason = "photo caption, not an event"
//
//	[events."6f7a8b9c0d1e"]
//	date = "2016-08-02"        # any precision: 2016-08-02, 2016-W31, 2016-08, or a range "2016-07-23/2016-07-31"
//	type = "air strike"
//	places = ["Saraqeb"]
//	actors = ["Russian forces"]
//	summary = "Russian jets strike Saraqeb"
//	verified = true
//	by = "initials or name"
//	note = "checked against the monitor's report"
//	merge = ["aaaaaaaaaaaa"]   # other events told of the same happening
//
//	[[add]]
//	date = "2016-08-06"
//	summary = "Rebels break the siege at Ramousah"
//	source = "https://example.org/report"   # or an article's file name
//	quote = "the words of the source"
//
// An ID is derived from an article and a sentence, so a correction
// still finds its event when the resolver dates the sentence otherwise
// or other articles are added. A correction whose event is gone is
// reported as orphaned, never dropped in silence. A bad entry (an
// unknown ID, a date that does not read, a type not in the table, a
// merge that loops) is an error naming the file and line; the other
// corrections are applied.
package correct

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"conflict-timeline/timeline/date"
)

// DefaultFile is the corrections file's name beside config.toml.
const DefaultFile = "events.toml"

// File is an editor's corrections.
type File struct {
	// Path is the file read, for errors.
	Path string
	// Events are the corrections by event ID, Adds the hand-written
	// events, each in the order of the file.
	Events []Correction
	Adds   []Addition
}

// Correction is one [events."ID"] table. A field left out changes
// nothing.
type Correction struct {
	ID     string
	Hide   bool
	Reason string
	// Date is the date set by hand, with Through for a range.
	Date, Through date.Value
	Type          string
	// Places and Actors replace the event's when set.
	Places, Actors []string
	Summary        string
	Verified       bool
	By, Note       string
	Merge          []string
	// Line is where the table starts, for errors.
	Line int
	// fields are the keys the table sets, as written.
	fields []string
}

// Sets reports whether the table sets the key.
func (c Correction) Sets(key string) bool {
	for _, f := range c.fields {
		if f == key {
			return true
		}
	}
	return false
}

// Addition is one [[add]] table: an event written by hand, with its own
// source.
type Addition struct {
	Date, Through date.Value
	Summary       string
	Type          string
	Places        []string
	Actors        []string
	// Source is a URL or the file name of an article of the timeline.
	Source string
	Quote  string
	Line   int
}

// ID is the added event's ID, from its words: the same entry keeps it.
func (a Addition) ID() string {
	sum := sha1.Sum([]byte("add\x00" + a.Source + "\x00" + a.Summary))
	return "add-" + hex.EncodeToString(sum[:])[:8]
}

// Error is a bad entry, by file and line.
type Error struct {
	Path string
	Line int // 0 when unknown
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// raw is the file as TOML decodes it.
type raw struct {
	Events map[string]rawCorrection `toml:"events"`
	Add    []rawAddition            `toml:"add"`
}

type rawCorrection struct {
	Hide     bool     `toml:"hide"`
	Reason   string   `toml:"reason"`
	Date     any      `toml:"date"`
	Type     string   `toml:"type"`
	Places   []string `toml:"places"`
	Actors   []string `toml:"actors"`
	Summary  string   `toml:"summary"`
	Verified bool     `toml:"verified"`
	By       string   `toml:"by"`
	Note     string   `toml:"note"`
	Merge    []string `toml:"merge"`
}

type rawAddition struct {
	Date    any      `toml:"date"`
	Summary string   `toml:"summary"`
	Type    string   `toml:"type"`
	Places  []string `toml:"places"`
	Actors  []string `toml:"actors"`
	Source  string   `toml:"source"`
	Quote   string   `toml:"quote"`
}

// Read reads a corrections file. A file that is absent is no
// corrections (nil, nil). A file that is not TOML is one error; entries
// that are bad are errors of their own, and the rest are read.
func Read(path string) (*File, []error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{&Error{Path: path, Err: err}}
	}
	return Parse(path, data)
}

// Parse reads corrections from data; path names them in errors.
func Parse(path string, data []byte) (*File, []error) {
	var r raw
	md, err := toml.Decode(string(data), &r)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, []error{&Error{Path: path, Line: pe.Position.Line, Err: errors.New(pe.Message)}}
		}
		return nil, []error{&Error{Path: path, Err: err}}
	}
	lines := lineIndex(data)
	f := &File{Path: path}
	var errs []error
	bad := func(line int, format string, a ...any) {
		errs = append(errs, &Error{Path: path, Line: line, Err: fmt.Errorf(format, a...)})
	}
	for _, k := range md.Undecoded() {
		bad(lines.of(k), "%s: not a setting of a correction (hide, reason, date, type, places, actors, summary, verified, by, note, merge; or of [[add]]: date, summary, type, places, actors, source, quote)", k)
	}
	for _, id := range sortedKeys(r.Events, lines) {
		rc := r.Events[id]
		c := Correction{ID: id, Hide: rc.Hide, Reason: rc.Reason, Type: rc.Type, Places: rc.Places, Actors: rc.Actors,
			Summary: strings.TrimSpace(rc.Summary), Verified: rc.Verified, By: rc.By, Note: rc.Note, Merge: rc.Merge,
			Line: lines.table(id)}
		for _, k := range md.Keys() {
			if len(k) == 3 && k[0] == "events" && k[1] == id {
				c.fields = append(c.fields, k[2])
			}
		}
		if c.Sets("date") {
			from, through, err := parseDate(rc.Date)
			if err != nil {
				bad(c.Line, "events.%q: date: %v", id, err)
				continue
			}
			c.Date, c.Through = from, through
		}
		f.Events = append(f.Events, c)
	}
	for i, ra := range r.Add {
		a := Addition{Summary: strings.TrimSpace(ra.Summary), Type: ra.Type, Places: ra.Places, Actors: ra.Actors,
			Source: strings.TrimSpace(ra.Source), Quote: ra.Quote, Line: lines.add(i)}
		from, through, err := parseDate(ra.Date)
		switch {
		case err != nil:
			bad(a.Line, "[[add]]: date: %v", err)
			continue
		case a.Summary == "":
			bad(a.Line, "[[add]]: a summary is needed: what happened, in a line")
			continue
		case a.Source == "":
			bad(a.Line, "[[add]]: a source is needed: a URL, or the file name of an article")
			continue
		}
		a.Date, a.Through = from, through
		f.Adds = append(f.Adds, a)
	}
	return f, errs
}

// parseDate reads a date set by hand: a TIMEX3 value of any precision,
// or a range "from/through". TOML dates (date = 2016-08-02) are read too.
func parseDate(v any) (from, through date.Value, err error) {
	var s string
	switch d := v.(type) {
	case string:
		s = strings.TrimSpace(d)
	case time.Time:
		s = d.Format(time.DateOnly) // date = 2016-08-02, a TOML date
	case nil:
		return date.Value{}, date.Value{}, errors.New("missing: want YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or a range such as 2016-07-23/2016-07-31")
	default:
		return date.Value{}, date.Value{}, fmt.Errorf("%v is a %T: write it in quotes, as YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or a range FROM/THROUGH", v, v)
	}
	a, b, isRange := strings.Cut(s, "/")
	if from, err = date.Parse(a); err != nil {
		return from, through, fmt.Errorf("%q does not read as a date: want YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or a range FROM/THROUGH", s)
	}
	through = from
	if isRange {
		if through, err = date.Parse(b); err != nil {
			return from, through, fmt.Errorf("%q: the end of the range does not read as a date", s)
		}
		if through.End().Before(from.End()) {
			return from, through, fmt.Errorf("%q: the range ends before it starts", s)
		}
	}
	return from.DayOnly(), through.DayOnly(), nil
}

// lines finds where tables start in a TOML file, so that errors can
// name a line: TOML decoders keep no positions.
type lines struct {
	tables map[string]int // event ID → line of [events."ID"]
	adds   []int          // line of each [[add]]
	all    [][]byte
}

var (
	eventTable = regexp.MustCompile(`^\s*\[\s*events\s*\.\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*\]`)
	addTable   = regexp.MustCompile(`^\s*\[\[\s*add\s*\]\]`)
)

func lineIndex(data []byte) lines {
	l := lines{tables: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		l.all = append(l.all, bytes.Clone(line))
		if m := eventTable.FindSubmatch(line); m != nil {
			l.tables[string(m[1])+string(m[2])+string(m[3])] = n
		} else if addTable.Match(line) {
			l.adds = append(l.adds, n)
		}
	}
	return l
}

func (l lines) table(id string) int { return l.tables[id] }

func (l lines) add(i int) int {
	if i < len(l.adds) {
		return l.adds[i]
	}
	return 0
}

// of is the line a key is set on: the first line after its table that
// starts with the key's last part.
func (l lines) of(k toml.Key) int {
	from := 0
	switch {
	case len(k) >= 2 && k[0] == "events":
		from = l.table(k[1])
	case len(k) >= 1 && k[0] == "add":
		from = l.add(0)
	}
	last := k[len(k)-1]
	for i := max(from-1, 0); i < len(l.all); i++ {
		if s := strings.TrimSpace(string(l.all[i])); strings.HasPrefix(s, last) || strings.HasPrefix(s, `"`+last+`"`) {
			return i + 1
		}
	}
	return from
}

// sortedKeys are the IDs in the order the file gives them.
func sortedKeys(m map[string]rawCorrection, l lines) []string {
	return slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		return cmp.Or(cmp.Compare(l.table(a), l.table(b)), strings.Compare(a, b))
	})
}
