package read

// Units decided by context: an alias that means one unit in some texts and
// another (or nothing) in others — pound (sterling or weight), m (million or
// metres), ¥ (yuan or yen), in (inches or the preposition) — is read as the
// unit of a rule with a context only where that context holds; elsewhere
// the rule without one, if any, reads it.

// UnitContext is where a unit's aliases hold: any of words near the figure
// in its sentence, words just before the figure or just after the unit, or
// the text's language (a text of unknown language counts as Japanese when
// kana stand near, as Chinese when Han characters do without kana).
type UnitContext struct {
	Near        []string `yaml:"near"`
	BeforeWords []string `yaml:"before_words"`
	AfterWords  []string `yaml:"after_words"`
	Lang        []string `yaml:"lang"`
}

// unitCtx is a UnitContext compiled.
type unitCtx struct {
	near, before, after *trie
	lang                map[string]bool
}

// nearReach is how far, in runes, near words are looked for on each side.
const nearReach = 60

func compileUnitCtx(c *UnitContext) (*unitCtx, error) {
	if c == nil {
		return nil, nil
	}
	out := &unitCtx{lang: set(c.Lang)}
	var err error
	if out.near, err = wordTrie("context.near", c.Near, false); err != nil {
		return nil, err
	}
	if out.before, err = wordTrie("context.before_words", c.BeforeWords, true); err != nil {
		return nil, err
	}
	if out.after, err = wordTrie("context.after_words", c.AfterWords, false); err != nil {
		return nil, err
	}
	if out.near == nil && out.before == nil && out.after == nil && len(out.lang) == 0 {
		return nil, fieldErr("context", "a context needs near, before_words, after_words or lang")
	}
	return out, nil
}

// holds reports whether the context holds for a figure [i, j) whose unit
// ends at e.
func (sc *scan) holds(c *unitCtx, i, e int) bool {
	t := sc.t
	switch {
	case c.before != nil && sc.wordBefore(c.before, i):
		return true
	case c.after != nil && sc.wordAfter(c.after, e):
		return true
	case len(c.lang) > 0 && (c.lang[t.lang] || t.lang == "" && c.lang[sc.cjkLangNear(i, e)]):
		return true
	}
	return c.near != nil && sc.near(c.near, i, e)
}

// heldFor is holds for alias v at [i, e), or, for a sign before the
// number (carry), the alias's reading carried from where it last held
// earlier in the sentence: in "Japan's box office took ¥261.1 billion in
// 2019, while 2023 takings were ¥221.4 billion" the second ¥ is the yen
// too, though Japan is out of reach. A word after the number is not
// carried: "three-quarters in high-income countries and a third in 2020"
// has no inches.
func (sc *scan) heldFor(v int, c *unitCtx, i, e int, carry bool) bool {
	if sc.holds(c, i, e) {
		if n := len(sc.ctxHeld); n == 0 || sc.ctxHeld[n-1] != (ctxMark{v, e}) {
			sc.ctxHeld = append(sc.ctxHeld, ctxMark{v, e})
		}
		return true
	}
	for k := len(sc.ctxHeld) - 1; carry && k >= 0; k-- {
		if h := sc.ctxHeld[k]; h.alias == v && h.end <= i {
			return !sc.sentenceBetween(h.end, i)
		}
	}
	return false
}

// ctxMark is where an alias's context held: its alias and where it ended.
type ctxMark struct{ alias, end int }

// sentenceBetween reports a sentence's end in [i, j).
func (sc *scan) sentenceBetween(i, j int) bool {
	for k := i; k < j; k++ {
		if sentenceMark(sc.t, k) {
			return true
		}
	}
	return false
}

// near reports a word of tr in the sentence around [i, e), within reach.
func (sc *scan) near(tr *trie, i, e int) bool {
	t := sc.t
	ok := func(_, end int) bool { return boundaryAfter(t, end) }
	for k := i - 1; k >= 0 && k >= i-nearReach && !sentenceMark(t, k); k-- {
		if tr.first.has(t.f[k]) && boundaryBefore(t, k) {
			if v, _ := tr.match(t, k, ok); v >= 0 {
				return true
			}
		}
	}
	for k := e; k < len(t.f) && k < e+nearReach && !sentenceMark(t, k); k++ {
		if tr.first.has(t.f[k]) && boundaryBefore(t, k) {
			if v, _ := tr.match(t, k, ok); v >= 0 {
				return true
			}
		}
	}
	return false
}

