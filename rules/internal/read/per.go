package read

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// perTable reads compound units, a quantity per unit of something physical
// or of time: $4.99 a gallon, 3,539 kg/ha, 2 million barrels a day,
// 366万桶/日, and, before the figure in Chinese and Japanese, 每升约1.10美元,
// 时速约28,000公里, 1日約3.18億リットル, リットル当たり1.3ドル. A price per
// count (per dozen, per passenger) is no compound: dozens and passengers
// are no units, and the role-per form marks those.
type perTable struct {
	id         string
	connectors trie   // after the figure: per, a, an, /
	wordConn   []bool // the connector is a word, which spaces must surround
	skip       trie   // a word after the figure that a short phrase follows (barrels of oil a day)
	markers    trie   // before a denominator that stands before the figure: 每, 1
	markerGap  []int
	notBefore  trie // what a marker starts that is no rate: 1月 is January
	suffixes   trie // after a denominator that stands before the figure: 当たり
	implied    trie // words before the figure that say the denominator: 时速
	// impliedNotAfter are the characters that make an implied word a time
	// of its own (今年)
	impliedNotAfter map[rune]bool
	impliedGap      map[string]int // gaps of their own, by word
	impliedWords    []string       // the implied words, by their trie value
	extra           trie           // denominators the unit rules leave out: t, 日, d
	unless          trie           // words after a denominator that make it none: a year ago
	// spread holds the compound kinds that the other figures of a sentence
	// share, spreadWords the words that name a denominator with no figure
	spread      map[string]bool
	spreadWords trie
	// spreadJoin, reversed, holds the words that tie an earlier figure to
	// a compound after it ("from $3.12 to $3.49 a gallon"); none: any
	spreadJoin   trie
	rateWords    trie
	rateKinds    map[string]bool
	rateIDs      []string
	rateDef      []int
	rateAfter    trie
	afterIDs     []string
	rateAfterDef []int
	num, of      map[string]bool
	kinds        map[string]string
	perSecond    map[string]bool
	seconds      map[string]float64
	gap          int
	// the unit rules that implied words and extra denominators name,
	// resolved once every unit is known
	impliedIDs, extraIDs []string
	impliedDef, extraDef []int
}

// PerDef defines how compound units are written: the connectors after a
// figure and the denominators they take, the markers and words before a
// figure, and which pairs of unit kinds make a compound, of what kind.
type PerDef struct {
	Connectors []string `yaml:"connectors"`
	// Skip is a word after the figure that up to two words follow before
	// the connector: "barrels of oil a day".
	Skip []string `yaml:"skip"`
	// Markers stand before a denominator that stands before the figure
	// (每升1.10美元, 1ガロン4.99ドル), each with how many Chinese or
	// Japanese characters may stand between the denominator and the
	// figure (每天减产20万桶); NotBefore is what a marker starts that is no
	// rate (1月 is January). Suffixes stand after a denominator
	// (リットル当たり); implied words say the denominator (时速); Gap is
	// how many characters may follow those.
	Markers   map[string]int `yaml:"markers"`
	NotBefore []string       `yaml:"not_before"`
	Suffixes  []string       `yaml:"suffixes"`
	Gap       int            `yaml:"gap"`
	// Implied maps a word before the figure to the unit rule of the
	// denominator it says (时速: hours); Denominators maps an alias that
	// the unit rules leave out (t, 日) to the unit rule it stands for.
	Implied      map[string]string `yaml:"implied"`
	Denominators map[string]string `yaml:"denominators"`
	// ImpliedNotAfter are characters that make an implied word after them
	// a time of its own (今年, 去年: this year, not a year's); ImpliedGap
	// gives a word a gap of its own: 年 and 一年 stand right before their
	// figure, a qualifier aside (年約3,000万トン; 一年前为80万吨 is no rate).
	ImpliedNotAfter []string       `yaml:"implied_not_after"`
	ImpliedGap      map[string]int `yaml:"implied_gap"`
	UnlessAfter     []string       `yaml:"unless_after"`
	// Of lists the unit kinds a denominator may be. Kinds maps each pair
	// "numerator kind/denominator kind" that makes a compound to the
	// claim's kind ("money/*" for any denominator); a pair it does not
	// list stays a plain figure (415 TWh a year).
	Of    []string          `yaml:"of"`
	Kinds map[string]string `yaml:"kinds"`
	// PerSecond lists the numerator kinds whose rates read per second
	// (km/h in m/s), with the seconds of each duration unit.
	PerSecond []string           `yaml:"per_second"`
	Seconds   map[string]float64 `yaml:"seconds"`
	// RateWords are words before the figure, in its clause, that make it a
	// rate (daily: days), for the numerator kinds of RateKinds only;
	// RateAfter are words right after the figure that say per and the unit
	// at once (annually: years), for every pair of kinds.
	RateWords map[string]string `yaml:"rate_words"`
	RateKinds []string          `yaml:"rate_kinds"`
	RateAfter map[string]string `yaml:"rate_after"`
	// Spread lists the compound kinds (price) whose denominator the other
	// figures of the sentence in the same currency share; SpreadWords
	// name a denominator that no figure states (the cost per gallon).
	Spread      []string `yaml:"spread"`
	SpreadWords []string `yaml:"spread_words"`
	// SpreadJoiners are the words that must stand right before a compound
	// for an earlier figure of its clause to share its denominator: "from
	// $3.12 to $3.49 a gallon" shares it, "$9.5bn works out at $250m a
	// km" does not (a total and its cost per unit).
	SpreadJoiners []string `yaml:"spread_joiners"`
}

