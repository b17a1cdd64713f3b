package hugepages

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHeap checks that what is allocated after the request lies in memory the kernel was asked to back with huge
// pages: the mapping holding it carries the "hg" flag in /proc/self/smaps.
func TestHeap(t *testing.T) {
	if !Agreed() {
		t.Skip("this kernel has no transparent huge pages")
	}
	b := make([]byte, 8<<20)
	for i := range b {
		b[i] = 1
	}
	// The middle of the block: its ends may lie outside the advised range, which is rounded inwards to 2 MB.
	addr := uintptr(unsafe.Pointer(&b[len(b)/2]))
	flags, huge := mappingOf(t, addr)
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Fatalf("the mapping holding a block allocated after the request has the flags %q, without hg "+
			"(MADV_HUGEPAGE)", flags)
	}
	t.Logf("flags %q, %d kB of the mapping in huge pages", flags, huge)
}

// TestInUse checks the request for the heap in use as the program starts: the mapping holding its first
// allocation carries the "hg" flag; the log says how much of it the kernel could collapse into huge pages.
func TestInUse(t *testing.T) {
	if !Agreed() {
		t.Skip("this kernel has no transparent huge pages")
	}
	flags, huge := mappingOf(t, uintptr(unsafe.Pointer(first)))
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Fatalf("the mapping holding the heap in use at the start has the flags %q, without hg (MADV_HUGEPAGE)", flags)
	}
	t.Logf("flags %q, %d kB of the mapping in huge pages", flags, huge)
}

// mappingOf returns the VmFlags and the AnonHugePages (kB) of the mapping holding addr.
func mappingOf(t *testing.T, addr uintptr) (flags string, hugeKB int) {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	in := false
	for line := range strings.Lines(string(smaps)) {
		line = strings.TrimSpace(line)
		// A mapping begins with its range, "lo-hi", in hex; its details follow, one "Name: value" a line.
		if lo, hi, ok := strings.Cut(strings.SplitN(line, " ", 2)[0], "-"); ok {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uint64(addr) >= a && uint64(addr) < b
				continue
			}
		}
		if !in {
			continue
		}
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			hugeKB, _ = strconv.Atoi(strings.Fields(v)[0])
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			return strings.TrimSpace(v), hugeKB
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", addr)
	return "", 0
}
