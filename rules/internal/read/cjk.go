package read

import "math"

// cjkTable reads Chinese and Japanese numerals, alone or mixed with digits:
// 五十五兆一十二億四万五千二, 4.78万亿, 3万4000, 一百零一万一千, 肆佰陸拾,
// 三分之二, 百分之三十, 零点五, 负三十二, 3割5分, 数百, 500多亿.
type cjkTable struct {
	id       string
	digits   map[rune]float64
	units    map[rune]float64 // 十 百 千
	scales   map[rune]float64 // 万 亿 兆
	zero     map[rune]bool
	point    map[rune]bool
	negative []string
	fraction []string  // 分之, 分の
	percent  []string  // the fraction markers after which 百 means percent (百分之三十)
	and      []string  // 又, と: a whole and a fraction
	power    [2]string // の … 乗: 10の13乗
	ratio    []ratioStep
	tenths   map[rune]bool       // 割, 成: tenths, the first step of a ratio
	half     map[rune]bool       // 半 after 割: and a half step (5割半 is 55%)
	off      []string            // 引 after 割: off the price (8割引 leaves 20%)
	noAbbrev map[string]bool     // languages where 一万三 is 10003, not 13000
	discount map[rune]bool       // 折: 75折 is 75%, 2折 is 20%
	vague    map[rune][2]float64 // 数: [1, 9], 几: [2, 9]
	plus     map[rune]bool       // 多, 余: "and some more"
	plusWord []string            // 余り, あまり
	articles map[rune]bool
	formal   map[rune]bool // financial numerals (陆, 拾): never a number alone
}

// ratioStep is one Japanese proportion character (割, 分, 厘) and the
// percentage one unit of it is.
type ratioStep struct {
	char    rune
	percent float64
}

// CJKDef defines the reader of Chinese and Japanese numerals: the
// characters of each role (one character each) and the words around them.
type CJKDef struct {
	Digits    map[string]float64    `yaml:"digits"`
	Units     map[string]float64    `yaml:"units"`
	Scales    map[string]float64    `yaml:"scales"`
	Zero      []string              `yaml:"zero"`
	Point     []string              `yaml:"point"`
	Negative  []string              `yaml:"negative"`
	Fraction  []string              `yaml:"fraction"`
	Percent   []string              `yaml:"percent"`
	And       []string              `yaml:"and"`
	Power     []string              `yaml:"power"`
	Ratio     []map[string]float64  `yaml:"ratio"`
	Tenths    []string              `yaml:"tenths"`
	Half      []string              `yaml:"half"`
	Off       []string              `yaml:"off"`
	NoAbbrev  []string              `yaml:"no_abbreviation"`
	Discount  []string              `yaml:"discount"`
	Vague     map[string][2]float64 `yaml:"vague"`
	Plus      []string              `yaml:"plus"`
	Articles  []string              `yaml:"articles"`
	PlusWords []string              `yaml:"plus_words"`
	Formal    []string              `yaml:"formal"`
}

func newCJKTable() cjkTable { return cjkTable{} }

