package pipeline

import (
	"fmt"
	"math"
	"regexp"
	"slices"

	"github.com/factsheet-dev/factsheet/rules"
)

// Growth compounds: a rate a year over N years multiplies by (1 + r)^N.
// These checks hold an annual rate against the start and end of a change
// and its span (compound growth), against a doubling time, and a
// percentage rise against the multiple that states the same change.

func init() {
	registerCheck("compound-growth", func(d rules.CheckDef) Checker { return compound{d.Approx, d.Tolerance} })
	registerCheck("doubling-time", func(d rules.CheckDef) Checker { return doubling{d.Approx, d.Tolerance} })
	registerCheck("growth-multiple", func(d rules.CheckDef) Checker {
		return growthMultiple{d.Approx, d.Tolerance, d.Patterns["equal"], d.Patterns["apposed"]}
	})
}

// ---- an annual rate against the start, the end and the years between

type compound struct{ approx, tol float64 }

func (c compound) Check(r *Result, add func(Finding)) {
	c.noteRates(r, add)
	eachSentence(r, func(_ *Source, ks []int) {
		window := firstOf(r, ks, func(o *Claim) bool { return o.Kind() == "duration" && o.Change() == "" })
		ps := r.pairsOf(ks)
		if len(ps) == 0 && window >= 0 {
			ps = textPairs(r, ks) // 1,750万人按年增3.2%复利9年,约为2,330万人
		}
		for _, k := range ks {
			if r.Claims[k].Kind() != "growth_rate" {
				continue
			}
			fit := func(p pair) bool {
				_, ok := c.years(r, p, window)
				return ok && Family(&r.Claims[p.from]) == Family(&r.Claims[p.to]) && Family(&r.Claims[p.from]) != "%"
			}
			if f, ok := anyReading(ps, fit, func(p pair) Finding { return c.finding(r, p, window, k) }); ok {
				add(f)
			} else if p := bind(r, ps, k, fit); p >= 0 {
				add(c.finding(r, ps[p], window, k))
			}
		}
	})
}

// noteRates holds a note's one annual rate, where the note states no
// change of its own, against its quote's one change between dated ends:
// "grew from $2.1 trillion in 2015 to $3.9 trillion in 2024" and the note
// "a compound annual growth rate of about 9.5%" (7.1%).
func (c compound) noteRates(r *Result, add func(Finding)) {
	idx := r.index()
	for i := range r.Sources {
		if r.Sources[i].NoteOf == nil || r.Sources[i].DuplicateOf != nil {
			continue
		}
		ns := idx.of(i)
		rate, window, own := -1, -1, false
		for _, k := range ns {
			switch n := &r.Claims[k]; {
			case n.Change() != "" || n.Kind() == "doubling_time" || isLevel(n) && Family(n) != "%" && n.Kind() != "duration":
				own = true // the note's own figures: its own change or a doubling time
			case n.Kind() == "growth_rate":
				own = own || rate >= 0 // a second rate: which is the quote's?
				rate = k
			case n.Kind() == "duration":
				own = own || window >= 0
				window = k // 三十年间…年均减少约1.5%: perhaps the rate's own window
			}
		}
		if own {
			rate = -1
		}
		q, ok := idx.quote(i)
		if rate < 0 || !ok || slices.ContainsFunc(idx.of(q), func(k int) bool { return spans(&r.Claims[k]) }) {
			continue // "doubled in three years, from 2021 to 2023": which span is the rate's?
		}
		var one []pair
		for _, p := range scopePairs(r, idx.of(q)) {
			if _, ok := c.years(r, p, -1); ok && Family(&r.Claims[p.from]) == Family(&r.Claims[p.to]) && Family(&r.Claims[p.from]) != "%" {
				one = append(one, p)
			}
		}
		if len(one) == 1 {
			add(c.finding(r, one[0], c.sameWindow(r, one[0], window), rate))
		}
	}
}

// sameWindow is the note's window if it spans the quote's change p (三十年间
// for 1990 to 2020), for the rate to be read over, else -1: a window that
// is not the change's ("though the first three years were flat") says
// nothing of it, and the change's dated ends give its years.
func (c compound) sameWindow(r *Result, p pair, window int) int {
	if window < 0 {
		return -1
	}
	w, ok := durationYears(&r.Claims[window], 0)
	n, ok2 := yearsBetween(r.Claims[p.from].PeriodKey(), r.Claims[p.to].PeriodKey())
	if !ok || !ok2 || n < w.Lo || n > w.Hi {
		return -1
	}
	return window
}

