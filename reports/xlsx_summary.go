package reports

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// summary writes the first sheet: the inputs, the counts by kind, unit and
// language, the inconsistent findings, and a chart of claims per metric.
// It is small, so it is written cell by cell.
func (b *book) summary() error {
	const name = "Summary"
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 34, "B": 110, "H": 30, "I": 9} {
		if err := b.x.SetColWidth(name, col, col, width); err != nil {
			return err
		}
	}
	w := &cells{x: b.x, sheet: name, row: 1}
	w.put(excelize.Cell{StyleID: b.st.title, Value: "factsheet"})
	w.row++
	w.section(b.st.header, "Inputs", "Sources")
	perFile := map[string]int{}
	for _, s := range b.r.Sources {
		perFile[s.File]++
	}
	for _, f := range inputFiles(b.r) {
		w.put(f, perFile[f])
	}
	w.row++
	w.put("Sources", len(b.r.Sources))
	w.put("Claims", len(b.r.Claims))
	w.put("Findings", len(b.r.Findings))
	w.put("Inconsistent findings", countStatus(b.r.Findings, "inconsistent"))
	w.row++
	if err := b.inconsistent(w); err != nil {
		return err
	}
	b.counts(w)
	if err := w.err; err != nil {
		return err
	}
	return b.chart(name)
}

func (b *book) inconsistent(w *cells) error {
	w.section(b.st.header, "Inconsistent finding", "Message")
	for _, f := range b.r.Findings {
		if f.Status != "inconsistent" {
			continue
		}
		cell := w.put(f.ID, excelize.Cell{StyleID: b.st.wrap, Value: clip(f.Message)})
		if err := b.x.SetCellHyperLink(w.sheet, cell, fmt.Sprintf("'Findings'!A%d", findingRow(b, f.ID)), "Location"); err != nil {
			return err
		}
	}
	w.row++
	return nil
}

func findingRow(b *book, id string) int {
	for i, f := range b.r.Findings {
		if f.ID == id {
			return i + 2
		}
	}
	return 1
}

func (b *book) counts(w *cells) {
	lang := map[string]string{}
	for _, s := range b.r.Sources {
		lang[s.ID] = s.Lang
	}
	byKind, byUnit, byLang := map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range b.r.Claims {
		byKind[c.Kind]++
		byUnit[unitName(c.Unit)]++
		byLang[lang[c.Source]]++
	}
	for _, t := range []struct {
		title string
		m     map[string]int
	}{{"Kind", byKind}, {"Unit", byUnit}, {"Language", byLang}} {
		w.section(b.st.header, t.title, "Claims")
		for _, kv := range sortedCounts(t.m) {
			w.put(kv[0], kv[1])
		}
		w.row++
	}
}

func unitName(u string) string {
	if u == "" {
		return "(count)"
	}
	return u
}

// chart draws claims per metric (the ten most claimed) from a small table
// written beside the summary.
func (b *book) chart(name string) error {
	per := map[string]int{}
	for _, c := range b.r.Claims {
		if c.Metric != "" {
			per[c.Metric]++
		}
	}
	top := sortedCounts(per)
	if len(top) > 10 {
		top = top[:10]
	}
	if len(top) == 0 {
		return nil
	}
	w := &cells{x: b.x, sheet: name, row: 1, col: 8}
	w.section(b.st.header, "Metric", "Claims")
	for _, kv := range top {
		w.put(kv[0], kv[1])
	}
	if w.err != nil {
		return w.err
	}
	last := strconv.Itoa(len(top) + 1)
	return b.x.AddChart(name, "K14", &excelize.Chart{
		Type:      excelize.Bar,
		Series:    []excelize.ChartSeries{{Name: "Summary!$I$1", Categories: "Summary!$H$2:$H$" + last, Values: "Summary!$I$2:$I$" + last}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Claims per metric"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 560, Height: 320},
	})
}

func countStatus(fs []pipeline.Finding, status string) int {
	n := 0
	for _, f := range fs {
		if f.Status == status {
			n++
		}
	}
	return n
}

// cells writes rows of values down a sheet from a column, remembering the
// first error.
type cells struct {
	x     *excelize.File
	sheet string
	row   int
	col   int // 0 means column A
	err   error
}

// put writes one row and returns the cell of its first value. A Cell value
// carries a style, which cell-by-cell writing sets apart from the value.
func (w *cells) put(values ...any) string {
	first, _ := excelize.CoordinatesToCellName(max(w.col, 1), w.row)
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(max(w.col, 1)+i, w.row)
		if c, ok := v.(excelize.Cell); ok {
			v = c.Value
			w.set(w.x.SetCellStyle(w.sheet, cell, cell, c.StyleID))
		}
		w.set(w.x.SetCellValue(w.sheet, cell, v))
	}
	w.row++
	return first
}

func (w *cells) set(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *cells) section(style int, titles ...string) {
	row := make([]any, len(titles))
	for i, t := range titles {
		row[i] = excelize.Cell{StyleID: style, Value: t}
	}
	w.put(row...)
}
