package read

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// multTable reads the words that state a multiple with no numeral before a
// unit: doubled, tenfold, 倍増 (all 2x or 10x), and the Chinese doublings
// 翻两番 (doubled twice: 4x). It also knows the two ways a stated multiple
// is not what its numeral says: a doubling time (doubling every 7 months,
// 每 7 个月翻倍) is a rate, no multiple of its own; and 增长了4.6倍, grew
// by 4.6 times, is 5.6 times the start.
type multTable struct {
	id    string
	trie  trie // words and the verbs of the doublings, any case, whole words
	words []multWord
	latin []string // the words in Latin letters, lower-cased, for the number-word trigger
	// verbBefore must stand before a verb word: "could double", "more than
	// triple", never "a double" or "the Triple E".
	verbBefore *backward
	unless     *forward // after any word: double-digit, doubling down
	rateBefore *backward
	rateAfter  *forward
	// powers reads verb + numeral + unit as base to the numeral: 翻两番 is 2².
	unit rune
	base float64
	// added marks a multiple that counts the growth only: 增长了4.6倍.
	addedBefore *backward
	addedUnit   string
	// addedOne is added_before for a multiple of one, which needs no 了:
	// 增长一倍 is always a doubling, 增长近一倍 nearly one
	addedOne *backward
}

// multWord is one word of the table: its multiple, or a doubling verb.
type multWord struct {
	value float64
	verb  bool // needs verbBefore
	power bool // 翻: a numeral and the unit follow
}

// MultiplierDef defines the words that state a multiple, and the patterns
// around them.
type MultiplierDef struct {
	// Words are multiples in one word: doubled: 2, tenfold: 10, 倍増: 2.
	Words map[string]float64 `yaml:"words"`
	// Verbs are words that state a multiple only after VerbBefore: double,
	// triple (could double, more than triple; not a double, triple crown).
	Verbs      map[string]float64 `yaml:"verbs"`
	VerbBefore string             `yaml:"verb_before"`
	// UnlessAfter is what, after a word, makes it no multiple: double-digit,
	// doubling down.
	UnlessAfter string `yaml:"unless_after"`
	// RateBefore and RateAfter mark a doubling time (doubling every 7
	// months, 每 7 个月翻倍): the word then states a rate, not a multiple,
	// and is no claim unless a qualifier bounds it (almost doubling every
	// two years).
	RateBefore string `yaml:"rate_before"`
	RateAfter  string `yaml:"rate_after"`
	// Powers reads a verb, a numeral and a unit as the base to the numeral:
	// 翻两番 (doubled twice) is 4x, 翻了一番 2x.
	Powers PowersDef `yaml:"powers"`
	// AddedBefore and AddedUnit mark a multiple written with that unit
	// word that counts the growth only, so that the end is one more:
	// 增长了4.6倍 is 5.6 times the start; 增长到4.6倍 and 是…的4.6倍 are 4.6.
	AddedBefore string `yaml:"added_before"`
	AddedUnit   string `yaml:"added_unit"`
	// AddedOneBefore is AddedBefore for a multiple of one (增长一倍: twice
	// as much), where no reading of one times is left to doubt.
	AddedOneBefore string `yaml:"added_one_before"`
}

// PowersDef defines the doublings: the verbs (翻了, 翻), the unit after the
// numeral (番) and the base (2).
type PowersDef struct {
	Verbs []string `yaml:"verbs"`
	Unit  string   `yaml:"unit"`
	Base  float64  `yaml:"base"`
}

// Multiplier sets the multiplier words.
func (b *Builder) Multiplier(id string, raw MultiplierDef) error {
	m := &multTable{id: id, base: raw.Powers.Base}
	add := func(field, w string, mw multWord) error {
		if w == "" || mw.value <= 0 && !mw.power {
			return fieldErr(field, "%q needs a value above 0", w)
		}
		if prev := m.trie.add(w, len(m.words)); prev >= 0 {
			return fieldErr(field, "%q is given twice", w)
		}
		m.words = append(m.words, mw)
		if isLatin(fold([]rune(w)[0])) {
			m.latin = append(m.latin, lowerString(w))
		}
		return nil
	}
	for _, w := range slices.Sorted(maps.Keys(raw.Words)) {
		if err := add("words", w, multWord{value: raw.Words[w]}); err != nil {
			return err
		}
	}
	for _, w := range slices.Sorted(maps.Keys(raw.Verbs)) {
		if err := add("verbs", w, multWord{value: raw.Verbs[w], verb: true}); err != nil {
			return err
		}
	}
	if err := m.powers(raw.Powers, add); err != nil {
		return err
	}
	if len(raw.Verbs) > 0 && raw.VerbBefore == "" {
		return fieldErr("verb_before", "verbs need a verb_before pattern")
	}
	var err error
	for _, p := range []struct {
		field, pattern string
		back           **backward
		fwd            **forward
	}{{"verb_before", raw.VerbBefore, &m.verbBefore, nil}, {"unless_after", raw.UnlessAfter, nil, &m.unless},
		{"rate_before", raw.RateBefore, &m.rateBefore, nil}, {"rate_after", raw.RateAfter, nil, &m.rateAfter},
		{"added_before", raw.AddedBefore, &m.addedBefore, nil}, {"added_one_before", raw.AddedOneBefore, &m.addedOne, nil}} {
		if p.back != nil {
			*p.back, err = compileBackward(p.field, p.pattern)
		} else {
			*p.fwd, err = compileForward(p.field, p.pattern)
		}
		if err != nil {
			return err
		}
	}
	if m.addedUnit = raw.AddedUnit; (m.addedBefore == nil) != (m.addedUnit == "") {
		return fieldErr("added_before", "added_before and added_unit go together")
	}
	b.rs.mult = m
	return nil
}

