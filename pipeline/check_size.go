package pipeline

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/rules"
)

// changeSize checks a figure that states the size of a change against the
// change's start and end in the same sentence: a percentage change
// ((end − start) / start), a change in percentage points (end − start of
// two percentages), a difference in the start's unit, or a multiple (the
// larger end over the smaller).
type changeSize struct {
	measure     measure
	approx, tol float64
	words       *regexp.Regexp // words before a figure that make it a change (grew, 增长了)
	// unitWords, after a figure with no unit, say it is in this measure's
	// unit: "fell 0.4 points to 3.7%" is in percentage points
	unitWords *regexp.Regexp
	// yearBefore and yearAfter, just before or after a size, say that its
	// change runs from a year earlier (同比增长31%, up 31% year on year):
	// it is not the size of a change between figures further apart
	yearBefore, yearAfter *regexp.Regexp
	// addedBefore, just before a multiple, may make it the growth added
	// (增长三倍: three times more, four times as much)
	addedBefore *regexp.Regexp
	// restates, between two sizes, makes the second the first restated in
	// this measure ("up 600,000, or 13%", "(13%)")
	restates *regexp.Regexp
}

// measure is one way of stating a change's size.
type measure struct {
	name    string
	unit    string                                 // the unit of a stated size ("" : the start's)
	states  func(c *Claim) bool                    // the figure states this measure
	fits    func(size, from *Claim) bool           // the change's family suits the figure
	compute func(from, to Span) Span               // the size the ends imply
	formula string                                 // the formula in words
	text    func(from, to *Claim, got Span) string // what the ends give, for the message
	signed  func(size *Claim, approx float64) (Span, bool)
	along   func(size, from, to *Claim) bool // the size can state a change that goes this way (nil: any)
}

func init() {
	for _, m := range []measure{percentMeasure, pointsMeasure, differenceMeasure, ratioMeasure} {
		registerCheck(m.name, func(d rules.CheckDef) Checker {
			return changeSize{measure: m, approx: d.Approx, tol: d.Tolerance, words: d.Pattern, unitWords: d.Patterns["unit"],
				yearBefore: d.Patterns["year-before"], yearAfter: d.Patterns["year-after"], addedBefore: d.Patterns["added-before"],
				restates: d.Patterns["restates"]}
		})
	}
}

var percentMeasure = measure{
	name: "percent-change", unit: "%",
	states: func(c *Claim) bool { return c.Unit() == "%" && c.Kind() != "growth_rate" || isFraction(c) },
	fits:   func(_, from *Claim) bool { return Family(from) != "%" || from.Unit() == "%" },
	compute: func(a, b Span) Span {
		return b.sub(a).div(a.abs()).scale(100)
	},
	formula: "(end − start) / start × 100",
	signed:  roundSigned,
}

// roundSigned is signed, with a percentage written in round tens (30%,
// not 30.0% or 34%) read as approximate: "30% below the peak" for 30.8% is
// how the press rounds, while 34% for 30.8% is not.
func roundSigned(c *Claim, approx float64) (Span, bool) {
	s, withSign := signed(c, approx)
	if c.Unit() != "%" || c.Min != nil || c.Max != nil || strings.ContainsAny(c.Text, ".,") || math.Mod(math.Abs(c.Value), 10) != 0 || c.Value == 0 {
		return s, withSign
	}
	v := math.Abs(c.Value)
	w := Span{v * (1 - approx), v * (1 + approx)}
	if s.Hi <= 0 {
		w = w.neg()
	}
	return Span{math.Min(s.Lo, w.Lo), math.Max(s.Hi, w.Hi)}, withSign
}

var pointsMeasure = measure{
	name: "points-change", unit: "pp",
	states:  func(c *Claim) bool { return c.Unit() == "pp" },
	fits:    func(_, from *Claim) bool { return Family(from) == "%" },
	compute: func(a, b Span) Span { return b.sub(a) },
	formula: "end − start, in percentage points",
	signed:  signed,
}

var differenceMeasure = measure{
	name: "change-difference",
	states: func(c *Claim) bool {
		return c.Direction() != "" && c.Unit() != "%" && c.Unit() != "pp" && c.Unit() != "x" && !isFraction(c)
	},
	fits:    func(size, from *Claim) bool { return Family(size) == Family(from) },
	compute: func(a, b Span) Span { return b.sub(a) },
	formula: "end − start",
	signed:  signed,
}

