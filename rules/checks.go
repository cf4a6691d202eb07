package rules

import (
	"regexp"

	"github.com/factsheet-dev/factsheet/rules/internal/read"
)

// CheckDef is one check as configured: which check it is and its settings.
// The pipeline's check registry turns it into a running check.
type CheckDef struct {
	ID          string
	Check       string
	Description string
	File        string
	Line, Col   int
	// Approx is the relative slack of an approximate figure (about 25%).
	Approx float64
	// Tolerance widens what a computation gives, relative to its size: the
	// rounding people do when they convert or multiply by hand.
	Tolerance float64
	// Patterns are further named cues a check reads (the words of a total,
	// of an equality), each compiled once.
	Patterns map[string]*regexp.Regexp
	// Opposites are sets of words that tell one figure from another of the
	// same kind (real and nominal, gross and net, 出生 and 死亡): two clauses
	// that each use a different word of one set speak of two things.
	Opposites [][]string
	// Pattern is the check's own trigger: the words of a comparison ("faster",
	// 快), of a total ("就是", "comes to") or of a change ("grew by").
	Pattern *regexp.Regexp
}

type rawCheck struct {
	Check     string            `yaml:"check"`
	Approx    float64           `yaml:"approx"`
	Tolerance float64           `yaml:"tolerance"`
	Pattern   string            `yaml:"pattern"`
	Patterns  map[string]string `yaml:"patterns"`
	Opposites [][]string        `yaml:"opposites"`
}

func init() {
	register("check", func(rs *Ruleset, _ *read.Builder, r rawRule) error {
		var raw rawCheck
		if err := r.decodeStrict(&raw); err != nil {
			return err
		}
		if raw.Check == "" {
			return r.fieldErr("check", "missing")
		}
		if raw.Approx < 0 || raw.Approx >= 1 {
			return r.fieldErr("approx", "must be in [0, 1)")
		}
		if raw.Tolerance < 0 || raw.Tolerance >= 1 {
			return r.fieldErr("tolerance", "must be in [0, 1)")
		}
		re, err := read.CompileRegexp("pattern", raw.Pattern)
		if err != nil {
			return r.wrap(err)
		}
		d := CheckDef{ID: r.ID, Check: raw.Check, Description: r.Description, File: r.file, Line: r.node.Line,
			Col: r.node.Column, Approx: raw.Approx, Tolerance: raw.Tolerance, Pattern: re, Opposites: raw.Opposites}
		for _, set := range raw.Opposites {
			if len(set) < 2 {
				return r.fieldErr("opposites", "a set of opposites needs two words or more, got %q", set)
			}
		}
		for name, p := range raw.Patterns {
			if d.Patterns == nil {
				d.Patterns = map[string]*regexp.Regexp{}
			}
			if d.Patterns[name], err = read.CompileRegexp("patterns."+name, p); err != nil {
				return r.wrap(err)
			}
		}
		rs.checks = append(rs.checks, d)
		return nil
	})
}

// Checks lists the enabled checks in the order they were configured.
func (rs *Ruleset) Checks() []CheckDef { return rs.checks }

// CheckError reports a check whose name no check implements, at its rule.
func (d CheckDef) Error(field, msg string) error {
	return &Error{File: d.File, Line: d.Line, Col: d.Col, Rule: d.ID, Field: field, Msg: msg}
}
