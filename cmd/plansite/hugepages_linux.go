package main

// Huge pages for the build's heap. On the virtual machines we build on, a page of memory touched for the first time
// costs some 11 µs, and without huge pages a build touches every 4 kB of its heap once: half of a small build's time
// and a third of a large one's (docs/performance.md, "Huge pages"). Where the kernel gives transparent huge pages on
// request (the "madvise" setting, the common default), one first touch brings 2 MB instead.

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// hugeHeap asks the kernel to back the next n bytes of the Go heap with transparent huge pages, and reports whether
// it agreed. The Go runtime maps its heap as it grows and does not ask for huge pages itself (it did in Go 1.21.0,
// and stopped: a long-running server's scavenger broke them up). So a block of n bytes is allocated, which makes
// the runtime map that much heap without touching it, the block's range is advised, and the block is freed with
// one collection (some 3 ms here, most of it waiting for the other core). What the build allocates after that lands in the
// advised range. The memory is not touched until used: the peak is what the build uses, rounded up to 2 MB pieces.
// The collector is off while the block is alive, so that the block starts no collection of its own.
func hugeHeap(n int) bool {
	gcPercent := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(gcPercent)
	b := make([]byte, n)
	const huge = 2 << 20
	start := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + huge - 1) &^ (huge - 1)
	end := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(n)) &^ (huge - 1)
	ok := false
	if end > start {
		const madvHugepage = 14 // MADV_HUGEPAGE, which package syscall does not name
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvHugepage)
		ok = errno == 0
	}
	b = nil
	runtime.GC()
	return ok
}
