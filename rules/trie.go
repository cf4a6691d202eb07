package rules

import "unicode"

// trie finds the longest alias at an offset in linear time in its length,
// however many aliases there are: this is the keyword pass that keeps the
// cost of a rule independent of how many rules there are.
type trie struct {
	root    tnode
	first   runeSet // the root's keys: most offsets fail on one bit test, not a map lookup
	reverse bool    // aliases stored backwards, to match text that ends at an offset
	exact   bool    // case matters (unit symbols: MW is not mW)
}

type tnode struct {
	next map[rune]*tnode
	val  int // 1 + index of the value; 0 where no alias ends
}

// add stores alias (case-folded) with value index v, returning the index
// already stored for the same alias, or -1.
func (tr *trie) add(alias string, v int) int {
	rs := []rune(alias)
	n := &tr.root
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
		if n.next == nil {
			n.next = map[rune]*tnode{}
		}
		m := n.next[c]
		if m == nil {
			m = &tnode{}
			n.next[c] = m
		}
		n = m
	}
	prev := n.val - 1
	if n.val == 0 {
		n.val = v + 1
	}
	return prev
}

// match calls ok for each alias that starts at i (ends at i when reversed),
// longest first, and returns the first value and end (start) that ok accepts.
func (tr *trie) match(t *text, i int, ok func(v, end int) bool) (int, int) {
	type hit struct{ v, end int }
	var hits [16]hit
	found := hits[:0]
	n := &tr.root
	if tr.reverse && i > 0 && !tr.first.has(t.f[i-1]) || !tr.reverse && i < len(t.f) && !tr.first.has(t.f[i]) {
		return -1, i
	}
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
		if c == ' ' && !tr.reverse && n != &tr.root && n.next[' '] == nil {
			k := j
			for k < len(t.f) && k-j < 4 && t.f[k] == ' ' {
				k++
			}
			if k < len(t.f) && cjkLetter(t.f[k]) && cjkLetter(t.f[j-2]) {
				j = k // 个 百 分点, パ ー   セ: spaces between the characters of a CJK alias
				continue
			}
		}
		n = n.next[tr.key(c)]
		if n == nil {
			break
		}
		if n.val > 0 {
			found = append(found, hit{n.val - 1, j})
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
	return unicode.ToLower(c)
}

// cjkLetter is a Han character or kana (ー included), between which spaces
// do not break an alias: パ ーセ ント.
func cjkLetter(c rune) bool { return c >= 0x3040 && c <= 0x30FF || isHan(c) }
