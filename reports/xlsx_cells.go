package reports

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowWriter appends the XML of a sheet's rows, cell by cell, into one
// buffer: a row sheet is written straight from the result, without a call
// into excelize per cell (see xlsx_zip.go for where the rows go).
type rowWriter struct {
	b      []byte
	linked bool   // the row carries its links (see part.linked)
	row    []byte // the current row's number, as text
	col    int    // the next cell's column, 0-based
	refs   []string
	// widths are the columns' widths and wrap the style of wrapped text:
	// a row is given the height its wrapped cells need (lines), since
	// neither LibreOffice nor a printer fits it on opening.
	widths []float64
	wrap   int
	top    int // the style of any other cell: aligned to the top, as wrapped text is
	// sourcesValid says the sources' texts are valid UTF-8, and so the
	// quotes cut from them at rune boundaries (checked once a workbook).
	sourcesValid bool
	tag          int // where the row's start tag ends, for its height
	lines        float64
	// quoteLines is how many lines of its column a quote fills
	// (fitQuote): a row is as high as its cells' whole text, and a quote,
	// the one text cut to measure, sets how high most rows are, and so
	// how many pages a sheet prints on.
	quoteLines int
	height     float64 // of the rows written, in points, for the page setup
}

// colNames are the column letters a sheet needs, A, B, … .
func colNames(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	return out
}

func (w *rowWriter) start(row int) {
	w.row = strconv.AppendInt(w.row[:0], int64(row), 10)
	w.col, w.lines = 0, 1
	w.b = append(w.b, `<row r="`...)
	w.b = append(w.b, w.row...)
	w.b = append(w.b, '"')
	w.tag = len(w.b)
	w.b = append(w.b, '>')
}

// lineHeight is the height of a line of 11-point text, in points; a row
// is at most maxHeight high, as Excel allows.
const (
	lineHeight    = 14.5
	maxHeight     = 409
	defaultHeight = 15.0 // a row of one line, as excelize sets the default
)

// end closes the row, giving it the height of its tallest wrapped cell.
func (w *rowWriter) end() {
	h := float64(defaultHeight)
	if w.lines > 1 {
		h = min(math.Ceil(w.lines*lineHeight+1), maxHeight)
		attr := ` ht="` + strconv.FormatFloat(h, 'f', -1, 64) + `" customHeight="1"`
		w.b = append(w.b, attr...)
		copy(w.b[w.tag+len(attr):], w.b[w.tag:len(w.b)-len(attr)])
		copy(w.b[w.tag:], attr)
	}
	w.height += h
	w.b = append(w.b, `</row>`...)
}

// fit makes the row as high as texts take in the current column.
func (w *rowWriter) fit(texts ...string) {
	w.lines = max(w.lines, float64(w.count(texts...)))
}

// count counts the lines that texts take in the current column, wrapped,
// from their bytes: a letter of a Latin script is about a column wide, a
// character of three bytes (CJK, full-width forms) two. Widths are
// in twentieths of a column.
func (w *rowWriter) count(texts ...string) int {
	width := lineWidth(w.widths[w.col])
	lines, at := 1, 0
	for _, s := range texts {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\n' {
				lines, at = lines+1, 0
				continue
			}
			at += int(byteWidth[c])
			if at > width {
				lines, at = lines+1, at-width+40 // a wrapped word carries over
			}
		}
	}
	return lines
}

// lineWidth is the width of a line of text in a column of width cols, in
// twentieths: the column less its margins, and less a tenth, since
// LibreOffice's Carlito runs wider than these widths and a line it wraps
// that the row has no room for is drawn over the row below.
func lineWidth(cols float64) int { return int(cols*18) - 30 }

// byteWidth is the width each byte adds, in twentieths of a column (the
// width of a digit), as Calibri draws ASCII, near enough for row heights;
// a lead byte carries its rune's width, a continuation byte none.
var byteWidth = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f' || c == 'r' || c == '.' || c == ',' || c == '\'':
			t[c] = 11
		case c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%':
			t[c] = 28
		case c >= 'A' && c <= 'Z':
			t[c] = 21
		case c < 0x80:
			t[c] = 17
		case c >= 0xE0:
			t[c] = 40
		case c >= 0xC0:
			t[c] = 19
		}
	}
	return
}()

// open writes a cell's start tag; t is its type ("" for a number).
func (w *rowWriter) open(style int, t string) {
	w.b = append(w.b, `<c r="`...)
	w.b = append(w.b, w.refs[w.col]...)
	w.b = append(w.b, w.row...)
	w.b = append(w.b, '"')
	if style == 0 {
		style = w.top
	}
	if style != 0 {
		w.b = append(w.b, ` s="`...)
		w.b = strconv.AppendInt(w.b, int64(style), 10)
		w.b = append(w.b, '"')
	}
	if t != "" {
		w.b = append(w.b, ` t="`...)
		w.b = append(w.b, t...)
		w.b = append(w.b, '"')
	}
	w.b = append(w.b, '>')
	w.col++
}

// skip leaves a cell empty.
func (w *rowWriter) skip() { w.col++ }

// num writes a number; a value that is not finite (an open bound) leaves
// the cell empty, as a spreadsheet has no infinity.
func (w *rowWriter) num(v float64, style int) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		w.skip()
		return
	}
	w.open(style, "")
	w.b = append(w.b, `<v>`...)
	w.b = strconv.AppendFloat(w.b, v, 'g', -1, 64)
	w.b = append(w.b, `</v></c>`...)
}

