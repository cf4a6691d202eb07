package reports

import (
	"bufio"
	"encoding/json"
	"os"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// JSON writes factsheet.json in the schema of SCHEMA.md.
type JSON struct{}

var _ Writer = JSON{}

// File implements Writer.
func (JSON) File() string { return "factsheet.json" }

// Write implements Writer.
func (JSON) Write(f *os.File, r *pipeline.Result) error {
	w := bufio.NewWriterSize(f, 1<<20)
	doc := struct {
		Sources  []pipeline.Source  `json:"sources"`
		Claims   []pipeline.Claim   `json:"claims"`
		Findings []pipeline.Finding `json:"findings"`
	}{nonNil(r.Sources), nonNil(r.Claims), nonNil(r.Findings)}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return w.Flush()
}

// nonNil makes an empty list read as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
