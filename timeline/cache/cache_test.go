package cache

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type entry struct {
	Words []string
	N     int
}

func open(t *testing.T, dir, version string) *Cache {
	t.Helper()
	c, err := OpenVersion(dir, version)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPutGet(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	k := c.Hash("expressions").String("text").Int(3).Sum()
	want := entry{Words: []string{"on", "Tuesday"}, N: 2}
	if err := c.Put(k, want); err != nil {
		t.Fatal(err)
	}
	// Another build of the same program reads it back.
	c2 := open(t, dir, "v1")
	var got entry
	if !c2.Get(c2.Hash("expressions").String("text").Int(3).Sum(), &got) || !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if !reflect.DeepEqual(c2.Stats(), []Stats{{Kind: "expressions", Hits: 1}}) {
		t.Errorf("stats %+v", c2.Stats())
	}
	// Another input, another kind or another program: another key.
	for name, k := range map[string]Key{
		"input":   c2.Hash("expressions").String("text").Int(4).Sum(),
		"kind":    c2.Hash("events").String("text").Int(3).Sum(),
		"version": open(t, dir, "v2").Hash("expressions").String("text").Int(3).Sum(),
		// the parts are told apart, not run together
		"split": c2.Hash("expressions").String("tex").String("t").Int(3).Sum(),
	} {
		if k == c2.Hash("expressions").String("text").Int(3).Sum() || c2.Get(k, &got) {
			t.Errorf("%s: a changed key found the entry", name)
		}
	}
}

// An entry that cannot be read back whole is a miss, never an error.
func TestBadEntryIsMiss(t *testing.T) {
	good := func(t *testing.T, c *Cache, k Key) []byte {
		if err := c.Put(k, entry{Words: []string{"a", "b"}, N: 1}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(c.path(k))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name  string
		spoil func([]byte) []byte
	}{
		{"empty", func([]byte) []byte { return nil }},
		{"garbage", func([]byte) []byte { return []byte("not an entry at all") }},
		{"other format", func(b []byte) []byte { return append([]byte("timeline-cache 0\n"), b[len(magic):]...) }},
		{"cut short", func(b []byte) []byte { return b[:len(b)-3] }},
		{"run on", func(b []byte) []byte { return append(b, b[len(magic):]...) }},
		{"flipped bytes", func(b []byte) []byte {
			for i := len(magic); i < len(b); i += 3 {
				b[i] ^= 0xff
			}
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := open(t, t.TempDir(), "v1")
			k := c.Hash("events").String(tt.name).Sum()
			b := good(t, c, k)
			if err := os.WriteFile(c.path(k), tt.spoil(b), 0o644); err != nil {
				t.Fatal(err)
			}
			var got entry
			if c.Get(k, &got) {
				t.Errorf("a spoiled entry was read: %+v", got)
			}
			if s := c.Stats(); len(s) != 1 || s[0].Misses != 1 {
				t.Errorf("stats %+v, want one miss", s)
			}
			// Written again, it is read again.
			good(t, c, k)
			if !c.Get(k, &got) {
				t.Error("the entry written again was not read")
			}
		})
	}
}

func TestPrune(t *testing.T) {
	dir := t.TempDir()
	old := open(t, dir, "v1")
	for _, s := range []string{"kept", "changed", "removed"} {
		if err := old.Put(old.Hash("expressions").String(s).Sum(), entry{N: 1}); err != nil {
			t.Fatal(err)
		}
	}
	leftover := filepath.Join(dir, "expressions", "ab", "abc"+ext+".123"+tmp)
	other := filepath.Join(dir, "README")
	for _, p := range []string{leftover, other} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The next build reads one entry and writes a new one.
	c := open(t, dir, "v1")
	var e entry
	if !c.Get(c.Hash("expressions").String("kept").Sum(), &e) {
		t.Fatal("kept: not found")
	}
	if err := c.Put(c.Hash("expressions").String("changed again").Sum(), e); err != nil {
		t.Fatal(err)
	}
	n, err := c.Prune()
	if err != nil || n != 3 {
		t.Errorf("pruned %d (%v), want 3: two entries and a write cut short", n, err)
	}
	after := open(t, dir, "v1")
	for s, want := range map[string]bool{"kept": true, "changed again": true, "changed": false, "removed": false} {
		if got := after.Get(after.Hash("expressions").String(s).Sum(), &e); got != want {
			t.Errorf("%s: found %v after pruning, want %v", s, got, want)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is no entry was deleted: %v", err)
	}
}

// A nil cache has nothing and keeps nothing.
func TestNil(t *testing.T) {
	var c *Cache
	k := c.Hash("events").String("x").Sum()
	if err := c.Put(k, entry{}); err != nil {
		t.Error(err)
	}
	if c.Get(k, &entry{}) || c.Stats() != nil || c.Dir() != "" {
		t.Error("a nil cache had something")
	}
	if n, err := c.Prune(); n != 0 || err != nil {
		t.Error(n, err)
	}
}

func TestVersionIsTheExecutable(t *testing.T) {
	v, err := Version()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Version()
	if len(v) != 64 || strings.Trim(v, "0123456789abcdef") != "" || v != again {
		t.Errorf("version %q, then %q: want one sha256 in hex", v, again)
	}
}

// The types are written once per kind, in a schema, and every entry of
// the kind is read back with one decoder primed with it.
func TestSchema(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	want := []entry{{Words: []string{"on", "Tuesday"}, N: 2}, {N: 5}, {Words: []string{"today"}}, {}}
	key := func(c *Cache, i int) Key { return c.Hash("clues").Int(i).Sum() }
	for i, e := range want {
		if err := c.Put(key(c, i), e); err != nil {
			t.Fatal(err)
		}
	}
	schemas, _ := filepath.Glob(filepath.Join(dir, "clues", "schema-*"+ext))
	if len(schemas) != 1 {
		t.Fatalf("schemas %v, want one", schemas)
	}
	read := func(c *Cache) {
		t.Helper()
		for i, w := range want {
			var got entry
			if !c.Get(key(c, i), &got) || !reflect.DeepEqual(got, w) {
				t.Errorf("entry %d: got %+v, want %+v", i, got, w)
			}
		}
	}
	c = open(t, dir, "v1")
	read(c)
	if n := len(c.decoders); n != 1 {
		t.Errorf("%d decoders, want one for the one schema", n)
	}

	// Without its schema, no entry is read; the next build writes it
	// again with its entries, and they are read.
	os.WriteFile(schemas[0], []byte(magic+"spoiled"), 0o644)
	c = open(t, dir, "v1")
	var got entry
	if c.Get(key(c, 0), &got) {
		t.Error("an entry was read without its schema")
	}
	c.Put(key(c, 0), want[0])
	read(c)
	read(open(t, dir, "v1"))
}
