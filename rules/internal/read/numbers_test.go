package read_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// stepped is an expected claim with its rounding step: what a figure
// stands for depends on it (71% is 70.5 to 71.5; 40k is 39,500 to 40,500).
type stepped struct {
	in, text string
	value    float64
	unit     string
	min, max float64 // NaN: open
	step     float64
}

func runStepped(t *testing.T, cases []stepped) {
	t.Helper()
	rs := defaultRules(t)
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got := rs.Extract(c.in)
			if c.text == "" {
				if len(got) != 0 {
					t.Fatalf("got %v, want no claim", texts(got))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d claims %v, want one", len(got), texts(got))
			}
			checkMatch(t, got[0], want{c.text, c.value, c.unit, c.min, c.max})
			if math.Abs(got[0].Step-c.step) > 1e-9*math.Max(1, c.step) {
				t.Errorf("%q: step %g, want %g", got[0].Text, got[0].Step, c.step)
			}
		})
	}
}

// Fractions in digits: a numerator over a denominator of up to four
// digits, a whole number before it, over 100 a percentage; dates, paths and
// a zero denominator are no fractions. The value is exact.
func TestDigitFractions(t *testing.T) {
	runStepped(t, []stepped{
		{"3/5 of users", "3/5", 0.6, "", open, open, 0},
		{"1 3/5 cups", "1 3/5", 1.6, "", open, open, 0},
		{"-3/5", "-3/5", -0.6, "", open, open, 0},
		{"-1 1/2", "-1 1/2", -1.5, "", open, open, 0},
		{"12/100 of the vote", "12/100", 12, "%", open, open, 0},
		{"7/1000", "7/1000", 0.007, "", open, open, 0},
		{"on 4/13/2020", "", 0, "", open, open, 0},
		{"3/5/7", "", 0, "", open, open, 0},
		{"3/0 here", "3", 3, "", open, open, 1},
		{"3/12345 here", "3", 3, "", open, open, 1},
	})
}

// A range's unit and scale stand once, at its end, and apply to both ends;
// so do a vague quantity's scale words; a qualifier makes one open end.
func TestScaledRangesAndBounds(t *testing.T) {
	runStepped(t, []stepped{
		{"3-5 GW", "3-5 GW", 4e9, "W", 3e9, 5e9, 1e9},
		{"between 3 and 5 GW", "3 and 5 GW", 4e9, "W", 3e9, 5e9, 1e9},
		{"$20 to $25 billion", "$20 to $25 billion", 2.25e10, "USD", 2e10, 2.5e10, 1e9},
		{"5-10%", "5-10%", 7.5, "%", 5, 10, 1},
		{"six to seven thousand", "six to seven thousand", 6500, "", 6000, 7000, 1000},
		{"between 500 and 2 million", "500 and 2 million", 1.00025e6, "", 500, 2e6, 10000}, // 500 keeps its own scale
		{"-44.35°C to -56.5°C", "-44.35°C to -56.5°C", -50.425, "°C", -56.5, -44.35, 0.01},
		{"the score was 10-5", "", 0, "", open, open, 0},
		{"数百到数千次", "数百到数千次", 100, "", 100, 9999, 100}, // a vague range reads from its low end
		{"3 million-4 million", "3 million-4 million", 3.5e6, "", 3e6, 4e6, 1e6},
		{"between 7.5 and 8 billion", "7.5 and 8 billion", 7.75e9, "", 7.5e9, 8e9, 1e8},
		{"twice to three times", "twice to three times", 2.5, "x", 2, 3, 1},
		{"1,000-2,000", "1,000-2,000", 1500, "", 1000, 2000, 1},
		{"3.5-4 GW", "3.5-4 GW", 3.75e9, "W", 3.5e9, 4e9, 1e8},
		{"10 to 20 percent", "10 to 20 percent", 15, "%", 10, 20, 1},
		{"several hundred thousand people", "several hundred thousand", 3e5, "", 3e5, 9e5, 0},
		{"hundreds of thousands", "hundreds of thousands", 1e5, "", 1e5, 999999, 0},
		{"tens of millions", "tens of millions", 1e7, "", 1e7, 99999999, 0},
		{"dozens of", "dozens", 24, "", 24, 99, 0},
		{"数百万", "数百万", 1e6, "", 1e6, 9999999, 1e6},
		{"几十亿", "几十亿", 2e9, "", 2e9, 9999999999, 1e9},
		{"过半数", "过半数", 0.5, "", 0.5, 1, 0},
		{"一半", "一半", 0.5, "", open, open, 0},
		{"up to 5 gigawatts", "up to 5 gigawatts", 5e9, "W", open, 5e9, 1e9},
		{"over 60%", "over 60%", 60, "%", 60, open, 1},
		{"at least 3", "at least 3", 3, "", 3, open, 1},
		{"less than 2 hours", "less than 2 hours", 2, "hour", open, 2, 1},
		{"about 25%", "about 25%", 25, "%", open, open, 1},
	})
}

