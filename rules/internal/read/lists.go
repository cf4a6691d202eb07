package read

import "strings"

// listItem is what a later item of a list may give a claim: a claim with
// no scale of its own takes the list's (746.7, 568.1 and 556.6 million), one
// with no unit the list's unit (3.77万亿、2.58万亿和1.19万亿美元).
type listItem struct {
	unscaled bool // no scale word, suffix or CJK scale, and no unit after the number
	unitless bool // no unit, classifier, percent or fraction
	// factor turns the number as written into the claim's value in its
	// unit (1e9 for "3.9 billion cubic metres" in L); 0 for a claim with
	// no measurable unit of its own, a compound or a range
	factor float64
}

// listBack gives the scale and unit of the claim m, the last item of a
// list, to the items before it that lack them. Items are joined by the
// range rule's list separators; a change's start takes them across its
// connector word (from 5 to 10 million).
func (sc *scan) listBack(m *Match, a atom, h unitHit, hasUnit bool) listItem {
	// an item with its own unit after it (50元) is whole: it takes no scale
	it := listItem{unscaled: sc.scaleOf(a) == 0 && !a.vague && !(hasUnit && h.start >= a.end),
		unitless: !hasUnit && !a.percent && !a.fraction && !a.multiple && !a.vague}
	d := sc.rs.ranges
	if d == nil || len(sc.out) == 0 || m.Min != nil && m.Max != nil && m.Qualifier == "" {
		return it
	}
	f := sc.scaleOf(a)
	unit := hasUnit && !h.def.Classifier && h.def.PowerOf == 0 && h.start >= a.end && m.Unit != ""
	if f == 0 && !unit {
		return it
	}
	start := m.Start
	for k := len(sc.out) - 1; k >= 0; k-- {
		p, pi := &sc.out[k], sc.items[k]
		if !sc.listGap(p, start, k == len(sc.out)-1) || !pi.unscaled && (!unit || !pi.unitless) || !pi.unitless && p.Unit != m.Unit ||
			p.Qualifier != "" && m.Qualifier != "" { // at least 3 and nearly 40 percent: two statements
			return it
		}
		scale := f != 0 && pi.unscaled && p.Value*f <= 100*m.Value // 500 and 2 million keep apart
		takeUnit := unit && pi.unitless
		if !scale && !takeUnit {
			return it // nothing to give: the list starts after p (and each item changes once, so lists cost linear time)
		}
		g := 1.0
		if scale {
			g = f
			sc.items[k].unscaled = false
		}
		if takeUnit {
			g *= h.factor
			p.Unit, p.Kind = m.Unit, m.Kind
			sc.items[k].unitless = false
		}
		sc.scaleClaim(p, g)
		start = p.Start
	}
	return it
}

// carryUnits gives a change's start written without a unit the unit of
// the level before it in its sentence: "3.9 billion cubic metres, down 12%
// from 4.2 billion", "$3.9 billion, down from 4.2 billion". Only a size of
// the change may stand between, and the two numbers as written must be
// within ten times of each other (not "$5 billion, up from 4 million
// users"). A start whose end follows takes the end's unit as a list
// does (from 50 to 40 minutes); an end written without a unit takes its
// start's (from 17 million tonnes in 1990 to 94 million in 2022).
func (sc *scan) carryUnits() {
	for k := range sc.out {
		m := &sc.out[k]
		if sc.items[k].unitless && m.Unit == "" && sc.rs.ranges != nil && sc.rs.ranges.estimate != nil &&
			sc.backMatched(sc.rs.ranges.estimate, m.Start) {
			sc.carryEstimate(k)
			continue
		}
		if sc.items[k].unitless && m.Unit == "" && m.Change == "to" && k > 0 && sc.out[k-1].Change == "from" &&
			m.Min == nil && m.Max == nil && m.Value > 0 {
			sc.carryUnit(k) // from 17 million tonnes in 1990 to 94 million in 2022
			continue
		}
		if sc.items[k].unitless && m.Unit == "" && m.Change == "" && m.Role == "" && m.Value > 0 && sc.namedItem(k) {
			sc.carryUnit(k) // France produced 48.0 million hectolitres and Italy 38.3 million
			continue
		}
		if m.Change == "to" && m.Unit != "" && k > 0 && sc.out[k-1].Change == "from" &&
			sc.perTime(sc.out[k-1].Unit, m.Unit) && !sc.sentenceEndIn(sc.out[k-1].End, m.Start) {
			// from 1.2 billion litres a day to 500 million litres: the end is a flow too
			m.Unit, m.Kind = sc.out[k-1].Unit, sc.out[k-1].Kind
			continue
		}
		if !sc.items[k].unitless || m.Unit != "" || m.Change != "from" && m.Role != "base" || m.Min != nil || m.Max != nil || m.Value <= 0 {
			continue
		}
		if k+1 < len(sc.out) && sc.out[k+1].Change == "to" && !sc.sentenceEndIn(m.End, sc.out[k+1].Start) {
			continue
		}
		sc.carryUnit(k)
	}
}

