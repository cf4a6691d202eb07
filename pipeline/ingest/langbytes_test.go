package ingest

import (
	"math/rand"
	"strings"
	"testing"
)

// langByRange is Lang as it read every rune with range: Lang reads
// three-byte characters in place and must count as this does, broken
// UTF-8 included.
func langByRange(s string) string {
	var c scripts
	for _, r := range s {
		c.add(r)
	}
	return c.lang()
}

func TestLangReadsBytesAsRange(t *testing.T) {
	pieces := []string{"a", "Z", " ", "1", "é", "中", "文", "の", "カ", "・", "ー", "\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf",
		"\xed\xa0\x80", "\xe4\xb8", "\xe4", "\xff", "\xef\xbf\xbd", "😀", "𠀀", "\xe3\x81", "\xe3\x81\x81"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b []byte
		for range rng.Intn(12) {
			if rng.Intn(4) == 0 {
				b = append(b, byte(rng.Intn(256)))
			} else {
				b = append(b, pieces[rng.Intn(len(pieces))]...)
			}
		}
		if got, want := Lang(string(b)), langByRange(string(b)); got != want {
			t.Fatalf("Lang(%q) = %s, want %s", b, got, want)
		}
	}
	for b0 := 0xE0; b0 <= 0xEF; b0++ { // every three-byte lead with every continuation
		for b1 := 0; b1 < 256; b1++ {
			for _, b2 := range []byte{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				s := string([]byte{byte(b0), byte(b1), b2}) + "ab"
				if got, want := Lang(s), langByRange(s); got != want {
					t.Fatalf("Lang(%q) = %s, want %s", s, got, want)
				}
				s = string([]byte{byte(b0), byte(b1), b2, byte(b0), byte(b1), b2})
				if got, want := Lang(s), langByRange(s); got != want {
					t.Fatalf("Lang(%q) = %s, want %s", s, got, want)
				}
			}
		}
	}
}

// noteMarked tests first bytes before EqualFold: it must answer as
// EqualFold alone does, in any case.
func TestNoteMarkedAsEqualFold(t *testing.T) {
	byFold := func(text string) bool {
		t := strings.TrimSpace(text)
		for _, m := range noteMarkers {
			if len(t) >= len(m) && strings.EqualFold(t[:len(m)], m) {
				return true
			}
		}
		return false
	}
	for _, m := range noteMarkers {
		for _, s := range []string{m, strings.ToUpper(m), strings.ToTitle(m), "  " + m + " x", m[:len(m)-1], "x" + m} {
			if noteMarked(s) != byFold(s) {
				t.Errorf("noteMarked(%q) = %v", s, noteMarked(s))
			}
		}
	}
}
