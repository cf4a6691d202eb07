package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Info describes one compiled rule, for listings, reports and example runs.
type Info struct {
	ID          string
	Type        string
	Description string
	File        string
	Line        int
	Examples    []Example
}

// Ruleset is every rule compiled once, ready to extract claims from text.
type Ruleset struct {
	info   []Info
	digits digitTable
	words  wordTable
	cjk    cjkTable
	vague  vagueTable
	fixed  fixedTable
	units  unitTable
	quals  qualTable
	forms  []form
	excl   []exclusion
	ranges *rangeDef

	// Trigger sets, built once: only where one of these starts does a
	// reader run, so that most of a text costs one lookup per rune.
	cjkStart    *runeSet
	signFirst   *runeSet // first letters of sign words (minus, negative)
	numberWords map[string]bool
	wordShape   shapes // the first letters and lengths of the number words
	periods     periodTable
	lex         lexicon
	kana        kanaTable
	checks      []CheckDef
}

// Rules lists the compiled rules in the order they were read.
func (rs *Ruleset) Rules() []Info { return rs.info }

// compiler turns one raw rule of a type into its part of the Ruleset.
type compiler func(rs *Ruleset, r rawRule) error

// registry maps a rule type to its compiler; a new rule type registers here
// instead of growing a switch.
var registry = map[string]compiler{}

func register(typ string, c compiler) { registry[typ] = c }

func ruleTypes() string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Compile validates the raw rules of one or more files, later files
// replacing earlier rules of the same id, and builds the Ruleset.
func Compile(files ...[]rawRule) (*Ruleset, error) {
	merged := mergeByID(files)
	rs := newRuleset()
	for _, r := range merged {
		if r.Disabled {
			continue
		}
		c, ok := registry[r.Type]
		if !ok {
			return nil, r.fieldErr("type", "unknown type %q (valid: %s)", r.Type, ruleTypes())
		}
		if err := c(rs, r); err != nil {
			return nil, err
		}
		rs.info = append(rs.info, Info{ID: r.ID, Type: r.Type, Description: r.Description,
			File: r.file, Line: r.node.Line, Examples: r.Examples})
	}
	if err := rs.finish(); err != nil {
		return nil, err
	}
	return rs, nil
}

func mergeByID(files [][]rawRule) []rawRule {
	var out []rawRule
	at := map[string]int{}
	for _, f := range files {
		for _, r := range f {
			if i, ok := at[r.ID]; ok {
				out[i] = r
				continue
			}
			at[r.ID] = len(out)
			out = append(out, r)
		}
	}
	return out
}

func newRuleset() *Ruleset {
	return &Ruleset{
		digits:  newDigitTable(),
		words:   newWordTable(),
		cjk:     newCJKTable(),
		vague:   newVagueTable(),
		units:   newUnitTable(),
		quals:   newQualTable(),
		periods: newPeriodTable(),
	}
}

// finish runs the checks that need every rule (aliases that shadow each
// other) and builds the trigger sets.
func (rs *Ruleset) finish() error {
	rs.cjkStart = rs.cjk.startSet()
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
	for w := range rs.numberWords {
		rs.wordShape.add(rune(w[0]), len(w))
	}
	return rs.units.finish()
}

// compileRegexp compiles a user pattern, naming the rule and field on error.
func compileRegexp(r rawRule, field, pattern string) (*regexp.Regexp, error) {
	if pattern == "" {
		return nil, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		msg := err.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 && strings.HasPrefix(msg, "error parsing regexp") {
			msg = msg[len("error parsing regexp: "):]
		}
		return nil, r.fieldErr(field, "%s", msg)
	}
	return re, nil
}

// dupErr reports one alias claimed by two rules.
func dupErr(r rawRule, field, alias, other string) error {
	return r.fieldErr(field, "%s", fmt.Sprintf("alias %q is already defined by rule %q", alias, other))
}

// Load compiles the default rules (data, reported as name) extended or
// overridden by the rule files, in order.
func Load(name string, data []byte, files ...string) (*Ruleset, error) {
	base, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	all := [][]rawRule{base}
	for _, f := range files {
		rr, err := ReadFile(f)
		if err != nil {
			return nil, err
		}
		all = append(all, rr)
	}
	return Compile(all...)
}
