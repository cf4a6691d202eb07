package read

import (
	"slices"
	"unicode"
)

// trie finds the longest alias at an offset in linear time in its length,
// however many aliases there are: this is the keyword pass that keeps the
// cost of a rule independent of how many rules there are.
type trie struct {
	nodes []tnode // nodes[0] is the root, once an alias is added
	first runeSet // the root's keys: most offsets fail on one bit test
	// words are the first letters and lengths of the Latin words aliases
	// begin with; other is set when one begins with a non-ASCII Latin
	// letter. A word of the text that no alias begins with is passed over.
	words   shapes
	other   bool
	reverse bool // aliases stored backwards, to match text that ends at an offset
	exact   bool // case matters (unit symbols: MW is not mW)
}

// tnode keeps its children as sorted keys beside their node indexes: most
// nodes have one or two, and a short scan of a slice costs less than a map
// lookup on every rune of every match.
type tnode struct {
	keys []rune
	kids []int32
	val  int // 1 + index of the value; 0 where no alias ends
}

// child returns the node under n for c, or -1.
func (tr *trie) child(n int32, c rune) int32 {
	nd := &tr.nodes[n]
	if len(nd.keys) > 8 {
		return nd.search(c)
	}
	for k, key := range nd.keys {
		if key == c {
			return nd.kids[k]
		}
	}
	return -1
}

// search is child for a node with many children (the root, mostly).
func (nd *tnode) search(c rune) int32 {
	if k, ok := slices.BinarySearch(nd.keys, c); ok {
		return nd.kids[k]
	}
	return -1
}

// add stores alias (case-folded) with value index v, returning the index
// already stored for the same alias, or -1.
func (tr *trie) add(alias string, v int) int {
	if len(tr.nodes) == 0 {
		tr.nodes = []tnode{{}}
	}
	rs := []rune(alias)
	tr.addWord(rs)
	n := int32(0)
	for k := range rs {
		c := rs[k]
		if tr.reverse {
			c = rs[len(rs)-1-k]
		}
		c = tr.key(fold(c))
		if k == 0 { // every case of it, so that match tests the text's rune as is
			tr.first.add(c)
			if !tr.exact {
				tr.first.add(unicode.ToUpper(c))
				tr.first.add(unicode.ToTitle(c))
			}
		}
		m := tr.child(n, c)
		if m < 0 {
			m = int32(len(tr.nodes))
			tr.nodes = append(tr.nodes, tnode{})
			p := &tr.nodes[n]
			at, _ := slices.BinarySearch(p.keys, c)
			p.keys = slices.Insert(p.keys, at, c)
			p.kids = slices.Insert(p.kids, at, m)
		}
		n = m
	}
	prev := tr.nodes[n].val - 1
	if tr.nodes[n].val == 0 {
		tr.nodes[n].val = v + 1
	}
	return prev
}

// put stores alias with value index v, replacing the value stored for it.
func (tr *trie) put(alias string, v int) {
	if tr.add(alias, v) < 0 {
		return
	}
	rs := []rune(alias)
	n := int32(0)
	for k := range rs {
		c := rs[k]
		if tr.reverse {
			c = rs[len(rs)-1-k]
		}
		n = tr.child(n, tr.key(fold(c)))
	}
	tr.nodes[n].val = v + 1
}

// addWord records the length of the Latin word an alias begins with.
func (tr *trie) addWord(rs []rune) {
	n := 0
	for n < len(rs) && isLatin(fold(rs[n])) {
		n++
	}
	if n == 0 || tr.reverse {
		return
	}
	if c := fold(rs[0]); c >= 0x80 {
		tr.other = true
	} else {
		tr.words.add(c, n)
	}
}

