package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
)

const (
	packs     = "packs"   // the folder of packs
	packExt   = ".pack"   // ends a pack's name
	index     = "index"   // the index's name
	tmp       = ".tmp"    // ends the name of a file being written
	legacy    = ".gob"    // ends the name of an entry of an older format
	recMark   = "TLC\x03" // starts each record
	maxPack   = 256 << 20 // a pack this large is not appended to
	recEntry  = 'e'
	recSchema = 's'
)

// A record is its header, then its value. The header: recMark, the type,
// the key, the schema, the value's length and the CRC-32C of the header
// before it and the value.
const (
	offType   = len(recMark)
	offKey    = offType + 1
	offSchema = offKey + sha256.Size
	offLen    = offSchema + schemaLen
	offCRC    = offLen + 4
	headerLen = offCRC + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// record is one read from a pack.
type record struct {
	typ    byte
	key    [sha256.Size]byte
	schema schemaSum
	value  []byte
}

// appendRecord appends the record of the parts given to b.
func appendRecord(b []byte, typ byte, key [sha256.Size]byte, schema schemaSum, value []byte) []byte {
	start := len(b)
	b = append(b, recMark...)
	b = append(b, typ)
	b = append(b, key[:]...)
	b = append(b, schema[:]...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(value)))
	crc := crc32.Update(crc32.Checksum(b[start:], castagnoli), castagnoli, value)
	b = binary.LittleEndian.AppendUint32(b, crc)
	return append(b, value...)
}

// parseRecord reads the record at the start of b, and its length; ok is
// false unless a whole record is there and its checksum matches.
func parseRecord(b []byte) (r record, n int, ok bool) {
	if len(b) < headerLen || string(b[:len(recMark)]) != recMark {
		return r, 0, false
	}
	size := binary.LittleEndian.Uint32(b[offLen:])
	if uint64(len(b)-headerLen) < uint64(size) {
		return r, 0, false
	}
	n = headerLen + int(size)
	crc := crc32.Update(crc32.Checksum(b[:offCRC], castagnoli), castagnoli, b[headerLen:n])
	if crc != binary.LittleEndian.Uint32(b[offCRC:]) {
		return r, 0, false
	}
	r.typ = b[offType]
	copy(r.key[:], b[offKey:])
	copy(r.schema[:], b[offSchema:])
	r.value = b[headerLen:n]
	return r, n, true
}

// pack is a file of records.
type pack struct {
	name, kind string
	end        int64 // where the records known end

	once sync.Once
	f    *os.File // for reading, opened when first read
	err  error
}

func (c *Cache) packDir() string             { return filepath.Join(c.dir, packs) }
func (c *Cache) packPath(p *pack) string     { return filepath.Join(c.packDir(), p.name) }
func (c *Cache) indexPath() string           { return filepath.Join(c.dir, index) }
func packHeader(version, kind string) string { return magic + version + "\n" + kind + "\n" }

// readAt reads len(b) bytes at off of the pack.
func (c *Cache) readAt(p *pack, b []byte, off int64) error {
	if err := c.openPack(p); err != nil {
		return err
	}
	_, err := p.f.ReadAt(b, off)
	return err
}

// openPack opens p for reading, once.
func (c *Cache) openPack(p *pack) error {
	p.once.Do(func() {
		// A pack of another format or version is never read.
		if p.f, p.err = os.Open(c.packPath(p)); p.err == nil {
			h := packHeader(c.version, p.kind)
			b := make([]byte, len(h))
			if _, err := p.f.ReadAt(b, 0); err != nil || string(b) != h {
				p.err = errors.New("not a pack of this program")
			}
		}
	})
	return p.err
}

// loc is where a record lives.
type loc struct {
	p      *pack
	off    int64
	n      int64
	schema schemaSum
}

// readRecord reads the record at l back whole.
func (c *Cache) readRecord(l loc) (record, bool) {
	b := make([]byte, l.n)
	if c.readAt(l.p, b, l.off) != nil {
		return record{}, false
	}
	r, n, ok := parseRecord(b)
	return r, ok && int64(n) == l.n
}

