package pipeline

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// sourceIndex finds a source by id and the claims of each source. The
// later stages all need it; it is built once per result, in two passes
// and two allocations, rather than as a map of slices per stage.
//
// Claims come in runs per source, in source order, and a note follows its
// quote: a claim's source and a note's quote are found by looking a few
// sources on (or back), in memory order. The table of ids is built only
// for what is not found so (a ledger's recalled sources, say): hashing a
// million ids and probing for each claim went to a random place of a
// table and of the sources each time, which a large run pays in cache
// misses (the context stage grew 18 times from the 10 to the 100 MB
// corpus). Ids are unique in a run (IDs gives each once), so the source
// found near is the one the table finds.
type sourceIndex struct {
	sources  []Source
	idsOnce  sync.Once
	ids      idTable[Source] // source id to its index in Sources; see table
	claims   []int           // claim indexes grouped by source, in source order
	inOrder  bool            // claims is 0, 1, 2, …: every claim has a source, claims in source order
	srcOf    []int32         // each claim's source, or -1
	quoteOf  []int32         // each note's quote, or -1 (not a note, or its quote not read)
	start    []int           // source i's claims are claims[start[i]:start[i+1]]
	nSources int
	nClaims  int
}

// Before the table of ids is asked, a claim's source is looked for up to
// ahead sources on from the last claim's (sources that state no figure lie
// between), a note's quote up to back sources back.
const ahead, back = 64, 8

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
	x := &sourceIndex{sources: r.Sources, start: make([]int, len(r.Sources)+1),
		nSources: len(r.Sources), nClaims: len(r.Claims)}
	of := make([]int32, len(r.Claims)) // each claim's source, or -1
	at := 0                            // where the last claim's source was
	for k := range r.Claims {
		id := r.Claims[k].Source()
		s, ok := at, at < len(r.Sources) && r.Sources[at].ID() == id
		for j := at + 1; !ok && j < min(at+ahead, len(r.Sources)); j++ {
			s, ok = j, r.Sources[j].ID() == id
		}
		if !ok {
			s, ok = x.find(id)
		}
		if !ok {
			s = -1
		} else {
			x.start[s+1]++
			at = s
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
	x.inOrder = len(x.claims) == len(r.Claims)
	for k := 0; x.inOrder && k < len(x.claims); k++ {
		x.inOrder = x.claims[k] == k
	}
	x.srcOf = of
	x.quoteOf = make([]int32, len(r.Sources))
	for i := range r.Sources {
		x.quoteOf[i] = int32(x.findQuote(i))
	}
	return x
}

// findQuote is the index of note i's quote, or -1.
func (x *sourceIndex) findQuote(i int) int {
	id := x.sources[i].NoteOf
	if id == nil {
		return -1
	}
	for j := i - 1; j >= max(0, i-back); j-- {
		if x.sources[j].ID() == *id {
			return j
		}
	}
	if q, ok := x.find(*id); ok {
		return q
	}
	return -1
}

// quote is the index in Sources of the quote source i notes, if any.
func (x *sourceIndex) quote(i int) (int, bool) {
	q := x.quoteOf[i]
	return int(q), q >= 0
}

// sourceOf is the index in Sources of claim k's source, if any.
func (x *sourceIndex) sourceOf(k int) (int, bool) {
	s := x.srcOf[k]
	return int(s), s >= 0
}

// every returns the indexes 0 to n-1 of n claims: the index's own list
// when that is what it holds (claims read in source order, as a run reads
// them), which the caller only reads, else a new one.
func (x *sourceIndex) every(n int) []int {
	if x.inOrder && len(x.claims) == n {
		return x.claims
	}
	all := make([]int, n)
	for k := range all {
		all[k] = k
	}
	return all
}

// of returns the claims of source i.
func (x *sourceIndex) of(i int) []int { return x.claims[x.start[i]:x.start[i+1]:x.start[i+1]] }

// find returns the index in Sources of the source with this id.
// The table of ids is built on the first call.
func (x *sourceIndex) find(id string) (int, bool) {
	x.idsOnce.Do(func() { x.ids = newIDTable(x.sources) })
	return x.ids.find(id)
}

// at is the index of the source with this id, or 0 if there is none.
func (x *sourceIndex) at(id string) int {
	i, _ := x.find(id)
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
	onCores(parts, func(p int) { fn(p, p*n/parts, (p+1)*n/parts) })
}

// onCores calls fn(0) to fn(n-1), each once, on one goroutine per core
// that takes the next one as it finishes one. A goroutine each let the
// scheduler share the cores among them ten milliseconds at a time, each
// turn a preemption and a cache refilled with another's data.
func onCores(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
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
		return v.ID()
	case *Claim:
		return v.ID()
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
