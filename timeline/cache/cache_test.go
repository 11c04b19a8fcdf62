package cache

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
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

// where is the pack file and the record of k.
func where(t *testing.T, c *Cache, k Key) (string, loc) {
	t.Helper()
	c.mu.Lock()
	l, ok := c.entries[k.sum]
	c.mu.Unlock()
	if !ok {
		t.Fatalf("%v: no entry", k)
	}
	return c.packPath(l.p), l
}

func packFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, packs, "*"+packExt))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// An entry that cannot be read back whole is a miss, never an error,
// whether the index names it or it is read back from its pack alone.
func TestBadEntryIsMiss(t *testing.T) {
	put := func(t *testing.T, c *Cache, k Key) {
		if err := c.Put(k, entry{Words: []string{"a", "b"}, N: 1}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		// spoil the pack file b, with the entry at l
		spoil func(b []byte, l loc) []byte
	}{
		{"empty", func([]byte, loc) []byte { return nil }},
		{"garbage", func(b []byte, l loc) []byte {
			copy(b[l.off:l.off+l.n], strings.Repeat("not an entry at all ", 100))
			return b
		}},
		{"other format", func(b []byte, l loc) []byte {
			copy(b, "timeline-cache 0\n")
			return b
		}},
		{"cut short", func(b []byte, l loc) []byte { return b[:l.off+l.n-3] }},
		{"header cut short", func(b []byte, l loc) []byte { return b[:l.off+10] }},
		{"longer", func(b []byte, l loc) []byte {
			binary.LittleEndian.PutUint32(b[l.off+int64(offLen):], uint32(l.n-int64(headerLen)+1))
			return append(b, 0)
		}},
		{"flipped bytes", func(b []byte, l loc) []byte {
			for i := l.off; i < l.off+l.n; i += 3 {
				b[i] ^= 0xff
			}
			return b
		}},
		{"one bit", func(b []byte, l loc) []byte {
			b[l.off+l.n-1] ^= 1
			return b
		}},
		{"another key", func(b []byte, l loc) []byte {
			b[l.off+int64(offKey)] ^= 1
			return b
		}},
	}
	for _, indexed := range []bool{false, true} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/indexed=%v", tt.name, indexed), func(t *testing.T) {
				dir := t.TempDir()
				c := open(t, dir, "v1")
				k := c.Hash("events").String(tt.name).Sum()
				put(t, c, k)
				if indexed {
					if _, err := c.Prune(); err != nil {
						t.Fatal(err)
					}
				}
				p, l := where(t, c, k)
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, tt.spoil(b, l), 0o644); err != nil {
					t.Fatal(err)
				}
				c = open(t, dir, "v1")
				var got entry
				if c.Get(k, &got) {
					t.Errorf("a spoiled entry was read: %+v", got)
				}
				if s := c.Stats(); len(s) != 1 || s[0].Misses != 1 {
					t.Errorf("stats %+v, want one miss", s)
				}
				// Written again, it is read again, in this build and
				// the next, pruned or not.
				put(t, c, k)
				if !c.Get(k, &got) {
					t.Error("the entry written again was not read")
				}
				if !open(t, dir, "v1").Get(k, &got) {
					t.Error("the entry written again was not read by the next build")
				}
				if _, err := c.Prune(); err != nil {
					t.Fatal(err)
				}
				if !open(t, dir, "v1").Get(k, &got) {
					t.Error("the entry written again was not read after pruning")
				}
			})
		}
	}
}

// A pack cut short keeps the entries before the cut.
func TestTruncatedPack(t *testing.T) {
	for _, indexed := range []bool{false, true} {
		dir := t.TempDir()
		c := open(t, dir, "v1")
		var keys []Key
		for i := range 10 {
			k := c.Hash("clues").Int(i).Sum()
			keys = append(keys, k)
			if err := c.Put(k, entry{N: i}); err != nil {
				t.Fatal(err)
			}
		}
		if indexed {
			c.Prune()
		}
		p, l := where(t, c, keys[6])
		if err := os.Truncate(p, l.off+l.n/2); err != nil {
			t.Fatal(err)
		}
		c = open(t, dir, "v1")
		for i, k := range keys {
			var got entry
			if ok := c.Get(k, &got); ok != (i < 6) || ok && got.N != i {
				t.Errorf("indexed %v: entry %d: read %v (%+v)", indexed, i, ok, got)
			}
		}
	}
}