// writer appends records of one kind to one pack.
type writer struct {
	mu      sync.Mutex
	p       *pack
	f       *os.File
	schemas map[schemaSum]loc // written to p
}

func (c *Cache) writer(kind string) *writer { return ofKind(c, c.writers, kind) }

// start opens the pack w appends to: one of its kind already there, or
// a new one. w.mu is held.
func (c *Cache) start(w *writer, kind string) error {
	c.mu.Lock()
	var last *pack
	for _, p := range c.packs {
		if p.kind == kind && p.end < maxPack && (last == nil || p.end > last.end) {
			last = p
		}
	}
	c.mu.Unlock()
	if last != nil && c.openPack(last) == nil {
		f, err := os.OpenFile(c.packPath(last), os.O_WRONLY|os.O_APPEND, 0)
		if err == nil {
			var fi os.FileInfo
			// A pack that ends in what is not a record (one cut
			// short, or spoiled) is not appended to: what came after
			// would not be read back without the index.
			if fi, err = f.Stat(); err == nil && fi.Size() == last.end {
				w.p, w.f, w.schemas = last, f, map[schemaSum]loc{}
				return nil
			}
			f.Close()
		}
	}
	p, f, err := c.newPack(kind)
	if err != nil {
		return err
	}
	w.p, w.f, w.schemas = p, f, map[schemaSum]loc{}
	return nil
}

// newPack starts a pack of the kind given, with its header, known to the
// cache.
func (c *Cache) newPack(kind string) (*pack, *os.File, error) {
	// The folder may have been deleted since Open: that is allowed.
	if err := os.MkdirAll(c.packDir(), 0o755); err != nil {
		return nil, nil, err
	}
	f, err := os.CreateTemp(c.packDir(), kind+"-*"+packExt)
	if err != nil {
		return nil, nil, err
	}
	h := packHeader(c.version, kind)
	if _, err := io.WriteString(f, h); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, nil, err
	}
	p := &pack{name: filepath.Base(f.Name()), kind: kind, end: int64(len(h))}
	c.mu.Lock()
	c.packs[p.name] = p
	c.mu.Unlock()
	return p, f, nil
}

// write appends one record to w's pack. w.mu is held.
func (w *writer) write(typ byte, key [sha256.Size]byte, schema schemaSum, value []byte) (loc, error) {
	b := appendRecord(make([]byte, 0, headerLen+len(value)), typ, key, schema, value)
	n, err := w.f.Write(b)
	if err != nil {
		// What was written of it stays, unread; the next record goes
		// to another pack.
		w.f.Close()
		w.p, w.f = nil, nil
		return loc{}, err
	}
	l := loc{p: w.p, off: w.p.end, n: int64(n), schema: schema}
	w.p.end += int64(n)
	return l, nil
}

// Get reads the entry of k into v (a pointer) and reports whether it was
// there. Any entry that cannot be read back whole is a miss.
func (c *Cache) Get(k Key, v any) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	l, ok := c.entries[k.sum]
	c.mu.Unlock()
	ok = ok && l.p.kind == k.kind && c.read(k, l, v)
	if ok {
		c.count(k.kind).hits.Add(1)
		c.mu.Lock()
		c.used[k.sum] = l
		c.mu.Unlock()
	} else {
		c.count(k.kind).misses.Add(1)
	}
	return ok
}

func (c *Cache) read(k Key, l loc, v any) bool {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return false
	}
	r, ok := c.readRecord(l)
	if !ok || r.typ != recEntry || r.key != k.sum || r.schema != l.schema {
		return false
	}
	key := decoderKey{kind: k.kind, id: r.schema, typ: t}
	d := c.decoder(key)
	if d == nil || !d.decode(r.value, v) {
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
	schema, msg, err := encode(v)
	if err != nil {
		c.count(k.kind).fails.Add(1)
		return fmt.Errorf("the build cache: encoding %s: %w", k.kind, err)
	}
	id := schemaID(schema)
	l, err := c.append(k, id, schema, msg)
	c.mu.Lock()
	if err != nil {
		delete(c.entries, k.sum)
		delete(c.used, k.sum)
	} else {
		c.entries[k.sum] = l
		c.used[k.sum] = l
	}
	c.mu.Unlock()
	if err != nil {
		c.count(k.kind).fails.Add(1)
		return fmt.Errorf("the build cache: %w", err)
	}
	return nil
}

