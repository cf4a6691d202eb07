package read

import "unicode/utf8"

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
	shares   shareForms    // 每5人中有1人, 5人に1人
	// unitWords are the unit words, set when the engine is built: a place
	// character that starts one (千瓦, 兆瓦) is the unit's SI prefix, not a
	// place of the numeral: 300兆瓦 is 300 MW, 2,345.6亿千瓦时 2.3456e11 kWh.
	unitWords *trie
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
	Shares    SharesDef             `yaml:"shares"`
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
	if c.shares, err = newShareForms(raw.Shares); err != nil {
		return err
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
	if s != "" && (t.at(i) < utf8.RuneSelf) != (s[0] < utf8.RuneSelf) {
		return false // ASCII against a CJK word (every digit number asks for 的): no need to decode it
	}
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

// prefixedUnit reports a unit word that starts at j with the place
// character there (千瓦, 兆瓦, 千米).
func (c *cjkTable) prefixedUnit(t *text, j int) bool {
	if c.unitWords == nil || !c.unitWords.first.has(t.at(j)) {
		return false
	}
	v, end := c.unitWords.match(t, j, func(_, end int) bool { return boundaryAfter(t, end) })
	return v >= 0 && end > j+1
}
