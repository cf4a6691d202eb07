package read

import (
	"math"
	"slices"
)

// Match is one claim found in a text, by rune offsets into it.
type Match struct {
	Start, End int
	Text       string
	Value      float64
	Unit       string
	Min, Max   *float64
	Qualifier  string
	Bound      string // min, max, approx or "" for the qualifier
	Kind       string
	Change     string // from or to, in a change statement
	// Direction is up or down for a figure that states the size of a
	// change (rose 5%, 减少约58万); Role is base, per, total or rejected
	// where the words around the figure say so.
	Direction string
	Role      string
	Period    string
	Rule      string
	// Sentence numbers the sentence of the text the claim starts in.
	Sentence int
	// Step is the rounding a figure allows, in its canonical unit: 71% was
	// written to the unit, so it stands for [70.5, 71.5); 0 means exact.
	Step float64
}

// Extract returns the claims in s, in order. It never fails: text that
// reads as no number yields no claim.
func (rs *Engine) Extract(s string) []Match {
	ms, _ := rs.Analyze(s)
	return ms
}

// Analyze returns the claims in s and, when there are any, the subjects and
// metrics s names: one pass over the text serves both.
func (rs *Engine) Analyze(s string) ([]Match, []Mention) {
	return rs.AnalyzeLang(s, "")
}

// AnalyzeLang is Analyze for text in a known language (en, zh, ja): a few
// readings differ, such as 一万三 (13000 in Chinese, 10003 in Japanese).
func (rs *Engine) AnalyzeLang(s, lang string) ([]Match, []Mention) {
	sc := scan{rs: rs, t: newText(s), src: s}
	sc.t.lang = lang
	sc.lines = sc.t.lines[:0]
	defer func() {
		clear(sc.out) // no pooled buffer keeps a result's strings alive
		sc.t.lines, sc.t.matches = sc.lines[:0], sc.out[:0]
		sc.t.release()
	}()
	sc.run()
	if len(sc.out) == 0 {
		return nil, nil
	}
	sc.carryUnits()
	sc.sent = sc.sentences()
	sc.assignPeriods()
	sc.perSpread()
	sc.snapWhole()
	// Out of the scratch buffer at its length: a buffer of four made per
	// text was most of the garbage of a run of short highlights.
	return slices.Clone(sc.out), sc.mentions()
}

// scan is one pass over one text.
type scan struct {
	rs      *Engine
	t       *text
	out     []Match
	periods []periodSpan
	// lines are the line rules already run on this text: a rule or two,
	// in a buffer of the pooled text (a map made per text cost more)
	lines []tokenHit
	tok   tokenCache // the last token exclusions looked at
	// figBuf holds the figure [figAt-1, figEnd) that exclusions test
	figBuf        []byte
	figAt, figEnd int
	sent          marks // where sentences end, once claims are found
	// claimSent marks the sentences that hold claims, once they are known.
	claimSent []bool
	src       string     // the text as given
	items     []listItem // beside out: what a list's last item may give each claim
	pers      []perMark  // the compounds of out that their sentences may share
	listPer   listPer    // the last denominator found before a figure
	ctxHeld   []ctxMark  // where units read by their context held, in text order

	backAt, aheadAt int // 1 + the offset of the windows cached in t
}

func (sc *scan) run() {
	t := sc.t
	for i := 0; i < len(t.f); {
		next, may := sc.mayStart(i)
		if !may {
			i = next
			continue
		}
		a, ok := sc.read(i)
		if !ok {
			i = next
			continue
		}
		i = sc.quantity(a)
	}
}

// mayStart reports, without reading, whether a number can start at i, and
// where to look next if none does: past a whole word, or one rune. Most
// offsets cannot, and a read returns a whole atom: this keeps them cheap.
// It lets through everything readOne and the sign words accept.
func (sc *scan) mayStart(i int) (int, bool) {
	t, rs := sc.t, sc.rs
	c := t.f[i]
	switch {
	case isLatin(c):
		e := t.wordEnd(i)
		return e, boundaryBefore(t, i) && rs.numberWordIn(t, i, e)
	case c >= 0x80: // past ASCII only the readers' first runes start numbers
		return i + 1, rs.nonASCIIStart.has(c)
	case c != '-' && c != '.' && !isDigit(c): // no digit number starts elsewhere
		return i + 1, false
	}
	return i + 1, startsDigits(t, i)
}

