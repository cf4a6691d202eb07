package reports

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles the sheets share, made once per workbook,
// before any row is written: rows are written while excelize writes the
// file, when it can no longer make a style.
type styles struct {
	x           *excelize.File
	header      int
	wrap        int
	top         int
	link        int
	number      int // a canonical value: General
	count       int
	percent     int // a deviation: 0.0%
	date        int
	title       int
	section     int
	placeholder int // marks the placeholder row of a sheet skeleton (xlsx_zip.go)
	bad         int // conditional: a row with an inconsistent finding
	readable    map[numFmt]int
}

func newStyles(x *excelize.File) (*styles, error) {
	s := &styles{x: x, readable: map[numFmt]int{}}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Color: []string{c}, Pattern: 1} }
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Bold: true}, Fill: fill("#DDEBF7"),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.top, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.link, excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: "#1F4E79", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.number, excelize.Style{NumFmt: 0, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.count, excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.percent, excelize.Style{CustomNumFmt: ptr(`0.0%`), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.date, excelize.Style{CustomNumFmt: ptr(`yyyy-mm-dd`), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.title, excelize.Style{Font: &excelize.Font{Family: "Calibri", Bold: true, Size: 16}}},
		{&s.section, excelize.Style{Font: &excelize.Font{Family: "Calibri", Bold: true, Size: 12, Color: "#1F4E79"}}},
		{&s.placeholder, excelize.Style{NumFmt: 1, Protection: &excelize.Protection{Hidden: true}}},
	}
	for _, d := range defs {
		id, err := x.NewStyle(&d.style)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	bad, err := x.NewConditionalStyle(&excelize.Style{Fill: fill("#FFC7CE"), Font: &excelize.Font{Color: "#9C0006"}})
	s.bad = bad
	return s, err
}

func ptr[T any](v T) *T { return &v }

// add makes the style of a number format, once; it takes readable's
// results as they come.
func (s *styles) add(_ float64, f numFmt) error {
	if _, ok := s.readable[f]; ok {
		return nil
	}
	id, err := s.x.NewStyle(&excelize.Style{CustomNumFmt: ptr(f.code()), Alignment: &excelize.Alignment{Vertical: "top"}})
	s.readable[f] = id
	return err
}

// value writes v as a reader would write it (5 GW, 66.7%), with the style
// prepare made for it.
func (s *styles) value(w *rowWriter, v float64, show unitShow) {
	x, f := readable(v, show)
	w.num(x, s.readable[f])
}

// dateSerial reads a date as a reviewer writes it (2025-03-01, or a
// spreadsheet's day number) and returns its day number.
func dateSerial(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return float64(t.Sub(excelEpoch) / (24 * time.Hour)), true
}

// excelEpoch is day 0 of a spreadsheet's dates (1900 system, as Excel and
// LibreOffice count it after February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
