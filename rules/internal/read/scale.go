package read

import (
	"math"
	"strconv"
)

// scaleWords applies scale words after digits: 1.5 million, 3 dozens.
func (sc *scan) scaleWords(a *atom) {
	if a.rule == sc.rs.words.id {
		return
	}
	w := &sc.rs.words
	last := 0.0
	for {
		nw, ok := nextWord(sc.t, a.end)
		if !ok || nw.start > a.end+1 {
			break
		}
		f := w.scales[nw.w] + w.hundreds[nw.w] + w.multiples[nw.w]
		if f == 0 {
			break
		}
		a.scale(f)
		a.end = nw.end
		last = f
		if w.multiples[nw.w] != 0 {
			last = 0 // three dozen 4 is two numbers
		}
		if sc.andFraction(a, f) {
			return
		}
	}
	if last >= 100 {
		sc.addend(a, last)
	}
}

// addend reads the rest of a number after its scale word, in digits or
// words: "4 thousand 3 hundred and 21", "6 crore and two hundred". The rest
// must be smaller than the scale, or it is a second number.
func (sc *scan) addend(a *atom, scale float64) {
	t, w := sc.t, &sc.rs.words
	k := a.end
	if nw, ok := nextWord(t, k); ok && w.and[nw.w] {
		k = nw.end
	}
	j := t.skipSpaces(k, 1)
	if j == k {
		return
	}
	var b atom
	bare := false // digits with no scale word of their own
	switch c := t.at(j); {
	case isDigit(c) && !isDigit(t.at(j-1)):
		e := j
		for isDigit(t.at(e)) {
			e++
		}
		if isLatin(t.at(e)) || isDigit(t.at(e+1)) && (t.at(e) == '.' || t.at(e) == ',') {
			return // 3 hundred 2nd, 3 hundred 2.5
		}
		v, err := strconv.ParseFloat(string(t.f[j:e]), 64)
		if err != nil {
			return
		}
		b, bare = atom{start: j, end: e, value: v}, true
		if nw, ok := nextWord(t, e); ok && nw.start == e+1 {
			f := w.hundreds[nw.w] + w.scales[nw.w]
			switch {
			case f != 0 && f < scale: // 14 lakh 70 thousand, 4 thousand 3 hundred
				b.value *= f
				b.end, bare = nw.end, false
				sc.addend(&b, f)
			case w.scales[nw.w] > scale && v < scale && v >= scale/10 && v == math.Trunc(v) && a.value == math.Trunc(a.value):
				// 32 thousand 633 crore is 32,633 crore: the digits fill the places below the scale
				a.value = (a.value + v) * w.scales[nw.w]
				a.end = nw.end
				return
			}
		}
	case isLatin(c):
		var ok bool
		if b, ok = w.read(t, j); !ok || b.fraction || b.multiple {
			return
		}
	default:
		return
	}
	if b.value <= 0 || b.value >= scale || b.value != float64(int64(b.value)) {
		return
	}
	if scale > 100 && (b.value < 100 || bare) {
		return // "3 million and 5 years" is two numbers; "4 thousand 3 hundred" is one
	}
	a.value += b.value
	a.end = b.end
}

// andFraction reads "and a half" after a scale: 3 million and a half.
func (sc *scan) andFraction(a *atom, scale float64) bool {
	f, end := sc.andAFraction(a.end)
	if f == 0 {
		return false
	}
	a.value += scale * f
	a.end = end
	return true
}

// andAFraction reads "and a half", "and one quarter" after i: the fraction
// (0 when none) and where it ends.
func (sc *scan) andAFraction(i int) (float64, int) {
	w := &sc.rs.words
	and, ok := nextWord(sc.t, i)
	if !ok || !w.and[and.w] {
		return 0, i
	}
	art, ok := nextWord(sc.t, and.end)
	if !ok || !w.articles[art.w] && art.w != "one" {
		return 0, i
	}
	fr, ok := nextWord(sc.t, art.end)
	if d := w.fractions[fr.w]; ok && d != 0 {
		if next, ok := nextWord(sc.t, fr.end); ok && (w.scales[next.w] != 0 || w.multiples[next.w] != 0) {
			return 0, i // 2 years and a half million dollars, and a half-dozen staff: the half is the next number's
		}
		return 1 / d, fr.end
	}
	return 0, i
}