// spans reports a figure that is a span of time: a window or a doubling time.
func spans(c *Claim) bool { return c.Kind() == "duration" || c.Kind() == "doubling_time" }

// years is the span of a change: the sentence's stated window (29年間,
// over 15 years), else the years between its ends' periods.
func (c compound) years(r *Result, p pair, window int) (Span, bool) {
	if window >= 0 {
		return durationYears(&r.Claims[window], 0)
	}
	n, ok := yearsBetween(r.Claims[p.from].PeriodKey(), r.Claims[p.to].PeriodKey())
	return Span{n, n}, ok
}

func (c compound) finding(r *Result, p pair, window, k int) Finding {
	from, to, rate := &r.Claims[p.from], &r.Claims[p.to], &r.Claims[k]
	n, _ := c.years(r, p, window)
	ratio := Interval(to, c.approx).div(Interval(from, c.approx))
	got := annualRate(ratio, n)
	stated, withSign := signed(rate, c.approx)
	if !withSign {
		got, stated = got.abs(), stated.abs()
	}
	claims := []int{p.from, p.to, k}
	if window >= 0 {
		claims = append(claims, window)
	}
	f := judged("arithmetic", ids(r, claims), rate, got, stated, c.tol, "%")
	f.Message = fmt.Sprintf("from %s to %s over %s years is %s a year ((end / start)^(1 / years) − 1); %s states %s, %s",
		figure(from), figure(to), spanText(n, ""), spanText(got, "%"), figure(rate), spanText(stated, "%"), verdictWord(f))
	return f
}

// annualRate is the yearly rate in percent that multiplies by ratio in n years.
func annualRate(ratio, n Span) Span {
	if ratio.Lo <= 0 || n.Lo <= 0 || !ratio.finite() {
		return Span{math.Inf(-1), math.Inf(1)}
	}
	f := func(q, y float64) float64 { return (math.Pow(q, 1/y) - 1) * 100 }
	return spanOf(f(ratio.Lo, n.Lo), f(ratio.Lo, n.Hi), f(ratio.Hi, n.Lo), f(ratio.Hi, n.Hi))
}

// textPairs pairs the first and last levels of each family in text order
// (a statement of compounding names its start first), of one scale: a
// count of 2 is no end of a change from 17.5 million.
func textPairs(r *Result, ks []int) []pair {
	first := map[string]int{}
	last := map[string]int{}
	var order []string
	for _, k := range sortedByStart(r, ks) {
		c := &r.Claims[k]
		if !isLevel(c) || Family(c) == "%" {
			continue
		}
		f := Family(c)
		if _, ok := first[f]; !ok {
			first[f] = k
			order = append(order, f)
		}
		if sameScale(c.Value, r.Claims[first[f]].Value) {
			last[f] = k
		}
	}
	var out []pair
	for _, f := range order {
		if first[f] != last[f] {
			out = append(out, pair{first[f], last[f]})
		}
	}
	return out
}

func firstOf(r *Result, ks []int, ok func(*Claim) bool) int {
	for _, k := range ks {
		if ok(&r.Claims[k]) {
			return k
		}
	}
	return -1
}

// ---- a doubling time against an annual rate

type doubling struct{ approx, tol float64 }

// A doubling time "at this rate" may stand in the sentence after its rate
// (按年增3.2%…;照这个速度,人口大约每12年翻一番): where its own sentence has
// no rate, the one rate of the sentence before serves.
func (d doubling) Check(r *Result, add func(Finding)) {
	eachScope(r, r.index(), func(_ *Source, ks, before []int) {
		t := firstOf(r, ks, func(o *Claim) bool { return o.Kind() == "doubling_time" })
		if t < 0 {
			return
		}
		rates := growthRates(r, ks)
		if len(rates) == 0 {
			if rates = growthRates(r, before); len(rates) != 1 {
				return
			}
		}
		for _, k := range rates {
			add(d.finding(r, ks, t, k))
		}
	})
}

