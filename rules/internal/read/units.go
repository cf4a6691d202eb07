package read

import "math"

// unitTable maps unit aliases, with SI prefixes where a unit takes them, to
// canonical units. Symbols match with their case (MW is not mW); words
// match in any case and only as whole words (a mix is no mile).
type unitTable struct {
	defs     []unitDef
	prefixes prefixTable
	aliases  []unitAlias
	sym      trie // after the number, exact case
	word     trie // after the number, any case
	before   trie // before the number (currency signs), reversed
	owner    map[string]string
	// hand holds the aliases of hand-written units (symbols as written,
	// words and before-aliases folded), which generated units yield.
	hand map[string]bool
	// the aliases of units with a context (unitctx.go), read before the
	// others where their context holds; suffixCtx holds those that are
	// also scale suffixes of the digits rule (m)
	csym, cword, cbefore trie
	ctxDefs              int
	suffixCtx            map[string]bool
}

// UnitDef defines one unit: its canonical name, its aliases (symbols match
// with their case, words in any case, before stands before the number) and
// what one of it is in the canonical unit.
type UnitDef struct {
	Canonical string   `yaml:"canonical"`
	Kind      string   `yaml:"kind"`
	Symbols   []string `yaml:"symbols"`
	Words     []string `yaml:"words"`
	Before    []string `yaml:"before"`
	Prefixes  bool     `yaml:"prefixes"`
	// PrefixedOnly reads the aliases with a prefix only: Mbps and Gbps
	// are bit rates, bps alone is basis points.
	PrefixedOnly bool    `yaml:"prefixed_only"`
	Factor       float64 `yaml:"factor"`
	// Offset is added after the factor: °F is 5/9 °C + (-160/9).
	Offset     float64 `yaml:"offset"`
	PowerOf    float64 `yaml:"power_of"`
	Classifier bool    `yaml:"classifier"`
	// Subunit words (cents, 角) and what one is worth: 3 dollars 50 cents is
	// 3.5, 50元6角3分 is 50.63. SubunitBare is what a number with no word is
	// worth (thirteen dollars forty-five), 0 where it is not read.
	Subunit     map[string]float64 `yaml:"subunit"`
	SubunitBare float64            `yaml:"subunit_bare"`
	// WithSubunit reads the unit only where a subunit follows: 分 before
	// 30秒 is minutes, alone a cent, a point or a tenth.
	WithSubunit bool `yaml:"with_subunit"`
	// Context, when set, reads the unit only where it holds (unitctx.go);
	// its aliases may be another unit's elsewhere.
	Context *UnitContext `yaml:"context"`
	// Generated marks a unit of a generated rule file (units.cldr.yaml):
	// an alias that a hand-written unit claims is dropped from it instead of
	// being an error.
	Generated bool `yaml:"-"`
}

// unitDef is a unit with the id of its rule, which claims name.
type unitDef struct {
	UnitDef
	ID  string
	ctx *unitCtx
}

// PrefixesDef defines the SI prefixes that units with Prefixes take, for
// their symbols (k, M) and their words (kilo, mega).
type PrefixesDef struct {
	Symbols map[string]float64 `yaml:"symbols"`
	Words   map[string]float64 `yaml:"words"`
}

type unitAlias struct {
	def    int
	factor float64
}

type prefixTable struct {
	symbols map[string]float64
	words   map[string]float64
}

func newUnitTable() unitTable {
	return unitTable{sym: trie{exact: true}, before: trie{reverse: true}, owner: map[string]string{}, hand: map[string]bool{},
		csym: trie{exact: true}, cbefore: trie{reverse: true}, suffixCtx: map[string]bool{}}
}

// Unit adds a unit. Its aliases are checked when the engine is built, once
// the prefixes are known.
func (b *Builder) Unit(id string, d UnitDef) error {
	if len(d.Symbols)+len(d.Words)+len(d.Before) == 0 {
		return fieldErr("symbols", "a unit needs symbols, words or before")
	}
	if d.Factor == 0 {
		d.Factor = 1
	}
	if math.IsNaN(d.Offset) || math.IsInf(d.Offset, 0) {
		return fieldErr("offset", "must be a finite number")
	}
	if d.PrefixedOnly && !d.Prefixes {
		return fieldErr("prefixed_only", "a unit read only with prefixes needs prefixes: true")
	}
	if d.Offset != 0 && (d.Prefixes || d.PowerOf != 0 || len(d.Subunit) > 0) {
		return fieldErr("offset", "a unit with an offset takes no prefixes, power_of or subunit")
	}
	ctx, err := compileUnitCtx(d.Context)
	if err != nil {
		return err
	}
	if ctx != nil && d.Generated {
		return fieldErr("context", "a generated unit takes no context")
	}
	b.rs.units.defs = append(b.rs.units.defs, unitDef{d, id, ctx})
	return nil
}

// Prefixes sets the SI prefixes.
func (b *Builder) Prefixes(_ string, raw PrefixesDef) error {
	b.rs.units.prefixes = prefixTable{symbols: raw.Symbols, words: raw.Words}
	return nil
}

// finish builds the tries once every unit and the prefixes are known, and
// rejects an alias that two hand-written units, or two generated ones,
// claim: one would silently never match. Hand-written units go first and
// win: an alias of theirs is dropped from the generated units. An error
// names the rule of the unit at fault.
func (u *unitTable) finish() error {
	for _, generated := range []bool{false, true} {
		for i, d := range u.defs {
			if d.Generated != generated {
				continue
			}
			if err := u.addDef(i, d); err != nil {
				return err
			}
		}
	}
	return nil
}

