package reports

import (
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// styles are the cell styles the sheets share, made once per workbook.
type styles struct {
	x        *excelize.File
	header   int
	wrap     int
	link     int
	percent  int
	times    int
	sci      int
	number   int
	currency map[string]int
	bad      int // conditional: a row with an inconsistent finding
	title    int
}

func newStyles(x *excelize.File) (styles, error) {
	s := styles{x: x, currency: map[string]int{}}
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"#DDEBF7"}, Pattern: 1}}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.link, excelize.Style{Font: &excelize.Font{Color: "#1F4E79", Underline: "single"}}},
		{&s.percent, excelize.Style{CustomNumFmt: ptr(`0.##"%"`)}},
		{&s.times, excelize.Style{CustomNumFmt: ptr(`0.##"x"`)}},
		{&s.sci, excelize.Style{CustomNumFmt: ptr(`0.00E+00`)}},
		{&s.number, excelize.Style{CustomNumFmt: ptr(`#,##0.######`)}},
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
	}
	for _, d := range defs {
		id, err := x.NewStyle(&d.style)
		if err != nil {
			return s, err
		}
		*d.dst = id
	}
	bad, err := x.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{"#FFC7CE"}, Pattern: 1},
		Font: &excelize.Font{Color: "#9C0006"}})
	s.bad = bad
	return s, err
}

func ptr(s string) *string { return &s }

// value is a number cell in the format its unit calls for: 71%, 3x,
// 1.00E+26 FLOP, 0.10 USD.
func (s *styles) value(c *pipeline.Claim, v any) any {
	f, ok := v.(float64)
	if !ok {
		return v
	}
	id := s.number
	switch {
	case f != 0 && (math.Abs(f) >= 1e9 || math.Abs(f) < 1e-4):
		id = s.sci
	case c.Unit == "%" || c.Unit == "pp":
		id = s.percent
	case c.Unit == "x":
		id = s.times
	case c.Kind == "money":
		id = s.money(c.Unit)
	}
	return excelize.Cell{StyleID: id, Value: f}
}

// money is the currency format for one ISO code, made on first use.
func (s *styles) money(code string) int {
	if id, ok := s.currency[code]; ok {
		return id
	}
	id, err := s.x.NewStyle(&excelize.Style{CustomNumFmt: ptr(`#,##0.00 "` + code + `"`)})
	if err != nil {
		id = s.number
	}
	s.currency[code] = id
	return id
}
