// Package cache keeps what one build worked out about each article for
// the next, so that a rebuild works out again only what changed.
//
// An entry is named by its key: a hash of everything the value was made
// from. The builder hashes the inputs (an article's text and metadata,
// its anchor, the config sections that matter); the cache adds its
// version, the hash of the running program. Nothing is ever invalidated
// by hand: a changed input is a new key, and the old entry is never read
// again and is pruned at the end of the build.
//
// The version is the hash of the executable file itself. The resolver's
// rules, its lexicon, the gazetteer and event types, every word list:
// all are embedded in the program, so its hash changes with any of them
// and with any change of code. A hand-bumped version number would be
// forgotten one day, and a build would then show dates worked out by an
// older resolver under a newer one's name; a hash cannot be forgotten.
// The price is that any new build of the program starts with a cold
// cache.
//
// # Layout
//
// Entries are not files of their own: a build writing one small file per
// entry spent more of its time making files than working out what went
// in them. They are records appended to a few pack files, packs/*.pack,
// one being written per kind at a time. A pack starts with a header (the
// format, the program's version, the kind) and then holds record after
// record: a mark, the record's type (an entry or a schema, below), its
// key, its schema, the length of its value and a CRC-32C of all that and
// the value, then the value. A record is written with one write, at the
// end of its pack, and never changed after.
//
// The file index says where each entry lives: its pack, offset and
// length. Prune, at the end of a build that went through, writes it anew
// with only the entries that build read or wrote, to a temporary file
// renamed into place, and only then deletes the packs it no longer names.
// A pack of which less than half is still used is compacted first: its
// used records are copied to a new pack, and it is deleted. Until the new
// index is in place the old one stands, naming only packs that are still
// there, and a crash at any point leaves a cache that reads right.
//
// Open reads the index, then reads past the end it gives of each pack,
// and whole any pack it does not name, record after record up to the
// first that is not whole: what a build wrote that did not get to Prune
// (one that failed, or was stopped) is read back too. A pack of another
// version or format is never read, and is deleted by the next Prune. Put
// appends to a pack of its kind already there, unless it ends in what is
// not a record, and otherwise starts one; so a rebuild that works out
// little adds little, and no files.
//
// An entry is written with encoding/gob, which writes a stream's types
// before its first value and makes each decoder compile them before it
// reads one: per entry, that compiling cost more than the decoding. So
// the types are kept apart, once per kind: a schema record holds what a
// gob encoder writes for the zero value of the entry's type (the types,
// then that value), named by its hash, and an entry holds that hash and
// then only the message of its own value, as the same encoder goes on to
// write it. A reader primes a decoder with the schema once and gives it
// entry after entry, as if they came one after the other in one stream:
// each is read with the types compiled already. (Gob numbers the types as
// the running program first meets them, so two builds may write two
// schemas of one kind; each entry names its own, and both are kept while
// used.) Each build writes the schemas of what it puts once to the pack
// it writes.
//
// The cache is only ever a shortcut. An entry that cannot be read or
// decoded (a crash mid-write, a full disk, an edit by hand, an older
// format, a record whose checksum or key does not match, its schema
// missing or spoiled) is a miss, and the value is worked out afresh; a
// write that fails leaves the entry out. Deleting the whole folder, or
// any file in it, is always safe. Two builds of one project at once are
// not supported: they would not read wrong data, but might lose each
// other's entries.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Dir is the cache's folder, beside config.toml.
const Dir = ".timeline-cache"

// magic starts every pack and the index: a file without it is not one,
// or is of another format.
const magic = "timeline-cache 3\n"

// Cache is a folder of entries. A nil *Cache is a cache that has nothing
// and keeps nothing, so callers need not check. It is safe for use by
// several goroutines at once.
type Cache struct {
	dir     string
	version string

	mu      sync.Mutex
	packs   map[string]*pack          // by file name, those read or written
	entries map[[sha256.Size]byte]loc // every entry known, by key
	schemas map[schemaKey]loc         // every schema known
	used    map[[sha256.Size]byte]loc // entries read or written by this build
	writers map[string]*writer        // by kind
	// counts by kind
	stats map[string]*counts
	// primed decoders, idle, by schema and type
	decoders map[decoderKey][]*decoder
}

