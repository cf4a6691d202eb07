package rules

import (
	"regexp"
)

// Context rules look at the text around a quantity through anchored
// patterns over a bounded window, so that their cost per quantity does not
// grow with the length of the line.
const window = 48

// form gives a quantity a kind (doubling_time, growth_rate) or a role in a
// change statement (from, to), from the words around it.
type form struct {
	id     string
	kind   string
	change string
	kinds  map[string]bool
	before *backward
	after  *forward
	unless *forward // a further after-pattern that cancels the form
}

type rawForm struct {
	Kind        string   `yaml:"kind"`
	Change      string   `yaml:"change"`
	UnitKinds   []string `yaml:"unit_kinds"`
	Before      string   `yaml:"before"`
	After       string   `yaml:"after"`
	UnlessAfter string   `yaml:"unless_after"`
}

// exclusion drops a number that is part of a name, a reference, a date,
// a URL or a line of code.
type exclusion struct {
	id       string
	readers  map[string]bool // only numbers read by these rules; empty: all
	bareOnly bool
	before   *backward
	after    *forward
	token    *regexp.Regexp
	line     *regexp.Regexp
	contains []string
	except   map[string]bool
}

type rawExclusion struct {
	Readers  []string `yaml:"readers"`
	BareOnly bool     `yaml:"bare_only"`
	Before   string   `yaml:"before"`
	After    string   `yaml:"after"`
	Token    string   `yaml:"token"`
	Line     string   `yaml:"line"`
	Contains []string `yaml:"line_contains"`
	Except   []string `yaml:"except"`
}

// rangeDef joins two numbers into one interval: 18-24, 3–4x, between 20 and 35.
type rangeDef struct {
	id         string
	connectors trie
	notAfter   *backward
	between    *backward
	joiners    trie
}

type rawRange struct {
	Connectors []string `yaml:"connectors"`
	NotAfter   string   `yaml:"not_after"`
	Between    string   `yaml:"between"`
	Joiners    []string `yaml:"joiners"`
}

func init() {
	register("form", compileForm)
	register("exclude", compileExclusion)
	register("range", compileRange)
}

func compileForm(rs *Ruleset, r rawRule) error {
	var raw rawForm
	if err := r.decodeStrict(&raw); err != nil {
		return err
	}
	if raw.Kind == "" && raw.Change == "" {
		return r.fieldErr("kind", "a form needs a kind or a change")
	}
	if raw.Change != "" && raw.Change != "from" && raw.Change != "to" {
		return r.fieldErr("change", "%q is not from or to", raw.Change)
	}
	f := form{id: r.ID, kind: raw.Kind, change: raw.Change, kinds: set(raw.UnitKinds)}
	var err error
	if f.before, err = compileBackward(r, "before", raw.Before); err != nil {
		return err
	}
	if f.after, err = compileForward(r, "after", raw.After); err != nil {
		return err
	}
	if f.unless, err = compileForward(r, "unless_after", raw.UnlessAfter); err != nil {
		return err
	}
	if f.before == nil && f.after == nil {
		return r.fieldErr("before", "a form needs a before or an after pattern")
	}
	rs.forms = append(rs.forms, f)
	return nil
}

func compileExclusion(rs *Ruleset, r rawRule) error {
	var raw rawExclusion
	if err := r.decodeStrict(&raw); err != nil {
		return err
	}
	e := exclusion{id: r.ID, readers: set(raw.Readers), bareOnly: raw.BareOnly, except: set(raw.Except),
		contains: raw.Contains}
	var err error
	if e.before, err = compileBackward(r, "before", raw.Before); err != nil {
		return err
	}
	if e.after, err = compileForward(r, "after", raw.After); err != nil {
		return err
	}
	pats := []struct {
		field, pat string
		dst        **regexp.Regexp
	}{{"token", raw.Token, &e.token}, {"line", anchorStart(raw.Line), &e.line}}
	for _, p := range pats {
		re, err := compileRegexp(r, p.field, p.pat)
		if err != nil {
			return err
		}
		*p.dst = re
	}
	if e.before == nil && e.after == nil && e.token == nil && e.line == nil && len(e.contains) == 0 {
		return r.fieldErr("before", "an exclusion needs before, after, token, line or line_contains")
	}
	if len(e.except) > 0 && (e.before == nil || e.before.name < 0) {
		return r.fieldErr("except", "needs a before pattern with a (?P<name>…) group")
	}
	rs.excl = append(rs.excl, e)
	return nil
}

func compileRange(rs *Ruleset, r rawRule) error {
	var raw rawRange
	if err := r.decodeStrict(&raw); err != nil {
		return err
	}
	if len(raw.Connectors) == 0 {
		return r.fieldErr("connectors", "a range needs connectors")
	}
	d := &rangeDef{id: r.ID}
	for i, c := range raw.Connectors {
		d.connectors.add(c, i)
	}
	for i, c := range raw.Joiners {
		d.joiners.add(c, i)
	}
	var err error
	if d.notAfter, err = compileBackward(r, "not_after", raw.NotAfter); err != nil {
		return err
	}
	if d.between, err = compileBackward(r, "between", raw.Between); err != nil {
		return err
	}
	rs.ranges = d
	return nil
}

func anchorStart(p string) string {
	if p == "" {
		return ""
	}
	return "^(?:" + p + ")"
}