// carryEstimate gives the bounds of a confidence interval written without
// a unit (86% (95% CI 78-91)) the unit of the estimate before them, past
// the interval's own level (95%).
func (sc *scan) carryEstimate(k int) {
	m := &sc.out[k]
	j := k - 1
	if j >= 0 && sc.out[j].Unit == "%" && m.Start-sc.out[j].End < 24 && confidenceLevel(sc.out[j].Value) {
		j--
	}
	if j < 0 || m.Start-sc.out[j].End > 48 || sc.sentenceEndIn(sc.out[j].End, m.Start) {
		return
	}
	p := &sc.out[j]
	f := sc.items[j].factor
	if p.Unit == "%" {
		f = 1
	}
	if p.Unit == "" || f <= 0 || strings.IndexByte(p.Unit, '/') >= 0 && f != 1 {
		return
	}
	m.Unit, m.Kind = p.Unit, p.Kind
	sc.items[k].unitless = false
	sc.scaleClaim(m, f)
}

// confidenceLevel reports the level of a confidence interval: 80, 90, 95, 99%.
func confidenceLevel(v float64) bool { return v == 80 || v == 90 || v == 95 || v == 99 }

// carryUnit gives claim k the unit of the level before it, if any.
func (sc *scan) carryUnit(k int) {
	m := &sc.out[k]
	for j := k - 1; j >= 0; j-- {
		p := &sc.out[j]
		if p.Direction != "" || p.Unit == "%" || p.Unit == "pp" {
			continue // the size of the change: "down 12% from"
		}
		f := sc.items[j].factor
		if f <= 0 || m.Start-p.End > 120 || sc.sentenceEndIn(p.End, m.Start) {
			return
		}
		if r := m.Value / (p.Value / f); r < 0.1 || r > 10 {
			return
		}
		m.Unit, m.Kind = p.Unit, p.Kind
		sc.items[k].unitless = false
		sc.scaleClaim(m, f)
		return
	}
}

// sentenceEndIn reports a sentence's end between i and j.
func (sc *scan) sentenceEndIn(i, j int) bool {
	for k := i; k < j; k++ {
		switch sc.t.at(k) {
		case '。', '！', '？', ';', '；', '!', '?':
			return true
		case '.':
			if isSpace(sc.t.at(k+1)) && !(sc.t.at(k-2) == '.' && isLatin(sc.t.at(k-1))) { // not U.S.
				return true
			}
		}
	}
	return false
}

// listGap reports whether the text between claim p and an item starting
// at j is a list separator, or the connector of a change that p starts.
// Before the last item it must be a conjunction (and, 和, 、): a comma
// alone there ends a clause as often as it lists.
func (sc *scan) listGap(p *Match, j int, last bool) bool {
	d := sc.rs.ranges
	if j <= p.End || j-p.End > 8 {
		return false
	}
	gap := strings.ToLower(strings.TrimSpace(string(sc.t.f[p.End:j])))
	return d.list[gap] || !last && d.listMore[gap] || last && p.Change == "from" && d.listTo[gap]
}

// scaleClaim multiplies a claim's value, bounds and rounding by g.
func (sc *scan) scaleClaim(p *Match, g float64) {
	if g == 1 {
		return
	}
	p.Value *= g
	p.Step *= g
	for _, b := range []**float64{&p.Min, &p.Max} {
		if *b != nil {
			v := **b * g
			*b = &v
		}
	}
}

// perTime reports a rate of unit per a time the per rule knows, not per
// second: the amount per that time has the amount's own value (a price per
// kWh, a speed or a flow per second was rescaled).
func (sc *scan) perTime(rate, unit string) bool {
	den, ok := strings.CutPrefix(rate, unit+"/")
	p := sc.rs.per
	return ok && unit != "" && !strings.Contains(unit, "/") && p != nil && p.seconds[den] > 1
}

// namedItem reports a number with no unit that a name puts in a list
// after a figure with one, and that nothing names a noun of after it:
// "and Italy 38.3 million." (not "and users 38 million", not "Italy 38
// million people").
func (sc *scan) namedItem(k int) bool {
	d := sc.rs.ranges
	if d == nil || d.namedItem == nil || k == 0 {
		return false
	}
	p, m := &sc.out[k-1], &sc.out[k]
	if p.Unit == "" || p.Unit == "%" || p.Unit == "pp" || p.Unit == "x" || p.Direction != "" || p.Sentence != m.Sentence {
		return false
	}
	t := sc.t
	j := t.skipSpaces(m.End, 1)
	switch c := t.at(j); {
	case j >= len(t.f), c == '.' || c == ',' || c == ';' || c == ')' || c == '，' || c == '。':
	case hasFold(t, j, "and ") || hasFold(t, j, "respectively"):
	default:
		return false
	}
	return sc.backMatched(d.namedItem, m.Start)
}
