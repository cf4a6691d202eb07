package reports

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// table is a sheet of records: its columns, how to write record i's row,
// the links of record i, and what a part of it needs besides (conditional
// formats, validations).
type table struct {
	name       string
	header     []string
	widths     []float64
	n          int
	refs       []string
	row        func(w *rowWriter, cur cursors, i int)
	links      func(i int, add func(col int, to link))
	setup      func(name string, rows int) error
	quoteLines int // see rowWriter.quoteLines
}

func (b *book) newTable(name string, n int, cols []column) *table {
	t := &table{name: name, n: n}
	for _, c := range cols {
		t.header = append(t.header, c.name)
		t.widths = append(t.widths, c.width)
	}
	t.refs = colNames(len(cols))
	return t
}

type column struct {
	name  string
	width float64
}

// col is the index of a column by name.
func (t *table) col(name string) int {
	for i, h := range t.header {
		if h == name {
			return i
		}
	}
	panic("reports: no column " + name + " in " + t.name)
}

func (t *table) lastCol() string { return t.refs[len(t.refs)-1] }

// minScale is the smallest a record sheet prints at: its type at 6.4
// points. A sheet is fitted to the page's width, and to as few pages
// high as it takes at no less than this scale (tall), so that a sheet
// narrower than its page prints smaller, on fewer pages, rather than
// large with the page's right part empty.
const minScale = 0.58

// tall is how many pages high a sheet of rows of that height (in points)
// prints on at minScale, its header row repeated on each, on paper of
// that number: A3, or the printer's own, A4 or Letter (A4's height, the
// smaller, is taken). Rows are not split across pages: a page is taken
// to hold a row less than it does.
func tall(height float64, paper int) int {
	page := 595.3 // A4, landscape
	if paper == paperA3 {
		page = 841.9
	}
	page -= 2 * 0.6 * 72 // the margins (pageSetup)
	room := page/minScale - headerHeight - 2*lineHeight
	n := int(math.Ceil(height / room))
	if n < 1 || n > 32767 { // Excel's most
		return max(min(n, 32767), 1)
	}
	return n
}

// A landscape A4 or Letter page holds about 190 columns (of the width of
// a digit) at 8-point type, fitted to its width; a table wider than that
// asks for A3, which holds 1.5 times as many: the Findings (about 350
// columns), Claims and Sources, which on Letter print in 4 to 6 points
// (the seed's, measured with LibreOffice), on A3 in 6.5 to 9. Fitting is
// done when the sheet is printed, so on other paper chosen in the print
// dialog the sheet still fits its width.
const (
	headerHeight = 2*lineHeight + 1
	pageCols     = 190
	paperA3      = 8 // the paper's number in SpreadsheetML
)

// paper is the paper a table prints on (0: the printer's own).
func (t *table) paper() int {
	w := 0.0
	for _, c := range t.widths {
		w += c
	}
	if w > pageCols {
		return paperA3
	}
	return 0
}

// part is one sheet of a table: records [lo, hi); the first linked of
// them carry their links, the rest none (Excel's limit of links a sheet).
type part struct {
	t      *table
	name   string
	num    int
	lo, hi int
	linked int
}

func partName(sheet string, part int) string {
	if part == 0 {
		return sheet
	}
	return fmt.Sprintf("%s (%d)", sheet, part+1)
}

// at is the cell of record i's row on a table's sheets, for a link.
func at(sheet string, i int) string { return string(link{sheet: sheet, i: i}.appendTo(nil)) }

// link is where a link goes: record i's row on a table's sheets, or an
// address outside the workbook.
type link struct {
	sheet string
	i     int
	url   string
}

func to(sheet string, i int) link { return link{sheet: sheet, i: i} }

// appendTo appends a link's place in the workbook, 'Claims'!A5, without
// making a string of it: a sheet of records has one or more a row.
func (l link) appendTo(b []byte) []byte {
	part, row := l.i/(maxRows-1), l.i%(maxRows-1)+2
	b = append(b, '\'')
	if part == 0 {
		b = append(b, l.sheet...)
	} else {
		b = append(b, partName(l.sheet, part)...)
	}
	b = append(b, "'!A"...)
	return strconv.AppendInt(b, int64(row), 10)
}

