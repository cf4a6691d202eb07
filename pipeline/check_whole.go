package pipeline

import (
	"fmt"
	"math"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// shareWhole holds the whole a note works out from its quote's part and
// share: the quote "debt passed £2.7 trillion, roughly 98.5% of GDP" and
// the note "GDP约为2.47万亿英镑" (2.74 trillion). The quote states the part
// just before its share and names no whole figure; the note gives one
// figure of the part's family, beyond the part and not the rest of the
// whole, that restates none of the quote's. A quote with two such parts of one family, or a note
// with two such figures, is not read: which whole is whose is not said.
type shareWhole struct{ approx, tol float64 }

func init() {
	registerCheck("share-whole", func(d rules.CheckDef) Checker { return shareWhole{d.Approx, d.Tolerance} })
}

// wholeReach bounds how far from the part / share a note's figure may be
// to be read as the whole: a scale slipped (2.9万亿 for 28.9万亿) is in
// reach, another quantity of the family mostly not.
const wholeReach = 20

// beyondPart reports a figure on the whole's side of the part, clear of
// it: above a part that is less than its whole, below one that is more
// (debt of 255% of GDP). A figure near the part restates it ("超过400亿件"
// noted as 约396亿件), one below it is a part of it.
func beyondPart(v, part, whole float64) bool {
	if whole >= part {
		return v > 1.05*part
	}
	return v < part/1.05
}

func (s shareWhole) Check(r *Result, add func(Finding)) {
	idx := r.index()
	for i := range r.Sources {
		src := &r.Sources[i]
		if src.NoteOf == nil || src.DuplicateOf != nil {
			continue
		}
		q, ok := idx.quote(i)
		if !ok {
			continue
		}
		qs, ns := idx.of(q), idx.of(i)
		if len(qs) < 2 || len(ns) == 0 {
			continue
		}
		part, share := partShare(r, &r.Sources[q], qs)
		if part < 0 {
			continue
		}
		if w := s.noteWhole(r, ns, qs, part, share); w >= 0 {
			add(s.finding(r, part, share, w))
		}
	}
}

// partShare is the one figure of a quote stated as a share of a whole the
// quote gives no figure for ("£2.7 trillion, roughly 98.5% of GDP"), and
// that share; -1, -1 if there is none or more than one.
func partShare(r *Result, src *Source, qs []int) (int, int) {
	part, share := -1, -1
	for j := 0; j+1 < len(qs); j++ {
		a, sh := &r.Claims[qs[j]], &r.Claims[qs[j+1]]
		if j > 0 && Family(&r.Claims[qs[j-1]]) == Family(a) && !strings.ContainsAny(between(src, r.Claims[qs[j-1]].End, a.Start), ".;。；") {
			continue // "14.5亿，超过中国的14.1亿，两国合计约占35%": the share may be of either, or of both
		}
		if !isShare(sh) || sh.Kind() != "share" || sh.Direction() != "" || sh.Change() != "" || sh.Value <= 0 ||
			!isPartOf(a) || !isLevel(a) || a.Change() != "" || a.Direction() != "" || Family(a) == "%" ||
			sh.Start-a.End > shareOfPart || strings.ContainsAny(between(src, a.End, sh.Start), ".;。；:：0123456789") {
			continue
		}
		if hasWhole(r, src, qs[j+2:], a, sh) {
			continue // the whole is stated: the share-of check's
		}
		if part >= 0 {
			return -1, -1
		}
		part, share = qs[j], qs[j+1]
	}
	return part, share
}

// hasWhole reports a figure of the part's family after the share in its
// sentence.
func hasWhole(r *Result, src *Source, rest []int, a, sh *Claim) bool {
	for _, k := range rest {
		o := &r.Claims[k]
		if strings.ContainsAny(between(src, sh.End, o.Start), ".;。；") {
			return false
		}
		if Family(o) == Family(a) {
			return true
		}
	}
	return false
}

// noteWhole is the note's one figure that may be the quote part's whole,
// or -1.
func (s shareWhole) noteWhole(r *Result, ns, qs []int, part, share int) int {
	a := &r.Claims[part]
	w := math.Abs(a.Value) / (shareValue(&r.Claims[share]) / 100)
	got := -1
	for _, k := range ns {
		n := &r.Claims[k]
		if Family(n) != Family(a) || !isLevel(n) || n.Change() != "" || n.Direction() != "" || restatesAny(r, n, qs) {
			continue
		}
		v, pa := math.Abs(n.Value), math.Abs(a.Value)
		if v > w*wholeReach || v < w/wholeReach || !beyondPart(v, pa, w) || math.Abs(v-math.Abs(w-pa)) <= 0.05*v {
			continue // not on the whole's side of the part, or the rest (the other two-thirds)
		}
		if got >= 0 {
			return -1
		}
		got = k
	}
	return got
}

// shareValue is a share in percent, a fraction's too.
func shareValue(c *Claim) float64 {
	if isFraction(c) {
		return c.Value * 100
	}
	return c.Value
}

func (s shareWhole) finding(r *Result, p, k, w int) Finding {
	part, share, whole := &r.Claims[p], &r.Claims[k], &r.Claims[w]
	got := Interval(part, s.approx).abs().div(Interval(share, s.approx)).scale(100) // a fraction's interval is in percent
	stated := Interval(whole, s.approx).abs()
	unit := whole.Unit()
	f := judged("arithmetic", ids(r, []int{p, k, w}), whole, got, stated, s.tol, unit)
	f.Message = fmt.Sprintf("%s as %s of a whole makes the whole %s (part / share × 100); %s states %s, %s",
		figure(part), figure(share), spanText(got, unit), figure(whole), spanText(stated, unit), verdictWord(f))
	return f
}
