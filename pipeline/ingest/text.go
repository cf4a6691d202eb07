package ingest

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/factsheet-dev/factsheet/internal/utf8x"
	"github.com/factsheet-dev/factsheet/pipeline"
)

// Text reads plain text: each non-empty line is one source.
//
// A line is a note on the line before it when the two are in different
// languages and the line before is itself a quote: people highlight a
// passage in the language they read and comment in the one they think in
// (an English or Japanese quote, then a Chinese note). Lines in the same
// language are separate quotes.
type Text struct{}

var _ Reader = Text{}

// Name implements Reader.
func (Text) Name() string { return "text" }

// Read implements Reader. A large file is read in pieces on all cores;
// the pieces end at line ends, so each knows its first line's number, and
// each fills its own part of the one result slice (copying 50k sources
// into place afterwards would cost more than reading them).
func (t Text) Read(file string, data []byte, _ func(Problem)) []pipeline.Source {
	return t.read(file, data, false)
}

// readKept implements keeper: the sources' texts are slices of data itself.
func (t Text) readKept(file string, data []byte, _ func(Problem)) []pipeline.Source {
	return t.read(file, data, true)
}

// read reads data, copied once (the sources' texts are slices of the copy)
// or, when kept, not at all.
func (Text) read(file string, data []byte, kept bool) []pipeline.Source {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	pieces := cutLines(data, runtime.GOMAXPROCS(0)*2)
	texts := make([]string, len(pieces)) // the sources' texts are slices of these
	start := make([]int, len(pieces)+1)  // piece p fills out[start[p]:start[p+1]]
	eachPiece(pieces, func(p int, piece []byte) {
		if kept {
			texts[p] = unsafe.String(unsafe.SliceData(piece), len(piece))
		} else {
			texts[p] = string(piece)
		}
		for text := texts[p]; len(text) > 0; {
			var l string
			if l, text = cutLine(text); strings.TrimSpace(l) != "" {
				start[p+1]++
			}
		}
	})
	first := make([]int, len(pieces)) // the line number each piece starts at
	first[0] = 1
	for p, piece := range pieces {
		start[p+1] += start[p]
		if p+1 < len(pieces) {
			first[p+1] = first[p] + bytes.Count(piece, []byte("\n"))
		}
	}
	out := make([]pipeline.Source, start[len(pieces)])
	eachPiece(pieces, func(p int, _ []byte) {
		k := start[p]
		var like pipeline.Source // the file, role, language and format of the last line
		lang := ""
		for text, line := texts[p], first[p]; len(text) > 0; line++ {
			var l string
			if l, text = cutLine(text); strings.TrimSpace(l) != "" {
				if lg := Lang(l); lg != lang || k == start[p] {
					lang = lg
					like.SetShape(file, "quote", lang, "text")
				}
				out[k] = like
				out[k].Line, out[k].Col, out[k].Text = int32(line), 1, l
				k++
			}
		}
	})
	linkNotes(out)
	return out
}

// cutLine returns the first line of text without its line end, and the rest.
func cutLine(text string) (line, rest string) {
	line, rest, _ = strings.Cut(text, "\n")
	return strings.TrimSuffix(line, "\r"), rest
}

// eachPiece runs fn on every piece at once and waits for all.
func eachPiece(pieces [][]byte, fn func(p int, piece []byte)) {
	var wg sync.WaitGroup
	for p, piece := range pieces {
		wg.Go(func() { fn(p, piece) })
	}
	wg.Wait()
}

// cutLines cuts data into at most n pieces of whole lines, of at least a
// megabyte each: below that, one goroutine does it all.
func cutLines(data []byte, n int) [][]byte {
	const least = 1 << 20
	n = max(1, min(n, len(data)/least))
	var out [][]byte
	for k := n; k > 1; k-- {
		cut := bytes.IndexByte(data[len(data)/k:], '\n')
		if cut < 0 {
			break
		}
		cut += len(data)/k + 1
		out, data = append(out, data[:cut]), data[cut:]
	}
	return append(out, data)
}

