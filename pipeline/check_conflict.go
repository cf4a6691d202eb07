package pipeline

import (
	"encoding/binary"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/factsheet-dev/factsheet/rules"
)

// conflict finds groups whose figures cannot all hold: a figure that no
// figure of another source in the group allows.
type conflict struct {
	approx float64
	part   *regexp.Regexp // the part a share names before its verb: "the iPhone accounted for"
}

func init() {
	registerCheck("conflict", func(d rules.CheckDef) Checker { return conflict{d.Approx, d.Patterns["part"]} })
}

func (c conflict) Check(r *Result, add func(Finding)) {
	idx := r.index()
	for _, g := range r.Groups {
		if !named(&r.Claims[g[0]]) {
			continue
		}
		spans := make([]Span, len(g))
		for i, k := range g {
			spans[i] = Interval(&r.Claims[k], c.approx)
		}
		bad, judged := disagreeing(r, g, spans)
		if !judged {
			continue // the key lumps together what its sources count: no verdict, either way
		}
		first := &r.Claims[g[0]]
		if len(bad) == 0 {
			if manySources(r, g) {
				add(Finding{Kind: "conflict", Status: Consistent, Claims: ids(r, g),
					Message: fmt.Sprintf("%d figures for %s agree: %s", len(g), about(first), figures(r, g))})
			}
			continue
		}
		if c.manyParts(r, idx, g, bad) { // asked only of a group that disagrees
			continue
		}
		add(Finding{Kind: "conflict", Status: Inconsistent, Claims: ids(r, bad), Message: conflictMessage(r, bad, c.approx)})
	}
}

// manyParts reports a group of shares of one whole that name two parts
// ("the iPhone made up 52% of Apple's revenue", "Services made up 22%"):
// shares of other parts, not one figure stated twice, so no conflict.
// The first figures that disagree are read first: a conflict whose
// figures name no part is judged as it is, without reading the rest of a
// large group (a corpus that repeats one conflict a thousand times).
func (c conflict) manyParts(r *Result, idx *sourceIndex, g, bad []int) bool {
	if c.part == nil || r.Claims[g[0]].Unit() != "%" {
		return false
	}
	named := ""
	for _, k := range bad[:min(len(bad), partsRead)] {
		if p := c.partOf(r, idx, k); p != "" && named != "" && p != named {
			return true
		} else if p != "" {
			named = p
		}
	}
	if named == "" {
		return false
	}
	for _, k := range g {
		if p := c.partOf(r, idx, k); p != "" && p != named {
			return true
		}
	}
	return false
}

// partsRead is how many of a conflict's figures are read for a part.
const partsRead = 4

// partOf is the part a share names before its verb in its clause, lower
// case, or "".
func (c conflict) partOf(r *Result, idx *sourceIndex, k int) string {
	i, ok := idx.sourceOf(k)
	if !ok {
		return ""
	}
	// the clause's start within a window before the figure: a part is a few words
	w := []rune(between(&r.Sources[i], r.Claims[k].Start-48, r.Claims[k].Start))
	m := c.part.FindStringSubmatch(string(w[clauseStart(w, len(w)):]))
	if len(m) < 2 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(m[1]))
}

// disagreeing returns the claims that no figure of some other source in
// the group allows: a source that gives 62% and 10-20% in one sentence, and
// a note that repeats both, agree, though 62% misses 10-20%. Sources with
// the same figures are compared once, so the work grows with the distinct
// sets of figures, not with the square of the group.
func disagreeing(r *Result, g []int, spans []Span) (bad []int, judged bool) {
	// The group's sources in the order they first appear, each with its
	// figures; then the sets of figures apart (a signature each). The
	// claims are found by position, the sources and sets by index, in
	// buffers kept for the next group: the maps and slices made per group
	// were most of a large run's check-stage garbage, which the collector
	// pays for at the size of the whole heap.
	sc := scratchPool.Get().(*disagreeScratch)
	defer scratchPool.Put(sc)
	idx := r.index()
	sc.reset(len(g), len(r.Sources))
	for i, k := range g {
		j := sc.source(idx.srcOf[k], r.Claims[k].Source())
		if j == len(sc.count) {
			sc.count = append(sc.count, 0)
		}
		sc.of[i] = j
		sc.count[j]++
	}
	// each source's figures, in one buffer, in the group's order
	sc.start = append(sc.start[:0], 0)
	for j, n := range sc.count {
		sc.start = append(sc.start, sc.start[j]+n)
	}
	sc.spans = slices.Grow(sc.spans[:0], len(g))[:len(g)]
	next := append(sc.next[:0], sc.start[:len(sc.count)]...)
	for i := range g {
		sc.spans[next[sc.of[i]]] = spans[i]
		next[sc.of[i]]++
	}
	sc.next = next
	// A source whose own figures for the group disagree lists several
	// things the group's key does not tell apart (416 million of one
	// country, 860 million of three): it cannot say which figure another
	// source contradicts, so it takes no part.
	for j := range sc.count {
		set := sc.spans[sc.start[j]:sc.start[j+1]]
		n := -1
		if allOverlap(set) {
			sig := signature(set, &sc.sig, &sc.sorted)
			var ok bool
			if n, ok = sc.setOf[string(sig)]; !ok {
				n = len(sc.sets)
				sc.setOf[string(sig)] = n
				sc.sets = append(sc.sets, set)
			}
		}
		sc.set = append(sc.set, n)
	}
	if len(sc.sets) > manyFigures {
		return nil, false // past it "all agree" would be as wrong as a conflict
	}
	off := sc.off[:len(g)]
	missed := slices.Grow(sc.missed[:0], len(sc.sets))[:len(sc.sets)] // sets some figure misses: their claims join the finding
	clear(missed)
	for i := range g {
		off[i] = false
		own := sc.set[sc.of[i]]
		if own < 0 {
			continue
		}
		for n, set := range sc.sets {
			if n != own && !overlapsAny(spans[i], set) {
				off[i], missed[n] = true, true
			}
		}
	}
	sc.missed = missed
	for i, k := range g {
		if own := sc.set[sc.of[i]]; own >= 0 && (off[i] || missed[own]) {
			bad = append(bad, k)
		}
	}
	return bad, true
}

