package memo

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestMapKeepsWhatTheLastRenderUsed(t *testing.T) {
	m := New[string, int]()
	made := 0
	get := func(k string, v int) int {
		return m.Get(k, func() int { made++; return v })
	}
	if get("a", 1) != 1 || get("b", 2) != 2 || made != 2 {
		t.Fatalf("first render: made %d", made)
	}
	if get("a", 99) != 1 || made != 2 {
		t.Fatal("a value of the same render was made again")
	}
	m.Next()
	if get("a", 99) != 1 || made != 2 {
		t.Fatal("a value of the last render was made again")
	}
	m.Next() // "b" was not asked for in the second render
	if _, ok := m.Lookup("b"); ok {
		t.Fatal("a value unused for a whole render was kept")
	}
	if v, ok := m.Lookup("a"); !ok || v != 1 {
		t.Fatalf("Lookup(a) = %d, %v", v, ok)
	}
	m.Put("c", 3)
	m.Next()
	if v, ok := m.Lookup("c"); !ok || v != 3 {
		t.Fatalf("a value Put was not kept for the next render: %d, %v", v, ok)
	}
}

func TestMapConcurrentCallersShareOneValue(t *testing.T) {
	m := New[int, *int]()
	var made atomic.Int32
	var wg sync.WaitGroup
	got := make([]*int, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = m.Get(7, func() *int { made.Add(1); return new(int) })
		}()
	}
	wg.Wait()
	for _, p := range got {
		if p != got[0] {
			t.Fatalf("callers got different values (%d made)", made.Load())
		}
	}
}
