package read

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestBackwardAgreesWithRegexp checks the reversed patterns and the
// first-rune filters against the plain patterns they replace, on every
// offset of the seed: a filter may only skip windows that cannot match.
func TestBackwardAgreesWithRegexp(t *testing.T) {
	patterns := []string{
		`(?i)\b(?:table|tab\.|figure|fig\.|p\.|pp\.)\s*`, `[A-Za-z_]`, `第\s*`,
		`(?P<name>[A-Z][A-Za-z]+) `, `(?i)\bfrom\s+|(?:从|由)\s*`, `(?i)\bdoubl(?:e|ing)\s+every\s+`,
		`\[\s*`, `(?:a|b)?`, `x{2,3}y?`, `\s+of\s+`, `x`, `%`, `\d{1,4}[/-]`, `分[^之]`, `[A-Za-z]`,
	}
	texts := []string{"Table 5", "fig. 3", "从 60", "xx", "  of  ", "[ 12",
		"x 5 x5 5x 5 x", "2024/05", "3分钟 3分之1", "50 % 50%"}
	// Every offset of the seed takes 0.7 s, two thirds of the package's
	// tests, and touches none of the number readers: -short (the mutation
	// run, which runs this suite once per mutant of a reader) keeps the
	// short texts only.
	if !testing.Short() {
		data, err := os.ReadFile("../../../seeds/ai-compute.txt")
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, p := range patterns {
		b, err := compileBackward("before", p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := compileForward("after", p)
		if err != nil {
			t.Fatal(err)
		}
		endRE := regexp.MustCompile("(?:" + p + ")$")
		startRE := regexp.MustCompile("^(?:" + p + ")")
		for _, s := range texts {
			sc := &scan{t: newText(s)}
			for i := 0; i <= len(sc.t.f); i++ {
				want := endRE.MatchString(sc.t.before(i, window))
				if got, _ := sc.backMatch(b, i); got != want {
					t.Fatalf("%q before offset %d of %q: got %v, want %v", p, i, s, got, want)
				}
				sc.backAt = 0
				want = startRE.MatchString(sc.t.after(i, window))
				if got := sc.aheadMatch(f, i); got != want {
					t.Fatalf("%q after offset %d of %q: got %v, want %v", p, i, s, got, want)
				}
				sc.aheadAt = 0
			}
		}
	}
}

// before returns up to n folded runes before i, as a string: the window
// that the reversed patterns stand in for.
func (t *text) before(i, n int) string {
	return string(t.f[max(i-n, 0):i])
}
