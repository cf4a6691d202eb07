package pipeline

import (
	"fmt"
	"math"
	"regexp"

	"github.com/factsheet-dev/factsheet/rules"
)

// Arithmetic checks look at the figures of one sentence and the sum, ratio
// or product the sentence states for them.

// eachSentence calls fn with the claims of every sentence that has two or
// more (claims are in source and sentence order).
func eachSentence(r *Result, fn func(src *Source, ks []int)) {
	for _, s := range r.sentences() {
		fn(&r.Sources[s.src], s.claims)
	}
}

// sentence is the claims of one sentence of one source.
type sentence struct {
	src    int
	claims []int
}

// sentences lists, once per result, the sentences with two claims or more.
func (r *Result) sentences() []sentence {
	r.sentOnce.Do(func() {
		srcAt := r.index().at
		same := func(a, b *Claim) bool { return a.Source == b.Source && a.Sentence == b.Sentence }
		start := 0
		for j := 1; j <= len(r.Claims); j++ {
			if j < len(r.Claims) && same(&r.Claims[j], &r.Claims[start]) {
				continue
			}
			if i := srcAt[r.Claims[start].Source]; j-start >= 2 && r.Sources[i].DuplicateOf == nil {
				ks := make([]int, j-start)
				for k := range ks {
					ks[k] = start + k
				}
				r.sents = append(r.sents, sentence{i, ks})
			}
			start = j
		}
	})
	return r.sents
}

// between is the source text from rune offset i to j.
func between(src *Source, i, j int) string {
	rs := []rune(src.Text)
	i, j = max(0, min(i, len(rs))), max(0, min(j, len(rs)))
	if i >= j {
		return ""
	}
	return string(rs[i:j])
}

// verdict compares what a sentence computes with what it states: the stated
// interval must hold all of the computed one (contain) or share a value with it.
func verdict(computed, stated Span, contain bool) string {
	switch {
	case contain && stated.Contains(computed), !contain && Overlap(computed, stated):
		return Consistent
	}
	return Inconsistent
}

// ---- the ratio of two durations against "N times faster"

type durationRatio struct {
	approx float64
	words  *regexp.Regexp
}

func init() {
	registerCheck("duration-ratio", func(d rules.CheckDef) Checker { return durationRatio{d.Approx, d.Pattern} })
	registerCheck("factor", func(d rules.CheckDef) Checker { return factor{d.Approx} })
	registerCheck("product", func(d rules.CheckDef) Checker { return product{d.Approx, d.Pattern} })
	registerCheck("percent-change", func(d rules.CheckDef) Checker { return percentChange{d.Approx, d.Pattern} })
	registerCheck("share-sum", func(d rules.CheckDef) Checker { return shareSum{} })
}

var daysPer = map[string]float64{"year": 365.25, "month": 30.44, "week": 7, "day": 1, "hour": 1.0 / 24, "minute": 1.0 / 1440}

func (d durationRatio) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		var durs []int
		for _, k := range ks {
			if daysPer[r.Claims[k].Unit] > 0 {
				durs = append(durs, k)
			}
		}
		for _, k := range ks {
			x := &r.Claims[k]
			if x.Unit != "x" || len(durs) != 2 || d.words == nil {
				continue
			}
			a, b := &r.Claims[durs[0]], &r.Claims[durs[1]]
			if !d.words.MatchString(between(src, min(a.Start, b.Start), x.End+12)) {
				continue
			}
			add(d.finding(r, a, b, x))
		}
	})
}

func (d durationRatio) finding(r *Result, a, b, x *Claim) Finding {
	pa, pb := scaled(Points(a), daysPer[a.Unit]), scaled(Points(b), daysPer[b.Unit])
	if pa.Lo < pb.Lo { // a is the longer
		a, b, pa, pb = b, a, pb, pa
	}
	ratio := Span{pa.Lo / pb.Hi, pa.Hi / pb.Lo}
	stated := Interval(x, d.approx)
	f := Finding{Kind: "arithmetic", Status: verdict(ratio, stated, true), Claims: []string{b.ID, a.ID, x.ID}}
	f.Message = fmt.Sprintf("%s against %s is %s times, and %s says %s", figure(a), figure(b), ratioText(ratio), figure(x), stated)
	if f.Status == Inconsistent && Overlap(ratio, stated) {
		f.Message += ": it holds for part of the range only"
	}
	return f
}

func scaled(s Span, f float64) Span { return Span{s.Lo * f, s.Hi * f} }

func ratioText(s Span) string {
	if s.Lo == s.Hi {
		return num(s.Lo)
	}
	return num(s.Lo) + " to " + num(s.Hi)
}

// ---- from … to … against the stated factor

type factor struct{ approx float64 }

func (f factor) Check(r *Result, add func(Finding)) {
	eachChange(r, func(_ *Source, from, to, x *Claim) {
		if to.Change != "to" || x.Unit != "x" {
			return
		}
		ratio := changeRatio(Interval(from, f.approx), Interval(to, f.approx))
		stated := Interval(x, f.approx)
		add(Finding{Kind: "arithmetic", Status: verdict(ratio, stated, false), Claims: []string{from.ID, to.ID, x.ID},
			Message: fmt.Sprintf("from %s to %s is %s times; %s says %s", figure(from), figure(to), ratioText(ratio), figure(x), stated)})
	})
}

