package read

import (
	"regexp/syntax"
	"unicode"
)

// needSet is a set of runes one of which every match of a pattern holds:
// a text with none of them cannot match, and a scan of a short text for
// them costs less than the regexp machine (a token pattern runs on the
// token of every bare number, and most tokens hold no '.', ':' or '@').
type needSet struct {
	firstSet // the runes, in the first set's form; any: no such set known
}

// needOf computes the need set of a parsed pattern.
func needOf(re *syntax.Regexp) needSet {
	rs, ok := need(re)
	if !ok {
		return needSet{firstSet{any: true}}
	}
	f := firstSet{ranges: rs}
	for i := 0; i+1 < len(rs); i += 2 {
		for c := max(rs[i], 0); c <= rs[i+1] && c < 0x80; c++ {
			f.ascii[c>>6] |= 1 << (c & 63)
		}
	}
	return needSet{f}
}

// maxNeed is the most runes a need set holds: a class such as \D is no
// filter worth a scan.
const maxNeed = 64

// need returns ranges of runes one of which every match of re holds, or
// false where no small set is sure.
func need(re *syntax.Regexp) ([]rune, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		// of the literal's runes, the one with the fewest case forms (a '.'
		// over a 'w'), and of those a mark over a letter or digit, which
		// most figures and tokens hold (the '/' of 24/7)
		var best []rune
		bestCost := 0
		for _, c := range re.Rune {
			rs := literalFirst(c, re.Flags&syntax.FoldCase != 0)
			cost := 2 * len(rs)
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				cost++
			}
			if best == nil || cost < bestCost {
				best, bestCost = rs, cost
			}
		}
		return best, best != nil
	case syntax.OpCharClass:
		return re.Rune, len(re.Rune) > 0 && runeCount(re.Rune) <= maxNeed
	case syntax.OpCapture, syntax.OpPlus:
		return need(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return need(re.Sub[0])
		}
	case syntax.OpConcat: // every part matches: the smallest set of a part that cannot be empty
		var best []rune
		found := false
		for _, s := range re.Sub {
			if rs, ok := need(s); ok && (!found || runeCount(rs) < runeCount(best)) {
				best, found = rs, true
			}
		}
		return best, found
	case syntax.OpAlternate: // one branch matches: the union of theirs
		var out []rune
		for _, s := range re.Sub {
			rs, ok := need(s)
			if !ok {
				return nil, false
			}
			out = append(out, rs...)
		}
		return out, runeCount(out) <= maxNeed
	}
	return nil, false // may match empty (*, ?, anchors) or anything (.)
}

func runeCount(ranges []rune) int {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	return n
}

// in reports whether some rune of rs is in the set (always, for any).
func (n *needSet) in(rs []rune) bool {
	if n.any {
		return true
	}
	for _, c := range rs {
		if n.allows(c) {
			return true
		}
	}
	return false
}