// disagreeScratch holds disagreeing's buffers between groups.
type disagreeScratch struct {
	// local numbers the group's sources: local[s] for source s of the
	// result where stamp[s] is this group's; at for a claim whose source
	// is not in the result (a test's, say)
	local              []int32
	stamp              []uint32
	group              uint32
	at                 map[string]int
	count, start, next []int          // per source: claims, where its figures start
	of                 []int          // per claim: its source
	spans              []Span         // the figures, by source
	set                []int          // per source: its set of figures, or -1
	sets               [][]Span       // the sets of figures apart
	setOf              map[string]int // a set's signature to its index
	off, missed        []bool
	sig                []byte
	sorted             []Span
}

// source is the group's number for the source of a claim (src: its index
// in the result, or -1; id: its id), the next number for a new one.
func (sc *disagreeScratch) source(src int32, id string) int {
	if src < 0 {
		j, ok := sc.at[id]
		if !ok {
			j = len(sc.count)
			sc.at[id] = j
		}
		return j
	}
	if sc.stamp[src] != sc.group {
		sc.stamp[src], sc.local[src] = sc.group, int32(len(sc.count))
	}
	return int(sc.local[src])
}

var scratchPool = sync.Pool{New: func() any {
	return &disagreeScratch{at: map[string]int{}, setOf: map[string]int{}}
}}

// reset readies the buffers for a group of n claims. A map that grew
// large is made again rather than cleared: clearing costs its size, and
// most groups are small.
func (sc *disagreeScratch) reset(n, sources int) {
	if len(sc.local) < sources {
		sc.local, sc.stamp, sc.group = make([]int32, sources), make([]uint32, sources), 0
	}
	if sc.group++; sc.group == 0 { // wrapped: no stamp may look current
		clear(sc.stamp)
		sc.group = 1
	}
	if len(sc.at) > 256 {
		sc.at = map[string]int{}
	} else {
		clear(sc.at)
	}
	if len(sc.setOf) > 256 {
		sc.setOf = map[string]int{}
	} else {
		clear(sc.setOf)
	}
	sc.count, sc.set, sc.sets = sc.count[:0], sc.set[:0], sc.sets[:0]
	sc.of = slices.Grow(sc.of[:0], n)[:n]
	sc.off = slices.Grow(sc.off[:0], n)[:n]
}

// named reports a group whose subject and metric both come from the
// lexicons: only then do figures that merely differ contradict each other.
// Figures linked by their words alone conflict only when one miscopies the
// other (the misquote check).
func named(c *Claim) bool { return c.Named }

// manyFigures is how many different sets of figures a group may hold and
// still be one figure told several times: past it, the group's key lumps
// together what its sources count (a lexicon subject named beside a
// thousand different counts), and comparing every set with every other
// would cost the square of the group.
const manyFigures = 32

func overlapsAny(s Span, set []Span) bool {
	for _, o := range set {
		if Overlap(s, o) {
			return true
		}
	}
	return false
}

// signature names a set of spans, whatever their order, by their bits.
func signature(set []Span, buf *[]byte, sortBuf *[]Span) []byte {
	sorted := append((*sortBuf)[:0], set...)
	*sortBuf = sorted
	sort.Slice(sorted, func(i, j int) bool {
		return sorted[i].Lo < sorted[j].Lo || sorted[i].Lo == sorted[j].Lo && sorted[i].Hi < sorted[j].Hi
	})
	b := (*buf)[:0]
	for _, s := range sorted {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Lo))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Hi))
	}
	*buf = b
	return b
}

func manySources(r *Result, g []int) bool {
	for _, k := range g[1:] {
		if r.Claims[k].Source() != r.Claims[g[0]].Source() {
			return true
		}
	}
	return false
}

func conflictMessage(r *Result, bad []int, approx float64) string {
	c := &r.Claims[bad[0]]
	msg := fmt.Sprintf("figures for %s cannot all hold: ", about(c))
	for i, k := range bad {
		if i == 6 {
			msg += fmt.Sprintf("; and %d more", len(bad)-6)
			break
		}
		if i > 0 {
			msg += "; "
		}
		cl := &r.Claims[k]
		msg += fmt.Sprintf("%s reads as %s", figure(cl), Interval(cl, approx))
	}
	return msg
}

// allOverlap reports whether every two spans of the set share a value.
func allOverlap(set []Span) bool {
	for i := range set {
		for j := i + 1; j < len(set); j++ {
			if !Overlap(set[i], set[j]) {
				return false
			}
		}
	}
	return true
}