// CJK sets the reader of Chinese and Japanese numerals.
func (b *Builder) CJK(id string, raw CJKDef) error {
	c := cjkTable{id: id, noAbbrev: set(raw.NoAbbrev), plusWord: raw.PlusWords, off: raw.Off, negative: raw.Negative, fraction: raw.Fraction, percent: raw.Percent, and: raw.And}
	if len(raw.Power) != 0 && len(raw.Power) != 2 {
		return fieldErr("power", "must be [before, after], as [の, 乗]")
	}
	if len(raw.Power) == 2 {
		c.power = [2]string{raw.Power[0], raw.Power[1]}
	}
	var err error
	fields := []struct {
		name string
		in   map[string]float64
		out  *map[rune]float64
	}{{"digits", raw.Digits, &c.digits}, {"units", raw.Units, &c.units}, {"scales", raw.Scales, &c.scales}}
	for _, f := range fields {
		if *f.out, err = runeMap(f.name, f.in); err != nil {
			return err
		}
	}
	if c.vague, err = vagueMap(raw.Vague); err != nil {
		return err
	}
	for _, step := range raw.Ratio {
		for k, v := range step {
			rr := []rune(k)
			if len(rr) != 1 {
				return fieldErr("ratio", "%q must be one character", k)
			}
			c.ratio = append(c.ratio, ratioStep{rr[0], v})
		}
	}
	sets := []struct {
		name string
		list []string
		dst  *map[rune]bool
	}{{"zero", raw.Zero, &c.zero}, {"point", raw.Point, &c.point}, {"plus", raw.Plus, &c.plus},
		{"articles", raw.Articles, &c.articles}, {"formal", raw.Formal, &c.formal}, {"tenths", raw.Tenths, &c.tenths},
		{"discount", raw.Discount, &c.discount}, {"half", raw.Half, &c.half}}
	for _, st := range sets {
		if *st.dst, err = charSet(st.name, st.list); err != nil {
			return err
		}
	}
	b.rs.cjk = c
	return nil
}

func runeMap(field string, in map[string]float64) (map[rune]float64, error) {
	out := make(map[rune]float64, len(in))
	for k, v := range in {
		rr := []rune(k)
		if len(rr) != 1 {
			return nil, fieldErr(field, "%q must be one character", k)
		}
		out[rr[0]] = v
	}
	return out, nil
}

func charSet(field string, in []string) (map[rune]bool, error) {
	out := make(map[rune]bool, len(in))
	for _, k := range in {
		rr := []rune(k)
		if len(rr) != 1 {
			return nil, fieldErr(field, "%q must be one character", k)
		}
		out[rr[0]] = true
	}
	return out, nil
}

func vagueMap(in map[string][2]float64) (map[rune][2]float64, error) {
	out := make(map[rune][2]float64, len(in))
	for k, v := range in {
		rr := []rune(k)
		if len(rr) != 1 || v[0] > v[1] {
			return nil, fieldErr("vague", "%q must be one character with [low, high]", k)
		}
		out[rr[0]] = v
	}
	return out, nil
}

// startSet is every character a CJK numeral can start with.
func (c *cjkTable) startSet() *runeSet {
	out := &runeSet{}
	for _, m := range []map[rune]float64{c.digits, c.units, c.scales} {
		for r := range m {
			out.add(r)
		}
	}
	for r := range c.vague {
		out.add(r)
	}
	for _, n := range c.negative {
		for _, r := range n {
			out.add(r)
			break
		}
	}
	return out
}

// starts reports whether a CJK numeral can start at i.
func (c *cjkTable) starts(t *text, i int) bool {
	r := t.at(i)
	_, d := c.digits[r]
	_, u := c.units[r]
	_, v := c.vague[r]
	return d || u || v || c.negativeAt(t, i) > i || c.scaleFraction(t, i)
}

// scaleFraction reports 万分之 and 万万分之: scales alone as a denominator.
func (c *cjkTable) scaleFraction(t *text, i int) bool {
	_, j := c.scaleRun(t, i)
	return j > i && c.fractionAt(t, j) > 0
}

// scaleRun reads scale characters alone (万万) as their product.
func (c *cjkTable) scaleRun(t *text, i int) (float64, int) {
	v, j := 1.0, i
	for c.scales[t.at(j)] != 0 {
		v *= c.scales[t.at(j)]
		j++
	}
	return v, j
}

func (c *cjkTable) negativeAt(t *text, i int) int {
	for _, n := range c.negative {
		if hasAt(t, i, n) {
			return i + len([]rune(n))
		}
	}
	return i
}

func hasAt(t *text, i int, s string) bool {
	for _, r := range s {
		if t.at(i) != r {
			return false
		}
		i++
	}
	return s != ""
}