// Without the index, or with one spoiled, the entries are read back from
// the packs; without the packs, nothing is.
func TestIndex(t *testing.T) {
	for _, tt := range []struct {
		name  string
		spoil func(dir string)
		found bool
	}{
		{"index deleted", func(dir string) { os.Remove(filepath.Join(dir, index)) }, true},
		{"index spoiled", func(dir string) {
			p := filepath.Join(dir, index)
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 1
			os.WriteFile(p, b, 0o644)
		}, true},
		{"index cut short", func(dir string) {
			p := filepath.Join(dir, index)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)-1], 0o644)
		}, true},
		{"packs deleted", func(dir string) { os.RemoveAll(filepath.Join(dir, packs)) }, false},
		{"all deleted", func(dir string) { os.RemoveAll(dir) }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			c := open(t, dir, "v1")
			for i := range 5 {
				c.Put(c.Hash("events").Int(i).Sum(), entry{N: i})
			}
			if _, err := c.Prune(); err != nil {
				t.Fatal(err)
			}
			tt.spoil(dir)
			c = open(t, dir, "v1")
			for i := range 5 {
				var got entry
				if ok := c.Get(c.Hash("events").Int(i).Sum(), &got); ok != tt.found || ok && got.N != i {
					t.Errorf("entry %d: read %v (%+v), want %v", i, ok, got, tt.found)
				}
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
	// what a write of the index cut short left, an entry of the older
	// format, and a file that is no entry
	leftover := filepath.Join(dir, index+".123"+tmp)
	older := filepath.Join(dir, "expressions", "ab", "abc"+legacy)
	other := filepath.Join(dir, "README")
	for _, p := range []string{leftover, older, other} {
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
	if err != nil || n != 4 {
		t.Errorf("pruned %d (%v), want 4: two entries, a write cut short and an older entry", n, err)
	}
	check := func(c *Cache) {
		t.Helper()
		for s, want := range map[string]bool{"kept": true, "changed again": true, "changed": false, "removed": false} {
			if got := c.Get(c.Hash("expressions").String(s).Sum(), &e); got != want {
				t.Errorf("%s: found %v after pruning, want %v", s, got, want)
			}
		}
	}
	check(open(t, dir, "v1"))
	// The cache pruned reads on as if opened afresh.
	check(c)
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is no entry was deleted: %v", err)
	}
	for _, p := range []string{leftover, older} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was not deleted", p)
		}
	}

	// Another program reads none of it, and its first build deletes it.
	v2 := open(t, dir, "v2")
	if v2.Get(v2.Hash("expressions").String("kept").Sum(), &e) {
		t.Error("v2 read an entry of v1")
	}
	v2.Put(v2.Hash("expressions").String("kept").Sum(), entry{N: 2})
	v2.Prune()
	if got := packFiles(t, dir); len(got) != 1 {
		t.Errorf("packs %v, want v2's alone", got)
	}
	if !open(t, dir, "v2").Get(v2.Hash("expressions").String("kept").Sum(), &e) || e.N != 2 {
		t.Errorf("v2's entry: %+v", e)
	}
}

// A pack of which less than half is used is compacted: what is used is
// copied to a new pack and the old one deleted. A build that works out
// only a little more appends to a pack there.
func TestCompaction(t *testing.T) {
	dir := t.TempDir()
	key := func(c *Cache, kind string, i int) Key { return c.Hash(kind).Int(i).Sum() }
	c := open(t, dir, "v1")
	for i := range 100 {
		for _, kind := range []string{"clues", "events"} {
			c.Put(key(c, kind, i), entry{Words: []string{kind, strings.Repeat("x", i)}, N: i})
		}
	}
	if _, err := c.Prune(); err != nil {
		t.Fatal(err)
	}
	first := packFiles(t, dir)
	if len(first) != 2 {
		t.Fatalf("packs %v, want one per kind", first)
	}
	// Most is read again, one more written: no new pack.
	c = open(t, dir, "v1")
	var e entry
	for i := range 101 {
		for _, kind := range []string{"clues", "events"} {
			if !c.Get(key(c, kind, i), &e) {
				c.Put(key(c, kind, i), entry{N: i})
			}
		}
	}
	c.Prune()
	if got := packFiles(t, dir); !reflect.DeepEqual(got, first) {
		t.Errorf("packs %v, want %v still", got, first)
	}
	// A tenth read again: both packs compacted.
	c = open(t, dir, "v1")
	for i := 0; i < 101; i += 10 {
		var e entry // gob leaves alone what a message has not got: zero values
		if !c.Get(key(c, "clues", i), &e) || !c.Get(key(c, "events", i), &e) || e.N != i {
			t.Fatalf("entry %d not read", i)
		}
	}
	if n, err := c.Prune(); err != nil || n != 2*(101-11) {
		t.Errorf("pruned %d (%v), want %d", n, err, 2*(101-11))
	}
	after := packFiles(t, dir)
	if len(after) != 2 || slices.Contains(after, first[0]) || slices.Contains(after, first[1]) {
		t.Errorf("packs %v after compacting %v", after, first)
	}
	for _, c := range []*Cache{c, open(t, dir, "v1")} {
		for i := range 101 {
			for _, kind := range []string{"clues", "events"} {
				var got entry
				ok := c.Get(key(c, kind, i), &got)
				if ok != (i%10 == 0) || ok && got.N != i {
					t.Errorf("%s %d after compacting: read %v (%+v)", kind, i, ok, got)
				}
			}
		}
	}
}

