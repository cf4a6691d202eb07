package read

import (
	"fmt"
	"strings"
	"testing"
)

// exclusionEngine builds digits, days, a range and one exclusion: each
// field of an exclusion is tested alone, apart from the default rules.
func exclusionEngine(t *testing.T, def ExcludeDef) *Engine {
	t.Helper()
	b := NewBuilder()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(b.Digits("digits", DigitsDef{Years: []int{1800, 2199}}))
	must(b.Unit("days", UnitDef{Canonical: "day", Kind: "duration", Words: []string{"days", "天"}}))
	must(b.Unit("metres", UnitDef{Canonical: "m", Kind: "length", Symbols: []string{"m"}}))
	must(b.Range("range", RangeDef{Connectors: []string{"-", "–"}}))
	must(b.Exclude("x", def))
	rs, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestExcludeFields(t *testing.T) {
	cases := []struct {
		name string
		def  ExcludeDef
		in   string
		want string // the claims' texts, joined by |
	}{
		{"figure is the whole number", ExcludeDef{Figure: `0\d+`}, "0958 and 958 and 0.5", "958|0.5"},
		{"figure takes the unit", ExcludeDef{Figure: `\d+`}, "4 and 4 m", "4 m"},
		{"figure takes the range", ExcludeDef{Figure: `\d+-\d+`}, "3-5 and 7", "7"},
		{"after is after the number", ExcludeDef{After: `-\d`}, "3-5 and 7-2", "2"},
		{"after_figure is after the range", ExcludeDef{AfterFigure: `\s*ago`}, "3-5 ago and 7", "7"},
		{"after is not after the range", ExcludeDef{After: `\s*ago`}, "3-5 ago and 7 ago", "3-5"},
		{"after_figure is after the unit", ExcludeDef{AfterFigure: `\s*ago`}, "3 days ago, 5 days", "5 days"},
		{"unit_kinds", ExcludeDef{UnitKinds: []string{"duration"}, AfterFigure: `\s*ago`}, "3 days ago, 5 m ago", "5 m"},
		{"unless_before", ExcludeDef{Before: `room\s*`, UnlessBefore: `chat\s*room\s*`}, "room 12, chat room 30", "30"},
		{"unless_after is after the figure", ExcludeDef{Before: `#`, UnlessAfter: `\s*x`}, "#4 m x and #5", "4 m"},
		{"an excluded range drops both ends", ExcludeDef{Before: `pp\.\s*`}, "pp. 210–215 and 3", "3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range exclusionEngine(t, c.def).Extract(c.in) {
				got = append(got, m.Text)
			}
			if g := strings.Join(got, "|"); g != c.want {
				t.Errorf("%q: got %q, want %q", c.in, g, c.want)
			}
		})
	}
}

func TestExcludeErrors(t *testing.T) {
	cases := []struct {
		def  ExcludeDef
		want string
	}{
		{ExcludeDef{}, "field before: an exclusion needs before, after, after_figure, figure, token, line or line_contains"},
		{ExcludeDef{Figure: `(`}, "field figure: missing closing ): `^(?:()$`"},
		{ExcludeDef{After: `x`, UnlessBefore: `[`}, "field unless_before: missing closing ]: `[`"},
		{ExcludeDef{After: `x`, UnlessAfter: `a**`}, "field unless_after: invalid nested repetition operator: `**`"},
		{ExcludeDef{AfterFigure: `(?<`}, "field after_figure: invalid named capture: `(?<)`"},
	}
	for _, c := range cases {
		err := NewBuilder().Exclude("x", c.def)
		if err == nil || err.Error() != c.want {
			t.Errorf("%+v: got %v, want %s", c.def, err, c.want)
		}
	}
}

