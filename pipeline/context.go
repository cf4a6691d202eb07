package pipeline

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/factsheet-dev/factsheet/rules"
)

// Context is the stage that gives each claim its subject, metric and
// period: from the lexicons named in its sentence, else (for a note) from
// the quote it comments on, else from the key words after the figure.
type Context struct {
	Rules *rules.Ruleset
}

var _ Stage = (*Context)(nil)

// Name implements Stage.
func (c *Context) Name() string { return "context" }

// Run implements Stage. A note inherits from its quote, so sources go in
// passes: those that note nothing, then notes on them, both on all cores
// (sources of one pass do not touch each other's claims), then notes on
// notes, in input order.
func (c *Context) Run(_ context.Context, r *Result) error {
	idx := r.index()
	pass := make([]uint8, len(r.Sources))
	for p := range uint8(2) {
		inParts(len(r.Sources), partsFor(len(r.Sources)), func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				if p == 0 {
					pass[i] = passOf(r, idx, i)
				}
				if pass[i] == p {
					c.source(r, idx, i)
				}
			}
		})
	}
	for i := range r.Sources {
		if pass[i] == 2 {
			c.source(r, idx, i)
		}
	}
	r.mentions, r.mentionAt = nil, nil // no later stage reads them
	return nil
}

// passOf is 0 for a source that notes nothing, 1 for a note on such a
// source, 2 for a note on a note.
func passOf(r *Result, idx *sourceIndex, i int) uint8 {
	src := &r.Sources[i]
	if src.NoteOf == nil {
		return 0
	}
	if q, ok := idx.quote(i); ok && r.Sources[q].NoteOf != nil {
		return 2
	}
	return 1
}

// source gives one source's claims their context.
func (c *Context) source(r *Result, idx *sourceIndex, i int) {
	src, claims := &r.Sources[i], idx.of(i)
	if len(claims) == 0 {
		return
	}
	if q, ok := idx.quote(i); ok && src.NoteOf != nil {
		yenOfQuote(r, claims, idx.of(q))
	}
	precision(r, src, claims)
	c.own(r, i, claims)
	if src.NoteOf != nil {
		inherit(r, claims, quotesOf(r, idx, i)) // its quote's figures, then its document's
	}
	c.fallback(r, src, claims)
	pairChanges(r, claims)
}

// yenOfQuote reads a note's ¥ as the currency its quote's figures are in,
// where they are in one of the two the sign stands for: an English note
// beside "営業利益は5兆3529億円" that writes "¥5.35 trillion" means yen,
// though its own words name no Japan.
func yenOfQuote(r *Result, note, quote []int) {
	var in string
	both := false
	for _, k := range quote {
		switch cur, _, _ := strings.Cut(r.Claims[k].Unit(), "/"); cur {
		case "JPY", "CNY":
			both = both || in != "" && in != cur
			in = cur
		}
	}
	if in == "" {
		return
	}
	for _, k := range note {
		c := &r.Claims[k]
		cur, rest, per := strings.Cut(c.Unit(), "/")
		if cur != "JPY" && cur != "CNY" || !strings.ContainsAny(c.Text, "¥￥") {
			continue
		}
		want := in
		if both { // 500亿元，约合1万亿日元, then ¥50 billion: the figure it restates says which
			if want = restatedCurrency(r, c, quote); want == "" {
				continue
			}
		}
		if want != cur {
			if per {
				want += "/" + rest
			}
			c.SetUnit(want)
		}
	}
}

// restatedCurrency is the currency, yen or yuan, of the quote figure whose
// value the note's ¥ figure c has ("" when none or both).
func restatedCurrency(r *Result, c *Claim, quote []int) string {
	found := ""
	for _, k := range quote {
		q := &r.Claims[k]
		cur, _, _ := strings.Cut(q.Unit(), "/")
		if (cur == "JPY" || cur == "CNY") && Overlap(Interval(q, 0.02), Interval(c, 0.02)) {
			if found != "" && found != cur {
				return ""
			}
			found = cur
		}
	}
	return found
}

