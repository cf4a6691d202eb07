package pipeline

import (
	"math"
	"strconv"
	"strings"
)

// Span is the interval of values a claim's wording allows, in its family's
// unit. Lo and Hi may be infinite; a span holds Lo ≤ v ≤ Hi.
type Span struct {
	Lo, Hi float64
}

// Interval reads a claim as the values it allows: rounding first (71% was
// written to the unit, so it stands for 70.5 to 71.5), then its qualifier
// (over: no upper end; up to: no lower end; about: within approx of the
// value either way, or its rounding where that is wider: the two are not
// added, so that "about" cannot swallow an error of twice the slack), then
// any range or vague bounds.
func Interval(c *Claim, approx float64) Span {
	v, half := InFamily(c, c.Value), InFamily(c, c.Step)/2
	sp := Span{v - half, v + half}
	if c.Min != nil || c.Max != nil {
		sp = Span{math.Inf(-1), math.Inf(1)}
		if c.Min != nil { // "over 3": the qualifier sets the bound, no rounding below it
			sp.Lo = InFamily(c, *c.Min)
			if c.Bound() != "min" {
				sp.Lo -= half
			}
		}
		if c.Max != nil {
			sp.Hi = InFamily(c, *c.Max)
			if c.Bound() != "max" {
				sp.Hi += half
			}
		}
	}
	if c.Bound() == "approx" { // about 2.7: within the slack of 2.7, or its rounding if that is wider
		slack := math.Abs(v) * approx
		if half > 0 { // about 3,785 is written to the unit: a writer who knew it only to 5% would not give four digits
			// but the zeros of about 5,400 are no digits of knowledge: it may be off by 10 of its hundreds
			slack = math.Min(slack, aboutSteps*2*half*roundZeros(c.Text))
		}
		sp = Span{math.Min(sp.Lo, v-slack), math.Max(sp.Hi, v+slack)}
	}
	return sp
}

// aboutSteps is how many steps of its last digit an approximate figure may
// be off: the slack of "about" narrows for a figure of many digits.
const aboutSteps = 10

// roundZeros is 10 to the power of the zeros that end the whole number a
// figure's text starts with: 100 for "about 5,400 kg", 1 for "3,785" and
// for "5.40", whose last zero is written on purpose.
func roundZeros(text string) float64 {
	i := strings.IndexFunc(text, isASCIIDigit)
	if i < 0 {
		return 1
	}
	zeros := 0
	for _, r := range text[i:] {
		switch {
		case r == '0':
			zeros++
		case isASCIIDigit(r):
			zeros = 0
		case r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'':
			// a separator of thousands
		case r == '.' || r == '·':
			return 1 // a decimal point follows: 40.0 is written to its tenth
		default:
			return math.Pow(10, float64(zeros))
		}
	}
	return math.Pow(10, float64(zeros))
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// Points is the claim's stated values without rounding: a range's two ends,
// or the value twice. Arithmetic must hold at every one of them.
func Points(c *Claim) Span {
	if c.Min != nil && c.Max != nil {
		return Span{InFamily(c, *c.Min), InFamily(c, *c.Max)}
	}
	v := InFamily(c, c.Value)
	return Span{v, v}
}

// Overlap reports whether two spans share a value.
func Overlap(a, b Span) bool { return a.Lo <= b.Hi && b.Lo <= a.Hi }

// Contains reports whether a holds all of b.
func (a Span) Contains(b Span) bool { return a.Lo <= b.Lo && b.Hi <= a.Hi }

func (a Span) String() string {
	lo, hi := "−∞", "∞"
	if !math.IsInf(a.Lo, 0) {
		lo = num(a.Lo)
	}
	if !math.IsInf(a.Hi, 0) {
		hi = num(a.Hi)
	}
	return "[" + lo + ", " + hi + "]"
}

// num prints a value briefly: 70.5, 2.57, 1e+26.
func num(v float64) string {
	if v != 0 && (math.Abs(v) >= 1e7 || math.Abs(v) < 1e-3) {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}
