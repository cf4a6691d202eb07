package reports

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/pipeline"
)

// summary writes the first sheet, a dashboard that prints on a page or
// two: counts beside their labels and the inputs on the left; findings by
// kind and status, as a table and a chart of the ones that need a look,
// and the sources with the most inconsistent findings on the right; then
// the first inconsistent findings and what the workbook had to leave out.
// It is small, so it is written cell by cell.
func (b *book) summary() error {
	const name = summarySheet
	if err := b.pageSetup(name, 1, 0); err != nil { // a dashboard: one page
		return err
	}
	for col, width := range summaryWidths {
		if err := b.x.SetColWidth(name, col, col, width); err != nil {
			return err
		}
	}
	s := &sheetCells{x: b.x, sheet: name}
	s.set("A1", fmt.Sprintf("factsheet %s", factsheet.Version), b.st.title)
	left := b.counts(s, 3)
	left = b.inputs(s, left+1)
	left = b.claimsBy(s, left+1)
	right, err := b.byKind(s, 3)
	if err != nil {
		return err
	}
	right = b.topSources(s, right+1)
	row := b.firstInconsistent(s, max(left, right)+1)
	row = b.notes(s, row+1)
	// The print area ends at the last column: text that runs on past
	// it into empty cells would widen the page and shrink the print.
	if s.err == nil {
		s.err = b.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
			RefersTo: fmt.Sprintf("'%s'!$A$1:$I$%d", name, row-1), Scope: name})
	}
	return s.err
}

// summaryWidths are the Summary's columns: labels and counts, a gap,
// then the tables on the right, whose last column takes the texts.
var summaryWidths = map[string]float64{"A": 36, "B": 11, "C": 3, "D": 22, "E": 12, "F": 12, "G": 12, "H": 12, "I": 30}

// widthFrom is the width of the Summary's columns from col to its last.
func widthFrom(col string) float64 {
	w := 0.0
	for c, cw := range summaryWidths {
		if c >= col {
			w += cw
		}
	}
	return w
}

// sheetCells writes cells of one sheet, remembering the first error.
type sheetCells struct {
	x     *excelize.File
	sheet string
	err   error
}

func (s *sheetCells) set(cell string, v any, style int) {
	if s.err != nil {
		return
	}
	if s.err = s.x.SetCellValue(s.sheet, cell, v); s.err == nil && style != 0 {
		s.err = s.x.SetCellStyle(s.sheet, cell, cell, style)
	}
}

// row writes values from a column along a row.
func (s *sheetCells) row(col string, row int, style int, values ...any) {
	c, _ := excelize.ColumnNameToNumber(col)
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(c+i, row)
		s.set(cell, v, style)
	}
}

func (s *sheetCells) link(cell, to string) {
	if s.err == nil {
		s.err = s.x.SetCellHyperLink(s.sheet, cell, to, "Location")
	}
}

func cellAt(col string, row int) string { return col + strconv.Itoa(row) }

func (b *book) counts(s *sheetCells, row int) int {
	s.set(cellAt("A", row), "Counts", b.st.section)
	row++
	bad := countStatus(b.r.Findings, pipeline.Inconsistent)
	lines := []countLine{
		{"Sources", len(b.r.Sources), at(sourceSheet, 0)},
		{"Claims", len(b.r.Claims), at(claimSheet, 0)},
		{"Findings", len(b.r.Findings), at(findingSheet, 0)},
		{"  inconsistent", bad, at(findingSheet, 0)},
		{"  unverifiable", countStatus(b.r.Findings, pipeline.Unverifiable), at(findingSheet, bad)},
		{"  consistent", countStatus(b.r.Findings, pipeline.Consistent), ""},
	}
	if v := b.r.Verdicts; v != nil {
		lines = append(lines, countLine{"Verdicts carried", len(v.Carried), ""}, countLine{"Verdicts lost", len(v.Lost), lostLink(v)})
	}
	for _, l := range lines {
		s.set(cellAt("A", row), l.label, 0)
		s.set(cellAt("B", row), l.n, b.st.count)
		if l.to != "" && l.n > 0 {
			s.link(cellAt("A", row), l.to)
			s.set(cellAt("A", row), l.label, b.st.link)
		}
		row++
	}
	return row
}

type countLine struct {
	label string
	n     int
	to    string // where the label links
}

func lostLink(v *pipeline.Verdicts) string {
	if len(v.Lost) == 0 {
		return ""
	}
	return at(lostSheet, 0)
}

func countStatus(fs []pipeline.Finding, status string) int {
	n := 0
	for i := range fs {
		if fs[i].Status == status {
			n++
		}
	}
	return n
}

