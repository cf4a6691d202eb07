package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// maxBadLines is how many lines of bad encoding a file names one by one;
// past it, one warning counts the rest (a file with thousands is in
// another encoding altogether).
const maxBadLines = 100

// clean turns a file's bytes into UTF-8 text: UTF-16 with a byte order
// mark is decoded, a binary file is skipped, and invalid UTF-8 is replaced
// with U+FFFD, each bad byte by one, so that columns after it count as an
// editor counts them; every line with bad bytes is named.
func clean(file string, data []byte, report func(Problem)) ([]byte, bool) {
	if enc := utf16Order(data); enc != nil {
		return decodeUTF16(file, data[2:], enc, report), true
	}
	head := data[:min(len(data), 8000)]
	if bytes.IndexByte(head, 0) >= 0 {
		msg := "skipped: binary file"
		if looksUTF16(head) {
			msg += " (UTF-16 without a byte order mark? save it as UTF-8)"
		}
		report(Problem{File: file, Msg: msg, Skipped: true})
		return nil, false
	}
	if utf8.Valid(data) {
		return data, true
	}
	return fixUTF8(file, data, report), true
}

// utf16Order is the byte order a UTF-16 byte order mark names, or nil.
func utf16Order(data []byte) binary.ByteOrder {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return binary.BigEndian
	}
	return nil
}

// looksUTF16 is text with a zero byte beside every other character, as
// ASCII text in UTF-16 is.
func looksUTF16(head []byte) bool {
	zeros := [2]int{}
	for i, b := range head {
		if b == 0 {
			zeros[i%2]++
		}
	}
	half := len(head) / 2
	return half > 0 && (zeros[0] > half*9/10 && zeros[1] == 0 || zeros[1] > half*9/10 && zeros[0] == 0)
}

// badLines names the lines of bad encoding, up to maxBadLines.
type badLines struct {
	file, what string
	report     func(Problem)
	n, last    int
}

func (b *badLines) add(line, col int) {
	if line == b.last {
		return
	}
	b.last = line
	b.n++
	if b.n <= maxBadLines {
		b.report(Problem{File: b.file, Line: line, Col: col, Msg: b.what + " replaced with U+FFFD"})
	}
}

func (b *badLines) done() {
	if b.n > maxBadLines {
		b.report(Problem{File: b.file, Msg: fmt.Sprintf("%s on %d more lines, the last line %d (is the file in another encoding?)", b.what, b.n-maxBadLines, b.last)})
	}
}

// fixUTF8 replaces each invalid byte with U+FFFD.
func fixUTF8(file string, data []byte, report func(Problem)) []byte {
	bad := badLines{file: file, what: "invalid UTF-8", report: report}
	out := make([]byte, 0, len(data)+len(data)/8)
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line, lineStart = line+1, i+1
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad.add(line, utf8.RuneCount(data[lineStart:i])+1)
			out = append(out, "\uFFFD"...)
			i++
			continue
		}
		out = append(out, data[i:i+n]...)
		i += n
	}
	bad.done()
	return out
}

// decodeUTF16 decodes UTF-16 text (after its byte order mark) to UTF-8; an
// unpaired surrogate or a last odd byte becomes U+FFFD with a warning.
func decodeUTF16(file string, data []byte, order binary.ByteOrder, report func(Problem)) []byte {
	bad := badLines{file: file, what: "invalid UTF-16", report: report}
	out := make([]byte, 0, len(data)/2*3/2)
	line, col := 1, 1
	put := func(r rune) {
		out = utf8.AppendRune(out, r)
		col++
		if r == '\n' {
			line, col = line+1, 1
		}
	}
	for i := 0; i+1 < len(data); i += 2 {
		u := rune(order.Uint16(data[i:]))
		if !utf16.IsSurrogate(u) {
			put(u)
			continue
		}
		if i+3 < len(data) {
			if r := utf16.DecodeRune(u, rune(order.Uint16(data[i+2:]))); r != utf8.RuneError {
				put(r)
				i += 2
				continue
			}
		}
		bad.add(line, col)
		put(utf8.RuneError)
	}
	if len(data)%2 == 1 {
		bad.add(line, col)
		put(utf8.RuneError)
	}
	bad.done()
	return out
}
