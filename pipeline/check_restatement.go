package pipeline

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/factsheet-dev/factsheet/rules"
)

// restatement holds each figure of a note against the figures it may
// restate: those of its quote and of the other quotes of the same document
// (same file and title or URL), in any language, with no lexicon. A note
// figure that agrees with one of them restates it (consistent); one that
// agrees with none but is a garble of one (digits swapped, a scale
// slipped, the same number in another unit: 415 → 451 TWh, 5 GW → 5 MW,
// 16,700 km → 16,700 miles) is inconsistent; any other is unverifiable,
// since a note may bring in a figure of its own. A note that restates a
// change (from … to …) with the same end must give the same start.
type restatement struct{ approx float64 }

func init() {
	registerCheck("restatement", func(d rules.CheckDef) Checker { return restatement{d.Approx} })
}

// One consistent finding per note lists every figure it restates well;
// each other figure gets its own finding. Notes are judged on all cores and
// their findings added in input order.
func (rs restatement) Check(r *Result, add func(Finding)) {
	idx := r.index()
	parts := partsFor(len(r.Sources))
	// in blocks, as the check stage collects: a part's slice grown by
	// doubling was the largest garbage of a large run's checks
	found := newPartFindings(r, parts)
	inParts(len(r.Sources), parts, func(p, lo, hi int) {
		for i := lo; i < hi; i++ {
			rs.note(r, idx, i, found[p].add)
		}
	})
	for p := range found {
		found[p].each(add)
	}
}

// siblings is how far, in sources, the quotes of one document are looked
// for around a note: enough for an export's highlights of one article,
// bounded so that a long export costs no more per note.
const siblings = 24

// quotesOf lists the claims a note may restate: its quote's first, then
// those of the other quotes of the same document nearby.
func quotesOf(r *Result, idx *sourceIndex, i int) []int {
	src := &r.Sources[i]
	q, ok := idx.quote(i)
	if !ok {
		return nil
	}
	out := append([]int(nil), idx.of(q)...)
	doc := docKey(&r.Sources[q])
	if doc == "" {
		return out
	}
	for j := max(0, q-siblings); j < min(len(r.Sources), q+siblings+1); j++ {
		o := &r.Sources[j]
		if j != q && o.NoteOf == nil && o.File() == src.File() && docKey(o) == doc {
			out = append(out, idx.of(j)...)
		}
	}
	return out
}

// docKey names the document a source was highlighted in, where the export says.
func docKey(s *Source) string {
	switch {
	case s.URL() != nil && *s.URL() != "":
		return *s.URL()
	case s.Title() != nil && *s.Title() != "":
		return *s.Title()
	}
	return ""
}

// note adds the findings of source i, if it is a note.
func (rs restatement) note(r *Result, idx *sourceIndex, i int, add func(Finding)) {
	src := &r.Sources[i]
	if src.NoteOf == nil || src.DuplicateOf != nil {
		return
	}
	quote := quotesOf(r, idx, i)
	if len(quote) == 0 {
		return
	}
	var own []int
	if q, ok := idx.quote(i); ok {
		own = idx.of(q)
	}
	var agree []string
	var pairs []string
	for _, k := range idx.of(i) {
		n := &r.Claims[k]
		if n.Role() == "rejected" {
			continue // 不是45%: quoted to be denied
		}
		match, garbled, near := rs.align(r, n, quote, own)
		switch {
		case match >= 0:
			agree = append(agree, r.Claims[match].ID(), n.ID())
			pairs = append(pairs, strconv.Quote(r.Claims[match].Text)+" as "+strconv.Quote(n.Text)) // %q, without fmt: most findings are these
		case garbled >= 0 && (rs.agreesWithAny(r, idx.of(i), k, &r.Claims[garbled], true) || rs.agreesWithAny(r, quote, -1, n, false) || ownArithmetic(r, idx.of(i), k)):
			add(unverified(n, &r.Claims[garbled])) // 约3亿人…平均每年约300万人: the 300 million is restated, 300万 is another figure
		case garbled >= 0:
			add(rs.garbled(n, &r.Claims[garbled]))
		case near >= 0 && contains(own, near) && reconverted(r, n, &r.Claims[near], idx.of(i), own):
			add(rs.converted(n, &r.Claims[near]))
		case near >= 0 && contains(own, near):
			add(unverified(n, &r.Claims[near]))
		}
	}
	for _, f := range rs.changes(r, idx.of(i), quote) {
		add(f)
	}
	if len(agree) > 0 {
		add(Finding{Kind: "restatement", Status: Consistent, Claims: agree,
			Message: "the note (" + src.File() + ":" + strconv.Itoa(int(src.Line)) + ") restates its quote: " + strings.Join(pairs, ", ")})
	}
}