// Per sets how compound units are read.
func (b *Builder) Per(id string, raw PerDef) error {
	if len(raw.Connectors) == 0 && len(raw.Markers) == 0 && len(raw.Implied) == 0 {
		return fieldErr("connectors", "a per rule needs connectors, markers or implied words")
	}
	if len(raw.Kinds) == 0 || len(raw.Of) == 0 {
		return fieldErr("kinds", "a per rule needs the pairs of unit kinds it reads (kinds) and the kinds of its denominators (of)")
	}
	p := &perTable{id: id, num: map[string]bool{}, of: set(raw.Of), kinds: raw.Kinds, perSecond: set(raw.PerSecond),
		seconds: raw.Seconds, gap: raw.Gap, extra: trie{exact: true}, spread: set(raw.Spread), rateKinds: set(raw.RateKinds),
		spreadJoin: trie{reverse: true}}
	for pair := range raw.Kinds {
		num, _, ok := strings.Cut(pair, "/")
		if !ok || num == "" {
			return fieldErr("kinds", "%q is not numerator kind/denominator kind", pair)
		}
		p.num[num] = true
	}
	if len(raw.PerSecond) > 0 && len(raw.Seconds) == 0 {
		return fieldErr("per_second", "rates read per second need the seconds of each duration unit (seconds)")
	}
	for i, c := range raw.Connectors {
		p.connectors.add(c, i)
		p.wordConn = append(p.wordConn, isLatin([]rune(c)[0]))
	}
	for _, l := range []struct {
		tr    *trie
		words []string
	}{{&p.skip, raw.Skip}, {&p.notBefore, raw.NotBefore}, {&p.suffixes, raw.Suffixes}, {&p.unless, raw.UnlessAfter},
		{&p.spreadWords, raw.SpreadWords}, {&p.spreadJoin, raw.SpreadJoiners}} {
		for i, w := range l.words {
			l.tr.add(w, i)
		}
	}
	p.impliedGap = raw.ImpliedGap
	for w := range raw.ImpliedGap {
		if _, ok := raw.Implied[w]; !ok {
			return fieldErr("implied_gap", "%q is no implied word", w)
		}
	}
	p.impliedWords = sortedKeys(raw.Implied) // the implied trie's values, in its order
	p.impliedNotAfter = map[rune]bool{}
	for _, w := range raw.ImpliedNotAfter {
		r := []rune(w)
		if len(r) != 1 {
			return fieldErr("implied_not_after", "%q must be one character", w)
		}
		p.impliedNotAfter[r[0]] = true
	}
	keyed(&p.markers, &p.markerGap, raw.Markers)
	keyed(&p.implied, &p.impliedIDs, raw.Implied)
	keyed(&p.rateWords, &p.rateIDs, raw.RateWords)
	keyed(&p.rateAfter, &p.afterIDs, raw.RateAfter)
	keyed(&p.extra, &p.extraIDs, raw.Denominators)
	b.rs.per = p
	return nil
}

