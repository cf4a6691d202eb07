package pipeline

import (
	"sync"

	"github.com/factsheet-dev/factsheet/pipeline/internal/table"
)

// sym is a string held once for the whole process, by number. A claim's
// unit, kind, rule, subject and period are a few hundred strings repeated
// over every claim: a million one-line highlights held 192 bytes of string
// headers per claim for them, where four bytes each say the same.
// The zero sym is "".
type sym uint32

// syms maps strings to syms and back: the strings in chunks that never
// move, and an open-addressing table of syms by the hash of their string
// (8 bytes a string where a map held about 28: a keyword that names one
// claim only is interned too). A sym's string is read without a lock:
// whoever holds a sym got it, directly or through the goroutine that made
// it, after its string was stored.
var syms struct {
	mu     sync.RWMutex
	slot   []sym // 0 is empty
	n      uint32
	chunks [1 << 16]*[symChunk]string // sym n is chunks[n/symChunk][n%symChunk]
}

const symChunk = 1 << 10

// intern returns the sym of s.
func intern(s string) sym {
	if s == "" {
		return 0
	}
	h := hashOf(s)
	syms.mu.RLock()
	id, _ := lookupSym(s, h)
	syms.mu.RUnlock()
	if id != 0 {
		return id
	}
	syms.mu.Lock()
	defer syms.mu.Unlock()
	id, j := lookupSym(s, h)
	if id != 0 {
		return id
	}
	if 2*(syms.n+1) > uint32(len(syms.slot)) {
		growSyms()
		_, j = lookupSym(s, h)
	}
	syms.n++
	n := syms.n
	c := syms.chunks[n/symChunk]
	if c == nil {
		c = new([symChunk]string)
		syms.chunks[n/symChunk] = c
	}
	c[n%symChunk] = s
	syms.slot[j] = sym(n)
	return sym(n)
}

// lookupSym finds s (of hash h) in the table: its sym, or 0 and the empty
// slot where it would go.
func lookupSym(s string, h uint64) (sym, uint64) {
	if len(syms.slot) == 0 {
		return 0, 0
	}
	mask := uint64(len(syms.slot) - 1)
	j := h & mask
	for ; syms.slot[j] != 0; j = (j + 1) & mask {
		if id := syms.slot[j]; id.String() == s {
			return id, j
		}
	}
	return 0, j
}

// growSyms doubles the table; the caller holds the lock.
func growSyms() {
	old := syms.slot
	syms.slot = make([]sym, max(1024, 2*len(old)))
	mask := uint64(len(syms.slot) - 1)
	for _, id := range old {
		if id == 0 {
			continue
		}
		j := hashOf(id.String()) & mask
		for syms.slot[j] != 0 {
			j = (j + 1) & mask
		}
		syms.slot[j] = id
	}
}

// String returns the string s stands for.
func (s sym) String() string {
	if s == 0 {
		return ""
	}
	return syms.chunks[s/symChunk][s%symChunk]
}

// shape is the set of words a claim gets from the rule that read it (its
// unit, qualifier, kind, change, direction, role, rule and bound), held
// once for the whole run, by number: the rules make a few hundred such sets
// over a million claims, and one number holds them in 4 bytes where a sym
// each held 32. The zero shape has no words.
type shape uint32

// shapeWords is what a shape stands for.
type shapeWords struct {
	unit, qualifier, kind, change, direction, role, rule, bound string
}

var shapes = table.New[shapeWords]()

// words returns what s stands for.
func (s shape) words() *shapeWords { return shapes.At(uint32(s)) }

// shapeOf returns the shape of w.
func shapeOf(w shapeWords) shape { return shape(shapes.Find(w)) }

// sourceShape is a source's file, role, language and format, held once
// for the whole run, by number, as a shape is.
type sourceShape uint32

type sourceWords struct{ file, role, lang, format string }

var sourceShapes = table.New[sourceWords]()

func (s sourceShape) words() *sourceWords { return sourceShapes.At(uint32(s)) }

func sourceShapeOf(w sourceWords) sourceShape { return sourceShape(sourceShapes.Find(w)) }