// multipleAlong keeps a multiple written as a word (doubled, tenfold,
// halved, 倍増), which says which way it goes, to a change that goes that
// way: "the margin narrowed to 2.71% from 2.98%, as deposit costs doubled"
// is two changes. A multiple in digits may go either way ("fell 3 times").
func multipleAlong(size, from, to *Claim) bool {
	if hasDigit(size.Text) || size.Value == 1 {
		return true
	}
	rise := InFamily(to, to.Value) > InFamily(from, from.Value)
	return (size.Value > 1) == rise
}

var ratioMeasure = measure{
	name: "factor", unit: "x",
	states:  func(c *Claim) bool { return c.Unit() == "x" },
	fits:    func(_, from *Claim) bool { return true },
	compute: changeRatio,
	along:   multipleAlong,
	formula: "the larger end / the smaller",
	signed:  ratioStated,
}

// ratioStated is a multiple as the larger end over the smaller: halved is
// 2 (from 360 to 180), as changeRatio measures a fall.
func ratioStated(c *Claim, approx float64) (Span, bool) {
	s := Interval(c, approx)
	switch {
	case s.Lo > 0 && s.Hi < 1:
		s = Span{1 / s.Hi, 1 / s.Lo}
	case s.Hi > 0 && s.Hi < 1: // 半分以下, at most a half: at least twice
		s = Span{1 / s.Hi, math.Inf(1)}
	}
	return s, true
}

func (c changeSize) Check(r *Result, add func(Finding)) {
	eachScope(r, r.index(), func(src *Source, ks, _ []int) {
		ps := r.pairsOf(ks)
		if len(ps) == 0 {
			ps = quotePairs(r, src, ks)
		}
		if len(ps) == 0 {
			c.noteBase(r, src, ks, add)
			if c.measure.name == percentMeasure.name {
				c.amountAndPercent(r, src, ks, add)
			}
			return
		}
		// points after a figure with no unit are read only in a sentence
		// whose changes run between percentages: the pattern would run on
		// every count with a direction
		pct := c.unitWords != nil && slices.ContainsFunc(ps, func(p pair) bool { return Family(&r.Claims[p.from]) == "%" })
		sizes := ks[:0:0]
		for _, k := range ks {
			if c.states(src, &r.Claims[k]) || pct && r.Claims[k].Change() == "" && c.unitAfter(src, &r.Claims[k]) {
				sizes = append(sizes, k)
			}
		}
		if len(sizes) == 0 && src.NoteOf != nil {
			c.noteEnds(r, ks, ps, add)
		}
		for _, k := range sizes {
			fit := c.fit(r, src, ks, k)
			if f, ok := anyReading(ps, fit, func(p pair) Finding { return c.finding(r, p, k) }); ok {
				add(f)
			} else if p := bind(r, ps, k, fit); p >= 0 && !c.explained(r, src, ks, k, ps[p]) {
				add(c.finding(r, ps[p], k))
			}
		}
	})
}

// fit reports the changes of ks that the size k may state.
func (c changeSize) fit(r *Result, src *Source, ks []int, k int) func(pair) bool {
	size := &r.Claims[k]
	own := ownEnd(r, src, ks, k)
	yearly := -1 // not yet looked up: most changes are a year apart or undated
	return func(p pair) bool {
		from := &r.Claims[p.from]
		to := &r.Claims[p.to]
		ok := (own < 0 || p.to == own) && c.measure.fits(size, from) && Family(from) == Family(to) &&
			(c.measure.along == nil || c.measure.along(size, from, to)) &&
			sameTime(size, from, &r.Claims[p.to]) && (sameClause(src, size, from) || !longAgo(r, p.from)) // the regexp last
		if !ok || !yearsApart(from, to) {
			return ok
		}
		if yearly < 0 {
			yearly = 0
			if c.yearOnYear(src, size) {
				yearly = 1
			}
		}
		return yearly == 0
	}
}

