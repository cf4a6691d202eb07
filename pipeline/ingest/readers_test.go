package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func readWith(r Reader, data string) ([]string, []string) {
	var problems []string
	src := r.Read("f", []byte(data), func(p Problem) { problems = append(problems, p.String()) })
	var got []string
	for _, s := range src {
		got = append(got, s.Role()+":"+s.Text)
	}
	return got, problems
}

// Bad input is reported with file and line, and the other records are read.
func TestBadRecords(t *testing.T) {
	cases := []struct {
		name     string
		r        Reader
		data     string
		sources  []string
		problems []string
	}{
		{"malformed CSV row", Readwise{}, "Highlight,Note\nok 5%,n\nbad \"quote 6%,x\nfine 7%,\n",
			[]string{"quote:ok 5%", "note:n", "quote:fine 7%"}, []string{"f:3: skipped: malformed CSV row: bare \" in non-quoted-field"}},
		{"unterminated quote", Readwise{}, "Highlight\nok 5%\n\"open 8%\nmore\n",
			[]string{"quote:ok 5%"}, []string{"f:3: skipped: malformed CSV row: extraneous or missing \" in quoted-field", "f:3: an unterminated quote runs to line 4"}},
		{"CSV without Highlight", Readwise{}, "Title,Note\na,b\n", nil, []string{"f:1: skipped: no Highlight column in the header"}},
		{"truncated JSON", Hypothesis{}, `{"rows": [{"text": "n 5%", "target": []}, {"text": "cut`,
			[]string{"note:n 5%"}, []string{"f:1: truncated JSON: the file ends inside a value; rows before it were read"}},
		{"bare list", Hypothesis{}, `[{"text": "", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "q 5%"}]}]}]`,
			[]string{"quote:q 5%"}, nil},
		{"bad JSON line", JSONL{}, "{\"text\": \"a 5%\"}\n{\"text\": \n{\"note\": \"x\"}\n",
			[]string{"quote:a 5%"}, []string{"f:2: skipped: truncated JSON object", "f:3: skipped: no \"text\" field"}},
		{"kindle bookmark and note", Kindle{}, "B (A)\n- Your Highlight on Location 10-20 | Added on x\n\nq 5%\n==========\nB (A)\n- Your Bookmark on Location 30 | Added on x\n\n\n==========\nB (A)\n- Your Note on Location 20 | Added on x\n\nn 6%\n==========\n",
			[]string{"quote:q 5%", "note:n 6%"}, []string{"f:6: skipped: bookmark without text"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, problems := readWith(c.r, c.data)
			if strings.Join(got, "|") != strings.Join(c.sources, "|") {
				t.Errorf("sources %q, want %q", got, c.sources)
			}
			if strings.Join(problems, "|") != strings.Join(c.problems, "|") {
				t.Errorf("problems %q, want %q", problems, c.problems)
			}
		})
	}
}

func TestKindleNoteAttaches(t *testing.T) {
	data := "B (A)\n- Your Highlight on page 3 | Location 10-20 | Added on Monday\n\nq\n==========\n" +
		"C (A)\n- Your Highlight on Location 15-18 | Added on Monday\n\nother book\n==========\n" +
		"B (A)\n- Your Note on page 3 | Location 20 | Added on Monday\n\nn\n==========\n"
	src := Kindle{}.Read("f", []byte(data), nil)
	if len(src) != 3 || src[2].NoteIndex != 1 || src[0].Location() != "page 3, location 10-20" || *src[0].Title() != "B" || src[0].Author() != "A" || src[0].Line != 4 {
		t.Errorf("%+v", src)
	}
}

