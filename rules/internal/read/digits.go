package read

import (
	"math"
	"strconv"
	"strings"
)

// digitTable reads numbers written with digits: separators, decimals,
// exponents (1e25, 10^25, 10²⁵, 3×10^24) and attached scale suffixes.
type digitTable struct {
	id            string
	suffixes      map[string]float64
	moneySuffixes map[string]float64
	yearMin       int
	yearMax       int
	clockUnit     string // the unit of an h:mm:ss duration, "" when none reads
	clockWords    *trie  // words before an h:mm:ss that make it a time of day
}

// DigitsDef defines the reader of numbers in digits: the scale suffixes
// (40k, 1.5bn), those that scale only money ($30m), and the span of four
// plain digits that read as a year.
type DigitsDef struct {
	Suffixes      map[string]float64 `yaml:"suffixes"`
	MoneySuffixes map[string]float64 `yaml:"money_suffixes"`
	Years         []int              `yaml:"years"`
	// Durations reads h:mm:ss (a marathon in 2:01:09) as a duration in
	// Unit, hours; after one of its ClockWords (at 14:30:00) it is a time
	// of day, which the exclusion rules drop.
	Durations *ClockDurations `yaml:"durations"`
}

// ClockDurations is how h:mm:ss reads as a duration.
type ClockDurations struct {
	Unit       string   `yaml:"unit"`
	ClockWords []string `yaml:"clock_words"`
}

func newDigitTable() digitTable { return digitTable{} }

// Digits sets the reader of numbers in digits.
func (b *Builder) Digits(id string, raw DigitsDef) error {
	if len(raw.Years) != 0 && (len(raw.Years) != 2 || raw.Years[0] > raw.Years[1]) {
		return fieldErr("years", "must be [first, last]")
	}
	rs := b.rs
	rs.digits = digitTable{id: id, suffixes: raw.Suffixes, moneySuffixes: raw.MoneySuffixes}
	if d := raw.Durations; d != nil {
		if d.Unit == "" {
			return fieldErr("durations.unit", "names the unit of an h:mm:ss duration (hour)")
		}
		words, err := wordTrie("durations.clock_words", d.ClockWords, true) // matched backwards from the number
		if err != nil {
			return err
		}
		rs.digits.clockUnit, rs.digits.clockWords = d.Unit, words
	}
	if len(raw.Years) == 2 {
		rs.digits.yearMin, rs.digits.yearMax = raw.Years[0], raw.Years[1]
	}
	return nil
}

var superscripts = map[rune]rune{'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4',
	'⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-'}

// startsDigits reports whether a digit number can start at i.
func startsDigits(t *text, i int) bool {
	c := t.at(i)
	if isDigit(c) {
		return !isDigit(t.at(i - 1))
	}
	if c == '-' && t.at(i+1) == '.' && isDigit(t.at(i+2)) {
		p := t.at(i - 1)
		return p == 0 || isSpace(p)
	}
	if (c == '.' || c == '-') && isDigit(t.at(i+1)) {
		p := t.at(i - 1)
		// a sign also follows Chinese and Japanese text with no space
		// (約-102°F, 最低-56.5°C): no range or word ends there
		return p == 0 || isSpace(p) || strings.ContainsRune("([<>=≤≥:", p) || (c == '.' && !isWordCh(p) && p != '.') ||
			c == '-' && p >= 0x3000 && (isHan(p) || isKana(p))
	}
	return false
}

