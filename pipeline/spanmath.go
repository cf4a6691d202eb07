package pipeline

import "math"

// Interval arithmetic over spans: what a computation gives when each
// operand may be anywhere in its span (rounding, qualifiers). The
// operations assume finite spans; an open end stays open.

func (a Span) add(b Span) Span { return Span{a.Lo + b.Lo, a.Hi + b.Hi} }

func (a Span) sub(b Span) Span { return Span{a.Lo - b.Hi, a.Hi - b.Lo} }

func (a Span) mul(b Span) Span {
	return spanOf(a.Lo*b.Lo, a.Lo*b.Hi, a.Hi*b.Lo, a.Hi*b.Hi)
}

// div is a / b; a b that holds zero gives the whole line.
func (a Span) div(b Span) Span {
	if b.Lo <= 0 && b.Hi >= 0 {
		return Span{math.Inf(-1), math.Inf(1)}
	}
	return spanOf(a.Lo/b.Lo, a.Lo/b.Hi, a.Hi/b.Lo, a.Hi/b.Hi)
}

// scale multiplies both ends by f.
func (a Span) scale(f float64) Span { return spanOf(a.Lo*f, a.Hi*f) }

// shift adds d to both ends.
func (a Span) shift(d float64) Span { return Span{a.Lo + d, a.Hi + d} }

// widen grows the span by a fraction of its largest magnitude on each side:
// the slack a check allows for rounding in a computation people do by hand.
func (a Span) widen(f float64) Span {
	m := math.Max(math.Abs(a.Lo), math.Abs(a.Hi))
	if math.IsInf(m, 0) || f == 0 {
		return a
	}
	return Span{a.Lo - m*f, a.Hi + m*f}
}

// mid is the middle of a finite span, else its finite end.
func (a Span) mid() float64 {
	switch {
	case math.IsInf(a.Lo, 0) && math.IsInf(a.Hi, 0):
		return math.NaN()
	case math.IsInf(a.Lo, 0):
		return a.Hi
	case math.IsInf(a.Hi, 0):
		return a.Lo
	}
	return (a.Lo + a.Hi) / 2
}

// neg is the span of −v.
func (a Span) neg() Span { return Span{-a.Hi, -a.Lo} }

// abs is the span of |v|.
func (a Span) abs() Span {
	switch {
	case a.Lo >= 0:
		return a
	case a.Hi <= 0:
		return a.neg()
	}
	return Span{0, math.Max(-a.Lo, a.Hi)}
}

func spanOf(vs ...float64) Span {
	s := Span{math.Inf(1), math.Inf(-1)}
	for _, v := range vs {
		if math.IsNaN(v) {
			return Span{math.Inf(-1), math.Inf(1)}
		}
		s.Lo, s.Hi = math.Min(s.Lo, v), math.Max(s.Hi, v)
	}
	return s
}

func (a Span) finite() bool {
	return !math.IsInf(a.Lo, 0) && !math.IsInf(a.Hi, 0) && !math.IsNaN(a.Lo) && !math.IsNaN(a.Hi)
}