func (u *unitTable) addDef(i int, d unitDef) error {
	adds := []struct {
		field string
		list  []string
		tr    *trie
		pre   map[string]float64
	}{{"symbols", d.Symbols, &u.sym, u.prefixes.symbols}, {"words", d.Words, &u.word, u.prefixes.words},
		{"before", d.Before, &u.before, nil}}
	if d.ctx != nil { // read where the context holds, before the others
		u.ctxDefs++
		adds[0].tr, adds[1].tr, adds[2].tr = &u.csym, &u.cword, &u.cbefore
	}
	for _, a := range adds {
		for _, alias := range a.list {
			bare := !d.PrefixedOnly || a.pre == nil // a before-alias takes no prefix
			if bare {
				if err := u.add(d, a.field, a.tr, alias, i, d.Factor); err != nil {
					return err
				}
			}
			if !d.Prefixes {
				continue
			}
			for p, f := range a.pre {
				if err := u.add(d, a.field, a.tr, p+alias, i, d.Factor*f); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (u *unitTable) add(d unitDef, field string, tr *trie, alias string, def int, factor float64) error {
	if alias == "" {
		return &FieldError{Rule: d.ID, Field: field, Msg: "an alias is empty"}
	}
	low := lowerString(alias)
	key := field[:1] + "\x00" + alias
	if field == "words" {
		key = field[:1] + "\x00" + low
	}
	if d.ctx != nil {
		key = "c" + key // a unit with a context shares its aliases with the one without
	}
	if d.Generated && u.handClaims(field, alias, low) {
		return nil
	}
	if other, ok := u.owner[key]; ok && other != d.ID {
		err := dupErr(field, alias, other)
		err.Rule = d.ID
		return err
	}
	u.owner[key] = d.ID
	if !d.Generated && d.ctx == nil {
		u.hand[handKey(field, alias, low)] = true
		if field == "symbols" {
			u.hand["S\x00"+low] = true
		}
	}
	u.aliases = append(u.aliases, unitAlias{def: def, factor: factor})
	tr.add(alias, len(u.aliases)-1)
	return nil
}

// handClaims reports whether a hand-written unit reads a generated alias:
// the same symbol, or a word or before-alias in any case. A symbol that
// differs in case only (Mb beside MB) is another unit and stays.
func (u *unitTable) handClaims(field, alias, low string) bool {
	switch field {
	case "symbols":
		return u.hand["s\x00"+alias] || u.hand["w\x00"+low]
	case "words":
		return u.hand["w\x00"+low] || u.hand["S\x00"+low]
	}
	return u.hand["b\x00"+low]
}

func handKey(field, alias, low string) string {
	if field == "symbols" {
		return "s\x00" + alias
	}
	return field[:1] + "\x00" + low
}

// unitHit is a unit found next to a number.
type unitHit struct {
	def        *unitDef
	factor     float64
	start, end int
}

// convert takes a value in the unit to the canonical unit.
func (h unitHit) convert(v float64) float64 {
	return v*h.factor + h.def.Offset
}

// after finds the longest unit starting at j (after optional spaces).
func (u *unitTable) after(t *text, j int) (unitHit, bool) {
	k := t.skipSpaces(j, 4)
	if t.at(k) == '-' && isLatin(t.at(k+1)) && k == j { // a trillion-dollar cluster
		if h, ok := u.after(t, k+1); ok && h.start == k+1 {
			return h, true
		}
	}
	return u.longest(t, k, func(v, end int) bool { return boundaryAfter(t, end) })
}

// afterKind finds the longest unit of the kind starting at j (after
// optional spaces): "miles" in "26 miles per hour", where after reads the
// speed "miles per hour".
func (u *unitTable) afterKind(t *text, j int, kind string) (unitHit, bool) {
	return u.longest(t, t.skipSpaces(j, 4), func(v, end int) bool {
		return boundaryAfter(t, end) && u.defs[u.aliases[v].def].Kind == kind
	})
}

// longest is the longest symbol or word of a unit at k that ok accepts.
func (u *unitTable) longest(t *text, k int, ok func(v, end int) bool) (unitHit, bool) {
	best, bestEnd := -1, k
	for _, tr := range []*trie{&u.sym, &u.word} {
		if v, end := tr.match(t, k, ok); v >= 0 && end > bestEnd {
			best, bestEnd = v, end
		}
	}
	if best < 0 {
		return unitHit{}, false
	}
	a := u.aliases[best]
	return unitHit{def: &u.defs[a.def], factor: a.factor, start: k, end: bestEnd}, true
}

// beforeAt finds a currency sign or code that ends at i (before spaces).
func (u *unitTable) beforeAt(t *text, i int) (unitHit, bool) {
	k := t.backSpaces(i, 1)
	v, start := u.before.match(t, k, func(v, start int) bool { return boundaryBefore(t, start) })
	if v < 0 || k != i && k-start == 1 && isLatin(t.at(start)) { // W1.5 billion, but W 42nd Street
		return unitHit{}, false
	}
	a := u.aliases[v]
	return unitHit{def: &u.defs[a.def], factor: a.factor, start: start, end: k}, true
}

// repeat extends a unit over a repetition in brackets: 5 gigawatts (GW).
func (u *unitTable) repeat(t *text, h unitHit) int {
	k := t.skipSpaces(h.end, 1)
	if t.at(k) != '(' {
		return h.end
	}
	h2, ok := u.after(t, k+1)
	if !ok || h2.def.Canonical != h.def.Canonical || h2.factor != h.factor {
		return h.end
	}
	e := t.skipSpaces(h2.end, 1)
	if t.at(e) != ')' {
		return h.end
	}
	return e + 1
}

func lowerString(s string) string {
	rs := []rune(s)
	for i, c := range rs {
		rs[i] = lowerKey(fold(c)) // as a trie that ignores case keys it
	}
	return string(rs)
}