// read reads the digit number at i. ok is false when there is none.
func (d *digitTable) read(t *text, i int) (atom, bool) {
	j, lit, plain := scanDecimal(t, i)
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil || j == i {
		return atom{}, false
	}
	a := atom{start: i, end: j, value: v, rule: d.id, sig: significant(lit)}
	if e, k, ok := exponent(t, j, v); ok {
		a.value, a.end = e, k
		return a, true
	}
	if plain && j-i <= 2 && d.clockUnit != "" && t.at(j) == ':' {
		// tenths of a second time a race, never a time of day
		if h, k, ok := clockDuration(t, j, v); ok && (t.at(j+6) == '.' && isDigit(t.at(j+7)) || !d.timeOfDay(t, i)) {
			a.value, a.end, a.clock, a.sig = h, k, true, 0
			return a, true
		}
	}
	if plain && j-i == 4 && d.yearMax > 0 {
		n := int(v)
		a.year = n >= d.yearMin && n <= d.yearMax
	}
	if t.at(j) == '/' || t.at(j) == ' ' {
		if slash(t, &a, plain || t.at(i) == '-' && !strings.Contains(lit, ".")) {
			return a, true
		}
	}
	d.suffix(t, &a)
	return a, true
}

// clockDuration reads the :mm:ss after the hours h that end at j (2:01:09,
// 1:59:40.2) as hours, and returns where it ends.
func clockDuration(t *text, j int, h float64) (float64, int, bool) {
	two := func(k int) (float64, bool) {
		if t.at(k) != ':' || !isDigit(t.at(k+1)) || !isDigit(t.at(k+2)) {
			return 0, false
		}
		n := float64((t.at(k+1)-'0')*10 + t.at(k+2) - '0')
		return n, n < 60
	}
	m, okM := two(j)
	s, okS := two(j + 3)
	if !okM || !okS {
		return 0, 0, false
	}
	k := j + 6
	if t.at(k) == '.' && isDigit(t.at(k+1)) { // tenths and hundredths of a second
		e, lit, _ := scanDecimal(t, k+1)
		f, _ := strconv.ParseFloat("0."+lit, 64)
		s, k = s+f, e
	}
	if isDigit(t.at(k)) || t.at(k) == ':' || isLatin(t.at(k)) {
		return 0, 0, false // 12:30:455, 1:02:03:04, 10:30:00Z
	}
	return h + m/60 + s/3600, k, true
}

// timeOfDay reports a clock word just before i: at 14:30:00.
func (d *digitTable) timeOfDay(t *text, i int) bool {
	return d.clockWords != nil && wordBefore(t, d.clockWords, i)
}

// slash reads a fraction 3/5, and a mixed number 1 3/5, at a's end. Dates
// (4/13/2020) and paths are left alone.
func slash(t *text, a *atom, plain bool) bool {
	if t.at(a.start-1) == '/' || a.year { // the middle of 4/13/2020; a season, 2020/21
		return false
	}
	num, end := a.value, a.end
	whole := 0.0
	if sp := t.skipSpaces(end, 2); sp > end && isDigit(t.at(sp)) { // 1 3/5
		k, lit, plain := scanDecimal(t, sp)
		if t.at(k) != '/' || !plain {
			return false
		}
		whole, num, end = num, parseOr(lit), k
	}
	if t.at(end) != '/' || !isDigit(t.at(end+1)) {
		return false
	}
	k, lit, denPlain := scanDecimal(t, end+1)
	den := parseOr(lit)
	if !denPlain || den == 0 || t.at(k) == '/' || isLatin(t.at(k)) || k-end-1 > 4 || end-a.start > 8 {
		return false
	}
	if !plain && den != 100 { // 1.5/3 is no fraction anyone writes; 120.5/100 is a percentage
		return false
	}
	if den == 100 && whole == 0 { // 12/100 is twelve per cent
		a.value, a.end, a.percent, a.year, a.sig = num, k, true, false, 0
		return true
	}
	v := num / den
	if whole != 0 {
		v = math.Copysign(math.Abs(whole)+v, whole)
	}
	a.value, a.end, a.fraction, a.year, a.sig = v, k, true, false, 0
	return true
}

func parseOr(s string) float64 {
	v, _ := parseFloat(s)
	return v
}

