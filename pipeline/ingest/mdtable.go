package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// table reads a Markdown table: each data cell that holds a digit is a
// quote of its own, at the cell's place in the file. Its text is the cell,
// then the unit its column header gives, then the row and column headers
// as context, so that
//
//	| Producer      | 2019 output, million tonnes (BP) |
//	| United States | 746.7                            |
//
// reads "746.7 million tonnes (BP) | United States | 2019 output": a claim
// of 7.467e8 t in 2019, pointing at the cell. The first cell of a row is
// its header when it is a label (a name, or a year), not a figure; header
// cells are context, never claims.
func (w *mdWalk) table(n *east.Table) {
	var head []string
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		cells := w.cells(r)
		if _, ok := r.(*east.TableHeader); ok {
			head = texts(cells)
			continue
		}
		rowHead, first := "", 0
		if len(cells) > 1 && isLabel(cells[0].text) {
			rowHead, first = cells[0].text, 1
		}
		for i := first; i < len(cells); i++ {
			c := cells[i]
			if !strings.ContainsFunc(c.text, unicode.IsDigit) {
				continue
			}
			col := ""
			if i < len(head) {
				col = head[i]
			}
			line, at := w.li.pos(c.seg.Start)
			s := source(w.file, "markdown", "quote", line, at, cellText(c.text, rowHead, col))
			s.SetTitle(optional(w.title))
			s.SetAuthor(w.author)
			w.out = append(w.out, s)
		}
	}
}

// cell is the text of one table cell and where it stands.
type cell struct {
	text string
	seg  text.Segment
}

func (w *mdWalk) cells(row ast.Node) []cell {
	var out []cell
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		var cl cell
		if c.Lines().Len() > 0 {
			cl.seg = c.Lines().At(0)
			cl.text = strings.TrimSpace(blankMarkup(string(w.data[cl.seg.Start:cl.seg.Stop])))
		}
		out = append(out, cl)
	}
	return out
}

func texts(cells []cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.text
	}
	return out
}

// isLabel reports a row header: text with a letter, or a year alone.
func isLabel(s string) bool {
	if strings.ContainsFunc(s, unicode.IsLetter) {
		return true
	}
	return len(s) == 4 && strings.Trim(s, "0123456789") == "" && (s[0] == '1' || s[0] == '2')
}

// cellText is a cell's figure, the unit of its column, and its headers.
// A currency sign in the unit goes before the figure, where it is read
// ("GDP ($bn)" makes "$1,234bn"): the claim then starts at the sign, at
// the cell's place.
func cellText(cell, rowHead, colHead string) string {
	label, unit := headerUnit(colHead)
	var b strings.Builder
	switch sign, rest := currencySign(unit); {
	case strings.ContainsFunc(cell, isCurrency): // the cell says its own currency
		b.WriteString(cell)
	case sign != "":
		b.WriteString(sign + cell + rest)
	case unit != "":
		b.WriteString(cell + " " + unit)
	default:
		b.WriteString(cell)
	}
	for _, ctx := range []string{rowHead, label} {
		if ctx != "" {
			b.WriteString(" | " + ctx)
		}
	}
	return b.String()
}

// headerUnit splits a column header into its label and the unit it gives
// the cells below, by the two ways tables write one: after the last comma
// ("2019 output, million tonnes") or in the last brackets ("Output (Mt)"),
// or a header of one word alone (GW). A part with digits is no unit
// ("Population, 2020").
func headerUnit(h string) (label, unit string) {
	h = strings.TrimSpace(h)
	if i := strings.LastIndex(h, ","); i >= 0 && !hasDigit(h[i+1:]) {
		return strings.TrimSpace(h[:i]), strings.TrimSpace(h[i+1:])
	}
	if i := strings.LastIndex(h, "("); i >= 0 {
		if j := strings.Index(h[i:], ")"); j > 0 && !hasDigit(h[i:i+j]) {
			label := strings.Join(strings.Fields(h[:i]+h[i+j+1:]), " ")
			return strings.ReplaceAll(label, " ,", ","), strings.TrimSpace(h[i+1 : i+j])
		}
	}
	if h != "" && !hasDigit(h) && !strings.ContainsFunc(h, unicode.IsSpace) {
		return "", h // a header of one word may be the unit itself: GW, %, USD
	}
	return h, ""
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

func isCurrency(r rune) bool { return unicode.Is(unicode.Sc, r) }

// currencySign splits a unit that starts with a currency sign, with up to
// three capitals before it (US$, HK$, €), from the rest ("bn", "/t").
func currencySign(unit string) (sign, rest string) {
	i := strings.IndexFunc(unit, isCurrency)
	if i < 0 || i > 3 || strings.TrimLeft(unit[:i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", unit
	}
	_, n := utf8.DecodeRuneInString(unit[i:])
	return unit[:i+n], strings.TrimSpace(unit[i+n:])
}