// split cuts a table into parts past Excel's row limit and counts the
// rows of each part that keep their links.
func (b *book) split(t *table) []*part {
	var out []*part
	per := maxRows - 1
	for k := 0; k == 0 || k*per < t.n; k++ {
		p := &part{t: t, name: partName(t.name, k), num: len(b.parts), lo: k * per, hi: min((k+1)*per, t.n)}
		if t.links != nil {
			total := 0
			for i := p.lo; i < p.hi; i++ {
				n := 0
				t.links(i, func(int, link) { n++ })
				if total+n > maxLinks {
					break
				}
				total += n
				p.linked++
			}
		}
		b.parts = append(b.parts, p)
		out = append(out, p)
	}
	return out
}

// skeleton makes a part's sheet in excelize with everything but its rows
// and links: page setup, frozen header, widths, the table, conditional
// formats and validations, and the placeholders bookZip fills.
func (b *book) skeleton(p *part) error {
	x, name, t := b.x, p.name, p.t
	rows := p.hi - p.lo
	if _, err := x.NewSheet(name); err != nil {
		return err
	}
	if err := b.pageSetup(name, 0, t.paper()); err != nil {
		return err
	}
	if err := x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	for i, w := range t.widths {
		if err := x.SetColWidth(name, t.refs[i], t.refs[i], w); err != nil {
			return err
		}
	}
	head := make([]any, len(t.header))
	for i, h := range t.header {
		head[i] = h
	}
	if err := x.SetSheetRow(name, "A1", &head); err != nil {
		return err
	}
	if err := x.SetCellStyle(name, "A1", t.lastCol()+"1", b.st.header); err != nil {
		return err
	}
	if err := x.SetRowHeight(name, 1, headerHeight); err != nil { // a long name wraps
		return err
	}
	if err := x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + name + "'!$1:$1", Scope: name}); err != nil {
		return err
	}
	// The table's columns and no more: a note that runs on past the last
	// would widen the page and shrink the print.
	if err := x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'" + name + "'!$A:$" + t.lastCol(), Scope: name}); err != nil {
		return err
	}
	if rows == 0 {
		return nil
	}
	if err := x.SetCellValue(name, "A2", p.num); err != nil {
		return err
	}
	if err := x.SetCellStyle(name, "A2", "A2", b.st.placeholder); err != nil {
		return err
	}
	table := &excelize.Table{Range: "A1:" + t.lastCol() + strconv.Itoa(rows+1), Name: tableName(name), StyleName: "TableStyleLight9"}
	if err := x.AddTable(name, table); err != nil {
		return err
	}
	if t.setup != nil {
		if err := t.setup(name, rows); err != nil {
			return err
		}
	}
	if p.linked > 0 {
		return x.SetCellHyperLink(name, "A1", "'"+name+"'!A1", "Location")
	}
	return nil
}

// pageSetup prints a sheet in landscape, as wide as the page and tall
// pages high (0: as many as it takes), on the paper of that number (0:
// the printer's), with its name and the page number in the margins.
func (b *book) pageSetup(name string, tall, paper int) error {
	x := b.x
	if err := x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	layout := &excelize.PageLayoutOptions{Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(tall)}
	if paper != 0 {
		layout.Size = ptr(paper)
	}
	if err := x.SetPageLayout(name, layout); err != nil {
		return err
	}
	if err := x.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.6),
		Bottom: ptr(0.6), Header: ptr(0.25), Footer: ptr(0.25)}); err != nil {
		return err
	}
	return x.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddHeader: `&L&"-,Bold"factsheet: &A`, OddFooter: `&L&F&RPage &P of &N`})
}

func tableName(sheet string) string {
	return strings.NewReplacer(" ", "", "(", "_", ")", "").Replace(sheet)
}

