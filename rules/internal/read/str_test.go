package read

import (
	"testing"
	"unsafe"
)

// str gives the text of runes i to j, a slice of the source's own bytes
// where they say just that, and a copy where invalid UTF-8 reads as U+FFFD.
func TestStr(t *testing.T) {
	cases := []struct {
		name, src string
		spans     [][2]int // rune offsets, asked in this order
		shared    bool
	}{
		{"ASCII", "revenue rose 12% to $4.1 billion", [][2]int{{13, 16}, {20, 32}}, true},
		{"Chinese", "营收增长12%，达到41亿美元", [][2]int{{4, 7}, {10, 15}}, true},
		{"asked out of order", "营收增长12%，达到41亿美元", [][2]int{{10, 15}, {4, 7}, {4, 7}}, true},
		{"U+FFFD written", "a \uFFFD 12% 增长", [][2]int{{4, 7}, {8, 10}}, true},
		{"invalid byte before", "a \xff 营收 12%", [][2]int{{7, 10}}, false},
		{"invalid byte inside, ASCII", "a 1\xff2 b", [][2]int{{2, 5}}, false},
		{"invalid byte inside", "营 1\xff2 b", [][2]int{{2, 5}}, false},
	}
	for _, c := range cases {
		tx := newText(c.src)
		for _, sp := range c.spans {
			got, want := tx.str(sp[0], sp[1]), string(tx.r[sp[0]:sp[1]])
			if got != want {
				t.Errorf("%s: str(%d, %d) = %q, want %q", c.name, sp[0], sp[1], got, want)
			}
			in := len(got) > 0 && uintptr(unsafe.Pointer(unsafe.StringData(got)))-uintptr(unsafe.Pointer(unsafe.StringData(c.src))) < uintptr(len(c.src))
			if in != c.shared {
				t.Errorf("%s: str(%d, %d) = %q shares the source's bytes: %v, want %v", c.name, sp[0], sp[1], got, in, c.shared)
			}
		}
		tx.release()
	}
}
