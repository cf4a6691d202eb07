package reports

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

func sample() *pipeline.Result {
	note := "h1"
	v := 60.0
	return &pipeline.Result{
		Sources: []pipeline.Source{
			{ID: "h1", File: "a.txt", Line: 1, Role: "quote", Lang: "en", Text: "=HYPERLINK(\"x\") over 60%"},
			{ID: "h2", File: "a.txt", Line: 2, Role: "note", Lang: "zh", Text: "超过60%", NoteOf: &note},
		},
		Claims: []pipeline.Claim{
			{ID: "c1", Source: "h1", File: "a.txt", Line: 1, Col: 18, Text: "over 60%", Value: 60, Unit: "%", Min: &v, Qualifier: "over", Kind: "share", Rule: "percent"},
			{ID: "c2", Source: "h2", File: "a.txt", Line: 2, Col: 1, Text: "超过60%", Value: 60, Unit: "%", Min: &v, Qualifier: "超过", Kind: "share", Rule: "percent"},
		},
		Findings: []pipeline.Finding{
			{ID: "f1", Kind: "restatement", Status: "consistent", Claims: []string{"c1", "c2"}, Rule: "restatement", Message: "=1+1 agrees"},
			{ID: "f2", Kind: "conflict", Status: "inconsistent", Claims: []string{"c1", "c2"}, Rule: "conflict", Message: "@x differs"},
		},
	}
}

func TestXLSX(t *testing.T) {
	dir := t.TempDir()
	paths, err := WriteAll(dir, sample(), []Writer{XLSX{}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, header := range map[string][]any{"Claims": claimHeader, "Sources": sourceHeader, "Findings": findingHeader} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 {
			t.Errorf("%s: %d rows, want 3", sheet, len(rows))
		}
		for i, h := range header {
			if rows[0][i] != h {
				t.Errorf("%s header %d: %q, want %q", sheet, i, rows[0][i], h)
			}
		}
		for r := 1; r <= len(rows); r++ {
			for c := 1; c <= len(header); c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, cell, fm)
				}
			}
		}
	}
	if v, _ := f.GetCellValue("Claims", "C2"); v != "=HYPERLINK(\"x\") over 60%" {
		t.Errorf("source text %q", v)
	}
}

func TestJSONSchema(t *testing.T) {
	dir := t.TempDir()
	r := sample()
	if _, err := WriteAll(dir, r, []Writer{JSON{}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	var doc map[string][]map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc["findings"]) != 2 || doc["findings"][0]["status"] != "consistent" {
		t.Errorf("findings: %s", data)
	}
	for _, k := range []string{"id", "source", "file", "line", "col", "text", "value", "unit", "min", "max",
		"qualifier", "kind", "subject", "metric", "period", "rule"} {
		if _, ok := doc["claims"][0][k]; !ok {
			t.Errorf("claim lacks %q", k)
		}
	}
	for _, k := range []string{"id", "file", "line", "role", "lang", "text", "note_of", "title", "url"} {
		if _, ok := doc["sources"][0][k]; !ok {
			t.Errorf("source lacks %q", k)
		}
	}
}

// An interrupted write leaves the old report and no temporary file.
func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	os.WriteFile(p, []byte("old"), 0o644)
	err := atomicWrite(p, func(f *os.File) error {
		f.WriteString("half")
		return os.ErrClosed
	})
	if err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("report now %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left %d files", len(ents))
	}
}

func TestParseFormats(t *testing.T) {
	if ws, err := Parse("xlsx, json"); err != nil || len(ws) != 2 {
		t.Errorf("%v %v", ws, err)
	}
	if _, err := Parse("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}
