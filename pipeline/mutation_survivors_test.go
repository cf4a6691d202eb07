package pipeline

import (
	"math"
	"reflect"
	"testing"
)

// yearsIn finds the years 1900 to 2099 a text names, as four digits not
// inside a longer number, wherever they stand in the text.
func TestYearsInText(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"2023", []string{"2023"}},                  // the whole text
		{"in 2023", []string{"2023"}},               // at its end
		{"1999 and 1920", []string{"1999", "1920"}}, // 9s; at its start
		{"from 2030 to 2099", []string{"2030", "2099"}},
		{"FY2019-2020", []string{"2019", "2020"}}, // one right after another
		{"2019年と2020年", []string{"2019", "2020"}},
		{"12023 units", nil}, // a digit before
		{"20231 units", nil}, // a digit after
		{"id 120231", nil},
		{"1899, 2100, 1023, 2923, 3019", nil}, // outside 1900-2099
		{"19x5, 2a23, 20", nil},
		{"", nil},
	}
	for _, c := range cases {
		got := yearsIn(c.text)
		want := map[string]bool{}
		for _, y := range c.want {
			want[y] = true
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("yearsIn(%q) = %v, want %v", c.text, got, want)
		}
	}
}

// yearOf reads a month as its year and the months before it: January is
// the year itself, July half a year on, December eleven twelfths; the
// time between keys of different kinds comes from it.
func TestYearOfMonths(t *testing.T) {
	cases := []struct {
		key  string
		want float64
		ok   bool
	}{
		{"2022", 2022, true},
		{"2022-01", 2022, true},
		{"2022-07", 2022.5, true},
		{"2022-10", 2022 + 9.0/12, true},
		{"2022-12", 2022 + 11.0/12, true},
		{"2022-Q1", 2022, true},
		{"2022-Q3", 2022.5, true},
		{"now", 0, false},
	}
	for _, c := range cases {
		got, ok := yearOf(c.key)
		if ok != c.ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("yearOf(%q) = %g, %v; want %g, %v", c.key, got, ok, c.want, c.ok)
		}
	}
	between := []struct {
		a, b string
		want float64
	}{
		{"2022", "2022-07", 0.5},
		{"2021-12", "2022-01", 1.0 / 12},
		{"2022-Q3", "2022-10", 0.25},
	}
	for _, c := range between {
		got, ok := yearsBetween(c.a, c.b)
		if !ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("yearsBetween(%q, %q) = %g, %v; want %g", c.a, c.b, got, ok, c.want)
		}
	}
}

// beyondPart: a note's figure is on the whole's side of a part when it is
// more than 5% above a part smaller than (or as large as) its whole, or
// more than 5% below a part larger than its whole (debt of 255% of GDP).
func TestBeyondPart(t *testing.T) {
	cases := []struct {
		v, part, whole float64
		want           bool
	}{
		{10.6, 10, 100, true},
		{1.05 * 10, 10, 100, false}, // 5% above: a restatement
		{10, 10, 100, false},
		{5, 10, 100, false},  // below the part: a part of it
		{10.6, 10, 10, true}, // a part as large as its whole
		{10, 10, 10, false},
		{9.5, 10, 3.9, true}, // a part larger than its whole
		{10 / 1.05, 10, 3.9, false},
		{10, 10, 3.9, false},
		{12, 10, 3.9, false},
	}
	for _, c := range cases {
		if got := beyondPart(c.v, c.part, c.whole); got != c.want {
			t.Errorf("beyondPart(%g, %g, %g) = %v, want %v", c.v, c.part, c.whole, got, c.want)
		}
	}
}