// read reads a CJK (or mixed) numeral at i.
func (c *cjkTable) read(t *text, i int) (atom, bool) {
	if c.scaleFraction(t, i) {
		v, j := c.scaleRun(t, i)
		a := atom{start: i, end: j, value: v, rule: c.id} // 万分之三
		c.tail(t, &a)
		return a, a.fraction || a.percent
	}
	j := c.negativeAt(t, i)
	neg := j > i
	lo := cjkWalk{c: c, t: t, pick: 0}
	v, end, ok := lo.run(j)
	if !ok {
		return atom{}, false
	}
	a := atom{start: i, end: end, value: v, rule: c.id, sig: max(lo.digits, 1)}
	if lo.vague || lo.plus {
		hi := cjkWalk{c: c, t: t, pick: 1}
		hv, _, _ := hi.run(j)
		a.vague, a.lo, a.hi = true, v, hv
		if lo.vague {
			a.hi = hv - 1
		}
	}
	a.lone = end-j == 1 && c.articles[t.at(j)] && !neg
	if end-j == 1 && c.formal[t.at(j)] && !neg && c.fractionAt(t, end) == 0 && !c.andFollows(t, end) { // 大陆, 收拾, 参数
		return atom{}, false
	}
	c.tail(t, &a)
	if neg {
		a.value, a.lo, a.hi = -a.value, -a.hi, -a.lo
	}
	return a, true
}

// fractionAt returns the offset after a fraction marker (分之, 分の) at i,
// across spaces, or 0.
func (c *cjkTable) fractionAt(t *text, i int) int {
	k, _ := c.fractionMarker(t, i)
	return k
}

// fractionMarker also says which marker it was.
func (c *cjkTable) fractionMarker(t *text, i int) (int, string) {
	k := t.skipSpaces(i, 2)
	for _, f := range c.fraction {
		if e := hasAtSpaced(t, k, f); e > 0 {
			return t.skipSpaces(e, 2), f
		}
	}
	return 0, ""
}

// tail reads what may follow a numeral: 分之 (a fraction), 又 and a
// fraction (三百五又三分之一), or 割/分/厘.
func (c *cjkTable) tail(t *text, a *atom) {
	if k, marker := c.fractionMarker(t, a.end); k > 0 {
		neg := c.negativeAt(t, k)
		w := cjkWalk{c: c, t: t}
		if num, end, ok := w.run(neg); ok && a.value != 0 {
			if neg > k {
				num = -num
			}
			pct := contains(c.percent, marker) && c.placesOnly(t, a.start, a.end) && a.value >= 100
			a.end, a.lone = end, false
			switch {
			case pct: // 百分之三十, 万分之三: per hundred, per ten thousand; 一百分之二, 百分の二 are fractions
				a.value, a.percent = num*100/a.value, true
			default:
				a.value, a.fraction = num/a.value, true
			}
			a.sig = max(w.digits, 1)
		}
		return
	}
	if c.mixed(t, a) || c.raised(t, a) || c.timesPower(t, a) {
		return
	}
	c.ratios(t, a)
}

// timesPower reads a mantissa times a power in numerals: 十二・三二×十の十四乗.
func (c *cjkTable) timesPower(t *text, a *atom) bool {
	if r := t.at(a.end); r != '×' && r != '*' {
		return false
	}
	w := cjkWalk{c: c, t: t}
	base, end, ok := w.run(a.end + 1)
	if !ok {
		return false
	}
	p := atom{start: a.end + 1, end: end, value: base}
	if !c.raised(t, &p) {
		return false
	}
	a.value *= p.value
	a.end, a.lone, a.sig = p.end, false, 0
	return true
}

// raised reads the Japanese power: 2.5の-1乗, 一の十乗.
func (c *cjkTable) raised(t *text, a *atom) bool {
	if c.power[0] == "" || !hasAt(t, a.end, c.power[0]) {
		return false
	}
	k := a.end + len([]rune(c.power[0]))
	neg := false
	for {
		if j := c.negativeAt(t, k); j > k {
			neg, k = !neg, j
		} else if t.at(k) == '-' {
			neg, k = !neg, k+1
		} else {
			break
		}
	}
	w := cjkWalk{c: c, t: t}
	n, end, ok := w.run(k)
	if !ok || !hasAt(t, end, c.power[1]) {
		return false
	}
	if neg {
		n = -n
	}
	a.value = math.Copysign(math.Pow(math.Abs(a.value), n), a.value)
	a.end, a.lone, a.sig = end+len([]rune(c.power[1])), false, 0
	return true
}

