package pipeline

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// restatement compares each figure of a note with the figure of its quote
// that it restates (same unit, kind and role). Agreement is consistent; a
// garble (digits swapped, a scale slipped: 415 → 451 TWh, 5 GW → 5 MW) is
// inconsistent; any other difference is unverifiable, since a note may
// bring in a figure of its own. It needs no lexicon.
type restatement struct{}

func init() {
	registerCheck("restatement", func(rules.CheckDef) Checker { return restatement{} })
}

// One consistent finding per note lists every figure it restates well;
// each other pair gets its own finding. Notes are judged on all cores and
// their findings added in input order.
func (restatement) Check(r *Result, add func(Finding)) {
	idx := r.index()
	parts := partsFor(len(r.Sources))
	found := make([][]Finding, parts)
	inParts(len(r.Sources), parts, func(p, lo, hi int) {
		for i := lo; i < hi; i++ {
			found[p] = restateNote(r, idx, i, found[p])
		}
	})
	for _, fs := range found {
		for _, f := range fs {
			add(f)
		}
	}
}

// restateNote appends the findings of source i, if it is a note.
func restateNote(r *Result, idx *sourceIndex, i int, out []Finding) []Finding {
	src := &r.Sources[i]
	if src.NoteOf == nil || src.DuplicateOf != nil {
		return out
	}
	quote := idx.byID(*src.NoteOf)
	var agree []string
	var pairs []string
	for _, k := range idx.of(i) {
		n := &r.Claims[k]
		q := counterpart(r, n, quote)
		if q < 0 {
			continue
		}
		qc := &r.Claims[q]
		garbled := !isRange(n) && !isRange(qc) && garble(InFamily(qc, qc.Value), InFamily(n, n.Value)) != ""
		if !garbled && Overlap(Interval(n, 0.1), Interval(qc, 0.1)) {
			agree = append(agree, qc.ID, n.ID)
			pairs = append(pairs, fmt.Sprintf("%q as %q", qc.Text, n.Text))
			continue
		}
		out = append(out, restate(n, qc))
	}
	if len(agree) > 0 {
		out = append(out, Finding{Kind: "restatement", Status: Consistent, Claims: agree,
			Message: fmt.Sprintf("the note (%s:%d) restates its quote: %s", src.File, src.Line, strings.Join(pairs, ", "))})
	}
	return out
}

// isRange reports a range or vague quantity, whose ends are no figure to miscopy.
func isRange(c *Claim) bool { return c.Min != nil && c.Max != nil }

// restate judges a note figure that misses its quote's.
func restate(n, q *Claim) Finding {
	f := Finding{Kind: "restatement", Claims: []string{q.ID, n.ID}}
	if why := garble(InFamily(q, q.Value), InFamily(n, n.Value)); why != "" {
		f.Status = Inconsistent
		f.Message = fmt.Sprintf("the note gives %s where its quote says %s: %s", figure(n), figure(q), why)
		return f
	}
	f.Status = Unverifiable
	f.Message = fmt.Sprintf("the note gives %s where its quote says %s; it may be another figure", figure(n), figure(q))
	return f
}

// garble says how b looks like a miscopy of a, or "" when it does not.
func garble(a, b float64) string {
	if a == 0 || b == 0 || math.Abs(a-b) <= 1e-9*math.Abs(a) {
		return ""
	}
	ratio := b / a
	if e := math.Log10(math.Abs(ratio)); math.Abs(e-math.Round(e)) < 1e-9 && math.Round(e) != 0 {
		return fmt.Sprintf("the same digits at a scale %s times %s", num(math.Abs(ratio)), map[bool]string{true: "larger", false: "smaller"}[ratio > 1])
	}
	da, db := digits(a), digits(b)
	if len(da) == len(db) && len(da) > 1 && da != db && sorted(da) == sorted(db) {
		return "the same digits in another order"
	}
	return ""
}

func digits(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'g', 12, 64)
	return strings.Trim(strings.ReplaceAll(s, ".", ""), "0")
}

func sorted(s string) string {
	b := []byte(s)
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	return string(b)
}