// A unit's prefix scales the value and its step; a suffix or scale word
// scales them too, and the step is the last digit written.
func TestScalesAndSteps(t *testing.T) {
	runStepped(t, []stepped{
		{"5 MW", "5 MW", 5e6, "W", open, open, 1e6},
		{"5 kW", "5 kW", 5000, "W", open, open, 1000},
		{"2 TWh", "2 TWh", 2e12, "Wh", open, open, 1e12},
		{"300 km", "300 km", 3e5, "m", open, open, 1000},
		{"40k users", "40k", 4e4, "", open, open, 1000},
		{"a 1.5bn deal", "1.5bn", 1.5e9, "", open, open, 1e8},
		{"1.5 million people", "1.5 million", 1.5e6, "", open, open, 1e5},
		{"2.70 of them", "2.70", 2.7, "", open, open, 0.01},
		{"71% of it", "71%", 71, "%", open, open, 1},
		{"50 °F", "50 °F", 10, "°C", open, open, 1},        // an offset is added after the factor
		{"0.99 of it", "0.99", 0.99, "", open, open, 0.01}, // a 9 is a significant digit too
		{"19 people", "19", 19, "", open, open, 1},
		{"1,234,567 rows", "1,234,567", 1234567, "", open, open, 1},
	})
}

// Numbers in digits in every form the reader takes: exponents (e, ^,
// braces, superscripts, a times sign before 10, の…乗), separators
// (thousands by comma, point or space; a decimal comma), a sign before a
// point, scale suffixes; and what is no number (5e, 1e25x, 007).
func TestDigitForms(t *testing.T) {
	runStepped(t, []stepped{
		{"1e25 FLOP", "1e25 FLOP", 1e25, "FLOP", open, open, 1e25},
		{"1E-3 of it", "1E-3", 0.001, "", open, open, 0.001},
		{"1e+3 units", "1e+3", 1000, "", open, open, 1000},
		{"10^25 ops", "10^25", 1e25, "", open, open, 1e24},
		{"10^{25} ops", "10^{25}", 1e25, "", open, open, 1e24},
		{"2^-3 here", "2^-3", 0.125, "", open, open, 0.1},
		{"10²⁶ flops", "10²⁶ flops", 1e26, "FLOP", open, open, 1e25},
		{"10⁻³ of it", "10⁻³", 0.001, "", open, open, 0.0001},
		{"3×10^24 FLOP", "3×10^24 FLOP", 3e24, "FLOP", open, open, 1e24},
		{"3 x 10^24", "3 x 10^24", 3e24, "", open, open, 1e24},
		{"3*10^24", "3*10^24", 3e24, "", open, open, 1e24},
		{"3·10^24", "3·10^24", 3e24, "", open, open, 1e24},
		{"2.5の-1乗", "2.5の-1乗", 0.4, "", open, open, 0},
		{"10の13乗", "10の13乗", 1e13, "", open, open, 0},
		{"10のマイナス3乗", "10のマイナス3乗", 0.001, "", open, open, 0},
		{"5e", "", 0, "", open, open, 0},
		{"1e25x", "", 0, "", open, open, 0},
		{"007", "", 0, "", open, open, 0},
		{"0.24", "0.24", 0.24, "", open, open, 0.01},
		{"1,234.5", "1,234.5", 1234.5, "", open, open, 0.1},
		{"3,5 %", "3,5 %", 3.5, "%", open, open, 0.1},
		{"3,25 %", "3,25 %", 3.25, "%", open, open, 0.01}, // two digits after a comma: no thousands
		{"12 345,6", "12 345,6", 12345.6, "", open, open, 0.1},
		{"1 234 567 people", "1 234 567", 1234567, "", open, open, 1},
		{"Windows 11 200 million", "200 million", 2e8, "", open, open, 1e6},
		{"40 k users", "40 k", 40000, "", open, open, 1000},
		{"300,000 b/x", "300,000", 300000, "", open, open, 1}, // b before a slash is no billion
		{"3 m/s", "3 m/s", 3, "m/s", open, open, 1},
		{"$30m", "$30m", 3e7, "USD", open, open, 1e6},
		{"-.5", "-.5", -0.5, "", open, open, 0.1},
		{"(.5)", ".5", 0.5, "", open, open, 0.1},
	})
}

