package hugepages

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// heap asks the kernel to back the next n bytes of the Go heap with transparent huge pages, and reports whether it
// agreed. The Go runtime maps its heap as it grows and does not ask for huge pages itself (it did in Go 1.21.0, and
// stopped: a long-running server's scavenger broke them up). So a block of n bytes is allocated, which makes the
// runtime map that much heap without touching it; the block's range is advised, and the block is freed with one
// collection. What is allocated after that lands in the advised range. The memory is not touched until used: the
// peak is what the program uses, rounded up to 2 MB pieces. The collector is off while the block is alive, so that
// the block starts no collection of its own.
func heap(n int) bool {
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

// first is the allocation inUse finds the heap by, kept for TestInUse.
var first *[64]byte

// inUse asks for huge pages for the 4 MB of heap the runtime maps as the program starts, found from a fresh
// allocation: both its halves are collapsed into huge pages (MADV_COLLAPSE, Linux 6.1: 0.4–0.6 ms here). Advice
// alone is not enough: a 2 MB range of which a page is in use already gets no huge page on its next fault, and the
// second half, a few of whose pages the start had touched, then cost a fifth of the builds 100–400 faults of 4 kB
// (docs/performance.md). It saves some 450 faults while the packages are initialised, and 3–4 ms of the shipped
// plan's build. A kernel that refuses either leaves the heap as it was.
func inUse() {
	const huge = 2 << 20
	first = new([64]byte)
	base := uintptr(unsafe.Pointer(first)) &^ (huge - 1)
	const madvHugepage, madvCollapse = 14, 25 // which package syscall does not name
	syscall.Syscall(syscall.SYS_MADVISE, base, 2*huge, madvHugepage)
	syscall.Syscall(syscall.SYS_MADVISE, base, 2*huge, madvCollapse)
}
