package pipeline

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
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
	bySrc := map[string][]Span{}
	var order []string
	for i, k := range g {
		src := r.Claims[k].Source
		if bySrc[src] == nil {
			order = append(order, src)
		}
		bySrc[src] = append(bySrc[src], spans[i])
	}
	// A source whose own figures for the group disagree lists several
	// things the group's key does not tell apart (416 million of one
	// country, 860 million of three): it cannot say which figure another
	// source contradicts, so it takes no part.
	g, spans = selfConsistent(r, g, spans, bySrc)
	for src, set := range bySrc {
		if !allOverlap(set) {
			delete(bySrc, src)
		}
	}
	order = slices.DeleteFunc(order, func(src string) bool { return bySrc[src] == nil })
	var sigs []string
	sets := map[string][]Span{}
	sigOf := map[string]string{}
	for _, src := range order {
		sig := signature(bySrc[src])
		sigOf[src] = sig
		if sets[sig] == nil {
			sigs = append(sigs, sig)
			sets[sig] = bySrc[src]
		}
	}
	if len(sigs) > manyFigures {
		return nil, false // past it "all agree" would be as wrong as a conflict
	}
	members := map[string][]int{} // the claims of the sources with each set of figures
	for _, k := range g {
		sig := sigOf[r.Claims[k].Source]
		members[sig] = append(members[sig], k)
	}
	off := map[int]bool{}
	missed := map[string]bool{} // sets of figures some figure misses: their claims join the finding
	for i, k := range g {
		for _, sig := range sigs {
			if sig != sigOf[r.Claims[k].Source] && !overlapsAny(spans[i], sets[sig]) {
				off[k], missed[sig] = true, true
			}
		}
	}
	for _, k := range g {
		if off[k] || missed[sigOf[r.Claims[k].Source]] {
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

// selfConsistent keeps the claims of sources whose figures in the group
// all agree with one another.
func selfConsistent(r *Result, g []int, spans []Span, bySrc map[string][]Span) ([]int, []Span) {
	var ks []int
	var ss []Span
	for i, k := range g {
		if allOverlap(bySrc[r.Claims[k].Source]) {
			ks, ss = append(ks, k), append(ss, spans[i])
		}
	}
	return ks, ss
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