// yearOnYear reports a size that its words date from a year before its end.
func (c changeSize) yearOnYear(src *Source, size *Claim) bool {
	return c.yearBefore != nil && c.yearBefore.MatchString(between(src, size.Start-12, size.Start)) ||
		c.yearAfter != nil && c.yearAfter.MatchString(between(src, size.End, size.End+20))
}

// yearsApart reports two figures dated more than a year apart.
func yearsApart(a, b *Claim) bool {
	n, ok := yearsBetween(a.PeriodKey(), b.PeriodKey())
	return ok && n > 1
}

// ownEnd is the end that a size names right after it ("revenue climbed 9%
// to €42.7 billion", "grew 9%, reaching $8.3 billion", "增长9%为83亿美元"),
// or -1: such a size is the size of that change, not of another change in
// its sentence ("the margin widened to 18.4% from 15.1%"). The end is the
// next figure: marked as an end a few runes on, or a level of another
// family than the size's, with only words between; not the base it is
// compared with ("8% more than 40 million"). ks are the claims of
// the size's sentence.
func ownEnd(r *Result, src *Source, ks []int, k int) int {
	c := &r.Claims[k]
	next := -1
	for _, j := range ks {
		if o := &r.Claims[j]; j != k && o.Start >= c.End && (next < 0 || o.Start < r.Claims[next].Start) {
			next = j
		}
	}
	if next < 0 {
		return -1
	}
	o := &r.Claims[next]
	gap := strings.TrimSpace(between(src, c.End, o.Start))
	n := utf8.RuneCountInString(gap)
	if n > 12 || strings.IndexFunc(gap, unicode.IsDigit) >= 0 {
		return -1
	}
	if o.Change() == "to" || isLevel(o) && o.Change() == "" && o.Direction() == "" && o.Role() != "base" && Family(o) != Family(c) {
		return next
	}
	return -1
}

// states reports whether the figure states this measure of a change: its
// direction or kind says so, or the check's words stand just before it.
func (c changeSize) states(src *Source, size *Claim) bool {
	if size.Change() != "" || !c.measure.states(size) {
		return false
	}
	if isSize(size) {
		return true
	}
	// a fraction sizes a change only with a direction of its own (fell by a
	// third): most fractions are shares, and the words would be tried on each
	return !isFraction(size) && c.words != nil && c.words.MatchString(between(src, size.Start-24, size.Start))
}

// unitAfter reports a figure with no unit of its own that the words after
// it put in the measure's unit ("0.4 points").
func (c changeSize) unitAfter(src *Source, size *Claim) bool {
	return c.unitWords != nil && size.Unit() == "" && !isFraction(size) && size.Direction() != "" &&
		c.unitWords.MatchString(between(src, size.End, size.End+16))
}

func (c changeSize) finding(r *Result, p pair, k int) Finding {
	from, to, size := &r.Claims[p.from], &r.Claims[p.to], &r.Claims[k]
	got := c.measure.compute(Interval(from, c.approx), Interval(to, c.approx))
	stated, withSign := c.measure.signed(size, c.approx)
	if !withSign {
		got = got.abs()
		stated = stated.abs()
	}
	if c.addedBefore != nil && !Overlap(got.widen(c.tol), stated) && strings.Contains(size.Text, "倍") &&
		c.addedBefore.MatchString(before(r, k, 8)) {
		stated.Hi++ // 增长近三倍: "by nearly three times" is read as up to four times as much too
	}
	unit := c.measure.unit
	if unit == "" {
		unit = from.Unit()
	}
	f := judged("arithmetic", ids(r, []int{p.from, p.to, k}), size, got, stated, c.tol, unit)
	f.Message = fmt.Sprintf("from %s to %s is %s (%s); %s states %s, %s",
		figure(from), figure(to), spanText(got, unit), c.measure.formula, figure(size), spanText(stated, unit), verdictWord(f))
	return f
}

// anyReading judges a figure against every change it may speak of: the
// first reading under which it holds, if any. A sentence is inconsistent
// only when no reading of it holds.
func anyReading(ps []pair, fit func(pair) bool, judge func(pair) Finding) (Finding, bool) {
	for _, p := range ps {
		if !fit(p) {
			continue
		}
		if f := judge(p); f.Status == Consistent {
			return f, true
		}
	}
	return Finding{}, false
}

