package pipeline

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"unsafe"
)

// judged is a finding for a figure that other figures imply: the stated
// span against the computed one, with the expectation and the deviation
// as fields that reports sort and filter by. tol widens the computed
// span, for the rounding people do in a computation by hand.
func judged(kind string, claims []string, tested *Claim, computed, stated Span, tol float64, unit string) Finding {
	f := Finding{Kind: kind, Claims: claims, Status: Inconsistent}
	slack := computed.widen(tol)
	if Overlap(slack, stated) {
		f.Status = Consistent
	}
	f.Expected, f.Deviation = expectation(tested, computed, stated, unit)
	return f
}

// expectation is what a check computed for a claim and how far the stated
// span's middle lies from it, relative; open ends stay nil (JSON has no ∞).
func expectation(tested *Claim, computed, stated Span, unit string) (*Expected, *float64) {
	m := computed.mid()
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return nil, nil
	}
	e := &Expected{Claim: tested.ID(), Value: m, Unit: unit, Min: finiteOrNil(computed.Lo), Max: finiteOrNil(computed.Hi)}
	d := (stated.mid() - m) / math.Abs(m)
	if m == 0 || math.IsNaN(d) || math.IsInf(d, 0) {
		return e, nil
	}
	return e, &d
}

func finiteOrNil(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return &v
}

// fillValues sets each finding's values from its claims, in order.
func fillValues(r *Result, fs []Finding) {
	var at claimAt
	for i := range fs {
		f := &fs[i]
		if f.Values != nil {
			continue
		}
		if at.claims == nil {
			at = newClaimAt(r.Claims)
		}
		f.Values = make([]float64, 0, len(f.Claims))
		for _, id := range f.Claims {
			if k, ok := at.find(id); ok {
				f.Values = append(f.Values, r.Claims[k].Value)
			}
		}
	}
}

// claimAt finds a claim by its id. A finding's ids are its claims' own
// strings (their headers copied, not their bytes), and IDs writes a run's
// claim ids one after another into slabs: so claims k, k+1, … have their
// ids at consecutive addresses, and a few runs of them, sorted by address,
// map an id to its claim by a binary search in a table that stays in the
// cache. An open-addressing table of every id (8 bytes a claim) sent each
// look-up to a random place of the table and of the claims, which a large
// run pays in cache misses: on the 100 MB corpus, a tenth of the check
// stage's time. An id that is not a claim's own string (read back from a
// file, say) is looked up in that table, built on first need.
type claimAt struct {
	claims []Claim
	runs   []idRun // by address
	table  idTable[Claim]
	// messages keeps one copy of the packed messages that repeat (see pack).
	messages *messages
}

// idRun is claims first, first+1, … whose ids lie one after another,
// size bytes apart (an id and the length before the next: see idRef), from
// address lo to hi.
type idRun struct {
	lo, hi      uintptr
	first, size int
}

func newClaimAt(claims []Claim) claimAt {
	var runs []idRun
	for k := range claims {
		id := claims[k].ID()
		if id == "" {
			continue
		}
		p, size := uintptr(unsafe.Pointer(unsafe.StringData(id))), refLen(len(id))
		if n := len(runs) - 1; n >= 0 && runs[n].hi == p && runs[n].size == size && runs[n].first+int(runs[n].hi-runs[n].lo)/size == k {
			runs[n].hi += uintptr(size)
			continue
		}
		if len(runs) > 64+len(claims)/64 {
			return claimAt{claims: claims, messages: newMessages()} // ids not laid out by IDs: the table finds them all
		}
		runs = append(runs, idRun{lo: p, hi: p + uintptr(size), first: k, size: size})
	}
	slices.SortFunc(runs, func(a, b idRun) int { return cmp.Compare(a.lo, b.lo) })
	return claimAt{claims: claims, runs: runs, messages: newMessages()}
}

// own is the index of the claim whose own id is id: an id as the claim
// holds it, not a copy. It only reads, so checks side by side may ask.
func (c *claimAt) own(id string) (int, bool) {
	var hint int
	return c.ownNear(id, &hint)
}

// ownNear is own, looking first in the run of ids where the last look-up
// ended (*hint): a finding's claims are mostly near one another.
func (c *claimAt) ownNear(id string, hint *int) (int, bool) {
	if id == "" {
		return 0, false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(id)))
	i := *hint
	if i >= len(c.runs) || p < c.runs[i].lo || p >= c.runs[i].hi {
		i = sort.Search(len(c.runs), func(i int) bool { return c.runs[i].lo > p }) - 1
		*hint = max(i, 0)
	}
	if i >= 0 && p < c.runs[i].hi && int(p-c.runs[i].lo)%c.runs[i].size == 0 {
		k := c.runs[i].first + int(p-c.runs[i].lo)/c.runs[i].size
		if own := c.claims[k].ID(); len(own) == len(id) && unsafe.StringData(own) == unsafe.StringData(id) {
			return k, true // ids are unique in a run
		}
	}
	return 0, false
}

// find is the index of the claim with this id.
func (c *claimAt) find(id string) (int, bool) {
	if k, ok := c.own(id); ok {
		return k, true
	}
	if c.table.slot == nil {
		c.table = newIDTable(c.claims)
	}
	return c.table.find(id)
}

// spanText prints a span as a value when it is nearly a point.
func spanText(s Span, unit string) string {
	u := unit
	if u != "" && u != "%" {
		u = " " + u
	}
	switch {
	case s.finite() && math.Abs(s.Hi-s.Lo) <= 1e-3*math.Max(math.Abs(s.Lo), math.Abs(s.Hi)):
		return num(s.mid()) + u
	case math.IsInf(s.Lo, -1) && math.IsInf(s.Hi, 1):
		return "any value"
	case math.IsInf(s.Hi, 1):
		return "at least " + num(s.Lo) + u
	case math.IsInf(s.Lo, -1):
		return "at most " + num(s.Hi) + u
	}
	return fmt.Sprintf("%s to %s%s", num(s.Lo), num(s.Hi), u)
}

// verdictWord says what the figure's span did against the computed one.
func verdictWord(f Finding) string {
	if f.Status == Consistent {
		return "which it allows"
	}
	return "which it does not allow"
}
