package read

// cjkWalk is one pass over a numeral. pick chooses the low (0) or high (1)
// reading of vague characters, so that 数百 is read twice: 100 and 999.
type cjkWalk struct {
	c         *cjkTable
	t         *text
	pick      int
	total     float64
	section   float64
	num       float64
	pending   bool
	lastBig   float64
	last      float64 // the place of the last unit or scale, for 一万三 = 13000
	abbrev    bool    // the pending digit directly follows a unit: 两千四百五
	gap       bool    // a 零 stands between: 五亿零六
	digitIn   bool    // the last token was a digit: 二零二五
	sawArabic bool    // Arabic digits were read: 14.1175亿 takes no abbreviated digit (亿一致)
	vague     bool
	plus      bool
	any       bool
	digits    int // significant digits written
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
	if w.placeChar(r) && c.prefixedUnit(t, j) {
		return j // 300兆瓦: 兆 is the prefix of the unit
	}
	if u, ok := c.units[r]; ok {
		if !w.pending && w.sawArabic && w.total > 0 && w.section == 0 && u >= 100 {
			// after digits and a scale, a place with no digit starts a word:
			// 5亿百姓, 2万千米 (in numerals, 一万千百 is 11,100)
			return j
		}
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
	w.abbrev, w.sawArabic = false, true
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
	case w.sawArabic && !w.placeChar(w.t.at(w.t.skipSpaces(j+1, 2))):
		return j // 14.1175亿一致: 一 begins a word, no digit of the numeral
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
