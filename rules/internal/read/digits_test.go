package read

import (
	"fmt"
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
