package read

import (
	"math"
	"strings"
	"unicode"
)

// unitValue converts v, a value that the unit h (if ok) stands for, to
// the canonical unit.
func unitValue(h unitHit, ok bool, v float64) float64 {
	if !ok || h.def.PowerOf != 0 {
		return v
	}
	return h.convert(v)
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
	if a.clock {
		m.Unit, m.Kind = sc.rs.digits.clockUnit, "duration"
		return unitHit{}, false
	}
	h, ok := u.beforeAt(t, a.start)
	if c, cok := sc.ctxBefore(a.start); cok && (!ok || c.start <= h.start) {
		h, ok = c, true // ¥ in Japanese text
	}
	if ok && h.def.Kind != "money" {
		// a word before that names a unit yields to a unit written after
		// the number: "a load factor of 86.5%" is a share, not a multiple
		if after, aok := u.after(t, a.end); aok && after.def.Canonical != h.def.Canonical {
			ok = false
		}
	}
	// a currency the claim before took as its own (0€0: "0€", 0W0: "0W") is not this one's
	if ok && !a.year && h.start >= sc.lastEnd() {
		if a.money != 0 {
			m.Value *= a.money
			m.End = a.moneyEnd
		}
		sc.applyUnit(h, m)
		m.Start = h.start
		return h, true
	}
	sc.unsuffix(a, m)
	h, ok = u.after(t, a.end)
	if ok && h.def.WithSubunit && !sc.subunitFollows(h) {
		ok = false // 3割5分, 5分の1: no minutes
	}
	if ok && h.def.Kind == "multiple" && h.end-h.start == 1 && !isHan(t.at(h.start)) && sc.operandAt(t.skipSpaces(h.end, 2)) {
		ok = false // 120 million × $19.50, 80 x 15 MW: a product's operand, not a multiple
	}
	if !ok && a.fraction {
		h, ok = u.after(t, sc.fractionOf(a.end)) // half a percentage point, a quarter of a cent
	}
	if ok && h.end-h.start == 1 && isLatin(t.at(h.start)) && t.at(h.end) == '-' && isLatin(t.at(h.end+1)) {
		ok = false // 5 t-shirts: a letter that starts a word is no unit
	}
	if c, cok := sc.ctxAfter(a.start, a.end); cok && (!ok || c.end >= h.end) {
		h, ok = c, true // pounds of a payload, 8,848 m high
	}
	if ok && h.def.Kind == "money" && !unicode.IsLetter(t.at(h.start)) && isDigit(t.at(t.skipSpaces(h.end, 1))) {
		ok = false // 10 $20 bills: the sign is the next number's (3 dollars 50 is one sum)
	}
	// 2023円 and "costs 2000 yen" are sums; "in 2024 dollars" names the
	// year whose prices a sum is in
	if ok && a.year && h.def.Kind == "money" && !sc.yearOfPrices(a.start) || ok && a.year && sc.measuredBy(a, h) {
		a.year = false
	}
	if ok && !a.year {
		sc.applyUnit(h, m)
		m.End = u.repeat(t, h)
	}
	if ok {
		return h, true
	}
	return unitHit{}, false
}

// measuredBy reports a number that looks like a year written with a unit
// of measure right after it: 2000 MW, 1999GWh and 2030 km are amounts. A
// count word (2024人), a time (2024 hours) and the year itself are not.
func (sc *scan) measuredBy(a *atom, h unitHit) bool {
	d := h.def
	return d.Kind != "money" && d.Kind != "duration" && d.Kind != "count" && !d.Classifier && d.PowerOf == 0 &&
		d.Canonical != "year" && h.start <= sc.t.skipSpaces(a.end, 1)
}

// fractionOf passes, after a fraction, the article that a unit follows
// ("half a percentage point", "a third of a cent", "half an hour") and
// returns where the unit may start; i if there is none.
func (sc *scan) fractionOf(i int) int {
	t := sc.t
	k := t.skipSpaces(i, 1)
	if k == i {
		return i
	}
	if hasFold(t, k, "of ") {
		k = t.skipSpaces(k+2, 1)
	}
	for w := range sc.rs.words.articles {
		if hasFold(t, k, w+" ") {
			return t.skipSpaces(k+len([]rune(w)), 1)
		}
	}
	return i
}

// lastEnd is where the last claim found ends.
func (sc *scan) lastEnd() int {
	if n := len(sc.out); n > 0 {
		return sc.out[n-1].End
	}
	return 0
}

func (sc *scan) applyUnit(h unitHit, m *Match) {
	d := h.def
	if d.PowerOf != 0 {
		m.Value = math.Pow(d.PowerOf, m.Value) * h.factor
	} else {
		m.Value = h.convert(m.Value)
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
			if step > 0 || d.SubunitBare == 0 || other || b.start == m.End || b.value*d.SubunitBare >= 1 || b.scaled ||
				startsArticle(t, b.start) { // "$4.20 a dozen" is a price per dozen, not 12 cents more
				return
			}
			f, end = d.SubunitBare, b.end
		}
		m.Value += b.value * f * h.factor
		m.End = end
		k = t.skipSpaces(end, 1)
	}
}

