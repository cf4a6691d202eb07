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
		line, _ := li.pos(jt.errAt(err))
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
	at := func(v *jv) Problem {
		line, col := li.pos(v.off)
		return Problem{File: file, Line: line, Col: col}
	}
	skip := func(v *jv, msg string) {
		p := at(v)
		p.Msg, p.Skipped = "skipped: "+msg, true
		report(p)
	}
	if row.obj == nil {
		skip(row, "a row that is "+row.kind+", not an object")
		return out
	}
	exact, note := quoteSelector(row), row.get("text")
	quote, noted := usable(exact, "exact", skip), usable(note, "text", skip)
	if exact.wrongType("exact") == "" && note.wrongType("text") == "" && !quote && !noted {
		skip(row, "annotation with neither quote nor text")
		return out
	}
	url, date := optional(metaText(row, report, at, "uri")), metaText(row, report, at, "created")
	tags, title := metaText(row, report, at, "tags"), optional(metaText(row, report, at, "document", "title"))
	meta := func(s *pipeline.Source) {
		s.SetURL(url)
		s.SetDate(date)
		s.SetTags(tags)
		s.SetTitle(title)
	}
	quoteAt := 0
	if quote {
		line, col := li.pos(exact.off)
		q := source(file, "hypothesis", "quote", line, col, exact.str)
		meta(&q)
		out = append(out, q)
		quoteAt = len(out)
	}
	if noted {
		line, col := li.pos(note.off)
		n := source(file, "hypothesis", "note", line, col, note.str)
		meta(&n)
		n.NoteIndex = int32(quoteAt)
		out = append(out, n)
	}
	return out
}

// usable reports a field that holds text to read; a field of another
// kind is a skipped record.
func usable(v *jv, name string, skip func(*jv, string)) bool {
	if msg := v.wrongType(name); msg != "" {
		skip(v, msg)
		return false
	}
	return v != nil && strings.TrimSpace(v.str) != ""
}

// metaText is a metadata field's text (a list of strings joined); one of
// another kind is left empty, with a warning.
func metaText(row *jv, report func(Problem), at func(*jv) Problem, path ...string) string {
	v := row.get(path...)
	if v != nil && !v.isS && v.kind != "null" && !v.allText() {
		p := at(v)
		p.Msg = "field \"" + strings.Join(path, ".") + "\" is " + v.kind + ", not text: left empty"
		report(p)
		return ""
	}
	return v.text()
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
