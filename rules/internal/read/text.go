package read

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/internal/utf8x"
)

// text is one source's runes, with a folded copy in which full-width ASCII
// reads as ASCII and every space as ' '. Folding keeps one rune per rune, so
// offsets in the copy are offsets in the original.
type text struct {
	r   []rune
	f   []rune
	src string // the text the runes were read from
	// atRune and atByte are a rune's offset in r and in src (see str).
	atRune, atByte int
	lang           string // the source's language, where a reading depends on it
	// style is how the text writes numbers (numstyle.go), read when a
	// number first needs it; 0 until then.
	style uint8

	sent, clause []int      // scratch: the sentence and clause of every offset
	back, ahead  []byte     // scratch: the context windows, as UTF-8
	lines        []tokenHit // scratch: the answers of the line rules (codeLine)
	matches      []Match    // scratch: the claims found (AnalyzeLang returns a copy)
}

// texts keeps rune buffers between calls: a text is scratch space that no
// result refers to once Extract returns.
var texts = sync.Pool{New: func() any { return &text{} }}

func newText(s string) *text {
	t := texts.Get().(*text)
	// len(s) bytes are at least as many runes: room for all, no appends
	r, f := slices.Grow(t.r[:0], len(s))[:len(s)], slices.Grow(t.f[:0], len(s))[:len(s)]
	k := 0
	for i := 0; i < len(s); k++ {
		// decode, in line: a call per rune cost more than the runtime's
		c := rune(s[i])
		switch {
		case c < utf8.RuneSelf:
			i++
		case utf8x.IsThree(s, i):
			c = utf8x.Three(s, i)
			i += 3
		default:
			var n int
			c, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		r[k], f[k] = c, fold(c)
	}
	t.r, t.f, t.lang, t.style = r[:k], f[:k], "", 0
	t.src, t.atRune, t.atByte = s, 0, 0
	return t
}

// str is the text from rune i to rune j: a slice of the text it was read
// from where those bytes are what the runes say (always, but for invalid
// UTF-8, which reads as U+FFFD), else a copy. A claim's text is such a
// string: a copy of its own was 16 bytes a claim, 7 MB of the 100 MB
// corpus's live heap, for bytes the source holds anyway.
func (t *text) str(i, j int) string {
	if len(t.src) == len(t.r) { // a rune a byte: ASCII, or invalid bytes
		if s := t.src[i:j]; utf8.ValidString(s) {
			return s
		}
		return string(t.r[i:j])
	}
	// The byte offset of rune i, counted from the last one asked (a text's
	// claims come in order) by the runes' lengths: decoding the text again
	// cost 2% of a run. An invalid byte before i moves the count off, which
	// the comparison below finds.
	if i < t.atRune {
		t.atRune, t.atByte = 0, 0
	}
	for ; t.atRune < i; t.atRune++ {
		t.atByte += runeLen(t.r[t.atRune])
	}
	lo, hi := t.atByte, t.atByte
	for _, c := range t.r[i:j] {
		hi += runeLen(c)
	}
	if hi <= len(t.src) && sameRunes(t.src[lo:hi], t.r[i:j]) {
		return t.src[lo:hi]
	}
	return string(t.r[i:j])
}

// runeLen is how many bytes UTF-8 writes c in.
func runeLen(c rune) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0x800:
		return 2
	case c < 0x10000:
		return 3
	}
	return 4
}

// sameRunes reports whether s is valid UTF-8 that reads as rs.
func sameRunes(s string, rs []rune) bool {
	n := 0
	for k, c := range s {
		if n == len(rs) || c != rs[n] {
			return false
		}
		if c == utf8.RuneError { // U+FFFD as written, or an invalid byte read as it
			if _, w := utf8.DecodeRuneInString(s[k:]); w == 1 {
				return false
			}
		}
		n++
	}
	return n == len(rs)
}

func (t *text) release() {
	t.src = ""             // a pooled text keeps no source alive
	if cap(t.r) <= 1<<16 { // do not keep the buffers of a huge text alive
		texts.Put(t)
	}
}

func fold(c rune) rune {
	switch {
	case c < 0x80: // most text: only the tab folds
		if c == '\t' {
			return ' '
		}
		return c
	case c >= 0xFF01 && c <= 0xFF5E:
		return c - 0xFF01 + '!'
	case c == 0x3000 || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009:
		return ' '
	case c == '−':
		return '-'
	case c == 'µ': // the micro sign reads as the Greek mu of CLDR's symbols (µg, μg)
		return 'μ'
	}
	return c
}

func (t *text) at(i int) rune {
	if i < 0 || i >= len(t.f) {
		return 0
	}
	return t.f[i]
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// isLatin is called on most runes of every text: the ASCII test stays
// small enough to inline, the rest is a call.
func isLatin(c rune) bool {
	if c < 0x80 {
		return uint32(c|0x20)-'a' < 26
	}
	return c < 0x250 && latinLetter(c)
}

//go:noinline
func latinLetter(c rune) bool { return unicode.IsLetter(c) }

func isSpace(c rune) bool  { return c == ' ' }
func isHan(c rune) bool    { return unicode.Is(unicode.Han, c) }
func isKana(c rune) bool   { return unicode.In(c, unicode.Hiragana, unicode.Katakana) }
func isWordCh(c rune) bool { return isLatin(c) || isDigit(c) }

// skipSpaces returns the first offset at or after i that is not a space,
// looking at most max runes ahead.
func (t *text) skipSpaces(i, max int) int {
	for n := 0; n < max && isSpace(t.at(i)); n++ {
		i++
	}
	return i
}

// backSpaces returns the offset just after the last non-space before i.
func (t *text) backSpaces(i, max int) int {
	for n := 0; n < max && i > 0 && isSpace(t.at(i-1)); n++ {
		i--
	}
	return i
}

// word returns the end of the Latin word starting at i (letters only).
func (t *text) wordEnd(i int) int {
	for i < len(t.f) && isLatin(t.f[i]) {
		i++
	}
	return i
}

// lower returns f[i:j] lower-cased, for ASCII-only word lookups.
func (t *text) lower(i, j int) string {
	b := make([]byte, 0, j-i)
	for _, c := range t.f[i:j] {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 0x80 {
			return string(unicode.ToLower(c)) // rare: not a table word anyway
		}
		b = append(b, byte(c))
	}
	return string(b)
}

// after returns up to n folded runes after j, as a string.
func (t *text) after(j, n int) string {
	e := j + n
	if e > len(t.f) {
		e = len(t.f)
	}
	return string(t.f[j:e])
}
