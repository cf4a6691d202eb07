package read

import (
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// backward is a pattern that must match text ending where a number starts
// ("table 5.2": the word before). Run forwards with a $ anchor, a pattern
// is tried at every offset of the window; so it is compiled reversed and
// run anchored on the reversed window, where it stops as soon as it fails.
type backward struct {
	lazyRegexp
	name  int // the (?P<name>…) group, or -1
	first firstSet
}

// lazyRegexp is a pattern parsed (and so checked) when the rules load and
// compiled the first time a text needs it: a run pays only for the
// patterns its texts reach, and a one-line run starts at once.
type lazyRegexp struct {
	once   sync.Once
	source string
	re     *regexp.Regexp
}

func (l *lazyRegexp) regexp() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.source) }) // parsed at load: it compiles
	return l.re
}

// parse checks a pattern as regexp.Compile would, with its message.
func parse(field, pattern string) (*syntax.Regexp, error) {
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		_, cerr := CompileRegexp(field, pattern) // the same error, in the words users see elsewhere
		if cerr == nil {
			cerr = fieldErr(field, "%v", err)
		}
		return nil, cerr
	}
	return tree, nil
}

func compileBackward(field, pattern string) (*backward, error) {
	if pattern == "" {
		return nil, nil
	}
	tree, err := parse(field, pattern)
	if err != nil {
		return nil, err
	}
	rev := reverseTree(tree)
	source := "^(?:" + patternOf(rev) + ")"
	check, err := syntax.Parse(source, syntax.Perl)
	if err != nil {
		return nil, fieldErr(field, "cannot be reversed: %v", err)
	}
	return &backward{lazyRegexp: lazyRegexp{source: source}, name: subexpIndex(check, "name"), first: firstOf(rev.Simplify())}, nil
}

// subexpIndex is the index of the named group in a parsed pattern, or -1.
func subexpIndex(re *syntax.Regexp, name string) int {
	for i, n := range append([]string{""}, subexpNames(re)...) {
		if i > 0 && n == name {
			return i
		}
	}
	return -1
}

// subexpNames lists a parsed pattern's groups in order, as regexp numbers them.
func subexpNames(re *syntax.Regexp) []string {
	names := make([]string, re.MaxCap())
	var walk func(*syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		if r.Op == syntax.OpCapture {
			names[r.Cap-1] = r.Name
		}
		for _, s := range r.Sub {
			walk(s)
		}
	}
	walk(re)
	return names
}

// forward is a pattern that must match text starting where a number ends.
type forward struct {
	lazyRegexp
	first firstSet
}

func compileForward(field, pattern string) (*forward, error) {
	if pattern == "" {
		return nil, nil
	}
	if _, err := parse(field, anchorStart(pattern)); err != nil { // the anchored pattern, as it will run
		return nil, err
	}
	tree, err := parse(field, pattern)
	if err != nil {
		return nil, err
	}
	return &forward{lazyRegexp: lazyRegexp{source: anchorStart(pattern)}, first: firstOf(tree.Simplify())}, nil
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
		return b.regexp().Match(rev), ""
	}
	loc := b.regexp().FindSubmatchIndex(rev)
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
	return f.regexp().Match(sc.ahead(j))
}

// patternOf prints a parsed pattern for regexp.Compile. It does what
// syntax.Regexp.String does without working out the smallest set of flags
// for each node, which for a pattern that folds case cost most of the
// rules' load time (String calls calcFlags on every node, again and again).
func patternOf(re *syntax.Regexp) string {
	var b strings.Builder
	printPattern(&b, re)
	return b.String()
}

func printPattern(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`(?i:`)
		}
		for _, r := range re.Rune {
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`)`)
		}
	case syntax.OpCharClass:
		b.WriteByte('[')
		for i := 0; i+1 < len(re.Rune); i += 2 {
			classRune(b, re.Rune[i])
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteByte('-')
				classRune(b, re.Rune[i+1])
			}
		}
		if len(re.Rune) == 0 {
			b.WriteString(`^\x00-\x{10FFFF}`)
		}
		b.WriteByte(']')
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		if re.Name != "" {
			b.WriteString(`(?P<` + re.Name + `>`)
		} else {
			b.WriteByte('(')
		}
		printPattern(b, re.Sub[0])
		b.WriteByte(')')
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		b.WriteString(`(?:`)
		printPattern(b, re.Sub[0])
		b.WriteByte(')')
		switch re.Op {
		case syntax.OpStar:
			b.WriteByte('*')
		case syntax.OpPlus:
			b.WriteByte('+')
		case syntax.OpQuest:
			b.WriteByte('?')
		default:
			b.WriteString(repeatOf(re.Min, re.Max))
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteByte('?')
		}
	case syntax.OpConcat:
		b.WriteString(`(?:`)
		for _, sub := range re.Sub {
			printPattern(b, sub)
		}
		b.WriteByte(')')
	case syntax.OpAlternate:
		b.WriteString(`(?:`)
		for i, sub := range re.Sub {
			if i > 0 {
				b.WriteByte('|')
			}
			printPattern(b, sub)
		}
		b.WriteByte(')')
	default:
		b.WriteString(re.String()) // no other op comes out of the parser
	}
}

func repeatOf(lo, hi int) string {
	switch {
	case hi == -1:
		return "{" + strconv.Itoa(lo) + ",}"
	case lo == hi:
		return "{" + strconv.Itoa(lo) + "}"
	}
	return "{" + strconv.Itoa(lo) + "," + strconv.Itoa(hi) + "}"
}

// classRune writes a rune as it may stand in a character class.
func classRune(b *strings.Builder, r rune) {
	if r < ' ' || r == 0x7f || strings.ContainsRune(`\]-[^`, r) || !unicode.IsPrint(r) {
		b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
		return
	}
	b.WriteRune(r)
}