// append writes the entry of k, and its schema first if this pack has
// not got it.
func (c *Cache) append(k Key, id schemaSum, schema, msg []byte) (loc, error) {
	w := c.writer(k.kind)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.p == nil {
		if err := c.start(w, k.kind); err != nil {
			return loc{}, err
		}
	}
	if _, ok := w.schemas[id]; !ok {
		var key [sha256.Size]byte
		copy(key[:], id[:])
		l, err := w.write(recSchema, key, id, schema)
		if err != nil {
			return loc{}, err
		}
		w.schemas[id] = l
		c.mu.Lock()
		c.schemas[schemaKey{k.kind, id}] = l
		c.mu.Unlock()
	}
	return w.write(recEntry, k.sum, id, msg)
}

// load reads the index and the packs: see the package's doc.
func (c *Cache) load() {
	c.packs = map[string]*pack{}
	c.entries = map[[sha256.Size]byte]loc{}
	c.schemas = map[schemaKey]loc{}
	c.used = map[[sha256.Size]byte]loc{}
	c.writers = map[string]*writer{}
	c.readIndex()
	names, _ := os.ReadDir(c.packDir())
	for _, d := range names {
		name := d.Name()
		if d.IsDir() || !strings.HasSuffix(name, packExt) {
			continue
		}
		p := c.packs[name]
		if p == nil {
			p = &pack{name: name}
		}
		c.scan(p)
	}
}

// scan reads the records of p past its end known, up to the first that
// is not whole. A pack the index did not name is read from its header,
// and only if it is of this version.
func (c *Cache) scan(p *pack) {
	f, err := os.Open(c.packPath(p))
	if err != nil {
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() <= p.end {
		return
	}
	b := make([]byte, fi.Size()-p.end)
	if _, err := io.ReadFull(io.NewSectionReader(f, p.end, int64(len(b))), b); err != nil {
		return
	}
	if p.end == 0 {
		pre := magic + c.version + "\n"
		if !bytes.HasPrefix(b, []byte(pre)) {
			return
		}
		rest := b[len(pre):]
		i := bytes.IndexByte(rest[:min(len(rest), 256)], '\n')
		if i <= 0 {
			return
		}
		kind := string(rest[:i])
		p.kind = kind
		h := len(packHeader(c.version, kind))
		p.end = int64(h)
		b = b[h:]
		c.packs[p.name] = p
	}
	for len(b) > 0 {
		r, n, ok := parseRecord(b)
		if !ok {
			break
		}
		l := loc{p: p, off: p.end, n: int64(n), schema: r.schema}
		switch r.typ {
		case recEntry:
			c.entries[r.key] = l
		case recSchema:
			c.schemas[schemaKey{p.kind, r.schema}] = l
		}
		p.end += int64(n)
		b = b[n:]
	}
}

// The index: magic, the version, the packs (name, kind, end), then the
// records (type, pack, offset, length, key, schema), and the sha256 of
// all that.
func (c *Cache) readIndex() {
	b, err := os.ReadFile(c.indexPath())
	if err != nil || len(b) < len(magic)+sha256.Size || !bytes.HasPrefix(b, []byte(magic)) {
		return
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return
	}
	r := &indexReader{b: body[len(magic):]}
	if r.string() != c.version {
		return
	}
	var ps []*pack
	for n := r.uint(); n > 0 && r.err == nil; n-- {
		p := &pack{name: r.string(), kind: r.string(), end: int64(r.uint())}
		if filepath.Base(p.name) != p.name || !strings.HasSuffix(p.name, packExt) {
			return
		}
		ps = append(ps, p)
	}
	packs := map[string]*pack{}
	entries := map[[sha256.Size]byte]loc{}
	schemas := map[schemaKey]loc{}
	for n := r.uint(); n > 0 && r.err == nil; n-- {
		typ := r.byte()
		i := r.uint()
		l := loc{off: int64(r.uint()), n: int64(r.uint())}
		key := r.bytes(sha256.Size)
		copy(l.schema[:], r.bytes(schemaLen))
		if r.err != nil || i >= uint64(len(ps)) {
			return
		}
		l.p = ps[i]
		switch typ {
		case recEntry:
			entries[[sha256.Size]byte(key)] = l
		case recSchema:
			schemas[schemaKey{l.p.kind, l.schema}] = l
		}
	}
	if r.err != nil || len(r.b) != 0 {
		return
	}
	for _, p := range ps {
		packs[p.name] = p
	}
	c.packs, c.entries, c.schemas = packs, entries, schemas
}

type indexReader struct {
	b   []byte
	err error
}

var errIndex = errors.New("index cut short")

func (r *indexReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errIndex, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *indexReader) bytes(n int) []byte {
	if len(r.b) < n {
		r.err, r.b = errIndex, nil
		return make([]byte, n)
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *indexReader) byte() byte { return r.bytes(1)[0] }

func (r *indexReader) string() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.err, r.b = errIndex, nil
		return ""
	}
	return string(r.bytes(int(n)))
}

