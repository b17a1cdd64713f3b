// Package hugepages asks, as the program starts, for the heap a build will use to be backed by transparent huge
// pages. On the virtual machines we build on, a page of memory touched for the first time costs some 11 µs, and
// without huge pages a build touches every 4 kB of its heap once: half of a small build's time and most of a large
// one's system time (docs/performance.md, "Huge pages"). Where the kernel gives huge pages on request (its
// "madvise" or "always" setting), one first touch brings 2 MB instead.
//
// The request is made while the program's packages are being initialised, among the first of them (the package
// imports only the runtime, syscall and unsafe, see setGCPercent), before those that allocate most (goldmark's
// tables and regular expressions, the YAML and template packages): for the heap the program is
// using (the runtime maps its first 4 MB as it starts) and for the heap that follows, with one collection of a heap
// still nearly empty (heap_linux.go). Made on a goroutine beside the initialisation, it cost more than it does in
// line (2–3 ms more for a build, 2 ms for `plansite version`): the initialisation's allocations while the request's
// block was alive landed past the block, outside what was advised, and the collection ran beside allocating code
// (docs/performance.md).
package hugepages

// Size is how much heap is asked for: about what the large generated plan's build holds at its peak, and well
// below the build's smallest memory limit (224 MiB, cmd/plansite). Freed memory beyond that limit is what the
// runtime hands back to the kernel at once: asking for 224 MiB made the shipped plan's build 10 ms slower than 32
// or 160 MiB did (hyperfine, 50 runs).
const Size = 160 << 20

// agreed is whether the kernel took the request for the heap.
var agreed bool

func init() {
	agreed = heap(Size)
}

// Agreed reports whether the kernel took the request for huge pages.
func Agreed() bool { return agreed }
