package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func utf16Bytes(s string, order binary.ByteOrder, bom bool) []byte {
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xFEFF}, u...)
	}
	out := make([]byte, 2*len(u))
	for i, c := range u {
		order.PutUint16(out[2*i:], c)
	}
	return out
}

func cleaned(data []byte) (string, []string, bool) {
	var problems []string
	out, ok := clean("f.txt", data, func(p Problem) { problems = append(problems, p.String()) })
	return string(out), problems, ok
}

// UTF-16 with a byte order mark, either order, reads as its text, pairs
// of surrogates as one character; an unpaired one is named with its line.
func TestUTF16(t *testing.T) {
	text := "Over 60% 🚀 of GPUs\n超过六成\n"
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		got, problems, ok := cleaned(utf16Bytes(text, order, true))
		if !ok || got != text || len(problems) != 0 {
			t.Errorf("%v: %q %v %v", order, got, problems, ok)
		}
	}
	bad := utf16Bytes("a\nb", binary.LittleEndian, true)
	bad = append(bad, 0x00, 0xD8, 'c', 0) // an unpaired high surrogate, then "c"
	got, problems, _ := cleaned(bad)
	if got != "a\nb\uFFFDc" || strings.Join(problems, "|") != "f.txt:2:2: invalid UTF-16 replaced with U+FFFD" {
		t.Errorf("%q %q", got, problems)
	}
	odd := append(utf16Bytes("a", binary.BigEndian, true), 'x')
	if got, problems, _ := cleaned(odd); got != "a\uFFFD" || len(problems) != 1 {
		t.Errorf("odd byte: %q %q", got, problems)
	}
	_, problems, ok := cleaned(utf16Bytes(strings.Repeat("plain text ", 20), binary.LittleEndian, false))
	if ok || len(problems) != 1 || !strings.Contains(problems[0], "UTF-16 without a byte order mark?") {
		t.Errorf("no BOM: %v %q", ok, problems)
	}
}

// Every line with invalid UTF-8 is named, with the column of its first bad
// byte; each bad byte becomes one U+FFFD, so columns after it are right.
func TestInvalidUTF8EveryLine(t *testing.T) {
	got, problems, ok := cleaned([]byte("ok\nbad \xff\xfe x\nfine\n\xc3 y \xff\n"))
	if !ok || got != "ok\nbad \uFFFD\uFFFD x\nfine\n\uFFFD y \uFFFD\n" {
		t.Errorf("%q", got)
	}
	want := "f.txt:2:5: invalid UTF-8 replaced with U+FFFD|f.txt:4:1: invalid UTF-8 replaced with U+FFFD"
	if strings.Join(problems, "|") != want {
		t.Errorf("problems %q, want %q", problems, want)
	}
	var b strings.Builder
	for i := 0; i < maxBadLines+5; i++ {
		b.WriteString("\xff\n")
	}
	_, problems, _ = cleaned([]byte(b.String()))
	last := fmt.Sprintf("f.txt: invalid UTF-8 on 5 more lines, the last line %d (is the file in another encoding?)", maxBadLines+5)
	if len(problems) != maxBadLines+1 || problems[maxBadLines] != last {
		t.Errorf("%d problems, last %q", len(problems), problems[len(problems)-1])
	}
}

// A claim after bad bytes stands at the column an editor shows.
func TestColumnAfterBadBytes(t *testing.T) {
	data, _, _ := cleaned([]byte("bad \xff\xfe here 6%\n"))
	src := Text{}.Read("f.txt", []byte(data), nil)
	if len(src) != 1 {
		t.Fatal(src)
	}
	at := strings.Index(src[0].Text, "6%")
	runes := len([]rune(src[0].Text[:at]))
	if line, col := src[0].Position(runes); line != 1 || col != 13 {
		t.Errorf("6%% at %d:%d, want 1:13", line, col)
	}
}

// Whatever the bytes, clean gives valid UTF-8 with the file's lines, and
// every invalid byte of UTF-8 stands as one character, so that columns
// after it count as an editor counts them.
func FuzzClean(f *testing.F) {
	f.Add([]byte("ok\nbad \xff\xfe x\n\xc3"))
	f.Add(utf16Bytes("a\nb 🚀", binary.LittleEndian, true))
	f.Add(utf16Bytes("a\nb", binary.BigEndian, true))
	f.Add([]byte{0xFF, 0xFE, 0x00, 0xD8, 'c'})
	f.Fuzz(func(t *testing.T, data []byte) {
		out, ok := clean("f", data, func(Problem) {})
		if !ok {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", data)
		}
		if utf16Order(data) != nil {
			return
		}
		if bytes.Count(out, []byte("\n")) != bytes.Count(data, []byte("\n")) {
			t.Fatalf("lines changed: %q -> %q", data, out)
		}
		if utf8.RuneCount(out) != utf8.RuneCount(data) {
			t.Fatalf("%d characters became %d", utf8.RuneCount(data), utf8.RuneCount(out))
		}
	})
}