// Where a point or a minus sign may open a number: after a space, a bracket,
// a comparison or a colon, and a minus right after Chinese or Japanese text
// (最低-56.5°C); a hyphen after a Latin letter joins words, and a point after
// a letter or another point opens nothing.
func TestSignAndPointStarts(t *testing.T) {
	rs := defaultRules(t)
	cases := []struct {
		in, text string
		value    float64
	}{
		{"最低-56.5°C", "-56.5°C", -56.5},
		{"データ-5%", "-5%", -5},
		{"ア-5%", "-5%", -5},
		{"a-5%", "5%", 5},
		{"x=-5%", "-5%", -5},
		{"(-5%)", "-5%", -5},
		{":-5%", "-5%", -5},
		{"-5%", "-5%", -5},
		{"at .5%", ".5%", 0.5},
		{"—.5%", ".5%", 0.5},
		{"中.5%", ".5%", 0.5},
		{"v.5%", "5%", 5},
		{"..5%", "5%", 5},
	}
	for _, c := range cases {
		got := rs.Extract(c.in)
		if len(got) != 1 || got[0].Text != c.text || got[0].Value != c.value {
			t.Errorf("%q: %s, want %q (%g)", c.in, texts(got), c.text, c.value)
		}
	}
}

// The fraction reader: a/b and a mixed number w a/b, twelve per cent as
// 12/100; not dates, seasons (a year before the slash), paths, a slash with
// a space or a sign after it, a denominator of 0, of five digits or with a
// letter after it, nor a numerator of more than eight characters.
func TestFractions(t *testing.T) {
	rs := defaultRules(t)
	type fig struct {
		text  string
		value float64
	}
	cases := []struct {
		in   string
		want []fig
	}{
		{"3/5", []fig{{"3/5", 0.6}}},
		{"-3/5", []fig{{"-3/5", -0.6}}},
		{"1 3/5", []fig{{"1 3/5", 1.6}}},
		{"-1 3/5", []fig{{"-1 3/5", -1.6}}},
		{"1/5 3/5", []fig{{"1/5", 0.2}, {"3/5", 0.6}}},
		{"12/100", []fig{{"12/100", 12}}},
		{"1799/5", []fig{{"1799/5", 359.8}}}, // before the years
		{"1800/5", nil},                      // a year: a season, 1800/05
		{"2199/5", nil},
		{"2200/5", []fig{{"2200/5", 440}}},
		{"4/13/2020", nil},
		{"3/5/7", nil},
		{"1,000/5", []fig{{"1,000", 1000}}}, // grouped digits are no numerator
		{"1 000/4", []fig{{"1 000", 1000}}},
		{"a/3/5", []fig{{"3", 3}}},
		{"3 /5", []fig{{"3", 3}, {"5", 5}}},
		{"3/ 5", []fig{{"3", 3}, {"5", 5}}},
		{"3/-5", []fig{{"3", 3}, {"5", 5}}},
		{"3/0", []fig{{"3", 3}}},
		{"3/5a", []fig{{"3", 3}}},
		{"3/555", []fig{{"3/555", 3.0 / 555}}},
		{"3/5555", []fig{{"3/5555", 3.0 / 5555}}}, // four digits below the line at most
		{"3/55555", []fig{{"3", 3}}},
		{"1.5/3", []fig{{"1.5", 1.5}}},             // no fraction anyone writes
		{"120.5/100", []fig{{"120.5/100", 120.5}}}, // a percentage
		{"12345678/5", []fig{{"12345678/5", 2469135.6}}},
		{"123456789/5", []fig{{"123456789", 123456789}}},
	}
	for _, c := range cases {
		got := rs.Extract(c.in)
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].Text == c.want[i].text && math.Abs(got[i].Value-c.want[i].value) < 1e-9*math.Max(1, math.Abs(c.want[i].value))
		}
		if !ok {
			t.Errorf("%q: %s, want %v", c.in, texts(got), c.want)
		}
	}
	// A mixed number needs a plain numerator: 1 3.5/5 is 1, then another figure.
	if got := rs.Extract("1 3.5/5"); len(got) != 2 || got[0].Text != "1" || got[0].Value != 1 {
		t.Errorf("1 3.5/5: %s", texts(got))
	}
}