// scanDecimal returns the end of the decimal literal at i, the literal
// without separators, and whether it was plain digits only.
func scanDecimal(t *text, i int) (int, string, bool) {
	var buf [32]byte // most numbers: the literal costs one allocation, the string
	b := buf[:0]
	j := i
	if t.at(j) == '-' {
		b = append(b, '-')
		j++
	}
	plain := t.at(i) != '-'
	spaced, point, grouped := false, false, false
	for {
		c := t.at(j)
		switch {
		case isDigit(c):
			b = append(b, byte(c))
			j++
		case c == ',' && !point && len(b) > 0 && b[len(b)-1] != '-' && commaDecimal(t, i, j, intDigits(b), grouped):
			plain, point = false, true // 3,5 %: a decimal comma
			b = append(b, '.')
			j++
		case c == ',' && thousandsGroup(t, j+1) && j > i, c == ',' && j > i && indianGroup(t, j+1):
			plain, grouped = false, true
			j++
		case c == ' ' && thousandsGroup(t, j+1) && (spaced || j > i && j-i <= 3 && spacedGroups(t, i, j)):
			plain, spaced = false, true // 1 234 567: groups of three after a space
			j++
		case c == '.' && !point && j > i && isDigit(t.at(j-1)) && pointThousands(t, j):
			plain = false // 1.234.567 in a text that groups with points
			j++
		case c == '.' && isDigit(t.at(j+1)) && !point:
			plain, point = false, true
			b = append(b, '.')
			j++
		default:
			return j, string(b), plain
		}
	}
}

// thousandsGroup reports whether exactly three digits start at i.
func thousandsGroup(t *text, i int) bool {
	return isDigit(t.at(i)) && isDigit(t.at(i+1)) && isDigit(t.at(i+2)) && !isDigit(t.at(i+3))
}

// exponent reads 1e25, 10^25, 10²⁵ and m×10^e after a mantissa ending at j.
func exponent(t *text, j int, mant float64) (float64, int, bool) {
	c := t.at(j)
	if (c == 'e' || c == 'E') && (isDigit(t.at(j+1)) || ((t.at(j+1) == '-' || t.at(j+1) == '+') && isDigit(t.at(j+2)))) {
		from := j + 1
		if t.at(from) == '+' {
			from++
		}
		k, lit, _ := scanDecimal(t, from)
		if n, err := strconv.Atoi(lit); err == nil && !isLatin(t.at(k)) {
			return mant * math.Pow(10, float64(n)), k, true
		}
	}
	if n, k, ok := power(t, j); ok && (mant == 10 || t.at(j) == '^' || t.at(j) == 'の') { // 10²⁶, 2^5, 1.1^23, 2.5の-1乗
		return math.Copysign(math.Pow(math.Abs(mant), float64(n)), mant), k, true
	}
	k := t.skipSpaces(j, 1)
	if c := t.at(k); c == '×' || c == 'x' || c == '*' || c == '·' {
		k = t.skipSpaces(k+1, 1)
		if t.at(k) == '1' && t.at(k+1) == '0' {
			if n, end, ok := power(t, k+2); ok {
				return mant * math.Pow(10, float64(n)), end, true
			}
		}
	}
	return 0, j, false
}

// power reads ^25, ^{25} or ²⁵ at j.
func power(t *text, j int) (int, int, bool) {
	var b strings.Builder
	k := j
	if t.at(k) == '^' {
		k++
		brace := t.at(k) == '{'
		if brace {
			k++
		}
		neg := false
		for t.at(k) == '-' || t.at(k) == '+' { // ^--23 reads as ^23
			neg = neg != (t.at(k) == '-')
			k++
		}
		if neg {
			b.WriteByte('-')
		}
		for isDigit(t.at(k)) {
			b.WriteRune(t.at(k))
			k++
		}
		if brace && t.at(k) == '}' {
			k++
		}
	} else if t.at(k) == 'の' { // 10の13乗
		k++
		neg := false
		for t.at(k) == '-' || hasAt(t, k, "マイナス") {
			if t.at(k) == '-' {
				k++
			} else {
				k += 4
			}
			neg = !neg
		}
		if neg {
			b.WriteByte('-')
		}
		for isDigit(t.at(k)) {
			b.WriteRune(t.at(k))
			k++
		}
		if t.at(k) != '乗' {
			return 0, j, false
		}
		k++
	} else {
		for s, ok := superscripts[t.at(k)]; ok; s, ok = superscripts[t.at(k)] {
			b.WriteRune(s)
			k++
		}
	}
	if b.Len() == 0 { // most numbers: no exponent, and no error to make
		return 0, j, false
	}
	n, err := strconv.Atoi(b.String())
	return n, k, err == nil
}

