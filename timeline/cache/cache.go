// Package cache keeps what one build worked out about each article for
// the next, so that a rebuild works out again only what changed.
//
// An entry is one file, named by its key: a hash of everything the value
// was made from. The builder hashes the inputs (an article's text and
// metadata, its anchor, the config sections that matter); the cache adds
// its version, the hash of the running program. Nothing is ever
// invalidated by hand: a changed input is a new key, and the old entry is
// never read again and is pruned at the end of the build.
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
// An entry is written with encoding/gob, which writes a stream's types
// before its first value and makes each decoder compile them before it
// reads one: per entry, that compiling cost more than the decoding. So
// the types are kept apart, once per kind: a schema file holds what a gob
// encoder writes for the zero value of the entry's type (the types, then
// that value), named by its hash, and an entry holds that hash and then
// only the message of its own value, as the same encoder goes on to write
// it. A reader primes a decoder with the schema once and gives it entry
// after entry, as if they came one after the other in one stream: each
// is read with the types compiled already. (Gob numbers the types as the
// running program first meets them, so two builds may write two schemas
// of one kind; each entry names its own, and both are kept while used.)
//
// The cache is only ever a shortcut. An entry that cannot be read or
// decoded (a crash mid-write, a full disk, an edit by hand, an older
// format, its schema missing or spoiled) is a miss, and the value is
// worked out afresh; a write that fails leaves the entry out. Entries are written to a temporary file and
// renamed into place, so a reader never sees half of one. Deleting the
// whole folder is always safe.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Dir is the cache's folder, beside config.toml.
const Dir = ".timeline-cache"

// magic starts every entry: a file without it is not one, or is of
// another format.
const magic = "timeline-cache 2\n"

// ext ends the name of every entry, and tmp that of one being written.
const (
	ext = ".gob"
	tmp = ".tmp"
)

// Cache is a folder of entries. A nil *Cache is a cache that has nothing
// and keeps nothing, so callers need not check. It is safe for use by
// several goroutines at once.
type Cache struct {
	dir     string
	version string

	mu   sync.Mutex
	used map[string]bool // entry and schema paths read or written by this build
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("the build cache: %w", err)
	}
	return &Cache{dir: dir, version: version, used: map[string]bool{}, stats: map[string]*counts{}, decoders: map[decoderKey][]*decoder{}}, nil
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

// path is where the entry of k lives: under its kind, then the first two
// digits of its hash, so that no folder grows too large to list.
func (c *Cache) path(k Key) string {
	s := hex.EncodeToString(k.sum[:])
	return filepath.Join(c.dir, k.kind, s[:2], s+ext)
}

// Get reads the entry of k into v (a pointer) and reports whether it was
// there. Any entry that cannot be read back whole is a miss.
func (c *Cache) Get(k Key, v any) bool {
	if c == nil {
		return false
	}
	p := c.path(k)
	ok := c.read(k.kind, p, v)
	if ok {
		c.count(k.kind).hits.Add(1)
		c.use(p)
	} else {
		c.count(k.kind).misses.Add(1)
	}
	return ok
}

func (c *Cache) read(kind, p string, v any) bool {
	b, err := os.ReadFile(p)
	if err != nil || !bytes.HasPrefix(b, []byte(magic)) || len(b) < len(magic)+schemaIDLen {
		return false
	}
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return false
	}
	b = b[len(magic):]
	key := decoderKey{kind: kind, id: string(b[:schemaIDLen]), typ: t}
	d := c.decoder(key)
	if d == nil || !d.decode(b[schemaIDLen:], v) {
		// A decoder that failed may be halfway through a message: it
		// is not used again.
		return false
	}
	c.release(key, d)
	return true
}

// Put writes v as the entry of k. It fails only when the entry could not
// be written; the build has the value anyway, and the next one works it
// out again.
func (c *Cache) Put(k Key, v any) error {
	if c == nil {
		return nil
	}
	p := c.path(k)
	c.use(p)
	schema, msg, err := encode(v)
	if err != nil {
		c.count(k.kind).fails.Add(1)
		return fmt.Errorf("the build cache: encoding %s: %w", k.kind, err)
	}
	id := schemaID(schema)
	if err := c.putSchema(k.kind, id, schema); err != nil {
		c.count(k.kind).fails.Add(1)
		return fmt.Errorf("the build cache: %w", err)
	}
	entry := make([]byte, 0, len(magic)+len(id)+len(msg))
	entry = append(append(append(entry, magic...), id...), msg...)
	if err := writeAtomic(p, entry); err != nil {
		c.count(k.kind).fails.Add(1)
		return fmt.Errorf("the build cache: %w", err)
	}
	return nil
}

// writeAtomic writes data to a temporary file beside p and renames it
// into place.
func writeAtomic(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), filepath.Base(p)+".*"+tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func (c *Cache) use(p string) {
	c.mu.Lock()
	c.used[p] = true
	c.mu.Unlock()
}

func (c *Cache) count(kind string) *counts {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.stats[kind]
	if !ok {
		n = &counts{}
		c.stats[kind] = n
	}
	return n
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

// Prune deletes the entries this build did not read or write, and what
// is left of writes cut short: what an earlier build kept of articles
// since changed or removed, or of another program. Call it only after a
// build that went through, which read every entry it still needs. It
// returns how many files it deleted.
func (c *Cache) Prune() (int, error) {
	if c == nil {
		return 0, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	removed := 0
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		name := d.Name()
		if d.IsDir() || c.used[p] || !(strings.HasSuffix(name, ext) || strings.HasSuffix(name, tmp)) {
			return nil
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		removed++
		return nil
	})
	if err != nil {
		return removed, fmt.Errorf("the build cache: pruning %s: %w", c.dir, err)
	}
	return removed, nil
}
