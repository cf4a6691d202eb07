package read

import (
	"maps"
	"slices"
)

// fixedTable reads numbers that are words of their own, with no numeral to
// read: 一半 and 半数 (a half), 半額 and 对折 (half price, 50%), 半百 (50).
// Several rules of this type add to one table; each word keeps its rule id.
type fixedTable struct {
	words []FixedWord
	trie  trie // its first-rune set is the trigger set for readOne
}

// FixedWord is what one fixed word means.
type FixedWord struct {
	Value float64 `yaml:"value"`
	Unit  string  `yaml:"unit"`  // "", "%" or "x"
	Share bool    `yaml:"share"` // a proportion (半数), not a count
	// Min and Max, both or neither, are the interval the word means:
	// 过半数 is more than half, [0.5, 1].
	Min  *float64 `yaml:"min"`
	Max  *float64 `yaml:"max"`
	rule string
}

// FixedDef defines fixed words, each with what it means.
type FixedDef struct {
	Words map[string]FixedWord `yaml:"words"`
}

// Fixed adds fixed words.
func (b *Builder) Fixed(id string, raw FixedDef) error {
	if len(raw.Words) == 0 {
		return fieldErr("words", "needs at least one word")
	}
	rs := b.rs
	for _, w := range slices.Sorted(maps.Keys(raw.Words)) {
		fw := raw.Words[w]
		if fw.Unit != "" && fw.Unit != "%" && fw.Unit != "x" {
			return fieldErr("words", "%q: unit must be \"\", %%, or x, not %q", w, fw.Unit)
		}
		if fw.Value == 0 {
			return fieldErr("words", "%q: needs a value", w)
		}
		if (fw.Min == nil) != (fw.Max == nil) || fw.Min != nil && *fw.Min > *fw.Max {
			return fieldErr("words", "%q: needs both min and max, min <= max, or neither", w)
		}
		fw.rule = id
		if prev := rs.fixed.trie.add(w, len(rs.fixed.words)); prev >= 0 {
			return fieldErr("words", "%q is already defined by rule %q", w, rs.fixed.words[prev].rule)
		}
		rs.fixed.words = append(rs.fixed.words, fw)
	}
	return nil
}

// read reads the longest fixed word at i.
func (f *fixedTable) read(t *text, i int) (atom, bool) {
	if !boundaryBefore(t, i) {
		return atom{}, false
	}
	v, end := f.trie.match(t, i, func(_, end int) bool { return boundaryAfter(t, end) })
	if v < 0 {
		return atom{}, false
	}
	w := f.words[v]
	a := atom{start: i, end: end, value: w.Value, rule: w.rule,
		percent: w.Unit == "%", multiple: w.Unit == "x", fraction: w.Share}
	if w.Min != nil {
		a.vague, a.lo, a.hi = true, *w.Min, *w.Max
	}
	return a, true
}
