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
// A sentence's claims are consecutive: each is a slice of one list of all
// claim indexes, where a slice of its own for each sentence was a tenth of
// a large run's check stage garbage (what the collector is run for).
func (r *Result) sentences() []sentence {
	r.sentOnce.Do(func() {
		idx := r.index()
		same := func(a, b *Claim) bool { return a.Source() == b.Source() && a.Sentence == b.Sentence }
		each := func(fn func(i, start, end int)) {
			start := 0
			for j := 1; j <= len(r.Claims); j++ {
				if j < len(r.Claims) && same(&r.Claims[j], &r.Claims[start]) {
					continue
				}
				if i := int(max(idx.srcOf[start], 0)); j-start >= 2 && r.Sources[i].DuplicateOf == nil { // 0 for none, as ever
					fn(i, start, j)
				}
				start = j
			}
		}
		n := 0
		each(func(_, _, _ int) { n++ })
		all := idx.every(len(r.Claims))
		r.sents = make([]sentence, 0, n)
		each(func(i, start, end int) { r.sents = append(r.sents, sentence{i, all[start:end:end]}) })
	})
	return r.sents
}

// between is the source text from rune offset i to j.
// It walks the text to rune j at most and copies nothing but the result: a
// check asks for a few runes around a claim, many times per source.
func between(src *Source, i, j int) string {
	i = max(0, i)
	if i >= j {
		return ""
	}
	s := src.Text
	lo, n := -1, 0
	for b := range s {
		if n == i {
			lo = b
		}
		if n == j {
			return s[lo:b]
		}
		n++
	}
	if lo < 0 {
		return ""
	}
	return s[lo:]
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
}

var daysPer = map[string]float64{"year": 365.25, "month": 30.44, "week": 7, "day": 1, "hour": 1.0 / 24, "minute": 1.0 / 1440}

func (d durationRatio) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		var durs []int
		for _, k := range ks {
			if daysPer[r.Claims[k].Unit()] > 0 {
				durs = append(durs, k)
			}
		}
		for _, k := range ks {
			x := &r.Claims[k]
			if x.Unit() != "x" || len(durs) != 2 || d.words == nil {
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
	pa, pb := scaled(Points(a), daysPer[a.Unit()]), scaled(Points(b), daysPer[b.Unit()])
	if pa.Lo < pb.Lo { // a is the longer
		a, b, pa, pb = b, a, pb, pa
	}
	ratio := Span{pa.Lo / pb.Hi, pa.Hi / pb.Lo}
	stated := Interval(x, d.approx)
	f := Finding{Kind: "arithmetic", Status: verdict(ratio, stated, true), Claims: []string{b.ID(), a.ID(), x.ID()}}
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