type counts struct{ hits, misses, fails atomic.Int64 }

// Open opens the cache in dir, made if missing, for the running program.
func Open(dir string) (*Cache, error) {
	v, err := Version()
	if err != nil {
		return nil, err
	}
	return OpenVersion(dir, v)
}

// OpenVersion opens the cache in dir for the program of the version
// given. Entries of another version are never read; Open is for real
// builds, this for tests that play a change of program.
func OpenVersion(dir, version string) (*Cache, error) {
	c := &Cache{dir: dir, version: version, stats: map[string]*counts{}, decoders: map[decoderKey][]*decoder{}}
	if err := os.MkdirAll(c.packDir(), 0o755); err != nil {
		return nil, fmt.Errorf("the build cache: %w", err)
	}
	c.load()
	return c, nil
}

var version struct {
	once sync.Once
	v    string
	err  error
}

// Version is the hash of the running executable, read once.
func Version() (string, error) {
	version.once.Do(func() {
		version.v, version.err = hashExecutable()
	})
	return version.v, version.err
}

func hashExecutable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("the build cache: finding the program's own file: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("the build cache: reading the program's own file: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("the build cache: reading the program's own file: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Dir is the cache's folder; "" for a nil cache.
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

// Key names an entry: the hash of its kind, the cache's version and the
// inputs its value was made from.
type Key struct {
	kind string
	sum  [sha256.Size]byte
}

// String is the key as its entry's file is named.
func (k Key) String() string { return k.kind + "-" + hex.EncodeToString(k.sum[:]) }

// Hash collects the inputs of one value into its Key.
type Hash struct {
	kind string
	h    hash.Hash
}

// Hash starts the key of an entry of the kind given ("expressions",
// "events"), a word that also groups the cache's counts.
func (c *Cache) Hash(kind string) *Hash {
	h := &Hash{kind: kind, h: sha256.New()}
	v := ""
	if c != nil {
		v = c.version
	}
	return h.String(v).String(kind)
}

// String adds s.
func (h *Hash) String(s string) *Hash {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.h.Write(n[:])
	io.WriteString(h.h, s)
	return h
}

// Int adds n.
func (h *Hash) Int(n int) *Hash {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.h.Write(b[:])
	return h
}

// Key adds another key, one this value was made from.
func (h *Hash) Key(k Key) *Hash { return h.String(k.String()) }

// JSON adds v as encoding/json writes it: for values whose exported
// fields are all that matters, and that JSON writes the same way each
// time (no maps of floats, say). A value JSON cannot write panics: it is
// a mistake of the program.
func (h *Hash) JSON(v any) *Hash {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("cache: hashing %T: %v", v, err))
	}
	return h.String(string(b))
}

// Sum is the key.
func (h *Hash) Sum() Key {
	var k Key
	k.kind = h.kind
	h.h.Sum(k.sum[:0])
	return k
}

func (c *Cache) count(kind string) *counts { return ofKind(c, c.stats, kind) }

// ofKind is m's value for kind, made on first use; c.mu guards m.
func ofKind[T any](c *Cache, m map[string]*T, kind string) *T {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := m[kind]
	if !ok {
		v = new(T)
		m[kind] = v
	}
	return v
}

// Stats are the counts of one kind of entry in this build: read back
// (Hits), worked out afresh (Misses) and not written for an error
// (Failed).
type Stats struct {
	Kind                 string
	Hits, Misses, Failed int
}

// Stats are the counts of each kind, by kind.
func (c *Cache) Stats() []Stats {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Stats
	for kind, n := range c.stats {
		out = append(out, Stats{Kind: kind, Hits: int(n.hits.Load()), Misses: int(n.misses.Load()), Failed: int(n.fails.Load())})
	}
	slices.SortFunc(out, func(a, b Stats) int { return strings.Compare(a.Kind, b.Kind) })
	return out
}
