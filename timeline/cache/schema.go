package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
)

// schemaIDLen is the length of a schema's name in an entry: the hex of
// the first half of its sha256.
const schemaIDLen = 32

func schemaID(schema []byte) string {
	sum := sha256.Sum256(schema)
	return hex.EncodeToString(sum[:schemaIDLen/2])
}

// schemaPath is where the schema of the id given lives, beside the
// entries of its kind.
func (c *Cache) schemaPath(kind, id string) string {
	return filepath.Join(c.dir, kind, "schema-"+id+ext)
}

// encode writes v with a new gob encoder after the zero value of its
// type: what the encoder wrote for that is the schema, what it wrote for
// v then is msg. Gob writes a pointer as what it points to, so a T and
// a *T have one schema.
func encode(v any) (schema, msg []byte, err error) {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil, nil, errors.New("no value")
	}
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode(reflect.New(t).Interface()); err != nil {
		return nil, nil, err
	}
	n := b.Len()
	if err := enc.Encode(v); err != nil {
		return nil, nil, err
	}
	return b.Bytes()[:n:n], b.Bytes()[n:], nil
}

// putSchema writes the schema of the id given, once a build: it may be
// missing or spoiled on disk.
func (c *Cache) putSchema(kind, id string, schema []byte) error {
	p := c.schemaPath(kind, id)
	c.mu.Lock()
	written := c.used[p]
	c.used[p] = true
	c.mu.Unlock()
	if written {
		return nil
	}
	err := writeAtomic(p, append([]byte(magic), schema...))
	if err != nil {
		// The next entry tries again.
		c.mu.Lock()
		delete(c.used, p)
		c.mu.Unlock()
	}
	return err
}

// decoderKey names the decoders that read entries of one schema into
// values of one type.
type decoderKey struct {
	kind, id string
	typ      reflect.Type // of the pointer entries are read into
}

// decoder is a gob decoder primed with a schema, that reads one entry
// after another: src is each entry's message in turn.
type decoder struct {
	src *bytes.Reader // a ByteReader, so the decoder reads no further than a message
	dec *gob.Decoder
}

// decoder takes an idle decoder of k, or primes a new one with its
// schema; nil if the schema cannot be read.
func (c *Cache) decoder(k decoderKey) *decoder {
	c.mu.Lock()
	idle := c.decoders[k]
	if n := len(idle); n > 0 {
		d := idle[n-1]
		c.decoders[k] = idle[:n-1]
		c.mu.Unlock()
		return d
	}
	c.mu.Unlock()
	p := c.schemaPath(k.kind, k.id)
	b, err := os.ReadFile(p)
	if err != nil || !bytes.HasPrefix(b, []byte(magic)) || schemaID(b[len(magic):]) != k.id {
		return nil
	}
	src := bytes.NewReader(nil)
	d := &decoder{src: src, dec: gob.NewDecoder(src)}
	if !d.decode(b[len(magic):], reflect.New(k.typ.Elem()).Interface()) {
		return nil
	}
	c.use(p)
	return d
}

// release gives back a decoder that read an entry whole, for the next.
func (c *Cache) release(k decoderKey, d *decoder) {
	c.mu.Lock()
	c.decoders[k] = append(c.decoders[k], d)
	c.mu.Unlock()
}

// decode reads msg into v: one whole value and nothing after it, so that
// a file cut short or run together is no entry.
func (d *decoder) decode(msg []byte, v any) (ok bool) {
	// gob panics on some malformed input rather than failing.
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	d.src.Reset(msg)
	return d.dec.Decode(v) == nil && d.src.Len() == 0
}