// keyed adds a word list with a value for each word to a trie, whose
// values index vals, in the words' order so that a build is the same.
func keyed[V any](tr *trie, vals *[]V, m map[string]V) {
	for _, w := range sortedKeys(m) {
		tr.add(w, len(*vals))
		*vals = append(*vals, m[w])
	}
}

// resolve finds the unit rules that implied words and extra denominators
// name; a name that is no unit rule is an error of the per rule.
func (p *perTable) resolve(u *unitTable) error {
	byID := make(map[string]int, len(u.defs))
	for i, d := range u.defs {
		byID[d.ID] = i
	}
	look := func(field string, ids []string) ([]int, error) {
		out := make([]int, len(ids))
		for k, id := range ids {
			i, ok := byID[id]
			if !ok {
				return nil, &FieldError{Rule: p.id, Field: field, Msg: fmt.Sprintf("no unit rule %q", id)}
			}
			out[k] = i
		}
		return out, nil
	}
	var err error
	if p.impliedDef, err = look("implied", p.impliedIDs); err != nil {
		return err
	}
	if p.rateDef, err = look("rate_words", p.rateIDs); err != nil {
		return err
	}
	if p.rateAfterDef, err = look("rate_after", p.afterIDs); err != nil {
		return err
	}
	p.extraDef, err = look("denominators", p.extraIDs)
	return err
}

// pair is the kind of a compound of the two unit kinds, if they make one.
func (p *perTable) pair(num, den string) (string, bool) {
	for _, k := range [...]string{num + "/" + den, num + "/*"} {
		if kind, ok := p.kinds[k]; ok {
			return kind, true
		}
	}
	return "", false
}

// listPer is the last denominator found before a figure, which the next
// item of a list shares.
type listPer struct {
	h    perHit
	kind string // the numerator's kind
	end  int    // where its claim ends
}

// perHit is a denominator found beside a figure.
type perHit struct {
	def        *unitDef
	factor     float64 // one of it in its canonical unit
	start, end int
}

// denominatorAt reads, at i, a unit that may be a denominator.
func (sc *scan) denominatorAt(i int) (perHit, bool) {
	p, u, t := sc.rs.per, &sc.rs.units, sc.t
	best := perHit{end: -1}
	if h, ok := u.after(t, i); ok && h.start == i {
		best = perHit{def: h.def, factor: h.factor, start: i, end: h.end}
	}
	if h, ok := sc.ctxAfter(i, i); ok && h.start == i && h.end >= best.end {
		best = perHit{def: h.def, factor: h.factor, start: i, end: h.end} // 每斤 in Chinese
	}
	// an extra denominator wins a tie over a unit no denominator can be:
	// "$3.20 a pound" is by weight, though pound alone is sterling
	if v, e := p.extra.match(t, i, func(_, e int) bool { return boundaryAfter(t, e) }); v >= 0 &&
		(e > best.end || e == best.end && !p.of[best.def.Kind]) {
		d := &u.defs[p.extraDef[v]]
		best = perHit{def: d, factor: d.Factor, start: i, end: e}
	}
	if best.def == nil || !p.of[best.def.Kind] || best.def.Offset != 0 || best.def.PowerOf != 0 {
		return perHit{}, false
	}
	if v, _ := p.unless.match(t, t.skipSpaces(best.end, 1), func(_, e int) bool { return boundaryAfter(t, e) }); v >= 0 {
		return perHit{}, false // a year ago, 一年前
	}
	return best, true
}

