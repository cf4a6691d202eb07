package read

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// A unit's definition is refused, naming the field, when it has no alias,
// an offset that is no finite number, prefixed_only without prefixes, or
// an offset beside prefixes, power_of or a subunit.
func TestUnitErrors(t *testing.T) {
	cases := []struct {
		name string
		def  UnitDef
		want string // "" for no error
	}{
		{"words and before", UnitDef{Canonical: "u", Words: []string{"us"}, Before: []string{"U"}}, ""},
		{"symbols alone", UnitDef{Canonical: "u", Symbols: []string{"u"}}, ""},
		{"no alias", UnitDef{Canonical: "u"}, "field symbols: a unit needs symbols, words or before"},
		{"offset", UnitDef{Canonical: "K", Symbols: []string{"K"}, Offset: 273.15}, ""},
		{"NaN offset", UnitDef{Canonical: "u", Symbols: []string{"u"}, Offset: math.NaN()}, "field offset: must be a finite number"},
		{"infinite offset", UnitDef{Canonical: "u", Symbols: []string{"u"}, Offset: math.Inf(-1)}, "field offset: must be a finite number"},
		{"prefixed_only", UnitDef{Canonical: "u", Symbols: []string{"u"}, PrefixedOnly: true}, "field prefixed_only: a unit read only with prefixes needs prefixes: true"},
		{"offset and prefixes", UnitDef{Canonical: "u", Symbols: []string{"u"}, Offset: 1, Prefixes: true}, "field offset: a unit with an offset takes no prefixes, power_of or subunit"},
		{"offset and power_of", UnitDef{Canonical: "u", Symbols: []string{"u"}, Offset: 1, PowerOf: 2}, "field offset: a unit with an offset takes no prefixes, power_of or subunit"},
		{"offset and subunit", UnitDef{Canonical: "u", Symbols: []string{"u"}, Offset: 1, Subunit: map[string]float64{"c": 0.01}}, "field offset: a unit with an offset takes no prefixes, power_of or subunit"},
		{"power_of alone", UnitDef{Canonical: "u", Symbols: []string{"u"}, PowerOf: 2}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := NewBuilder().Unit("u", c.def)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// Two generated units that claim one alias are an error (one would never
// be read); a hand-written unit's alias wins over a generated one's, which
// drops it.
func TestGeneratedAliases(t *testing.T) {
	build := func(defs ...UnitDef) error {
		b := NewBuilder()
		for i, d := range defs {
			if err := b.Unit(fmt.Sprint("u", i), d); err != nil {
				return err
			}
		}
		_, err := b.Build()
		return err
	}
	gen := func(canon string) UnitDef {
		return UnitDef{Canonical: canon, Symbols: []string{"zz"}, Generated: true}
	}
	if err := build(gen("a"), gen("b")); err == nil || !strings.Contains(err.Error(), `"zz"`) {
		t.Errorf("two generated units of zz: %v, want an error naming zz", err)
	}
	if err := build(UnitDef{Canonical: "a", Symbols: []string{"zz"}}, gen("b")); err != nil {
		t.Errorf("a hand-written and a generated unit of zz: %v, want none", err)
	}
}

// unitsEngine builds the digits reader and the units given, in order.
func unitsEngine(t *testing.T, defs ...UnitDef) *Engine {
	t.Helper()
	b := NewBuilder()
	if err := b.Digits("digits", DigitsDef{}); err != nil {
		t.Fatal(err)
	}
	for i, d := range defs {
		if err := b.Unit(fmt.Sprint("u", i), d); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func unitOf(rs *Engine, in string) string {
	var got []string
	for _, m := range rs.Extract(in) {
		got = append(got, m.Text+"="+m.Unit)
	}
	return strings.Join(got, "|")
}

// The first alias of all is read like any other (a currency sign of the
// first unit); a generated word that a hand-written symbol spells in
// another case is dropped (the symbol is read in its own case only).
func TestUnitAliasesRead(t *testing.T) {
	rs := unitsEngine(t, UnitDef{Canonical: "USD", Before: []string{"$"}})
	if got := unitOf(rs, "$5"); got != "$5=USD" {
		t.Errorf("$5: %q, want $5=USD", got)
	}
	rs = unitsEngine(t, UnitDef{Canonical: "a", Symbols: []string{"ZZ"}}, UnitDef{Canonical: "b", Words: []string{"zz"}, Generated: true})
	if got := unitOf(rs, "5 ZZ and 6 zz"); got != "5 ZZ=a|6=" {
		t.Errorf("5 ZZ and 6 zz: %q, want 5 ZZ=a|6=", got)
	}
}
