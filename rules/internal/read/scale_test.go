package read_test

import "testing"

// Scale words after digits: one space between (a gap of two is no scale's),
// and the rest of the number after the scale word ("3 hundred 2") only when
// it follows at once, as a whole number with no letter, point or decimal
// after it: "3 hundred 2nd", "3 hundred 2.5" and a word between ("4 thousand
// men three hundred") leave two figures; so does a rest that is no whole
// number under the scale (200 after hundred, twice, two halves).
func TestScaleWordsAndAddends(t *testing.T) {
	runCases(t, []extractCase{
		{"5  million people", []want{w("5", 5, "")}},
		{"4 thousand men three hundred women", []want{w("4 thousand", 4000, ""), w("three hundred", 300, "")}},
		{"3 hundred 2nd", []want{w("3 hundred", 300, "")}},
		{"3 hundred 2.5", []want{w("3 hundred", 300, ""), w("2.5", 2.5, "")}},
		{"3 hundred 2, and", []want{w("3 hundred 2", 302, "")}},
		{"3 hundred 2 cats", []want{w("3 hundred 2", 302, "")}},
		{"3 hundred 2 5", []want{w("3 hundred 2", 302, ""), w("5", 5, "")}},
		// the rest is smaller than the scale, a whole number, and no multiple
		{"3 hundred 200", []want{w("3 hundred", 300, ""), w("200", 200, "")}},
		{"3 hundred 100", []want{w("3 hundred", 300, ""), w("100", 100, "")}},
		{"3 hundred 0 cats", []want{w("3 hundred", 300, ""), w("0", 0, "")}},
		// past a hundred, the rest is a hundred or more, or in words
		{"3 thousand and fifty", []want{w("3 thousand", 3000, ""), w("fifty", 50, "")}},
		{"3 thousand one hundred", []want{w("3 thousand one hundred", 3100, "")}},
		// digits that fill the places below a larger scale: 32 thousand 633
		// crore is 32,633 crore, from a tenth of the first scale up to it
		{"32 thousand 633 crore", []want{w("32 thousand 633 crore", 3.2633e11, "")}},
		{"32 thousand 100 crore", []want{w("32 thousand 100 crore", 3.21e11, "")}},
		{"32 thousand 1000 crore", []want{w("32 thousand", 32000, ""), w("1000 crore", 1e10, "")}},
		{"3 thousand 200 thousand", []want{w("3 thousand", 3000, ""), w("200 thousand", 2e5, "")}},
		{"3 hundred twice", []want{w("3 hundred", 300, ""), w("twice", 2, "x")}},
		{"3 hundred two halves", []want{w("3 hundred", 300, ""), w("two halves", 1, "")}},
		// a scale word of the rest follows it after one space
		{"4 thousand 3  hundred", []want{w("4 thousand", 4000, ""), w("3", 3, ""), w("hundred", 100, "")}},
	})
}

// "and a half" after a scale word (a or one, then the fraction) adds half
// the scale; another joiner or article leaves two figures.
func TestScaleAndAHalf(t *testing.T) {
	runCases(t, []extractCase{
		{"3 million and a half", []want{w("3 million and a half", 3.5e6, "")}},
		{"3 million and one half", []want{w("3 million and one half", 3.5e6, "")}},
		{"3 million or a half", []want{w("3 million", 3e6, ""), w("a half", 0.5, "")}},
		{"3 million and the half", []want{w("3 million", 3e6, ""), w("half", 0.5, "")}},
		{"3 million and a dog", []want{w("3 million", 3e6, "")}},
	})
}