// A build that does not get to Prune leaves what it wrote to the next,
// and the index of the last that did stands.
func TestNoPrune(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	c.Put(c.Hash("events").Int(1).Sum(), entry{N: 1})
	c.Prune()
	was, _ := os.ReadFile(filepath.Join(dir, index))
	// a build that appends to the pack, and one that writes its own
	for _, kind := range []string{"events", "clues"} {
		c = open(t, dir, "v1")
		c.Put(c.Hash(kind).Int(2).Sum(), entry{N: 2})
	}
	if now, _ := os.ReadFile(filepath.Join(dir, index)); !bytes.Equal(now, was) {
		t.Error("the index changed without Prune")
	}
	c = open(t, dir, "v1")
	var e entry
	for _, k := range []Key{c.Hash("events").Int(1).Sum(), c.Hash("events").Int(2).Sum(), c.Hash("clues").Int(2).Sum()} {
		if !c.Get(k, &e) {
			t.Errorf("%v not read", k)
		}
	}
}

// Many goroutines read and write at once.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	kinds := []string{"clues", "expressions", "events"}
	for round := range 3 {
		c := open(t, dir, "v1")
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 60 {
					n := g*1000 + i
					k := c.Hash(kinds[n%3]).Int(n).Sum()
					var got entry
					if c.Get(k, &got) {
						if got.N != n {
							t.Errorf("entry %d read as %d", n, got.N)
						}
						continue
					}
					if round > 0 && i < 50 {
						t.Errorf("round %d: entry %d not read", round, n)
					}
					if err := c.Put(k, entry{N: n, Words: []string{kinds[n%3]}}); err != nil {
						t.Error(err)
					}
					if !c.Get(k, &got) || got.N != n {
						t.Errorf("entry %d not read back", n)
					}
				}
			}()
		}
		wg.Wait()
		if round < 2 {
			if _, err := c.Prune(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The types are written once per kind and pack, in a schema, and every
// entry of the kind is read back with one decoder primed with it.
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
	if len(c.schemas) != 1 {
		t.Fatalf("schemas %v, want one", c.schemas)
	}
	c.Prune()
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
	var l loc
	for _, l = range c.schemas {
	}
	p := c.packPath(l.p)
	b, _ := os.ReadFile(p)
	b[l.off+l.n-1] ^= 1
	os.WriteFile(p, b, 0o644)
	c = open(t, dir, "v1")
	var got entry
	if c.Get(key(c, 0), &got) {
		t.Error("an entry was read without its schema")
	}
	c.Put(key(c, 0), want[0])
	read(c)
	read(open(t, dir, "v1"))
	c.Prune()
	read(open(t, dir, "v1"))
}

// The folder deleted during a build: what was written after is lost, and
// nothing is read wrong.
func TestDeletedDuringBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), Dir)
	c := open(t, dir, "v1")
	c.Put(c.Hash("events").Int(1).Sum(), entry{N: 1})
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	c.Put(c.Hash("events").Int(2).Sum(), entry{N: 2})
	c.Put(c.Hash("clues").Int(3).Sum(), entry{N: 3})
	if _, err := c.Prune(); err != nil {
		t.Errorf("prune: %v", err)
	}
	c = open(t, dir, "v1")
	for i, kind := range []string{"", "events", "events", "clues"} {
		if i == 0 {
			continue
		}
		var got entry
		if c.Get(c.Hash(kind).Int(i).Sum(), &got) && got.N != i {
			t.Errorf("entry %d read as %+v", i, got)
		}
	}
	c.Put(c.Hash("events").Int(4).Sum(), entry{N: 4})
	c.Prune()
	var got entry
	if !open(t, dir, "v1").Get(c.Hash("events").Int(4).Sum(), &got) || got.N != 4 {
		t.Errorf("entry written after: %+v", got)
	}
}
