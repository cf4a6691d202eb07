// Package reports writes a finished Result, one writer per format. Writers
// compute nothing that the pipeline did not.
package reports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Writer writes one report format.
type Writer interface {
	// File is the report's file name inside the output directory.
	File() string
	Write(f *os.File, r *pipeline.Result) error
}

// writers maps a --format name to the writers it runs.
var writers = map[string][]Writer{
	"json": {JSON{}},
	"xlsx": {XLSX{}},
	"csv":  {ClaimsCSV{}, FindingsCSV{}},
	"md":   {Markdown{}},
}

// Formats lists the formats a Writer exists for.
func Formats() []string {
	out := make([]string, 0, len(writers))
	for k := range writers {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Parse turns "xlsx,json" into writers, or names the unknown format.
func Parse(list string) ([]Writer, error) {
	var out []Writer
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(strings.ToLower(name))
		if name == "" {
			continue
		}
		w, ok := writers[name]
		if !ok {
			return nil, fmt.Errorf("unknown format %q (valid: %s)", name, strings.Join(Formats(), ", "))
		}
		out = append(out, w...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no report format given (valid: %s)", strings.Join(Formats(), ", "))
	}
	return out, nil
}

// WriteAll writes each report into dir (see Set) and returns the paths written.
func WriteAll(dir string, r *pipeline.Result, ws []Writer) ([]string, error) {
	s, err := Begin(dir)
	if err != nil {
		return nil, err
	}
	s.Write(r, ws, nil)
	return s.Commit()
}

// Set is the reports of one run. Each is written on its own into a fresh
// temporary directory inside the output directory, so that a failure in
// one loses none of the others, and the reports written whole are then
// moved into place together: a run never leaves half a report, nor mixes
// its reports with another run's (the caller holds a lock on the
// directory for that).
type Set struct {
	dir, tmp string
	files    []string // reports written whole into tmp, in writer order
	failed   []failure
}

// failure is a report not written, and why.
type failure struct {
	file string
	err  error
}

// TempPrefix starts the name of a run's temporary directory.
const TempPrefix = ".factsheet-tmp-"

// Begin makes dir if need be and a fresh temporary directory inside it.
func Begin(dir string) (*Set, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(dir, TempPrefix)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write the reports there: %w", dir, err)
	}
	return &Set{dir: dir, tmp: tmp}, nil
}

// Temp is the temporary directory, which Commit and Abort remove.
func (s *Set) Temp() string { return s.tmp }

// Write writes every report into the temporary directory. A report that
// fails is removed and remembered with its name; the others are written.
// started, if not nil, is told each report's file name before it is written.
func (s *Set) Write(r *pipeline.Result, ws []Writer, started func(file string)) {
	for _, w := range ws {
		if _, ok := w.(packedReader); !ok {
			r.UnpackFindings() // a writer that reads Findings
		}
		if started != nil {
			started(w.File())
		}
		if err := s.write(w, r); err != nil {
			s.failed = append(s.failed, failure{w.File(), s.untemp(err)})
			continue
		}
		s.files = append(s.files, w.File())
	}
}

// packedReader is a Writer that reads the findings through
// Result.NumFindings and Finding, which the check stage may leave packed
// (pipeline.Check.Packed); before any other, they are unpacked.
type packedReader interface{ readsPacked() }

func (s *Set) write(w Writer, r *pipeline.Result) error {
	p := filepath.Join(s.tmp, w.File())
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	err = w.Write(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p)
	}
	return err
}

// untemp drops the temporary directory from an error's message: the user
// knows the report by its name in the output directory.
func (s *Set) untemp(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe == err && strings.HasPrefix(pe.Path, s.tmp) {
		return pe.Err
	}
	if msg := err.Error(); strings.Contains(msg, s.tmp) {
		return wrapped{strings.ReplaceAll(msg, s.tmp+string(filepath.Separator), ""), err}
	}
	return err
}

