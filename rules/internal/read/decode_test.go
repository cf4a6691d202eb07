package read

import (
	"testing"
	"unicode/utf8"
)

// A text's runes are a string's as range over it reads them: ASCII,
// three-byte characters, four-byte ones, and broken or overlong input.
func TestDecodeAsRange(t *testing.T) {
	for _, s := range []string{
		"", "abc", "中文と日本語", "€5", "😀1", "\xe4\xb8", "\xe4\xb8\x41", "\xe0\x80\x80",
		"\xed\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbf", "\xff\xfe", "a\x80b", "\xe2\x82",
	} {
		var want, got []rune
		for _, c := range s {
			want = append(want, c)
		}
		tx := newText(s)
		got = append(got, tx.r...)
		tx.release()
		if string(got) != string(want) || len(got) != len(want) {
			t.Errorf("%q: %U, want %U", s, got, want)
		}
	}
}

func FuzzDecodeAsRange(f *testing.F) {
	f.Add("中文 5%")
	f.Add("\xed\xa0\x80\xe0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		tx := newText(s)
		defer tx.release()
		k := 0
		for _, want := range s {
			if k >= len(tx.r) || tx.r[k] != want {
				t.Fatalf("%q rune %d: %U, want %U", s, k, tx.r[:min(k+1, len(tx.r))], want)
			}
			k++
		}
		if len(tx.r) != k || utf8.RuneCountInString(s) != k {
			t.Fatalf("%q: %d runes, want %d", s, len(tx.r), k)
		}
	})
}
