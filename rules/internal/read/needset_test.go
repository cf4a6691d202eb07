package read

import (
	"math/rand"
	"regexp"
	"regexp/syntax"
	"testing"
)

// A text with no rune of a pattern's need set never matches it; the set
// of a token pattern like the url rule's is the few runes it must hold.
func TestNeedSet(t *testing.T) {
	patterns := []string{
		`(?i)^(?:https?://|www\.)|@|\.(?:com|org|net|io|html?|pdf)\b|^v\d|(?:^|\D)\d+\.(?:\d{1,2}|\d{4,})\.\d|\d\.\d+\.(?:\d{1,2}|\d{4,})(?:\D|$)`,
		`^(?:doi:)?10\.\d{4,9}/`, `^[A-Z][A-Z.]*/(?:[A-Za-z0-9.]+/)*\d+(?:/\d+)*\W*$`, `^\+?\(?\d{3}\)?[.-]\d{3}[.-]\d{4}\W*$`,
		`^(?:24/7|9/11|50/50)$`, `a*`, `x?y+`, `(?i)kelvin|ſ`, `[^a]`, `.`, `\d+`, `(?:ab|)c`, `^$`, `(?i)Straße`,
	}
	alphabet := []rune("aAbcvVwW.:@/-+()0123456789 xyzKkſsSß10é中")
	rng := rand.New(rand.NewSource(7))
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		tree, _ := syntax.Parse(p, syntax.Perl)
		n := needOf(tree.Simplify())
		for range 20000 {
			rs := make([]rune, rng.Intn(10))
			for i := range rs {
				rs[i] = alphabet[rng.Intn(len(alphabet))]
			}
			if !n.in(rs) && re.MatchString(string(rs)) {
				t.Fatalf("%s matches %q, which holds no rune of its need set %q", p, string(rs), n.ranges)
			}
		}
	}
	tree, _ := syntax.Parse(patterns[0], syntax.Perl)
	if n := needOf(tree.Simplify()); n.any || n.in([]rune("2024,")) || !n.in([]rune("v1")) {
		t.Errorf("url need set %q: want the few runes a url, address or version holds", n.ranges)
	}
	// of a literal's runes a mark stands for it, not a digit every figure holds
	tree, _ = syntax.Parse(`^(?:24/7|9/11|50/50)$`, syntax.Perl)
	if n := needOf(tree.Simplify()); n.any || n.in([]rune("2,475")) || !n.in([]rune("24/7")) {
		t.Errorf("slash need set %q: want the slash alone", n.ranges)
	}
}
