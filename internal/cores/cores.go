// Package cores runs a build's independent pieces of work on every core: the files of a folder, the pages of one
// kind, the words of a vocabulary. It is the one place that decides how many goroutines a piece of the build uses.
package cores

import (
	"runtime"
	"sync"
)

// Each calls do(i) for every i below n, on as many goroutines as there are cores (no more than n), and returns
// when all are done. The i are handed out one at a time, so that pieces of uneven cost keep every core busy.
func Each(n int, do func(i int)) {
	EachWith(n, func() func(i int) { return do })
}

// EachWith is Each for work that keeps buffers of its own: each goroutine gets its do from worker.
func EachWith(n int, worker func() func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do := worker()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Ranges calls work(from, to) for as many ranges as there are cores (no more than n), each on a goroutine of its
// own, and returns when all are done. The ranges follow one another and together cover [0, n) once. It suits
// many small pieces of even cost, where handing them out one at a time would cost more than the pieces.
func Ranges(n int, work func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := range workers {
		from, to := n*w/workers, n*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(from, to)
		}()
	}
	wg.Wait()
}

// All runs each of the functions on a goroutine of its own and returns when all have.
func All(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn()
		}()
	}
	wg.Wait()
}
