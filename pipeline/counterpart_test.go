package pipeline

import "testing"

// A note figure speaks of the quote figure like it: among its own quote's
// figures the nearest in value, among the document's only one close to it
// and of its role, a change's size for a size and a level for a level.
func TestCounterpart(t *testing.T) {
	down := func(c Claim) Claim { c.SetDirection("down"); return c }
	level := rc("s1", "s", "13.5 million tonnes", 1.35e7, "t")
	size := down(rc("s2", "s", "down 14 million tonnes", 1.4e7, "t"))
	own := rc("q1", "q", "789 million tonnes", 7.89e8, "t")
	cases := []struct {
		name  string
		note  Claim
		quote []Claim // the noted quote's first, then the document's
		own   int
		want  string
	}{
		{"a size is not another highlight's level: its own quote's figure stands", down(rc("n", "n", "减少约1400万吨", 1.4e7, "t")), []Claim{own, level}, 1, "q1"},
		{"nor with no figure of its own quote", down(rc("n", "n", "减少约1400万吨", 1.4e7, "t")), []Claim{level}, 0, ""},
		{"but another highlight's size", down(rc("n", "n", "减少约1400万吨", 1.4e7, "t")), []Claim{own, level, size}, 1, "s2"},
		{"a level another highlight's level close to it", rc("n", "n", "约1350万吨", 1.35e7, "t"), []Claim{own, level}, 1, "s1"},
		{"its own quote's figure, close or not", rc("n", "n", "约8亿吨", 8e8, "t"), []Claim{own, level}, 1, "q1"},
	}
	for _, c := range cases {
		r := &Result{Claims: append([]Claim{c.note}, c.quote...)}
		var quote []int
		for i := range c.quote {
			quote = append(quote, i+1)
		}
		got := ""
		if k := counterpart(r, &r.Claims[0], quote, c.own); k >= 0 {
			got = r.Claims[k].ID()
		}
		if got != c.want {
			t.Errorf("%s: counterpart %q, want %q", c.name, got, c.want)
		}
	}
}
