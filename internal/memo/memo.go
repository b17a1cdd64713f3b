// Package memo keeps the results of pure work from one render to the next. The live preview renders the whole
// site after every save; most of the site's texts did not change, and a Map lets the next render reuse what the
// last one worked out for them, while what a render no longer asks for is forgotten, so a long session does not
// grow.
package memo

import "sync"

// Map holds values by key for the current render and the one before. Get is safe for concurrent use. The key
// must include everything the value depends on: a value found is used as it is.
type Map[K comparable, V any] struct {
	mu        sync.Mutex
	prev, cur map[K]V
}

// New returns an empty Map.
func New[K comparable, V any]() *Map[K, V] {
	return &Map[K, V]{cur: map[K]V{}}
}

// Get returns the value of k, made by make when neither this render nor the last one has it. Two callers that
// miss at once may both make it; the first value stored wins, so every caller sees the same one.
func (m *Map[K, V]) Get(k K, make func() V) V {
	m.mu.Lock()
	if v, ok := m.cur[k]; ok {
		m.mu.Unlock()
		return v
	}
	if v, ok := m.prev[k]; ok {
		m.cur[k] = v
		m.mu.Unlock()
		return v
	}
	m.mu.Unlock()
	v := make()
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.cur[k]; ok {
		return old
	}
	m.cur[k] = v
	return v
}

// Lookup returns the value of k if this render or the last one has it, and keeps it for the next render.
func (m *Map[K, V]) Lookup(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.prev[k]
	if ok {
		m.cur[k] = v
	}
	return v, ok
}

// Put stores the value of k for this render.
func (m *Map[K, V]) Put(k K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cur[k] = v
}

// Next ends a render: the values it did not ask for are dropped.
func (m *Map[K, V]) Next() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.prev, m.cur = m.cur, make(map[K]V, len(m.cur))
}
