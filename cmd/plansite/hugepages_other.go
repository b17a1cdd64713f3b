//go:build !linux

package main

// hugeHeap does nothing where the kernel has no transparent huge pages to ask for (hugepages_linux.go).
func hugeHeap(n int) bool { return false }
