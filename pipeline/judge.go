package pipeline

import (
	"fmt"
	"math"
)

// judged is a finding for a figure that other figures imply: the stated
// span against the computed one, with the expectation and the deviation
// as fields that reports sort and filter by. tol widens the computed
// span, for the rounding people do in a computation by hand.
func judged(kind string, claims []string, tested *Claim, computed, stated Span, tol float64, unit string) Finding {
	f := Finding{Kind: kind, Claims: claims, Status: Inconsistent}
	slack := computed.widen(tol)
	if Overlap(slack, stated) {
		f.Status = Consistent
	}
	f.Expected, f.Deviation = expectation(tested, computed, stated, unit)
	return f
}

// expectation is what a check computed for a claim and how far the stated
// span's middle lies from it, relative; open ends stay nil (JSON has no ∞).
func expectation(tested *Claim, computed, stated Span, unit string) (*Expected, *float64) {
	m := computed.mid()
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return nil, nil
	}
	e := &Expected{Claim: tested.ID, Value: m, Unit: unit, Min: finiteOrNil(computed.Lo), Max: finiteOrNil(computed.Hi)}
	d := (stated.mid() - m) / math.Abs(m)
	if m == 0 || math.IsNaN(d) || math.IsInf(d, 0) {
		return e, nil
	}
	return e, &d
}

func finiteOrNil(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return &v
}

// fillValues sets each finding's values from its claims, in order. The
// claims are found through an open-addressing table of their indexes (8
// bytes a claim, nothing for the collector to scan): a map of ids was a
// tenth of a large run's check stage garbage.
func fillValues(r *Result, fs []Finding) {
	var t idTable[Claim]
	for i := range fs {
		f := &fs[i]
		if f.Values != nil {
			continue
		}
		if t.slot == nil {
			t = newIDTable(r.Claims)
		}
		f.Values = make([]float64, 0, len(f.Claims))
		for _, id := range f.Claims {
			if k, ok := t.find(id); ok {
				f.Values = append(f.Values, r.Claims[k].Value)
			}
		}
	}
}

// spanText prints a span as a value when it is nearly a point.
func spanText(s Span, unit string) string {
	u := unit
	if u != "" && u != "%" {
		u = " " + u
	}
	switch {
	case s.finite() && math.Abs(s.Hi-s.Lo) <= 1e-3*math.Max(math.Abs(s.Lo), math.Abs(s.Hi)):
		return num(s.mid()) + u
	case math.IsInf(s.Lo, -1) && math.IsInf(s.Hi, 1):
		return "any value"
	case math.IsInf(s.Hi, 1):
		return "at least " + num(s.Lo) + u
	case math.IsInf(s.Lo, -1):
		return "at most " + num(s.Hi) + u
	}
	return fmt.Sprintf("%s to %s%s", num(s.Lo), num(s.Hi), u)
}

// verdictWord says what the figure's span did against the computed one.
func verdictWord(f Finding) string {
	if f.Status == Consistent {
		return "which it allows"
	}
	return "which it does not allow"
}
