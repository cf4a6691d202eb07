// Package reports writes a finished Result, one writer per format. Writers
// compute nothing that the pipeline did not.
package reports

import (
	"fmt"
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

// WriteAll writes each report into dir and returns the paths written.
func WriteAll(dir string, r *pipeline.Result, ws []Writer) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, w := range ws {
		p := filepath.Join(dir, w.File())
		if err := atomicWrite(p, func(f *os.File) error { return w.Write(f, r) }); err != nil {
			return paths, fmt.Errorf("%s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// atomicWrite writes to a temporary file beside path and renames it over
// path, so that an interrupted run never leaves a half-written report.
func atomicWrite(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