func TestMarkdownSkipsCodeAndLinks(t *testing.T) {
	data := "---\nyear: 2024\n---\n# T\n\n> quote 5% [link](https://x.com/99)\n\nnote 6%\n\n```\ncode 7%\n```\n\n| a |\n|---|\n| 8% |\n\n- item 9%\n    - Note: sub 10%\n"
	src := Markdown{}.Read("f", []byte(data), nil)
	var got []string
	for _, s := range src {
		got = append(got, s.Role()+":"+strings.TrimSpace(s.Text))
	}
	want := []string{"quote:quote 5% [link]", "note:note 6%", "quote:8% a", "quote:item 9%", "note:Note: sub 10%"}
	for i := range want {
		// the whole text: a link's address is blanked, not kept after its words
		if i >= len(got) || strings.Join(strings.Fields(got[i]), " ") != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	if len(got) != len(want) || src[0].Line != 6 || src[0].Col != 3 || src[1].NoteIndex != 1 || src[4].NoteIndex != 4 {
		t.Errorf("got %q %+v", got, src)
	}
}

// A list of "Note:" items right after a blockquote holds its notes; a
// list that starts with anything else is quotes, and a Note item after one
// is no note of the blockquote.
func TestMarkdownNoteItemsAfterQuote(t *testing.T) {
	data := "# T\n\n> quote 5%\n\n- Note: note 6%\n- Note: note 7%\n\n> quote 8%\n\n- item 9%\n- Note: 10%\n"
	src := Markdown{}.Read("f", []byte(data), nil)
	var got []string
	for _, s := range src {
		got = append(got, fmt.Sprintf("%s:%s:%d", s.Role(), strings.TrimSpace(s.Text), s.NoteIndex))
	}
	want := []string{"quote:quote 5%:0", "note:Note: note 6%:1", "note:Note: note 7%:1", "quote:quote 8%:0", "quote:item 9%:0", "quote:Note: 10%:0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestSniff(t *testing.T) {
	cases := map[string]string{
		"My Clippings.txt": "T (A)\r\n- Your Highlight on Location 1-2 | Added on x\r\n\r\nq\r\n==========\r\n",
		"notes.txt":        "plain line\nanother\n",
		"x.json":           `{"rows": []}`,
		"y.json":           "{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
		"export":           "Highlight,Book Title\n\"a\",b\n",
		"h.md":             "# T\n> q\n",
	}
	want := map[string]string{"My Clippings.txt": "kindle", "notes.txt": "text", "x.json": "hypothesis",
		"y.json": "jsonl", "export": "readwise", "h.md": "markdown"}
	for path, data := range cases {
		r := Sniff(path, []byte(data))
		if r == nil || r.Name() != want[path] {
			t.Errorf("%s: %v, want %s", path, r, want[path])
		}
	}
}

// Every record of every reader either becomes a source or is reported as
// skipped, so that the read line's records = sources + skipped counts what
// the file holds: records is counted here by hand, each bad kind once, and
// the skips are counted by reason, as the read line gives them.
func TestEveryRecordAccounted(t *testing.T) {
	reasons := map[string]string{
		"a.txt": "", "a.md": "",
		"a.csv":            "1 malformed CSV row; 1 row has no highlight text",
		"b.csv":            "1 no Highlight column in the header",
		"My Clippings.txt": "1 bookmark without text; 1 highlight without text; 1 not a Kindle clipping (no metadata line)",
		"a.json": `1 a row that is a number, not an object; 1 annotation with neither quote nor text; ` +
			`1 field "exact" is true or false, not text; 1 field "text" is a number, not text; 1 truncated JSON`,
		"a.jsonl": `1 bad JSON; 1 field "note" is a list, not text; 1 field "text" is a number, not text; 1 no "text" field; 1 not a JSON object`,
	}
	cases := []struct {
		file    string
		data    string
		records int
	}{
		{"a.txt", "a 5%\n\n   \nb \xff 6%\nc\n", 3},
		{"a.csv", "Highlight,Note\nq 5%,n\nq,\n,note alone\n,\nbad \"q,x\nlast,\n", 7},
		{"b.csv", "Title,Note\nx,y\n", 1}, // no Highlight column: the file is one record, skipped
		{"a.md", "# T\n\n> q 5%\n\nnote\n\n```\n7%\n```\n\n| a |\n|---|\n| 8% |\n\n- item\n    - Note: n\n", 5},
		{"My Clippings.txt", clipping("B", "Highlight", "q 5%") + clipping("B", "Note", "n") + clipping("B", "Bookmark", "") +
			clipping("B", "Highlight", "") + "no metadata\n==========\n" + strings.TrimSuffix(clipping("B", "Highlight", "last"), "==========\n"), 6},
		{"a.json", `{"rows": [
 {"text": "n", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "q"}]}]},
 {"text": 4, "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "q"}]}]},
 {"text": "n", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": true}]}]},
 {"text": ""},
 7,
 {"text": "cut`, 9},
		{"a.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\", \"note\": \"n\"}\n{\"text\": 5}\n{\"text\": \"c\", \"note\": [1]}\n{bad\n[1]\n{\"note\": \"x\"}\n\n", 9},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.file)
			writeFile(t, path, c.data)
			var skips int
			_, st := readPaths(t, func(p Problem) {
				if p.Skipped {
					skips++
				}
			}, path)
			if st.Read != c.records || st.Read != st.Sources+st.Skipped || skips != st.Skipped {
				t.Errorf("stats %+v, %d skips reported; the file holds %d records", st, skips, c.records)
			}
			if got := st.Reasons(); got != reasons[c.file] {
				t.Errorf("skipped for %q, want %q", got, reasons[c.file])
			}
		})
	}
}

