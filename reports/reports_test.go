package reports

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// sample is a small result with every kind of record: a quote and its
// note, claims on three units, an inconsistent restatement that carries
// what the check expected, a consistent conflict and an arithmetic finding
// of three claims (which the Finding claims sheet lists).
// source is the source of a report's record.
func source(r pipeline.SourceRecord) pipeline.Source { return r.Source() }

// claim is the claim of a report's record, at these rune offsets in its source.
func claim(r pipeline.ClaimRecord, start, end int) pipeline.Claim {
	c := r.Claim()
	c.Start, c.End = start, end
	return c
}

func sample() *pipeline.Result {
	note := "h-1"
	url := "https://example.org/a?b=1&c=2"
	v60, dev := 60.0, -0.1
	lo, hi := 4.4e9, 4.6e9
	r := &pipeline.Result{
		Sources: []pipeline.Source{
			source(pipeline.SourceRecord{ID: "h-1", File: "dir/a.txt", Line: 1, Role: "quote", Lang: "en", URL: &url,
				Text: "=HYPERLINK(\"x\") Data centres used over 60% of it, up to 5 gigawatts (GW), and $1.5 billion was spent."}),
			source(pipeline.SourceRecord{ID: "h-2", File: "dir/a.txt", Line: 2, Role: "note", Lang: "zh", Text: "超过60%，即4.5GW。", NoteOf: &note}),
		},
		Claims: []pipeline.Claim{
			claim(pipeline.ClaimRecord{ID: "c-1", Source: "h-1", File: "dir/a.txt", Line: 1, Col: 29, Text: "over 60%", Value: 60, Unit: "%", Min: &v60,
				Qualifier: "over", Kind: "share", Rule: "percent", Subject: "data centres", Metric: "share"}, 28, 36),
			claim(pipeline.ClaimRecord{ID: "c-2", Source: "h-1", File: "dir/a.txt", Line: 1, Col: 47, Text: "up to 5 gigawatts (GW)", Value: 5e9, Unit: "W",
				Qualifier: "up to", Kind: "power", Rule: "power"}, 46, 68),
			claim(pipeline.ClaimRecord{ID: "c-3", Source: "h-1", File: "dir/a.txt", Line: 1, Col: 75, Text: "$1.5 billion", Value: 1.5e9, Unit: "USD",
				Kind: "money", Rule: "usd"}, 74, 86),
			claim(pipeline.ClaimRecord{ID: "c-4", Source: "h-2", File: "dir/a.txt", Line: 2, Col: 1, Text: "超过60%", Value: 60, Unit: "%", Min: &v60,
				Qualifier: "超过", Kind: "share", Rule: "percent"}, 0, 5),
			claim(pipeline.ClaimRecord{ID: "c-5", Source: "h-2", File: "dir/a.txt", Line: 2, Col: 8, Text: "4.5GW", Value: 4.5e9, Unit: "W",
				Kind: "power", Rule: "power"}, 7, 12),
		},
		Findings: []pipeline.Finding{
			{ID: "f-1", Kind: "conflict", Status: "consistent", Claims: []string{"c-1", "c-4"}, Rule: "conflict", Message: "=1+1 agrees"},
			{ID: "f-2", Kind: "restatement", Status: "inconsistent", Claims: []string{"c-2", "c-5"}, Rule: "restatement",
				Message: "@x: 5 GW restated as 4.5 GW", Values: []float64{5e9, 4.5e9},
				Expected: &pipeline.Expected{Claim: "c-5", Value: 5e9, Min: &lo, Max: &hi, Unit: "W"}, Deviation: &dev},
			{ID: "f-3", Kind: "arithmetic", Status: "unverifiable", Claims: []string{"c-1", "c-2", "c-3"}, Rule: "product",
				Message: "cannot tell"},
		},
		Rules: []pipeline.RuleUse{{ID: "percent", Type: "unit", Description: "Percentages.", Claims: 2}},
	}
	for i := range r.Claims { // offsets in runes, as the pipeline gives them
		c := &r.Claims[i]
		text := r.Sources[0].Text
		if c.Source() == "h-2" {
			text = r.Sources[1].Text
		}
		at := strings.Index(text, c.Text)
		c.Start = len([]rune(text[:at]))
		c.End = c.Start + len([]rune(c.Text))
	}
	return r
}

