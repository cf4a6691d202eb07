package utf8x

import (
	"testing"
	"unicode/utf8"
)

// Every three-byte lead with every second byte and the edges of the third
// is accepted exactly when utf8 reads a three-byte rune there, as that rune.
func TestThreeAsUTF8(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := range 256 {
			for _, b2 := range []byte{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBD, 0xBF, 0xC0, 0xFF} {
				for _, s := range []string{string([]byte{byte(b0), byte(b1), b2}), string([]byte{byte(b0), byte(b1)})} {
					r, n := utf8.DecodeRuneInString(s)
					want := n == 3 // an invalid sequence reads as one byte
					if got := IsThree(s, 0); got != want || got && Three(s, 0) != r {
						t.Fatalf("% x: IsThree %v, want %v (utf8 reads %U, %d bytes)", s, got, want, r, n)
					}
				}
			}
		}
	}
}
