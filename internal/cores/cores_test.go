package cores

import (
	"runtime"
	"slices"
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
			if w := int(workers.Load()); w != min(p, n) {
				t.Errorf("GOMAXPROCS %d, n %d: %d workers, want %d", p, n, w, min(p, n))
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
			if len(got) != min(p, n) {
				t.Errorf("GOMAXPROCS %d, n %d: %d ranges, want %d", p, n, len(got), min(p, n))
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