func writeBook(t *testing.T, r *pipeline.Result) *excelize.File {
	t.Helper()
	paths, err := WriteAll(t.TempDir(), r, []Writer{XLSX{}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellOf returns the cell of a column, by header, on the row whose first
// cell is id.
func cellOf(t *testing.T, f *excelize.File, sheet, id, column string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == column {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s has no column %q: %q", sheet, column, rows[0])
	}
	for r, row := range rows {
		if len(row) > 0 && row[0] == id {
			c, _ := excelize.CoordinatesToCellName(col+1, r+1)
			return c
		}
	}
	t.Fatalf("%s has no row %s", sheet, id)
	return ""
}

func value(t *testing.T, f *excelize.File, sheet, id, column string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cellOf(t, f, sheet, id, column))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestXLSXSheets(t *testing.T) {
	f := writeBook(t, sample())
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Findings,Finding claims,Claims,Sources,Rules" {
		t.Errorf("sheets %s", got)
	}
	noFormulas(t, f)
	// Findings: the inconsistent one first, its two figures side by side,
	// what the check expected and the deviation as numbers.
	rows, _ := f.GetRows("Findings")
	if len(rows) != 4 || rows[1][0] != "f-2" || rows[2][0] != "f-3" || rows[3][0] != "f-1" {
		t.Fatalf("findings in the order %q", rows)
	}
	for col, want := range map[string]string{"Status": "inconsistent", "Severity": "error", "A: figure": "up to 5 gigawatts (GW)",
		"A: value": "5 GW", "A: where": "a.txt:1", "B: figure": "4.5GW", "B: value": "4.5 GW", "B: where": "a.txt:2",
		"Expected": "5 GW", "Expected min": "4.4 GW", "Expected max": "4.6 GW", "Deviation": "-10.0%", "Claims": "2"} {
		if got := value(t, f, "Findings", "f-2", col); got != want {
			t.Errorf("Findings f-2 %s = %q, want %q", col, got, want)
		}
	}
	if raw, _ := f.GetCellValue("Findings", cellOf(t, f, "Findings", "f-2", "Deviation"), excelize.Options{RawCellValue: true}); raw != "-0.1" {
		t.Errorf("deviation stored as %q", raw)
	}
	runs, _ := f.GetCellRichText("Findings", cellOf(t, f, "Findings", "f-2", "A: quote"))
	if len(runs) != 3 || runs[1].Text != "up to 5 gigawatts (GW)" || runs[1].Font == nil || !runs[1].Font.Bold {
		t.Errorf("quote runs %+v", runs)
	}
	checkLink(t, f, "Findings", cellOf(t, f, "Findings", "f-2", "A: where"), "'Sources'!A2")
	checkLink(t, f, "Findings", cellOf(t, f, "Findings", "f-2", "B: where"), "'Sources'!A3")
	// A finding of three claims lists them on Finding claims, linked both ways.
	checkLink(t, f, "Findings", cellOf(t, f, "Findings", "f-3", "Claims"), "'Finding claims'!A2")
	fc, _ := f.GetRows("Finding claims")
	if len(fc) != 4 || fc[1][0] != "f-3" || fc[3][4] != "c-3" {
		t.Errorf("finding claims %q", fc)
	}
	checkLink(t, f, "Finding claims", "A2", "'Findings'!A3")
	checkLink(t, f, "Finding claims", "E4", "'Claims'!A4")
	// Claims: the figure as stated, its value for reading beside the
	// canonical one, a link to its source, a window of its text.
	for id, want := range map[string]string{"c-1": "60%", "c-2": "5 GW", "c-3": "$1.5 bn", "c-5": "4.5 GW"} {
		if got := value(t, f, "Claims", id, "Value"); got != want {
			t.Errorf("Claims %s value %q, want %q", id, got, want)
		}
	}
	if raw, _ := f.GetCellValue("Claims", cellOf(t, f, "Claims", "c-2", "Canonical value"), excelize.Options{RawCellValue: true}); raw != "5e+09" {
		t.Errorf("canonical value %q", raw)
	}
	if got := value(t, f, "Claims", "c-2", "Status"); got != "inconsistent" {
		t.Errorf("claim status %q", got)
	}
	if got := value(t, f, "Claims", "c-2", "Findings"); got != "f-2\nf-3" {
		t.Errorf("claim findings %q", got)
	}
	checkLink(t, f, "Claims", cellOf(t, f, "Claims", "c-4", "Source"), "'Sources'!A3")
	if got := value(t, f, "Claims", "c-1", "Quote"); !strings.HasPrefix(got, "=HYPERLINK") {
		t.Errorf("quote %q", got)
	}
	// Sources: the URL and the quote a note belongs to are links.
	ok, link, _ := f.GetCellHyperLink("Sources", cellOf(t, f, "Sources", "h-1", "URL"))
	if !ok || link != "https://example.org/a?b=1&c=2" {
		t.Errorf("URL link %v %q", ok, link)
	}
	checkLink(t, f, "Sources", cellOf(t, f, "Sources", "h-2", "Note of"), "'Sources'!A2")
	// Verdicts: a drop-down with an error alert, and a date check.
	dvs, _ := f.GetDataValidations("Findings")
	if len(dvs) != 2 || !strings.Contains(dvs[0].Formula1, "false alarm") || dvs[0].ErrorStyle == nil || *dvs[0].ErrorStyle != "stop" ||
		dvs[1].Type != "date" {
		t.Errorf("findings validations %+v", dvs)
	}
	// The highlight's formula reads the row's status.
	for _, sheet := range []string{"Findings", "Finding claims", "Claims"} {
		cfs, _ := f.GetConditionalFormats(sheet)
		for _, opts := range cfs {
			if len(opts) != 1 || !strings.HasSuffix(opts[0].Criteria, `2="inconsistent"`) {
				t.Errorf("%s: conditional format %+v", sheet, opts)
			}
		}
		if len(cfs) != 1 {
			t.Errorf("%s: %d conditional formats", sheet, len(cfs))
		}
	}
	props, _ := f.GetDocProps()
	if !strings.HasPrefix(props.Creator, "factsheet ") {
		t.Errorf("props %+v", props)
	}
}

// The Summary puts each count beside its label and lists the findings
// that need a look.
func TestXLSXSummary(t *testing.T) {
	f := writeBook(t, sample())
	rows, _ := f.GetRows("Summary")
	find := func(label string) []string {
		for _, row := range rows {
			for i, c := range row {
				if c == label {
					return row[i:]
				}
			}
		}
		t.Errorf("no %q on the Summary", label)
		return nil
	}
	for label, n := range map[string]string{"Sources": "2", "Claims": "5", "Findings": "3", "  inconsistent": "1", "  unverifiable": "1"} {
		if row := find(label); len(row) < 2 || row[1] != n {
			t.Errorf("%q: %q", label, row)
		}
	}
	if row := find("restatement"); len(row) < 5 || row[1] != "1" || row[4] != "1" {
		t.Errorf("by kind: %q", row)
	}
	if row := find("a.txt:1"); len(row) < 2 || row[1] != "1" {
		t.Errorf("top sources: %q", row)
	}
	find("f-2")
	find("Every record and link is in the workbook.")
	if layout, _ := f.GetPageLayout("Findings"); layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("page layout %+v", layout)
	}
	if names := f.GetDefinedName(); len(names) < 5 {
		t.Errorf("print titles: %+v", names)
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

// Past Excel's row limit a sheet goes on in "Claims (2)", its links still
// right, and the Summary says so; a cell past its size limit is cut with a
// marker.
func TestXLSXParts(t *testing.T) {
	saved := maxRows
	maxRows = 3 // two data rows a sheet
	defer func() { maxRows = saved }()
	r := sample()
	r.Sources[1].Text = strings.Repeat("长", maxCell+10)
	f := writeBook(t, r)
	if got := strings.Join(f.GetSheetList(), ","); !strings.Contains(got, "Claims,Claims (2),Claims (3),Sources,Rules") {
		t.Errorf("sheets %s", got)
	}
	checkLink(t, f, "Finding claims", "E2", "'Claims'!A2")
	checkLink(t, f, "Findings (2)", cellOf(t, f, "Findings (2)", "f-1", "A: where"), "'Sources'!A2")
	checkLink(t, f, "Claims (2)", cellOf(t, f, "Claims (2)", "c-4", "Source"), "'Sources'!A3")
	checkLink(t, f, "Finding claims (2)", "E2", "'Claims (2)'!A2")
	v, _ := f.GetCellValue("Sources", cellOf(t, f, "Sources", "h-2", "Text"))
	if n := len([]rune(v)); n != maxCell || !strings.HasSuffix(v, "factsheet.json]") {
		t.Errorf("cut cell has %d characters", n)
	}
	summary := strings.Join(flat(f, "Summary"), "\n")
	for _, want := range []string{"Claims goes on in Claims (2), Claims (3) (Excel takes 3 rows a sheet).",
		"1 source texts are longer than a cell holds"} {
		if !strings.Contains(summary, want) {
			t.Errorf("Summary lacks %q", want)
		}
	}
}

func flat(f *excelize.File, sheet string) []string {
	rows, _ := f.GetRows(sheet)
	var out []string
	for _, row := range rows {
		out = append(out, strings.Join(row, " "))
	}
	return out
}

// Past Excel's limit of links a sheet, the rows go on without links and
// the Summary says from where; the run does not fail.
func TestXLSXLinkLimit(t *testing.T) {
	saved := maxLinks
	maxLinks = 3
	defer func() { maxLinks = saved }()
	f := writeBook(t, sample())
	checkLink(t, f, "Claims", "S2", "'Sources'!A2")
	checkLink(t, f, "Claims", "S4", "'Sources'!A2")
	if ok, _, _ := f.GetCellHyperLink("Claims", "S5"); ok {
		t.Error("a fourth link on Claims")
	}
	summary := strings.Join(flat(f, "Summary"), "\n")
	if !strings.Contains(summary, "Claims: links stop after row 4 (Excel takes 3 links a sheet); the rows below have none.") {
		t.Errorf("Summary:\n%s", summary)
	}
}

// Text that a spreadsheet or XML would misread stays the text it was.
func TestXLSXAwkwardText(t *testing.T) {
	r := sample()
	texts := []string{"=SUM(A1)", "ctrl\x01\x1fchars", "bad \xff\xfe utf8", "_x0041_ escape", "nonchar \uFFFE\uFFFF", " spaced ",
		"line\nbreak\ttab\rcr", "<b>&amp;</b> \"q\""}
	for i, s := range texts {
		r.Claims[0].SetQualifier(s)
		r.Sources[0].SetTitle(&texts[i])
		f := writeBook(t, r)
		got := value(t, f, "Claims", "c-1", "Qualifier")
		want := strings.NewReplacer("\x01", "\uFFFD", "\x1f", "\uFFFD", "\xff", "\uFFFD", "\xfe", "\uFFFD", "\uFFFE", "\uFFFD",
			"\uFFFF", "\uFFFD").Replace(s)
		if s == "bad \xff\xfe utf8" {
			want = "bad \uFFFD utf8"
		}
		if got != want {
			t.Errorf("%q came back as %q, want %q", s, got, want)
		}
	}
	// A source's text that is not UTF-8 is made so, quotes cut from it
	// too (read in the XML: excelize reads U+FFFD in rich text as ÿ).
	r = sample()
	r.Sources[1].Text = "超过60%，\xff即4.5GW。"
	var b bytes.Buffer
	if err := writeXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	for name, part := range unzip(t, b.Bytes()) {
		if !utf8.ValidString(part) || strings.Contains(name, "sheet") && strings.Contains(part, "60%，即") {
			t.Errorf("%s: not UTF-8, or the bad byte dropped", name)
		}
	}
}

// The same result gives the same bytes, run after run.
func TestXLSXDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	var books [2][]byte
	for i := range books {
		var b bytes.Buffer
		if err := writeXLSX(&b, sample()); err != nil {
			t.Fatal(err)
		}
		books[i] = b.Bytes()
	}
	if !bytes.Equal(books[0], books[1]) || len(books[0]) < 5000 {
		t.Error("two workbooks of one result differ")
	}
}

// Many links and many findings: the run finishes and the Summary says
// where links stop.
func TestXLSXManyLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("70,000 rows")
	}
	const n = 70000
	r := &pipeline.Result{}
	for i := range n {
		id := pipeline.NewIDs("h-").Source("big.txt", strings.Repeat("x", i%7)+string(rune('a'+i%26))+strconv.Itoa(i))
		u := "https://example.org/" + strconv.Itoa(i)
		r.Sources = append(r.Sources, source(pipeline.SourceRecord{ID: id, File: "big.txt", Line: i + 1, Text: "about 5% of it " + strconv.Itoa(i), URL: &u}))
		r.Claims = append(r.Claims, claim(pipeline.ClaimRecord{ID: "c-" + strconv.Itoa(i), Source: id, File: "big.txt", Line: i + 1, Text: "5%",
			Value: 5, Unit: "%", Kind: "share"}, 6, 8))
		r.Findings = append(r.Findings, pipeline.Finding{ID: "f-" + strconv.Itoa(i), Kind: "conflict", Status: "inconsistent",
			Claims: []string{"c-" + strconv.Itoa(i)}, Rule: "conflict", Message: "differs"})
	}
	var b bytes.Buffer
	if err := writeXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, b.Bytes())
	for sheet, want := range map[string]int{"xl/worksheets/sheet2.xml": 65530, "xl/worksheets/sheet4.xml": 65530,
		"xl/worksheets/sheet5.xml": 65530, "xl/worksheets/_rels/sheet5.xml.rels": 65530} {
		if n := strings.Count(parts[sheet], "<hyperlink ") + strings.Count(parts[sheet], "TargetMode=\"External\""); n != want {
			t.Errorf("%s: %d links, want %d", sheet, n, want)
		}
	}
	if !strings.Contains(parts["xl/worksheets/_rels/sheet5.xml.rels"], `Target="https://example.org/65529"`) {
		t.Error("no link to the last URL that fits")
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	summary := strings.Join(flat(f, "Summary"), "\n")
	for _, want := range []string{"Sources: links stop after row 65531", "Findings: links stop after row 65531",
		"Claims: links stop after row 65531"} {
		if !strings.Contains(summary, want) {
			t.Errorf("Summary lacks %q:\n%s", want, summary)
		}
	}
}