func clipping(book, kind, text string) string {
	return book + " (A)\n- Your " + kind + " on Location 10-20 | Added on x\n\n" + text + "\n==========\n"
}

// A JSON field of the wrong kind is a warning at its own line and column,
// not a record dropped without a word, nor one put at line 1.
func TestJSONWrongTypes(t *testing.T) {
	hyp := `{"rows": [
  {"text": "fine", "uri": "u"},
  {"text": 42, "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "q 5%"}]}]},
  {"text": "n", "uri": 7, "target": [{"selector": [{"type": "TextQuoteSelector", "exact": {"a": 1}}]}]},
  {"text": null},
  "row"
]}`
	got, problems := readWith(Hypothesis{}, hyp)
	want := []string{
		`f:3:12: skipped: field "text" is a number, not text`,
		`f:4:91: skipped: field "exact" is an object, not text`,
		`f:4:24: field "uri" is a number, not text: left empty`,
		`f:5:3: skipped: annotation with neither quote nor text`,
		`f:6:4: skipped: a row that is text, not an object`,
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	if strings.Join(got, "|") != "note:fine|quote:q 5%|note:n" {
		t.Errorf("sources %q", got)
	}
	got, problems = readWith(JSONL{}, "{\"text\": \"a\"}\n{\"text\": true}\n{\"text\": \"b\", \"note\": 3, \"title\": [1]} x\n")
	want = []string{
		`f:2:10: skipped: field "text" is true or false, not text`,
		`f:3:35: field "title" is a list, not text: left empty`,
		`f:3:23: skipped: field "note" is a number, not text`,
		`f:3:40: text after the JSON object ignored`,
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") || strings.Join(got, "|") != "quote:a|quote:b" {
		t.Errorf("sources %q, problems:\n%s\nwant:\n%s", got, strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

func fuzzReader(f *testing.F, r Reader, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, s := range r.Read("f", data, func(Problem) {}) {
			if s.Line < 1 || int(s.Line) > lines || s.Col < 1 {
				t.Fatalf("source at %d:%d of %d lines", s.Line, s.Col, lines)
			}
		}
	})
}

func FuzzReadwise(f *testing.F) {
	fuzzReader(f, Readwise{}, "Highlight,Note\n\"a\n5%\",\"b \"\"c\"\"\"\n", "Note,Highlight\nx,y\n")
}

func FuzzKindle(f *testing.F) {
	fuzzReader(f, Kindle{}, "\ufeffT (A)\r\n- Your Highlight on page 1 | Location 1-2 | Added on x\r\n\r\nq 5%\r\n==========\r\n")
}

func FuzzHypothesis(f *testing.F) {
	fuzzReader(f, Hypothesis{}, `{"rows":[{"text":"n","target":[{"selector":[{"type":"TextQuoteSelector","exact":"q\"5%"}]}]}]}`, `[]`)
}

func FuzzMarkdown(f *testing.F) {
	fuzzReader(f, Markdown{}, "---\na: 1\n---\n# T\n> q 5%\n\nn\n\n- i\n    - Note: x\n", "| a |\n|---|\n")
}

func FuzzJSONL(f *testing.F) {
	fuzzReader(f, JSONL{}, "{\"text\":\"a 5%\",\"note\":\"b\"}\n{bad\n")
}

// A JSON syntax error is named at its line, not at line 1.
func TestJSONErrorLine(t *testing.T) {
	_, problems := readWith(Hypothesis{}, "{\"rows\": [\n {\"text\": \"a 5%\"},\n {\"text\": \"b\" \"c\"}\n]}\n")
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "f:3: JSON error: ") {
		t.Errorf("%q", problems)
	}
}

// The read line lists skip reasons most frequent first, then by name.
func TestReasonsOrder(t *testing.T) {
	st := Stats{Why: map[string]int{"b": 1, "a": 1, "c": 3, "d": 2}}
	if got := st.Reasons(); got != "3 c; 2 d; 1 a; 1 b" {
		t.Errorf("reasons %q", got)
	}
	if got := (Stats{}).Reasons(); got != "" {
		t.Errorf("no reasons: %q", got)
	}
}