// wrapped is an error with another message.
type wrapped struct {
	msg string
	err error
}

func (w wrapped) Error() string { return w.msg }
func (w wrapped) Unwrap() error { return w.err }

// Commit moves the reports written whole into the output directory and
// removes the temporary one. It returns the paths of the reports in place
// and an error that names each report not written, and says when the one
// in the directory is a previous run's.
func (s *Set) Commit() ([]string, error) {
	defer s.Abort()
	var paths []string
	for _, name := range s.files {
		p := filepath.Join(s.dir, name)
		if err := os.Rename(filepath.Join(s.tmp, name), p); err != nil {
			s.failed = append(s.failed, failure{name, err})
			continue
		}
		paths = append(paths, p)
	}
	var errs []error
	for _, f := range s.failed {
		p := filepath.Join(s.dir, f.file)
		err := fmt.Errorf("%s not written: %w", p, f.err)
		if _, serr := os.Stat(p); serr == nil {
			err = fmt.Errorf("%w (the %s there is a previous run's)", err, f.file)
		}
		errs = append(errs, err)
	}
	return paths, errors.Join(errs...)
}

// Abort removes the temporary directory and every report in it.
func (s *Set) Abort() { os.RemoveAll(s.tmp) }

// signatures tell a report factsheet wrote from a user's file of the same
// name, by how it starts.
var signatures = map[string]func(head []byte) bool{
	"factsheet.json": func(h []byte) bool { return bytes.HasPrefix(h, []byte("{\n \"sources\": [")) },
	"factsheet.md":   func(h []byte) bool { return bytes.HasPrefix(h, []byte("# factsheet\n")) },
	"claims.csv":     func(h []byte) bool { return bytes.HasPrefix(h, []byte("\xEF\xBB\xBFID,")) },
	"findings.csv":   func(h []byte) bool { return bytes.HasPrefix(h, []byte("\xEF\xBB\xBFID,")) },
	// A workbook is a zip: its properties name factsheet as its creator.
	"factsheet.xlsx": func(h []byte) bool { return bytes.HasPrefix(h, []byte("PK")) },
}

// Holds returns the name of a factsheet report in dir, or "": a run must
// not read its reports back as input.
func Holds(dir string) string {
	names := make([]string, 0, len(signatures))
	for n := range signatures {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if IsReport(filepath.Join(dir, n)) {
			return n
		}
	}
	return ""
}

// IsReport reports whether path is a report factsheet wrote.
func IsReport(path string) bool {
	sig := signatures[filepath.Base(path)]
	if sig == nil {
		return false
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false // never open a named pipe: that waits for a writer
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	head := make([]byte, 64)
	n, _ := io.ReadFull(f, head)
	if !sig(head[:n]) {
		return false
	}
	if filepath.Base(path) == "factsheet.xlsx" {
		return madeByFactsheet(f, fi.Size())
	}
	return true
}

// madeByFactsheet reads a workbook's core properties for its creator.
func madeByFactsheet(f *os.File, size int64) bool {
	z, err := zip.NewReader(f, size)
	if err != nil {
		return false
	}
	for _, e := range z.File {
		if e.Name != "docProps/core.xml" {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 1<<16))
		return bytes.Contains(b, []byte("<dc:creator>factsheet"))
	}
	return false
}

// Sweep removes what runs killed outright (SIGKILL, a power cut) left in
// dir: their temporary directories, and the temporary reports of earlier
// versions. Call it holding the lock on dir: no live run then has any.
func Sweep(dir string) []string {
	var removed []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		name := e.Name()
		stale := e.IsDir() && strings.HasPrefix(name, TempPrefix)
		for _, ws := range writers {
			for _, w := range ws {
				stale = stale || !e.IsDir() && strings.HasPrefix(name, "."+w.File()+".")
			}
		}
		if stale && os.RemoveAll(filepath.Join(dir, name)) == nil {
			removed = append(removed, filepath.Join(dir, name))
		}
	}
	return removed
}
