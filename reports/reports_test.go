package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		Rules: []pipeline.RuleUse{{ID: "percent", Type: "unit", Description: "Percentages.", Claims: 2}},
	}
}

func TestXLSX(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	paths, err := WriteAll(dir, sample(), []Writer{XLSX{}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Findings,Claims,Sources,Rules" {
		t.Errorf("sheets %s", got)
	}
	for _, s := range []sheet{claimSheet, findingSheet, sourceSheet} {
		rows, err := f.GetRows(s.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || strings.Join(rows[0], "|") != strings.Join(s.header, "|") {
			t.Errorf("%s: %d rows, header %q", s.name, len(rows), rows[0])
		}
	}
	noFormulas(t, f)
	checkLink(t, f, "Claims", claimSheet.col("Source")+"2", "'Sources'!A2")
	checkLink(t, f, "Findings", findingSheet.col("First claim")+"3", "'Claims'!A2")
	if dvs, _ := f.GetDataValidations("Claims"); len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "confirmed") {
		t.Errorf("data validation %+v", dvs)
	}
	if cfs, _ := f.GetConditionalFormats("Claims"); len(cfs) != 1 {
		t.Errorf("conditional formats %v", cfs)
	}
	if v, _ := f.GetCellValue("Claims", claimSheet.col("Status")+"2"); v != "inconsistent" {
		t.Errorf("status %q", v)
	}
	props, _ := f.GetDocProps()
	if !strings.HasPrefix(props.Creator, "factsheet ") || props.Created != "2023-11-14T22:13:20Z" {
		t.Errorf("props %+v", props)
	}
	if v, _ := f.GetCellValue("Claims", claimSheet.col("Source text")+"2"); v != "=HYPERLINK(\"x\") over 60%" {
		t.Errorf("source text %q", v)
	}
}

func checkLink(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	ok, link, err := f.GetCellHyperLink(sheet, cell)
	if err != nil || !ok || link != want {
		t.Errorf("%s!%s links to %q (%v), want %q", sheet, cell, link, ok, want)
	}
}

// noFormulas checks that no cell of any sheet holds a formula: highlight
// text that starts with = is text.
func noFormulas(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sh, cell); fm != "" {
					t.Errorf("%s!%s holds a formula %q", sh, cell, fm)
				}
			}
		}
	}
}