// placeholder finds a skeleton's placeholder row in a sheet's XML and the part it stands for.
func (b *book) placeholder(data []byte) (*part, [2]int, bool) {
	i := bytes.Index(data, []byte(`<row r="2"`))
	if i < 0 {
		return nil, [2]int{}, false
	}
	j := bytes.Index(data[i:], []byte(`</row>`))
	if j < 0 {
		return nil, [2]int{}, false
	}
	m := placeholderCell.FindSubmatch(data[i : i+j])
	if m == nil || string(m[1]) != strconv.Itoa(b.st.placeholder) {
		return nil, [2]int{}, false
	}
	n, err := strconv.Atoi(string(m[2]))
	if err != nil || n < 0 || n >= len(b.parts) {
		return nil, [2]int{}, false
	}
	return b.parts[n], [2]int{i, i + j + len(`</row>`)}, true
}

var placeholderCell = regexp.MustCompile(`<c r="A2" s="(\d+)"[^>]*><v>(\d+)</v></c>`)

// writeRows writes a part's rows, made in chunks on all cores and written
// in order, and returns how high they are, in points.
func (b *book) writeRows(w io.Writer, p *part) (float64, error) {
	const per = 256
	n := (p.hi - p.lo + per - 1) / per
	heights := make([]float64, n)
	err := ordered(n, func(k int) ([]byte, error) {
		lo := p.lo + k*per
		hi := min(lo+per, p.hi)
		rw := rowWriter{b: (*chunks.Get().(*[]byte))[:0], refs: p.t.refs, widths: p.t.widths, wrap: b.st.wrap, top: b.st.top,
			sourcesValid: b.sourcesValid, quoteLines: p.t.quoteLines}
		cur := cursors{}
		for i := lo; i < hi; i++ {
			rw.linked = i < p.lo+p.linked
			rw.start(i - p.lo + 2)
			p.t.row(&rw, cur, i)
			rw.end()
		}
		heights[k] = rw.height
		return rw.b, nil
	}, func(out []byte) error {
		_, err := w.Write(out)
		chunks.Put(&out)
		return err
	})
	total := 0.0
	for _, h := range heights {
		total += h
	}
	return total, err
}

// writeLinks writes a part's hyperlinks element and returns the external
// links' addresses, whose ids it numbered rIdL1, rIdL2, … .
func (b *book) writeLinks(w io.Writer, p *part) ([]string, error) {
	var urls []string
	buf := []byte(`<hyperlinks>`)
	var row []byte
	for i := p.lo; i < p.lo+p.linked; i++ {
		row = strconv.AppendInt(row[:0], int64(i-p.lo+2), 10)
		p.t.links(i, func(col int, to link) {
			buf = append(buf, `<hyperlink ref="`...)
			buf = append(buf, p.t.refs[col]...)
			buf = append(buf, row...)
			if to.url != "" {
				urls = append(urls, to.url)
				buf = append(buf, `" r:id="rIdL`...)
				buf = strconv.AppendInt(buf, int64(len(urls)), 10)
			} else {
				buf = append(buf, `" location="`...)
				buf = to.appendTo(buf)
			}
			buf = append(buf, `"/>`...)
		})
		if len(buf) > 1<<20 {
			if _, err := w.Write(buf); err != nil {
				return nil, err
			}
			buf = buf[:0]
		}
	}
	buf = append(buf, `</hyperlinks>`...)
	_, err := w.Write(buf)
	return urls, err
}

// linkStyle is the style of a cell that carries a link in a linked row.
func (b *book) linkStyle(w *rowWriter) int {
	if w.linked {
		return b.st.link
	}
	return 0
}

// where is a claim's place for a reader: file:line, the file by its name
// (its path is on the Claims and Sources sheets).
func where(c *pipeline.Claim) string {
	return filepath.Base(c.File()) + ":" + strconv.Itoa(int(c.Line))
}

func severity(status string) string {
	switch status {
	case pipeline.Inconsistent:
		return "error"
	case pipeline.Unverifiable:
		return "warning"
	}
	return "info"
}

// Verdict columns, the same on the Findings and the Claims sheets, and
// the verdicts each offers in its drop-down.
var (
	verdictCols     = []column{{"Verdict", 14}, {"Reviewer", 10}, {"Note", 16}, {"Checked on", 10}}
	findingVerdicts = []string{"confirmed error", "false alarm", "needs source", "fixed"}
	claimVerdicts   = []string{"confirmed", "wrong", "unclear"}
)