// The digits rule's years are [first, last]: none, or two in order (one
// year alone is a range too).
func TestDigitsYears(t *testing.T) {
	cases := []struct {
		years []int
		ok    bool
	}{
		{nil, true},
		{[]int{1800, 2199}, true},
		{[]int{2000, 2000}, true},
		{[]int{2199, 1800}, false},
		{[]int{1800}, false},
		{[]int{1800, 1900, 2199}, false},
	}
	for _, c := range cases {
		err := NewBuilder().Digits("digits", DigitsDef{Years: c.years})
		if c.ok && err != nil || !c.ok && (err == nil || err.Error() != "field years: must be [first, last]") {
			t.Errorf("years %v: %v", c.years, err)
		}
	}
}

// A fixed word's unit is "", % or x; a range is both ends, min <= max, or none.
func TestFixedWordErrors(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		w    FixedWord
		want string // "" for no error
	}{
		{FixedWord{Value: 0.5}, ""},
		{FixedWord{Value: 50, Unit: "%"}, ""},
		{FixedWord{Value: 2, Unit: "x"}, ""},
		{FixedWord{Value: 2, Unit: "m"}, `field words: "w": unit must be "", %, or x, not "m"`},
		{FixedWord{Value: 0.75, Min: f(0.5), Max: f(1)}, ""},
		{FixedWord{Value: 0.5, Min: f(0.5), Max: f(0.5)}, ""},
		{FixedWord{Value: 0.75, Min: f(1), Max: f(0.5)}, `field words: "w": needs both min and max, min <= max, or neither`},
		{FixedWord{Value: 0.75, Min: f(0.5)}, `field words: "w": needs both min and max, min <= max, or neither`},
		{FixedWord{Value: 0.75, Max: f(1)}, `field words: "w": needs both min and max, min <= max, or neither`},
	}
	for _, c := range cases {
		err := NewBuilder().Fixed("fixed", FixedDef{Words: map[string]FixedWord{"w": c.w}})
		if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && got != c.want {
			t.Errorf("%+v: %v, want %q", c.w, err, c.want)
		}
	}
}

// A qualifier's word belongs to one rule: another rule that lists it is an
// error naming the first; the same rule may list it twice.
func TestQualifierWordOwners(t *testing.T) {
	b := NewBuilder()
	if err := b.Qualifier("over", QualifierDef{Bound: BoundMin, Before: []string{"over", "Over"}}); err != nil {
		t.Fatalf("a word listed twice by one rule: %v", err)
	}
	err := b.Qualifier("above", QualifierDef{Bound: BoundMin, Before: []string{"above", "over"}})
	if want := `field before: alias "over" is already defined by rule "over"`; fmt.Sprint(err) != want {
		t.Errorf("a word of another rule: %v, want %s", err, want)
	}
}

// A qualifier after the figure works for the first rule that has one too
// (the first entry of the table of words after).
func TestQualifierAfterFirstRule(t *testing.T) {
	b := NewBuilder()
	for _, err := range []error{
		b.Digits("digits", DigitsDef{}),
		b.Unit("days", UnitDef{Canonical: "day", Kind: "duration", Words: []string{"days"}}),
		b.Qualifier("or-more", QualifierDef{Bound: BoundMin, After: []string{"or more"}}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	rs, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	got := rs.Extract("5 days or more")
	if len(got) != 1 || got[0].Min == nil || *got[0].Min != 5 || got[0].Max != nil {
		t.Errorf("5 days or more: %+v, want at least 5", got)
	}
}

// A fixed word defined by two rules is an error naming the first, even when
// it is the first word of all.
func TestFixedWordTwice(t *testing.T) {
	b := NewBuilder()
	if err := b.Fixed("half", FixedDef{Words: map[string]FixedWord{"half": {Value: 0.5, Share: true}}}); err != nil {
		t.Fatal(err)
	}
	err := b.Fixed("halves", FixedDef{Words: map[string]FixedWord{"half": {Value: 0.5}}})
	if want := `field words: "half" is already defined by rule "half"`; fmt.Sprint(err) != want {
		t.Errorf("%v, want %s", err, want)
	}
}