// perAfter reads a denominator after the figure m: "$4.99 a gallon",
// "3,539 kg/ha", "2 million barrels of oil a day", "366万桶/日"; or one that
// an alternative after a slash states: "42.5 kilometres/26 miles per hour"
// (the alternative stays a claim of its own). It returns where the compound
// ends.
func (sc *scan) perAfter(m *Match) (perHit, int, bool) {
	p, t := sc.rs.per, sc.t
	k := t.skipSpaces(m.End, 1)
	if k > m.End {
		k = sc.perSkip(k)
	}
	if v, e := p.rateAfter.match(t, k, func(v, e int) bool { return boundaryAfter(t, e) }); v >= 0 && k > m.End {
		d := &sc.rs.units.defs[p.rateAfterDef[v]] // 2 million barrels daily, $50,000 annually
		return perHit{def: d, factor: d.Factor, start: k, end: e}, e, true
	}
	v, e := p.connectors.match(t, k, func(v, e int) bool { return boundaryAfter(t, e) })
	if v < 0 || p.wordConn[v] && (k == m.End || t.at(e) != ' ') {
		return perHit{}, 0, false
	}
	if h, ok := sc.denominatorAt(t.skipSpaces(e, 1)); ok {
		return h, h.end, true
	}
	if !p.wordConn[v] && isDigit(t.at(e)) {
		h, ok := sc.perShared(m, e)
		return h, m.End, ok
	}
	return perHit{}, 0, false
}

// perSkip passes over a skip word and one or two words after it, when a
// word connector follows them: "barrels of crude oil a day".
func (sc *scan) perSkip(k int) int {
	p, t := sc.rs.per, sc.t
	v, e := p.skip.match(t, k, func(_, e int) bool { return boundaryAfter(t, e) })
	if v < 0 || t.at(e) != ' ' {
		return k
	}
	j := e
	for n := 0; n < 2; n++ {
		j = t.skipSpaces(j, 1)
		if !isLatin(t.at(j)) {
			return k
		}
		j = t.wordEnd(j)
		c := t.skipSpaces(j, 1)
		if v, _ := p.connectors.match(t, c, func(_, e int) bool { return boundaryAfter(t, e) }); c > j && v >= 0 && p.wordConn[v] {
			return c
		}
	}
	return k
}

// perShared reads "26 miles per hour" at i: a figure in a unit of m's kind
// whose denominator m shares.
func (sc *scan) perShared(m *Match, i int) (perHit, bool) {
	b, ok := sc.readOne(i)
	if !ok || b.year {
		return perHit{}, false
	}
	sc.scaleWords(&b)
	h, ok := sc.rs.units.afterKind(sc.t, b.end, m.Kind)
	if !ok {
		return perHit{}, false
	}
	alt := Match{End: h.end}
	d, _, ok := sc.perAfter(&alt)
	return d, ok
}

// perBefore finds a denominator that stands before the figure in Chinese
// or Japanese text: after a marker (每升约1.10美元, 1日約3.18億リットル),
// before a suffix (リットル当たり), or said by a word (时速约28,000公里). It
// returns where the compound starts.
func (sc *scan) perBefore(m *Match) (perHit, int, bool) {
	t := sc.t
	if h, ok := sc.perListed(m); ok {
		return h, m.Start, true
	}
	if h, ok := sc.perRateWord(m); ok {
		return h, m.Start, true
	}
	if !cjkLetter(t.at(m.Start - 1)) {
		return perHit{}, 0, false
	}
	// runes looked back over: a marker, a unit (kWh in Japanese text too),
	// a suffix and the gap; of the denominators that end at one place, the
	// longest (1平方メートル当たり, not メートル当たり)
	const reach = 14
	best, at, bestEnd := perHit{}, 0, -1
	for s := m.Start - 1; s >= 0 && s >= m.Start-reach; s-- {
		c := t.at(s)
		if !cjkLetter(c) && !isDigit(c) && !isLatin(c) && c != ' ' {
			break
		}
		if h, end, ok := sc.perBeforeAt(s, m.Start, m.Kind); ok && end >= bestEnd {
			best, at, bestEnd = h, s, end
		}
		if isDigit(c) {
			break
		}
	}
	return best, at, bestEnd >= 0
}