func growthRates(r *Result, ks []int) []int {
	var out []int
	for _, k := range ks {
		if r.Claims[k].Kind() == "growth_rate" {
			out = append(out, k)
		}
	}
	return out
}

func (d doubling) finding(r *Result, ks []int, t, k int) Finding {
	dt, rate := &r.Claims[t], &r.Claims[k]
	years, _ := durationYears(dt, d.approx)
	factor := Span{2, 2}
	claims := []int{t, k}
	// "almost doubling every two years": the multiple beside it bounds the factor.
	if x := firstOf(r, ks, func(o *Claim) bool { return o.Unit() == "x" && gapOf(o, dt) < 12 }); x >= 0 {
		factor = Interval(&r.Claims[x], 0)
		factor.Lo = math.Max(factor.Lo, 1)
		claims = append(claims, x)
	}
	got := annualRate(factor, years)
	stated, _ := signed(rate, d.approx)
	f := judged("arithmetic", ids(r, claims), rate, got, stated.abs(), d.tol, "%")
	f.Message = fmt.Sprintf("doubling every %s years (%s) is %s a year (2^(1 / years) − 1); %s states %s, %s",
		spanText(years, ""), figure(dt), spanText(got, "%"), figure(rate), spanText(stated.abs(), "%"), verdictWord(f))
	return f
}

// ---- a percentage rise against the multiple that states the same change

type growthMultiple struct {
	approx, tol float64
	equal       *regexp.Regexp // words that say two figures are one: 也就是, i.e., or
	// apposed: the words between a multiple and a rise after it that
	// restate it ("grew 2.5x in five years, a rise of 150%")
	apposed *regexp.Regexp
}

func (g growthMultiple) Check(r *Result, add func(Finding)) {
	if g.equal == nil {
		return
	}
	eachSentence(r, func(src *Source, ks []int) {
		for _, p := range ks {
			pc := &r.Claims[p]
			if pc.Unit() != "%" || pc.Direction() == "" || pc.Kind() == "growth_rate" {
				continue
			}
			for _, x := range ks {
				if mx := &r.Claims[x]; mx.Unit() == "x" && g.restates(r, src, ks, pc, mx) {
					add(g.finding(r, p, x))
				}
			}
		}
	})
}

// restates reports a multiple mx that states the rise pc: after it with a
// word of equality between ("rose 150%, that is 2.5 times"), or before it
// with the rise in apposition ("grew 2.5x, a rise of 150%"); no other
// figure but a span of time stands between.
func (g growthMultiple) restates(r *Result, src *Source, ks []int, pc, mx *Claim) bool {
	if mx.Start >= pc.End {
		return !claimBetween(r, ks, pc, mx) && g.equal.MatchString(between(src, pc.End, mx.Start))
	}
	if g.apposed == nil || mx.End > pc.Start || claimBetween(r, ks, mx, pc) {
		return false
	}
	gap := between(src, mx.End, pc.Start)
	return g.apposed.MatchString(gap) || g.equal.MatchString(gap)
}

// claimBetween reports a claim of ks that stands between a and b: a multiple
// restates the rise just before it, not one further back ("fell 90%, …,
// rose 150%, or 2.5 times"). A span of time is no other figure ("grew 2.5x
// in five years, a rise of 150%").
func claimBetween(r *Result, ks []int, a, b *Claim) bool {
	for _, k := range ks {
		if c := &r.Claims[k]; c.Source() == a.Source() && c.Start >= a.End && c.End <= b.Start && c.Kind() != "duration" {
			return true
		}
	}
	return false
}

func (g growthMultiple) finding(r *Result, p, x int) Finding {
	pc, mx := &r.Claims[p], &r.Claims[x]
	rise, _ := signed(pc, g.approx)
	got := rise.scale(0.01).shift(1)
	stated := Interval(mx, g.approx)
	f := judged("arithmetic", ids(r, []int{p, x}), mx, got, stated, g.tol, "x")
	f.Message = fmt.Sprintf("a change of %s is %s times the start (1 + percent / 100); %s states %s, %s",
		figure(pc), spanText(got, ""), figure(mx), spanText(stated, ""), verdictWord(f))
	return f
}
