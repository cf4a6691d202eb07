package read

import "strings"

// listItem is what a later item of a list may give a claim: a claim with
// no scale of its own takes the list's (746.7, 568.1 and 556.6 million), one
// with no unit the list's unit (3.77万亿、2.58万亿和1.19万亿美元).
type listItem struct {
	unscaled bool // no scale word, suffix or CJK scale, and no unit after the number
	unitless bool // no unit, classifier, percent or fraction
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
