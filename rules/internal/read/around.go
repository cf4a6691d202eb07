package read

import (
	"strings"
	"unicode/utf8"
)

// qualify applies the qualifier words before and after the quantity.
func (sc *scan) qualify(m *Match) {
	q := &sc.rs.quals
	if h, ok := q.beforeAt(sc.t, m.Start); ok && h.start >= sc.lastEnd() && !contains(h.def.ExceptKinds, m.Kind) && // 0°C.0: the C is the last claim's
		(h.unless == nil || !sc.backMatched(h.unless, h.start)) {
		m.Start = h.start
		sc.bound(m, h)
	}
	if h, ok := q.afterAt(sc.t, m.End); ok && !contains(h.def.ExceptKinds, m.Kind) &&
		(h.unlessAfter == nil || !sc.aheadMatch(h.unlessAfter, h.end)) {
		m.End = h.end
		sc.bound(m, h)
	}
}

func (sc *scan) bound(m *Match, h qualHit) {
	m.Qualifier = strings.ToLower(strings.TrimSpace(string(sc.t.r[h.start:h.end])))
	m.Bound = h.def.Bound
	v := m.Value
	switch h.def.Bound {
	case BoundMin:
		if m.Min == nil || *m.Min > v {
			m.Min = &v
		}
		if m.Max != nil && *m.Max == v {
			m.Max = nil
		}
	case BoundMax:
		m.Max = &v
	}
}

// excluded reports whether an exclusion rule drops the quantity. fig is
// where the figure ends: its unit and its range, before any qualifier.
func (sc *scan) excluded(m *Match, a atom, bare bool, fig int) bool {
	return sc.rs.exclIndex.each(a.rule, m.Kind, bare, func(k int) bool {
		return sc.excludes(&sc.rs.excl[k], m, a, fig)
	})
}

func (sc *scan) excludes(e *exclusion, m *Match, a atom, fig int) bool {
	if e.line != nil || len(e.contains) > 0 {
		return sc.codeLine(e)
	}
	// the one-rune tests of every pattern first: most numbers fail one,
	// and then no pattern runs
	if e.before != nil && !sc.backMay(e.before, m.Start) || e.after != nil && !sc.aheadMay(e.after, a.end) ||
		e.afterFigure != nil && !sc.aheadMay(e.afterFigure, fig) {
		return false
	}
	if e.figure != nil && (!e.figureNeed.in(sc.t.f[a.start:fig]) || !e.figure.Match(sc.figure(a.start, fig))) {
		return false
	}
	if e.before != nil {
		ok, name := sc.backMatch(e.before, m.Start)
		if !ok || e.except[name] {
			return false
		}
	}
	if e.after != nil && !sc.aheadMatch(e.after, a.end) || e.afterFigure != nil && !sc.aheadMatch(e.afterFigure, fig) {
		return false
	}
	if e.unlessBefore != nil && sc.backMatched(e.unlessBefore, m.Start) ||
		e.unlessAfter != nil && sc.aheadMatch(e.unlessAfter, fig) {
		return false
	}
	return e.token == nil || sc.tokenMatch(e, a.start, a.end)
}

// figure returns the folded text of [i, j) as UTF-8, in a buffer kept for
// the next rule that asks about the same figure.
func (sc *scan) figure(i, j int) []byte {
	if sc.figAt != i+1 || sc.figEnd != j {
		sc.figBuf = sc.figBuf[:0]
		for _, c := range sc.t.f[i:j] {
			sc.figBuf = utf8.AppendRune(sc.figBuf, c)
		}
		sc.figAt, sc.figEnd = i+1, j
	}
	return sc.figBuf
}

// codeLine runs a line rule once per text, however many numbers it holds:
// literal pieces first (a fast substring search), then the anchored pattern.
func (sc *scan) codeLine(e *exclusion) bool {
	for _, h := range sc.lines {
		if h.e == e {
			return h.hit
		}
	}
	hit := false
	s := sc.src
	for _, c := range e.contains {
		hit = hit || strings.Contains(s, c)
	}
	hit = hit || e.line != nil && e.line.MatchString(s)
	sc.lines = append(sc.lines, tokenHit{e, hit})
	return hit
}

