package ingest

import (
	"os"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readPaths lists and reads paths as a run does.
func readPaths(t testing.TB, report func(Problem), paths ...string) ([]pipeline.Source, Stats) {
	t.Helper()
	if report == nil {
		report = func(Problem) {}
	}
	in, err := List(paths, nil, report)
	if err != nil {
		t.Fatal(err)
	}
	src, st, err := ReadInputs(in, Options{Report: report})
	if err != nil {
		t.Fatal(err)
	}
	return src, st
}