// perListed gives m the denominator that stands before the figure just
// before it, when only a list separator stands between them and they
// measure the same: 時速約42.6km、約26.5マイル; 每吨790美元、810美元.
func (sc *scan) perListed(m *Match) (perHit, bool) {
	l, d := sc.listPer, sc.rs.ranges
	if l.h.def == nil || l.end != sc.lastEnd() || l.kind != m.Kind || d == nil || m.Start <= l.end || m.Start-l.end > 6 {
		return perHit{}, false
	}
	gap := strings.ToLower(strings.TrimSpace(string(sc.t.f[l.end:m.Start])))
	if !d.list[gap] && !d.listMore[gap] {
		return perHit{}, false
	}
	return l.h, true
}

// perRateWord finds a word before the figure in its clause that makes it
// a rate: the daily output of 2 million barrels, monthly usage above 20
// gigabytes. Only the numerator kinds of rate_kinds take one (annual
// revenue of $5 billion stays an amount).
func (sc *scan) perRateWord(m *Match) (perHit, bool) {
	p, t, u := sc.rs.per, sc.t, &sc.rs.units
	if !p.rateKinds[m.Kind] {
		return perHit{}, false
	}
	const reach = 80 // a clause's subject and verb: "monthly usage per smartphone is expected to exceed"
	for k := m.Start - 1; k >= 0 && k >= m.Start-reach; k-- {
		switch t.f[k] {
		case ',', '，', '、', ';', '；', ':', '。', '(', ')':
			return perHit{}, false
		case '.':
			if isSpace(t.at(k + 1)) {
				return perHit{}, false
			}
		}
		if !p.rateWords.first.has(t.f[k]) || !boundaryBefore(t, k) {
			continue
		}
		if v, e := p.rateWords.match(t, k, func(_, e int) bool { return boundaryAfter(t, e) }); v >= 0 {
			d := &u.defs[p.rateDef[v]]
			return perHit{def: d, factor: d.Factor, start: k, end: e}, true
		}
	}
	return perHit{}, false
}

// perBeforeAt reads, at s, an implied word, a marker and its denominator,
// or a denominator and its suffix, that the figure at j follows closely
// enough; end is where it ends.
func (sc *scan) perBeforeAt(s, j int, kind string) (perHit, int, bool) {
	p, t, u := sc.rs.per, sc.t, &sc.rs.units
	if sc.numeralBefore(s) {
		return perHit{}, 0, false // 21日 is a date, 5キロあたり a bag of 5 kg
	}
	if v, e := p.implied.match(t, s, nil); v >= 0 && !p.impliedNotAfter[t.at(s-1)] {
		if !p.rateKinds[kind] && !p.perSecond[kind] {
			return perHit{}, 0, false // 年間売上高 is an amount, as annual revenue is
		}
		gap := p.gap
		if g, ok := p.impliedGap[p.impliedWords[v]]; ok {
			gap = g // 年約3,000万トン, not 年初の生産量1万トン
		}
		d := &u.defs[p.impliedDef[v]]
		return perHit{def: d, factor: d.Factor, start: s, end: e}, e, sc.perGap(e, j, gap)
	}
	if v, _ := p.notBefore.match(t, s, nil); v >= 0 {
		return perHit{}, 0, false
	}
	k, gap := s, -1
	if v, e := p.markers.match(t, s, nil); v >= 0 {
		k, gap = t.skipSpaces(e, 1), p.markerGap[v]
	}
	h, ok := sc.denominatorAt(k)
	if !ok {
		return perHit{}, 0, false
	}
	end := h.end
	if v, e := p.suffixes.match(t, t.skipSpaces(end, 1), nil); v >= 0 {
		end, gap = e, max(gap, p.gap)
	}
	return h, end, gap >= 0 && sc.perGap(end, j, gap)
}

