package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// A reader that panics is a bug, but the run must not die with a stack
// trace: the stage fails with an error that names the highlight that set
// it off, so that the user can report it (and skip it).
func TestExtractNamesTheHighlightAReaderFailedOn(t *testing.T) {
	r := &Result{Sources: make([]Source, 3)}
	for i := range r.Sources {
		r.Sources[i].SetShape("notes.txt", "quote", "en", "text")
		r.Sources[i].Line = int32(5 + i)
		r.Sources[i].Text = "a figure: 42%"
	}
	e := &Extract{Rules: &rules.Ruleset{}, Workers: 1} // no engine: every read panics
	err := e.Run(context.Background(), r)
	if err == nil {
		t.Fatal("a reader that panicked gave no error")
	}
	for _, want := range []string{"notes.txt:5:", "bug in factsheet"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}
