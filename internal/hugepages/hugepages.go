// Package hugepages asks, as the program starts, for the heap a build will use to be backed by transparent huge
// pages. On the virtual machines we build on, a page of memory touched for the first time costs some 11 µs, and
// without huge pages a build touches every 4 kB of its heap once: half of a small build's time and most of a large
// one's system time (docs/performance.md, "Huge pages"). Where the kernel gives huge pages on request (its
// "madvise" or "always" setting), one first touch brings 2 MB instead.
//
// Two requests are made while the program's packages are being initialised. First, at once, for the heap the
// program is filling now (inUse): the runtime maps its first 4 MB as it starts, and the packages' initialisation
// touches some 2.5 MB of it, goldmark's tables and regular expressions mostly. Then, on a goroutine, for the heap
// that follows (heap): initialisation takes some 10 ms on one core and leaves the other idle; the request's
// collection costs 3–8 ms, mostly waiting. That request turns the collector off while it lasts: a program that
// imports this package calls Wait before it changes the collector's settings.
package hugepages

// Size is how much heap is asked for: about what the large generated plan's build holds at its peak, and well
// below the build's smallest memory limit (224 MiB, cmd/plansite). Freed memory beyond that limit is what the
// runtime hands back to the kernel at once: asking for 224 MiB made the shipped plan's build 10 ms slower than 32
// or 160 MiB did (hyperfine, 50 runs).
const Size = 160 << 20

var (
	done   = make(chan struct{})
	agreed bool
)

func init() {
	inUse()
	go func() {
		defer close(done)
		agreed = heap(Size)
	}()
}

// Wait returns once the request has been made and its collection is over, and reports whether the kernel agreed.
func Wait() bool {
	<-done
	return agreed
}
