package pipeline

import "testing"

// What shares a unit but not a meaning is grouped apart: a change in
// percent from a share of a whole; a change of an amount stays with the
// amounts, which a note restates without the word of the change.
func TestKindClass(t *testing.T) {
	c := func(w shapeWords) *Claim { return &Claim{shape: shapeOf(w)} }
	cases := []struct {
		c    *Claim
		want string
	}{
		{c(shapeWords{unit: "%", kind: "share", direction: "down"}), "change"},
		{c(shapeWords{unit: "%", kind: "share"}), ""},
		{c(shapeWords{unit: "%", kind: "growth_rate", direction: "up"}), "growth_rate"},
		{c(shapeWords{unit: "L/day", kind: "flow", direction: "down"}), ""},
		{c(shapeWords{unit: "month", kind: "doubling_time"}), "doubling_time"},
		{c(shapeWords{unit: "pp", kind: "share_change"}), ""},
	}
	for _, k := range cases {
		if got := kindClass(k.c); got != k.want {
			t.Errorf("kindClass(%s %s %s) = %q, want %q", k.c.Unit(), k.c.Kind(), k.c.Direction(), got, k.want)
		}
	}
}
