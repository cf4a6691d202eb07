package pipeline

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// product holds a total against a quantity times a unit price: 82,353
// litres at 31 pence a litre, 50亿人次 at 2.25美元 a head. A price in a
// compound unit (GBP/L) takes a quantity in its denominator and gives an
// amount in its numerator; a figure per head (per passenger, 人均) takes
// a count. A total is inconsistent only if no quantity of the sentence
// makes it hold; where the sentence has no quantity or total of the right
// unit, the sentence before it in the same passage may give one.
type product struct {
	approx, tol float64
	// sums matches the words before an English total that say it sums
	// the price over its count (bringing in, generating); a price per head
	// with no compound unit is held only against such a total, or one
	// marked as a total, not against any sum of money after it (12
	// apartments at $1.2 million each beside a $40 million tower)
	sums *regexp.Regexp
}

func init() {
	registerCheck("product", func(d rules.CheckDef) Checker { return product{d.Approx, d.Tolerance, d.Patterns["sums"]} })
}

func (p product) Check(r *Result, add func(Finding)) {
	idx := r.index()
	eachScope(r, idx, func(src *Source, ks, before []int) {
		for _, k := range ks {
			price := &r.Claims[k]
			num, den, ok := priceUnits(price)
			if !ok {
				continue
			}
			qs := p.candidates(r, ks, before, k, func(c *Claim) bool { return quantityOf(c, den) })
			ts := p.candidates(r, ks, before, k, func(c *Claim) bool { return c.Unit() == num && c.Role() != "per" && !hasCompound(c) })
			if den == "" && len(qs) != 1 { // a head count must be the only count
				continue
			}
			ts = totalsAfter(r, ts, k, qs)
			if den == "" && src.Lang() == "en" && p.sums != nil {
				ts = p.stated(r, src, ts)
			}
			for _, t := range ts {
				if f, ok := p.judge(r, k, qs, t); ok {
					add(f)
				}
			}
		}
	})
}

// candidates are the figures of the sentence that ok accepts, or, if none,
// those of the sentence before; never k, nor an end of a change.
func (p product) candidates(r *Result, ks, before []int, k int, ok func(*Claim) bool) []int {
	pick := func(from []int) []int {
		var out []int
		for _, j := range from {
			c := &r.Claims[j]
			if j != k && ok(c) && c.Change() == "" && c.Role() != "base" && c.Direction() == "" {
				out = append(out, j)
			}
		}
		return out
	}
	if out := pick(ks); len(out) > 0 {
		return out
	}
	if out := pick(before); len(out) == 1 {
		return out
	}
	return nil
}

// judge holds total t against the price times each quantity: consistent
// with the first that fits, else inconsistent with the nearest.
func (p product) judge(r *Result, k int, qs []int, t int) (Finding, bool) {
	if len(qs) == 0 {
		return Finding{}, false
	}
	near, dist := qs[0], -1
	for _, q := range qs {
		f := p.finding(r, k, q, t)
		if f.Status == Consistent {
			return f, true
		}
		if d := gapOf(&r.Claims[q], &r.Claims[k]); dist < 0 || d < dist && r.Claims[q].Source() == r.Claims[k].Source() {
			near, dist = q, d
		}
	}
	return p.finding(r, k, near, t), true
}

func (p product) finding(r *Result, k, q, t int) Finding {
	price, qty, total := &r.Claims[k], &r.Claims[q], &r.Claims[t]
	got := Interval(price, p.approx).mul(Interval(qty, p.approx))
	stated := Interval(total, p.approx)
	f := judged("arithmetic", ids(r, []int{q, k, t}), total, got, stated, p.tol, total.Unit())
	f.Message = fmt.Sprintf("%s × %s is %s (quantity × unit price); %s states %s, %s",
		figure(qty), figure(price), spanText(got, total.Unit()), figure(total), spanText(stated, total.Unit()), verdictWord(f))
	return f
}

// priceUnits splits a unit price: GBP/L gives GBP and L; a money figure
// per head gives its currency and "" (a count).
func priceUnits(c *Claim) (num, den string, ok bool) {
	if i := strings.IndexByte(c.Unit(), '/'); i > 0 && !isRate(c.Unit()[i+1:]) {
		return c.Unit()[:i], c.Unit()[i+1:], true
	}
	if c.Role() == "per" && c.Unit() != "" && !strings.Contains(c.Unit(), "/") {
		return c.Unit(), "", true
	}
	return "", "", false
}

// isRate reports a denominator of time: L/day is a flow, not a price.
func isRate(den string) bool { return daysPer[den] > 0 || den == "s" }

func hasCompound(c *Claim) bool { return strings.Contains(c.Unit(), "/") }

