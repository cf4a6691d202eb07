package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Kindle reads "My Clippings.txt": entries of a title line "Title (Author)",
// a metadata line ("- Your Highlight on page 12 | Location 120-125 | Added
// on …", or a Note or Bookmark, in English, Japanese or Chinese), a blank
// line and the text, each closed by a line of ten "=". A note belongs to the
// highlight of the same book whose location range holds it. Metadata lines
// are never scanned for claims.
type Kindle struct{}

var _ Reader = Kindle{}

// Name implements Reader.
func (Kindle) Name() string { return "kindle" }

const kindleSep = "=========="

var (
	kindleLoc   = regexp.MustCompile(`(?i)(?:location|loc\.|位置(?:No\.)?|位置\s*#)\s*#?\s*(\d+)(?:\s*-\s*(\d+))?`)
	kindlePage  = regexp.MustCompile(`(?i)page\s+(\d+)|(\d+)\s*ページ|第\s*(\d+)\s*页`)
	kindleAdded = regexp.MustCompile(`(?i)(?:Added on|作成日[:：]|添加于)\s*(.+)$`)
	kindleAuth  = regexp.MustCompile(`^(.*)\(([^()]*)\)\s*$`)
)

// kindleEntry is one clipping before it becomes a source.
type kindleEntry struct {
	title, author, kind, page, date string
	lo, hi                          int
	line                            int // line of the first text line
	text                            string
}

// Read implements Reader.
func (Kindle) Read(file string, data []byte, report func(Problem)) []pipeline.Source {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	lines := strings.Split(string(data), "\n")
	var out []pipeline.Source
	var entry []string
	start := 1
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == kindleSep {
			out = addKindle(file, out, entry, start, report)
			entry, start = nil, i+2
			continue
		}
		entry = append(entry, l)
	}
	if len(strings.TrimSpace(strings.Join(entry, ""))) > 0 {
		report(Problem{File: file, Line: start, Msg: "last entry has no closing ========== line; read anyway"})
		out = addKindle(file, out, entry, start, report)
	}
	return out
}

// addKindle turns the lines of one entry, starting at line start, into a source.
func addKindle(file string, out []pipeline.Source, entry []string, start int, report func(Problem)) []pipeline.Source {
	for len(entry) > 0 && strings.TrimSpace(entry[0]) == "" { // blank lines between entries
		entry, start = entry[1:], start+1
	}
	if len(entry) == 0 {
		return out
	}
	e, ok := parseKindle(entry, start)
	if !ok {
		report(Problem{File: file, Line: start, Msg: "skipped: not a Kindle clipping (no metadata line)", Skipped: true})
		return out
	}
	if e.kind == "bookmark" || strings.TrimSpace(e.text) == "" {
		report(Problem{File: file, Line: start, Msg: "skipped: " + e.kind + " without text", Skipped: true})
		return out
	}
	role := "quote"
	if e.kind == "note" {
		role = "note"
	}
	s := source(file, "kindle", role, e.line, 1, e.text)
	s.SetTitle(optional(e.title))
	s.SetAuthor(e.author)
	s.SetDate(e.date)
	s.SetLocation(kindleLocation(e))
	if role == "note" {
		s.NoteIndex = int32(noteTarget(out, e))
	}
	return append(out, s)
}

func parseKindle(entry []string, start int) (kindleEntry, bool) {
	if len(entry) < 2 || !strings.HasPrefix(strings.TrimSpace(entry[1]), "-") {
		return kindleEntry{}, false
	}
	e := kindleEntry{title: strings.TrimSpace(entry[0]), line: start + 3}
	if m := kindleAuth.FindStringSubmatch(e.title); m != nil {
		e.title, e.author = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	}
	meta := entry[1]
	e.kind = kindleKind(meta)
	if m := kindleLoc.FindStringSubmatch(meta); m != nil {
		e.lo, _ = strconv.Atoi(m[1])
		e.hi = e.lo
		if m[2] != "" {
			e.hi, _ = strconv.Atoi(m[2])
		}
	}
	if m := kindlePage.FindStringSubmatch(meta); m != nil {
		e.page = m[1] + m[2] + m[3]
	}
	if m := kindleAdded.FindStringSubmatch(meta); m != nil {
		e.date = strings.TrimSpace(m[1])
	}
	body := entry[2:]
	if len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
	} else {
		e.line--
	}
	e.text = strings.Join(body, "\n")
	return e, true
}

func kindleKind(meta string) string {
	low := strings.ToLower(meta)
	switch {
	case strings.Contains(low, "bookmark") || strings.Contains(meta, "ブックマーク") || strings.Contains(meta, "书签"):
		return "bookmark"
	case strings.Contains(low, "note") || strings.Contains(meta, "メモ") || strings.Contains(meta, "笔记"):
		return "note"
	}
	return "highlight"
}

func kindleLocation(e kindleEntry) string {
	var parts []string
	if e.page != "" {
		parts = append(parts, "page "+e.page)
	}
	if e.lo > 0 {
		loc := "location " + strconv.Itoa(e.lo)
		if e.hi != e.lo {
			loc += "-" + strconv.Itoa(e.hi)
		}
		parts = append(parts, loc)
	}
	return strings.Join(parts, ", ")
}

// noteTarget is 1 + the index of the latest highlight of the same book whose
// location range holds the note, or 0.
func noteTarget(out []pipeline.Source, e kindleEntry) int {
	for i := len(out) - 1; i >= 0; i-- {
		s := &out[i]
		if s.Role() != "quote" || s.Title() == nil || *s.Title() != e.title || e.lo == 0 {
			continue
		}
		lo, hi := locRange(s.Location())
		if lo <= e.lo && e.lo <= hi {
			return i + 1
		}
	}
	return 0
}

func locRange(loc string) (int, int) {
	m := kindleLoc.FindStringSubmatch(loc)
	if m == nil {
		return 0, -1
	}
	lo, _ := strconv.Atoi(m[1])
	hi := lo
	if m[2] != "" {
		hi, _ = strconv.Atoi(m[2])
	}
	return lo, hi
}
