//go:build !linux

package hugepages

// heap does nothing where the kernel has no transparent huge pages to ask for (heap_linux.go).
func heap(n int) bool { return false }
