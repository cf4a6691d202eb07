package read

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// backward is a pattern that must match text ending where a number starts
// ("table 5.2": the word before). Run forwards with a $ anchor, a pattern
// is tried at every offset of the window; so it is compiled reversed and
// run anchored on the reversed window, where it stops as soon as it fails.
type backward struct {
	re    *regexp.Regexp
	name  int // the (?P<name>…) group, or -1
	first firstSet
}

func compileBackward(field, pattern string) (*backward, error) {
	if pattern == "" {
		return nil, nil
	}
	if _, err := CompileRegexp(field, pattern); err != nil {
		return nil, err
	}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, fieldErr(field, "%v", err)
	}
	rev := reverseTree(tree)
	re, err := regexp.Compile("^(?:" + rev.String() + ")")
	if err != nil {
		return nil, fieldErr(field, "cannot be reversed: %v", err)
	}
	return &backward{re: re, name: re.SubexpIndex("name"), first: firstOf(rev.Simplify())}, nil
}

// forward is a pattern that must match text starting where a number ends.
type forward struct {
	re    *regexp.Regexp
	first firstSet
}

func compileForward(field, pattern string) (*forward, error) {
	re, err := CompileRegexp(field, anchorStart(pattern))
	if re == nil || err != nil {
		return nil, err
	}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, fieldErr(field, "%v", err)
	}
	return &forward{re: re, first: firstOf(tree.Simplify())}, nil
}

// backMatched is backMatch without the name.
func (sc *scan) backMatched(b *backward, i int) bool {
	ok, _ := sc.backMatch(b, i)
	return ok
}

// reverseTree turns a pattern for s into a pattern for s read backwards.
func reverseTree(re *syntax.Regexp) *syntax.Regexp {
	switch re.Op {
	case syntax.OpLiteral:
		rs := make([]rune, len(re.Rune))
		for i, c := range re.Rune {
			rs[len(rs)-1-i] = c
		}
		re.Rune = rs
	case syntax.OpConcat:
		for i, j := 0, len(re.Sub)-1; i < j; i, j = i+1, j-1 {
			re.Sub[i], re.Sub[j] = re.Sub[j], re.Sub[i]
		}
	case syntax.OpBeginLine:
		re.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		re.Op = syntax.OpBeginLine
	case syntax.OpBeginText:
		re.Op = syntax.OpEndText
	case syntax.OpEndText:
		re.Op = syntax.OpBeginText
	}
	for _, s := range re.Sub {
		reverseTree(s)
	}
	return re
}

// match reports whether the pattern matches the end of the text whose
// reversal is rev, and returns the (?P<name>) group read forwards.
func (b *backward) match(rev []byte) (bool, string) {
	if b.name < 0 {
		return b.re.Match(rev), ""
	}
	loc := b.re.FindSubmatchIndex(rev)
	if loc == nil {
		return false, ""
	}
	if loc[2*b.name] < 0 {
		return true, ""
	}
	return true, reverseString(string(rev[loc[2*b.name]:loc[2*b.name+1]]))
}

func reverseString(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// back returns the folded text before i, reversed, up to the window, as
// UTF-8 in a buffer of the pooled text: the patterns run on bytes, so that a
// window costs no allocation. Successive rules ask for the same offset, so
// the last one is kept.
func (sc *scan) back(i int) []byte {
	if sc.backAt == i+1 {
		return sc.t.back
	}
	b := sc.t.back[:0]
	for k := i - 1; k >= max(i-window, 0); k-- {
		b = utf8.AppendRune(b, sc.t.f[k])
	}
	sc.backAt, sc.t.back = i+1, b
	return b
}

// ahead returns the folded text after j, up to the window, like back.
func (sc *scan) ahead(j int) []byte {
	if sc.aheadAt == j+1 {
		return sc.t.ahead
	}
	b := sc.t.ahead[:0]
	for _, c := range sc.t.f[j:min(j+window, len(sc.t.f))] {
		b = utf8.AppendRune(b, c)
	}
	sc.aheadAt, sc.t.ahead = j+1, b
	return b
}

// backMatch runs b on the text before i, testing the rune next to i before
// the window is built.
func (sc *scan) backMatch(b *backward, i int) (bool, string) {
	if !b.first.any {
		k := i - 1
		for k >= 0 && !b.first.adjacent && isSpaceRune(sc.t.f[k]) {
			k--
		}
		if k < 0 || !b.first.allows(sc.t.f[k]) {
			return false, ""
		}
		if b.first.whole && b.name < 0 {
			return true, ""
		}
	}
	return b.match(sc.back(i))
}

// backMay reports whether b may match before i, by its first rune alone:
// false is sure, true means the pattern has to run.
func (sc *scan) backMay(b *backward, i int) bool {
	if b.first.any {
		return true
	}
	k := i - 1
	for k >= 0 && !b.first.adjacent && isSpaceRune(sc.t.f[k]) {
		k--
	}
	return k >= 0 && b.first.allows(sc.t.f[k])
}

// aheadMay is backMay for a pattern after j.
func (sc *scan) aheadMay(f *forward, j int) bool {
	if f.first.any {
		return true
	}
	k := j
	for k < len(sc.t.f) && !f.first.adjacent && isSpaceRune(sc.t.f[k]) {
		k++
	}
	return k < len(sc.t.f) && f.first.allows(sc.t.f[k])
}

// aheadMatch runs f on the text after j, testing the rune at j first.
func (sc *scan) aheadMatch(f *forward, j int) bool {
	if !f.first.any {
		k := j
		for k < len(sc.t.f) && !f.first.adjacent && isSpaceRune(sc.t.f[k]) {
			k++
		}
		if k >= len(sc.t.f) || !f.first.allows(sc.t.f[k]) {
			return false
		}
		if f.first.whole {
			return true
		}
	}
	return f.re.Match(sc.ahead(j))
}
