package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestUsedGrows: work done on the CPU shows in Used, and nothing else makes it go back.
func TestUsedGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage here")
	}
	start := Used()
	if start <= 0 {
		t.Fatalf("Used() = %v at the start of a test, want more than 0", start)
	}
	x, last := 0, start
	for deadline := time.Now().Add(5 * time.Second); Used()-start < 5*time.Millisecond; {
		if time.Now().After(deadline) {
			t.Fatalf("5 s of work added %v of CPU time (%d)", Used()-start, x)
		}
		for i := range 100000 {
			x += i * i
		}
		now := Used()
		if now < last {
			t.Fatalf("Used() went back from %v to %v", last, now)
		}
		last = now
	}
}