func (b *book) verdictCells(w *rowWriter, id string) {
	v, ok := pipeline.Verdict{}, false
	if b.r.Verdicts != nil {
		v, ok = b.r.Verdicts.Carried[id]
	}
	if !ok {
		w.skip()
		w.skip()
		w.skip()
		w.skip()
		return
	}
	w.str(v.Verdict, 0)
	w.str(v.Reviewer, 0)
	w.str(v.Note, b.st.wrap)
	b.dateCell(w, v.CheckedOn)
}

// dateCell writes a date as a date cell, or as the text it was written in.
func (b *book) dateCell(w *rowWriter, s string) {
	if serial, ok := dateSerial(s); ok {
		w.num(serial, b.st.date)
		return
	}
	w.str(s, 0)
}

// verdictSetup gives a part's verdict column its drop-down and its date
// column a date check, each with an error alert, and highlights the rows
// whose status is inconsistent.
func (b *book) verdictSetup(t *table, verdicts []string) func(name string, rows int) error {
	return func(name string, rows int) error {
		if err := b.highlight(t, name, rows); err != nil {
			return err
		}
		last := strconv.Itoa(rows + 1)
		vc, dc := t.refs[t.col("Verdict")], t.refs[t.col("Checked on")]
		dv := excelize.NewDataValidation(true)
		dv.Sqref = vc + "2:" + vc + last
		if err := dv.SetDropList(verdicts); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Verdict", "Choose one of: "+strings.Join(verdicts, ", ")+".")
		if err := b.x.AddDataValidation(name, dv); err != nil {
			return err
		}
		dd := excelize.NewDataValidation(true)
		dd.Sqref = dc + "2:" + dc + last
		if err := dd.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dd.SetError(excelize.DataValidationErrorStyleStop, "Checked on", "Enter a date, such as 2025-03-01.")
		return b.x.AddDataValidation(name, dd)
	}
}

// highlight marks the rows of a part whose Status column says inconsistent.
func (b *book) highlight(t *table, name string, rows int) error {
	rng := "A2:" + t.lastCol() + strconv.Itoa(rows+1)
	return b.x.SetConditionalFormat(name, rng, []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: fmt.Sprintf(`$%s2="%s"`, t.refs[t.col("Status")], pipeline.Inconsistent), Format: &b.st.bad}})
}

// The lines a quote fills on the Findings sheet: a finding to judge
// (inconsistent, unverifiable) gives its figures' words room, one that
// agrees is seen at a glance.
const (
	problemLines = 4
	agreedLines  = 2
)

const (
	findingSheet      = "Findings"
	findingClaimSheet = "Finding claims"
	claimSheet        = "Claims"
	sourceSheet       = "Sources"
	ruleSheet         = "Rules"
	lostSheet         = "Lost verdicts"
	summarySheet      = "Summary"
)

func (b *book) findingTable() *table {
	cols := []column{{"ID", 13}, {"Status", 11}, {"Severity", 8}, {"Kind", 10}, {"Subject", 12}, {"Metric", 14}, {"Period", 8}}
	for _, s := range []string{"A", "B"} {
		cols = append(cols, column{s + ": figure", 10}, column{s + ": value", 10}, column{s + ": quote", 30}, column{s + ": where", 15})
	}
	cols = append(cols, column{"Expected", 11}, column{"Expected min", 11}, column{"Expected max", 11}, column{"Deviation", 9},
		column{"Rule", 12}, column{"Claims", 7}, column{"Message", 45})
	cols = append(cols, verdictCols...)
	t := b.newTable(findingSheet, len(b.r.Findings), cols)
	whereA, whereB, nClaims := t.col("A: where"), t.col("B: where"), t.col("Claims")
	t.row = b.findingRow
	t.links = func(p int, add func(int, link)) {
		i := b.ix.order[p]
		for n, k := range b.ix.pairs[i] {
			if k >= 0 {
				if s := b.ix.claimSrc[k]; s >= 0 {
					add([]int{whereA, whereB}[n], to(sourceSheet, int(s)))
				}
			}
		}
		if b.ix.rowFirst[p+1] > b.ix.rowFirst[p] {
			add(nClaims, to(findingClaimSheet, int(b.ix.rowFirst[p])))
		}
	}
	t.setup = b.verdictSetup(t, findingVerdicts)
	return t
}