// amountAndPercent checks a sentence that sizes one change twice, as an
// amount and as a percentage, beside one level of the amount's family and
// no other end: "目标4000万人次，比2024年增加约450万，增长约21%" (450万 on
// 3550万 is 12.7%). The level is the change's end, or its start where it
// is marked so; the percentage follows the amount closely with no figure
// between.
func (c changeSize) amountAndPercent(r *Result, src *Source, ks []int, add func(Finding)) {
	for i := 0; i+1 < len(ks); i++ {
		d, p := &r.Claims[ks[i]], &r.Claims[ks[i+1]]
		if !differenceMeasure.states(d) || d.Change() != "" || p.Start-d.End > amountPercentGap ||
			!c.states(src, p) && !(c.measure.states(p) && p.Change() == "" && c.restates != nil && c.restates.MatchString(between(src, d.End, p.Start))) {
			continue
		}
		level := -1
		for _, k := range ks {
			if o := &r.Claims[k]; k != ks[i] && isLevel(o) && Family(o) == Family(d) && o.Role() != "base" && o.Direction() == "" {
				if level >= 0 {
					return // two levels: which one the amount changes is not said
				}
				level = k
			}
		}
		if level >= 0 {
			add(c.amountFinding(r, level, ks[i], ks[i+1]))
		}
		return
	}
}

// amountPercentGap is how far, in characters, a percentage may follow the
// amount it restates.
const amountPercentGap = 16

func (c changeSize) amountFinding(r *Result, level, amount, pct int) Finding {
	e, d, p := &r.Claims[level], &r.Claims[amount], &r.Claims[pct]
	size := Interval(d, c.approx).abs()
	var start Span
	switch {
	case e.Change() == "from":
		start = Interval(e, c.approx)
	case d.Direction() == "down":
		start = Interval(e, c.approx).add(size)
	default:
		start = Interval(e, c.approx).sub(size)
	}
	got := size.div(start.abs()).scale(100)
	stated := Interval(p, c.approx).abs()
	f := judged("arithmetic", ids(r, []int{level, amount, pct}), p, got, stated, c.tol, "%")
	f.Message = fmt.Sprintf("%s on a start of %s (from %s) is %s (amount / start × 100); %s states %s, %s",
		figure(d), spanText(start, e.Unit()), figure(e), spanText(got, "%"), figure(p), spanText(stated, "%"), verdictWord(f))
	return f
}

// before is the text of up to n runes before claim k in its source.
func before(r *Result, k, n int) string {
	i, ok := r.index().sourceOf(k)
	if !ok {
		return ""
	}
	return between(&r.Sources[i], r.Claims[k].Start-n, r.Claims[k].Start)
}

// explainedReach bounds the figures explained looks through.
const explainedReach = 12

// explained reports a size that two other figures of the change's family,
// in its sentence or its note's quote, work out: "准点率下降1.2个百分点，距目标
// 差6个百分点" under a quote of 64%, 65.2% and a 70% target. Such a size
// states another comparison, not a wrong size of the change p.
func (c changeSize) explained(r *Result, src *Source, ks []int, k int, p pair) bool {
	fam := Family(&r.Claims[p.from])
	var figs []int
	collect := func(ks []int) {
		for _, j := range ks {
			if o := &r.Claims[j]; j != k && Family(o) == fam && isLevel(o) && len(figs) < explainedReach {
				figs = append(figs, j)
			}
		}
	}
	collect(ks)
	if src.NoteOf != nil {
		if i, ok := r.index().sourceOf(k); ok {
			if q, ok := r.index().quote(i); ok {
				collect(r.index().of(q))
			}
		}
	}
	for _, a := range figs {
		for _, b := range figs {
			if r.Claims[a].Value == r.Claims[b].Value || sameEnds(r, a, b, p) {
				continue
			}
			if c.finding(r, pair{a, b}, k).Status == Consistent {
				return true
			}
		}
	}
	return false
}

// sameEnds reports figures a and b of the values of p's ends, either way
// round: the change itself, restated.
func sameEnds(r *Result, a, b int, p pair) bool {
	va, vb, vf, vt := r.Claims[a].Value, r.Claims[b].Value, r.Claims[p.from].Value, r.Claims[p.to].Value
	return va == vf && vb == vt || va == vt && vb == vf
}
