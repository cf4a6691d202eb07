package pipeline

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// precision settles how exactly a figure was meant, where its sentence
// says more than the figure alone:
//
//   - a small whole number spelt in words is a count, not a measurement
//     rounded to the unit: "every two years", "five clubs"; but a multiple
//     in words (doubled, quadrupled, 翻两番) is said of 4.1 times as of 4:
//     it is approximate, and so is a fraction in words that sizes a change
//     (fell by a fifth);
//   - a whole number beside figures of its family written to a finer step
//     shares their step: in "a range of 5% to 5.25% … above the 5% before",
//     5% means 5.00%, not anything from 4.5% to 5.5%.
func precision(r *Result, src *Source, claims []int) {
	for _, k := range claims {
		c := &r.Claims[k]
		switch {
		case c.Unit() == "x" && !hasDigit(c.Text) && c.Bound() == "":
			c.SetBound("approx") // doubled, quadrupled, 翻两番: a word of change, said of 4.1 times as of 4
		case isFraction(c) && c.Direction() != "" && !hasDigit(c.Text) && c.Bound() == "":
			c.SetBound("approx") // fell by a fifth, 减少了五分之一: said of 19% as of 20%
		case c.Step != 0 && c.Value == float64(int64(c.Value)) && c.Value >= 0 && c.Value <= 12 && !hasDigit(c.Text):
			c.Step = 0
		}
		if isRange(c) && c.Step > 0 { // 5%–5.25%: the finer end says how the range was written
			c.Step = min(c.Step, decimalStep(*c.Min), decimalStep(*c.Max))
		}
	}
	for i, k := range claims {
		c := &r.Claims[k]
		if c.Step < 1 || c.Unit() == "" || decimalWritten(c.Text) {
			continue // £1.9 billion is no whole number, though its step is 100 million
		}
		for _, j := range claims[max(0, i-8):min(len(claims), i+9)] {
			o := &r.Claims[j]
			if j != k && o.Sentence == c.Sentence && o.Unit() == c.Unit() && o.Step > 0 && o.Step < c.Step &&
				sameScale(c.Value, o.Value) {
				c.Step = o.Step
			}
		}
	}
}

// sameScale reports two values within a factor of 100 of each other.
func sameScale(a, b float64) bool {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	return a > 0 && b > 0 && a < 100*b && b < 100*a
}

func hasDigit(s string) bool {
	for _, c := range s {
		if unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

// decimalStep is the step of a value's last decimal as it prints (5.25:
// 0.01); +Inf for a whole number, which says nothing finer.
func decimalStep(v float64) float64 {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	i := strings.IndexByte(s, '.')
	if i < 0 || len(s)-i-1 > 6 {
		return math.Inf(1)
	}
	return math.Pow(10, -float64(len(s)-i-1))
}

// decimalWritten reports a figure whose number is written with a decimal
// point: 1.9 in "£1.9 billion".
func decimalWritten(text string) bool {
	i, j := numberAt(text)
	return strings.Contains(text[i:j], ".")
}