func contains(ks []int, k int) bool {
	for _, j := range ks {
		if j == k {
			return true
		}
	}
	return false
}

// align finds, among the quote figures of n's family and kind, one that n
// agrees with, else one it garbles, else the nearest in value (-1: none).
func (rs restatement) align(r *Result, n *Claim, quote, own []int) (match, garbled, near int) {
	match, garbled, near = -1, -1, -1
	best := math.Inf(1)
	for _, k := range quote {
		q := &r.Claims[k]
		if !comparable(q, n) {
			continue
		}
		if rs.agrees(n, q) {
			if match < 0 {
				match = k
			}
			continue
		}
		if garbled < 0 && !isRange(n) && !isRange(q) && garble(q, n) != "" {
			garbled = k
		}
		if d := math.Abs(math.Log(math.Abs(InFamily(n, n.Value)) / math.Abs(InFamily(q, q.Value)))); d < best {
			best, near = d, k
		}
	}
	// a size and a level (fell by 112,000; 152,000) may share all digits but one by chance
	if match < 0 && garbled < 0 && near >= 0 && contains(own, near) && isSize(n) == isSize(&r.Claims[near]) && oneDigit(&r.Claims[near], n) {
		garbled = near // "about 875 kWh" noted as 约975千瓦时
	}
	if garbled >= 0 && derived(r, n, &r.Claims[garbled], own) {
		garbled = -1 // 69.2歳, 3歳上がった: the note's 66.2歳 is the start, worked out
	}
	if garbled >= 0 && !contains(own, garbled) && workedOut(r, n, own) {
		garbled = -1 // worked out from its own quote (1.22 billion, up 6.4%: 11.5亿 before), not another quote's 151 million miscopied
	}
	if match < 0 && n.Unit() == "" {
		// a note that drops the unit ("收入1.2万亿" for 1.2万亿元) restates
		// the figure of its own quote that has that value, to its rounding
		a := Interval(n, 0)
		for _, k := range own {
			q := &r.Claims[k]
			if b := Interval(q, 0); q.Unit() != "" && q.Change() == n.Change() && q.Value != 0 &&
				max(a.Lo, b.Lo) < min(a.Hi, b.Hi) { // more than touching: 3.3 is not 3.2%
				return k, -1, -1
			}
		}
	}
	return match, garbled, near
}

// agreesWithAny reports a figure of ks other than skip that c agrees
// with, in its comparison (strict: same family, kind and role) or by value
// alone. Against a garble it tells of another figure: the note restates the
// quote's 300 million rightly elsewhere ("约3亿人…平均每年约300万人"), or a quote
// has the note's value in another role ("roughly 1 million" beside "more
// than 10 million, up from about 1 million").
func (rs restatement) agreesWithAny(r *Result, ks []int, skip int, c *Claim, strict bool) bool {
	for _, j := range ks {
		o := &r.Claims[j]
		if j == skip || o.Value == 0 || Family(o) != Family(c) || strict && !comparable(c, o) {
			continue
		}
		if rs.agrees(o, c) {
			return true
		}
	}
	return false
}

