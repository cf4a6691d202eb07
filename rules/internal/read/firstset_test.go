package read

import (
	"regexp/syntax"
	"testing"
)

// The first set must let through every rune a match can begin with, and
// adjacent may be set only where no match begins with a space.
func TestFirstSet(t *testing.T) {
	cases := []struct {
		pattern       string
		allow, reject string
		any, adjacent bool
		whole         bool
	}{
		{pattern: `[A-Za-z_]`, allow: "aZ_", reject: " 1第", adjacent: true, whole: true},
		{pattern: `x`, allow: "x", reject: "y", adjacent: true, whole: true},
		{pattern: `[A-Za-z]+`, allow: "aZ", reject: " 1", adjacent: true},
		{pattern: `\s`, any: true}, // spaces alone: no filter
		{pattern: `\s*第`, allow: "第", reject: "a ", adjacent: false},
		{pattern: `(?i)table|fig\.`, allow: "tTfF", reject: "x ", adjacent: true},
		{pattern: ` of`, allow: "o", reject: "x", adjacent: false},
		{pattern: `[^a-z]x`, allow: "", reject: "", any: false, adjacent: false},
		{pattern: `x?`, any: true},
		{pattern: `(?:ab|\s+c)`, allow: "ac", reject: "b", adjacent: false},
		// a class that holds a space: after the space, what follows comes first
		{pattern: `[\s.-]\d`, allow: ".-5", reject: "a", adjacent: false},
	}
	for _, c := range cases {
		re, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		f := firstOf(re.Simplify())
		if f.any != c.any || !f.any && (f.adjacent != c.adjacent || f.whole != c.whole) {
			t.Errorf("%q: any %v adjacent %v whole %v, want %v %v %v", c.pattern, f.any, f.adjacent, f.whole, c.any, c.adjacent, c.whole)
		}
		for _, r := range c.allow {
			if !f.allows(r) {
				t.Errorf("%q rejects %q", c.pattern, r)
			}
		}
		for _, r := range c.reject {
			if f.allows(r) {
				t.Errorf("%q allows %q", c.pattern, r)
			}
		}
	}
}