// quantityOf reports a figure in the unit den, or a head count for "".
func quantityOf(c *Claim, den string) bool {
	if den == "" {
		return c.Unit() == "" && c.Kind() == "count" && c.Role() != "per"
	}
	return c.Unit() == den
}

// eachScope calls fn with the claims of every sentence and those of the
// sentence before it in the same passage: the same source, or the line
// before in the same file when both are quotes in one language.
func eachScope(r *Result, idx *sourceIndex, fn func(src *Source, ks, before []int)) {
	for _, s := range r.scopes(idx) {
		fn(&r.Sources[s.src], idx.claims[s.lo:s.hi:s.hi], idx.claims[s.blo:s.bhi:s.bhi])
	}
}

// scope is a sentence's claims and those of the sentence before it, as
// eachScope gives them: spans of the index's claims, 20 bytes a sentence
// (a million one-line highlights hold a million scopes).
type scope struct {
	src, lo, hi, blo, bhi int32
}

// scopes lists the scopes eachScope walks, once per index of the result:
// several checks walk them, and each walked every source to find them.
func (r *Result) scopes(idx *sourceIndex) []scope {
	r.scopeMu.Lock()
	defer r.scopeMu.Unlock()
	if r.scopeIdx != idx {
		r.scopeIdx, r.scopeList = idx, make([]scope, 0, countScopes(r, idx))
		for i := range r.Sources {
			src := &r.Sources[i]
			if src.DuplicateOf != nil {
				continue
			}
			var blo, bhi int // the last sentence seen, as a span of idx.claims
			if i > 0 {
				if p := &r.Sources[i-1]; p.File() == src.File() && p.Line+1 == src.Line && p.Role() == src.Role() && p.Lang() == src.Lang() {
					prev := idx.of(i - 1)
					bhi = idx.start[i-1] + len(prev)
					blo = bhi - len(lastSentence(r, prev))
				}
			}
			ks, at := idx.of(i), idx.start[i]
			for lo := 0; lo < len(ks); {
				hi := lo + 1
				for hi < len(ks) && r.Claims[ks[hi]].Sentence == r.Claims[ks[lo]].Sentence {
					hi++
				}
				r.scopeList = append(r.scopeList, scope{int32(i), int32(at + lo), int32(at + hi), int32(blo), int32(bhi)})
				blo, bhi = at+lo, at+hi
				lo = hi
			}
		}
	}
	return r.scopeList
}

// countScopes is how many scopes scopes lists: a sentence's claims, one
// run of a source's claims with the same Sentence. A list as long as the
// sources held 8 MB of the 100 MB corpus's check stage unused.
func countScopes(r *Result, idx *sourceIndex) int {
	n := 0
	for i := range r.Sources {
		if r.Sources[i].DuplicateOf != nil {
			continue
		}
		ks := idx.of(i)
		for j := range ks {
			if j == 0 || r.Claims[ks[j]].Sentence != r.Claims[ks[j-1]].Sentence {
				n++
			}
		}
	}
	return n
}

func lastSentence(r *Result, ks []int) []int {
	if len(ks) == 0 {
		return nil
	}
	lo := len(ks) - 1
	for lo > 0 && r.Claims[ks[lo-1]].Sentence == r.Claims[ks[len(ks)-1]].Sentence {
		lo--
	}
	return ks[lo:]
}

// totalsAfter keeps, of several candidate totals, those that stand after
// the price or a quantity: a sentence states a product's factors and then
// what they come to ("a run costs over $500 million, and at 10,000 GPUs for
// $40,000 each the cluster comes to $100 million"). One candidate stays,
// wherever it stands (98亿美元分摊到50亿人次,人均2.25美元).
// stated keeps the totals that the words say sum a price per head: marked
// as a total, or with the rule's sums words just before them.
func (p product) stated(r *Result, src *Source, ts []int) []int {
	var out []int
	for _, t := range ts {
		c := &r.Claims[t]
		if c.Role() == "total" || c.Source() == src.ID() && p.sums.MatchString(between(src, c.Start-32, c.Start)) {
			out = append(out, t)
		}
	}
	return out
}

func totalsAfter(r *Result, ts []int, price int, qs []int) []int {
	if len(ts) < 2 {
		return ts
	}
	first := r.Claims[price].Start
	for _, q := range qs {
		if r.Claims[q].Source() == r.Claims[price].Source() {
			first = min(first, r.Claims[q].Start)
		}
	}
	var out []int
	for _, t := range ts {
		if r.Claims[t].Source() != r.Claims[price].Source() || r.Claims[t].Start > first {
			out = append(out, t)
		}
	}
	return out
}