// read reads a number at i, with a sign word before it (minus five) and a
// ratio after it (one over three, 1 in 5).
func (sc *scan) read(i int) (atom, bool) {
	a, ok := sc.readOne(i)
	if ok && !a.year {
		sc.digitsAndFraction(&a)
		sc.ratio(&a)
		sc.cjkShare(&a)
	}
	if ok || !sc.rs.signFirst.has(sc.t.at(i)) {
		return a, ok
	}
	if neg, j := sc.signWord(i); neg { // only words the number-word lookup let through get here
		a, ok := sc.read(j)
		if !ok || a.year {
			return atom{}, false
		}
		a.value, a.lo, a.hi, a.start, a.lone = -a.value, -a.hi, -a.lo, i, false
		return a, true
	}
	return atom{}, false
}

// digitsAndFraction reads a fraction character right after whole digits
// as part of the number: 1½ is 1.5, $2¼ million 2.25 million.
func (sc *scan) digitsAndFraction(a *atom) {
	t, f := sc.t, &sc.rs.fixed
	if a.rule != sc.rs.digits.id || a.scaled || a.value != math.Trunc(a.value) || !isDigit(t.at(a.end-1)) ||
		!f.trie.first.has(t.at(a.end)) {
		return
	}
	v, end := f.trie.match(t, a.end, func(_, end int) bool { return end == a.end+1 })
	if v < 0 || !f.words[v].Share || f.words[v].Value >= 1 || f.words[v].Min != nil {
		return
	}
	a.value += math.Copysign(f.words[v].Value, a.value)
	a.end = end
}

// signWord reports a word such as minus before a number, and where the number starts.
func (sc *scan) signWord(i int) (bool, int) {
	t := sc.t
	if !boundaryBefore(t, i) || !sc.rs.isNumberWord(t, i) {
		return false, i
	}
	e := t.wordEnd(i)
	if !sc.rs.words.negative[t.lower(i, e)] {
		return false, i
	}
	j := t.skipSpaces(e, 2)
	if j == e || !(startsDigits(t, j) || sc.rs.isNumberWord(t, j)) {
		return false, i
	}
	return true, j
}

// ratio reads "over three", "in 5", "out of three" after a number as the
// fraction it makes, unless the second number is a year or has a unit
// (5 in 10 years is a span, not a ratio).
func (sc *scan) ratio(a *atom) {
	t := sc.t
	k, hyphen := t.skipSpaces(a.end, 2), t.at(a.end) == '-' && isLatin(t.at(a.end+1)) // one-in-five
	if hyphen {
		k = a.end + 1
	}
	if k == a.end {
		return
	}
	// one person in four, one adult out of five: a noun between one and the ratio
	if a.value == 1 && !hyphen && t.at(k) >= 'a' && t.at(k) <= 'z' {
		if e := t.wordEnd(k); e-k <= 12 && !isLatin(t.at(e)) {
			if j := t.skipSpaces(e, 2); j > e && (hasFold(t, j, "in ") || hasFold(t, j, "out of ")) && !sc.isRatioWordAt(k) {
				k = j
			}
		}
	}
	for _, w := range sc.rs.words.ratio {
		if !hasFold(t, k, w) || isLatin(t.at(k+len([]rune(w)))) {
			continue
		}
		if nr := sc.rs.words.notRatio; nr != nil && sc.backMatched(nr, a.start) {
			return // scored 9 out of 10
		}
		j := t.skipSpaces(k+len([]rune(w)), 2)
		if hyphen && t.at(j) == '-' {
			j++
		}
		b, ok := sc.readOne(j)
		if !ok || b.year || b.value == 0 || b.fraction {
			return
		}
		sc.scaleWords(&b) // 1 in 292.2 million: the whole is 292.2 million
		end := b.end
		if h, unit := sc.rs.units.after(t, b.end); unit && h.def.Kind != "money" {
			return // 5 in 10 years is a span
		} else if unit {
			end = h.end // six in ten taka: a share of the money, the currency its whole's
		}
		a.value, a.end, a.fraction, a.lone, a.sig = a.value/b.value, end, true, false, 0
		return
	}
}

// isRatioWordAt reports a ratio word (in, over, out of) at k.
func (sc *scan) isRatioWordAt(k int) bool {
	for _, w := range sc.rs.words.ratio {
		if hasFold(sc.t, k, w) && !isLatin(sc.t.at(k+len([]rune(w)))) {
			return true
		}
	}
	return false
}

func hasFold(t *text, i int, s string) bool {
	for _, r := range s {
		c := t.at(i)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != r {
			return false
		}
		i++
	}
	return true
}

