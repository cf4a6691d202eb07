// Package ingest reads highlight files into sources, one reader per format.
package ingest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
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
}

// readers maps a file extension to its reader.
var readers = map[string]Reader{
	".txt":  Text{},
	".text": Text{},
}

// ForPath returns the reader for a file, or nil when the format is unknown.
func ForPath(path string) Reader {
	return readers[strings.ToLower(filepath.Ext(path))]
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
			if ForPath(path) == nil {
				report(Problem{File: path, Msg: "skipped: unknown file type", Skipped: false})
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

// Read reads every file and returns the sources with ids in input order,
// duplicates marked.
func Read(files []string, report func(Problem)) ([]pipeline.Source, Stats, error) {
	var all []pipeline.Source
	var st Stats
	count := func(p Problem) {
		if p.Skipped {
			st.Skipped++
		}
		report(p)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, st, err
		}
		st.Files++
		r := ForPath(f)
		if r == nil {
			r = Text{}
		}
		data, ok := clean(f, data, count)
		if !ok {
			continue
		}
		all = appendFile(all, r.Read(f, data, count))
	}
	markDuplicates(all)
	st.Sources = len(all)
	st.Read = st.Sources + st.Skipped
	return all, st, nil
}

// appendFile gives the file's sources their ids and resolves their notes.
func appendFile(all, file []pipeline.Source) []pipeline.Source {
	base := len(all)
	for i := range file {
		file[i].ID = "h" + strconv.Itoa(base+i+1)
	}
	for i := range file {
		if k := file[i].NoteIndex; k > 0 && k <= len(file) {
			id := file[k-1].ID
			file[i].NoteOf = &id
		}
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
