package anchor

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is how many goroutines work on the articles of a collection at
// once: one per core Go may use.
func workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// eachChunk is how many articles a worker takes at a time: enough to
// make the hand-out cheap, few enough to share the work evenly.
const eachChunk = 8

// each calls f(w, i) for every i in [0, n), on workers() goroutines; w,
// in [0, workers()), names the goroutine, for per-worker scratch space.
// Calls must be independent of one another: each writes only what
// belongs to its i. A panic in a call is raised again in the caller, the
// one of the least i when several calls panic, once all have returned.
func each(n int, f func(w, i int)) {
	ws := min(workers(), (n+eachChunk-1)/eachChunk)
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
				lo := int(next.Add(eachChunk)) - eachChunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+eachChunk, n); i++ {
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