// cjkLangNear guesses the language of a text of unknown language from the
// script around [i, e), within reach: ja where kana stand, zh where Han
// characters stand without kana, "" elsewhere.
func (sc *scan) cjkLangNear(i, e int) string {
	t := sc.t
	han := false
	for k := max(0, i-nearReach); k < len(t.f) && k < e+nearReach; k++ {
		switch c := t.f[k]; {
		case isKana(c):
			return "ja"
		case c >= 0x3400 && isHan(c):
			han = true
		}
	}
	if han {
		return "zh"
	}
	return ""
}

// sentenceMark reports punctuation at k that ends a sentence.
func sentenceMark(t *text, k int) bool {
	switch t.f[k] {
	case '。', '！', '？', '!', '?', ';', '；':
		return true
	case '.':
		return k+1 == len(t.f) || isSpace(t.at(k+1))
	}
	return false
}

// ctxAfter finds the longest unit with a context that starts at j (after
// optional spaces) and whose context holds for the figure starting at i.
func (sc *scan) ctxAfter(i, j int) (unitHit, bool) {
	u, t := &sc.rs.units, sc.t
	if u.ctxDefs == 0 {
		return unitHit{}, false
	}
	k := t.skipSpaces(j, 4)
	ok := func(v, end int) bool { return boundaryAfter(t, end) }
	best, bestEnd := -1, k
	for _, tr := range []*trie{&u.csym, &u.cword} {
		if v, end := tr.match(t, k, ok); v >= 0 && end > bestEnd {
			best, bestEnd = v, end
		}
	}
	if best < 0 {
		return unitHit{}, false
	}
	a := u.aliases[best]
	d := &u.defs[a.def]
	if !sc.heldFor(best, d.ctx, i, bestEnd, false) {
		return unitHit{}, false
	}
	return unitHit{def: d, factor: a.factor, start: k, end: bestEnd}, true
}

// ctxBefore finds a currency sign with a context that ends at i (before
// spaces), whose context holds.
func (sc *scan) ctxBefore(i int) (unitHit, bool) {
	u, t := &sc.rs.units, sc.t
	if u.ctxDefs == 0 {
		return unitHit{}, false
	}
	k := t.backSpaces(i, 1)
	v, start := u.cbefore.match(t, k, func(v, start int) bool { return boundaryBefore(t, start) })
	if v < 0 {
		return unitHit{}, false
	}
	a := u.aliases[v]
	d := &u.defs[a.def]
	if !sc.heldFor(v, d.ctx, start, i, true) {
		return unitHit{}, false
	}
	return unitHit{def: d, factor: a.factor, start: start, end: k}, true
}

// unsuffix takes back a scale suffix that a unit with a context reads
// where its context holds: 8,848 m above sea level is metres, not millions.
func (sc *scan) unsuffix(a *atom, m *Match) {
	u, t := &sc.rs.units, sc.t
	if a.factor == 0 || len(u.suffixCtx) == 0 {
		return
	}
	s := a.end
	for s > a.start && isLatin(t.at(s-1)) {
		s--
	}
	if s == a.end || sc.rs.digits.suffixes[string(t.f[s:a.end])] != a.factor {
		return // no suffix, or a scale word beside it
	}
	if _, ok := u.suffixCtx[string(t.f[s:a.end])]; !ok {
		return
	}
	pre := t.backSpaces(s, 2)
	if h, ok := sc.ctxAfter(a.start, pre); !ok || h.end != a.end {
		return
	}
	f := a.factor
	a.value, a.lo, a.hi, a.factor, a.scaled, a.end = a.value/f, a.lo/f, a.hi/f, 0, false, pre
	m.Value, m.End = a.value, pre
}
