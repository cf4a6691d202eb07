package reports

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/pipeline"
)

// XLSX writes factsheet.xlsx, the fact sheet an auditor works in: Summary,
// Findings (with a verdict for each), Finding claims, Claims, Sources and
// Rules, and Lost verdicts when a merge could not carry some. Row sheets are
// written straight from the result (see bookZip), so memory does not grow
// with the rows; a sheet past Excel's row limit goes on in "Claims (2)".
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
	// Should excelize need temporary files, they go beside the report,
	// in the run's temporary directory, and go when it goes.
	return writeXLSX(f, r, excelize.Options{TmpDir: filepath.Dir(f.Name())})
}

func writeXLSX(w io.Writer, r *pipeline.Result, opts ...excelize.Options) error {
	defer limitHeap()()
	x := excelize.NewFile(opts...)
	defer x.Close()
	b, err := newBook(x, r)
	if err != nil {
		return err
	}
	if err := b.frame(); err != nil {
		return err
	}
	z := newBookZip(w, b)
	x.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
	if err := x.Write(io.Discard); err != nil {
		if z.err != nil {
			return z.err
		}
		return err
	}
	return z.err
}

// book is one workbook being written: the result, its styles, the sheets
// of records and where each record's row is, for the links between them.
type book struct {
	x  *excelize.File
	r  *pipeline.Result
	st *styles
	ix *index

	findings, findingClaims, claims, sources, rules, lost *table
	sourcesValid                                          bool    // see rowWriter
	unusedRules                                           int     // rules that ran and made no claim
	parts                                                 []*part // by placeholder number
}

func newBook(x *excelize.File, r *pipeline.Result) (*book, error) {
	st, err := newStyles(x)
	if err != nil {
		return nil, err
	}
	b := &book{x: x, r: r, st: st, ix: newIndex(r), sourcesValid: true}
	for i := range r.Sources {
		if !utf8.ValidString(r.Sources[i].Text) {
			b.sourcesValid = false
			break
		}
	}
	if err := b.prepareStyles(); err != nil {
		return nil, err
	}
	b.findings = b.findingTable()
	b.findingClaims = b.findingClaimTable()
	b.claims = b.claimTable()
	b.sources = b.sourceTable()
	b.rules = b.ruleTable()
	if r.Verdicts != nil && len(r.Verdicts.Lost) > 0 {
		b.lost = b.lostTable()
	}
	return b, nil
}

// frame builds everything but the rows and links of the record sheets:
// the Summary first (the workbook's first sheet, renamed rather than
// deleted and added: deleting a sheet makes excelize read every other),
// then a skeleton for each part of each record sheet.
func (b *book) frame() error {
	if err := b.x.SetSheetName("Sheet1", summarySheet); err != nil {
		return err
	}
	for _, t := range []*table{b.findings, b.findingClaims, b.claims, b.sources, b.rules, b.lost} {
		if t == nil {
			continue
		}
		for _, p := range b.split(t) {
			if err := b.skeleton(p); err != nil {
				return fmt.Errorf("sheet %s: %w", p.name, err)
			}
		}
	}
	if err := b.summary(); err != nil {
		return fmt.Errorf("sheet %s: %w", summarySheet, err)
	}
	return b.props()
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
		Subject:     clip("Numeric claims in " + strings.Join(files, ", ")),
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
		if !seen[s.File()] {
			seen[s.File()] = true
			out = append(out, s.File())
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

// headroom is how far the heap may grow past what the last collection
// found live when the workbook starts: the writer's own live data
// (indexes, the rows and blocks in flight) is a few tens of MB.
const headroom = 128 << 20

// limitHeap sets a soft memory limit for the time the workbook is written,
// unless the user set one (GOMEMLIMIT), and returns what restores the
// limit before. The result is held whole while the workbook is written,
// and the rows make garbage fast: with GOGC's headroom over a large result
// (200%: three times the live heap) the garbage, not the workbook, would
// set the run's peak memory. A large heap is collected once first, so
// that the limit stands on what is live, not on garbage: the collections
// the limit then calls for are a few, not one per block.
func limitHeap() func() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	heap := func(name string) int64 {
		s := []metrics.Sample{{Name: name}}
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindUint64 {
			return -1
		}
		return int64(s[0].Value.Uint64())
	}
	n := heap("/memory/classes/heap/objects:bytes")
	if n > 2*headroom {
		runtime.GC()
		n = heap("/memory/classes/heap/objects:bytes")
	}
	if n < 0 {
		return func() {}
	}
	old := debug.SetMemoryLimit(n + headroom)
	return func() { debug.SetMemoryLimit(old) }
}