// suffix applies a scale suffix (40k, 1.5bn, 10  k) that ends a token.
func (d *digitTable) suffix(t *text, a *atom) {
	j := t.skipSpaces(a.end, 2)
	e := t.wordEnd(j)
	if e == j || isDigit(t.at(e)) || t.at(e) == '/' && e == j+1 { // 300,000 b/d and 3 m/s are units, not billions and millions
		return
	}
	s := string(t.f[j:e])
	if f, ok := d.suffixes[s]; ok {
		a.scale(f)
		a.end, a.year = e, false
		return
	}
	if f, ok := d.moneySuffixes[s]; ok {
		a.money, a.moneyEnd = f, e
	}
}

func parseFloat(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// significant counts the significant digits of a decimal literal: 0.24 has
// two, 60 has two, 4.78 three. They set how much rounding a figure allows.
func significant(lit string) int {
	n, lead := 0, true
	for _, c := range lit {
		if c < '0' || c > '9' {
			continue
		}
		if lead && c == '0' {
			continue
		}
		lead = false
		n++
	}
	return max(n, 1)
}

// spacedGroups reports whether the number that started at i and reached a
// space at j goes on only in groups of three: "1 234 567", not "5 100 metres".
func spacedGroups(t *text, i, j int) bool {
	if t.at(i) == '0' {
		return false
	}
	k := j
	groups := 0
	for t.at(k) == ' ' && thousandsGroup(t, k+1) {
		k += 4
		groups++
	}
	if groups != 1 {
		return groups >= 2
	}
	if c := t.at(k); (c == '.' || c == ',') && isDigit(t.at(k+1)) || hardSpace(t.r[j]) {
		return true // 12 345,6 and 597 000 with a no-break space
	}
	// 597 000 with a plain space: one number, unless a letter is glued to
	// it (Q4 250, 5 100m), it follows another number (a column of figures)
	// or a capitalised word that may be a name (Windows 11 200 million).
	p := t.at(i - 1)
	if isLatin(t.at(k)) || isWordCh(p) || p == '-' || p == '.' || p == '+' || t.at(k) == '-' && isDigit(t.at(k+1)) {
		return false // and not a phone number's groups: +1 202-555-0143
	}
	if isSpace(p) {
		w := i - 1
		for w > 0 && isLatin(t.at(w-1)) {
			w--
		}
		if c := t.at(w); w < i-1 && c >= 'A' && c <= 'Z' || isDigit(t.at(i-2)) {
			return false
		}
	}
	return true
}

// intDigits counts the digits of a literal so far, without its sign.
func intDigits(b []byte) int {
	if len(b) > 0 && b[0] == '-' {
		return len(b) - 1
	}
	return len(b)
}

// indianGroup reports two digits then a comma that goes on to a group of
// three: the lakh grouping of 12,34,567.
func indianGroup(t *text, i int) bool {
	// no more than six pairs (1,00,00,00,00,00,000): a long run of pairs
	// is a list, and looking further would make a text of them quadratic
	for n := 0; n < 6 && isDigit(t.at(i)) && isDigit(t.at(i+1)) && t.at(i+2) == ','; n++ {
		if thousandsGroup(t, i+3) {
			return true
		}
		i += 3
	}
	return false
}
