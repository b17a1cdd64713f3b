package cores

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// sizes are the numbers of pieces tried: none, fewer than the cores, as many, and many more.
var sizes = []int{0, 1, 2, 3, 7, 1000}

// procs are the values of GOMAXPROCS tried: one core, two, and more than the pieces of the small sizes.
var procs = []int{1, 2, 8}

func withProcs(t *testing.T, p int) {
	t.Helper()
	old := runtime.GOMAXPROCS(p)
	t.Cleanup(func() { runtime.GOMAXPROCS(old) })
}

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, p := range procs {
		withProcs(t, p)
		for _, n := range sizes {
			visits := make([]atomic.Int32, n)
			var workers atomic.Int32
			EachWith(n, func() func(int) {
				workers.Add(1)
				return func(i int) { visits[i].Add(1) }
			})
			for i := range visits {
				if v := visits[i].Load(); v != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: index %d visited %d times", p, n, i, v)
				}
			}
			// A goroutine asks for its worker when it takes its first piece: one that finds nothing left has none.
			if w := int(workers.Load()); w > min(p, n) || n > 0 && w == 0 {
				t.Errorf("GOMAXPROCS %d, n %d: %d workers, want 1 to %d", p, n, w, min(p, n))
			}
			var sum atomic.Int64
			Each(n, func(i int) { sum.Add(int64(i)) })
			if want := int64(n * (n - 1) / 2); sum.Load() != want {
				t.Errorf("GOMAXPROCS %d, n %d: Each summed to %d, want %d", p, n, sum.Load(), want)
			}
		}
	}
}

func TestRangesCoverOnceInOrder(t *testing.T) {
	for _, p := range procs {
		withProcs(t, p)
		for _, n := range sizes {
			var mu sync.Mutex
			var got [][2]int
			Ranges(n, func(from, to int) {
				mu.Lock()
				got = append(got, [2]int{from, to})
				mu.Unlock()
			})
			slices.SortFunc(got, func(a, b [2]int) int { return a[0] - b[0] })
			if want := min(piecesPerCore*p, n); len(got) != want {
				t.Errorf("GOMAXPROCS %d, n %d: %d ranges, want %d", p, n, len(got), want)
			}
			at := 0
			for _, r := range got {
				if r[0] != at || r[1] <= r[0] {
					t.Errorf("GOMAXPROCS %d, n %d: ranges %v do not follow one another from 0", p, n, got)
					break
				}
				at = r[1]
			}
			if at != n {
				t.Errorf("GOMAXPROCS %d, n %d: ranges %v end at %d", p, n, got, at)
			}
		}
	}
}

func TestAllRunsEveryFunction(t *testing.T) {
	var ran [3]atomic.Bool
	All(func() { ran[0].Store(true) }, func() { ran[1].Store(true) }, func() { ran[2].Store(true) })
	for i := range ran {
		if !ran[i].Load() {
			t.Errorf("function %d did not run", i)
		}
	}
	All() // nothing to run returns at once
}

// goroutineID is the number the runtime gives the calling goroutine, read from the first line of its stack.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	id, _, _ := strings.Cut(strings.TrimPrefix(string(buf), "goroutine "), " ")
	return id
}

// TestCallerDoesItsShare checks that the goroutine asking for the work takes pieces itself: on one core it does
// all of them, without waiting for a helper to be scheduled; on two, helpers and caller share them.
func TestCallerDoesItsShare(t *testing.T) {
	for _, p := range procs {
		withProcs(t, p)
		caller := goroutineID()
		var mu sync.Mutex
		by := map[string]int{}
		Ranges(1000, func(from, to int) {
			mu.Lock()
			by[goroutineID()] += to - from
			mu.Unlock()
		})
		if p == 1 && by[caller] != 1000 {
			t.Errorf("GOMAXPROCS 1: the caller did %d of the 1000 indices, want all: %v", by[caller], by)
		}
		if len(by) > p {
			t.Errorf("GOMAXPROCS %d: the work ran on %d goroutines: %v", p, len(by), by)
		}
	}
}

func TestRangesWithAsksEachGoroutineOnce(t *testing.T) {
	for _, p := range procs {
		withProcs(t, p)
		var workers atomic.Int32
		var covered atomic.Int64
		RangesWith(1000, func() func(from, to int) {
			workers.Add(1)
			return func(from, to int) { covered.Add(int64(to - from)) }
		})
		if covered.Load() != 1000 {
			t.Errorf("GOMAXPROCS %d: ranges covered %d of 1000", p, covered.Load())
		}
		if w := workers.Load(); w < 1 || int(w) > p {
			t.Errorf("GOMAXPROCS %d: %d workers, want 1 to %d", p, w, p)
		}
	}
}
