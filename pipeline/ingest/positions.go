package ingest

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// lineIndex maps byte offsets of a file to 1-based lines and columns in
// characters, so that every reader can point a claim at the place an
// editor opens.
type lineIndex struct {
	data   []byte
	starts []int
}

func newLineIndex(data []byte) *lineIndex {
	li := &lineIndex{data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// pos returns the line and character column of byte offset off.
func (li *lineIndex) pos(off int) (int, int) {
	off = max(0, min(off, len(li.data)))
	l := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return l + 1, utf8.RuneCount(li.data[li.starts[l]:off]) + 1
}

// lineStart is the byte offset where 1-based line n starts.
func (li *lineIndex) lineStart(n int) int {
	if n < 1 || n > len(li.starts) {
		return len(li.data)
	}
	return li.starts[n-1]
}

// breaks returns the rune offsets in s where a new line starts.
func breaks(s string) []int {
	var out []int
	n := 0
	for _, r := range s {
		n++
		if r == '\n' {
			out = append(out, n)
		}
	}
	return out
}

// source makes a source of one record: text that starts at line and col.
func source(file, format, role string, line, col int, text string) pipeline.Source {
	text = strings.TrimRight(text, "\r\n")
	s := pipeline.Source{Line: int32(line), Col: int32(col), Text: text}
	s.SetShape(file, role, "", format)
	s.SetBreaks(breaks(text))
	return s
}

func optional(s string) *string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return &s
}

func itoa(n int) string { return strconv.Itoa(n) }
