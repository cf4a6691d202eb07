package read

import (
	"regexp/syntax"
	"unicode"
)

// firstSet is the set of runes a pattern's match can begin with, spaces
// skipped: the first non-space rune of any match is in it. Checking one rune
// against it rejects most windows before the regexp machine runs, which is
// where the time of context rules went.
type firstSet struct {
	ranges []rune // pairs lo, hi
	any    bool   // no filter: the pattern can match empty or begin with anything
	// adjacent: no match begins with a space, so the rune next to the number
	// itself must be in the set (the letter of "H100", not the n of "in 100").
	adjacent bool
	// whole: the pattern is that one rune ([A-Za-z_]): the set's test is the
	// match, and the regexp machine need not run.
	whole bool
	// ascii is ranges for the ASCII runes, a bit each: most text is ASCII,
	// and a case-folded word list makes dozens of ranges to scan.
	ascii [2]uint64
}

func (f *firstSet) allows(c rune) bool {
	if f.any {
		return true
	}
	if c < 0x80 {
		return f.ascii[c>>6]&(1<<(c&63)) != 0
	}
	for i := 0; i+1 < len(f.ranges); i += 2 {
		if c >= f.ranges[i] && c <= f.ranges[i+1] {
			return true
		}
	}
	return false
}

// firstOf computes the first set of a parsed pattern.
func firstOf(re *syntax.Regexp) firstSet {
	rs, nullable, ok := first(re, true)
	if !ok || nullable {
		return firstSet{any: true}
	}
	exact, nullable, ok := first(re, false)
	adjacent := ok && !nullable && !hasSpace(exact)
	one := re.Op == syntax.OpCharClass || re.Op == syntax.OpLiteral && len(re.Rune) == 1
	f := firstSet{ranges: rs, adjacent: adjacent, whole: adjacent && one}
	for i := 0; i+1 < len(rs); i += 2 {
		for c := max(rs[i], 0); c <= rs[i+1] && c < 0x80; c++ {
			f.ascii[c>>6] |= 1 << (c & 63)
		}
	}
	return f
}

func hasSpace(ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		for _, c := range " \t\n\r\v\f\u00a0\u3000" {
			if c >= ranges[i] && c <= ranges[i+1] {
				return true
			}
		}
	}
	return false
}

// first returns the ranges a match of re can start with (after any spaces,
// when skipSpaces), whether re can match the empty string, and false where
// it cannot tell.
func first(re *syntax.Regexp, skipSpaces bool) ([]rune, bool, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if !skipSpaces || !isSpaceRune(c) {
				return literalFirst(c, re.Flags&syntax.FoldCase != 0), false, true
			}
		}
		return nil, true, true
	case syntax.OpCharClass:
		if skipSpaces && onlySpaces(re.Rune) {
			return nil, true, true
		}
		if skipSpaces && hasSpace(re.Rune) { // [\s.-]: where it is a space, what follows comes first
			return re.Rune, true, true
		}
		return re.Rune, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpCapture:
		return first(re.Sub[0], skipSpaces)
	case syntax.OpStar, syntax.OpQuest:
		rs, _, ok := first(re.Sub[0], skipSpaces)
		return rs, true, ok
	case syntax.OpPlus:
		return first(re.Sub[0], skipSpaces)
	case syntax.OpRepeat:
		rs, n, ok := first(re.Sub[0], skipSpaces)
		return rs, n || re.Min == 0, ok
	case syntax.OpConcat:
		return concatFirst(re.Sub, skipSpaces)
	case syntax.OpAlternate:
		var out []rune
		nullable := false
		for _, s := range re.Sub {
			rs, n, ok := first(s, skipSpaces)
			if !ok {
				return nil, false, false
			}
			out, nullable = append(out, rs...), nullable || n
		}
		return out, nullable, true
	}
	return nil, false, false
}

func concatFirst(subs []*syntax.Regexp, skipSpaces bool) ([]rune, bool, bool) {
	var out []rune
	for _, s := range subs {
		rs, n, ok := first(s, skipSpaces)
		if !ok {
			return nil, false, false
		}
		out = append(out, rs...)
		if !n {
			return out, false, true
		}
	}
	return out, true, true
}

func literalFirst(c rune, fold bool) []rune {
	out := []rune{c, c}
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			out = append(out, f, f)
		}
	}
	return out
}

func isSpaceRune(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func onlySpaces(ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		for c := ranges[i]; c <= ranges[i+1]; c++ {
			if !isSpaceRune(c) {
				return false
			}
		}
	}
	return true
}