// Past Excel's row limit a sheet goes on in "Claims (2)"; a cell past its
// size limit is cut with a marker.
func TestXLSXParts(t *testing.T) {
	saved := maxRows
	maxRows = 2 // one data row a sheet
	defer func() { maxRows = saved }()
	r := sample()
	r.Sources[0].Text = strings.Repeat("长", maxCell+10)
	paths, err := WriteAll(t.TempDir(), r, []Writer{XLSX{}})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(paths[0])
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); !strings.Contains(got, "Claims,Claims (2),Sources,Sources (2)") {
		t.Errorf("sheets %s", got)
	}
	checkLink(t, f, "Findings (2)", findingSheet.col("First claim")+"2", "'Claims'!A2")
	v, _ := f.GetCellValue("Sources", sourceSheet.col("Text")+"2")
	if n := len([]rune(v)); n != maxCell || !strings.HasSuffix(v, "factsheet.json]") {
		t.Errorf("cut cell has %d characters", n)
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

// A report that fails is named, leaves the previous one and no temporary
// file, and the other reports are written.
func TestOneFailureLosesNoOther(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "factsheet.json")
	os.WriteFile(old, []byte("old"), 0o644)
	paths, err := WriteAll(dir, sample(), []Writer{failing{}, Markdown{}})
	if err == nil || !strings.Contains(err.Error(), old+" not written: disk on fire (the factsheet.json there is a previous run's)") {
		t.Errorf("error %v", err)
	}
	if len(paths) != 1 || filepath.Base(paths[0]) != "factsheet.md" {
		t.Errorf("paths %v", paths)
	}
	if b, _ := os.ReadFile(old); string(b) != "old" {
		t.Errorf("report now %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("left %d files", len(ents))
	}
}

// failing writes half a JSON report, then fails.
type failing struct{}

func (failing) File() string { return "factsheet.json" }

func (failing) Write(f *os.File, _ *pipeline.Result) error {
	f.WriteString("half")
	return errors.New("disk on fire")
}

func TestParseFormats(t *testing.T) {
	if ws, err := Parse("xlsx, json"); err != nil || len(ws) != 2 {
		t.Errorf("%v %v", ws, err)
	}
	if _, err := Parse("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

func TestCSVEscapesFormulas(t *testing.T) {
	dir := t.TempDir()
	r := sample()
	r.Claims[0].Text = "=cmd|' /C calc'!A0"
	r.Claims[1].Qualifier = "@SUM(1)"
	if _, err := WriteAll(dir, r, []Writer{ClaimsCSV{}, FindingsCSV{}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "claims.csv"))
	s := string(data)
	if !strings.HasPrefix(s, "\ufeffID,") || !strings.Contains(s, `'=cmd|`) || !strings.Contains(s, "'@SUM(1)") || !strings.Contains(s, "超过60%") {
		t.Errorf("claims.csv:\n%s", s)
	}
	f, _ := os.ReadFile(filepath.Join(dir, "findings.csv"))
	if !strings.Contains(string(f), "'=1+1 agrees") || !strings.Contains(string(f), "'@x differs") {
		t.Errorf("findings.csv:\n%s", f)
	}
	for in, want := range map[string]string{"-5": "-5", "-x": "'-x", "+1 ": "'+1 ", "\tx": "'\tx", "ok": "ok"} {
		if got := escapeCell(in); got != want {
			t.Errorf("escapeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAll(dir, sample(), []Writer{Markdown{}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "factsheet.md"))
	if !strings.Contains(string(data), "- **f2** (conflict, conflict): @x differs") || strings.Contains(string(data), "f1**") {
		t.Errorf("factsheet.md:\n%s", data)
	}
}

// The same result gives the same cells, run after run.
func TestXLSXDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	var dumps [2]string
	for i := range dumps {
		paths, err := WriteAll(t.TempDir(), sample(), []Writer{XLSX{}})
		if err != nil {
			t.Fatal(err)
		}
		f, _ := excelize.OpenFile(paths[0])
		var b strings.Builder
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for _, row := range rows {
				b.WriteString(sh + "|" + strings.Join(row, "|") + "\n")
			}
		}
		props, _ := f.GetDocProps()
		b.WriteString(props.Created + props.Modified)
		f.Close()
		dumps[i] = b.String()
	}
	if dumps[0] != dumps[1] || len(dumps[0]) < 100 {
		t.Error("two workbooks of one result differ")
	}
}

// The report's encoder must write what encoding/json writes (without HTML
// escaping): the same bytes for awkward text and figures.
func TestJSONMatchesStdlib(t *testing.T) {
	texts := []string{"plain", "<b>&</b>", "line\nbreak\ttab\r", "\x00\x01\x1f\x7f", "quote \" and \\",
		"\u2028\u2029", "超过三分之二", "emoji 😀", "\uFFFD", ""}
	floats := []float64{0, -0.5, 1e21, 1e-7, 123456789012345678, 0.1 + 0.2, 5e9, -1e-300, 71}
	r := sample()
	for i, s := range texts {
		v := floats[i%len(floats)]
		r.Sources = append(r.Sources, pipeline.Source{ID: s, Text: s, Title: &s})
		r.Claims = append(r.Claims, pipeline.Claim{ID: s, Text: s, Value: v, Min: &v, Subject: s})
		r.Findings = append(r.Findings, pipeline.Finding{ID: s, Claims: []string{s, s}, Message: s})
	}
	dir := t.TempDir()
	if _, err := WriteAll(dir, r, []Writer{JSON{}}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	var want bytes.Buffer
	want.WriteString("{\n")
	lists := []struct {
		name  string
		items []any
	}{{"sources", anys(r.Sources)}, {"claims", anys(r.Claims)}, {"findings", anys(r.Findings)}}
	for i, l := range lists {
		want.WriteString(` "` + l.name + `": [`)
		for k, it := range l.items {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(it); err != nil {
				t.Fatal(err)
			}
			if k > 0 {
				want.WriteString(",")
			}
			want.WriteString("\n  ")
			want.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
		}
		want.WriteString("\n ]")
		if i < len(lists)-1 {
			want.WriteString(",")
		}
		want.WriteString("\n")
	}
	want.WriteString("}\n")
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("report differs from encoding/json:\n got %q\nwant %q", got, want.Bytes())
	}
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}
