package read

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// digitsOnly builds the digits reader alone, with the years it is given.
func digitsOnly(t *testing.T, years []int) *Engine {
	t.Helper()
	b := NewBuilder()
	if err := b.Digits("digits", DigitsDef{Years: years}); err != nil {
		t.Fatal(err)
	}
	rs, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// A year is four plain digits within the rule's years, and is no claim;
// five digits are a number even when they hold a year (02024), and a rule
// without years reads every four digits as a number (0000, 2024).
func TestYearsRead(t *testing.T) {
	cases := []struct {
		years []int
		in    string
		want  string // the claims, text=value, joined by |
	}{
		{[]int{1800, 2199}, "in 2024", ""},
		{[]int{1800, 2199}, "02024 units", "02024=2024"},
		{[]int{1800, 2199}, "0 and 0000", "0=0|0000=0"},
		{nil, "in 2024", "2024=2024"},
		{nil, "0 and 0000", "0=0|0000=0"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.years, c.in), func(t *testing.T) {
			var got []string
			for _, m := range digitsOnly(t, c.years).Extract(c.in) {
				got = append(got, fmt.Sprintf("%s=%g", m.Text, m.Value))
			}
			if g := strings.Join(got, "|"); g != c.want {
				t.Errorf("%q: got %q, want %q", c.in, g, c.want)
			}
		})
	}
}

// Groups of three after a plain space after a capitalised word (a name:
// Paris 12 345) are one number only when the text says so: a decimal after
// the last group (12 345,6) or a no-break space; a comma with no digit
// after it says nothing. A closing brace is the number's only after an
// opening one: {10^5} ends at the 5.
func TestDigitsAlone(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Paris 12 345,6 t", "12 345,6=12345.6"},
		{"Paris 597\u00a0000 t", "597\u00a0000=597000"},
		{"Paris 12 345, and", "12=12|345=345"},
		{"in {10^5} steps", "10^5=100000"},
		{"in 10^{5} steps", "10^{5}=100000"},
		// a decimal comma after three digits, a sign before them
		{"-123,5", "-123,5=-123.5"},
		{"-12,5", "-12,5=-12.5"},
		// the lakh grouping: pairs of digits, then three; a letter breaks
		// the pairs, and past six pairs they are a list, not one number
		{"12,a1,234", "12=12|1,234=1234"},
		{"1,00,00,00,00,00,00,00,000", "1=1|00,00,00,00,00,00,00,000=0"},
		// pairs before a group of three follow a comma, not a space
		{"12 34,567 people", "12=12|34,567=34567"},
		// a space groups thousands after three digits at most
		{"1234 567 people", "1234=1234|567=567"},
		// in a text that groups with points, only a point after a digit
		// groups; another separator, or a point after a sign, does not
		{"1.234.567 und 12;345", "1.234.567=1.234567e+06|12=12|345=345"},
		{"1.234.567 und -.234", "1.234.567=1.234567e+06|-.234=-0.234"},
		// a power in Japanese, signs and マイナス (the CJK reader reads
		// these too in the default rules, so only the digits alone show it)
		{"10の13乗", "10の13乗=1e+13"},
		{"2.5の-1乗", "2.5の-1乗=0.4"},
		{"10のマイナス3乗", "10のマイナス3乗=0.001"},
		{"10の--2乗", "10の--2乗=100"},
		{"3の2乗個", "3の2乗=9"},
		{"3の2個", "3=3|2=2"},
	}
	rs := digitsOnly(t, nil)
	for _, c := range cases {
		var got []string
		for _, m := range rs.Extract(c.in) {
			got = append(got, fmt.Sprintf("%s=%g", m.Text, m.Value))
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%q: got %q, want %q", c.in, g, c.want)
		}
	}
}

// h:mm:ss is a duration in hours unless a clock word stands before it
// (tenths of a second always time something); malformed clocks read none.
func TestClockDurations(t *testing.T) {
	words, _ := wordTrie("clock_words", []string{"at", "until"}, true)
	d := digitTable{clockUnit: "hour", clockWords: words}
	cases := []struct {
		text  string
		want  float64 // 0: no duration
		whole string
	}{
		{"in 2:01:09 flat", 2 + 1.0/60 + 9.0/3600, "2:01:09"},
		{"in 1:59:40.2.", 1 + 59.0/60 + 40.2/3600, "1:59:40.2"},
		{"stands at 1:59:40.2", 1 + 59.0/60 + 40.2/3600, "1:59:40.2"},
		{"opened at 14:30:00.", 0, ""},
		{"ran until 17:45:00", 0, ""},
		{"in 1:60:00", 0, ""},
		{"in 1:05:61", 0, ""},
		{"in 1:02:03:04", 0, ""},
		{"in 10:30:00Z", 0, ""},
		{"in 12:30:455", 0, ""},
		{"in 12:30", 0, ""},
		{"in 2:1:09", 0, ""},
		{"in 2:01:9", 0, ""},
		{"in 2:0x:09", 0, ""},
		{"in 2;01;09", 0, ""},
		{"in 2:01:09.", 2 + 1.0/60 + 9.0/3600, "2:01:09"}, // a full stop is no decimal point
		{"at 14:30:00", 0, ""},                            // the clock word opens the text
	}
	for _, c := range cases {
		tx := newText(c.text)
		i := strings.IndexFunc(c.text, func(r rune) bool { return r >= '0' && r <= '9' })
		a, ok := d.read(tx, i)
		got := ok && a.clock
		if got != (c.want != 0) || got && (math.Abs(a.value-c.want) > 1e-9 || string(tx.f[a.start:a.end]) != c.whole) {
			t.Errorf("%q: clock %v value %v %q, want %v %q", c.text, got, a.value, string(tx.f[a.start:a.end]), c.want, c.whole)
		}
	}
	if _, ok := (&digitTable{}).read(newText("in 2:01:09"), 3); !ok {
		t.Error("no durations configured: the hours still read")
	} else if a, _ := (&digitTable{}).read(newText("in 2:01:09"), 3); a.clock {
		t.Error("no durations configured, yet a duration")
	}
}
