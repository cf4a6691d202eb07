package read

// runeSet answers "is this rune a trigger" with one bit test for the Basic
// Multilingual Plane (where every CJK numeral is), instead of a map lookup
// on every rune of every text.
type runeSet struct {
	bmp   [1 << 16 / 64]uint64
	other map[rune]bool
}

func (s *runeSet) add(c rune) {
	if c < 1<<16 {
		s.bmp[c>>6] |= 1 << (c & 63)
		return
	}
	if s.other == nil {
		s.other = map[rune]bool{}
	}
	s.other[c] = true
}

func (s *runeSet) has(c rune) bool {
	if c < 1<<16 {
		return s.bmp[c>>6]&(1<<(c&63)) != 0
	}
	return s.other[c]
}

// union adds every rune of o to s.
func (s *runeSet) union(o *runeSet) {
	for i := range s.bmp {
		s.bmp[i] |= o.bmp[i]
	}
	for c := range o.other {
		s.add(c)
	}
}
