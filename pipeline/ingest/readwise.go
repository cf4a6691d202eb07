package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Readwise reads a Readwise CSV export (Highlight, Book Title, Book Author,
// Amazon Book ID, Note, Color, Tags, Location Type, Location, Highlighted
// at, Document tags). Columns are found by their header name, in any order;
// quoted cells may hold newlines and doubled quotes (RFC 4180). A highlight
// is a quote and its Note a note on it.
type Readwise struct{}

var _ Reader = Readwise{}

// Name implements Reader.
func (Readwise) Name() string { return "readwise" }

// Read implements Reader.
func (Readwise) Read(file string, data []byte, report func(Problem)) []pipeline.Source {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		report(Problem{File: file, Line: 1, Msg: "skipped: no CSV header: " + errText(err), Skipped: true})
		return nil
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := cols["highlight"]; !ok {
		report(Problem{File: file, Line: 1, Msg: "skipped: no Highlight column in the header", Skipped: true})
		return nil
	}
	rw := readwiseRows{file: file, data: data, li: newLineIndex(data), cols: cols, r: r, report: report}
	return rw.all()
}

type readwiseRows struct {
	file   string
	data   []byte
	li     *lineIndex
	cols   map[string]int
	r      *csv.Reader
	report func(Problem)
	out    []pipeline.Source
}

func (rw *readwiseRows) all() []pipeline.Source {
	for {
		rec, err := rw.r.Read()
		if err == io.EOF {
			return rw.out
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			rw.report(Problem{File: rw.file, Line: pe.StartLine, Msg: "skipped: malformed CSV row: " + errText(pe.Err), Skipped: true})
			if errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine {
				rw.report(Problem{File: rw.file, Line: pe.StartLine, Msg: "an unterminated quote runs to line " + itoa(pe.Line)})
			}
			continue
		}
		if err != nil {
			rw.report(Problem{File: rw.file, Msg: "read stopped: " + err.Error()})
			return rw.out
		}
		rw.row(rec)
	}
}

func (rw *readwiseRows) field(rec []string, name string) string {
	if i, ok := rw.cols[name]; ok && i < len(rec) {
		return rec[i]
	}
	return ""
}

// at returns where field name of the current record starts its text.
func (rw *readwiseRows) at(name string) (int, int) {
	line, col := rw.r.FieldPos(rw.cols[name])
	off := rw.li.lineStart(line) + col - 1
	if off < len(rw.data) && rw.data[off] == '"' {
		off++
	}
	return rw.li.pos(off)
}

func (rw *readwiseRows) row(rec []string) {
	text, note := rw.field(rec, "highlight"), rw.field(rec, "note")
	if strings.TrimSpace(text) == "" && strings.TrimSpace(note) == "" {
		line, _ := rw.r.FieldPos(0)
		rw.report(Problem{File: rw.file, Line: line, Msg: "skipped: row has no highlight text", Skipped: true})
		return
	}
	meta := func(s *pipeline.Source) {
		s.SetTitle(optional(rw.field(rec, "book title")))
		s.SetAuthor(strings.TrimSpace(rw.field(rec, "book author")))
		s.SetLocation(strings.TrimSpace(rw.field(rec, "location type") + " " + rw.field(rec, "location")))
		s.SetDate(strings.TrimSpace(rw.field(rec, "highlighted at")))
	}
	quoteAt := 0
	if strings.TrimSpace(text) != "" {
		line, col := rw.at("highlight")
		q := source(rw.file, "readwise", "quote", line, col, text)
		meta(&q)
		q.SetTags(strings.TrimSpace(strings.Trim(rw.field(rec, "tags")+","+rw.field(rec, "document tags"), ",")))
		rw.out = append(rw.out, q)
		quoteAt = len(rw.out)
	}
	if strings.TrimSpace(note) != "" { // a note without a highlight is read too
		line, col := rw.at("note")
		n := source(rw.file, "readwise", "note", line, col, note)
		meta(&n)
		n.NoteIndex = int32(quoteAt)
		rw.out = append(rw.out, n)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
