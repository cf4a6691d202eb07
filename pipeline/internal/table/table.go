// Package table holds values once for the whole process, by number.
package table

import "sync"

// Table holds values of W by number, 0 for W's zero value: in chunks that
// never move, so that the value of a number is read without a lock
// (whoever holds a number got it, directly or through the goroutine that
// made it, after its value was stored), and a map from values to numbers.
type Table[W comparable] struct {
	mu     sync.RWMutex
	of     map[W]uint32
	chunks [1 << 16]*[chunk]W // value n is chunks[n/chunk][n%chunk]
}

const chunk = 1 << 8

// New returns a table that holds W's zero value as 0.
func New[W comparable]() *Table[W] {
	var zero W
	t := &Table[W]{of: map[W]uint32{zero: 0}}
	t.chunks[0] = new([chunk]W)
	return t
}

// At returns the value of n, which Find returned.
func (t *Table[W]) At(n uint32) *W { return &t.chunks[n/chunk][n%chunk] }

// Find returns the number of w, made if need be.
func (t *Table[W]) Find(w W) uint32 {
	t.mu.RLock()
	n, ok := t.of[w]
	t.mu.RUnlock()
	if ok {
		return n
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if n, ok := t.of[w]; ok {
		return n
	}
	n = uint32(len(t.of))
	c := t.chunks[n/chunk]
	if c == nil {
		c = new([chunk]W)
		t.chunks[n/chunk] = c
	}
	c[n%chunk] = w
	t.of[w] = n
	return n
}

// Len is how many values the table holds, the zero value included.
func (t *Table[W]) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.of)
}