func (b *book) findingRow(w *rowWriter, cur cursors, p int) {
	i := b.ix.order[p]
	f := &b.r.Findings[i]
	pair := b.ix.pairs[i]
	w.quoteLines = problemLines
	if f.Status == pipeline.Consistent {
		w.quoteLines = agreedLines
	}
	w.str(f.ID, 0)
	w.str(f.Status, 0)
	w.str(severity(f.Status), 0)
	w.str(f.Kind, 0)
	if pair[0] >= 0 {
		c := &b.r.Claims[pair[0]]
		w.str(c.Subject(), b.st.wrap)
		w.str(c.Metric(), b.st.wrap)
		w.str(c.Period(), 0)
	} else {
		w.skip()
		w.skip()
		w.skip()
	}
	for _, k := range pair {
		b.figureCells(w, cur, k)
	}
	b.expectedCells(w, f)
	w.optNum(f.Deviation, b.st.percent)
	w.str(f.Rule, 0)
	style := 0
	if b.ix.rowFirst[p+1] > b.ix.rowFirst[p] {
		style = b.linkStyle(w)
	}
	w.int(int(b.ix.fcFirst[p+1]-b.ix.fcFirst[p]), style)
	w.str(f.Message, b.st.wrap)
	b.verdictCells(w, f.ID)
}

// figureCells writes a claim's figure, its value for reading, its quote
// and its place in the file (a link to its source's row).
func (b *book) figureCells(w *rowWriter, cur cursors, k int32) {
	if k < 0 {
		w.skip()
		w.skip()
		w.skip()
		w.skip()
		return
	}
	c := &b.r.Claims[k]
	w.str(c.Text, b.st.wrap)
	b.st.value(w, c.Value, showFor(c.Value, c.Unit(), c.Kind()))
	b.quoteCell(w, cur, int(k), w.quoteLines)
	w.str(where(c), b.linkStyle(w))
}

// quoteCell writes a claim's quote, cut to fill lines lines of its column.
func (b *book) quoteCell(w *rowWriter, cur cursors, k, lines int) {
	c := &b.r.Claims[k]
	s := b.ix.claimSrc[k]
	if s < 0 {
		w.skip()
		return
	}
	w.rich(w.fitQuote(cur.of(s, b.r.Sources[s].Text), c.Start, c.End, lines), b.st.wrap)
}

// expectedCells writes what the check expected of the tested figure, in
// the units the figure is read in.
func (b *book) expectedCells(w *rowWriter, f *pipeline.Finding) {
	e := f.Expected
	if e == nil {
		w.skip()
		w.skip()
		w.skip()
		return
	}
	show := b.expectedShow(e)
	b.st.value(w, e.Value, show)
	for _, v := range []*float64{e.Min, e.Max} {
		if v == nil {
			w.skip()
		} else {
			b.st.value(w, *v, show)
		}
	}
}

func (b *book) expectedShow(e *pipeline.Expected) unitShow {
	kind := ""
	if k, ok := b.ix.claimAt[e.Claim]; ok {
		kind = b.r.Claims[k].Kind()
	}
	return showFor(e.Value, e.Unit, kind)
}

func (b *book) findingClaimTable() *table {
	t := b.newTable(findingClaimSheet, b.ix.rows(), []column{{"Finding", 13}, {"Status", 11}, {"Kind", 10},
		{"Side", 5}, {"Claim", 13}, {"Where", 16}, {"Figure", 18}, {"Value", 10}, {"Quote", 130}})
	t.quoteLines = 1
	fc, cc := t.col("Finding"), t.col("Claim")
	t.row = func(w *rowWriter, cur cursors, j int) {
		p, k := b.ix.row(j)
		i := b.ix.order[p]
		f, c := &b.r.Findings[i], &b.r.Claims[k]
		w.str(f.ID, b.linkStyle(w))
		w.str(f.Status, 0)
		w.str(f.Kind, 0)
		switch k {
		case b.ix.pairs[i][0]:
			w.str("A", 0)
		case b.ix.pairs[i][1]:
			w.str("B", 0)
		default:
			w.skip()
		}
		w.str(c.ID(), b.linkStyle(w))
		w.str(where(c), 0)
		w.str(c.Text, b.st.wrap)
		b.st.value(w, c.Value, showFor(c.Value, c.Unit(), c.Kind()))
		b.quoteCell(w, cur, int(k), w.quoteLines)
	}
	t.links = func(j int, add func(int, link)) {
		p, k := b.ix.row(j)
		add(fc, to(findingSheet, p))
		add(cc, to(claimSheet, int(k)))
	}
	t.setup = func(name string, rows int) error { return b.highlight(t, name, rows) }
	return t
}

