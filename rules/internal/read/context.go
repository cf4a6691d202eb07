package read

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// Context rules look at the text around a quantity through anchored
// patterns over a bounded window, so that their cost per quantity does not
// grow with the length of the line.
const window = 48

// form gives a quantity a kind (doubling_time, growth_rate) or a role in a
// change statement (from, to), from the words around it.
type form struct {
	id        string
	kind      string
	change    string
	direction string
	role      string
	kinds     map[string]bool
	before    *backward
	after     *forward
	unless    *forward // a further after-pattern that cancels the form
	// unlessBefore is a further before-pattern that cancels the form
	// ("comes to" is no change's end).
	unlessBefore *backward
	// beforeWords and afterWords are word lists matched by a trie, next to
	// the figure across up to two spaces: the cheap form of a list of
	// words, where a pattern would cost a regexp run per figure.
	beforeWords, afterWords *trie
}

// FormDef defines a form: the kind or change it gives, the unit kinds it
// applies to, and the patterns before and after the quantity.
type FormDef struct {
	Kind         string   `yaml:"kind"`
	Change       string   `yaml:"change"`
	Direction    string   `yaml:"direction"`
	Role         string   `yaml:"role"`
	UnitKinds    []string `yaml:"unit_kinds"`
	Before       string   `yaml:"before"`
	After        string   `yaml:"after"`
	UnlessAfter  string   `yaml:"unless_after"`
	UnlessBefore string   `yaml:"unless_before"`
	// BeforeWords (AfterWords) are words that end (start) next to the
	// figure; given with a Before (After) pattern they are its filter:
	// both must match, and the pattern runs only where a word does.
	BeforeWords []string `yaml:"before_words"`
	AfterWords  []string `yaml:"after_words"`
}

// exclusion drops a number that is part of a name, a reference, a date,
// a URL or a line of code.
type exclusion struct {
	id       string
	readers  map[string]bool // only numbers read by these rules; empty: all
	kinds    map[string]bool // only claims of these unit kinds; empty: all
	bareOnly bool
	before   *backward
	after    *forward
	// afterFigure is matched after the whole figure (its unit and the
	// end of its range), where after is matched after the number itself.
	afterFigure  *forward
	unlessBefore *backward
	unlessAfter  *forward
	figure       *regexp.Regexp // the figure as written, whole
	token        *regexp.Regexp
	tokenNeed    needSet // runes one of which a token must hold for token to match
	figureNeed   needSet // runes one of which a figure must hold for figure to match
	line         *regexp.Regexp
	contains     []string
	except       map[string]bool
}

// ExcludeDef defines an exclusion: the readers and patterns that drop a
// number. Every pattern given must match; an unless pattern that matches
// keeps the number. Before and unless_before end where the claim starts
// (its currency and qualifier included), after starts right after the
// number, after_figure and unless_after after the figure: its unit and the
// end of its range (１〜７日, three weeks ago). Figure must match the figure
// whole (0\d+ is a code); token, the run of non-space text around it.
type ExcludeDef struct {
	Readers      []string `yaml:"readers"`
	UnitKinds    []string `yaml:"unit_kinds"`
	BareOnly     bool     `yaml:"bare_only"`
	Before       string   `yaml:"before"`
	After        string   `yaml:"after"`
	AfterFigure  string   `yaml:"after_figure"`
	UnlessBefore string   `yaml:"unless_before"`
	UnlessAfter  string   `yaml:"unless_after"`
	Figure       string   `yaml:"figure"`
	Token        string   `yaml:"token"`
	Line         string   `yaml:"line"`
	Contains     []string `yaml:"line_contains"`
	Except       []string `yaml:"except"`
}

