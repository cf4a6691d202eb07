package read

import (
	"testing"
	"unicode"
)

// The runes trie.key passes over without ToLower have no case at all.
func TestNoCaseRange(t *testing.T) {
	for c := rune(noCaseLo); c <= noCaseHi; c++ {
		if unicode.ToLower(c) != c || unicode.ToUpper(c) != c || unicode.SimpleFold(c) != c {
			t.Fatalf("%U has a case", c)
		}
	}
}
