package pipeline

import (
	"runtime"
	"sync"
)

// sourceIndex finds a source by id and the claims of each source. The
// later stages all need it; it is built once per result, in two passes
// and two allocations, rather than as a map of slices per stage.
type sourceIndex struct {
	ids      idTable[Source] // source id to its index in Sources
	claims   []int           // claim indexes grouped by source, in source order
	srcOf    []int32         // each claim's source, or -1
	start    []int           // source i's claims are claims[start[i]:start[i+1]]
	nSources int
	nClaims  int
}

// index returns the result's source index, built again if sources or
// claims were added since.
func (r *Result) index() *sourceIndex {
	r.idxMu.Lock()
	defer r.idxMu.Unlock()
	if x := r.idx; x == nil || x.nSources != len(r.Sources) || x.nClaims != len(r.Claims) {
		r.idx = buildIndex(r)
	}
	return r.idx
}

func buildIndex(r *Result) *sourceIndex {
	x := &sourceIndex{ids: newIDTable(r.Sources), start: make([]int, len(r.Sources)+1),
		nSources: len(r.Sources), nClaims: len(r.Claims)}
	of := make([]int32, len(r.Claims)) // each claim's source, or -1
	for k := range r.Claims {
		s, ok := x.find(r.Claims[k].Source)
		if k > 0 && r.Claims[k].Source == r.Claims[k-1].Source {
			s, ok = int(of[k-1]), of[k-1] >= 0 // claims come in runs per source: one lookup a run
		}
		if !ok {
			s = -1
		} else {
			x.start[s+1]++
		}
		of[k] = int32(s)
	}
	for i := range r.Sources {
		x.start[i+1] += x.start[i]
	}
	x.claims = make([]int, x.start[len(r.Sources)])
	next := append([]int(nil), x.start[:len(r.Sources)]...)
	for k, s := range of {
		if s >= 0 {
			x.claims[next[s]] = k
			next[s]++
		}
	}
	x.srcOf = of
	return x
}

// of returns the claims of source i.
func (x *sourceIndex) of(i int) []int { return x.claims[x.start[i]:x.start[i+1]:x.start[i+1]] }

// find returns the index in Sources of the source with this id.
func (x *sourceIndex) find(id string) (int, bool) { return x.ids.find(id) }

// at is the index of the source with this id, or 0 if there is none.
func (x *sourceIndex) at(id string) int {
	i, _ := x.ids.find(id)
	return i
}

// byID returns the claims of the source with this id.
func (x *sourceIndex) byID(id string) []int {
	i, ok := x.find(id)
	if !ok {
		return nil
	}
	return x.of(i)
}

// partsFor is how many parts inParts cuts n items into: a few per core, each
// large enough that starting it costs little beside its work.
func partsFor(n int) int {
	const least = 1024
	return max(1, min(runtime.GOMAXPROCS(0)*4, n/least))
}

// inParts cuts [0, n) into parts consecutive parts and calls fn on each,
// on all cores, returning when all are done.
func inParts(n, parts int, fn func(part, lo, hi int)) {
	if parts <= 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { fn(p, p*n/parts, (p+1)*n/parts) })
	}
	wg.Wait()
}

// idTable finds a source or a claim by id: open addressing over their
// indexes, by a hash of the id. A map of a million ids held 70 MB, and
// pointers for the collector to scan; this holds 8, and none.
type idTable[T identified] struct {
	slot  []int32 // 1 + an index into items; 0 is empty
	items []T
}

// identified is what an idTable finds: a Source or a Claim.
type identified interface {
	Source | Claim
}

// idOf is the id of a source or a claim.
func idOf[T identified](x *T) string {
	switch v := any(x).(type) {
	case *Source:
		return v.ID
	case *Claim:
		return v.ID
	}
	panic("unreachable")
}

func newIDTable[T identified](items []T) idTable[T] {
	n := 1
	for n < 2*len(items) {
		n *= 2
	}
	t := idTable[T]{slot: make([]int32, n), items: items}
	mask := uint64(n - 1)
	for i := range items {
		id := idOf(&items[i])
		j := hashOf(id) & mask
		for t.slot[j] != 0 && idOf(&items[t.slot[j]-1]) != id {
			j = (j + 1) & mask
		}
		t.slot[j] = int32(i + 1) // a repeated id finds its last item, as a map did
	}
	return t
}

func (t *idTable[T]) find(id string) (int, bool) {
	if len(t.slot) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slot) - 1)
	for j := hashOf(id) & mask; t.slot[j] != 0; j = (j + 1) & mask {
		if i := int(t.slot[j] - 1); idOf(&t.items[i]) == id {
			return i, true
		}
	}
	return 0, false
}
