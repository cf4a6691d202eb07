package ingest

import (
	"bytes"
	"io"
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
		if _, err := jt.dec.Token(); err != io.EOF {
			_, col := li.pos(jt.errOffset())
			report(Problem{File: file, Line: n, Col: col, Msg: "text after the JSON object ignored"})
		}
	}
	return out
}

func jsonlRecord(file string, li *lineIndex, n int, obj *jv, out []pipeline.Source, report func(Problem)) []pipeline.Source {
	at := func(v *jv, msg string, skipped bool) {
		_, col := li.pos(v.off)
		report(Problem{File: file, Line: n, Col: col, Msg: msg, Skipped: skipped})
	}
	text := obj.get("text")
	if msg := text.wrongType("text"); msg != "" {
		at(text, "skipped: "+msg, true)
		return out
	}
	if text == nil || strings.TrimSpace(text.str) == "" {
		report(Problem{File: file, Line: n, Msg: "skipped: no \"text\" field", Skipped: true})
		return out
	}
	meta := func(name string) string {
		v := obj.get(name)
		if msg := v.wrongType(name); msg != "" {
			at(v, msg+": left empty", false)
			return ""
		}
		return v.text()
	}
	line, col := li.pos(text.off)
	q := source(file, "jsonl", "quote", line, col, text.str)
	q.SetTitle(optional(meta("title")))
	q.SetURL(optional(meta("url")))
	q.SetAuthor(meta("author"))
	out = append(out, q)
	note := obj.get("note")
	if msg := note.wrongType("note"); msg != "" {
		at(note, "skipped: "+msg, true)
		return out
	}
	if note != nil && strings.TrimSpace(note.str) != "" {
		line, col := li.pos(note.off)
		s := source(file, "jsonl", "note", line, col, note.str)
		s.SetTitle(q.Title())
		s.SetURL(q.URL())
		s.SetAuthor(q.Author())
		s.NoteIndex = int32(len(out))
		out = append(out, s)
	}
	return out
}