// perGap reports whether at most n Chinese or Japanese characters stand
// between a denominator ending at i and a figure starting at j.
func (sc *scan) perGap(i, j, n int) bool {
	if j < i || j-i > n {
		return false
	}
	for k := i; k < j; k++ {
		if c := sc.t.at(k); !cjkLetter(c) && c != ' ' {
			return false
		}
	}
	return true
}

// numeralBefore reports a digit, a CJK numeral or a date part just before
// s: 21日 and 3月1日 are dates, ５キロあたり a bag of 5 kg.
func (sc *scan) numeralBefore(s int) bool {
	c := sc.t.at(s - 1)
	return isDigit(c) || sc.rs.cjkStart.has(c) || c == '月' || c == '年'
}

// per reads a denominator after or before the figure m and makes m a
// compound; it returns the factor applied to m's value and where the
// compound starts, or 0 when there is none.
func (sc *scan) per(m *Match, before bool) (float64, int) {
	p := sc.rs.per
	if p == nil || !p.num[m.Kind] || strings.Contains(m.Unit, "/") {
		return 0, m.Start
	}
	var h perHit
	var at int
	var ok bool
	if before {
		h, at, ok = sc.perBefore(m)
		if ok {
			sc.listPer = listPer{h: h, kind: m.Kind, end: m.End}
		}
	} else {
		h, at, ok = sc.perAfter(m)
	}
	if !ok {
		return 0, m.Start
	}
	kind, ok := p.pair(m.Kind, h.def.Kind)
	if !ok {
		return 0, m.Start
	}
	g := sc.applyPer(m, h, kind)
	if before {
		return g, at
	}
	m.End = max(m.End, at)
	return g, m.Start
}