// A superscript is a power only after 10 (10²⁶); after another number it
// marks a footnote (5²). A times sign takes a power of ten only.
func TestPowersOnlyOfTen(t *testing.T) {
	rs := defaultRules(t)
	cases := []struct {
		in, text string
		value    float64
	}{
		{"5²", "5", 5},
		{"10²⁶", "10²⁶", 1e26},
		{"3×20^2", "20^2", 400},
		{"3 x 11^2", "11^2", 121},
	}
	for _, c := range cases {
		var hit bool
		for _, m := range rs.Extract(c.in) {
			if m.Text == c.text && m.Value == c.value {
				hit = true
			}
			if m.Value == 300 || m.Value == 330 || m.Value == 25 {
				t.Errorf("%q: %q read as %g", c.in, m.Text, m.Value)
			}
		}
		if !hit {
			t.Errorf("%q: %s, want %q (%g)", c.in, texts(rs.Extract(c.in)), c.text, c.value)
		}
	}
}

// Digits in groups of three after a plain space are one number unless
// something says they are two: a letter glued to the group, a word, sign or
// point glued before the number, a dash and a digit after it, a number or a
// capitalised word before it.
func TestSpacedGroups(t *testing.T) {
	rs := defaultRules(t)
	cases := map[string]string{
		"In the 597 000 tonnes": "597 000 tonnes",
		"the 5 100 cars":        "5 100",
		"The 5 100 cars":        "5 | 100",
		"3 5 100 cars":          "3 | 5 | 100",
		"Plan A 5 100 cars":     "5 | 100",
		"Plan Z 5 100 cars":     "5 | 100",
		"5 100m":                "5 | 100m",
		"a-5 100 cars":          "100",
		"v.5 100 cars":          "100",
		"5 100-200 cars":        "5 | 100-200",
		"5 100-x cars":          "5 100-x",
	}
	for in, want := range cases {
		if got := shown(rs, in, func(m rules.Match) string { return m.Text }); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// The lakh grouping: pairs of digits between commas, ending in a group of
// three (12,34,567); pairs that end in no group of three are something else.
func TestIndianGroups(t *testing.T) {
	rs := defaultRules(t)
	cases := map[string]string{
		"12,34,567":            "12,34,567=1.234567e+06",
		"-12,34,567":           "-12,34,567=-1.234567e+06",
		"1,00,00,00,00,00,000": "1,00,00,00,00,00,000=1e+13",
		"1,23,456 rupees":      "1,23,456 rupees=123456",
		"12,34,5678":           "12=12 | 34=34 | 5678=5678",
		"12,3,567":             "12=12 | 3,567=3567",
		"12,34;567":            "12,34=12.34 | 567=567",
	}
	for in, want := range cases {
		if got := shown(rs, in, func(m rules.Match) string { return fmt.Sprintf("%s=%g", m.Text, m.Value) }); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// Where a number ends: a group of thousands is exactly three digits (two
// digits after a comma that is no decimal comma, 1234,56 in an English
// text, make two numbers, never 123456), and a scale suffix with a digit
// glued after it is a code's, not billions.
func TestWhereNumbersEnd(t *testing.T) {
	runCases(t, []extractCase{
		{"1234,56 apples", []want{w("1234", 1234, ""), w("56", 56, "")}},
		{"1,234 apples", []want{w("1,234", 1234, "")}},
		{"3 bn2 here", []want{w("3", 3, "")}},
	})
}

// shown lists what the rules read in a text, each claim as show prints it,
// joined by " | ".
func shown(rs *rules.Ruleset, in string, show func(rules.Match) string) string {
	var got []string
	for _, m := range rs.Extract(in) {
		got = append(got, show(m))
	}
	return strings.Join(got, " | ")
}
