// Package read is the engine that reads numbers in text: digits, words and
// CJK numerals, with their units, qualifiers, ranges, periods and the names
// around them. It is built from plain definitions, one per rule, that a
// Builder checks (an error names the field at fault); package rules is the
// YAML language that writes those definitions and says where a fault stands.
package read

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Engine is every reader and table built once from definitions, ready to
// extract claims from text. It knows nothing of rule files: a Builder fills
// it, one definition at a time.
type Engine struct {
	digits digitTable
	words  wordTable
	cjk    cjkTable
	vague  vagueTable
	fixed  fixedTable
	mult   *multTable
	units  unitTable
	quals  qualTable
	forms  []form
	excl   []exclusion
	// exclIndex is the exclusions by the readers and unit kinds they apply to
	exclIndex ruleIndex
	formIndex ruleIndex // the forms by the unit kinds they apply to
	ranges    *rangeTable
	per       *perTable

	// Trigger sets, built once: only where one of these starts does a
	// reader run, so that most of a text costs one lookup per rune.
	cjkStart *runeSet
	// nonASCIIStart is where a number may start past ASCII: the first runes
	// of fixed words, CJK numerals, kana numbers and multipliers, in one
	// set that mayStart tests once for every rune of CJK text.
	nonASCIIStart *runeSet
	signFirst     *runeSet // first letters of sign words (minus, negative)
	numberWords   map[string]bool
	wordShape     shapes // the first letters and lengths of the number words
	periods       periodTable
	lex           lexicon
	kana          kanaTable
}

// Builder assembles an Engine from definitions given one at a time, each
// with the id of the rule it comes from (claims name it). A definition of a
// reader (digits, words) replaces the last one; a definition of a table
// entry (a unit, a qualifier) adds to the table.
type Builder struct {
	rs *Engine
}

// NewBuilder returns a Builder with no definitions.
func NewBuilder() *Builder {
	return &Builder{rs: &Engine{
		digits:  newDigitTable(),
		words:   newWordTable(),
		cjk:     newCJKTable(),
		vague:   newVagueTable(),
		units:   newUnitTable(),
		quals:   newQualTable(),
		periods: newPeriodTable(),
	}}
}

// Build runs the checks that need every definition (aliases that shadow
// each other) and builds the trigger sets. The Builder is spent.
func (b *Builder) Build() (*Engine, error) {
	if err := b.rs.finish(); err != nil {
		return nil, err
	}
	return b.rs, nil
}

// FieldError is a definition that cannot be built: the field at fault and
// what is wrong. Rule is set when the fault is found only once every
// definition is in (an alias that two units claim), and names the rule.
type FieldError struct {
	Rule  string
	Field string
	Msg   string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Rule != "" {
		fmt.Fprintf(&b, "rule %q: ", e.Rule)
	}
	fmt.Fprintf(&b, "field %s: %s", e.Field, e.Msg)
	return b.String()
}

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// dupErr reports one alias claimed by two rules.
func dupErr(field, alias, other string) *FieldError {
	return &FieldError{Field: field, Msg: fmt.Sprintf("alias %q is already defined by rule %q", alias, other)}
}

func (rs *Engine) finish() error {
	rs.cjkStart = rs.cjk.startSet()
	rs.nonASCIIStart = nonASCIIStart(rs)
	rs.cjk.unitWords = &rs.units.word
	rs.numberWords = map[string]bool{}
	for _, m := range []map[string]float64{rs.words.numbers, rs.words.hundreds, rs.words.scales, rs.words.fractions, rs.words.multiples} {
		for w := range m {
			rs.numberWords[w] = true
		}
	}
	for w := range rs.words.articles {
		rs.numberWords[w] = true
	}
	for w := range rs.vague.words {
		rs.numberWords[w] = true
	}
	rs.exclIndex = newRuleIndex(len(rs.excl), func(i int) map[string]bool { return rs.excl[i].readers },
		func(i int) map[string]bool { return rs.excl[i].kinds }, func(i int) bool { return rs.excl[i].bareOnly })
	rs.formIndex = newRuleIndex(len(rs.forms), func(int) map[string]bool { return nil },
		func(i int) map[string]bool { return rs.forms[i].kinds }, func(int) bool { return false })
	rs.signFirst = &runeSet{}
	for w := range rs.words.negative {
		rs.numberWords[w] = true
		for _, c := range w {
			rs.signFirst.add(c)
			rs.signFirst.add(unicode.ToUpper(c))
			break
		}
	}
	for w := range rs.words.times {
		rs.numberWords[w] = true
	}
	if rs.mult != nil {
		for _, w := range rs.mult.latin {
			rs.numberWords[w] = true
		}
	}
	for w := range rs.numberWords {
		rs.wordShape.add(rune(w[0]), len(w))
	}
	if err := rs.units.finish(); err != nil {
		return err
	}
	if err := rs.lex.finish(); err != nil {
		return err
	}
	for _, d := range rs.units.defs {
		for _, sym := range d.Symbols {
			if d.ctx != nil && rs.digits.suffixes[sym] != 0 {
				rs.units.suffixCtx[sym] = true // 8,848 m above sea level
			}
		}
	}
	if rs.per != nil {
		return rs.per.resolve(&rs.units)
	}
	return nil
}

// CompileRegexp compiles a user pattern, naming the field on error; an
// empty pattern is no pattern.
func CompileRegexp(field, pattern string) (*regexp.Regexp, error) {
	if pattern == "" {
		return nil, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		msg := err.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 && strings.HasPrefix(msg, "error parsing regexp") {
			msg = msg[len("error parsing regexp: "):]
		}
		return nil, fieldErr(field, "%s", msg)
	}
	return re, nil
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nonASCIIStart is the union of the sets of runes that readOne tries a
// reader at, for the runes that are not ASCII (Latin letters are looked up
// word by word).
func nonASCIIStart(rs *Engine) *runeSet {
	out := &runeSet{}
	out.union(&rs.fixed.trie.first)
	out.union(rs.cjkStart)
	for c := rune(0x3041); c <= 0x309F; c++ { // hiragana only: readOne tries kana numbers at no other rune
		if isHiragana(c) && rs.kana.first.has(c) {
			out.add(c)
		}
	}
	if rs.mult != nil {
		out.union(&rs.mult.trie.first)
	}
	return out
}
