package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/pipeline"
)

// XLSX writes factsheet.xlsx, the fact sheet an auditor works in: Summary,
// Findings, Claims, Sources and Rules. Row sheets are streamed, so memory
// does not grow with the rows; a sheet past Excel's row limit goes on in
// "Claims (2)" and so on.
type XLSX struct{}

var _ Writer = XLSX{}

// File implements Writer.
func (XLSX) File() string { return "factsheet.xlsx" }

// Excel's limits: rows a sheet holds (one is the header), characters a cell
// holds, hyperlinks a sheet holds.
var (
	maxRows  = 1048576
	maxCell  = 32767
	maxLinks = 65530
)

// Write implements Writer.
func (XLSX) Write(f *os.File, r *pipeline.Result) error {
	// excelize keeps its streamed rows in temporary files: beside the
	// report, in the run's temporary directory, they go when it goes.
	x := excelize.NewFile(excelize.Options{TmpDir: filepath.Dir(f.Name())})
	defer x.Close()
	b, err := newBook(x, r)
	if err != nil {
		return err
	}
	steps := []func() error{b.summary, b.findings, b.claims, b.sources, b.rules, b.props}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := x.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	x.SetActiveSheet(0)
	_, err = x.WriteTo(f)
	return err
}

// book is one workbook being written: the result, the styles, and where
// each claim and source row lands, for the links between sheets.
type book struct {
	x        *excelize.File
	r        *pipeline.Result
	st       styles
	claimAt  map[string]string // claim id -> sheet!cell of its row
	sourceAt map[string]string
	status   map[string]string // claim id -> worst finding status
}

func newBook(x *excelize.File, r *pipeline.Result) (*book, error) {
	st, err := newStyles(x)
	if err != nil {
		return nil, err
	}
	b := &book{x: x, r: r, st: st, status: claimStatus(r)}
	b.claimAt = places("Claims", len(r.Claims), func(i int) string { return r.Claims[i].ID })
	b.sourceAt = places("Sources", len(r.Sources), func(i int) string { return r.Sources[i].ID })
	return b, nil
}

// places computes, before any sheet is written, the sheet and row of each
// record, so that links can point forwards.
func places(sheet string, n int, id func(int) string) map[string]string {
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		part, row := i/(maxRows-1), i%(maxRows-1)+2
		out[id(i)] = fmt.Sprintf("'%s'!A%d", partName(sheet, part), row)
	}
	return out
}

func partName(sheet string, part int) string {
	if part == 0 {
		return sheet
	}
	return fmt.Sprintf("%s (%d)", sheet, part+1)
}

// claimStatus is each claim's worst finding: inconsistent, unverifiable, consistent.
func claimStatus(r *pipeline.Result) map[string]string {
	rank := map[string]int{"consistent": 1, "unverifiable": 2, "inconsistent": 3}
	out := map[string]string{}
	for _, f := range r.Findings {
		for _, id := range f.Claims {
			if rank[f.Status] > rank[out[id]] {
				out[id] = f.Status
			}
		}
	}
	return out
}

// props sets the document properties; timestamps come from SOURCE_DATE_EPOCH
// when it is set, so that the same input gives the same workbook.
func (b *book) props() error {
	now := time.Now().UTC()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			now = time.Unix(sec, 0).UTC()
		}
	}
	stamp := now.Format(time.RFC3339)
	files := inputFiles(b.r)
	return b.x.SetDocProps(&excelize.DocProperties{
		Title:       "factsheet",
		Subject:     "Numeric claims in " + strings.Join(files, ", "),
		Creator:     "factsheet " + factsheet.Version,
		Description: "Claims, findings and sources; see the Summary sheet.",
		Created:     stamp,
		Modified:    stamp,
	})
}

func inputFiles(r *pipeline.Result) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range r.Sources {
		if !seen[s.File] {
			seen[s.File] = true
			out = append(out, s.File)
		}
	}
	return out
}

// clip keeps a cell under Excel's limit; the JSON report keeps the whole text.
func clip(s string) string {
	if len(s) <= maxCell {
		return s
	}
	r := []rune(s)
	if len(r) <= maxCell {
		return s
	}
	const marker = " … [cut: full text in factsheet.json]"
	return string(r[:maxCell-len([]rune(marker))]) + marker
}

func opt(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// sortedCounts lists a count map as "key: n" pairs, largest first.
func sortedCounts(m map[string]int) [][2]any {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	out := make([][2]any, len(keys))
	for i, k := range keys {
		out[i] = [2]any{k, m[k]}
	}
	return out
}
