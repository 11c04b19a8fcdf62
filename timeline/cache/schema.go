package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"reflect"
)

// schemaLen is the length of a schema's name: the first half of its
// sha256.
const schemaLen = 16

type schemaSum [schemaLen]byte

func schemaID(schema []byte) schemaSum {
	sum := sha256.Sum256(schema)
	return schemaSum(sum[:schemaLen])
}

// schemaKey names a schema of one kind.
type schemaKey struct {
	kind string
	id   schemaSum
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

// decoderKey names the decoders that read entries of one schema into
// values of one type.
type decoderKey struct {
	kind string
	id   schemaSum
	typ  reflect.Type // of the pointer entries are read into
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
	c.mu.Lock()
	l, ok := c.schemas[schemaKey{k.kind, k.id}]
	c.mu.Unlock()
	if !ok {
		return nil
	}
	r, ok := c.readRecord(l)
	if !ok || r.typ != recSchema || r.schema != k.id || schemaID(r.value) != k.id {
		return nil
	}
	src := bytes.NewReader(nil)
	d := &decoder{src: src, dec: gob.NewDecoder(src)}
	if !d.decode(r.value, reflect.New(k.typ.Elem()).Interface()) {
		return nil
	}
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
