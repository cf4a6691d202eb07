package read

import "strings"

// rangeTable joins two numbers into one interval: 18-24, 3–4x, between 20 and 35.
type rangeTable struct {
	id           string
	connectors   trie
	wordConn     []bool // the connector is a word (to, 至), not a dash
	notAfter     *backward
	changeBefore *backward
	between      *backward
	estimate     *backward // words before the bounds of an interval around an estimate (95% CI 78-91)
	namedItem    *backward // a name before the next item of a parallel list (and Italy 38.3 million)
	joiners      trie
	// list separators: before the last item, before the others, and the
	// connectors after a change's start
	list, listMore, listTo map[string]bool
}

// RangeDef defines how ranges are written: the connectors between two
// numbers (18-24), and the joiners after a between pattern (between 20 and 35).
type RangeDef struct {
	Connectors []string `yaml:"connectors"`
	NotAfter   string   `yaml:"not_after"`
	// ChangeBefore is a change word before the left number that, when the
	// left number has a unit of its own, makes a connector word the end of
	// a change, not of a range: "rose 4.2% to 231p". A dash still makes a
	// range ("rose 3-4%"), and so does a bare left number ("rose 3 to 4
	// percent").
	ChangeBefore string `yaml:"change_before"`
	Between      string `yaml:"between"`
	// Estimate is the words before the bounds of a confidence interval:
	// bounds written without a unit take the estimate's (86% (95% CI 78-91)).
	Estimate string `yaml:"estimate"`
	// NamedItem is the words before a number with no unit that make it the
	// next item of a list after a figure with one: "France produced 48.0
	// million hectolitres and Italy 38.3 million".
	NamedItem string   `yaml:"named_item"`
	Joiners   []string `yaml:"joiners"`
	// List holds the conjunctions before the last item of a list whose
	// scale and unit stand for all (746.7, 568.1 and 556.6 million
	// tonnes), ListMore the separators between the items before it (a
	// comma), ListTo the connectors across which a change's start takes
	// them (from 5 to 10 million).
	List     []string `yaml:"list"`
	ListMore []string `yaml:"list_more"`
	ListTo   []string `yaml:"list_to"`
}

// Range sets how ranges are read.
func (b *Builder) Range(id string, raw RangeDef) error {
	if len(raw.Connectors) == 0 {
		return fieldErr("connectors", "a range needs connectors")
	}
	d := &rangeTable{id: id, list: lowerSet(raw.List), listMore: lowerSet(raw.ListMore), listTo: lowerSet(raw.ListTo)}
	for i, c := range raw.Connectors {
		d.connectors.add(c, i)
		r := []rune(c)[0]
		d.wordConn = append(d.wordConn, isLatin(r) || isHan(r) || isKana(r))
	}
	for i, c := range raw.Joiners {
		d.joiners.add(c, i)
	}
	var err error
	if d.notAfter, err = compileBackward("not_after", raw.NotAfter); err != nil {
		return err
	}
	if d.changeBefore, err = compileBackward("change_before", raw.ChangeBefore); err != nil {
		return err
	}
	if d.between, err = compileBackward("between", raw.Between); err != nil {
		return err
	}
	if d.estimate, err = compileBackward("estimate", raw.Estimate); err != nil {
		return err
	}
	if d.namedItem, err = compileBackward("named_item", raw.NamedItem); err != nil {
		return err
	}
	b.rs.ranges = d
	return nil
}

// rangeAfter joins "18-24 个月", "3–4x" or "between 20 and 35" into one
// claim with min and max; the unit and the scale stand once, at the end
// ("between 7.5 and 8 billion", "$20 to $25 billion"). "from 60% to 67%"
// stays two claims (a change), and so do "rose 4.2% to 231p" and "grew 12%
// to 28.5 billion cubic feet": a change word before, or a unit on the left
// only.
func (sc *scan) rangeAfter(m *Match, left atom) {
	d := sc.rs.ranges
	if d == nil {
		return
	}
	t := sc.t
	k := t.skipSpaces(m.End, 1)
	tr, between := &d.connectors, false
	if d.between != nil && sc.backMatched(d.between, m.Start) {
		tr, between = &d.joiners, true
	} else if d.notAfter != nil && sc.backMatched(d.notAfter, sc.qualifierStart(m.Start)) {
		return // from 5 to 10, from about $1,200 to $2,170: a change
	}
	v, end := tr.match(t, k, func(v, e int) bool { return boundaryAfter(t, e) })
	if v < 0 {
		return
	}
	changed := !between && d.wordConn[v] && d.changeBefore != nil && sc.backMatched(d.changeBefore, m.Start)
	if changed && m.Unit != "" {
		return // rose 4.2% to 231p; but "rose 3 to 4 percent" is a range
	}
	end = t.skipSpaces(end, 1)
	sign := m.Start < left.start // a currency before the left number: "$20 to $25 billion"
	if sign {
		end = sc.sameSign(m, end)
	}
	right, ok := sc.read(end)
	if !ok || right.year || right.lone {
		return
	}
	sc.scaleWords(&right)
	r := Match{Start: right.start, End: right.end, Value: right.value, Rule: right.rule}
	h, hasUnit := sc.unit(&right, &r)
	if m.Unit != "" && !hasUnit && !sign && !right.percent && !right.multiple {
		return // "12% to 28.5 billion": a unit on the left alone is no range's
	}
	if c := t.at(t.skipSpaces(max(r.End, right.end), 1)); c == '=' || c == '≈' || c == '≒' {
		return // 86% − 81% = 5 points: a difference worked out, not a range
	}
	if lo, hi := sc.ends(m, r, left, right, h, hasUnit); changed && lo > 0 && hi > 10*lo {
		return // fell by 837,000 to 124.4 million: the change and its end
	}
	sc.join(m, r, left, right, h, hasUnit)
}