// mixed reads a whole number and a fraction joined by 又 or と.
func (c *cjkTable) mixed(t *text, a *atom) bool {
	k := t.skipSpaces(a.end, 2)
	for _, and := range c.and {
		if !hasAt(t, k, and) {
			continue
		}
		j := t.skipSpaces(k+len([]rune(and)), 2)
		if !c.starts(t, j) && !isDigit(t.at(j)) {
			return false
		}
		f, ok := c.read(t, j)
		if !ok || !f.fraction {
			return false
		}
		a.value += f.value
		a.end, a.lone, a.fraction = f.end, false, false
		return true
	}
	return false
}

// placesOnly reports a numeral written with places alone (百, 万, 百万):
// 百分之三十 is per cent, 一百分之二 and 百二十一分の一 are fractions.
func (c *cjkTable) placesOnly(t *text, i, j int) bool {
	for k := i; k < j; k++ {
		_, u := c.units[t.at(k)]
		if !u && c.scales[t.at(k)] == 0 {
			return false
		}
	}
	return j > i
}

// ratios reads 3割5分 and 三成 as 35 and 30 percent (the first step is
// tenths), and 75折 or 2折 as the discount rate 75 or 20 percent.
func (c *cjkTable) ratios(t *text, a *atom) {
	k := t.skipSpaces(a.end, 1)
	if c.discount[t.at(k)] {
		pct := a.value
		if pct < 10 {
			pct *= 10
		}
		a.value, a.end, a.percent, a.lone = pct, k+1, true, false
		return
	}
	if len(c.ratio) == 0 || !c.tenths[t.at(k)] {
		return
	}
	pct := a.value * c.ratio[0].percent
	end := k + 1
	if c.half[t.at(end)] {
		pct, end = pct+c.ratio[0].percent/2, end+1
	}
	for _, st := range c.ratio[1:] {
		w := cjkWalk{c: c, t: t}
		v, e, ok := w.run(end)
		if !ok || t.at(e) != st.char {
			break
		}
		pct += v * st.percent
		end = e + 1
	}
	if end == k+1 {
		pct, end = c.tenthDigit(t, end, pct)
	}
	for _, o := range c.off {
		if hasAt(t, end, o) {
			pct, end = 100-pct, end+len([]rune(o))
			break
		}
	}
	a.value, a.end, a.percent, a.lone = pct, end, true, false
}

// tenthDigit reads one digit right after the tenths as the next place:
// 七成六 is 76%. A digit that goes on (七成六十, 七成六个) is another number.
func (c *cjkTable) tenthDigit(t *text, i int, pct float64) (float64, int) {
	j := t.skipSpaces(i, 1)
	d, ok := c.digitValue(t.at(j))
	n := t.at(j + 1)
	_, nu := c.units[n]
	_, nd := c.digits[n]
	if !ok || d == 0 || isDigit(n) || nd || nu || c.scales[n] != 0 || isLatin(n) || c.point[n] || c.isRatio(n) {
		return pct, i // 3割5分 goes on to the next step
	}
	return pct + d*c.ratio[0].percent/10, j + 1
}

// digitValue reads one digit, a numeral (六) or an Arabic one (6).
func (c *cjkTable) digitValue(r rune) (float64, bool) {
	if isDigit(r) {
		return float64(r - '0'), true
	}
	d, ok := c.digits[r]
	return d, ok
}

func (c *cjkTable) isRatio(r rune) bool {
	for _, st := range c.ratio {
		if st.char == r {
			return true
		}
	}
	return false
}