// ownArithmetic reports a note figure that two other figures before it in
// its own sentence work out, as a product, quotient, sum, difference or
// percent change: "两剂共约1美元,为100万名儿童接种约需100万美元", "4分30秒から
// 3分15秒へ、約28%短くなった". It is the note's own result, not a quote's
// figure miscopied; a figure the note works with (20万桶, then 0.2% of
// 1亿桶) may be the miscopy it carries on.
func ownArithmetic(r *Result, note []int, k int) bool {
	n := &r.Claims[k]
	sn := Interval(n, 0)
	type fig struct {
		v float64
		j int
	}
	var figs []fig // a percentage also as its fraction: 1,900 of 1 million is 0.2%
	for _, j := range note {
		if o := &r.Claims[j]; j != k && o.Sentence == n.Sentence && o.Start < n.Start && o.Value != 0 && len(figs) < explainedReach {
			figs = append(figs, fig{math.Abs(o.Value), j})
			if Family(o) == "%" {
				figs = append(figs, fig{math.Abs(InFamily(o, o.Value)) / 100, j})
			}
		}
	}
	v := math.Abs(n.Value)
	whole := 0.0 // the figures before it added up: 72 + 14 + 10 + 4 = 100%
	for _, j := range note {
		if o := &r.Claims[j]; j != k && o.Sentence == n.Sentence && o.Start < n.Start && Family(o) == Family(n) {
			whole += math.Abs(o.Value)
		}
	}
	if whole > 0 && nearly(whole, Span{min(v, sn.Lo, sn.Hi), max(v, sn.Lo, sn.Hi)}) {
		return true
	}
	for _, fa := range figs {
		for _, fb := range figs {
			a, b := fa.v, fb.v
			if fa.j == fb.j {
				continue
			}
			for _, w := range []float64{a * b, a / b, a + b, a - b, (a - b) / a * 100} {
				if w > 0 && nearly(w, Span{min(v, sn.Lo, sn.Hi), max(v, sn.Lo, sn.Hi)}) {
					return true
				}
			}
		}
	}
	return false
}

// derived reports a note figure that is its quote's figure q moved by
// another figure of the quote: q plus or minus an amount of q's family
// (69.2 and 3 give 66.2), or q grown or shrunk by a percentage of it. A
// note that works out the start of a change is no miscopy of its end.
func derived(r *Result, n, q *Claim, own []int) bool {
	sn, vq := Interval(n, 0), InFamily(q, q.Value)
	for _, k := range own {
		d := &r.Claims[k]
		if d == q || d.Value == 0 {
			continue
		}
		var cands []float64
		switch dv := math.Abs(InFamily(d, d.Value)); {
		case Family(d) == Family(q) && !isShare(q):
			cands = []float64{vq - dv, vq + dv, dv - vq} // 264,000 to 152,000 is a fall of 112,000
		case d.Unit() == "pp" && q.Unit() == "%":
			cands = []float64{vq - dv, vq + dv} // 60.8%, up 0.6 points: 60.2% a year before
		case d.Unit() == "%" && !isShare(q):
			p := math.Abs(d.Value) / 100
			cands = []float64{vq / (1 + p), vq * (1 - p), vq * (1 + p)}
			if p < 1 {
				cands = append(cands, vq/(1-p))
			}
		case d.Unit() == "x" && !isShare(q):
			cands = []float64{vq / dv, vq * dv} // $20 billion, ten times what a plant cost then: $2 billion then
		}
		for _, v := range cands {
			if nearly(v, sn) {
				return true
			}
		}
	}
	return false
}

// workedOut reports a note figure derived from a figure of its own quote,
// or a share the note works out from two of them (35,000 of 500,000
// works on display: 約7%).
func workedOut(r *Result, n *Claim, own []int) bool {
	sn, share := Interval(n, 0), isShare(n)
	for _, k := range own {
		q := &r.Claims[k]
		if Family(q) == Family(n) && derived(r, n, q, own) {
			return true
		}
		for _, j := range own {
			if p := &r.Claims[j]; share && j != k && Family(p) == Family(q) && Family(q) != "%" && q.Value != 0 &&
				nearly(InFamily(p, p.Value)/InFamily(q, q.Value)*100, sn) {
				return true
			}
		}
	}
	return false
}

// nearly: v within the rounding of the span's middle, or 0.5% of it, for a
// start worked out from rounded figures.
func nearly(v float64, sp Span) bool {
	m := (sp.Lo + sp.Hi) / 2
	return math.Abs(v-m) <= math.Max((sp.Hi-sp.Lo)/2, 0.005*math.Abs(m))
}

// comparable: one family and kind, and the same role in a change (the
// start of a change is another time than its end).
func comparable(q, n *Claim) bool {
	return Family(q) == Family(n) && (q.Kind() == n.Kind() || isShare(q) && isShare(n)) &&
		kindClass(q) == kindClass(n) && earlier(q) == earlier(n) &&
		q.Value != 0 && n.Value != 0
}

