package pipeline

import "sync"

// sym is a string held once for the whole process, by number. A claim's
// unit, kind, rule, subject and period are a few hundred strings repeated
// over every claim: a million one-line highlights held 192 bytes of string
// headers per claim for them, where four bytes each say the same.
// The zero sym is "".
type sym uint32

// syms maps strings to syms and back. A sym's string is read without a
// lock: whoever holds a sym got it, directly or through the goroutine that
// made it, after its string was stored, and a stored string never moves.
var syms struct {
	mu     sync.RWMutex
	ids    map[string]sym
	n      uint32
	chunks [1 << 16]*[symChunk]string // sym n is chunks[n/symChunk][n%symChunk]
}

const symChunk = 1 << 10

// intern returns the sym of s.
func intern(s string) sym {
	if s == "" {
		return 0
	}
	syms.mu.RLock()
	id, ok := syms.ids[s]
	syms.mu.RUnlock()
	if ok {
		return id
	}
	syms.mu.Lock()
	defer syms.mu.Unlock()
	if id, ok := syms.ids[s]; ok {
		return id
	}
	if syms.ids == nil {
		syms.ids = map[string]sym{}
	}
	syms.n++
	n := syms.n
	c := syms.chunks[n/symChunk]
	if c == nil {
		c = new([symChunk]string)
		syms.chunks[n/symChunk] = c
	}
	c[n%symChunk] = s
	syms.ids[s] = sym(n)
	return sym(n)
}

// String returns the string s stands for.
func (s sym) String() string {
	if s == 0 {
		return ""
	}
	return syms.chunks[s/symChunk][s%symChunk]
}
