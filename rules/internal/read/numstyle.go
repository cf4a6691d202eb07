package read

// How a text writes its numbers. A comma before exactly three digits
// (3,539) and a point before exactly three digits (1.234) are ambiguous on
// their own: grouping in English, a decimal in most of Europe. The text
// decides: where it groups thousands with points (1.234.567, 1.234,5) or
// with spaces (141 260 000, 12 345,6, 597 000 with a no-break space), its
// commas are decimal commas, and with points also its points before three
// digits are grouping. A comma decimal elsewhere in the text (3,6%) is not
// enough: English outlets quoting continental figures keep their own comma
// grouping beside the quoted decimals ("141,26 million tons ... 3,539 kilos").
const (
	styleRead           uint8 = 1 << iota // the text has been looked at
	styleCommaDecimal                     // 3,539 is three and a bit
	stylePointThousands                   // 1.234 is a thousand and more
)

// numberStyle reads the text's number style once, in one pass: each
// digit run is looked at once, with its groups.
func (t *text) numberStyle() uint8 {
	if t.style != 0 {
		return t.style
	}
	s := styleRead
	for i := 0; i < len(t.f); {
		if !isDigit(t.f[i]) {
			i++
			continue
		}
		j := i
		for j < len(t.f) && isDigit(t.f[j]) {
			j++
		}
		if j-i > 3 || t.at(i-1) == '.' || t.at(i-1) == ',' {
			i = j
			continue
		}
		s |= t.groupStyle(j)
		i = max(j, t.groupsEnd(j))
	}
	t.style = s
	return s
}

// groupsEnd returns the end of the groups of three that follow j with one
// separator, a point or a space, used throughout.
func (t *text) groupsEnd(j int) int {
	sep := t.at(j)
	if sep != '.' && sep != ' ' {
		return j
	}
	for t.at(j) == sep && thousandsGroup(t, j+1) {
		j += 4
	}
	return j
}

// groupStyle is the style that the groups after the leading digits ending
// at j show, if any.
func (t *text) groupStyle(j int) uint8 {
	sep := t.at(j)
	k := t.groupsEnd(j)
	n := (k - j) / 4
	if n == 0 {
		return 0
	}
	decimal := t.at(k) == ',' && isDigit(t.at(k+1)) && t.r[k] == ','
	switch {
	case sep == '.' && (n >= 2 || decimal):
		return styleCommaDecimal | stylePointThousands
	case sep == ' ' && (n >= 2 || decimal || hardSpace(t.r[j])):
		return styleCommaDecimal
	}
	return 0
}

// hardSpace is a space that typesetters put only inside numbers: no-break,
// narrow no-break and thin spaces.
func hardSpace(c rune) bool { return c == 0xA0 || c == 0x202F || c == 0x2009 }

// commaDecimal reports whether the comma at j, in the number that started
// at i (whose digits so far are int), is a decimal comma: 3,5 %, €51,3
// billion, 0,29%, 141,26 million. A comma before exactly three digits is
// grouping unless the number cannot be grouped (0,539) or the text's style
// says otherwise; a list (1,2,3), a comma after or before CJK text (增长3,5月)
// and a full-width comma are never decimal.
func commaDecimal(t *text, i, j int, intDigits int, grouped bool) bool {
	if t.r[j] != ',' || grouped || !isDigit(t.at(j+1)) {
		return false
	}
	k := j + 1
	for isDigit(t.at(k)) {
		k++
	}
	n := k - j - 1
	if t.at(k) == ',' && isDigit(t.at(k+1)) || t.at(k) == '.' && isDigit(t.at(k+1)) {
		return false // 1,2,3 and 1,234.5
	}
	p := t.at(i - 1)
	if p == ',' || isHan(p) || isKana(p) || isHan(t.at(k)) || isKana(t.at(k)) {
		return false
	}
	zero := intDigits == 1 && t.at(j-1) == '0'
	if n >= 3 {
		return zero || t.numberStyle()&styleCommaDecimal != 0
	}
	return intDigits <= 3 || t.numberStyle()&styleCommaDecimal != 0
}

// pointThousands reports whether the point at j groups thousands: only in
// a text that groups with points, before exactly three digits.
func pointThousands(t *text, j int) bool {
	return thousandsGroup(t, j+1) && t.numberStyle()&stylePointThousands != 0
}
