package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

func TestTextReader(t *testing.T) {
	var problems []Problem
	src, st := readPaths(t, func(p Problem) { problems = append(problems, p) }, "testdata/bom-crlf.txt")
	want := []struct {
		line       int
		role, lang string
		noteOf     string
		dupOf      string
	}{
		{1, "quote", "en", "", ""},
		{2, "note", "zh", "h1", ""},
		{4, "quote", "en", "", "h1"},
		{5, "note", "ja", "h3", ""},
		{6, "quote", "zh", "", ""}, // the line before is a note: a new quote
		{7, "quote", "en", "", ""}, // English is this file's quote language: no note
		{8, "quote", "en", "", ""},
	}
	if len(src) != len(want) || st.Sources != len(want) || st.Read != len(want) || len(problems) != 0 {
		t.Fatalf("got %d sources %+v, problems %v", len(src), st, problems)
	}
	nth := map[string]string{"": ""} // a source's id to "h" and its place, as the table names them
	for i, s := range src {
		nth[s.ID()] = fmt.Sprintf("h%d", i+1)
	}
	for i, w := range want {
		s := src[i]
		if int(s.Line) != w.line || s.Role() != w.role || s.Lang() != w.lang || nth[deref(s.NoteOf)] != w.noteOf || nth[deref(s.DuplicateOf)] != w.dupOf {
			t.Errorf("source %d: line %d role %s lang %s note_of %q dup %q, want %+v", i, s.Line, s.Role(), s.Lang(), deref(s.NoteOf), deref(s.DuplicateOf), w)
		}
		if strings.ContainsAny(s.Text, "\r\ufeff") {
			t.Errorf("source %d keeps a CR or BOM: %q", i, s.Text)
		}
	}
}

// A note follows its quote only in a different language: a Japanese quote
// with a Chinese note (the seed's lines 17 and 18) links, two notes do not.
func TestNoteHeuristic(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"An English quote.\n一条中文笔记。\n又一条中文笔记。", []string{"quote", "note", "quote"}},
		{"合計数百回の呼び出し\n数百到数千次 LLM 调用", []string{"quote", "note"}},
		{"English one.\nEnglish two.", []string{"quote", "quote"}},
		{"English one.\n\n中文笔记", []string{"quote", "quote"}},
	}
	for _, c := range cases {
		src := Text{}.Read("x.txt", []byte(c.in), nil)
		var got []string
		for _, s := range src {
			got = append(got, s.Role())
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: roles %v, want %v", c.in, got, c.want)
		}
	}
}