// agrees: the two figures' spans share a value (rounding, qualifiers, and
// the check's slack where a figure says it is approximate).
// A bound agrees only with a figure of its size: "nearly 42 per cent"
// allows 5% but does not restate it.
func (rs restatement) agrees(n, q *Claim) bool {
	return Overlap(Interval(n, rs.approx), Interval(q, rs.approx)) && garble(q, n) == "" &&
		(isRange(n) || isRange(q) || nearValue(InFamily(n, n.Value), InFamily(q, q.Value)))
}

// nearValue reports two values of one sign within half again of each other.
func nearValue(a, b float64) bool {
	if a == b {
		return true
	}
	if a*b <= 0 {
		return false
	}
	r := a / b
	return r < 1.5 && r > 1/1.5
}

// garbled judges a note figure that agrees with no quote figure and
// miscopies one.
func (rs restatement) garbled(n, q *Claim) Finding {
	f := judged("restatement", []string{q.ID(), n.ID()}, n, Interval(q, 0), Interval(n, rs.approx), 0, Family(q))
	f.Status = Inconsistent
	why := garble(q, n)
	if why == "" {
		why = "one digit miscopied"
	}
	f.Message = fmt.Sprintf("the note gives %s where its quote says %s: %s", figure(n), figure(q), why)
	return f
}

// convertSlack is how far a conversion by hand may be off: a factor
// rounded to two figures (1.6 km a mile, 2.2 lb a kilogram).
const convertSlack = 0.03

// reconverted reports a note figure that gives its quote's one figure of a
// measure in a unit of another system (km as miles, kg as pounds, °C as
// °F), as the note's one figure of that measure: the note converts it, so
// it must agree to a conversion by hand. A unit of the same system at
// another scale (5 km, 500 m) may be another figure.
func reconverted(r *Result, n, q *Claim, note, own []int) bool {
	if isRange(n) || isRange(q) || isCurrency(q.Unit()) || q.Unit() == "" || isShare(q) || q.Unit() == "x" || q.Unit() == "pp" {
		return false
	}
	fn, fq := unitFactor(n), unitFactor(q)
	if fn == 0 || fq == 0 || writtenNumber(n.Text) == 1 {
		return false // 1磅 is a basis the note works from, no figure converted
	}
	if e := math.Log10(fn / fq); math.Abs(e-math.Round(e)) < 0.01 { // scale words are powers of ten
		return false // the same system: the digits would say which figure
	}
	return soleOf(r, note, n) && soleOf(r, own, q)
}

// unitFactor is a figure's value over the number as written (1609.344 for
// "4,460 miles", 1000 for "5,570 km", 1e11 for "1.2亿 km"); scale words
// are powers of ten, which a comparison of two factors sets aside. 0 when
// the text gives no number in digits, or more of the number after them
// (18小时45分钟, 3年半: the value is no multiple of the first digits).
func unitFactor(c *Claim) float64 {
	w := writtenNumber(c.Text)
	if _, j := numberAt(c.Text); w == 0 || strings.ContainsFunc(c.Text[j:], isASCIIDigit) ||
		strings.Contains(c.Text[j:], "半") || strings.Contains(strings.ToLower(c.Text[j:]), "half") {
		return 0
	}
	return math.Abs(InFamily(c, c.Value)) / w
}

// writtenNumber is the first number in digits of a text: 5570 for "5,570 km".
func writtenNumber(text string) float64 {
	i, j := numberAt(text)
	if i == j {
		return 0
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(text[i:j], ",", ""), 64)
	if err != nil || v == 0 {
		return 0
	}
	return math.Abs(v)
}

// numberAt is where the first number in digits of a text starts and ends
// (i == j: none).
func numberAt(text string) (i, j int) {
	i = strings.IndexFunc(text, isASCIIDigit)
	if i < 0 {
		return 0, 0
	}
	j = i
	for j < len(text) && (isASCIIDigit(rune(text[j])) || (text[j] == ',' || text[j] == '.') && j+1 < len(text) && isASCIIDigit(rune(text[j+1]))) {
		j++
	}
	return i, j
}