// starts calls at with each offset of t where an alias may begin: each
// rune in the first set, but a Latin word only at its start and only when
// an alias begins with a word of its first letter and length. at gets the
// offset and the next one to look at, and returns where to go on.
func (tr *trie) starts(t *text, at func(i, next int) int) {
	for i := 0; i < len(t.f); {
		c, next := t.f[i], i+1
		switch {
		case isLatin(c):
			next = t.wordEnd(i)
			if !boundaryBefore(t, i) || !tr.mayWord(c, next-i) {
				i = next
				continue
			}
		case !tr.first.has(c):
			i = next
			continue
		}
		i = at(i, next)
	}
}

// mayWord reports whether an alias begins with a word of n letters that
// begins with the Latin letter c.
func (tr *trie) mayWord(c rune, n int) bool {
	if c >= 0x80 {
		return tr.other
	}
	return tr.words.may(c, n)
}

// match calls ok for each alias that starts at i (ends at i when reversed),
// longest first, and returns the first value and end (start) that ok accepts.
func (tr *trie) match(t *text, i int, ok func(v, end int) bool) (int, int) {
	type hit struct{ v, end int }
	var hits [16]hit
	found := hits[:0]
	if len(tr.nodes) == 0 || tr.reverse && i > 0 && !tr.first.has(t.f[i-1]) || !tr.reverse && i < len(t.f) && !tr.first.has(t.f[i]) {
		return -1, i
	}
	n := int32(0)
	for j := i; ; {
		var c rune
		if tr.reverse {
			if j <= 0 {
				break
			}
			j--
			c = t.f[j]
		} else {
			if j >= len(t.f) {
				break
			}
			c = t.f[j]
			j++
		}
		if c == ' ' && !tr.reverse && n != 0 && tr.child(n, ' ') < 0 {
			k := j
			for k < len(t.f) && k-j < 4 && t.f[k] == ' ' {
				k++
			}
			if k < len(t.f) && cjkLetter(t.f[k]) && cjkLetter(t.f[j-2]) {
				j = k // 个 百 分点, パ ー   セ: spaces between the characters of a CJK alias
				continue
			}
		}
		if isSpaceRune(c) && n != 0 { // a space in an alias stands for any run of them: "growing\nby"
			c = ' '
			for tr.reverse && j > 0 && isSpaceRune(t.f[j-1]) || !tr.reverse && j < len(t.f) && isSpaceRune(t.f[j]) {
				if tr.reverse {
					j--
				} else {
					j++
				}
			}
		}
		if n = tr.child(n, tr.key(c)); n < 0 {
			break
		}
		if v := tr.nodes[n].val; v > 0 {
			found = append(found, hit{v - 1, j})
		}
	}
	for k := len(found) - 1; k >= 0; k-- {
		if ok == nil || ok(found[k].v, found[k].end) {
			return found[k].v, found[k].end
		}
	}
	return -1, i
}

// boundaryAfter reports whether an alias ending at j does not cut a Latin word.
func boundaryAfter(t *text, j int) bool {
	return !(isLatin(t.at(j-1)) && isLatin(t.at(j)))
}

// boundaryBefore reports whether an alias starting at i does not cut a Latin word.
func boundaryBefore(t *text, i int) bool {
	return !(isLatin(t.at(i)) && isLatin(t.at(i-1)))
}

func (tr *trie) key(c rune) rune {
	if tr.exact {
		return c
	}
	return lowerKey(c)
}

// lowerKey is the key of c in a trie where case does not matter.
func lowerKey(c rune) rune {
	if c >= 'a' && c <= 'z' || c >= noCaseLo && c <= noCaseHi {
		return c
	}
	return unicode.ToLower(c)
}

// No rune from noCaseLo to noCaseHi has a case (kana, CJK punctuation and
// the Han blocks among them): ToLower's table search is skipped for the
// runes of Chinese and Japanese text, which a trie walks most.
const noCaseLo, noCaseHi = 0x2D2E, 0xA63F

// cjkLetter is a Han character or kana (ー included), between which spaces
// do not break an alias: パ ーセ ント.
func cjkLetter(c rune) bool { return c >= 0x3040 && c <= 0x30FF || isHan(c) }
