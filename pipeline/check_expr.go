package pipeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// expression holds a sum a sentence writes out, operators and all, against
// the result it gives: "120 million × $19.50 = about $2.7 billion" (2.34
// billion), "86% − 81% = 5个百分点", "5.2万美元÷52≈1000美元". Its figures
// stand next to each other, joined only by an operator, and the last by an
// equality; a chain multiplies and divides, or adds and subtracts, not
// both (which is done first is then no guess).
type expression struct {
	approx, tol float64
	times, over *regexp.Regexp // ×, x, *, 乘以 / ÷, 除以
	plus, minus *regexp.Regexp // +, 加上 / −, 减去
	equal       *regexp.Regexp // =, ≈, 约等于
}

func init() {
	registerCheck("expression", func(d rules.CheckDef) Checker {
		return expression{d.Approx, d.Tolerance, d.Patterns["times"], d.Patterns["over"], d.Patterns["plus"], d.Patterns["minus"], d.Patterns["equal"]}
	})
}

// op is how a figure joins the chain: by the operator before it.
type op byte

const (
	opNone op = iota
	opEqual
	opTimes // the operators after opEqual
	opOver
	opPlus
	opMinus
)

func (e expression) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		for i := 1; i < len(ks); i++ {
			if !e.equals(src, &r.Claims[ks[i-1]], &r.Claims[ks[i]]) {
				continue // most pairs: one pattern run, no operator looked for
			}
			start := i - 1
			for start > 0 && e.join(src, &r.Claims[ks[start-1]], &r.Claims[ks[start]]) > opEqual {
				start--
			}
			if i-start >= 2 {
				if f, ok := e.finding(r, src, ks[start:i+1]); ok {
					add(f)
				}
			}
		}
	})
}

// gap is the text between a and b, trimmed, if it is short enough to be
// an operator alone (most pairs are not, and no text is copied for them).
func gap(src *Source, a, b *Claim) (string, bool) {
	if b.Start-a.End > 24 || b.Start <= a.End {
		return "", false
	}
	g := strings.TrimSpace(between(src, a.End, b.Start))
	return g, g != ""
}

// equals reports an equality standing alone between a and b: looked for
// between every two figures, before any operator.
func (e expression) equals(src *Source, a, b *Claim) bool {
	g, ok := gap(src, a, b)
	return ok && e.equal != nil && e.equal.MatchString(g)
}

// join is the operator that stands alone between a and b (opNone: none).
func (e expression) join(src *Source, a, b *Claim) op {
	g, ok := gap(src, a, b)
	if !ok {
		return opNone
	}
	for _, c := range []struct {
		re *regexp.Regexp
		o  op
	}{{e.equal, opEqual}, {e.times, opTimes}, {e.over, opOver}, {e.plus, opPlus}, {e.minus, opMinus}} {
		if c.re != nil && c.re.MatchString(g) {
			return c.o
		}
	}
	return opNone
}

// finding works out the chain ks[:len-1] and holds the last figure to it.
// A chain is inconsistent only if neither its figures' values nor their
// numbers as written work out to the result.
func (e expression) finding(r *Result, src *Source, ks []int) (Finding, bool) {
	res := &r.Claims[ks[len(ks)-1]]
	ops := []op{opTimes} // the first figure: as if multiplied into 1
	for i := 1; i < len(ks)-1; i++ {
		ops = append(ops, e.join(src, &r.Claims[ks[i-1]], &r.Claims[ks[i]]))
	}
	unit, sum, ok := e.unitOf(r, ks[:len(ks)-1], ops)
	if !ok || Family(res) != unit && !(res.Unit() == "pp" && unit == "%") {
		return Finding{}, false
	}
	operands := make([]Span, len(ks)-1)
	for i, k := range ks[:len(ks)-1] {
		operands[i] = e.operand(&r.Claims[k], sum)
	}
	got, ok := apply(operands, ops)
	if !ok {
		return Finding{}, false
	}
	if unit == "%" && !sum {
		got = got.scale(100) // 40% × 25% = 10%
	}
	stated := Interval(res, e.approx)
	f := judged("arithmetic", ids(r, ks), res, got, stated, e.tol, Family(res))
	if f.Status == Inconsistent && res.Value != 0 {
		if ws, ok := writtenNumbers(r, ks); ok {
			wo := make([]Span, len(ws)-1)
			for i, w := range ws[:len(ws)-1] {
				wo[i] = Span{w, w}
			}
			wr := writtenNumber(res.Text)
			if wg, ok := apply(wo, ops); ok && Overlap(wg.widen(e.tol), Interval(res, e.approx).scale(wr/InFamily(res, res.Value))) {
				return Finding{}, false // the numbers as written work out: a conversion or a sum in other units
			}
		}
	}
	parts := make([]string, 0, len(ks)-1)
	for _, k := range ks[:len(ks)-1] {
		parts = append(parts, strconv.Quote(r.Claims[k].Text))
	}
	f.Message = fmt.Sprintf("the arithmetic written out in %s (%s) gives %s; %s states %s, %s",
		place(res), strings.Join(parts, ", "), spanText(got, Family(res)), figure(res), spanText(stated, Family(res)), verdictWord(f))
	return f, true
}