func TestLang(t *testing.T) {
	cases := map[string]string{
		"up to 5 gigawatts (GW) of capacity for training and deploying Claude": "en",
		"5GW的算力规模是惊人的":                                                         "zh",
		"合計数百回、時には数千回に及ぶLLM呼び出しの中で":                                            "ja",
		"Epoch AI 的相关研究显示全球 AI 算力每 7 个月翻倍":                                     "zh",
		"a note on 华为 chips in an English sentence":                            "en",
	}
	for in, want := range cases {
		if got := Lang(in); got != want {
			t.Errorf("Lang(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := dir + "/blob.txt"
	bad := dir + "/bad.txt"
	writeFile(t, bin, "abc\x00def")
	writeFile(t, bad, "fine line\nbroken \xff byte 5%\n")
	var problems []string
	src, st := readPaths(t, func(p Problem) { problems = append(problems, p.String()) }, bin, bad)
	if len(src) != 2 || st.Skipped != 1 || st.Read != 3 {
		t.Errorf("sources %d, stats %+v", len(src), st)
	}
	wantProblems := []string{bin + ": skipped: binary file", bad + ":2:8: invalid UTF-8 replaced with U+FFFD"}
	if strings.Join(problems, "|") != strings.Join(wantProblems, "|") {
		t.Errorf("problems %q, want %q", problems, wantProblems)
	}
	if !strings.Contains(src[1].Text, "\uFFFD") {
		t.Errorf("not replaced: %q", src[1].Text)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbfa 5%\r\nb 中文\r\n\r\nc"))
	f.Add([]byte("x\n\n\ny\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		src := Text{}.Read("f.txt", data, nil)
		lines := strings.Split(string(data), "\n")
		for _, s := range src {
			if s.Line < 1 || int(s.Line) > len(lines) {
				t.Fatalf("line %d of %d", s.Line, len(lines))
			}
			if !strings.Contains(lines[s.Line-1], s.Text) || strings.TrimSpace(s.Text) == "" {
				t.Fatalf("line %d %q does not hold %q", s.Line, lines[s.Line-1], s.Text)
			}
			if int(s.NoteIndex) > len(src) {
				t.Fatalf("note index %d of %d", s.NoteIndex, len(src))
			}
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// A file of several megabytes is read in pieces; the pieces must end at
// line ends and the sources come out as one reader would make them.
func TestTextInPieces(t *testing.T) {
	lines := []string{"Over 60% of compute.", "", "超过六成。", "GPT-4 used 2e25 FLOP.\r", "   ", "約3割です。"}
	langs := map[string]string{"Over 60% of compute.": "en", "超过六成。": "zh", "GPT-4 used 2e25 FLOP.": "en", "約3割です。": "ja"}
	var b strings.Builder
	var want []string
	for n := 1; b.Len() < 5<<20; n++ {
		l := lines[n%len(lines)]
		b.WriteString(l + "\n")
		if strings.TrimSpace(l) != "" {
			want = append(want, fmt.Sprintf("%d %s", n, strings.TrimSuffix(l, "\r")))
		}
	}
	data := []byte(b.String())
	pieces := cutLines(data, 4)
	if len(pieces) != 4 || !bytes.Equal(bytes.Join(pieces, nil), data) {
		t.Fatalf("%d pieces do not make the file", len(pieces))
	}
	for _, p := range pieces[:len(pieces)-1] {
		if p[len(p)-1] != '\n' {
			t.Fatalf("a piece ends inside a line: %q", p[len(p)-20:])
		}
	}
	src := Text{}.Read("big.txt", data, nil)
	if len(src) != len(want) {
		t.Fatalf("%d sources, want %d", len(src), len(want))
	}
	for i, s := range src {
		if got := fmt.Sprintf("%d %s", s.Line, s.Text); got != want[i] {
			t.Fatalf("source %d: %q, want %q", i, got, want[i])
		}
		if s.Lang() != langs[s.Text] {
			t.Fatalf("source %d %q: lang %s, want %s", i, s.Text, s.Lang(), langs[s.Text])
		}
	}
}

// Read copies what it is given (a caller may reuse its buffer); readKept,
// which readOne calls with a file's own bytes, reads the same sources
// without a copy: their texts are the bytes themselves.
func TestTextKeptOrCopied(t *testing.T) {
	for _, in := range []string{"", "one line", "\xEF\xBB\xBFfirst 5%\r\n\nsecond 7%\n", "关于 3%\nabout 3%\n  \n"} {
		copied := Text{}.Read("t.txt", []byte(in), nil)
		data := []byte(in)
		kept := Text{}.readKept("t.txt", data, nil)
		if len(copied) != len(kept) {
			t.Fatalf("%q: %d sources copied, %d kept", in, len(copied), len(kept))
		}
		for i := range kept {
			c, k := copied[i], kept[i]
			if c.Text != k.Text || c.Line != k.Line || c.Col != k.Col || c.Lang() != k.Lang() || c.Role() != k.Role() || c.NoteIndex != k.NoteIndex {
				t.Errorf("%q: source %d copied %+v, kept %+v", in, i, c, k)
			}
		}
		buf := []byte(in)
		src := Text{}.Read("t.txt", buf, nil)
		for i := range buf {
			buf[i] = 'x'
		}
		for i := range src {
			if src[i].Text != copied[i].Text {
				t.Errorf("%q: source %d changed with the buffer it was read from: %q", in, i, src[i].Text)
			}
		}
		for i := range kept {
			if k := kept[i].Text; len(data) > 0 && len(k) > 0 && !withinBytes(k, data) {
				t.Errorf("%q: kept source %d is a copy", in, i)
			}
		}
	}
}

// withinBytes says whether s lies in b's memory.
func withinBytes(s string, b []byte) bool {
	p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= lo && p+uintptr(len(s)) <= lo+uintptr(len(b))
}
