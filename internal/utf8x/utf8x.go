// Package utf8x reads the common case of highlight text's runes in line:
// range over a string calls the runtime for every rune past ASCII, and
// nearly all of those in highlights are three-byte Han or kana characters.
package utf8x

// IsThree reports a well-formed three-byte character at s[i]: not
// overlong, not a surrogate, all its bytes there (what utf8 accepts).
func IsThree(s string, i int) bool {
	b := s[i]
	return b&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		(b != 0xE0 || s[i+1] >= 0xA0) && (b != 0xED || s[i+1] < 0xA0)
}

// Three is the character at s[i], where IsThree holds.
func Three(s string, i int) rune {
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}
