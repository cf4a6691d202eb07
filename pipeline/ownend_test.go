package pipeline

import (
	"slices"
	"strings"
	"testing"
)

// A size names its own end when the next figure of its sentence, a few
// words on with no digit between, is marked as an end or is a level of
// another family; the nearest such figure, whatever order ks lists it in.
func TestOwnEnd(t *testing.T) {
	// claim builds a claim over the first occurrence of s in text
	claim := func(text, s, unit, kind, change string) Claim {
		i := strings.Index(text, s)
		c := Claim{Text: s, Start: len([]rune(text[:i])), Partner: -1}.WithIDs("", "s")
		c.End = c.Start + len([]rune(s))
		c.SetUnit(unit)
		c.SetKind(kind)
		c.SetChange(change)
		return c
	}
	cases := []struct {
		name, text string
		end        string // the figure after the size
		unit, kind string
		change     string
		want       bool
	}{
		{"marked as the end", "rose 9% to $8.3 billion", "$8.3 billion", "USD", "money", "to", true},
		{"a level of another family", "rose 9%, reaching $8.3 billion", "$8.3 billion", "USD", "money", "", true},
		{"twelve runes between", "rose 9% xxxxxxxxxxxx $8", "$8", "USD", "money", "", true},
		{"thirteen runes between", "rose 9% xxxxxxxxxxxxx $8", "$8", "USD", "money", "", false},
		{"a digit between", "rose 9% in 2 weeks, $8", "$8", "USD", "money", "", false},
		{"a digit first between", "rose 9% 2 weeks, $8", "$8", "USD", "money", "", false},
		{"right after it", "rose 9%$8", "$8", "USD", "money", "", true},
		{"a level of the size's family", "rose 9%, to a share of 41%", "41%", "%", "share", "", false},
		{"the start of another change", "rose 9% from $8", "$8", "USD", "money", "from", false},
		{"a count", "members rose 9%, reaching 800", "800", "", "count", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			size := claim(c.text, "9%", "%", "share", "")
			end := claim(c.text, c.end, c.unit, c.kind, c.change)
			// the end first in r.Claims: its index is 0, the size's 1
			r := &Result{Claims: []Claim{end, size}}
			src := &Source{id: refOf("s"), Text: c.text}
			got := ownEnd(r, src, []int{1, 0}, 1)
			if (got == 0) != c.want || got > 0 {
				t.Errorf("ownEnd = %d, want the end: %v", got, c.want)
			}
		})
	}
	t.Run("the nearest of two", func(t *testing.T) {
		text := "rose 9% to $8.3 billion to $9 billion"
		size := claim(text, "9%", "%", "share", "")
		near := claim(text, "$8.3 billion", "USD", "money", "to")
		far := claim(text, "$9 billion", "USD", "money", "to")
		r := &Result{Claims: []Claim{size, far, near}}
		if got := ownEnd(r, &Source{id: refOf("s"), Text: text}, []int{0, 1, 2}, 0); got != 2 {
			t.Errorf("ownEnd = %d, want 2 (the nearer)", got)
		}
		r = &Result{Claims: []Claim{near, far, size}}
		if got := ownEnd(r, &Source{id: refOf("s"), Text: text}, []int{0, 1, 2}, 2); got != 0 {
			t.Errorf("ownEnd = %d, want 0 (the nearer, found first)", got)
		}
	})
}

// Shares of one whole split by a key: one key holds them all, a share of
// no key joins the one key there is, and two keys make two wholes without
// it.
func TestByKey(t *testing.T) {
	cases := []struct {
		keys []string // the key of parts 0, 1, 2, …
		want [][]int
	}{
		{[]string{"", "", ""}, [][]int{{0, 1, 2}}},
		{[]string{"2023", "2023", "2023"}, [][]int{{0, 1, 2}}},
		{[]string{"2023", "", "2023"}, [][]int{{0, 1, 2}}},
		{[]string{"2021", "2025"}, [][]int{{0}, {1}}},
		{[]string{"2021", "", "2025", "2021"}, [][]int{{0, 3}, {2}}},
	}
	for _, c := range cases {
		parts := make([]int, len(c.keys))
		for i := range parts {
			parts[i] = i
		}
		got := byKey(parts, func(k int) string { return c.keys[k] })
		if !slices.EqualFunc(got, c.want, slices.Equal[[]int]) {
			t.Errorf("%q: %v, want %v", c.keys, got, c.want)
		}
	}
}

// The unit as written leaves out the number and the qualifier's words;
// two figures written in one unit are two choices, not a conversion.
func TestUnitWritten(t *testing.T) {
	cases := []struct{ text, qualifier, want string }{
		{"10 km", "", "km"},
		{"about 10 km", "about", "km"},
		{"over $5.5", "over", "$"},
		{"3,200 Miles", "", "miles"},
		{"约42公里", "约", "公里"},
	}
	for _, c := range cases {
		cl := Claim{Text: c.text}
		cl.SetQualifier(c.qualifier)
		if got := unitWritten(&cl); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// A figure between a rise and the multiple after it keeps them apart, one
// that touches either, too.
func TestClaimBetween(t *testing.T) {
	at := func(start, end int) Claim { return Claim{Start: start, End: end, Partner: -1}.WithIDs("", "s") }
	a, b := at(0, 5), at(20, 25)
	cases := []struct {
		name  string
		other Claim
		want  bool
	}{
		{"inside", at(8, 12), true},
		{"right after the rise", at(5, 9), true},
		{"right before the multiple", at(15, 20), true},
		{"over the multiple", at(18, 22), false},
		{"in another source", Claim{Start: 8, End: 12}.WithIDs("", "t"), false},
	}
	for _, c := range cases {
		r := &Result{Claims: []Claim{a, b, c.other}}
		if got := claimBetween(r, []int{0, 1, 2}, &r.Claims[0], &r.Claims[1]); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