// applyPer makes m a quantity per the denominator h: the value per one
// canonical unit of it, the unit "A/B", the kind of the pair.
func (sc *scan) applyPer(m *Match, h perHit, kind string) float64 {
	p := sc.rs.per
	den, f := h.def.Canonical, h.factor
	if s := p.seconds[den]; p.perSecond[m.Kind] && s > 0 {
		den, f = "s", f*s
	} else if s == 1 {
		den = "s"
	}
	g := 1 / f
	sc.scaleClaim(m, g)
	m.Kind = kind
	m.Unit += "/" + den
	return g
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// absorb drops the claims that start at or after i: a compound that
// starts before them holds them (the 1 of 1ガロン3.49ドル).
func (sc *scan) absorb(i int) {
	n := len(sc.out)
	for n > 0 && sc.out[n-1].Start >= i {
		n--
	}
	sc.out, sc.items = sc.out[:n], sc.items[:n]
	for len(sc.pers) > 0 && sc.pers[len(sc.pers)-1].k >= n {
		sc.pers = sc.pers[:len(sc.pers)-1]
	}
}

// digitIn reports a digit in [i, j).
func (sc *scan) digitIn(i, j int) bool {
	for k := i; k < j; k++ {
		if isDigit(sc.t.at(k)) {
			return true
		}
	}
	return false
}

// perMark is a claim that became a compound a sentence may share.
type perMark struct {
	k      int     // the claim
	g      float64 // the factor its value took
	num    float64 // its value before
	suffix string  // "/L"
	kind   string
	// numKind is the kind of its numerator
	numKind string
	change  bool // it states a change (rose $20 an ounce), not a level
}

// mark records claim m, about to be the k-th, as a compound its sentence
// may share.
func (sc *scan) markPer(m *Match, k int, g float64, numKind string) {
	if !sc.rs.per.spread[m.Kind] {
		return
	}
	i := strings.IndexByte(m.Unit, '/')
	sc.pers = append(sc.pers, perMark{k: k, g: g, num: m.Value / g, suffix: m.Unit[i:], kind: m.Kind, numKind: numKind,
		change: m.Direction != ""})
}

// perSpread gives a price or a yield per unit to the other figures of its
// sentence in the same unit, which state it at other times or its change:
// "1ガロン3.49ドル、2019年9月の1.96ドルから", and, from a phrase that names
// no figure, "The cost per gallon of fuel ($3.49) was up 2 cents from
// $3.47", "yield per hectare could reach 3,539 kilos". A figure of another
// size (the $2 billion it earned), a price per item and a total keep
// their unit.
func (sc *scan) perSpread() {
	p := sc.rs.per
	if p == nil || len(p.spread) == 0 {
		return
	}
	var phrases map[phraseKey]perMark // found when first asked
	for k := range sc.out {
		m := &sc.out[k]
		if !p.num[m.Kind] || strings.IndexByte(m.Unit, '/') >= 0 || m.Role == "per" || m.Role == "total" {
			continue
		}
		src, ok := sc.perNear(m) // ok: src.k is a claim; a phrase's is where it stands
		if !ok {
			if phrases == nil {
				phrases = map[phraseKey]perMark{}
			}
			var found bool
			if src, found = sc.perPhraseOf(m, phrases); !found {
				continue
			}
		}
		// a figure far from the price's size is another quantity (the $2
		// billion it earned); a change (rose $20 an ounce to $2,050) is no
		// measure of the price's size, so its reach is wider
		reach := 100.0
		if src.change {
			reach = 1000
		}
		ratio := math.Abs(m.Value / src.num)
		if sc.priceOfThing(m) {
			m.Role = "per" // a $20,000 car: the price of one, as a price per passenger is
			continue
		}
		if src.num != 0 && (ratio > reach || ratio < 1/reach) && m.Direction == "" || ok && sc.totalOf(m, src) {
			continue
		}
		sc.scaleClaim(m, src.g)
		m.Unit += src.suffix
		m.Kind = src.kind
	}
}

// priceOfThing reports a sum written as the price of the thing named after
// it, an article before: "around 1% of a $20,000 car" is no price per tonne
// and no total of one.
func (sc *scan) priceOfThing(m *Match) bool {
	t, w := sc.t, &sc.rs.words
	art, ok := latinBefore(t, m.Start)
	if !ok || !w.articles[t.lower(art, t.wordEnd(art))] {
		return false
	}
	next, ok := nextWord(t, m.End)
	if !ok || next.start != m.End+1 || w.articles[next.w] || sc.rs.isNumberWord(t, next.start) {
		return false
	}
	v, _ := sc.rs.per.connectors.match(t, next.start, func(_, e int) bool { return boundaryAfter(t, e) })
	return v < 0 // a connector says per: "a $800 a tonne"
}

// totalOf reports a figure that is the price src times a quantity its
// sentence states in the price's denominator: "a 60 kWh pack at $115 per
// kWh costs about $6,900" is a sum, not a price.
func (sc *scan) totalOf(m *Match, src perMark) bool {
	price := sc.out[src.k].Value
	for k := range sc.out {
		q := &sc.out[k]
		if q.Sentence == m.Sentence && "/"+q.Unit == src.suffix && q.Value != 0 &&
			math.Abs(price*q.Value-m.Value) <= 0.1*math.Abs(m.Value) {
			return true
		}
	}
	return false
}

// phraseKey is a sentence and the kind of the figures a phrase is for.
type phraseKey struct {
	sent int
	kind string
}

// perNear is the compound of m's sentence and unit nearest before m, or
// else after it in its clause. Only a few compounds on each side are
// looked at, so that a text of many costs in proportion to their number.
func (sc *scan) perNear(m *Match) (perMark, bool) {
	const look, far = 8, 200 // compounds looked at on each side; runes of a clause after m
	j := sort.Search(len(sc.pers), func(i int) bool { return sc.out[sc.pers[i].k].Start >= m.Start })
	fits := func(pm perMark) bool {
		c := &sc.out[pm.k]
		return c.Sentence == m.Sentence && strings.HasPrefix(c.Unit, m.Unit+"/") && pm.numKind == m.Kind
	}
	for i := j - 1; i >= 0 && i >= j-look && sc.out[sc.pers[i].k].Sentence == m.Sentence; i-- {
		if fits(sc.pers[i]) {
			return sc.pers[i], true
		}
	}
	for i := j; i < len(sc.pers) && i < j+look; i++ {
		c := &sc.out[sc.pers[i].k]
		if c.Sentence != m.Sentence || c.Start-m.End > far {
			break
		}
		if c.Start > m.Start && fits(sc.pers[i]) && sc.oneClause(m.End, c.Start) && sc.joined(c.Start) {
			return sc.pers[i], true // from $3.12 to $3.49 a gallon
		}
	}
	return perMark{}, false
}

// joined reports whether a spread joiner stands right before i, or the
// rule lists none.
func (sc *scan) joined(i int) bool {
	p := sc.rs.per
	return len(p.spreadJoin.nodes) == 0 || sc.wordBefore(&p.spreadJoin, i)
}

// oneClause reports whether no comma or other clause mark stands
// between i and j.
func (sc *scan) oneClause(i, j int) bool {
	for k := i; k < j; k++ {
		switch sc.t.at(k) {
		case ',', '，', '、', ';', '；', ':', '：':
			return false
		}
	}
	return true
}

// perPhraseOf finds, in m's sentence before m, a denominator that no figure
// states: "the cost per gallon", "yield per hectare", "每加仑汽油的价格".
// The first figure of m's kind after it sets the size the others must be
// near.
func (sc *scan) perPhraseOf(m *Match, cache map[phraseKey]perMark) (perMark, bool) {
	key := phraseKey{m.Sentence, m.Kind}
	pm, seen := cache[key]
	if !seen {
		pm = sc.perPhrase(m)
		cache[key] = pm
	}
	if pm.suffix == "" || pm.k > m.Start {
		return perMark{}, false
	}
	if pm.num == 0 {
		pm.num = m.Value
		cache[key] = pm
	}
	return pm, true
}

// perPhrase looks through m's sentence for a spread word and a
// denominator that make a compound of a spread kind with m's kind; k
// holds where the phrase ends.
func (sc *scan) perPhrase(m *Match) perMark {
	p, t := sc.rs.per, sc.t
	lo, hi := 0, len(t.f)
	if s := m.Sentence; s > 0 && s-1 < len(sc.sent) {
		lo = sc.sent[s-1] + 1
	}
	if s := m.Sentence; s < len(sc.sent) {
		hi = sc.sent[s]
	}
	for i := lo; i < hi; i++ {
		if !p.spreadWords.first.has(t.f[i]) || isLatin(t.f[i]) && !boundaryBefore(t, i) {
			continue
		}
		v, e := p.spreadWords.match(t, i, func(_, e int) bool { return boundaryAfter(t, e) })
		if v < 0 {
			continue
		}
		h, ok := sc.denominatorAt(t.skipSpaces(e, 1))
		if !ok {
			continue
		}
		kind, ok := p.pair(m.Kind, h.def.Kind)
		if !ok || !p.spread[kind] {
			continue
		}
		probe := Match{Unit: m.Unit, Kind: m.Kind, Value: 1}
		g := sc.applyPer(&probe, h, kind)
		return perMark{k: h.end, g: g, suffix: probe.Unit[len(m.Unit):], kind: kind, numKind: m.Kind}
	}
	return perMark{}
}