// tokenMatch runs e's token pattern on the token around [i, j). The
// token and the answers of the rules on it are kept until a number outside
// it is asked about: a long run of numbers glued by punctuation (1,2,1,2…)
// is one token, found and matched once, not once per number.
func (sc *scan) tokenMatch(e *exclusion, i, j int) bool {
	if i < sc.tok.start || j > sc.tok.end || sc.tok.end == 0 {
		s, e := sc.tokenSpan(i, j)
		sc.tok = tokenCache{start: s, end: e}
	}
	for _, h := range sc.tok.hits {
		if h.e == e {
			return h.hit
		}
	}
	tok := sc.t.f[sc.tok.start:sc.tok.end]
	hit := e.tokenNeed.in(tok) && e.token.MatchString(string(tok))
	sc.tok.hits = append(sc.tok.hits, tokenHit{e, hit})
	return hit
}

type tokenCache struct {
	start, end int
	hits       []tokenHit
}

type tokenHit struct {
	e   *exclusion
	hit bool
}

// tokenSpan is the run of non-space, non-CJK text around [i, j): a URL, a
// version, a file name.
func (sc *scan) tokenSpan(i, j int) (int, int) {
	t := sc.t
	tokenCh := func(c rune) bool {
		return c > ' ' && !isHan(c) && !isKana(c) && !strings.ContainsRune("()[]{}<>\"'“”‘’「」", c)
	}
	for i > 0 && tokenCh(t.at(i-1)) {
		i--
	}
	for j < len(t.f) && tokenCh(t.at(j)) {
		j++
	}
	return i, j
}

// forms sets the kind and the change role from the words around the claim.
func (sc *scan) forms(m *Match) {
	kind, may := m.Kind, sc.rs.formIndex.ofKind(m.Kind)
	for k := range sc.rs.forms {
		if m.Kind != kind { // a form before this one gave the claim its kind
			kind, may = m.Kind, sc.rs.formIndex.ofKind(m.Kind)
		}
		if !may.has(k) {
			continue
		}
		f := &sc.rs.forms[k]
		if f.beforeWords != nil && !sc.wordBefore(f.beforeWords, m.Start) || f.afterWords != nil && !sc.wordAfter(f.afterWords, m.End) {
			continue
		}
		if f.before != nil && !sc.backMatched(f.before, m.Start) {
			continue
		}
		if f.after != nil && !sc.aheadMatch(f.after, m.End) || f.unless != nil && sc.aheadMatch(f.unless, m.End) ||
			f.unlessBefore != nil && sc.backMatched(f.unlessBefore, m.Start) {
			continue
		}
		if f.kind == "multiple" && m.Unit != "" {
			continue // only a fraction becomes a factor (約5分の1になった), not 50%になった
		}
		if f.kind != "" {
			m.Kind, m.Rule = f.kind, f.id
			if f.kind == "multiple" {
				m.Unit = "x"
			}
		}
		if f.change != "" && m.Change == "" {
			m.Change = f.change
		}
		if f.direction != "" && m.Direction == "" {
			m.Direction = f.direction
		}
		if f.role != "" && m.Role == "" {
			m.Role = f.role
		}
	}
}

// wordBefore reports a word of tr that ends at i, across up to two spaces,
// and does not cut a Latin word.
func (sc *scan) wordBefore(tr *trie, i int) bool { return wordBefore(sc.t, tr, i) }

// wordBefore reports a word of the reverse trie tr that ends at i, across
// up to two spaces, and does not cut a Latin word.
func wordBefore(t *text, tr *trie, i int) bool {
	k := t.backSpaces(i, 2)
	v, _ := tr.match(t, k, func(_, s int) bool { return boundaryBefore(t, s) })
	return v >= 0
}

// wordAfter reports a word of tr that starts at j, across up to two
// spaces, and does not cut a Latin word, nor begin a compound (high in
// high-income).
func (sc *scan) wordAfter(tr *trie, j int) bool {
	t := sc.t
	k := t.skipSpaces(j, 2)
	v, _ := tr.match(t, k, func(_, e int) bool {
		return boundaryAfter(t, e) && !(t.at(e) == '-' && isLatin(t.at(e-1)) && isLatin(t.at(e+1)))
	})
	return v >= 0
}
