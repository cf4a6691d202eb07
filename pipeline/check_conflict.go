package pipeline

import (
	"fmt"
	"math"

	"github.com/factsheet-dev/factsheet/rules"
)

// conflict finds groups whose intervals cannot all hold. In one dimension a
// set of intervals shares a point exactly when the largest low end is at
// most the smallest high end, so a group costs one pass, however large.
type conflict struct{ approx float64 }

func init() {
	registerCheck("conflict", func(d rules.CheckDef) Checker { return conflict{d.Approx} })
}

func (c conflict) Check(r *Result, add func(Finding)) {
	for _, g := range r.Groups {
		spans := make([]Span, len(g))
		for i, k := range g {
			spans[i] = Interval(&r.Claims[k], c.approx)
		}
		bad := disagreeing(r, g, spans)
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

// disagreeing returns the claims whose interval misses that of a claim from
// another source: figures in one sentence compare, they do not contradict.
func disagreeing(r *Result, g []int, spans []Span) []int {
	hi := bestBySource(r, g, spans, func(s Span) float64 { return -s.Hi })
	lo := bestBySource(r, g, spans, func(s Span) float64 { return s.Lo })
	var out []int
	for i, k := range g {
		src := r.Claims[k].Source
		if spans[i].Lo > -hi.other(src) || spans[i].Hi < lo.other(src) {
			out = append(out, k)
		}
	}
	return out
}

// top2 keeps the largest value and the largest from a different source.
type top2 struct {
	v1, v2 float64
	src1   string
}

func (t top2) other(src string) float64 {
	if src == t.src1 {
		return t.v2
	}
	return t.v1
}

func bestBySource(r *Result, g []int, spans []Span, key func(Span) float64) top2 {
	t := top2{v1: math.Inf(-1), v2: math.Inf(-1)}
	for i, k := range g {
		v, src := key(spans[i]), r.Claims[k].Source
		switch {
		case v > t.v1 && src != t.src1:
			t.v2, t.v1, t.src1 = t.v1, v, src
		case v > t.v1:
			t.v1 = v
		case v > t.v2 && src != t.src1:
			t.v2 = v
		}
	}
	return t
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
