package pipeline

import (
	"runtime"
	"sync"
)

// sourceIndex finds a source by id and the claims of each source. The
// later stages all need it; it is built once per result, in two passes
// and two allocations, rather than as a map of slices per stage.
type sourceIndex struct {
	at       map[string]int // source id to its index in Sources
	claims   []int          // claim indexes grouped by source, in source order
	start    []int          // source i's claims are claims[start[i]:start[i+1]]
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
	x := &sourceIndex{at: make(map[string]int, len(r.Sources)), start: make([]int, len(r.Sources)+1),
		nSources: len(r.Sources), nClaims: len(r.Claims)}
	for i := range r.Sources {
		x.at[r.Sources[i].ID] = i
	}
	of := make([]int, len(r.Claims)) // each claim's source, or -1
	for k := range r.Claims {
		s, ok := x.at[r.Claims[k].Source]
		if k > 0 && r.Claims[k].Source == r.Claims[k-1].Source {
			s, ok = of[k-1], of[k-1] >= 0 // claims come in runs per source: one lookup a run
		}
		if !ok {
			s = -1
		} else {
			x.start[s+1]++
		}
		of[k] = s
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
	return x
}

// of returns the claims of source i.
func (x *sourceIndex) of(i int) []int { return x.claims[x.start[i]:x.start[i+1]:x.start[i+1]] }

// byID returns the claims of the source with this id.
func (x *sourceIndex) byID(id string) []int {
	i, ok := x.at[id]
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