// own takes the nearest subject and metric named in the claim's sentence.
// Mentions come in text order and do not overlap, so the nearest of a kind
// is one of two found by binary search: a long text costs no more per
// claim than a short one.
func (c *Context) own(r *Result, i int, claims []int) {
	if i+1 >= len(r.mentionAt) {
		return
	}
	ms := r.mentions[r.mentionAt[i]:r.mentionAt[i+1]]
	if len(ms) == 0 {
		return
	}
	// By kind, each kind in text order: the kinds are runs of the one slice.
	slices.SortStableFunc(ms, func(a, b mention) int {
		switch {
		case a.metric == b.metric:
			return 0
		case a.metric:
			return -1
		}
		return 1
	})
	n := sort.Search(len(ms), func(i int) bool { return !ms[i].metric })
	metrics, subjects := ms[:n], ms[n:]
	src := &r.Sources[i]
	var text []rune // decoded when a subject after a figure is first weighed
	markBetween := func(a, b int) bool {
		if text == nil {
			text = runesOf(nil, src.Text)
		}
		return clauseMarkIn(text, a, b)
	}
	for _, k := range claims {
		cl := &r.Claims[k]
		cl.subject, cl.metric = nearest(subjects, cl, markBetween), nearest(metrics, cl, nil)
		cl.Named = cl.subject != 0 && cl.metric != 0
	}
}

// clauseMarkIn reports a mark that ends a clause among the runes [i, j).
func clauseMarkIn(text []rune, i, j int) bool {
	for k := max(i, 0); k < j && k < len(text); k++ {
		switch text[k] {
		case ',', '，', '、', ';', '；', ':', '：', '。':
			return true
		}
	}
	return false
}

// nearest is the name of the mention closest to the claim in its sentence;
// at equal distance the one before it. Where marks reports a clause mark
// between the claim and a nearer name after it, the name before wins: in
// 泰国2023年GDP增长1.9%，马来西亚增长3.7%, the 1.9% is Thailand's.
func nearest(ms []mention, cl *Claim, marks func(i, j int) bool) sym {
	lo := sort.Search(len(ms), func(i int) bool { return ms[i].sentence >= cl.Sentence })
	hi := lo + sort.Search(len(ms)-lo, func(i int) bool { return ms[lo+i].sentence > cl.Sentence })
	ms = ms[lo:hi]
	after := sort.Search(len(ms), func(i int) bool { return int(ms[i].end) > cl.Start }) // the first not wholly before
	best, dist := sym(0), -1
	if after > 0 {
		best, dist = ms[after-1].name, cl.Start-int(ms[after-1].end)
	}
	if after < len(ms) {
		d := max(int(ms[after].start)-cl.End, 0) // 0: it overlaps the claim
		if dist < 0 || d < dist && (marks == nil || d == 0 || !marks(cl.End, int(ms[after].start))) {
			best = ms[after].name
		}
	}
	return best
}

// inherit gives a note's claims what they do not name themselves from the
// quote's claim they restate.
func inherit(r *Result, note, quote []int) {
	if len(quote) == 0 {
		return
	}
	own := ownQuote(r, quote)
	for _, k := range note {
		cl := &r.Claims[k]
		q := counterpart(r, cl, quote, own)
		if cl.Subject() == "" && cl.Metric() == "" && q >= 0 && r.Claims[q].Named {
			cl.Named = true
		}
		if cl.Subject() == "" {
			cl.SetSubject(mostNamed(r, quote, own, q, true, func(c *Claim) string { return c.Subject() }))
		}
		if cl.Metric() == "" {
			cl.SetMetric(mostNamed(r, quote, own, q, false, func(c *Claim) string { return c.Metric() }))
		}
		if cl.Period() == "" && q >= 0 {
			cl.SetPeriod(r.Claims[q].Period())
		}
	}
}

// ownQuote is how many of quote's claims are the noted source's own: they
// come first, the rest of its document after them.
func ownQuote(r *Result, quote []int) int {
	n := 0
	for n < len(quote) && r.Claims[quote[n]].Source() == r.Claims[quote[0]].Source() {
		n++
	}
	return n
}

