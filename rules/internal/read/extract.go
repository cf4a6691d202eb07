package read

import (
	"math"
	"strconv"
	"strings"
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
	Period     string
	Rule       string
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
	defer sc.t.release()
	sc.run()
	if len(sc.out) == 0 {
		return nil, nil
	}
	sc.sent = sc.sentences()
	sc.assignPeriods()
	return sc.out, sc.mentions()
}

// scan is one pass over one text.
type scan struct {
	rs      *Engine
	t       *text
	out     []Match
	periods []periodSpan
	lines   map[*exclusion]bool // line rules already run on this text
	sent    marks               // where sentences end, once claims are found
	// claimSent marks the sentences that hold claims, once they are known.
	claimSent []bool
	src       string // the text as given

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
	case c >= 0x80 && (rs.fixed.trie.first.has(c) || rs.cjkStart.has(c) || isHiragana(c) && rs.kana.first.has(c)):
		return i + 1, true
	}
	return i + 1, startsDigits(t, i)
}

// read reads a number at i, with a sign word before it (minus five) and a
// ratio after it (one over three, 1 in 5).
func (sc *scan) read(i int) (atom, bool) {
	a, ok := sc.readOne(i)
	if ok && !a.year {
		sc.ratio(&a)
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
	k := t.skipSpaces(a.end, 2)
	if k == a.end {
		return
	}
	for _, w := range sc.rs.words.ratio {
		if !hasFold(t, k, w) || isLatin(t.at(k+len([]rune(w)))) {
			continue
		}
		j := t.skipSpaces(k+len([]rune(w)), 2)
		b, ok := sc.readOne(j)
		if !ok || b.year || b.value == 0 || b.fraction {
			return
		}
		if _, unit := sc.rs.units.after(t, b.end); unit {
			return
		}
		a.value, a.end, a.fraction, a.lone, a.sig = a.value/b.value, b.end, true, false, 0
		return
	}
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
	h, hasUnit := sc.unit(&a, &m)
	if a.year && (!hasUnit || h.def.Canonical == "year" && h.start == a.end) {
		p := rs.periods.year(t, a.start, a.end, sc.back(a.start), sc.ahead(a.end))
		sc.periods = append(sc.periods, p)
		return max(p.end, a.end)
	}
	if a.vague {
		lo, hi := a.lo*unitFactor(h, hasUnit), a.hi*unitFactor(h, hasUnit)
		m.Min, m.Max = &lo, &hi
	}
	if hasUnit && len(h.def.Subunit) > 0 {
		sc.subunit(&m, h)
	}
	sc.rangeAfter(&m)
	sc.qualify(&m)
	bare := m.Unit == "" && !a.percent && !a.fraction && !a.multiple && (!hasUnit || h.def.Classifier)
	// 一以上 is a number: a bound makes 一 one. English "more than one" stays
	// a phrase ("more than one way"), so only CJK numerals get this.
	lone := a.lone && (m.Min == nil && m.Max == nil || isLatin(t.at(a.start)))
	if lone && (bare || h.def != nil && h.def.Classifier) || sc.excluded(&m, a, bare) {
		return a.end
	}
	sc.forms(&m)
	if m.Kind == "" {
		m.Kind = "count"
		if a.fraction {
			m.Kind = "share"
		}
	}
	m.Text = string(t.r[m.Start:m.End])
	m.Step = step(m.Value, a)
	if finite(m) { // 10^99999 is no figure anyone can audit
		if sc.out == nil {
			sc.out = make([]Match, 0, 4) // a text seldom has more; growing from 1 costs three copies
		}
		sc.out = append(sc.out, m)
	}
	return m.End
}

func unitFactor(h unitHit, ok bool) float64 {
	if !ok || h.def.PowerOf != 0 {
		return 1
	}
	return h.factor
}

// scaleWords applies scale words after digits: 1.5 million, 3 dozens.
func (sc *scan) scaleWords(a *atom) {
	if a.rule == sc.rs.words.id {
		return
	}
	w := &sc.rs.words
	last := 0.0
	for {
		nw, ok := nextWord(sc.t, a.end)
		if !ok || nw.start > a.end+1 {
			break
		}
		f := w.scales[nw.w] + w.hundreds[nw.w] + w.multiples[nw.w]
		if f == 0 {
			break
		}
		a.scale(f)
		a.end = nw.end
		last = f
		if w.multiples[nw.w] != 0 {
			last = 0 // three dozen 4 is two numbers
		}
		if sc.andFraction(a, f) {
			return
		}
	}
	if last >= 100 {
		sc.addend(a, last)
	}
}

// addend reads the rest of a number after its scale word, in digits or
// words: "4 thousand 3 hundred and 21", "6 crore and two hundred". The rest
// must be smaller than the scale, or it is a second number.
func (sc *scan) addend(a *atom, scale float64) {
	t, w := sc.t, &sc.rs.words
	k := a.end
	if nw, ok := nextWord(t, k); ok && w.and[nw.w] {
		k = nw.end
	}
	j := t.skipSpaces(k, 1)
	if j == k {
		return
	}
	var b atom
	bare := false // digits with no scale word of their own
	switch c := t.at(j); {
	case isDigit(c) && !isDigit(t.at(j-1)):
		e := j
		for isDigit(t.at(e)) {
			e++
		}
		if isLatin(t.at(e)) || isDigit(t.at(e+1)) && (t.at(e) == '.' || t.at(e) == ',') {
			return // 3 hundred 2nd, 3 hundred 2.5
		}
		v, err := strconv.ParseFloat(string(t.f[j:e]), 64)
		if err != nil {
			return
		}
		b, bare = atom{start: j, end: e, value: v}, true
		if nw, ok := nextWord(t, e); ok && nw.start == e+1 && w.hundreds[nw.w] != 0 && scale > w.hundreds[nw.w] {
			b.value *= w.hundreds[nw.w]
			b.end, bare = nw.end, false
			sc.addend(&b, w.hundreds[nw.w])
		}
	case isLatin(c):
		var ok bool
		if b, ok = w.read(t, j); !ok || b.fraction || b.multiple {
			return
		}
	default:
		return
	}
	if b.value <= 0 || b.value >= scale || b.value != float64(int64(b.value)) {
		return
	}
	if scale > 100 && (b.value < 100 || bare) {
		return // "3 million and 5 years" is two numbers; "4 thousand 3 hundred" is one
	}
	a.value += b.value
	a.end = b.end
}

// andFraction reads "and a half" after a scale: 3 million and a half.
func (sc *scan) andFraction(a *atom, scale float64) bool {
	w := &sc.rs.words
	and, ok := nextWord(sc.t, a.end)
	if !ok || !w.and[and.w] {
		return false
	}
	art, ok := nextWord(sc.t, and.end)
	if !ok || !w.articles[art.w] && art.w != "one" {
		return false
	}
	fr, ok := nextWord(sc.t, art.end)
	if d := w.fractions[fr.w]; ok && d != 0 {
		a.value += scale / d
		a.end = fr.end
		return true
	}
	return false
}

// unit finds the unit after the number, or a currency before it.
func (sc *scan) unit(a *atom, m *Match) (unitHit, bool) {
	t, u := sc.t, &sc.rs.units
	if a.percent {
		m.Unit, m.Kind = "%", "share"
		return unitHit{}, false
	}
	if a.multiple {
		m.Unit, m.Kind = "x", "multiple"
		return unitHit{}, false
	}
	if h, ok := u.beforeAt(t, a.start); ok && !a.year {
		if a.money != 0 {
			m.Value *= a.money
			m.End = a.moneyEnd
		}
		sc.applyUnit(h, m)
		m.Start = h.start
		return h, true
	}
	h, ok := u.after(t, a.end)
	if ok && !a.year {
		sc.applyUnit(h, m)
		m.End = u.repeat(t, h)
	}
	if ok {
		return h, true
	}
	return unitHit{}, false
}

func (sc *scan) applyUnit(h unitHit, m *Match) {
	d := h.def
	if d.PowerOf != 0 {
		m.Value = math.Pow(d.PowerOf, m.Value) * h.factor
	} else {
		m.Value *= h.factor
	}
	if d.Canonical != "" || !d.Classifier {
		m.Unit = d.Canonical
	}
	m.Kind = d.Kind
	m.Rule = d.ID
	if m.End < h.end && h.start >= m.End {
		m.End = h.end
	}
}

// qualify applies the qualifier words before and after the quantity.
func (sc *scan) qualify(m *Match) {
	q := &sc.rs.quals
	if h, ok := q.beforeAt(sc.t, m.Start); ok && !contains(h.def.ExceptKinds, m.Kind) {
		m.Start = h.start
		sc.bound(m, h)
	}
	if h, ok := q.afterAt(sc.t, m.End); ok && !contains(h.def.ExceptKinds, m.Kind) {
		m.End = h.end
		sc.bound(m, h)
	}
}

func (sc *scan) bound(m *Match, h qualHit) {
	m.Qualifier = strings.ToLower(strings.TrimSpace(string(sc.t.r[h.start:h.end])))
	m.Bound = h.def.Bound
	v := m.Value
	switch h.def.Bound {
	case BoundMin:
		if m.Min == nil || *m.Min > v {
			m.Min = &v
		}
		if m.Max != nil && *m.Max == v {
			m.Max = nil
		}
	case BoundMax:
		m.Max = &v
	}
}

// excluded reports whether an exclusion rule drops the quantity.
func (sc *scan) excluded(m *Match, a atom, bare bool) bool {
	for k := range sc.rs.excl {
		e := &sc.rs.excl[k]
		if e.bareOnly && !bare || len(e.readers) > 0 && !e.readers[a.rule] {
			continue
		}
		if sc.excludes(e, m, a) {
			return true
		}
	}
	return false
}

func (sc *scan) excludes(e *exclusion, m *Match, a atom) bool {
	if e.line != nil || len(e.contains) > 0 {
		return sc.codeLine(e)
	}
	if e.token != nil && !e.token.MatchString(sc.token(a.start, a.end)) {
		return false
	}
	if e.before != nil {
		ok, name := sc.backMatch(e.before, m.Start)
		if !ok || e.except[name] {
			return false
		}
	}
	if e.after != nil && !sc.aheadMatch(e.after, a.end) {
		return false
	}
	return true
}

// codeLine runs a line rule once per text, however many numbers it holds:
// literal pieces first (a fast substring search), then the anchored pattern.
func (sc *scan) codeLine(e *exclusion) bool {
	hit, ok := sc.lines[e]
	if ok {
		return hit
	}
	if sc.lines == nil {
		sc.lines = map[*exclusion]bool{}
	}
	s := sc.src
	for _, c := range e.contains {
		hit = hit || strings.Contains(s, c)
	}
	hit = hit || e.line != nil && e.line.MatchString(s)
	sc.lines[e] = hit
	return hit
}

// token is the run of non-space, non-CJK text around [i, j): a URL, a
// version, a file name.
func (sc *scan) token(i, j int) string {
	t := sc.t
	tokenCh := func(c rune) bool {
		return c > ' ' && !isHan(c) && !isKana(c) && !strings.ContainsRune("()[]{}<>\"'“”‘’「」", c)
	}
	for i > 0 && tokenCh(t.at(i-1)) {
		i--
	}
	for j < len(t.f) && tokenCh(t.at(j)) {
		j++
	}
	return string(t.f[i:j])
}

// forms sets the kind and the change role from the words around the claim.
func (sc *scan) forms(m *Match) {
	for k := range sc.rs.forms {
		f := &sc.rs.forms[k]
		if len(f.kinds) > 0 && !f.kinds[m.Kind] {
			continue
		}
		if f.before != nil && !sc.backMatched(f.before, m.Start) {
			continue
		}
		if f.after != nil && !sc.aheadMatch(f.after, m.End) || f.unless != nil && sc.aheadMatch(f.unless, m.End) {
			continue
		}
		if f.kind != "" {
			m.Kind, m.Rule = f.kind, f.id
		}
		if f.change != "" && m.Change == "" {
			m.Change = f.change
		}
	}
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

// subunit adds cents to dollars and 角 and 分 to 元: "3 dollars 50
// cents", "thirteen dollars and forty-five", "2ドル3セント", "50元6角3分".
func (sc *scan) subunit(m *Match, h unitHit) {
	t, d := sc.t, h.def
	k := t.skipSpaces(m.End, 1)
	for _, and := range []string{"and ", "と", "又"} {
		if hasFold(t, k, and) {
			k = t.skipSpaces(k+len([]rune(and)), 1)
			break
		}
	}
	for step := 0; step < 2; step++ {
		b, ok := sc.readOne(k)
		if !ok || b.year || b.value != math.Trunc(b.value) || b.value < 0 {
			return
		}
		f, end := sc.subunitWord(d, b.end)
		if f == 0 { // a bare number: cents, when the unit is a word and a space stands between
			_, other := sc.rs.units.after(t, b.end)
			if step > 0 || d.SubunitBare == 0 || other || b.start == m.End || b.value*d.SubunitBare >= 1 {
				return
			}
			f, end = d.SubunitBare, b.end
		}
		m.Value += b.value * f * h.factor
		m.End = end
		k = t.skipSpaces(end, 1)
	}
}

// subunitWord finds a subunit word after a number and what one is worth.
func (sc *scan) subunitWord(d *unitDef, j int) (float64, int) {
	t := sc.t
	j = t.skipSpaces(j, 1)
	best, end := 0.0, j
	for w, f := range d.Subunit {
		if n := len([]rune(w)); hasFold(t, j, w) && !isLatin(t.at(j+n)) && j+n > end {
			best, end = f, j+n
		}
	}
	return best, end
}