// readOne runs the number readers at i, in order of how specific they are.
func (sc *scan) readOne(i int) (atom, bool) {
	t, rs := sc.t, sc.rs
	if rs.mult != nil && rs.mult.trie.first.has(t.at(i)) {
		if a, ok := sc.multiplier(i); ok {
			return a, true
		}
	}
	switch c := t.at(i); {
	case startsDigits(t, i):
		if rs.cjkFollows(t, i) {
			return sc.cjk(i)
		}
		return rs.digits.read(t, i)
	case c >= 0x80 && rs.fixed.trie.first.has(c):
		if a, ok := rs.fixed.read(t, i); ok {
			return a, true
		}
		if rs.cjkStart.has(c) && rs.cjk.starts(t, i) {
			return sc.cjk(i)
		}
	case c >= 0x80 && rs.cjkStart.has(c) && rs.cjk.starts(t, i):
		return sc.cjk(i)
	case isHiragana(c) && rs.kana.first.has(c):
		return rs.kana.read(rs, t, i)
	case isLatin(c) && boundaryBefore(t, i):
		if !rs.isNumberWord(t, i) {
			return atom{}, false
		}
		if a, ok := rs.vague.read(t, i); ok {
			return a, true
		}
		return rs.words.read(t, i)
	}
	return atom{}, false
}

// cjk reads a CJK numeral; one that ends in digits takes a scale suffix as
// digits do: マイナス2.5 M, 百分之15k.
func (sc *scan) cjk(i int) (atom, bool) {
	a, ok := sc.rs.cjk.read(sc.t, i)
	if ok && a.end > i && isDigit(sc.t.at(a.end-1)) && !a.fraction {
		sc.rs.digits.suffix(sc.t, &a)
	}
	return a, ok
}

// isNumberWord looks the word at i up without allocating.
func (rs *Engine) isNumberWord(t *text, i int) bool {
	return rs.numberWordIn(t, i, t.wordEnd(i))
}

// numberWordIn looks up the word [i, e); the first letter and the length
// rule out most words before a lookup.
func (rs *Engine) numberWordIn(t *text, i, e int) bool {
	n := e - i
	if n == 0 || n > 24 || !rs.wordShape.may(t.at(i), n) {
		return false // no number word has this first letter and length: no hashing
	}
	var buf [24]byte
	b := buf[:0]
	for _, c := range t.f[i:e] {
		if c >= 0x80 {
			return false
		}
		b = append(b, byte(c)|0x20)
	}
	return rs.numberWords[string(b)]
}

// cjkFollows reports whether the digits at i go on with a CJK scale: 1万亿, 3万4000, 500多亿.
func (rs *Engine) cjkFollows(t *text, i int) bool {
	j, _, _ := scanDecimal(t, i)
	c := t.at(t.skipSpaces(j, 2))
	_, u := rs.cjk.units[c]
	return rs.cjk.scales[c] != 0 || u || rs.cjk.plus[c] || rs.cjk.tenths[c] || rs.cjk.discount[c] ||
		rs.cjk.fractionAt(t, j) > 0 || rs.cjk.point[c] && isDigit(t.at(t.skipSpaces(j, 2)+1)) ||
		rs.cjk.power[0] != "" && hasAt(t, j, rs.cjk.power[0]) || rs.cjk.andFollows(t, j) || rs.cjk.plusFollows(t, j)
}