// cjkWalk is one pass over a numeral. pick chooses the low (0) or high (1)
// reading of vague characters, so that 数百 is read twice: 100 and 999.
type cjkWalk struct {
	c       *cjkTable
	t       *text
	pick    int
	total   float64
	section float64
	num     float64
	pending bool
	lastBig float64
	last    float64 // the place of the last unit or scale, for 一万三 = 13000
	abbrev  bool    // the pending digit directly follows a unit: 两千四百五
	gap     bool    // a 零 stands between: 五亿零六
	digitIn bool    // the last token was a digit: 二零二五
	vague   bool
	plus    bool
	any     bool
	digits  int // significant digits written
}

// run reads from i and returns the value, the end, and whether anything was read.
func (w *cjkWalk) run(i int) (float64, int, bool) {
	w.lastBig = 1e300
	j := i
	for j < len(w.t.f) {
		k := w.step(j)
		if k == j {
			break
		}
		j = k
	}
	if !w.any || w.vagueAlone() {
		return 0, i, false
	}
	return w.finish(), w.t.backSpaces(j, 1), true
}

// step consumes one token at j and returns the offset after it (j when none).
func (w *cjkWalk) step(j int) int {
	c, t := w.c, w.t
	r := t.at(j)
	if isSpace(r) { // "7 万5 千4 百", "一百 五 十 二": spaces around places
		k := t.skipSpaces(j, 2)
		n := t.at(k)
		_, u := c.units[n]
		_, d := c.digits[n]
		afterPlace := j > 0 && w.placeChar(t.at(j-1))
		if u && w.pending || c.scales[n] != 0 && (w.pending || w.section > 0) || c.plus[n] ||
			afterPlace && (d || isDigit(n)) || c.point[n] && w.pending {
			return k
		}
		return j
	}
	if isDigit(r) || r == '.' && isDigit(t.at(j+1)) && w.pending {
		return w.arabic(j)
	}
	if d, ok := c.digits[r]; ok {
		return w.digit(j, d)
	}
	if v, ok := c.vague[r]; ok && !w.pending {
		w.vague = true
		lo := v[0]
		if w.last > 0 { // 二十几万: at least 二十万
			lo = 0
		}
		w.push(lo+float64(w.pick)*(v[1]+1-lo), false)
		return j + 1
	}
	if u, ok := c.units[r]; ok {
		w.unit(u)
		return j + 1
	}
	if s, ok := c.scales[r]; ok && (w.pending || w.section > 0 || w.total > 0) {
		w.scale(s)
		return j + 1
	}
	if n := t.at(t.skipSpaces(j+1, 2)); c.point[r] && (isDigit(n) || c.digits[n] >= 0 && hasKey(c.digits, n)) {
		if !w.pending && w.section > 0 && w.total == 0 { // 十点二三三: the places so far are the whole part
			w.num, w.section, w.pending = w.section, 0, true
		}
		if w.pending {
			return w.decimals(t.skipSpaces(j+1, 2))
		}
	}
	for _, p := range c.plusWord { // 余り before 余
		if w.any && hasAt(t, j, p) {
			w.more()
			return j + len([]rune(p))
		}
	}
	if c.plus[r] && w.any {
		w.more()
		return j + 1
	}
	return j
}

// vagueAlone reports a vague character with no place after it: 数 in 数据
// or 多数 is no number, 数百 and 十几 are.
func (w *cjkWalk) vagueAlone() bool {
	return w.vague && w.pending && !w.digitIn && w.section == 0 && w.total == 0
}

func (w *cjkWalk) push(v float64, digit bool) {
	w.num, w.pending, w.any, w.digitIn = v, true, true, digit
}

func (w *cjkWalk) arabic(j int) int {
	if w.pending {
		return j
	}
	k, lit, _ := scanDecimal(w.t, j)
	v, ok := parseFloat(lit)
	if !ok {
		return j
	}
	w.push(v, false)
	w.abbrev = false
	w.digits += significant(lit)
	return k
}

