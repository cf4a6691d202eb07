// Package ingest reads highlight files into sources, one reader per format.
package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Reader reads one input format. It returns every record it could read and
// reports each one it could not, so that nothing is dropped silently.
type Reader interface {
	Name() string
	Read(file string, data []byte, report func(Problem)) []pipeline.Source
}

// Problem is bad input, named by file and line.
type Problem struct {
	File    string
	Line    int
	Msg     string
	Skipped bool // a record or file was skipped (counted in Stats)
}

func (p Problem) String() string {
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
	return strings.Join(parts, ", ")
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

// Files expands the paths (files or directories) into input files in a
// stable order. Files of an unknown type inside directories are reported.
func Files(paths []string, report func(Problem)) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if ForPath(path) == nil && !sniffable(path) {
				report(Problem{File: path, Msg: "skipped: unknown file type"})
				return nil
			}
			found = append(found, path)
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// sniffable reports a file without a known extension whose content names
// its format (My Clippings, a CSV export saved without extension).
func sniffable(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := f.Read(head)
	return Sniff(path, head[:n]) != nil
}

// Read reads every file and returns the sources in input order, with ids
// from their file and text (see pipeline.IDs), duplicates marked. format forces a reader ("" chooses by extension and content).
func Read(files []string, format string, report func(Problem)) ([]pipeline.Source, Stats, error) {
	forced := Readers[format]
	if format != "" && forced == nil {
		return nil, Stats{}, fmt.Errorf("unknown input format %q (valid: %s)", format, strings.Join(formatNames(), ", "))
	}
	var all []pipeline.Source
	ids := pipeline.NewIDs("h-")
	st := Stats{Why: map[string]int{}}
	count := func(p Problem) {
		if p.Skipped {
			st.Skipped++
			why, _, _ := strings.Cut(strings.TrimPrefix(p.Msg, "skipped: "), ":")
			st.Why[why]++
		}
		report(p)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, st, err
		}
		st.Files++
		data, ok := clean(f, data, count)
		if !ok {
			continue
		}
		r := forced
		if r == nil {
			r = Sniff(f, data)
		}
		if r == nil {
			r = Text{}
		}
		src := r.Read(f, data, count)
		setLangs(src)
		fileLang(src)
		all = appendFile(all, src, ids)
	}
	markDuplicates(all)
	st.Sources = len(all)
	st.Read = st.Sources + st.Skipped
	return all, st, nil
}

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
		switch s.Lang {
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
		if src[i].Lang == "zh" {
			src[i].Lang = "ja"
		}
	}
}

// appendFile gives the file's sources their ids and resolves their notes.
func appendFile(all, file []pipeline.Source, ids *pipeline.IDs) []pipeline.Source {
	ids.Reserve(len(file))
	for i := range file {
		file[i].ID = ids.Source(file[i].File, file[i].Text)
	}
	for i := range file {
		if k := file[i].NoteIndex; k > 0 && k <= len(file) {
			id := file[k-1].ID
			file[i].NoteOf = &id
		}
	}
	if len(all) == 0 {
		return file // one file, or the first: no copy of a large slice
	}
	return append(all, file...)
}

// clean rejects binary files and replaces invalid UTF-8, with a warning.
func clean(file string, data []byte, report func(Problem)) ([]byte, bool) {
	head := data[:min(len(data), 8000)]
	if bytes.IndexByte(head, 0) >= 0 {
		report(Problem{File: file, Msg: "skipped: binary file", Skipped: true})
		return nil, false
	}
	if utf8.Valid(data) {
		return data, true
	}
	line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
	report(Problem{File: file, Line: line, Msg: "invalid UTF-8 replaced with U+FFFD"})
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), true
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// markDuplicates marks a source whose text repeats an earlier one. Its claims
// are still read, so that each line's figures are listed where they stand,
// but the checks count them once.
func markDuplicates(all []pipeline.Source) {
	seen := make(map[string]string, len(all))
	for i := range all {
		s := &all[i]
		key := strings.TrimSpace(s.Text)
		if first, ok := seen[key]; ok {
			id := first
			s.DuplicateOf = &id
			continue
		}
		seen[key] = s.ID
	}
}