// writeIndex writes the index of the records given.
func (c *Cache) writeIndex(ps []*pack, entries map[[sha256.Size]byte]loc, schemas map[schemaKey]loc) error {
	at := map[*pack]uint64{}
	b := []byte(magic)
	str := func(s string) { b = append(binary.AppendUvarint(b, uint64(len(s))), s...) }
	str(c.version)
	b = binary.AppendUvarint(b, uint64(len(ps)))
	for i, p := range ps {
		at[p] = uint64(i)
		str(p.name)
		str(p.kind)
		b = binary.AppendUvarint(b, uint64(p.end))
	}
	b = binary.AppendUvarint(b, uint64(len(entries)+len(schemas)))
	rec := func(typ byte, key []byte, l loc) {
		b = append(b, typ)
		b = binary.AppendUvarint(b, at[l.p])
		b = binary.AppendUvarint(b, uint64(l.off))
		b = binary.AppendUvarint(b, uint64(l.n))
		b = append(b, key...)
		b = append(b, l.schema[:]...)
	}
	for key, l := range entries {
		rec(recEntry, key[:], l)
	}
	for _, l := range schemas {
		var key [sha256.Size]byte
		copy(key[:], l.schema[:])
		rec(recSchema, key[:], l)
	}
	sum := sha256.Sum256(b)
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	return writeAtomic(c.indexPath(), append(b, sum[:]...))
}

