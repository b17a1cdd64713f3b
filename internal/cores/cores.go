// Package cores runs a build's independent pieces of work on every core: the files of a folder, the pages of one
// kind, the words of a vocabulary. It is the one place that decides how many goroutines a piece of the build uses.
//
// The goroutine that asks for the work does its share: a build runs several things at once (the search index
// beside the pages), and a helper goroutine may wait for a core while the caller has one. Work is handed out in
// pieces, so that whoever is running takes the next piece and no one waits for a helper that is not.
package cores

import (
	"runtime"
	"sync/atomic"
)

// Each calls do(i) for every i below n, on as many goroutines as there are cores (no more than n), the caller's
// among them, and returns when all are done. The i are handed out one at a time, so that pieces of uneven cost keep
// every core busy.
func Each(n int, do func(i int)) {
	EachWith(n, func() func(i int) { return do })
}

// EachWith is Each for work that keeps buffers of its own: each goroutine that takes a piece gets its do from
// worker, once.
func EachWith(n int, worker func() func(i int)) {
	share(n, n, func() func(from, to int) {
		do := worker()
		return func(from, _ int) { do(from) }
	})
}

// piecesPerCore is how many ranges Ranges cuts its work into for each core: enough that a goroutine kept from its
// core for a while leaves its ranges to the others, few enough that a range's setup costs nothing.
const piecesPerCore = 4

// Ranges calls work(from, to) for ranges that follow one another and together cover [0, n) once, on as many
// goroutines as there are cores (no more than n), the caller's among them, and returns when all are done. It suits
// many small pieces of even cost, where handing them out one at a time would cost more than the pieces.
func Ranges(n int, work func(from, to int)) {
	RangesWith(n, func() func(from, to int) { return work })
}

// RangesWith is Ranges for work that keeps buffers of its own: each goroutine that takes a range gets its work
// from worker, once.
func RangesWith(n int, worker func() func(from, to int)) {
	share(n, min(n, piecesPerCore*runtime.GOMAXPROCS(0)), worker)
}

// share cuts [0, n) into pieces ranges and hands them out, in order, to the caller and to helpers, one for each
// core beyond the caller's (no more than there are pieces), and returns when every piece is done. It waits for the
// pieces, not for the helpers: a helper still waiting for a core when the caller has done the rest finds nothing
// left and ends, and nobody waits for it (the other core may be busy for milliseconds with work that does not
// yield). Each goroutine asks worker for its work when it takes its first piece, so such a helper costs no setup.
func share(n, pieces int, worker func() func(from, to int)) {
	if pieces <= 0 {
		return
	}
	var next, finished atomic.Int64
	all := make(chan struct{})
	run := func() {
		var work func(from, to int)
		for {
			p := int(next.Add(1) - 1)
			if p >= pieces {
				return
			}
			if work == nil {
				work = worker()
			}
			work(n*p/pieces, n*(p+1)/pieces)
			if finished.Add(1) == int64(pieces) {
				close(all)
			}
		}
	}
	for range min(runtime.GOMAXPROCS(0), pieces) - 1 {
		go run()
	}
	run()
	<-all
}

// All runs the functions side by side, the caller taking its share, and returns when all have run. As in Each, a
// function no other goroutine has begun when the caller is free is run by the caller.
func All(fns ...func()) {
	Each(len(fns), func(i int) { fns[i]() })
}
