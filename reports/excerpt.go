package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A claim's quote is shown as a window of its source's text around the
// figure, the figure in bold, as wide as the lines its column gives it
// (see fitQuote): the whole text is written once, on the Sources sheet, so
// a long highlight costs the workbook no more than its claims do.

// cursor finds the byte offset of a rune offset in one text, walking on
// from the last offset asked: the claims of a source come in order, so a
// long text is walked once, not once per claim.
type cursor struct {
	text  string
	r, b  int
	ascii bool
}

func (c *cursor) byteAt(r int) int {
	if c.ascii {
		return min(r, len(c.text))
	}
	if r < c.r {
		c.r, c.b = 0, 0
	}
	c.b, _ = forward(c.text, c.b, r-c.r)
	c.r = r
	return c.b
}

// cursors keeps a cursor for each source a run of rows looks into.
type cursors map[int32]*cursor

func (cs cursors) of(src int32, text string) *cursor {
	c := cs[src]
	if c == nil {
		if len(cs) >= 64 {
			clear(cs)
		}
		c = &cursor{text: text, ascii: isASCII(text)}
		cs[src] = c
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// window finds the text around the rune span [start, end): at most width
// runes in all, cut at spaces where the text has them. It returns the byte
// offsets of the window and of the figure in it: text[lo:bs] comes before
// the figure, text[be:hi] after.
func window(c *cursor, start, end, width int) (lo, bs, be, hi int) {
	text := c.text
	bs, be = c.byteAt(start), c.byteAt(end)
	if be < bs || be > len(text) {
		return 0, 0, len(text), len(text)
	}
	budget := max(width-utf8.RuneCountInString(text[bs:be]), 0)
	lo, nl := back(text, bs, budget/2)
	hi, nr := forward(text, be, budget-nl)
	if nl+nr < budget {
		lo, _ = back(text, bs, budget-nr)
	}
	if lo > 0 {
		lo = wordStart(text, lo, bs)
		for lo < bs && text[lo] == ' ' {
			lo++
		}
	}
	if hi < len(text) {
		hi = wordEnd(text, be, hi)
		for hi > be && text[hi-1] == ' ' {
			hi--
		}
	}
	return lo, bs, be, hi
}

// back returns the offset n runes before i (or 0) and how many runes it
// went back, stepping over the continuation bytes of UTF-8, not decoding.
func back(s string, i, n int) (int, int) {
	k := 0
	for ; k < n && i > 0; k++ {
		i--
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
	}
	return i, k
}

// forward returns the offset n runes after i (or the end) and how many
// runes it went on.
func forward(s string, i, n int) (int, int) {
	k := 0
	for ; k < n && i < len(s); k++ {
		i++
		for i < len(s) && s[i]&0xC0 == 0x80 {
			i++
		}
	}
	return i, k
}

// wordStart moves a cut at i, inside a word, to the start of the next
// word, when one starts before limit and within a few runes.
func wordStart(s string, i, limit int) int {
	if isBoundary(s, i) {
		return i
	}
	if k := strings.IndexByte(s[i:min(limit, i+24)], ' '); k >= 0 {
		return i + k + 1
	}
	return i
}

// wordEnd moves a cut at i, inside a word, back to the end of the word
// before, when one ends after limit and within a few runes.
func wordEnd(s string, limit, i int) int {
	if isBoundary(s, i) {
		return i
	}
	if k := strings.LastIndexByte(s[max(limit, i-24):i], ' '); k >= 0 {
		return max(limit, i-24) + k
	}
	return i
}

// isBoundary reports a cut between two runes that is not inside a word of
// a spaced script.
func isBoundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(s[:i])
	b, _ := utf8.DecodeRuneInString(s[i:])
	return !(isWordRune(a) && isWordRune(b))
}

func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// quote is a claim's window as rich text, the figure in bold, "…" where
// the text was cut.
func quote(c *cursor, start, end, width int) [5]run {
	lo, bs, be, hi := window(c, start, end, width)
	q := [5]run{{}, {text: c.text[lo:bs]}, {text: c.text[bs:be], bold: true}, {text: c.text[be:hi]}, {}}
	if lo > 0 {
		q[0].text = "…"
	}
	if hi < len(c.text) {
		q[4].text = "…"
	}
	return q
}

// fitQuote is the window around the rune span [start, end) that fills
// lines lines of the current column (as count measures them): as many
// runes as the lines hold of a Latin script, about half as many of CJK.
// The row is kept to a few lines, and the figure, in the window's middle,
// must show in them.
func (w *rowWriter) fitQuote(c *cursor, start, end, lines int) [5]run {
	line := lineWidth(w.widths[w.col])
	room := lines*line - (lines-1)*60 // a wrapped line loses part of a word
	width := max(room/16, 1)          // runes of an average width
	q := quote(c, start, end, width)
	for try := 0; try < 8 && width > 1; try++ {
		if w.count(q[0].text, q[1].text, q[2].text, q[3].text, q[4].text) <= lines {
			break
		}
		used := 0
		for _, r := range q {
			used += textWidth(r.text)
		}
		// In proportion, and a few runes more: a cut moves to a space.
		width = max(min(width*room/max(used, 1), width)-1-width/16, 1)
		q = quote(c, start, end, width)
	}
	return q
}

// textWidth is the width of s in twentieths of a column (see byteWidth).
func textWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += int(byteWidth[s[i]])
	}
	return n
}
