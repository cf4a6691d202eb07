package ingest

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Hypothesis reads the Hypothesis API's JSON: {"total": …, "rows": […]} or a
// bare list of rows. The quote is the exact text of the TextQuoteSelector in
// target[].selector[], the note is text; uri, created, tags and
// document.title go to the source. Only exact and text are scanned.
type Hypothesis struct{}

var _ Reader = Hypothesis{}

// Name implements Reader.
func (Hypothesis) Name() string { return "hypothesis" }

// Read implements Reader. Rows are read one by one, so a truncated file
// keeps every row before the break.
func (Hypothesis) Read(file string, data []byte, report func(Problem)) []pipeline.Source {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	li := newLineIndex(data)
	jt := newJSONTree(data, 0)
	var out []pipeline.Source
	fail := func(err error) []pipeline.Source {
		line, _ := li.pos(jt.errOffset())
		msg := "JSON error: " + err.Error()
		if isEOF(err) {
			msg = "truncated JSON: the file ends inside a value; rows before it were read"
		}
		report(Problem{File: file, Line: line, Msg: msg, Skipped: true})
		return out
	}
	if err := seekRows(jt); err != nil {
		return fail(err)
	}
	for jt.dec.More() {
		row, err := jt.value()
		if err != nil {
			return fail(err)
		}
		out = hypothesisRow(file, li, row, out, report)
	}
	return out
}

// seekRows moves the decoder into the list of rows.
func seekRows(jt *jsonTree) error {
	tok, err := jt.dec.Token()
	if err != nil {
		return err
	}
	if tok == json.Delim('[') {
		return nil
	}
	if tok != json.Delim('{') {
		return errNotRows
	}
	for jt.dec.More() {
		k, err := jt.dec.Token()
		if err != nil {
			return err
		}
		if k == "rows" {
			t, err := jt.dec.Token()
			if err != nil {
				return err
			}
			if t != json.Delim('[') {
				return errNotRows
			}
			return nil
		}
		if _, err := jt.value(); err != nil {
			return err
		}
	}
	return errNotRows
}

var errNotRows = jsonError("no list of rows (want {\"rows\": [...]} or [...])")

type jsonError string

func (e jsonError) Error() string { return string(e) }

func hypothesisRow(file string, li *lineIndex, row *jv, out []pipeline.Source, report func(Problem)) []pipeline.Source {
	exact := quoteSelector(row)
	note := row.get("text")
	if exact == nil && strings.TrimSpace(note.text()) == "" {
		line, _ := li.pos(0)
		report(Problem{File: file, Line: line, Msg: "skipped: annotation with neither quote nor text", Skipped: true})
		return out
	}
	meta := func(s *pipeline.Source) {
		s.URL = optional(row.get("uri").text())
		s.Date = row.get("created").text()
		s.Tags = row.get("tags").text()
		s.Title = optional(row.get("document", "title").text())
	}
	quoteAt := 0
	if exact != nil && strings.TrimSpace(exact.str) != "" {
		line, col := li.pos(exact.off)
		q := source(file, "hypothesis", "quote", line, col, exact.str)
		meta(&q)
		out = append(out, q)
		quoteAt = len(out)
	}
	if note != nil && note.isS && strings.TrimSpace(note.str) != "" {
		line, col := li.pos(note.off)
		n := source(file, "hypothesis", "note", line, col, note.str)
		meta(&n)
		n.NoteIndex = quoteAt
		out = append(out, n)
	}
	return out
}

// quoteSelector finds the exact text of a TextQuoteSelector.
func quoteSelector(row *jv) *jv {
	targets := row.get("target")
	if targets == nil {
		return nil
	}
	for _, t := range targets.arr {
		sels := t.get("selector")
		if sels == nil {
			continue
		}
		for _, s := range sels.arr {
			if s.get("type").text() == "TextQuoteSelector" && s.get("exact") != nil {
				return s.get("exact")
			}
		}
	}
	return nil
}