// powers adds the verbs of the doublings.
func (m *multTable) powers(p PowersDef, add func(string, string, multWord) error) error {
	if len(p.Verbs) == 0 && p.Unit == "" {
		return nil
	}
	u := []rune(p.Unit)
	if len(p.Verbs) == 0 || len(u) != 1 || p.Base <= 1 {
		return fieldErr("powers", "needs verbs, a unit of one character and a base above 1")
	}
	m.unit = u[0]
	for _, v := range p.Verbs {
		if err := add("powers", v, multWord{power: true}); err != nil {
			return err
		}
	}
	return nil
}

// multiplier reads a multiplier word at i.
func (sc *scan) multiplier(i int) (atom, bool) {
	m, t := sc.rs.mult, sc.t
	if m == nil || !boundaryBefore(t, i) {
		return atom{}, false
	}
	v, end := m.trie.match(t, i, func(_, end int) bool { return boundaryAfter(t, end) })
	if v < 0 {
		return atom{}, false
	}
	w := m.words[v]
	if w.power {
		return sc.power(i, end)
	}
	if w.verb && !sc.backMatched(m.verbBefore, i) || m.unless != nil && sc.aheadMatch(m.unless, end) {
		return atom{}, false
	}
	// a word is as rough as one written digit: quadrupled allows 4.1x
	return atom{start: i, end: end, value: w.value, multiple: true, rule: m.id, sig: 1}, true
}

// power reads the numeral and the unit after a doubling verb ending at j,
// with a qualifier between them (翻了近两番): the atom marks where the
// numeral starts, for the qualifier.
func (sc *scan) power(i, j int) (atom, bool) {
	m, t := sc.rs.mult, sc.t
	k := j
	if !startsDigits(t, k) && !sc.rs.cjk.starts(t, k) { // only a qualifier may stand between: 翻了近两番, not 翻译了一番
		e := t.skipSpaces(j, 1)
		for e < len(t.f) && e < j+4 && !sc.rs.cjk.starts(t, e) {
			e++
		}
		if h, ok := sc.rs.quals.beforeAt(t, e); !ok || h.start != j {
			return atom{}, false
		}
		k = e
	}
	n, ok := sc.cjk(k)
	if !ok || n.vague || n.fraction || n.percent || t.at(n.end) != m.unit || n.value <= 0 || n.value > 64 {
		return atom{}, false
	}
	return atom{start: i, end: n.end + 1, value: math.Pow(m.base, n.value), multiple: true, rule: m.id, inner: k, sig: 1}, true
}

// multiples finishes a multiple once its qualifiers are known: a
// qualifier inside a doubling (翻了近两番), a growth in times that adds
// one (增长了4.6倍), and a doubling time that is no claim. It reports
// whether the claim stays.
func (sc *scan) multiples(m *Match, a atom) bool {
	mt := sc.rs.mult
	if mt == nil || m.Unit != "x" {
		return true
	}
	if a.inner > a.start && m.Qualifier == "" {
		if h, ok := sc.rs.quals.beforeAt(sc.t, a.inner); ok && h.start >= a.start && !contains(h.def.ExceptKinds, m.Kind) {
			sc.bound(m, h)
		}
	}
	if a.rule == mt.id {
		rate := mt.rateBefore != nil && sc.backMatched(mt.rateBefore, a.start) || mt.rateAfter != nil && sc.aheadMatch(mt.rateAfter, a.end)
		return !rate || m.Qualifier != ""
	}
	added := mt.addedBefore != nil && sc.backMatched(mt.addedBefore, a.start) ||
		a.value == 1 && mt.addedOne != nil && sc.backMatched(mt.addedOne, a.start)
	if added && strings.Contains(string(sc.t.f[a.end:m.End]), mt.addedUnit) {
		m.Value++
		for _, b := range []**float64{&m.Min, &m.Max} {
			if *b != nil {
				v := **b + 1
				*b = &v
			}
		}
	}
	return true
}
