package read

import "math/bits"

// ruleBits is a set of rules by index (exclusions), one bit each.
type ruleBits []uint64

func newRuleBits(n int) ruleBits { return make(ruleBits, (n+63)/64) }

func (b ruleBits) add(i int) { b[i/64] |= 1 << (i % 64) }

func (b ruleBits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

// ruleIndex says, for a reader rule and a unit kind, which rules may apply
// to a number: the readers and unit kinds a rule is restricted to are
// sets, and testing each rule's sets for each number cost two map lookups
// a rule, for every rule, where two lookups per number now serve them all.
type ruleIndex struct {
	byReader map[string]ruleBits // the rules a reader's numbers may meet
	anyRead  ruleBits            // the rules of a reader no rule names: those open to all
	byKind   map[string]ruleBits
	anyKind  ruleBits
	notBare  ruleBits // the rules that are not bare_only
}

// newRuleIndex indexes n rules by their reader and kind sets (empty: all).
func newRuleIndex(n int, readers, kinds func(i int) map[string]bool, bareOnly func(i int) bool) ruleIndex {
	x := ruleIndex{byReader: map[string]ruleBits{}, byKind: map[string]ruleBits{},
		anyRead: newRuleBits(n), anyKind: newRuleBits(n), notBare: newRuleBits(n)}
	index := func(by map[string]ruleBits, any ruleBits, sets func(i int) map[string]bool) {
		for i := range n {
			for k := range sets(i) {
				if by[k] == nil {
					by[k] = newRuleBits(n)
				}
			}
		}
		for i := range n {
			s := sets(i)
			if len(s) == 0 {
				any.add(i)
			}
			for k, b := range by {
				if len(s) == 0 || s[k] {
					b.add(i)
				}
			}
		}
	}
	index(x.byReader, x.anyRead, readers)
	index(x.byKind, x.anyKind, kinds)
	for i := range n {
		if !bareOnly(i) {
			x.notBare.add(i)
		}
	}
	return x
}

// ofKind is the rules that may apply to a claim of unit kind kind.
func (x *ruleIndex) ofKind(kind string) ruleBits {
	if k, ok := x.byKind[kind]; ok {
		return k
	}
	return x.anyKind
}

// each calls f with each rule, in order, that may apply to a number read
// by reader, of unit kind kind, bare or not, until f returns true; it
// reports whether one did.
func (x *ruleIndex) each(reader, kind string, bare bool, f func(i int) bool) bool {
	r, ok := x.byReader[reader]
	if !ok {
		r = x.anyRead
	}
	k := x.ofKind(kind)
	for w := range r {
		m := r[w] & k[w]
		if !bare {
			m &= x.notBare[w]
		}
		for m != 0 {
			if f(w*64 + bits.TrailingZeros64(m)) {
				return true
			}
			m &= m - 1
		}
	}
	return false
}
