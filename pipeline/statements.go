package pipeline

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// A sentence relates its figures: a change has a start and an end, and
// figures that state its size (rose 20%, up 2 cents, 1.4 times, 0.5
// percentage points, 2.5% a year); a total is a count times a unit price.
// The arithmetic checks read these relations from the claims' change
// marks and roles (set by the extraction's form rules) and from their
// periods, never from a lexicon.

// pair is one change a sentence states: the claims of its start and end.
type pair struct{ from, to int }

// isSize reports a figure that states how large a change is, not a level.
func isSize(c *Claim) bool {
	return c.Direction() != "" || c.Unit() == "pp" || c.Kind() == "growth_rate" || c.Unit() == "x"
}

// isLevel reports a figure that is the value of something at a time: the
// start or end a change can run between.
func isLevel(c *Claim) bool {
	return !isSize(c) && c.Kind() != "doubling_time" && c.Kind() != "duration"
}

// pairsOf is scopePairs of a sentence, worked out once for every check
// that reads it. The cache is a slot per claim (4 bytes), not a map: a
// large run's map of a few hundred thousand sentences was a random place in
// memory for each look-up (and caching each sentence's none in a map held 84
// MB for a million one-line highlights).
func (r *Result) pairsOf(ks []int) []pair {
	if len(ks) == 0 {
		return nil
	}
	k := ks[0]
	r.pairsMu.Lock()
	if r.pairAt == nil {
		r.pairAt = make([]int32, len(r.Claims))
	}
	at := int32(0)
	if k < len(r.pairAt) {
		at = r.pairAt[k]
	}
	var ps []pair
	if at > 0 {
		ps = r.pairSets[at-1]
	}
	r.pairsMu.Unlock()
	if at != 0 {
		return ps
	}
	ps = scopePairs(r, ks)
	r.pairsMu.Lock()
	if k < len(r.pairAt) && r.pairAt[k] == 0 {
		r.pairAt[k] = -1
		if len(ps) > 0 {
			r.pairSets = append(r.pairSets, ps)
			r.pairAt[k] = int32(len(r.pairSets))
		}
	}
	r.pairsMu.Unlock()
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// scopePairs lists the changes of one sentence (claims ks, in text order):
// from … to … as the extraction paired them; a base (a year earlier, 上年)
// and the nearest other level of its family; else, where a change is
// stated but neither, the earliest and latest dated levels of one family.
func scopePairs(r *Result, ks []int) []pair {
	var out []pair
	seen := map[pair]bool{}
	addPair := func(p pair) {
		if p.from != p.to && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, k := range ks {
		c := &r.Claims[k]
		switch {
		case c.Change() == "from" && c.Partner >= 0:
			addPair(pair{k, int(c.Partner)})
		case c.Change() == "to" && c.Partner >= 0 && r.Claims[c.Partner].Change() == "from":
			addPair(pair{int(c.Partner), k})
		}
	}
	for _, k := range ks {
		if c := &r.Claims[k]; c.Role() == "base" && isLevel(c) && !inPair(out, k) {
			if j := nearestLevel(r, ks, k, func(o *Claim) bool { return o.Role() != "base" }); j >= 0 {
				addPair(pair{k, j})
			}
		}
	}
	if len(out) == 0 && hasSize(r, ks) {
		out = append(out, datedPairs(r, ks)...)
	}
	return out
}

func inPair(ps []pair, k int) bool {
	for _, p := range ps {
		if p.from == k || p.to == k {
			return true
		}
	}
	return false
}

func hasSize(r *Result, ks []int) bool {
	for _, k := range ks {
		if isSize(&r.Claims[k]) {
			return true
		}
	}
	return false
}

// nearestLevel is the level of k's family in ks closest to k in the text
// that ok accepts, or -1.
func nearestLevel(r *Result, ks []int, k int, ok func(*Claim) bool) int {
	c, best, dist := &r.Claims[k], -1, math.MaxInt
	for _, j := range ks {
		o := &r.Claims[j]
		if j == k || !isLevel(o) || Family(o) != Family(c) || o.Source() != c.Source() || !ok(o) {
			continue
		}
		if d := gapOf(c, o); d < dist {
			best, dist = j, d
		}
	}
	return best
}

// datedPairs pairs, for each family, its earliest and latest dated levels
// when they name two different periods: 2019年出口约2.7万亿, 2020年…2.6万亿.
func datedPairs(r *Result, ks []int) []pair {
	type span struct{ first, last int }
	byFamily := map[string]*span{}
	var order []string
	for _, k := range ks {
		c := &r.Claims[k]
		if !isLevel(c) || !isDated(c.PeriodKey()) {
			continue
		}
		f := Family(c)
		s := byFamily[f]
		if s == nil {
			byFamily[f] = &span{k, k}
			order = append(order, f)
			continue
		}
		if c.PeriodKey() < r.Claims[s.first].PeriodKey() {
			s.first = k
		}
		if c.PeriodKey() > r.Claims[s.last].PeriodKey() {
			s.last = k
		}
	}
	var out []pair
	for _, f := range order {
		if s := byFamily[f]; r.Claims[s.first].PeriodKey() != r.Claims[s.last].PeriodKey() {
			out = append(out, pair{s.first, s.last})
		}
	}
	return out
}

// gapOf is the distance in runes between two claims of one source.
func gapOf(a, b *Claim) int {
	if a.End <= b.Start {
		return b.Start - a.End
	}
	if b.End <= a.Start {
		return a.Start - b.End
	}
	return 0
}

// bind picks the change that a size figure k speaks of: of the pairs fit
// accepts, the one nearest k in the text (a pair in another source of a
// note's quote counts as far). -1 when none fits.
func bind(r *Result, ps []pair, k int, fit func(p pair) bool) int {
	c, best, dist := &r.Claims[k], -1, math.MaxInt
	for i, p := range ps {
		if !fit(p) || p.from == k || p.to == k {
			continue
		}
		d := math.MaxInt / 2
		for _, j := range []int{p.from, p.to} {
			if o := &r.Claims[j]; o.Source() == c.Source() {
				d = min(d, gapOf(c, o))
			}
		}
		if d < dist {
			best, dist = i, d
		}
	}
	return best
}

// signed is the interval a size figure states, with its direction: "fell
// 3%" is −3%; a figure with no direction word is taken as its magnitude
// and so compared in magnitude (ok reports which).
func signed(c *Claim, approx float64) (s Span, withSign bool) {
	s = Interval(c, approx)
	switch c.Direction() {
	case "down":
		return s.abs().neg(), true
	case "up":
		return s.abs(), true
	}
	return s, false
}

// durationYears is a claim's duration in years, as a span.
func durationYears(c *Claim, approx float64) (Span, bool) {
	d := daysPer[c.Unit()]
	if d == 0 {
		return Span{}, false
	}
	return Interval(c, approx).scale(d / daysPer["year"]), true
}

// yearsBetween is the time between two dated period keys, in years, when
// both are years or quarters.
func yearsBetween(a, b string) (float64, bool) {
	ya, okA := yearOf(a)
	yb, okB := yearOf(b)
	if !okA || !okB || ya == yb {
		return 0, false
	}
	return math.Abs(yb - ya), true
}

// yearOf reads YYYY or YYYY-Qn as a fractional year.
func yearOf(k string) (float64, bool) {
	if !isDated(k) {
		return 0, false
	}
	y := 0.0
	for _, c := range k[:4] {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + float64(c-'0')
	}
	switch {
	case len(k) == 7 && k[4] == '-' && k[5] == 'Q':
		y += float64(k[6]-'1') / 4
	case len(k) == 7 && k[4] == '-' && k[5] >= '0' && k[5] <= '1': // a month, 2022-09
		y += (float64(k[5]-'0')*10 + float64(k[6]-'0') - 1) / 12
	}
	return y, true
}

// sortedByStart orders claim indexes by where they stand in one source.
func sortedByStart(r *Result, ks []int) []int {
	out := append([]int(nil), ks...)
	sort.SliceStable(out, func(i, j int) bool { return r.Claims[out[i]].Start < r.Claims[out[j]].Start })
	return out
}

// sameTime reports whether a size figure may state the change between two
// ends: one dated otherwise ("up $1.53 from September 2019") speaks of
// another change than August to September 2022.
func sameTime(size, from, to *Claim) bool {
	k := size.PeriodKey()
	if !isDated(k) || !isDated(from.PeriodKey()) || !isDated(to.PeriodKey()) {
		return true
	}
	return k == from.PeriodKey() || k == to.PeriodKey()
}

// longSpan is a time longer than a year back from a figure: the change
// to it is not the year's change a sentence states elsewhere ("rose 4%
// this year to $1,900, up from $1,200 a decade ago").
// One anchor for both branches: an alternation of two anchored branches
// is not anchored as a whole, and the machine tried every offset.
var longSpan = regexp.MustCompile(`^\s*(?:(?:(?i:a|an|one)\s+(?i:decade|century|generation)|(?i:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+(?i:years|decades))\s+(?i:ago|earlier|before|prior)|(?:[2-9]|[1-9]\d+|[两三四五六七八九十]+)\s*年(?:前|以前))`)

// longAgo reports a figure followed by such a span.
func longAgo(r *Result, k int) bool {
	i, ok := r.index().sourceOf(k)
	return ok && longSpan.MatchString(between(&r.Sources[i], r.Claims[k].End, r.Claims[k].End+32))
}

// sameClause reports two claims of one source with no clause mark between.
func sameClause(src *Source, a, b *Claim) bool {
	if a.Source() != b.Source() {
		return false
	}
	if a.Start > b.Start {
		a, b = b, a
	}
	return !strings.ContainsAny(between(src, a.End, b.Start), ",;，；、。:：")
}

// quotePairs finds, for a note's sentence that states a change but gives
// neither end ("2015年から2018年にかけて約5%増えた"), the change in its
// quote: the quote's figures of one family dated in the years the
// sentence names, earliest to latest.
func quotePairs(r *Result, src *Source, ks []int) []pair {
	if src.NoteOf == nil || !hasSize(r, ks) {
		return nil
	}
	var dated []int // the quote's yearly figures: most quotes have none, and the note's text is not read
	idx := r.index()
	i, _ := idx.sourceOf(ks[0]) // hasSize: ks has a claim
	q, ok := idx.quote(i)
	if !ok {
		return nil
	}
	var stated []pair // the quote's own changes: "reached 250 Mbps, up from 100 Mbps"
	for _, k := range idx.of(q) {
		c := &r.Claims[k]
		if c.Change() == "from" && c.Partner >= 0 {
			stated = append(stated, pair{k, int(c.Partner)})
		}
		if isLevel(c) && len(c.PeriodKey()) == 4 && isDated(c.PeriodKey()) {
			dated = append(dated, k)
		}
	}
	if len(dated) < 2 {
		return stated
	}
	years := yearsIn(src.Text)
	named := dated[:0:0]
	for _, k := range dated {
		if years[r.Claims[k].PeriodKey()] {
			named = append(named, k)
		}
	}
	return append(stated, datedPairs(r, named)...)
}

// yearsIn is the set of years (1900 to 2099) a text names, as digits not
// inside a longer number.
func yearsIn(text string) map[string]bool {
	out := map[string]bool{}
	digit := func(i int) bool { return i >= 0 && i < len(text) && text[i] >= '0' && text[i] <= '9' }
	for i := 0; i+4 <= len(text); i++ {
		if (text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') && digit(i+2) && digit(i+3) &&
			!digit(i-1) && !digit(i+4) {
			out[text[i:i+4]] = true
			i += 3
		}
	}
	return out
}