// soleOf reports c as the one figure of its family among ks.
func soleOf(r *Result, ks []int, c *Claim) bool {
	n := 0
	for _, k := range ks {
		if o := &r.Claims[k]; Family(o) == Family(c) && o.Role() != "rejected" {
			n++
		}
	}
	return n == 1
}

// converted judges a note figure that converts its quote's: equal up to
// the slack of a conversion by hand (a degree either way for a temperature).
func (rs restatement) converted(n, q *Claim) Finding {
	got, tol := Interval(q, rs.approx), convertSlack
	if Family(q) == "°C" {
		got, tol = Span{got.Lo - 1, got.Hi + 1}, 0
	}
	f := judged("restatement", []string{q.ID(), n.ID()}, n, got, Interval(n, rs.approx), tol, Family(q))
	as := spanText(got, Family(q))
	if i, j := numberAt(n.Text); j > i && Family(q) != "°C" && got.mid() > 0 {
		// in the note's own words: "5,570 kilometres is 3461 miles"
		v := got.mid() * writtenNumber(n.Text) / math.Abs(InFamily(n, n.Value))
		v = math.Round(v/math.Pow(10, math.Floor(math.Log10(v))-3)) * math.Pow(10, math.Floor(math.Log10(v))-3) // four figures
		as = strings.TrimSpace(strings.TrimPrefix(n.Text[:i], n.Qualifier()) + num(v) + n.Text[j:])
	}
	f.Message = fmt.Sprintf("the note gives %s for its quote's %s in another unit: %s is %s, which %s",
		figure(n), figure(q), q.Text, as, map[string]string{Consistent: "it allows", Inconsistent: "it does not allow"}[f.Status])
	return f
}

func unverified(n, q *Claim) Finding {
	return Finding{Kind: "restatement", Status: Unverifiable, Claims: []string{q.ID(), n.ID()},
		Message: fmt.Sprintf("the note gives %s where its quote says %s; it may be another figure", figure(n), figure(q))}
}

// changes holds a note's changes against its quote's: a change that ends
// (or starts) where a quote's change does, told with another start (or
// end), is the same change miscopied: 从0.5%上调到1% for to 1% from 0.75%.
func (rs restatement) changes(r *Result, note, quote []int) []Finding {
	var out []Finding
	for _, k := range note {
		nf := &r.Claims[k]
		if nf.Change() != "from" || nf.Partner < 0 {
			continue
		}
		nt := &r.Claims[nf.Partner]
		for _, j := range quote {
			qf := &r.Claims[j]
			if qf.Change() != "from" || qf.Partner < 0 || Family(qf) != Family(nf) {
				continue
			}
			qt := &r.Claims[qf.Partner]
			sameEnd, sameStart := rs.agrees(nt, qt), rs.agrees(nf, qf)
			if sameEnd == sameStart {
				continue // the same change told alike, or another change
			}
			bad, good := nf, qf
			if !sameEnd {
				bad, good = nt, qt
			}
			f := judged("restatement", []string{qf.ID(), qt.ID(), nf.ID(), nt.ID()}, bad, Interval(good, 0), Interval(bad, rs.approx), 0, Family(good))
			f.Status = Inconsistent
			f.Message = fmt.Sprintf("the note tells the change %s → %s as %s → %s: the same change with another %s",
				qf.Text, qt.Text, nf.Text, nt.Text, map[bool]string{true: "end", false: "start"}[!sameEnd])
			out = append(out, f)
		}
	}
	return out
}

// isRange reports a range or vague quantity, whose ends are no figure to miscopy.
func isRange(c *Claim) bool { return c.Min != nil && c.Max != nil }