// Form adds a form.
func (b *Builder) Form(id string, raw FormDef) error {
	if raw.Kind == "" && raw.Change == "" && raw.Direction == "" && raw.Role == "" {
		return fieldErr("kind", "a form needs a kind, a change, a direction or a role")
	}
	if raw.Change != "" && raw.Change != "from" && raw.Change != "to" {
		return fieldErr("change", "%q is not from or to", raw.Change)
	}
	if raw.Direction != "" && raw.Direction != "up" && raw.Direction != "down" {
		return fieldErr("direction", "%q is not up or down", raw.Direction)
	}
	switch raw.Role {
	case "", "base", "per", "total", "rejected", "end":
	default:
		return fieldErr("role", "%q is not base, per, total, rejected or end", raw.Role)
	}
	f := form{id: id, kind: raw.Kind, change: raw.Change, direction: raw.Direction, role: raw.Role, kinds: set(raw.UnitKinds)}
	var err error
	if f.before, err = compileBackward("before", raw.Before); err != nil {
		return err
	}
	if f.after, err = compileForward("after", raw.After); err != nil {
		return err
	}
	if f.unless, err = compileForward("unless_after", raw.UnlessAfter); err != nil {
		return err
	}
	if f.unlessBefore, err = compileBackward("unless_before", raw.UnlessBefore); err != nil {
		return err
	}
	if f.beforeWords, err = wordTrie("before_words", raw.BeforeWords, true); err != nil {
		return err
	}
	if f.afterWords, err = wordTrie("after_words", raw.AfterWords, false); err != nil {
		return err
	}
	if f.before == nil && f.after == nil && f.beforeWords == nil && f.afterWords == nil {
		return fieldErr("before", "a form needs a before or an after pattern, or words")
	}
	b.rs.forms = append(b.rs.forms, f)
	return nil
}

// wordTrie builds the trie of a form's word list; nil for none.
func wordTrie(field string, words []string, reverse bool) (*trie, error) {
	if len(words) == 0 {
		return nil, nil
	}
	tr := &trie{reverse: reverse}
	for i, w := range words {
		if strings.TrimSpace(w) == "" {
			return nil, fieldErr(field, "word %d is empty", i+1)
		}
		tr.add(w, i)
	}
	return tr, nil
}

// Exclude adds an exclusion.
func (b *Builder) Exclude(id string, raw ExcludeDef) error {
	e := exclusion{id: id, readers: set(raw.Readers), kinds: set(raw.UnitKinds), bareOnly: raw.BareOnly,
		except: set(raw.Except), contains: raw.Contains}
	var err error
	for _, p := range []struct {
		field, pat string
		dst        **backward
	}{{"before", raw.Before, &e.before}, {"unless_before", raw.UnlessBefore, &e.unlessBefore}} {
		if *p.dst, err = compileBackward(p.field, p.pat); err != nil {
			return err
		}
	}
	for _, p := range []struct {
		field, pat string
		dst        **forward
	}{{"after", raw.After, &e.after}, {"after_figure", raw.AfterFigure, &e.afterFigure}, {"unless_after", raw.UnlessAfter, &e.unlessAfter}} {
		if *p.dst, err = compileForward(p.field, p.pat); err != nil {
			return err
		}
	}
	figure := ""
	if raw.Figure != "" {
		figure = "^(?:" + raw.Figure + ")$"
	}
	for _, p := range []struct {
		field, pat string
		dst        **regexp.Regexp
	}{{"token", raw.Token, &e.token}, {"line", anchorStart(raw.Line), &e.line}, {"figure", figure, &e.figure}} {
		re, err := CompileRegexp(p.field, p.pat)
		if err != nil {
			return err
		}
		*p.dst = re
	}
	e.tokenNeed, e.figureNeed = needOfPattern(e.token, raw.Token), needOfPattern(e.figure, figure)
	if e.before == nil && e.after == nil && e.afterFigure == nil && e.figure == nil && e.token == nil && e.line == nil && len(e.contains) == 0 {
		return fieldErr("before", "an exclusion needs before, after, after_figure, figure, token, line or line_contains")
	}
	if len(e.except) > 0 && (e.before == nil || e.before.name < 0) {
		return fieldErr("except", "needs a before pattern with a (?P<name>…) group")
	}
	b.rs.excl = append(b.rs.excl, e)
	return nil
}

// needOfPattern is the need set of a compiled pattern's source (any for none).
func needOfPattern(re *regexp.Regexp, src string) needSet {
	if re != nil {
		if tree, err := syntax.Parse(src, syntax.Perl); err == nil { // it compiled: it parses
			return needOf(tree.Simplify())
		}
	}
	return needSet{firstSet{any: true}}
}

func anchorStart(p string) string {
	if p == "" {
		return ""
	}
	return "^(?:" + p + ")"
}
