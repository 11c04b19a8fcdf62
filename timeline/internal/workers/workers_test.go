package workers

import (
	"fmt"
	"sync/atomic"
	"testing"
)

// TestEach: every index is worked on once, whatever the count, and a
// panic reaches the caller, the one of the least index.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, maxChunk, 3*maxChunk + 1, 1000} {
		calls := make([]atomic.Int32, n)
		Each(n, func(w, i int) {
			if w < 0 || w >= Count() {
				t.Errorf("worker %d of %d", w, Count())
			}
			calls[i].Add(1)
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d worked on %d times", n, i, c)
			}
		}
	}
	for range 20 {
		got := func() (p any) {
			defer func() { p = recover() }()
			Each(1000, func(_, i int) {
				if i == 997 || i == 40 || i == 41 {
					panic(fmt.Sprint("at ", i))
				}
			})
			return nil
		}()
		if got != "at 40" {
			t.Fatalf("panic %v, want the one at 40", got)
		}
	}
}