// apply works the operators out, left to right (a chain holds one kind).
func apply(xs []Span, ops []op) (Span, bool) {
	got := xs[0]
	for i := 1; i < len(xs); i++ {
		switch ops[i] {
		case opTimes:
			got = got.mul(xs[i])
		case opOver:
			got = got.div(xs[i])
		case opPlus:
			got = got.add(xs[i])
		case opMinus:
			got = got.sub(xs[i])
		default:
			return Span{}, false
		}
	}
	return got, got.finite()
}

// unitOf is the family of what the chain works out: a sum or difference
// of one family is of it; a product or quotient of plain numbers and at
// most one measure is of that measure (120 million × $19.50 is in USD), a
// measure over one of its own family a plain count. Other chains mix
// operators or units this check does not work out.
func (e expression) unitOf(r *Result, ks []int, ops []op) (unit string, sum, ok bool) {
	mul := false
	for _, o := range ops[1:] {
		mul = mul || o == opTimes || o == opOver
		sum = sum || o == opPlus || o == opMinus
	}
	if mul && sum {
		return "", false, false
	}
	if sum {
		fam := Family(&r.Claims[ks[0]])
		for _, k := range ks[1:] {
			if Family(&r.Claims[k]) != fam {
				return "", true, false // 3 km + 2 hours
			}
		}
		return fam, true, true
	}
	measure, over := "", false
	for i, k := range ks {
		c := &r.Claims[k]
		if isPlain(c) {
			continue
		}
		switch {
		case measure == "":
			measure = Family(c)
		case Family(c) == measure && ops[i] == opOver && !over:
			measure, over = "#count", true // $2.7 billion ÷ $19.50: a count
		default:
			return "", false, false // km × hours: the product's unit is no figure's
		}
	}
	if measure == "" {
		return Family(&r.Claims[ks[0]]), false, true
	}
	return measure, false, true
}

// operand is a figure's interval in the chain: the number as written,
// which the sum is done on (86% − 81% is 5, not 4 to 6 for the rounding of
// each), a percentage as its fraction where it multiplies or divides (40%
// × 25% = 10%); sum says the chain adds and subtracts.
func (e expression) operand(c *Claim, sum bool) Span {
	v := InFamily(c, c.Value)
	sp := Span{v, v}
	if c.Min != nil || c.Max != nil || c.Bound() == "approx" {
		sp = Interval(c, e.approx)
	}
	if Family(c) == "%" && !sum {
		return sp.scale(0.01)
	}
	return sp
}

// writtenNumbers is the chain's figures as their numbers are written (26.2 miles
// × 1.609 ≈ 42.2 km is a conversion done by hand, 2,023 − 1,624 = 399 m
// a difference), false where one is not written in digits.
func writtenNumbers(r *Result, ks []int) ([]float64, bool) {
	out := make([]float64, len(ks))
	for i, k := range ks {
		c := &r.Claims[k]
		w := writtenNumber(c.Text)
		if w == 0 || strings.ContainsFunc(c.Text, func(r rune) bool { return r >= 0x3000 }) {
			return nil, false // a CJK numeral or scale: the digits are not the number
		}
		out[i] = w
	}
	return out, true
}

// isPlain reports a bare number or multiple: it scales a measure without
// changing its unit.
func isPlain(c *Claim) bool {
	return c.Unit() == "" || c.Unit() == "x" || Family(c) == "%"
}