func (b *book) inputs(s *sheetCells, row int) int {
	s.set(cellAt("A", row), "Inputs", b.st.section)
	row++
	s.row("A", row, b.st.header, "File", "Sources")
	row++
	per := map[string]int{}
	for i := range b.r.Sources {
		per[b.r.Sources[i].File()]++
	}
	files := inputFiles(b.r)
	for n, f := range files {
		if n == 20 {
			s.set(cellAt("A", row), fmt.Sprintf("and %d more files", len(files)-20), 0)
			row++
			break
		}
		s.set(cellAt("A", row), f, 0)
		s.set(cellAt("B", row), per[f], b.st.count)
		row++
	}
	return row
}

func (b *book) claimsBy(s *sheetCells, row int) int {
	lang := func(k int) string {
		if src := b.ix.claimSrc[k]; src >= 0 {
			return b.r.Sources[src].Lang()
		}
		return ""
	}
	byKind, byLang := map[string]int{}, map[string]int{}
	for k := range b.r.Claims {
		byKind[b.r.Claims[k].Kind()]++
		byLang[lang(k)]++
	}
	for _, t := range []struct {
		title string
		m     map[string]int
	}{{"Claims by kind", byKind}, {"Claims by language", byLang}} {
		s.set(cellAt("A", row), t.title, b.st.section)
		row++
		for n, kv := range sortedCounts(t.m) {
			if n == 12 {
				break
			}
			s.set(cellAt("A", row), kv[0], 0)
			s.set(cellAt("B", row), kv[1], b.st.count)
			row++
		}
		row++
	}
	return row
}

// byKind writes the findings by kind and status and charts the ones that
// need a look: inconsistent and unverifiable.
func (b *book) byKind(s *sheetCells, row int) (int, error) {
	s.set(cellAt("D", row), "Findings by kind and status", b.st.section)
	row++
	type counts struct{ bad, unv, ok int }
	per := map[string]*counts{}
	for i := range b.r.Findings {
		f := &b.r.Findings[i]
		c := per[f.Kind]
		if c == nil {
			c = &counts{}
			per[f.Kind] = c
		}
		switch f.Status {
		case pipeline.Inconsistent:
			c.bad++
		case pipeline.Unverifiable:
			c.unv++
		case pipeline.Consistent:
			c.ok++
		}
	}
	kinds := make([]string, 0, len(per))
	for k := range per {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		a, c := per[kinds[i]], per[kinds[j]]
		if a.bad != c.bad {
			return a.bad > c.bad
		}
		if a.unv != c.unv {
			return a.unv > c.unv
		}
		return kinds[i] < kinds[j]
	})
	head := row
	s.row("D", row, b.st.header, "Kind", "Inconsistent", "Unverifiable", "Consistent", "Total")
	row++
	for _, k := range kinds {
		c := per[k]
		s.set(cellAt("D", row), k, 0)
		s.row("E", row, b.st.count, c.bad, c.unv, c.ok, c.bad+c.unv+c.ok)
		row++
	}
	if len(kinds) == 0 {
		s.set(cellAt("D", row), "No findings.", 0)
		return row + 1, nil
	}
	first, last := strconv.Itoa(head+1), strconv.Itoa(row-1)
	series := func(col, color string) excelize.ChartSeries {
		return excelize.ChartSeries{Name: "Summary!$" + col + "$" + strconv.Itoa(head),
			Categories: "Summary!$D$" + first + ":$D$" + last, Values: "Summary!$" + col + "$" + first + ":$" + col + "$" + last,
			Fill: excelize.Fill{Type: "pattern", Color: []string{color}, Pattern: 1}}
	}
	most := 0
	for _, c := range per {
		most = max(most, c.bad+c.unv)
	}
	height := 60 + 28*len(kinds)
	err := b.x.AddChart(summarySheet, cellAt("D", row+1), &excelize.Chart{
		Type:   excelize.BarStacked,
		Series: []excelize.ChartSeries{series("E", "#C00000"), series("F", "#F4B183")},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Findings that need a look, by kind"}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		XAxis:  excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 10, Color: "#000000"}},
		YAxis: excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "#404040"}, MajorGridLines: true,
			MajorUnit: math.Max(1, math.Ceil(float64(most)/8))}, // counts: whole steps
		Dimension: excelize.ChartDimension{Width: 640, Height: uint(height)},
	})
	return row + 2 + (height+19)/20, err
}