// eachChange calls fn with each change statement of a sentence (from … to
// …, both in one source, not in percent) and each other figure of that
// sentence that plays no part in a change: the figure the sentence states
// for the change.
func eachChange(r *Result, fn func(src *Source, from, to, other *Claim)) {
	eachSentence(r, func(src *Source, ks []int) {
		for _, k := range ks {
			from := &r.Claims[k]
			if from.Change != "from" || from.Partner < 0 || from.Unit == "%" || r.Claims[from.Partner].Source != from.Source {
				continue
			}
			for _, j := range ks {
				if other := &r.Claims[j]; other.Change == "" {
					fn(src, from, &r.Claims[from.Partner], other)
				}
			}
		}
	})
}

// changeRatio is how many times the larger end of a change is the smaller:
// "from $100 million to under $1,000" fell at least 100,000 times. Amounts
// are not negative, so an open lower end stops at zero.
func changeRatio(a, b Span) Span {
	a.Lo, b.Lo = math.Max(a.Lo, 0), math.Max(b.Lo, 0)
	if b.Hi < a.Lo { // a fall: the start over the end
		a, b = b, a
	}
	return Span{b.Lo / a.Hi, b.Hi / a.Lo}
}

// ---- count × unit price against the total

type product struct {
	approx float64
	words  *regexp.Regexp
}

func (p product) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		for ti, t := range ks {
			total := &r.Claims[t]
			if total.Kind != "money" || ti < 2 {
				continue
			}
			price, count := p.factors(r, ks[:ti], total)
			if price < 0 || count < 0 || p.words == nil {
				continue
			}
			last := max(r.Claims[price].End, r.Claims[count].End)
			if !p.words.MatchString(between(src, last, total.Start)) {
				continue
			}
			add(p.finding(r, &r.Claims[count], &r.Claims[price], total))
		}
	})
}

// factors picks the nearest unit price (money in the total's currency) and
// the nearest exact count before the total.
func (p product) factors(r *Result, before []int, total *Claim) (int, int) {
	price, count := -1, -1
	for i := len(before) - 1; i >= 0; i-- {
		c := &r.Claims[before[i]]
		switch {
		case price < 0 && c.Unit == total.Unit:
			price = before[i]
		case count < 0 && c.Unit == "" && c.Kind == "count" && c.Min == nil && c.Max == nil:
			count = before[i]
		}
	}
	return price, count
}

func (p product) finding(r *Result, count, price, total *Claim) Finding {
	a, b := Interval(count, p.approx), Interval(price, p.approx)
	got := Span{a.Lo * b.Lo, a.Hi * b.Hi}
	stated := Interval(total, p.approx)
	return Finding{Kind: "arithmetic", Status: verdict(got, stated, false), Claims: []string{count.ID, price.ID, total.ID},
		Message: fmt.Sprintf("%s × %s is %s %s; the sentence states %s", figure(count), figure(price),
			num(InFamily(count, count.Value)*price.Value), price.Unit, figure(total))}
}

// ---- a stated percentage change against its two values

type percentChange struct {
	approx float64
	words  *regexp.Regexp
}

func (p percentChange) Check(r *Result, add func(Finding)) {
	if p.words == nil {
		return
	}
	eachChange(r, func(src *Source, from, to, pc *Claim) {
		if pc.Unit == "%" && p.words.MatchString(between(src, pc.Start-24, pc.Start)) {
			add(p.finding(from, to, pc))
		}
	})
}

func (p percentChange) finding(from, to, pc *Claim) Finding {
	a, b := Interval(from, p.approx), Interval(to, p.approx)
	got := Span{(b.Lo - a.Hi) / a.Hi * 100, (b.Hi - a.Lo) / a.Lo * 100}
	if got.Lo > got.Hi {
		got.Lo, got.Hi = got.Hi, got.Lo
	}
	stated := Interval(pc, p.approx)
	if (from.Value > to.Value) != (stated.Lo < 0) { // "fell 20%" states the size of a fall
		stated = Span{-stated.Hi, -stated.Lo}
	}
	return Finding{Kind: "arithmetic", Status: verdict(got, stated, false), Claims: []string{from.ID, to.ID, pc.ID},
		Message: fmt.Sprintf("from %s to %s is a change of %s%%; the sentence states %s", figure(from), figure(to),
			num(100*(to.Value-from.Value)/from.Value), figure(pc))}
}

// ---- shares of different subjects adding up past 100%

type shareSum struct{}

func (shareSum) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(_ *Source, ks []int) {
		var parts []int
		seen := map[string]bool{}
		lo := 0.0
		for _, k := range ks {
			c := &r.Claims[k]
			if Family(c) != "%" || c.Change != "" || c.Subject == "" || seen[c.Subject] || c.Kind != "share" {
				continue
			}
			seen[c.Subject] = true
			parts = append(parts, k)
			lo += math.Max(Interval(c, 0).Lo, 0)
		}
		if len(parts) < 2 || !sameMetric(r, parts) {
			return
		}
		st := Consistent
		if lo > 100 {
			st = Inconsistent
		}
		add(Finding{Kind: "arithmetic", Status: st, Claims: ids(r, parts),
			Message: fmt.Sprintf("shares of %d subjects add up to at least %s%%: %s", len(parts), num(lo), figures(r, parts))})
	})
}

func sameMetric(r *Result, ks []int) bool {
	for _, k := range ks[1:] {
		if r.Claims[k].Metric != r.Claims[ks[0]].Metric || r.Claims[k].Metric == "" {
			return false
		}
	}
	return true
}
