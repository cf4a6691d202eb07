package read

// shapes says which (first letter, length) pairs some word of a set has,
// for the ASCII letters: most words of a text are ruled out by one bit
// test, before any lookup or walk. Words longer than 31 letters share bit 0.
type shapes [26]uint32

func (s *shapes) add(first rune, n int) {
	if c := first | 0x20; c >= 'a' && c <= 'z' {
		s[c-'a'] |= 1 << shapeBit(n)
	}
}

// may reports whether a word of n letters starting with the ASCII letter
// first can be in the set.
func (s *shapes) may(first rune, n int) bool {
	c := first | 0x20
	return c >= 'a' && c <= 'z' && s[c-'a']&(1<<shapeBit(n)) != 0
}

func shapeBit(n int) int {
	if n > 31 {
		return 0
	}
	return n
}