// counterpart is the quote claim a note claim speaks of: same unit family
// and change role, the closest value first; -1 when there is none. The
// first own claims are the noted source's, where a note's figure may be a
// garble of the one like it; the rest are its document's, which a note
// speaks of only by a figure close to theirs (a price in yen beside a
// quote in dollars a barrel is not the eggs' price three highlights away).
func counterpart(r *Result, cl *Claim, quote []int, own int) int {
	best, score := -1, -1.0
	for i, k := range quote {
		q := &r.Claims[k]
		if Family(q) != Family(cl) || q.Kind() != cl.Kind() && !(isShare(q) && isShare(cl)) ||
			(q.Change() == "from") != (cl.Change() == "from") { // the start of a change is another time
			continue
		}
		near := Overlap(Interval(q, 0.1), Interval(cl, 0.1))
		if i >= own && (!near || isSize(q) != isSize(cl)) {
			continue // another highlight's level is no restatement of a change's size (减少约1400万吨; 13.5 million tonnes)
		}
		s := 1.0
		if near {
			s++
		}
		if s > score {
			best, score = k, s
		}
	}
	return best
}

// mostNamed is the counterpart's value, else the value most of the noted
// source's own claims share, else the one most of its document's claims
// share; with majority, only one that more than half of them share:
// a file of highlights from many articles speaks of no one subject, though
// a book's metric (electricity use) is still the likeliest of its notes'.
func mostNamed(r *Result, quote []int, own, q int, majority bool, get func(*Claim) string) string {
	if q >= 0 && get(&r.Claims[q]) != "" {
		return get(&r.Claims[q])
	}
	if v := mostCommon(r, quote[:own], get); v != "" {
		return v
	}
	doc := quote[own:]
	v := mostCommon(r, doc, get)
	if majority && v != "" {
		n := 0
		for _, k := range doc {
			if get(&r.Claims[k]) == v {
				n++
			}
		}
		if 2*n <= len(doc) {
			return ""
		}
	}
	return v
}

// mostCommon is the value most of the claims share ("" for none).
func mostCommon(r *Result, claims []int, get func(*Claim) string) string {
	count := map[string]int{}
	best := ""
	for _, k := range claims {
		v := get(&r.Claims[k])
		if v == "" {
			continue
		}
		count[v]++
		if count[v] > count[best] {
			best = v
		}
	}
	return best
}

// fallback names the metric of a claim that has none by its key words.
func (c *Context) fallback(r *Result, src *Source, claims []int) {
	var ends []int
	var rs []rune
	for _, k := range claims {
		cl := &r.Claims[k]
		if cl.Metric() != "" && cl.Subject() != "" {
			continue
		}
		if rs == nil {
			buf := runeBufs.Get().(*[]rune)
			rs = runesOf((*buf)[:0], src.Text)
			*buf = rs
			defer func() {
				if cap(*buf) <= 1<<16 { // do not keep the buffer of a huge text alive
					runeBufs.Put(buf)
				}
			}()
		}
		if cl.Subject() == "" {
			cl.SetSubject(phraseSubject(rs, cl))
		}
		if cl.Metric() == "" {
			if np := phraseMetric(rs, src.Lang(), cl); np != "" {
				cl.SetMetric("~" + np)
			} else {
				ends = append(ends, cl.End)
			}
		}
	}
	if len(ends) == 0 {
		return
	}
	words := c.Rules.KeywordsAfter(src.Text, ends)
	for _, k := range claims {
		if cl := &r.Claims[k]; cl.Metric() == "" {
			cl.SetMetric(words[0])
			words = words[1:]
		}
	}
}

// runeBufs keeps the rune buffers of fallback: the phrase readers make
// strings of what they keep, so a text's runes are scratch space, and a
// buffer decoded once saves []rune's two passes and its allocation.
var runeBufs = sync.Pool{New: func() any { return new([]rune) }}

// runesOf appends the runes of s to buf, as []rune(s) would make them.
func runesOf(buf []rune, s string) []rune {
	buf = slices.Grow(buf, len(s)) // a rune per byte at most: no appends grow it
	for _, c := range s {
		buf = append(buf, c)
	}
	return buf
}

// pairChanges links each end of a change statement with its other end: the
// nearest claim of the same family in the same source ("now own over
// two-thirds…, rising from 60%": the end stands before the start). A
// stated end ("to 71%") beats a nearby figure; at equal distance the
// earlier claim wins. Each start looks its partner up by binary search.
func pairChanges(r *Result, claims []int) {
	type family struct{ ends, others []int } // claim indexes, ascending
	var byFamily map[string]*family
	for _, k := range claims {
		c := &r.Claims[k]
		if c.Change() != "from" {
			continue
		}
		if byFamily == nil {
			byFamily = map[string]*family{}
			for _, j := range claims {
				to := &r.Claims[j]
				f := byFamily[Family(to)]
				if f == nil {
					f = &family{}
					byFamily[Family(to)] = f
				}
				switch to.Change() {
				case "to":
					f.ends = append(f.ends, j)
				case "":
					f.others = append(f.others, j)
				}
			}
		}
		f := byFamily[Family(c)]
		best := closestFree(r, f.ends, k)
		if best < 0 {
			best = lastBefore(f.others, k)
		}
		if best >= 0 {
			c.Partner, r.Claims[best].Partner = int32(best), int32(k)
		}
	}
	pairEnds(r, claims)
}

