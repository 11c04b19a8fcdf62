// Package workers shares independent work among as many goroutines as
// Go may run at once, for the steps that treat each article on its own
// (anchoring, resolving, extracting events). Results go to each item's
// own place, so the output never depends on which worker finished first.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Count is how many goroutines Each runs at most: one per core Go may
// use.
func Count() int { return max(1, runtime.GOMAXPROCS(0)) }

// maxChunk is the most items a worker takes at a time: enough to make
// the hand-out cheap, few enough to share the work evenly.
const maxChunk = 8

// Each calls f(w, i) for every i in [0, n), on up to Count() goroutines;
// w, in [0, Count()), names the goroutine, for per-worker scratch space.
// Calls must be independent of one another: each writes only what
// belongs to its i. A panic in a call is raised again in the caller, the
// one of the least i when several calls panic, once all have returned.
func Each(n int, f func(w, i int)) {
	// Few items (a handful of long articles) go one at a time, so that
	// every core gets some; many go in chunks.
	chunk := min(maxChunk, max(1, n/(4*Count())))
	ws := min(Count(), (n+chunk-1)/chunk)
	if ws <= 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var mu sync.Mutex
	failedAt, failure := n, any(nil)
	var wg sync.WaitGroup
	for w := range ws {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					if p, ok := call(f, w, i); !ok {
						mu.Lock()
						if i < failedAt {
							failedAt, failure = i, p
						}
						mu.Unlock()
					}
				}
			}
		})
	}
	wg.Wait()
	if failedAt < n {
		panic(failure)
	}
}

// call runs f(w, i), and recovers a panic in it.
func call(f func(w, i int), w, i int) (p any, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			p, ok = r, false
		}
	}()
	f(w, i)
	return nil, true
}
