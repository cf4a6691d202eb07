package ingest

import (
	"bytes"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// JSONL reads JSON Lines: one object per line with text and optionally
// note, title, url and author. A bad line is reported and skipped.
type JSONL struct{}

var _ Reader = JSONL{}

// Name implements Reader.
func (JSONL) Name() string { return "jsonl" }

// Read implements Reader.
func (JSONL) Read(file string, data []byte, report func(Problem)) []pipeline.Source {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	li := newLineIndex(data)
	var out []pipeline.Source
	for n := 1; n <= len(li.starts); n++ {
		start := li.lineStart(n)
		end := li.lineStart(n + 1)
		line := bytes.TrimRight(data[start:end], "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		jt := newJSONTree(line, start)
		obj, err := jt.value()
		if err != nil || obj.obj == nil {
			msg := "skipped: not a JSON object"
			if err != nil {
				msg = "skipped: bad JSON: " + err.Error()
			}
			if isEOF(err) {
				msg = "skipped: truncated JSON object"
			}
			report(Problem{File: file, Line: n, Msg: msg, Skipped: true})
			continue
		}
		out = jsonlRecord(file, li, n, obj, out, report)
	}
	return out
}

func jsonlRecord(file string, li *lineIndex, n int, obj *jv, out []pipeline.Source, report func(Problem)) []pipeline.Source {
	text := obj.get("text")
	if text == nil || !text.isS || strings.TrimSpace(text.str) == "" {
		report(Problem{File: file, Line: n, Msg: "skipped: no \"text\" field", Skipped: true})
		return out
	}
	line, col := li.pos(text.off)
	q := source(file, "jsonl", "quote", line, col, text.str)
	q.Title, q.URL, q.Author = optional(obj.get("title").text()), optional(obj.get("url").text()), obj.get("author").text()
	out = append(out, q)
	if note := obj.get("note"); note != nil && note.isS && strings.TrimSpace(note.str) != "" {
		line, col := li.pos(note.off)
		s := source(file, "jsonl", "note", line, col, note.str)
		s.Title, s.URL, s.Author = q.Title, q.URL, q.Author
		s.NoteIndex = len(out)
		out = append(out, s)
	}
	return out
}