// pairEnds gives the end of a change that no start names ("it went up to
// $4.25", role end) the level before it in the same source, of its family:
// that level becomes the change's start.
func pairEnds(r *Result, claims []int) {
	for i, k := range claims {
		c := &r.Claims[k]
		if c.Role() != "end" || c.Partner >= 0 {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			o := &r.Claims[claims[j]]
			if Family(o) == Family(c) && isLevel(o) && o.Change() == "" && o.Partner < 0 {
				o.SetChange("from")
				o.Partner, c.Partner = int32(k), int32(claims[j])
				break
			}
		}
	}
}

// freeReach is how many ends either way a start looks past those that
// other starts took: enough for a sentence's changes, bounded for a long
// highlight of them.
const freeReach = 8

// closestFree is the end of ks nearest to the start k that no earlier
// start took ("rose from 18.8% to 19.0%, while Samsung's fell from 19.4% to
// 18.3%": 19.0% is the first change's), the later at equal distance, since
// an end follows its start; else the nearest, taken or not.
func closestFree(r *Result, ks []int, k int) int {
	i := sort.SearchInts(ks, k)
	best := -1
	for lo, hi, n := i-1, i, 0; n < freeReach && (lo >= 0 || hi < len(ks)); n++ {
		if hi < len(ks) && r.Claims[ks[hi]].Partner < 0 && (best < 0 || ks[hi]-k <= k-best) {
			best = ks[hi]
		}
		if lo >= 0 && r.Claims[ks[lo]].Partner < 0 && (best < 0 || k-ks[lo] < best-k) {
			best = ks[lo]
		}
		if best >= 0 {
			return best
		}
		lo, hi = lo-1, hi+1
	}
	return closest(ks, k)
}

// lastBefore is the unmarked level an unmarked end is: the nearest before
// the start ("35.5 million, up 26% from 28.2 million, still below the 39.9
// million of 2019": an end after its start is marked "to"), else the
// nearest after it.
func lastBefore(ks []int, k int) int {
	i := sort.SearchInts(ks, k)
	switch {
	case i > 0:
		return ks[i-1]
	case i < len(ks):
		return ks[i]
	}
	return -1
}

// closest returns the element of the ascending ks nearest to k, the
// smaller at equal distance, or -1.
func closest(ks []int, k int) int {
	i := sort.SearchInts(ks, k)
	switch {
	case len(ks) == 0:
		return -1
	case i == 0:
		return ks[0]
	case i == len(ks) || k-ks[i-1] <= ks[i]-k:
		return ks[i-1]
	}
	return ks[i]
}

func isShare(c *Claim) bool { return c.Unit() == "%" || isFraction(c) }

// isFraction is a share written as a ratio ("a third", "one in five"),
// with no unit: it compares as a percentage, and as the size of a change it
// is relative ("dropped by a third, from 24.3% to 16.2%").
func isFraction(c *Claim) bool { return c.Unit() == "" && c.Kind() == "share" }

// Family is the unit a claim is compared in: a share written as a fraction
// (two-thirds) compares as a percentage; a bare count only with its kind.
func Family(c *Claim) string {
	switch {
	case isFraction(c):
		return "%"
	case c.Unit() == "":
		return "#" + c.Kind()
	}
	return c.Unit()
}

// InFamily is the claim's value scaled to its family (0.25 share → 25%).
func InFamily(c *Claim, v float64) float64 {
	if isFraction(c) {
		return v * 100
	}
	return v
}

// place is file:line, the way an editor opens it.
func place(c *Claim) string {
	return c.File() + ":" + strconv.Itoa(int(c.Line))
}

// earlier reports a figure of the earlier time of a change: its start
// (from 238,000) or a base (一年前为41%), which one language marks as the
// other does not.
func earlier(c *Claim) bool { return c.Change() == "from" || c.Role() == "base" }