func (b *book) claimTable() *table {
	cols := []column{{"ID", 13}, {"File", 16}, {"Line", 5}, {"Col", 4}, {"Figure", 15}, {"Value", 10},
		{"Canonical value", 11}, {"Unit", 6}, {"Min", 9}, {"Max", 9}, {"Qualifier", 9}, {"Kind", 10},
		{"Subject", 16}, {"Metric", 26}, {"Period", 8}, {"Rule", 12}, {"Status", 11}, {"Findings", 13},
		{"Source", 13}, {"Quote", 85}}
	t := b.newTable(claimSheet, len(b.r.Claims), append(cols, verdictCols...))
	t.quoteLines = 1
	src := t.col("Source")
	t.row = b.claimRow
	t.links = func(k int, add func(int, link)) {
		if s := b.ix.claimSrc[k]; s >= 0 {
			add(src, to(sourceSheet, int(s)))
		}
	}
	t.setup = b.verdictSetup(t, claimVerdicts)
	return t
}

func (b *book) claimRow(w *rowWriter, cur cursors, k int) {
	c := &b.r.Claims[k]
	w.str(c.ID(), 0)
	w.str(c.File(), 0)
	w.int(int(c.Line), 0)
	w.int(int(c.Col), 0)
	w.str(c.Text, b.st.wrap)
	b.st.value(w, c.Value, showFor(c.Value, c.Unit(), c.Kind()))
	w.num(c.Value, b.st.number)
	w.str(c.Unit(), 0)
	w.optNum(c.Min, b.st.number)
	w.optNum(c.Max, b.st.number)
	w.str(c.Qualifier(), b.st.wrap)
	w.str(c.Kind(), 0)
	w.str(c.Subject(), b.st.wrap)
	w.str(c.Metric(), b.st.wrap)
	w.str(c.Period(), 0)
	w.str(c.Rule(), 0)
	w.str(statusName[b.ix.status[k]], 0)
	w.str(b.findingIDs(k), b.st.wrap)
	if b.ix.claimSrc[k] >= 0 {
		w.str(c.Source(), b.linkStyle(w))
	} else {
		w.str(c.Source(), 0)
	}
	b.quoteCell(w, cur, k, w.quoteLines)
	b.verdictCells(w, c.ID())
}

// findingIDs lists a claim's findings, worst first, one a line.
func (b *book) findingIDs(k int) string {
	fs := b.ix.findingsOf(k)
	switch len(fs) {
	case 0:
		return ""
	case 1:
		return b.r.Findings[fs[0]].ID
	}
	ids := make([]string, len(fs))
	for n, i := range fs {
		ids[n] = b.r.Findings[i].ID
	}
	return strings.Join(ids, "\n") // one a line: a spreadsheet breaks an id at its hyphen
}