// optNum writes *v, or an empty cell for nil.
func (w *rowWriter) optNum(v *float64, style int) {
	if v == nil {
		w.skip()
		return
	}
	w.num(*v, style)
}

func (w *rowWriter) int(v int, style int) {
	w.open(style, "")
	w.b = append(w.b, `<v>`...)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
	w.b = append(w.b, `</v></c>`...)
}

// str writes text as text (never a formula), cut to a cell's limit; an
// empty string leaves the cell empty.
func (w *rowWriter) str(s string, style int) { w.strOf(s, style, false) }

// sourceText writes a source's text (see sourcesValid).
func (w *rowWriter) sourceText(s string, style int) { w.strOf(s, style, w.sourcesValid) }

func (w *rowWriter) strOf(s string, style int, valid bool) {
	if s == "" {
		w.skip()
		return
	}
	s = clip(s)
	if style == w.wrap && style != 0 {
		w.fit(s)
	}
	w.open(style, "inlineStr")
	w.b = append(w.b, `<is>`...)
	w.text(s, valid)
	w.b = append(w.b, `</is></c>`...)
}

// excelEscapes are what Excel reads as an escaped character in a string.
var excelEscapes = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)

// run is a piece of rich text.
type run struct {
	text string
	bold bool
}

// rich writes runs of text, some bold, as one cell.
func (w *rowWriter) rich(runs [5]run, style int) {
	if style == w.wrap && style != 0 {
		w.fit(runs[0].text, runs[1].text, runs[2].text, runs[3].text, runs[4].text)
	}
	w.open(style, "inlineStr")
	w.b = append(w.b, `<is>`...)
	for _, r := range runs {
		if r.text == "" {
			continue
		}
		w.b = append(w.b, `<r>`...)
		// A run without properties is in the cell's font; one with
		// properties names its font, or shows in the application's default.
		if r.bold {
			w.b = append(w.b, `<rPr><rFont val="Calibri"/><b/><sz val="11"/></rPr>`...)
		}
		w.text(r.text, w.sourcesValid)
		w.b = append(w.b, `</r>`...)
	}
	w.b = append(w.b, `</is></c>`...)
}

// text writes a <t> element: XML-escaped, characters XML cannot hold
// replaced, and Excel's own escapes (_x0041_) kept literal; spaces at its
// ends and line breaks are kept.
func (w *rowWriter) text(s string, valid bool) {
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ' || strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\t') >= 0) {
		w.b = append(w.b, `<t xml:space="preserve">`...)
	} else {
		w.b = append(w.b, `<t>`...)
	}
	if strings.Contains(s, "_x") {
		s = excelEscapes.ReplaceAllString(s, "_x005F$0")
	}
	if valid {
		w.b = appendXMLFrom(w.b, s, false, &xmlSpecialUTF8)
	} else {
		w.b = appendEscaped(w.b, s)
	}
	w.b = append(w.b, `</t>`...)
}

// appendEscaped appends s escaped for XML text.
func appendEscaped(b []byte, s string) []byte { return appendXML(b, s, false) }

// appendXML appends s with &, <, > and CR escaped (and, in an attribute,
// quotes, tabs and newlines), and the characters that XML 1.0 forbids
// (control characters, U+FFFE, U+FFFF, bytes that are not UTF-8) replaced.
// A table finds the bytes that need a look; the rest are copied as they
// are. The first byte of a multi-byte rune has the rest of the text checked
// for valid UTF-8, once; after that only 0xEF, which U+FFFE and U+FFFF
// start with, needs a look.
func appendXML(b []byte, s string, attr bool) []byte { return appendXMLFrom(b, s, attr, &xmlSpecial) }

// appendXMLFrom is appendXML with the table to start from: xmlSpecialUTF8
// for a text known to be valid UTF-8.
func appendXMLFrom(b []byte, s string, attr bool, tab *[256]bool) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !tab[c] {
			continue
		}
		var esc string
		switch {
		case c >= 0x80:
			if tab == &xmlSpecial {
				if !utf8.ValidString(s[i:]) {
					return appendXMLFrom(b, s[:i]+strings.ToValidUTF8(s[i:], "\uFFFD"), attr, tab)
				}
				tab = &xmlSpecialUTF8
			}
			if c != 0xEF || i+2 >= len(s) || s[i+1] != 0xBF || s[i+2] != 0xBE && s[i+2] != 0xBF {
				continue
			}
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			i += 2
			last = i + 1
			continue
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		case c == '\r':
			esc = "&#xD;"
		case c == '\n' || c == '\t':
			if !attr {
				continue
			}
			esc = "&#xA;"
			if c == '\t' {
				esc = "&#x9;"
			}
		default:
			esc = "\uFFFD"
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// xmlSpecial marks the bytes appendXML looks at; xmlSpecialUTF8 those it
// looks at in a text known to be valid UTF-8.
var xmlSpecial, xmlSpecialUTF8 = func() (t, u [256]bool) {
	for c := range t {
		t[c] = c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c >= 0x80
		u[c] = t[c] && (c < 0x80 || c == 0xEF)
	}
	return
}()
