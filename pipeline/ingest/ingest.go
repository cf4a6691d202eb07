// Package ingest reads highlight files into sources, one reader per format.
package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"path/filepath"
	"sort"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Reader reads one input format. It returns every record it could read and
// reports each one it could not, so that nothing is dropped silently.
type Reader interface {
	Name() string
	Read(file string, data []byte, report func(Problem)) []pipeline.Source
}

// keeper is a Reader that can keep the bytes it reads as its sources' texts
// instead of copying them, when no one writes to them again: readOne hands
// over a file's bytes so (the text reader's copy of a 100 MB file was 100 MB
// more at the read's peak, and a tenth of what a run allocates).
type keeper interface {
	readKept(file string, data []byte, report func(Problem)) []pipeline.Source
}

// Problem is bad input, named by file and line.
type Problem struct {
	File    string
	Line    int
	Col     int // 0: the whole line
	Msg     string
	Skipped bool // a record or file was skipped (counted in Stats)
	Info    bool // no problem, only a note: a path skipped as expected
}

func (p Problem) String() string {
	if p.Line > 0 && p.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Stats counts what was read: Read = Sources + Skipped.
type Stats struct {
	Files   int
	Read    int
	Sources int
	Skipped int
	Why     map[string]int // skipped records by reason
}

// Reasons lists the skip reasons with their counts, most frequent first.
func (st Stats) Reasons() string {
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, n := range st.Why {
		all = append(all, kv{k, n})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].k < all[j].k })
	var parts []string
	for _, e := range all {
		parts = append(parts, fmt.Sprintf("%d %s", e.n, e.k))
	}
	return strings.Join(parts, "; ")
}

// Readers are the input formats by name, for --input-format.
var Readers = map[string]Reader{}

func init() {
	for _, r := range []Reader{Text{}, Readwise{}, Kindle{}, Hypothesis{}, Markdown{}, JSONL{}} {
		Readers[r.Name()] = r
	}
}

// byExt maps a file extension to its format.
var byExt = map[string]string{
	".txt": "text", ".text": "text", ".csv": "readwise", ".json": "hypothesis",
	".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "markdown", ".markdown": "markdown",
}

// ForPath returns the reader for a file by its extension, or nil when the
// format is unknown.
func ForPath(path string) Reader {
	return Readers[byExt[strings.ToLower(filepath.Ext(path))]]
}

// Sniff refines the choice by the content: a .txt that is a Kindle
// "My Clippings", a .json that is JSON Lines, a file of unknown type that
// starts like one of the formats.
func Sniff(path string, data []byte) Reader {
	head := bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\xEF\xBB\xBF"))
	trim := bytes.TrimSpace(head)
	switch {
	case bytes.Contains(head, []byte("\n"+kindleSep)) && bytes.Contains(head, []byte("\n- ")):
		return Kindle{}
	case bytes.HasPrefix(trim, []byte("{")) && jsonLines(trim):
		return JSONL{}
	case bytes.HasPrefix(trim, []byte("{")) || bytes.HasPrefix(trim, []byte("[")):
		if r := ForPath(path); r != nil && r.Name() != "text" {
			return r
		}
		return Hypothesis{}
	}
	if r := ForPath(path); r != nil {
		return r
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.Contains(bytes.ToLower(first), []byte("highlight")) && bytes.Contains(first, []byte(",")) {
		return Readwise{}
	}
	return nil
}

// jsonLines reports whether the first two non-empty lines are each a whole object.
func jsonLines(head []byte) bool {
	lines := bytes.Split(head, []byte("\n"))
	n := 0
	for _, l := range lines[:len(lines)-1] { // the last may be cut off
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		if !json.Valid(l) || l[0] != '{' {
			return false
		}
		n++
	}
	return n >= 2 || n == 1 && len(lines) <= 2
}

// Names are the input formats' names, sorted.
func Names() []string { return formatNames() }

func formatNames() []string {
	var out []string
	for n := range Readers {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// fileLang reads Han-only lines as Japanese in a file that is mostly
// Japanese: 百六 is 106 there, where Chinese reads 160. Script alone cannot
// tell a line of kanji from a line of hanzi.
func fileLang(src []pipeline.Source) {
	ja, zh := 0, 0
	for _, s := range src {
		switch s.Lang() {
		case "ja":
			ja++
		case "zh":
			zh++
		}
	}
	if ja == 0 || ja < zh {
		return
	}
	for i := range src {
		if src[i].Lang() == "zh" {
			src[i].SetLang("ja")
		}
	}
}

// appendFile gives the file's sources their ids and resolves their notes.
func appendFile(all, file []pipeline.Source, ids *pipeline.IDs) []pipeline.Source {
	ids.Reserve(len(file))
	for i := range file {
		ids.NameSource(&file[i])
	}
	for i := range file {
		if k := int(file[i].NoteIndex); k > 0 && k <= len(file) {
			id := file[k-1].ID()
			file[i].NoteOf = &id
		}
	}
	if len(all) == 0 {
		return file // one file, or the first: no copy of a large slice
	}
	return append(all, file...)
}

// markDuplicates marks a source whose text repeats an earlier one. Its claims
// are still read, so that each line's figures are listed where they stand,
// but the checks count them once. The first source of each text is found
// through an open-addressing table of source indexes by the text's hash: 8
// bytes a source, where a map of texts to ids held 80 (40 MB of garbage
// for the 100 MB corpus).
func markDuplicates(all []pipeline.Source) {
	size := 1
	for size < 2*len(all) {
		size *= 2
	}
	first := make([]int32, size) // 1 + the index of the first source of a text; 0: empty
	mask := uint64(size - 1)
	seed := maphash.MakeSeed()
	for i := range all {
		s := &all[i]
		key := strings.TrimSpace(s.Text)
		at := maphash.String(seed, key) & mask
		for ; first[at] != 0; at = (at + 1) & mask {
			if j := first[at] - 1; strings.TrimSpace(all[j].Text) == key {
				id := all[j].ID()
				s.DuplicateOf = &id
				break
			}
		}
		if first[at] == 0 {
			first[at] = int32(i + 1)
		}
	}
}