func (b *book) sourceTable() *table {
	t := b.newTable(sourceSheet, len(b.r.Sources), []column{{"ID", 13}, {"File", 16}, {"Line", 5}, {"Role", 6},
		{"Language", 8}, {"Title", 16}, {"Author", 12}, {"URL", 20}, {"Location", 10}, {"Date", 11}, {"Tags", 10},
		{"Format", 9}, {"Note of", 12}, {"Duplicate of", 12}, {"Claims", 7}, {"Inconsistent", 10}, {"Text", 140}})
	uc, nc := t.col("URL"), t.col("Note of")
	t.row = func(w *rowWriter, _ cursors, i int) {
		s := &b.r.Sources[i]
		w.str(s.ID(), 0)
		w.str(s.File(), 0)
		w.int(int(s.Line), 0)
		w.str(s.Role(), 0)
		w.str(s.Lang(), 0)
		w.str(str(s.Title()), b.st.wrap)
		w.str(s.Author(), 0)
		if _, ok := linkURL(str(s.URL())); ok {
			w.str(str(s.URL()), b.linkStyle(w))
		} else {
			w.str(str(s.URL()), 0)
		}
		w.str(s.Location(), 0)
		w.str(s.Date(), 0)
		w.str(s.Tags(), 0)
		w.str(s.Format(), 0)
		w.str(str(s.NoteOf), b.linkStyle(w))
		w.str(str(s.DuplicateOf), 0)
		w.int(int(b.ix.srcClaims[i]), 0)
		w.int(int(b.ix.srcBad[i]), 0)
		w.sourceText(s.Text, b.st.wrap)
	}
	t.links = func(i int, add func(int, link)) {
		s := &b.r.Sources[i]
		if u, ok := linkURL(str(s.URL())); ok {
			add(uc, link{url: u})
		}
		if s.NoteOf != nil {
			if k, ok := b.ix.sourceAt[*s.NoteOf]; ok {
				add(nc, to(sourceSheet, int(k)))
			}
		}
	}
	return t
}

// linkURL is the address a source's URL links to: web and mail addresses
// that parse, short enough for Excel; any other stays text.
func linkURL(s string) (string, bool) {
	if s == "" || len(s) > 2000 {
		return "", false
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" && u.Scheme != "mailto" {
		return "", false
	}
	switch u.Scheme {
	case "http", "https", "ftp", "mailto":
		return u.String(), true
	}
	return "", false
}

// ruleTable lists the rules that made a claim, in the order they ran: the
// sheet says what a claim's rule is; `factsheet rules list` lists them all.
func (b *book) ruleTable() *table {
	var used []int
	for i := range b.r.Rules {
		if b.r.Rules[i].Claims > 0 {
			used = append(used, i)
		}
	}
	b.unusedRules = len(b.r.Rules) - len(used)
	t := b.newTable(ruleSheet, len(used), []column{{"ID", 24}, {"Type", 12}, {"Description", 90}, {"Claims", 9}})
	t.row = func(w *rowWriter, _ cursors, i int) {
		u := &b.r.Rules[used[i]]
		w.str(u.ID, 0)
		w.str(u.Type, 0)
		w.str(u.Description, b.st.wrap)
		w.int(u.Claims, 0)
	}
	return t
}

func (b *book) lostTable() *table {
	lost := b.r.Verdicts.Lost
	t := b.newTable(lostSheet, len(lost), []column{{"Of", 8}, {"Old ID", 13}, {"Where", 18}, {"Old text", 40},
		{"Verdict", 16}, {"Reviewer", 12}, {"Note", 30}, {"Checked on", 11}, {"Why", 40}})
	t.row = func(w *rowWriter, _ cursors, i int) {
		v := &lost[i]
		w.str(v.Of, 0)
		w.str(v.ID, 0)
		w.str(v.Where, 0)
		w.str(v.Text, b.st.wrap)
		w.str(v.Verdict, 0)
		w.str(v.Reviewer, 0)
		w.str(v.Note, b.st.wrap)
		b.dateCell(w, v.CheckedOn)
		w.str(v.Why, b.st.wrap)
	}
	return t
}

// prepareStyles makes the number format of every readable value the sheets show.
func (b *book) prepareStyles() error {
	s := b.st
	for i := range b.r.Claims {
		c := &b.r.Claims[i]
		if err := s.add(readable(c.Value, showFor(c.Value, c.Unit(), c.Kind()))); err != nil {
			return err
		}
	}
	for i := range b.r.Findings {
		e := b.r.Findings[i].Expected
		if e == nil {
			continue
		}
		show := b.expectedShow(e)
		for _, v := range []*float64{&e.Value, e.Min, e.Max} {
			if v != nil {
				if err := s.add(readable(*v, show)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