// halfAfter reads "and a half" after a unit in English (two years and a
// half), and the half after a unit in Chinese and Japanese: 一年半 is
// 1.5 years, 2時間半 2.5 hours, and 三个半月 and 两个半小时, where the half
// stands between the counter and the unit, 3.5 months and 2.5 hours. A
// half that begins a word of its own (十年半导体, 2020年半ば) is no half.
func (sc *scan) halfAfter(a atom, m *Match, h *unitHit) {
	t, c := sc.t, &sc.rs.cjk
	k := h.end
	if m.End != k || a.value < 0 || a.value != math.Trunc(a.value) || a.percent || h.def.Offset != 0 || h.def.PowerOf != 0 {
		return
	}
	if f, end := sc.andAFraction(k); f != 0 && !h.def.Classifier { // two years and a half
		m.Value += h.factor * f
		m.End = end
		return
	}
	if !c.half[t.at(k)] || !halfEnds(t, k+1) && !h.def.Classifier {
		return
	}
	if !h.def.Classifier {
		m.Value += h.factor / 2
		m.End = k + 1
		return
	}
	u, ok := sc.rs.units.after(t, k+1)
	if !ok || u.start != k+1 {
		u, ok = sc.counterUnit(*h, k+1) // 个 and 月 make 个月
	}
	if !ok || u.def.Classifier || u.def.Kind != "duration" {
		return
	}
	m.Value = a.value + 0.5
	sc.applyUnit(u, m)
	*h = u
}

// counterUnit is the unit that the counter of h and the text at i spell
// together (个 and 月 after 三个半), its span the text's part of it.
func (sc *scan) counterUnit(h unitHit, i int) (unitHit, bool) {
	t := sc.t
	n := h.end - h.start
	w := newText(string(t.r[h.start:h.end]) + string(t.r[i:min(i+4, len(t.r))]))
	defer w.release()
	u, ok := sc.rs.units.after(w, 0)
	if !ok || u.start != 0 || u.end <= n {
		return unitHit{}, false
	}
	u.start, u.end = i, i+u.end-n
	return u, true
}

// halfEnds reports whether a half ends at i: what follows is no letter, a
// kana other than ば (半ば: the middle), or a word that goes after a time
// (一年半内, 两年半后, 三年半の).
func halfEnds(t *text, i int) bool {
	r := t.at(i)
	switch {
	case r == 0 || !unicode.IsLetter(r) || isLatin(r):
		return true
	case r == 'ば':
		return false
	case unicode.Is(unicode.Hiragana, r):
		return true
	}
	return strings.ContainsRune(halfFollowers, r)
}

// halfFollowers are the characters after 年半, 时半 and the like that start
// no word with 半 but a word of their own.
const halfFollowers = "内後后前以的里裡多左时時间間中来來之至到才就都也还還余餘程頃共即仍已又再过過"

// unitBeforeFraction reads "a year and a half" at the atom "a half": the
// unit that article and unit before it name, and where the article starts.
func (sc *scan) unitBeforeFraction(a atom) (unitHit, int, bool) {
	t, w := sc.t, &sc.rs.words
	if !a.fraction || a.value <= 0 || a.value >= 1 || !startsArticle(t, a.start) {
		return unitHit{}, 0, false
	}
	and, ok := latinBefore(t, a.start)
	if !ok || !w.and[t.lower(and, t.wordEnd(and))] {
		return unitHit{}, 0, false
	}
	ws, ok := latinBefore(t, and)
	if !ok {
		return unitHit{}, 0, false
	}
	u, ok := sc.rs.units.after(t, ws)
	if !ok || u.start != ws || u.end != t.wordEnd(ws) || u.def.Classifier || u.def.Offset != 0 || u.def.PowerOf != 0 {
		return unitHit{}, 0, false
	}
	art, ok := latinBefore(t, ws)
	if !ok || !w.articles[t.lower(art, t.wordEnd(art))] || art < sc.lastEnd() {
		return unitHit{}, 0, false
	}
	return u, art, true
}

// latinBefore is where the Latin word that ends a space before i starts.
func latinBefore(t *text, i int) (int, bool) {
	e := t.backSpaces(i, 1)
	if e == i {
		return 0, false
	}
	k := e
	for k > 0 && isLatin(t.at(k-1)) {
		k--
	}
	return k, k < e
}

// operandAt reports a number or a currency sign at i, which a sign of
// multiplication before it multiplies; not a year (2x 2019 levels).
func (sc *scan) operandAt(i int) bool {
	t := sc.t
	if unicode.Is(unicode.Sc, t.at(i)) {
		return true
	}
	if !startsDigits(t, i) {
		return false
	}
	b, ok := sc.rs.digits.read(t, i)
	return ok && !b.year
}

// subunitFollows reports a whole number and a subunit word of h's unit
// right after h: 4分 then 30秒.
func (sc *scan) subunitFollows(h unitHit) bool {
	b, ok := sc.readOne(sc.t.skipSpaces(h.end, 1))
	if !ok || b.value != math.Trunc(b.value) || b.value < 0 {
		return false
	}
	f, _ := sc.subunitWord(h.def, b.end)
	return f != 0
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

// startsArticle reports "a" or "an" as a word at i.
func startsArticle(t *text, i int) bool {
	c := t.at(i) | 0x20
	if c != 'a' {
		return false
	}
	n := t.at(i + 1)
	return n == ' ' || (n|0x20) == 'n' && t.at(i+2) == ' '
}

// yearOfPrices reports the words before a year that make it the year of a
// sum's prices (the period rule's prices pattern: "in 2024 dollars").
func (sc *scan) yearOfPrices(i int) bool {
	p := sc.rs.periods.prices
	return p != nil && sc.backMatched(p, i)
}