// garble says how b looks like a miscopy of a, or "" when it does not: the
// same digits at another scale, in another order, or the same number as
// written in another unit.
func garble(a, b *Claim) string {
	va, vb := InFamily(a, a.Value), InFamily(b, b.Value)
	if va == 0 || vb == 0 || math.Abs(va-vb) <= 1e-9*math.Abs(va) {
		return ""
	}
	if Family(a) == "#count" && math.Min(math.Abs(va), math.Abs(vb)) < 100 {
		return "" // small counts (10社, 5人) are too often other things
	}
	if inWords(a.Text) || inWords(b.Text) {
		return "" // "ten-year" and 一年: a word is not digits to slip
	}
	ratio := vb / va
	if a.Unit() == "x" && digits(va) == "1" && digits(vb) == "1" {
		return "" // 100 times and 1万倍: orders of magnitude, said loosely, no digits to slip
	}
	if e := math.Log10(math.Abs(ratio)); math.Abs(e-math.Round(e)) < 1e-9 && math.Round(e) != 0 && math.Abs(e) <= 4 {
		f, way := math.Abs(ratio), "larger"
		if f < 1 {
			f, way = 1/f, "smaller"
		}
		return fmt.Sprintf("the same digits at a scale %s times %s", num(f), way)
	}
	da, db := digits(va), digits(vb)
	if len(da) == len(db) && len(da) > 1 && da != db && sorted(da) == sorted(db) {
		return "the same digits in another order"
	}
	// a zero moved among the digits of a whole number (14,080 and 14,800):
	// the same digits, zeros too, close in value
	if ia, ib := wholeDigits(va), wholeDigits(vb); ia != "" && len(ia) == len(ib) && len(da) > 1 && len(db) > 1 &&
		sorted(ia) == sorted(ib) && ratio > 0.5 && ratio < 2 {
		return "the same digits in another order"
	}
	// a price per gallon reads in litres: its digits as written swap ($3.94 a gallon, $3.49)
	if wa, wb := written(a.Text), written(b.Text); strings.Contains(a.Unit(), "/") && len(wa) == len(wb) && len(wa) > 1 && wa != wb && sorted(wa) == sorted(wb) {
		return "the same digits in another order"
	}
	// a sign alone is no unit: "shrank 2.1%" noted as "-2.1%"
	if na, nb := written(a.Text), written(b.Text); na != "" && na == nb && len(na) >= 2 && a.Unit() != "" &&
		(math.Abs(ratio) < 0.9 || math.Abs(ratio) > 1.1) {
		return "the same number in another unit"
	}
	return ""
}

// inWords reports a figure written in English words, with no digit or CJK
// numeral.
func inWords(text string) bool {
	return text != "" && strings.IndexFunc(text, func(r rune) bool {
		return unicode.IsDigit(r) || strings.ContainsRune("〇一二两三四五六七八九十百千万亿兆億", r)
	}) < 0
}

// written is the digits of a figure as its text gives them: 16,700 km and
// 16,700英里 both give "167".
// oneDigit reports a note figure b that copies its quote's figure a with
// one digit changed (875 and 975): three digits or more as written, the
// same count of them, of one size. Two digits are too few to tell a
// miscopy from another figure.
func oneDigit(a, b *Claim) bool {
	if isRange(a) || isRange(b) || a.Min != nil || a.Max != nil || b.Min != nil || b.Max != nil {
		return false
	}
	wa, wb := written(a.Text), written(b.Text)
	if len(wa) < 3 || len(wa) != len(wb) || wa == wb {
		return false
	}
	diff, at := 0, 0
	for i := range len(wa) {
		if wa[i] != wb[i] {
			diff, at = diff+1, i
		}
	}
	if last := len(wa) - 1; at == last && (wa[last]-wb[last] == 1 || wb[last]-wa[last] == 1) {
		return false // 59,540 and 59,541: rounded another way, not miscopied
	}
	ratio := InFamily(b, b.Value) / InFamily(a, a.Value)
	return diff == 1 && ratio > 0.5 && ratio < 2
}

func written(text string) string {
	var b strings.Builder
	for _, c := range text {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else if unicode.IsDigit(c) {
			b.WriteRune('0' + rune(c-'０')%10)
		}
	}
	return strings.Trim(b.String(), "0")
}

func digits(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'g', 12, 64)
	if i := strings.IndexAny(s, "e"); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(strings.ReplaceAll(s, ".", ""), "0")
}

// wholeDigits is the digits of a whole number, zeros kept, or "" for a
// fraction or a number too large to hold them all.
func wholeDigits(v float64) string {
	if v = math.Abs(v); v != math.Trunc(v) || v >= 1e15 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func sorted(s string) string {
	b := []byte(s)
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	return string(b)
}