// topSources lists the sources with the most inconsistent findings.
func (b *book) topSources(s *sheetCells, row int) int {
	var top []int
	for i, n := range b.ix.srcBad {
		if n > 0 {
			top = append(top, i)
		}
	}
	sort.SliceStable(top, func(i, j int) bool { return b.ix.srcBad[top[i]] > b.ix.srcBad[top[j]] })
	s.set(cellAt("D", row), "Sources with the most inconsistent findings", b.st.section)
	row++
	if len(top) == 0 {
		s.set(cellAt("D", row), "None.", 0)
		return row + 1
	}
	s.row("D", row, b.st.header, "Where", "Inconsistent", "Source", "Text")
	row++
	for _, i := range top[:min(len(top), 10)] {
		src := &b.r.Sources[i]
		s.set(cellAt("D", row), filepath.Base(src.File())+":"+strconv.Itoa(int(src.Line)), b.st.link)
		s.link(cellAt("D", row), at(sourceSheet, i))
		s.set(cellAt("E", row), int(b.ix.srcBad[i]), b.st.count)
		s.set(cellAt("F", row), src.ID(), 0)
		s.set(cellAt("G", row), fitIn(src.Text, widthFrom("G")), 0)
		row++
	}
	return row
}

// fitIn cuts a text to a line of the dashboard as wide as cols columns,
// measured as rowWriter.fit measures (a CJK character is two columns), so
// that no line runs past the page. That measure is near enough to count
// lines; a line is cut a sixth short, since it is cut, not wrapped.
func fitIn(s string, cols float64) string {
	s = strings.Join(strings.Fields(s), " ")
	room := (int(cols*20)-30)*5/6 - 2*int(byteWidth['.']) // the cell's margin, and "…"
	at := 0
	for i := 0; i < len(s); i++ {
		at += int(byteWidth[s[i]])
		if at > room {
			for i > 0 && !utf8.RuneStart(s[i]) {
				i--
			}
			return s[:i] + "…"
		}
	}
	return s
}

// firstInconsistent lists the first ten inconsistent findings, linked to
// their rows.
func (b *book) firstInconsistent(s *sheetCells, row int) int {
	s.set(cellAt("A", row), "Inconsistent findings", b.st.section)
	row++
	bad := countStatus(b.r.Findings, pipeline.Inconsistent)
	if bad == 0 {
		s.set(cellAt("A", row), "None.", 0)
		return row + 1
	}
	s.row("A", row, b.st.header, "Finding", "Kind")
	s.set(cellAt("D", row), "Message", b.st.header)
	row++
	for p := 0; p < min(bad, 10); p++ {
		f := &b.r.Findings[b.ix.order[p]]
		s.set(cellAt("A", row), f.ID, b.st.link)
		s.link(cellAt("A", row), at(findingSheet, p))
		s.set(cellAt("B", row), f.Kind, 0)
		s.set(cellAt("D", row), fitIn(f.Message, widthFrom("D")), 0)
		row++
	}
	if bad > 10 {
		s.set(cellAt("A", row), fmt.Sprintf("and %d more on the Findings sheet", bad-10), 0)
		row++
	}
	return row
}

// notes says what the workbook had to leave out or split: rows past a
// sheet's limit, links past Excel's limit, cut cells, lost verdicts.
func (b *book) notes(s *sheetCells, row int) int {
	s.set(cellAt("A", row), "Notes", b.st.section)
	row++
	var notes []string
	parts := map[string][]string{}
	for _, p := range b.parts {
		parts[p.t.name] = append(parts[p.t.name], p.name)
		if p.t.links != nil && p.lo+p.linked < p.hi {
			notes = append(notes, fmt.Sprintf("%s: links stop after row %d (Excel takes %d links a sheet); the rows below have none.",
				p.name, p.linked+1, maxLinks))
		}
	}
	for _, t := range []*table{b.findings, b.findingClaims, b.claims, b.sources} {
		if names := parts[t.name]; len(names) > 1 {
			notes = append(notes, fmt.Sprintf("%s goes on in %s (Excel takes %d rows a sheet).",
				t.name, strings.Join(names[1:], ", "), maxRows))
		}
	}
	if n := b.cutTexts(); n > 0 {
		notes = append(notes, fmt.Sprintf("%d source texts are longer than a cell holds (%d characters) and are cut on the Sources sheet; factsheet.json keeps them whole.", n, maxCell))
	}
	if v := b.r.Verdicts; v != nil && len(v.Lost) > 0 {
		notes = append(notes, fmt.Sprintf("%d verdicts of the earlier review could not be carried: see the %s sheet.", len(v.Lost), lostSheet))
	}
	if len(notes) == 0 {
		notes = append(notes, "Every record and link is in the workbook.")
	}
	if b.unusedRules > 0 {
		notes = append(notes, fmt.Sprintf("The Rules sheet lists the rules that made a claim; %d more ran and made none (factsheet rules list lists them all).", b.unusedRules))
	}
	for _, n := range notes {
		s.set(cellAt("A", row), n, 0)
		row++
	}
	return row
}

func (b *book) cutTexts() int {
	n := 0
	for i := range b.r.Sources {
		if t := b.r.Sources[i].Text; len(t) > maxCell && len([]rune(t)) > maxCell {
			n++
		}
	}
	return n
}