// unzip returns a workbook's parts by name.
func unzip(t *testing.T, book []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(data)
	}
	return out
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
	if len(doc) != 3 || len(doc["findings"]) != 3 || doc["findings"][0]["status"] != "consistent" {
		t.Errorf("report: %s", data)
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
	if e := doc["findings"][1]["expected"].(map[string]any); e["claim"] != "c-5" || doc["findings"][1]["deviation"] != -0.1 {
		t.Errorf("finding %v", doc["findings"][1])
	}
}

// After a merge the report lists the verdicts carried and those lost.
func TestJSONVerdicts(t *testing.T) {
	dir := t.TempDir()
	r := sample()
	pipeline.CarryVerdicts(r, []pipeline.Verdict{
		{ID: "f-2", Of: "finding", Verdict: "confirmed error", Reviewer: "ana", CheckedOn: "2025-03-01"},
		{ID: "c-9", Of: "claim", Verdict: "wrong", Note: "see p. 4", Where: "a.txt:9", Text: "61%"},
	})
	if _, err := WriteAll(dir, r, []Writer{JSON{}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	var doc map[string][]map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	v, lost := doc["verdicts"], doc["lost_verdicts"]
	if len(v) != 1 || v[0]["id"] != "f-2" || v[0]["of"] != "finding" || v[0]["checked_on"] != "2025-03-01" {
		t.Errorf("verdicts %v", v)
	}
	if len(lost) != 1 || lost[0]["id"] != "c-9" || lost[0]["text"] != "61%" || lost[0]["note"] != "see p. 4" || lost[0]["why"] == "" {
		t.Errorf("lost verdicts %v", lost)
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
	for list, want := range map[string]string{
		"xlsx, json": "factsheet.xlsx factsheet.json", // in the order given, each once
		"JSON,,md":   "factsheet.json factsheet.md",
		"csv":        "claims.csv findings.csv",
	} {
		ws, err := Parse(list)
		var files []string
		for _, w := range ws {
			files = append(files, w.File())
		}
		if err != nil || strings.Join(files, " ") != want {
			t.Errorf("Parse(%q) writes %q, %v; want %s", list, files, err, want)
		}
	}
	if _, err := Parse(" , "); err == nil {
		t.Error("no format accepted")
	}
	if _, err := Parse("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

func TestCSVEscapesFormulas(t *testing.T) {
	dir := t.TempDir()
	r := sample()
	r.Claims[0].Text = "=cmd|' /C calc'!A0"
	r.Claims[3].SetQualifier("@SUM(1)")
	if _, err := WriteAll(dir, r, []Writer{ClaimsCSV{}, FindingsCSV{}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "claims.csv"))
	s := string(data)
	if !strings.HasPrefix(s, "\ufeffID,") || !strings.Contains(s, `'=cmd|`) || !strings.Contains(s, "'@SUM(1)") || !strings.Contains(s, "超过60%") {
		t.Errorf("claims.csv:\n%s", s)
	}
	f, _ := os.ReadFile(filepath.Join(dir, "findings.csv"))
	if !strings.Contains(string(f), "'=1+1 agrees") || !strings.Contains(string(f), "'@x: 5 GW") {
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
	if !strings.Contains(string(data), "- **f-2** (restatement, restatement): @x: 5 GW restated as 4.5 GW") || strings.Contains(string(data), "f-1**") {
		t.Errorf("factsheet.md:\n%s", data)
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
		r.Sources = append(r.Sources, source(pipeline.SourceRecord{ID: s, Text: s, Title: &s}))
		r.Claims = append(r.Claims, claim(pipeline.ClaimRecord{ID: s, Text: s, Value: v, Min: &v, Subject: s}, 0, 0))
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

// A quote is a window of at most its width around the figure, cut
// between words where the text has spaces, with "…" where it was cut.
func TestQuoteWindow(t *testing.T) {
	long := strings.Repeat("word ", 100)
	cases := []struct {
		text, fig string
		width     int
		want      string
	}{
		{"Sales grew 60% last year.", "60%", 300, "Sales grew [60%] last year."},
		{long + "the figure 42% stands here " + long, "42%", 40, "…word the figure [42%] stands here word…"},
		{"甲乙丙丁戊己庚辛壬癸" + "百分之六十" + "甲乙丙丁戊己庚辛壬癸", "百分之六十", 11, "…辛壬癸[百分之六十]甲乙丙…"},
		{"42% at the very start " + long, "42%", 20, "[42%] at the very…"},
	}
	for _, c := range cases {
		at := strings.Index(c.text, c.fig)
		start := len([]rune(c.text[:at]))
		q := quote(&cursor{text: c.text, ascii: isASCII(c.text)}, start, start+len([]rune(c.fig)), c.width)
		var b strings.Builder
		n := 0
		for _, r := range q {
			if r.bold {
				b.WriteString("[" + r.text + "]")
			} else {
				b.WriteString(r.text)
			}
			if r.text != "…" {
				n += len([]rune(r.text))
			}
		}
		if got := b.String(); got != c.want {
			t.Errorf("%.30q: got %q, want %q", c.text, got, c.want)
		}
		if n > c.width {
			t.Errorf("%.30q: %d runes, more than %d", c.text, n, c.width)
		}
	}
}

// failAfter is a file that fills up after n bytes.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errors.New("no space left on device")
	}
	f.n -= len(p)
	return len(p), nil
}

// A workbook that cannot be written whole says which sheet it was writing.
func TestXLSXErrorNamesSheet(t *testing.T) {
	r := sample()
	for i := range 2000 {
		s := pipeline.Source{Line: int32(i),
			Text: strings.Repeat("filler text that does not compress to nothing "+strconv.Itoa(i*7919), 4)}.WithID("h-x" + strconv.Itoa(i))
		s.SetFile("b.txt")
		r.Sources = append(r.Sources, s)
	}
	err := writeXLSX(&failAfter{n: 20000}, r)
	if err == nil || !strings.Contains(err.Error(), "sheet ") || !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("error %#v", err)
	}
}

// A value is shown in a unit chosen for reading, as excelize (like Excel)
// formats the cell.
func TestReadableValues(t *testing.T) {
	cases := []struct {
		v          float64
		unit, kind string
		want       string
	}{
		{71, "%", "share", "71%"},
		{2.0 / 3, "", "share", "66.7%"},
		{7.6, "pp", "", "7.6 pp"},
		{5e9, "W", "power", "5 GW"},
		{415e12, "Wh", "energy", "415 TWh"},
		{1e26, "FLOP", "compute", "1E+26 FLOP"},
		{1.5e9, "USD", "money", "$1.5 bn"},
		{0.1, "USD", "money", "$0.10"},
		{5.47e11, "CNY", "money", "CNY 547 bn"},
		{7, "month", "duration", "7 months"},
		{1, "year", "duration", "1 year"},
		{3, "x", "multiple", "3×"},
		{1e12, "x", "multiple", "1 trillion×"},
		{100000, "", "count", "100,000"},
		{1e8, "", "count", "100 million"},
		{4.9e14, "g", "mass", "490 Mt"},
		{2500, "g", "mass", "2.5 kg"},
		{21, "°C", "temperature", "21 °C"},
	}
	r := &pipeline.Result{Sources: []pipeline.Source{pipeline.Source{Text: "x"}.WithID("h-1")}}
	r.Sources[0].SetFile("a.txt")
	for i, c := range cases {
		r.Claims = append(r.Claims, claim(pipeline.ClaimRecord{ID: "c-" + strconv.Itoa(i), Source: "h-1", File: "a.txt", Text: c.want,
			Value: c.v, Unit: c.unit, Kind: c.kind}, 0, 1))
	}
	f := writeBook(t, r)
	for i, c := range cases {
		got := value(t, f, "Claims", "c-"+strconv.Itoa(i), "Value")
		if strings.Contains(c.want, "E+") { // excelize's formatting drops text after an exponent; LibreOffice shows it
			id, _ := f.GetCellStyle("Claims", cellOf(t, f, "Claims", "c-"+strconv.Itoa(i), "Value"))
			st, _ := f.GetStyle(id)
			if st.CustomNumFmt == nil || *st.CustomNumFmt != `0E+00" FLOP"` || got != "1E+26" {
				t.Errorf("%g %q reads %q in %v", c.v, c.unit, got, st.CustomNumFmt)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%g %q reads %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

// Verdicts are read from today's workbooks, their Lost verdicts sheet
// included, and from those of before ids came from content (they will not
// match, and are listed as lost with what they were about).
func TestReadVerdicts(t *testing.T) {
	r := sample()
	pipeline.CarryVerdicts(r, []pipeline.Verdict{{ID: "c-404", Of: "claim", Verdict: "wrong", Where: "a.txt:4", Text: "61%"}})
	f := writeBook(t, r)
	review := func(sheet, id, col string, v any) {
		if err := f.SetCellValue(sheet, cellOf(t, f, sheet, id, col), v); err != nil {
			t.Fatal(err)
		}
	}
	review("Claims", "c-2", "Verdict", "confirmed")
	review("Claims", "c-2", "Checked on", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	review("Findings", "f-2", "Note", "a typo in the note")
	if _, err := f.NewSheet("Claims (2)"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Claims (2)", "A1", &[]any{"ID", "File", "Line", "Claim text", "Value", "Reviewer verdict", "Reviewer note"})
	f.SetSheetRow("Claims (2)", "A2", &[]any{"c12", "a.txt", 7, "about 415 TWh", 4.15e14, "wrong", "451 in the note"})
	path := filepath.Join(t.TempDir(), "reviewed.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadVerdicts(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []pipeline.Verdict{
		{ID: "f-2", Of: "finding", Note: "a typo in the note", Text: "@x: 5 GW restated as 4.5 GW"},
		{ID: "c-2", Of: "claim", Verdict: "confirmed", CheckedOn: "2025-03-01", Where: "dir/a.txt:1",
			Text: "up to 5 gigawatts (GW) — …Data centres used over 60% of it, up to 5 gigawatts (GW), and $1.5 billion was spent."},
		{ID: "c-404", Of: "claim", Verdict: "wrong", Where: "a.txt:4", Text: "61%"},
		{ID: "c12", Of: "claim", Verdict: "wrong", Note: "451 in the note", Where: "a.txt:7", Text: "about 415 TWh"},
	}
	if len(got) != len(want) { // in the order of the sheets: Claims (2) was added last
		t.Fatalf("read %+v", got)
	}
	for i := range want {
		got[i].Why = ""
		if got[i] != want[i] {
			t.Errorf("verdict %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
