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