// writeAtomic writes data to a temporary file beside p and renames it
// into place.
func writeAtomic(p string, data []byte) error {
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

// Prune deletes the entries this build did not read or write: what an
// earlier build kept of articles since changed or removed, or of another
// program. It writes the index of those it did, compacting the packs of
// which less than half is still used, and then deletes the packs no
// longer named, what is left of writes cut short, and entries of the
// older format of one file each. Call it only after a build that went
// through, which read every entry it still needs; the cache reads on
// after it as if opened afresh. It returns how many entries and files it
// deleted.
func (c *Cache) Prune() (int, error) {
	if c == nil {
		return 0, nil
	}
	c.mu.Lock()
	writers := c.writers
	c.mu.Unlock()
	for _, w := range writers {
		w.mu.Lock()
		if w.f != nil {
			w.f.Close()
			w.f = nil
		}
		w.p = nil
		defer w.mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.closePacks()

	// What is used: the entries, and their schemas.
	schemas := map[schemaKey]loc{}
	live := map[*pack]int64{}
	for _, l := range c.used {
		k := schemaKey{l.p.kind, l.schema}
		if _, ok := schemas[k]; !ok {
			if s, ok := c.schemas[k]; ok {
				schemas[k] = s
				live[s.p] += s.n
			}
		}
		live[l.p] += l.n
	}
	removed := 0
	for k := range c.entries {
		if _, ok := c.used[k]; !ok {
			removed++
		}
	}
	used := c.used

	// Compacting: the used records of a pack mostly unused go to a new
	// pack of its kind.
	compact := map[*pack]bool{}
	for p, n := range live {
		if 2*n < p.end {
			compact[p] = true
		}
	}
	if len(compact) > 0 {
		used, schemas = c.compact(compact, used, schemas)
		live = map[*pack]int64{}
		for _, l := range used {
			live[l.p] += l.n
		}
		for _, l := range schemas {
			live[l.p] += l.n
		}
	}
	var ps []*pack
	for p := range live {
		ps = append(ps, p)
	}
	if err := c.writeIndex(ps, used, schemas); err != nil {
		return 0, fmt.Errorf("the build cache: writing its index: %w", err)
	}

	// Now the packs the index does not name can go, and the rest.
	keep := map[string]bool{}
	for _, p := range ps {
		keep[p.name] = true
	}
	var errs []error
	names, _ := os.ReadDir(c.packDir())
	for _, d := range names {
		if !keep[d.Name()] {
			if err := os.Remove(filepath.Join(c.packDir(), d.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() && p == c.packDir() {
			return fs.SkipDir
		}
		name := d.Name()
		if d.IsDir() || !(strings.HasSuffix(name, legacy) || strings.HasSuffix(name, tmp)) {
			return nil
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		removed++
		return nil
	})
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return removed, fmt.Errorf("the build cache: pruning %s: %w", c.dir, err)
	}
	return removed, nil
}

// compact copies the used records of the packs given to new packs, and
// says where each used record is now. A record that cannot be read back
// is left out. c.mu is held.
func (c *Cache) compact(from map[*pack]bool, used map[[sha256.Size]byte]loc, schemas map[schemaKey]loc) (map[[sha256.Size]byte]loc, map[schemaKey]loc) {
	to := map[string]*writer{}
	fail := func(w *writer) {
		if w.f != nil {
			w.f.Close()
		}
		w.p, w.f = nil, nil
	}
	move := func(l loc) (loc, bool) {
		r, ok := c.readRecord(l)
		if !ok {
			return loc{}, false
		}
		w := to[l.p.kind]
		if w == nil {
			w = &writer{}
			to[l.p.kind] = w
			c.mu.Unlock()
			p, f, err := c.newPack(l.p.kind)
			c.mu.Lock()
			if err != nil {
				return l, true // it stays where it is
			}
			w.p, w.f = p, f
		}
		if w.p == nil {
			return l, true
		}
		n, err := w.write(r.typ, r.key, r.schema, r.value)
		if err != nil {
			fail(w)
			return l, true
		}
		return n, true
	}
	newUsed := make(map[[sha256.Size]byte]loc, len(used))
	newSchemas := make(map[schemaKey]loc, len(schemas))
	for k, l := range schemas {
		if from[l.p] {
			var ok bool
			if l, ok = move(l); !ok {
				continue
			}
		}
		newSchemas[k] = l
	}
	for k, l := range used {
		if from[l.p] {
			var ok bool
			if l, ok = move(l); !ok {
				continue
			}
		}
		if _, ok := newSchemas[schemaKey{l.p.kind, l.schema}]; ok {
			newUsed[k] = l
		}
	}
	for _, w := range to {
		if w.f != nil {
			if err := w.f.Close(); err != nil {
				// Not all of it may be there: what was moved is
				// kept where it was.
				return used, schemas
			}
		}
	}
	return newUsed, newSchemas
}

// closePacks closes the packs read, and reads the cache afresh. c.mu is
// held.
func (c *Cache) closePacks() {
	for _, p := range c.packs {
		p.once.Do(func() {})
		if p.f != nil {
			p.f.Close()
		}
	}
	c.decoders = map[decoderKey][]*decoder{}
	c.load()
}