func (w *cjkWalk) digit(j int, d float64) int {
	c := w.c
	r := w.t.at(j)
	switch {
	case c.zero[r] && w.any && !w.digitIn:
		w.gap, w.any = true, true
		return j + 1
	case w.pending && w.digitIn: // 二零二五: digit by digit
		w.num = w.num*10 + d
		w.digits++
		return j + 1
	case w.pending:
		return j
	}
	prev := w.t.backSpaces(j, 2) - 1 // 两千 四 百 五: spaces do not end the numeral
	w.abbrev = w.last > 0 && !w.gap && prev >= 0 && w.placeChar(w.t.at(prev)) && !w.c.noAbbrev[w.t.lang]
	w.push(d, true)
	w.digits++
	return j + 1
}

func (w *cjkWalk) placeChar(r rune) bool {
	_, u := w.c.units[r]
	_, s := w.c.scales[r]
	return u || s
}

func (w *cjkWalk) unit(u float64) {
	n := w.num
	if !w.pending || w.num == 0 && w.section == 0 && w.total == 0 {
		n = 1 // 十五, 百分之, and 零十 read as 十
	}
	w.section += n * u
	w.pending, w.last, w.gap, w.any, w.abbrev, w.digitIn = false, u, false, true, false, false
}

func (w *cjkWalk) scale(s float64) {
	if w.pending {
		w.section += w.num
	}
	if s < w.lastBig {
		w.total += w.section * s
	} else {
		w.total = (w.total + w.section) * s
	}
	w.lastBig, w.last, w.section = s, s, 0
	w.pending, w.gap, w.any, w.abbrev, w.digitIn = false, false, true, false, false
}

func (w *cjkWalk) decimals(j int) int {
	f, scale := 0.0, 0.1
	for {
		d, ok := w.c.digitValue(w.t.at(j))
		if !ok {
			break
		}
		f += d * scale
		scale /= 10
		j++
	}
	w.num += f
	w.digitIn = false
	return j
}

// more reads 多/余 ("and some"): the high reading adds one step of the
// current place, so 500多 is [500, 600) and 十余万 [100000, 200000).
func (w *cjkWalk) more() {
	p := w.place()
	if w.pending {
		p = digitPlace(w.num)
		w.section += w.num
		w.pending = false
	}
	w.plus = true
	if w.pick == 1 {
		w.section += p
	}
}

// digitPlace is the place of the last non-zero digit: 500 → 100.
func digitPlace(v float64) float64 {
	p := 1.0
	for v >= 10 && v == float64(int64(v)) && int64(v)%10 == 0 {
		v /= 10
		p *= 10
	}
	return p
}

// place is the size of one step at the current position, for 500多 and 十余.
func (w *cjkWalk) place() float64 {
	if w.section == 0 && w.total > 0 {
		return w.lastBig
	}
	if w.last > 0 && w.last < 1e4 {
		return w.last
	}
	return 1
}

func (w *cjkWalk) finish() float64 {
	if w.pending {
		if w.abbrev && w.last >= 10 {
			w.section += w.num * w.last / 10
		} else {
			w.section += w.num
		}
	}
	return w.total + w.section
}

// plusFollows reports 余り or あまり at i: 100あまり万.
func (c *cjkTable) plusFollows(t *text, i int) bool {
	for _, p := range c.plusWord {
		if hasAt(t, i, p) {
			return true
		}
	}
	return false
}

// andFollows reports 又 or と and a numeral at i: 20と5分の3.
func (c *cjkTable) andFollows(t *text, i int) bool {
	for _, and := range c.and {
		if hasAt(t, i, and) {
			j := i + len([]rune(and))
			return isDigit(t.at(j)) || c.starts(t, j)
		}
	}
	return false
}

func hasKey(m map[rune]float64, r rune) bool {
	_, ok := m[r]
	return ok
}

// hasAtSpaced matches s at i allowing single spaces between its characters
// (百 分 之) and returns the offset after it, or 0.
func hasAtSpaced(t *text, i int, s string) int {
	for k, r := range []rune(s) {
		if k > 0 {
			i = t.skipSpaces(i, 2)
		}
		if t.at(i) != r {
			return 0
		}
		i++
	}
	return i
}
