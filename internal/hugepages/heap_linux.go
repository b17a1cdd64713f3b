package hugepages

import (
	"runtime"
	"syscall"
	"unsafe"
)

// heap asks the kernel to back the Go heap with transparent huge pages: the heap the program is using as it
// starts, and the next n bytes, and reports whether it agreed. The Go runtime maps its heap as it grows and does not
// ask for huge pages itself (it did in Go 1.21.0, and stopped: a long-running server's scavenger broke them up). So
// a block of n bytes is allocated, which makes the runtime map that much heap without touching it, just above the
// heap in use; the heap around the block is advised, and the block is freed with one collection. What is allocated
// after that lands in the advised range. The memory is not touched until used: the peak is what the program uses,
// rounded up to 2 MB pieces. The collector is off while the block is alive, so that the block starts no collection
// of its own.
//
// Advice is not enough for the heap in use: a 2 MB piece that has a page already gets no huge page on its next
// fault. Its pieces are collapsed into huge pages (MADV_COLLAPSE, Linux 6.1), each on its own, since the kernel
// stops at the first it cannot collapse: the one the heap begins in, whose start lies in the runtime's
// reservation below it. The heap begins at a random place, in a chunk of 4 MB that the block follows at once
// (its first free page): the heap in use is within the 4 MB below the block. Found from a fresh allocation
// instead, half of it went without huge pages in most builds, and the build of the shipped plan faulted 100–400
// pages of 4 kB more, at 11 µs each (docs/performance.md). A kernel that refuses leaves the heap as it was.
func heap(n int) bool {
	gcPercent := setGCPercent(-1)
	defer setGCPercent(gcPercent)
	first = new([64]byte)
	b := make([]byte, n)
	const huge, chunk = 2 << 20, 4 << 20
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	from := (lo - chunk) &^ (huge - 1)
	to := (lo + uintptr(n) + chunk + huge - 1) &^ (huge - 1) // the heap ends within a chunk of the block's end
	const madvHugepage, madvCollapse = 14, 25                // which package syscall does not name
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, from, to-from, madvHugepage)
	for p := from; p < lo; p += huge {
		syscall.Syscall(syscall.SYS_MADVISE, p, huge, madvCollapse)
	}
	b = nil
	runtime.GC()
	return errno == 0 || errno == syscall.ENOMEM // ENOMEM: the advice reached past the heap, where nothing is mapped
}

// first is an allocation made just before the block, in the heap in use: TestInUse finds that heap by it.
var first *[64]byte

// setGCPercent is debug.SetGCPercent, which the runtime defines for package runtime/debug under this name.
// Importing runtime/debug would make this package wait, as the program starts, for fmt, os and the others it
// imports, and every package whose import path sorts before this one's, to be initialised first: the request was
// made 6 ms later, after some 100 more pages of the heap had been touched in 4 kB (docs/performance.md).
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(int32) int32
