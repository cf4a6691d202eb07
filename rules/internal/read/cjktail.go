package read

import "math"

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
