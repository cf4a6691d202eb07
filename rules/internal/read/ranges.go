package read

// rangeAfter joins "18-24 个月", "3–4x" or "between 20 and 35" into one
// claim with min and max. "from 60% to 67%" stays two claims: a change.
func (sc *scan) rangeAfter(m *Match) {
	d := sc.rs.ranges
	if d == nil {
		return
	}
	t := sc.t
	k := t.skipSpaces(m.End, 1)
	tr := &d.connectors
	if d.between != nil && sc.backMatched(d.between, m.Start) {
		tr = &d.joiners
	} else if d.notAfter != nil && sc.backMatched(d.notAfter, m.Start) {
		return
	}
	v, end := tr.match(t, k, func(v, e int) bool { return boundaryAfter(t, e) })
	if v < 0 {
		return
	}
	end = t.skipSpaces(end, 1)
	right, ok := sc.read(end)
	if !ok || right.year || right.lone {
		return
	}
	sc.scaleWords(&right)
	r := Match{Start: right.start, End: right.end, Value: right.value, Rule: right.rule}
	h, hasUnit := sc.unit(&right, &r)
	sc.join(m, r, right, h, hasUnit)
}

// join makes m the range [m, r] when the two agree on their unit.
func (sc *scan) join(m *Match, r Match, right atom, h unitHit, hasUnit bool) {
	if m.Unit != "" && hasUnit && r.Unit != m.Unit {
		return
	}
	lo, vague := m.Value, right.vague || m.Min != nil
	if m.Unit == "" && hasUnit { // 18-24 个月: the unit stands once, at the end
		lo *= unitFactor(h, true)
		m.Unit, m.Kind, m.Rule = r.Unit, r.Kind, r.Rule
	}
	if m.Min != nil {
		lo = *m.Min
	}
	hi := r.Value
	if right.vague {
		hi = right.hi * unitFactor(h, hasUnit)
	}
	if hi < lo {
		return
	}
	m.Min, m.Max = &lo, &hi
	m.Value = (lo + hi) / 2
	if vague { // 数百到数千: the reading starts at its low end
		m.Value = lo
	}
	m.End = r.End
}
