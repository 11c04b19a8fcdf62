package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// DefaultMemoryLimit is the soft limit on the program's memory when
// GOMEMLIMIT does not set one.
//
// A build's live memory peaks while Hugo renders the site: the site's
// data, which holds what every page shows, is live then (about 1 GB at
// 25,000 articles). Go's collector lets the heap grow to twice what is
// live before it collects again (GOGC=100), so without a limit that peak
// takes twice its size of the machine's memory. Under the limit, the
// collector instead runs more often as the heap nears it: the build then
// costs more processor time, not more memory. Where the live heap alone
// is over the limit, the collector takes at most half the processor time
// (the runtime caps it), and the heap grows as it must: a limit never
// fails a build.
//
// GOMEMLIMIT, in the runtime's syntax (1800MiB, 4GiB, or "off"), sets
// another limit or none.
const DefaultMemoryLimit = 1536 << 20

// limitMemory sets DefaultMemoryLimit, unless GOMEMLIMIT, which the
// runtime has read at start, says otherwise. It is for the program's
// own process: a program embedding the commands keeps its own settings.
func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(DefaultMemoryLimit)
}

// gib writes a size in bytes in GiB, as a person would: "1.5 GiB".
func gib(n int64) string {
	s := strings.TrimSuffix(fmt.Sprintf("%.2f", float64(n)/(1<<30)), "0")
	return strings.TrimSuffix(strings.TrimSuffix(s, "0"), ".") + " GiB"
}
