package pipeline

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"

	"github.com/factsheet-dev/factsheet/rules"
)

// conflict finds groups whose figures cannot all hold: a figure that no
// figure of another source in the group allows.
type conflict struct{ approx float64 }

func init() {
	registerCheck("conflict", func(d rules.CheckDef) Checker { return conflict{d.Approx} })
}

func (c conflict) Check(r *Result, add func(Finding)) {
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
		add(Finding{Kind: "conflict", Status: Inconsistent, Claims: ids(r, bad), Message: conflictMessage(r, bad, c.approx)})
	}
}

// disagreeing returns the claims that no figure of some other source in
// the group allows: a source that gives 62% and 10-20% in one sentence, and
// a note that repeats both, agree, though 62% misses 10-20%. Sources with
// the same figures are compared once, so the work grows with the distinct
// sets of figures, not with the square of the group.
func disagreeing(r *Result, g []int, spans []Span) (bad []int, judged bool) {
	// The group's sources in the order they first appear, each with its
	// figures; then the sets of figures apart (a signature each). The
	// claims are found by position, the sources and sets by index: the
	// maps of strings this took held most of the check stage's garbage.
	type source struct {
		spans []Span
		set   int // index of its set of figures; -1: its own disagree
	}
	at := make(map[string]int, 8)
	var srcs []source
	of := make([]int, len(g)) // each claim's source
	for i, k := range g {
		j, ok := at[r.Claims[k].Source]
		if !ok {
			j = len(srcs)
			at[r.Claims[k].Source] = j
			srcs = append(srcs, source{})
		}
		srcs[j].spans = append(srcs[j].spans, spans[i])
		of[i] = j
	}
	// A source whose own figures for the group disagree lists several
	// things the group's key does not tell apart (416 million of one
	// country, 860 million of three): it cannot say which figure another
	// source contradicts, so it takes no part.
	var sets [][]Span
	setOf := make(map[string]int, 8)
	for j := range srcs {
		srcs[j].set = -1
		if !allOverlap(srcs[j].spans) {
			continue
		}
		sig := signature(srcs[j].spans)
		n, ok := setOf[sig]
		if !ok {
			n = len(sets)
			setOf[sig] = n
			sets = append(sets, srcs[j].spans)
		}
		srcs[j].set = n
	}
	if len(sets) > manyFigures {
		return nil, false // past it "all agree" would be as wrong as a conflict
	}
	off := make([]bool, len(g))
	missed := make([]bool, len(sets)) // sets some figure misses: their claims join the finding
	for i := range g {
		own := srcs[of[i]].set
		if own < 0 {
			continue
		}
		for n, set := range sets {
			if n != own && !overlapsAny(spans[i], set) {
				off[i], missed[n] = true, true
			}
		}
	}
	for i, k := range g {
		if own := srcs[of[i]].set; own >= 0 && (off[i] || missed[own]) {
			bad = append(bad, k)
		}
	}
	return bad, true
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
func signature(set []Span) string {
	sorted := append([]Span(nil), set...)
	sort.Slice(sorted, func(i, j int) bool {
		return sorted[i].Lo < sorted[j].Lo || sorted[i].Lo == sorted[j].Lo && sorted[i].Hi < sorted[j].Hi
	})
	b := make([]byte, 0, 16*len(sorted))
	for _, s := range sorted {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Lo))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Hi))
	}
	return string(b)
}

func manySources(r *Result, g []int) bool {
	for _, k := range g[1:] {
		if r.Claims[k].Source != r.Claims[g[0]].Source {
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
