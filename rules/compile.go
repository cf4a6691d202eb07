package rules

import (
	"errors"
	"sort"
	"strings"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/rules/internal/read"
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

// Ruleset is every rule compiled once: the engine that reads text, and
// what the rule files say of themselves (for listings and example runs) and
// of the checks.
type Ruleset struct {
	info   []Info
	eng    *read.Engine
	checks []CheckDef
}

// Rules lists the compiled rules in the order they were read.
func (rs *Ruleset) Rules() []Info { return rs.info }

// compiler turns one raw rule of a type into its part of the Ruleset: a
// definition for the engine's builder, or a check.
type compiler func(rs *Ruleset, b *read.Builder, r rawRule) error

// registry maps a rule type to its compiler; a new rule type registers here
// instead of growing a switch.
var registry = map[string]compiler{}

func register(typ string, c compiler) { registry[typ] = c }

// engineRule registers a rule type that the engine reads: the rule decodes
// into the engine's definition D, which add hands to the builder.
func engineRule[D any](typ string, add func(b *read.Builder, id string, d D) error) {
	generatedRule(typ, nil, add)
}

// generatedRule is engineRule for a type that CLDR's generated files also
// hold: mark tells the definition whether its rule was generated, so that
// it yields its aliases to a hand-written rule.
func generatedRule[D any](typ string, mark func(d *D, generated bool), add func(b *read.Builder, id string, d D) error) {
	register(typ, func(_ *Ruleset, b *read.Builder, r rawRule) error {
		var d D
		if err := r.decodeStrict(&d); err != nil {
			return err
		}
		if mark != nil {
			mark(&d, r.generated)
		}
		return r.wrap(add(b, r.ID, d))
	})
}

func init() {
	engineRule("digits", (*read.Builder).Digits)
	engineRule("words", (*read.Builder).Words)
	engineRule("cjk", (*read.Builder).CJK)
	engineRule("kana", (*read.Builder).Kana)
	engineRule("fixed", (*read.Builder).Fixed)
	engineRule("vague", (*read.Builder).Vague)
	engineRule("multiplier", (*read.Builder).Multiplier)
	generatedRule("unit", func(d *read.UnitDef, g bool) { d.Generated = g }, (*read.Builder).Unit)
	engineRule("prefixes", (*read.Builder).Prefixes)
	engineRule("qualifier", (*read.Builder).Qualifier)
	engineRule("form", (*read.Builder).Form)
	engineRule("exclude", (*read.Builder).Exclude)
	engineRule("range", (*read.Builder).Range)
	engineRule("per", (*read.Builder).Per)
	engineRule("period", (*read.Builder).Period)
	generatedRule("subject", func(d *read.LexiconDef, g bool) { d.Generated = g }, (*read.Builder).Subject)
	engineRule("metric", (*read.Builder).Metric)
	engineRule("keywords", (*read.Builder).Keywords)
}

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
	merged, err := mergeByID(files)
	if err != nil {
		return nil, err
	}
	rs := &Ruleset{}
	b := read.NewBuilder()
	for _, r := range merged {
		if r.Disabled {
			continue
		}
		c, ok := registry[r.Type]
		if !ok {
			return nil, r.fieldErr("type", "unknown type %q (valid: %s)", r.Type, ruleTypes())
		}
		if err := c(rs, b, r); err != nil {
			return nil, err
		}
		rs.info = append(rs.info, Info{ID: r.ID, Type: r.Type, Description: r.Description,
			File: r.file, Line: r.node.Line, Examples: r.Examples})
	}
	eng, err := b.Build()
	if err != nil {
		return nil, ruleOf(merged, err).wrap(err)
	}
	rs.eng = eng
	return rs, nil
}

// mergeByID lets a later rule of an id replace an earlier one. A user's
// rule does so only by saying replace: true (or turning it off with
// disabled: true), so that a new rule that happens to reuse a default's id
// never replaces it by surprise; and a replace or disabled that names no
// rule is an error, as a misspelt id would otherwise change nothing.
func mergeByID(files [][]rawRule) ([]rawRule, error) {
	var out []rawRule
	at := map[string]int{}
	for _, f := range files {
		for _, r := range f {
			i, ok := at[r.ID]
			if err := r.replaces(ok, out, i); err != nil {
				return nil, err
			}
			if ok {
				out[i] = r
				continue
			}
			at[r.ID] = len(out)
			out = append(out, r)
		}
	}
	return out, nil
}

// replaces checks a user's rule against the earlier rule of its id, if any.
func (r rawRule) replaces(exists bool, earlier []rawRule, i int) error {
	if !r.user {
		return nil
	}
	switch {
	case exists && !r.Replace && !r.Disabled:
		e := earlier[i]
		return r.fieldErr("id", "%s:%d has a rule of this id: add replace: true to replace it, or choose another id", e.file, e.node.Line)
	case !exists && r.Replace:
		return r.fieldErr("replace", "no rule %q to replace", r.ID)
	case !exists && r.Disabled:
		return r.fieldErr("disabled", "no rule %q to turn off", r.ID)
	}
	return nil
}

// ruleOf finds the rule that an error of the whole build names.
func ruleOf(merged []rawRule, err error) rawRule {
	var fe *read.FieldError
	if errors.As(err, &fe) {
		for _, r := range merged {
			if r.ID == fe.Rule {
				return r
			}
		}
	}
	return rawRule{}
}

// The built-in rule files, as messages name them.
const (
	BuiltinUnits  = "units.cldr.yaml (built in)"
	BuiltinPlaces = "places.cldr.yaml (built in)"
	BuiltinConfig = "config.yaml (built in)"
)

// Default compiles the built-in rules, the unit and place rules generated
// from CLDR (units.cldr.yaml, places.cldr.yaml) and then config.yaml, whose
// unit and subject aliases win over the generated ones, extended or
// overridden by the user's rule files, in order.
func Default(files ...string) (*Ruleset, error) {
	// The built-in files are parsed side by side: parsing YAML is most of a
	// short run's start.
	var units, places []rawRule
	var uerr, perr error
	done := make(chan struct{}, 2)
	go func() {
		defer func() { done <- struct{}{} }()
		units, uerr = Parse(BuiltinUnits, factsheet.GeneratedUnits)
	}()
	go func() {
		defer func() { done <- struct{}{} }()
		places, perr = Parse(BuiltinPlaces, factsheet.GeneratedPlaces)
	}()
	base, err := Parse(BuiltinConfig, factsheet.DefaultConfig)
	<-done
	<-done
	for _, e := range []error{uerr, perr, err} {
		if e != nil {
			return nil, e
		}
	}
	return compileWith([][]rawRule{units, places, base}, files)
}

// Load compiles the default rules (data, reported as name) extended or
// overridden by the rule files, in order.
func Load(name string, data []byte, files ...string) (*Ruleset, error) {
	base, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	return compileWith([][]rawRule{base}, files)
}

// compileWith compiles parsed rules extended or overridden by the rule
// files, in order.
func compileWith(all [][]rawRule, files []string) (*Ruleset, error) {
	for _, f := range files {
		rr, err := ReadFile(f)
		if err != nil {
			return nil, err
		}
		for i := range rr {
			rr[i].user = true
		}
		all = append(all, rr)
	}
	return Compile(all...)
}