// sameSign skips a currency sign before the right number when it is the
// left's: "$20 to $25 billion".
func (sc *scan) sameSign(m *Match, j int) int {
	t := sc.t
	for k := j; k < j+5 && k < len(t.f); k++ {
		if !startsDigits(t, k) {
			continue
		}
		if h, ok := sc.rs.units.beforeAt(t, k); ok && h.start == j && h.def.Canonical == m.Unit {
			return k
		}
		break
	}
	return j
}

// ends are the two ends of the range [m, r] would make, in the right's
// unit and scale.
func (sc *scan) ends(m *Match, r Match, left, right atom, h unitHit, hasUnit bool) (lo, hi float64) {
	lo = m.Value
	if m.Unit == "" && hasUnit { // 18-24 个月: the unit stands once, at the end
		lo = unitValue(h, true, lo)
	}
	if m.Min != nil {
		lo = *m.Min
	}
	hi = r.Value
	if right.vague {
		hi = unitValue(h, hasUnit, right.hi)
	}
	if f := sc.scaleOf(right); f != 0 && sc.scaleOf(left) == 0 && !left.vague && lo*f <= hi && !left.fraction && !left.percent {
		lo *= f
	}
	return lo, hi
}

// join makes m the range [m, r] when the two agree on their unit. The
// left number takes the right's scale when it has none of its own and the
// range stays in order: "six to seven thousand" is 6000 to 7000, "between
// 500 and 2 million" stays 500 to 2 million. Both ends with a unit of
// their own may run downwards: "-44.35°C to -56.5°C".
func (sc *scan) join(m *Match, r Match, left, right atom, h unitHit, hasUnit bool) {
	if m.Unit != "" && hasUnit && r.Unit != m.Unit {
		return
	}
	vague, both := right.vague || m.Min != nil, m.Unit != "" && hasUnit
	lo, hi := sc.ends(m, r, left, right, h, hasUnit)
	if hi < lo {
		if !both || vague {
			return // 10-5 is a score or a date, not a range, and 10 takes no unit of 5 GW
		}
		lo, hi = hi, lo
	}
	if m.Unit == "" && hasUnit { // 18-24 个月: the unit stands once, at the end
		m.Unit, m.Kind, m.Rule = r.Unit, r.Kind, r.Rule
	}
	m.Min, m.Max = &lo, &hi
	m.Value = (lo + hi) / 2
	if vague { // 数百到数千: the reading starts at its low end
		m.Value = lo
	}
	m.End = r.End
}

// scaleOf is the scale a number was written with (8 billion: 1e9, 10万:
// 1e4, 1.5万亿: 1e12), or 0 when it has none.
func (sc *scan) scaleOf(a atom) float64 {
	if a.factor != 0 {
		return a.factor
	}
	t, w, f := sc.t, &sc.rs.words, 1.0
	for k := a.end - 1; k > a.start && sc.rs.cjk.scales[t.at(k)] != 0; k-- {
		f *= sc.rs.cjk.scales[t.at(k)]
	}
	for e := a.end; a.rule == w.id && e > a.start && isLatin(t.at(e-1)); { // seven thousand, three lakh crore
		s := e - 1
		for s > a.start && isLatin(t.at(s-1)) {
			s--
		}
		v := w.scales[t.lower(s, e)] + w.hundreds[t.lower(s, e)]
		if v == 0 {
			break
		}
		f *= v
		e = t.backSpaces(s, 1)
	}
	if f == 1 {
		return 0
	}
	return f
}

// lowerSet is a set of words, lower-cased and trimmed.
func lowerSet(words []string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[strings.ToLower(strings.TrimSpace(w))] = true
	}
	return out
}

// qualifierStart is where a qualifier before i starts (about, 约), or i.
func (sc *scan) qualifierStart(i int) int {
	if h, ok := sc.rs.quals.beforeAt(sc.t, i); ok {
		return h.start
	}
	return i
}
