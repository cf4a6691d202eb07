package read

// qualTable turns qualifier words around a number into bounds: "over 60%"
// gives a minimum, "up to 5 GW" a maximum, "about" widens the reading.
type qualTable struct {
	defs        []QualifierDef
	unless      []*backward // per def: words before the qualifier that cancel it
	unlessAfter []*forward  // per def: words after the qualifier that cancel it
	before      trie        // reversed: matched backwards from the number
	after       trie
	owner       map[string]string
}

// QualifierDef defines qualifier words and the bound they set: before the
// number (over, 超过) or after it (以上).
type QualifierDef struct {
	Bound  string   `yaml:"bound"`
	Before []string `yaml:"before"`
	After  []string `yaml:"after"`
	// ExceptKinds lists claim kinds the words do not qualify: "over 3 years"
	// is a span of time, not more than three years.
	ExceptKinds []string `yaml:"except_kinds"`
	// UnlessBefore is a pattern before the qualifier's words that cancels
	// them: "went up to 4.25" is a rise to 4.25, not at most 4.25.
	UnlessBefore string `yaml:"unless_before"`
	// UnlessAfter is a pattern after a qualifier's words that cancels
	// them: 多出 is "more by", not "and more" (9920亿美元多出约20%).
	UnlessAfter string `yaml:"unless_after"`
}

// Bounds a qualifier can set.
const (
	BoundMin    = "min"
	BoundMax    = "max"
	BoundApprox = "approx"
)

func newQualTable() qualTable {
	return qualTable{before: trie{reverse: true}, owner: map[string]string{}}
}

// Qualifier adds qualifier words.
func (b *Builder) Qualifier(id string, d QualifierDef) error {
	switch d.Bound {
	case BoundMin, BoundMax, BoundApprox:
	default:
		return fieldErr("bound", "%q is not one of min, max, approx", d.Bound)
	}
	unless, err := compileBackward("unless_before", d.UnlessBefore)
	if err != nil {
		return err
	}
	unlessAfter, err := compileForward("unless_after", d.UnlessAfter)
	if err != nil {
		return err
	}
	q := &b.rs.quals
	q.defs = append(q.defs, d)
	q.unless = append(q.unless, unless)
	q.unlessAfter = append(q.unlessAfter, unlessAfter)
	for field, list := range map[string][]string{"before": d.Before, "after": d.After} {
		tr := &q.before
		if field == "after" {
			tr = &q.after
		}
		for _, w := range list {
			key := field + "\x00" + lowerString(w)
			if other, ok := q.owner[key]; ok && other != id {
				return dupErr(field, w, other)
			}
			q.owner[key] = id
			tr.add(w, len(q.defs)-1)
		}
	}
	return nil
}

// qualHit is a qualifier found next to a quantity.
type qualHit struct {
	def         *QualifierDef
	start, end  int
	unless      *backward
	unlessAfter *forward
}

// beforeAt finds a qualifier that ends at i, across up to two spaces.
func (q *qualTable) beforeAt(t *text, i int) (qualHit, bool) {
	k := t.backSpaces(i, 2)
	v, start := q.before.match(t, k, func(v, s int) bool { return boundaryBefore(t, s) })
	if v < 0 {
		return qualHit{}, false
	}
	return qualHit{&q.defs[v], start, k, q.unless[v], q.unlessAfter[v]}, true
}

// afterAt finds a qualifier that starts at j, across up to one space.
func (q *qualTable) afterAt(t *text, j int) (qualHit, bool) {
	k := t.skipSpaces(j, 1)
	v, end := q.after.match(t, k, func(v, e int) bool { return boundaryAfter(t, e) })
	if v < 0 {
		return qualHit{}, false
	}
	return qualHit{&q.defs[v], k, end, q.unless[v], q.unlessAfter[v]}, true
}