// setLangs tells the language of every source that has none, on all cores
// for a large file.
func setLangs(src []pipeline.Source) {
	const chunk = 4096
	var wg sync.WaitGroup
	for start := 0; start < len(src); start += chunk {
		wg.Go(func() {
			part := src[start:min(start+chunk, len(src))]
			for i := range part {
				if part[i].Lang() == "" {
					part[i].SetLang(Lang(part[i].Text))
				}
			}
		})
	}
	wg.Wait()
}

// linkNotes marks a line as a note on the quote just before it when the
// line says so (Note:, 注：, メモ：, →), or when it changes language away
// from the file's quote language (its first line's: an export starts with
// a highlight): an English file's Chinese line after a Japanese quote is a
// note, but an English line after a reader's Chinese list of references is
// the next quote.
func linkNotes(src []pipeline.Source) {
	quoteLang := ""
	if len(src) > 0 {
		quoteLang = src[0].Lang()
	}
	for i := 1; i < len(src); i++ {
		prev, cur := &src[i-1], &src[i]
		if prev.Role() != "quote" || cur.Line != prev.Line+1 {
			continue
		}
		if noteMarked(cur.Text) || cur.Lang() != prev.Lang() && cur.Lang() != quoteLang {
			cur.SetRole("note")
			cur.NoteIndex = int32(i)
		}
	}
}

// noteMarkers open a line that comments on the one before.
var noteMarkers = []string{"note:", "nb:", "注：", "注:", "备注：", "备注:", "メモ：", "メモ:", "【メモ】", "【注】", "→", "->"}

func noteMarked(text string) bool {
	t := strings.TrimSpace(text)
	for _, m := range noteMarkers {
		// the first bytes first: only n and N fold to the n of note:, and
		// no other marker's first rune has a case (EqualFold on every
		// marker of every line cost more than reading the line's language)
		if len(t) >= len(m) && (t[0] == m[0] || t[0]|0x20 == m[0] && m[0] >= 'a' && m[0] <= 'z') && strings.EqualFold(t[:len(m)], m) {
			return true
		}
	}
	return false
}

// Lang tells English, Chinese and Japanese apart by script: any kana means
// Japanese; Han characters carry about three letters' worth of text each.
func Lang(s string) string {
	var c scripts
	for i := 0; i < len(s); {
		if b := s[i]; b < 0x80 { // the common case, without table lookups
			if b|0x20 >= 'a' && b|0x20 <= 'z' {
				c.latin++
			}
			i++
			continue
		}
		// The next common case, a well-formed character of 0x800 to 0xFFFF
		// (Han, kana), read in place; the rest as range over s reads it.
		var r rune
		if utf8x.IsThree(s, i) {
			r = utf8x.Three(s, i)
			i += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		if r >= 0x4E00 && r <= 0x9FFF { // most of Chinese and Japanese text: no call
			c.han++
		} else {
			c.add(r)
		}
	}
	return c.lang()
}

// scripts counts the runes of a text that vote for its language.
type scripts struct{ han, kana, latin int }

func (c *scripts) add(r rune) {
	switch {
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			c.latin++
		}
	case r >= 0x4E00 && r <= 0x9FFF: // the common Han block, before the tables
		c.han++
	case r >= 0x3040 && r <= 0x30FF && r != 0x30FB && r != 0x30FC:
		c.kana++
	case r < 0x250:
		if unicode.IsLetter(r) {
			c.latin++
		}
	case r < 0x2E80: // punctuation, symbols and other scripts: no vote
	case unicode.Is(unicode.Han, r):
		c.han++
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		c.kana++
	}
}

func (c *scripts) lang() string {
	switch {
	case c.kana > 0 && (c.kana+c.han)*3 >= c.latin:
		return "ja"
	case c.han*3 >= c.latin && c.han > 0:
		return "zh"
	}
	return "en"
}