// quantity turns an atom into a claim, or a period, or nothing, and returns
// where scanning goes on.
func (sc *scan) quantity(a atom) int {
	t, rs := sc.t, sc.rs
	sc.scaleWords(&a)
	m := Match{Start: a.start, End: a.end, Value: a.value, Rule: a.rule}
	h, at, hasUnit := sc.unitBeforeFraction(a)
	if hasUnit { // a year and a half
		m.Start, m.Value = at, 1+a.value
		sc.applyUnit(h, &m)
		a.start, a.value, a.fraction = at, 1+a.value, false
	} else {
		h, hasUnit = sc.unit(&a, &m)
	}
	// 2024年, and 2024 年 with a space as Chinese and Japanese text often
	// has around Latin digits; "in 2000 years" stays a duration.
	// "in 2023 dollars" names the year whose prices a sum is in
	if a.year && (!hasUnit || h.def.Kind == "money" && sc.yearOfPrices(a.start) || h.def.Canonical == "year" && (h.start == a.end || isHan(t.at(h.start)) && t.skipSpaces(a.end, 1) == h.start)) {
		p := rs.periods.year(t, a.start, a.end, sc.back(a.start), sc.ahead(a.end))
		if !sc.opensWindow(p) {
			sc.periods = append(sc.periods, p)
		}
		return max(p.end, a.end)
	}
	if hasUnit && !a.vague {
		sc.halfAfter(a, &m, &h)
	}
	if a.vague {
		lo, hi := unitValue(h, hasUnit, a.lo), unitValue(h, hasUnit, a.hi)
		m.Min, m.Max = &lo, &hi
	}
	if hasUnit && len(h.def.Subunit) > 0 {
		sc.subunit(&m, h)
	}
	sc.rangeAfter(&m, a)
	numKind := m.Kind // the amount's own kind, before a denominator makes it a price or a rate
	if hasUnit {
		numKind = h.def.Kind
	}
	per, perStart := sc.per(&m, false) // $4.99 a gallon, 3,539 kg/ha
	fig := m.End                       // the figure as written, before any qualifier after it
	sc.qualify(&m)
	if per == 0 {
		per, perStart = sc.per(&m, true) // 每升约1.10美元, 时速约28,000公里
	}
	if !sc.multiples(&m, a) {
		return a.end
	}
	bare := m.Unit == "" && !a.percent && !a.fraction && !a.multiple && sc.scaleOf(a) == 0 && (!hasUnit || h.def.Classifier)
	// 一以上 is a number: a bound makes 一 one. English "more than one" stays
	// a phrase ("more than one way"), so only CJK numerals get this.
	lone := a.lone && (m.Min == nil && m.Max == nil || isLatin(t.at(a.start)))
	if lone && (bare || h.def != nil && h.def.Classifier) {
		return a.end
	}
	if sc.excluded(&m, a, bare, fig) {
		return max(fig, a.end) // the whole figure, a range's second end too (pp. 210–215)
	}
	if m.Kind == "" && a.fraction {
		m.Kind = "share" // before the forms, which read a fraction as a share or a factor (5分の1になった)
	}
	sc.forms(&m)
	if perStart < m.Start && m.Change == "" && m.Direction == "" && m.Role == "" {
		// the words before a unit that stands first: 涨到每磅3.44美元
		at := m.Start
		m.Start = perStart
		sc.forms(&m)
		m.Start = at
	}
	if perStart < m.Start { // after the forms, which read the words before the figure (每天减产20万桶)
		sc.absorb(perStart) // 1ガロン3.49ドル is one claim
		if !sc.digitIn(perStart, m.Start) && perStart >= sc.lastEnd() {
			m.Start = perStart // its text starts at 每, but not at the 1 of 1ガロン, nor inside the claim before (00Wh当たり)
		}
	}
	if m.Kind == "" {
		m.Kind = "count"
		if a.fraction {
			m.Kind = "share"
		}
	}
	m.Text = t.str(m.Start, m.End)
	m.Step = step(m.Value, a)
	if finite(m) { // 10^99999 is no figure anyone can audit
		if sc.out == nil {
			sc.out = sc.t.matches[:0] // scratch: the result is copied out at its length
		}
		if per != 0 {
			h.factor *= per                           // earlier items of a list take the compound
			sc.markPer(&m, len(sc.out), per, numKind) // a range's first end has no unit of its own (1kWh当たり42〜48ドル)
		}
		it := sc.listBack(&m, a, h, hasUnit)
		if hasUnit && !h.def.Classifier && h.def.PowerOf == 0 && m.Unit != "" && m.Unit != "%" && per == 0 &&
			m.Min == nil && m.Max == nil && a.value > 0 && !a.percent && !a.multiple && !a.fraction {
			it.factor = m.Value / a.value
		}
		sc.out = append(sc.out, m)
		sc.items = append(sc.items, it)
	}
	return m.End
}

// snapWhole rounds a figure that binary floating point left a few units
// of its last place off a whole number (23.17万亿 is 23170000000000.004
// as 23.17 × 1e12) to that number, so that a report shows the figure as
// written and two spellings of it compare equal.
func (sc *scan) snapWhole() {
	for i := range sc.out {
		m := &sc.out[i]
		m.Value = snapWhole(m.Value)
		for _, b := range []**float64{&m.Min, &m.Max} {
			if *b != nil {
				if v := snapWhole(**b); v != **b {
					*b = &v // a bound may be shared with another claim's
				}
			}
		}
	}
}

// snapWhole is v, or the whole number within eight units of v's last place.
func snapWhole(v float64) float64 {
	if r := math.Round(v); r != v && math.Abs(v-r) <= math.Abs(v)*0x1p-49 {
		return r
	}
	return v
}

func finite(m Match) bool {
	ok := func(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }
	return ok(m.Value) && (m.Min == nil || ok(*m.Min)) && (m.Max == nil || ok(*m.Max))
}

// step is one unit of the last significant digit of v as written.
func step(v float64, a atom) float64 {
	if a.sig == 0 || a.fraction || v == 0 {
		return 0
	}
	return math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-float64(a.sig)+1)
}
