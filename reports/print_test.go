package reports

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Every sheet prints in landscape, one page wide and as few pages high as
// it takes at minScale (the sample's record sheets: one; the Summary one
// in all), its name and page number in the margins, the sheets too wide
// to read on A4 or Letter on A3; each record sheet repeats its header
// row on every page, keeps it frozen on screen, and prints its table's
// columns and no more; the Summary's print area ends at its last column
// and row, so no text that runs on past them widens the page. Read back
// from the file.
func TestPrintSetup(t *testing.T) {
	r := sample()
	pipeline.CarryVerdicts(r, []pipeline.Verdict{{ID: "c-404", Of: "claim", Verdict: "wrong", Where: "a.txt:4", Text: "61%"}})
	f := writeBook(t, r)
	rows, _ := f.GetRows(summarySheet)
	summaryArea := "'Summary'!$A$1:$I$" + strconv.Itoa(len(rows))
	cases := []struct {
		sheet  string
		paper  int    // 0: none set, the printer's own
		titles string // the rows repeated on each page
		area   string
		frozen bool
		tall   int
	}{
		{summarySheet, 0, "", summaryArea, false, 1},
		{findingSheet, paperA3, "'Findings'!$1:$1", "'Findings'!$A:$Z", true, 1},
		{findingClaimSheet, paperA3, "'Finding claims'!$1:$1", "'Finding claims'!$A:$I", true, 1},
		{claimSheet, paperA3, "'Claims'!$1:$1", "'Claims'!$A:$X", true, 1},
		{sourceSheet, paperA3, "'Sources'!$1:$1", "'Sources'!$A:$Q", true, 1},
		{ruleSheet, 0, "'Rules'!$1:$1", "'Rules'!$A:$D", true, 1},
		{lostSheet, 0, "'Lost verdicts'!$1:$1", "'Lost verdicts'!$A:$I", true, 1},
	}
	sheets := f.GetSheetList()
	if len(sheets) != len(cases) {
		t.Fatalf("sheets %v", sheets)
	}
	names := map[string]string{} // sheet name + defined name -> what it refers to
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	for i, c := range cases {
		if sheets[i] != c.sheet {
			t.Errorf("sheet %d is %s, want %s", i, sheets[i], c.sheet)
			continue
		}
		layout, err := f.GetPageLayout(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
			layout.FitToHeight == nil || *layout.FitToHeight != c.tall {
			t.Errorf("%s: page layout %s, want landscape, 1 page wide, %d high", c.sheet, show(layout), c.tall)
		}
		if layout.Size == nil || *layout.Size != c.paper {
			t.Errorf("%s: paper %s, want %d", c.sheet, show(layout), c.paper)
		}
		if props, _ := f.GetSheetProps(c.sheet); props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page: %+v", c.sheet, props)
		}
		if hf, _ := f.GetHeaderFooter(c.sheet); hf == nil || !strings.Contains(hf.OddHeader, "&A") || !strings.Contains(hf.OddFooter, "&P of &N") {
			t.Errorf("%s: header and footer %+v", c.sheet, hf)
		}
		if got := names[c.sheet+" _xlnm.Print_Titles"]; got != c.titles {
			t.Errorf("%s: print titles %q, want %q", c.sheet, got, c.titles)
		}
		if got := names[c.sheet+" _xlnm.Print_Area"]; got != c.area {
			t.Errorf("%s: print area %q, want %q", c.sheet, got, c.area)
		}
		panes, _ := f.GetPanes(c.sheet)
		if frozen := panes.Freeze && panes.YSplit == 1 && panes.XSplit == 0 && panes.TopLeftCell == "A2"; frozen != c.frozen {
			t.Errorf("%s: panes %+v, want the header row frozen: %v", c.sheet, panes, c.frozen)
		}
	}
	cols := 0
	for _, row := range rows {
		cols = max(cols, len(row))
	}
	if last, _ := excelize.ColumnNumberToName(cols); last > "I" {
		t.Errorf("the Summary's cells reach column %s, past its print area", last)
	}
}

// A sheet taller than a page at minScale is fitted to as many pages high
// as it takes at that scale, and no fewer: on A3 a page holds about 80
// rows of one line, on A4 (or Letter) about 50.
func TestTall(t *testing.T) {
	cases := []struct {
		rows, lines, paper int
		want               int
	}{
		{0, 1, paperA3, 1},
		{1, 1, 0, 1},
		{76, 1, paperA3, 1}, // the seed's Finding claims
		{40, 1, 0, 1},
		{60, 1, 0, 2},
		{90, 1, paperA3, 2},
		{34, 4, paperA3, 2},
		{1000, 1, paperA3, 13},
		{1048575, 1, paperA3, 12648},
	}
	for _, c := range cases {
		h := float64(c.rows) * max(defaultHeight, float64(c.lines)*lineHeight+1)
		if c.lines == 1 {
			h = float64(c.rows) * defaultHeight
		}
		if got := tall(h, c.paper); got != c.want {
			t.Errorf("%d rows of %d lines on paper %d: %d pages high, want %d", c.rows, c.lines, c.paper, got, c.want)
		}
		// At the scale the pages give, the rows fit and the type is no smaller than minScale's.
		n := tall(h, c.paper)
		page := map[int]float64{paperA3: 841.9, 0: 595.3}[c.paper] - 2*0.6*72
		if scale := float64(n) * page / (h + float64(n)*headerHeight); h > 0 && scale < minScale {
			t.Errorf("%d rows of %d lines: %d pages print at %.2f", c.rows, c.lines, n, scale)
		}
	}
}

func show(l excelize.PageLayoutOptions) string {
	s := func(p *string) string {
		if p == nil {
			return "-"
		}
		return *p
	}
	n := func(p *int) string {
		if p == nil {
			return "-"
		}
		return strconv.Itoa(*p)
	}
	return s(l.Orientation) + " " + n(l.FitToWidth) + "x" + n(l.FitToHeight) + " paper " + n(l.Size)
}

// A line of the Summary that would run past the page is cut to the
// columns it has, a CJK character counted as two, at a character's
// boundary, with "…".
func TestFitIn(t *testing.T) {
	long := strings.Repeat("Five hyperscalers now own over two-thirds of it. ", 10)
	cjk := strings.Repeat("五大超大规模云服务提供商控制了全球超过三分之二的算力。", 10)
	cases := []struct {
		text      string
		cols      float64
		want      string // the whole result, or its start when cut
		cut       bool
		maxLetter int // at most this many characters, "…" not counted
	}{
		{"short  text\nhere", 54, "short text here", false, 15},
		{long, 54, "Five hyperscalers now own over two-thirds of it. Five", true, 60},
		{long, 100, "Five hyperscalers now own over two-thirds of it. Five hyperscalers now own over two-thirds of it.", true, 115},
		{cjk, 54, "五大超大规模云服务提供商控制了全球", true, 22},
	}
	for _, c := range cases {
		got := fitIn(c.text, c.cols)
		if !utf8.ValidString(got) {
			t.Errorf("%.20q in %g: %q is not UTF-8", c.text, c.cols, got)
		}
		if cut := strings.HasSuffix(got, "…"); cut != c.cut || !strings.HasPrefix(got, c.want) {
			t.Errorf("%.20q in %g columns: %q", c.text, c.cols, got)
		}
		if n := utf8.RuneCountInString(strings.TrimSuffix(got, "…")); n > c.maxLetter {
			t.Errorf("%.20q in %g columns: %d characters, more than %d", c.text, c.cols, n, c.maxLetter)
		}
	}
}

// A quote fills the lines its column gives it and no more, a CJK text in
// about half the characters of a Latin one, the figure in bold whatever
// the width: a row of the Finding claims and Claims sheets is one line,
// of the Findings sheet two (a finding that agrees) or four, so that the
// seed prints on a few pages, and the figure shows in them.
func TestFitQuote(t *testing.T) {
	latin := strings.Repeat("Compute grew fast as the labs built more and larger clusters. ", 8)
	cjk := strings.Repeat("五大超大规模云服务提供商控制了全球超过三分之二的算力。", 8)
	cases := []struct {
		text, fig string
		cols      float64
		lines     int
		least     int // at least this many runes
		most      int // at most
	}{
		{latin + "Five hyperscalers now own over two-thirds of it. " + latin, "over two-thirds", 85, 1, 70, 100},
		{latin + "Five hyperscalers now own over two-thirds of it. " + latin, "over two-thirds", 30, 4, 70, 120},
		{latin + "Five hyperscalers now own over two-thirds of it. " + latin, "over two-thirds", 30, 2, 30, 60},
		{cjk + "其中约71%集中在五家公司。" + cjk, "约71%", 85, 1, 30, 50},
		{cjk + "其中约71%集中在五家公司。" + cjk, "约71%", 30, 4, 30, 60},
		{"Sales grew 60% last year.", "60%", 130, 1, 25, 25},
		{latin + "a figure of nine orders of magnitude in a narrow column " + latin, "nine orders of magnitude", 8, 1, 24, 24},
	}
	for _, c := range cases {
		w := &rowWriter{widths: []float64{c.cols}}
		at := strings.Index(c.text, c.fig)
		start := utf8.RuneCountInString(c.text[:at])
		q := w.fitQuote(&cursor{text: c.text, ascii: isASCII(c.text)}, start, start+utf8.RuneCountInString(c.fig), c.lines)
		texts := []string{}
		n := 0
		for _, r := range q {
			texts = append(texts, r.text)
			if r.text != "…" {
				n += utf8.RuneCountInString(r.text)
			}
		}
		if q[2].text != c.fig || !q[2].bold {
			t.Errorf("%.20q in %g columns: the figure is %+v", c.fig, c.cols, q[2])
		}
		if got := w.count(texts...); got > c.lines && n > utf8.RuneCountInString(c.fig) {
			t.Errorf("%.20q in %g columns: %q takes %d lines, more than %d", c.fig, c.cols, strings.Join(texts, ""), got, c.lines)
		}
		if n < c.least || n > c.most {
			t.Errorf("%.20q in %g columns, %d lines: %d runes, want %d to %d: %q", c.fig, c.cols, c.lines, n, c.least, c.most, strings.Join(texts, ""))
		}
	}
}

// A sheet's pages high are reckoned from the rows as written: the sum of
// their heights, read back from the file, on the sheet's paper.
func TestTallFromRows(t *testing.T) {
	r := sample()
	base := r.Claims[0]
	for i := range 400 {
		c := base
		c.SetID("c-x" + strconv.Itoa(i))
		if i%3 == 0 {
			c.SetSubject("a subject long enough to take a second line of its column")
		}
		r.Claims = append(r.Claims, c)
	}
	f := writeBook(t, r)
	for _, sheet := range []string{claimSheet, sourceSheet} {
		rows, _ := f.GetRows(sheet)
		height := 0.0
		for n := 2; n <= len(rows); n++ {
			h, err := f.GetRowHeight(sheet, n)
			if err != nil {
				t.Fatal(err)
			}
			height += h
		}
		layout, _ := f.GetPageLayout(sheet)
		if want := tall(height, paperA3); layout.FitToHeight == nil || *layout.FitToHeight != want {
			t.Errorf("%s: %d rows %.0f points high: %s pages high, want %d", sheet, len(rows)-1, height, show(layout), want)
		}
		if sheet == claimSheet && (height <= 400*defaultHeight || *layout.FitToHeight < 5) {
			t.Errorf("%s: %.0f points high, %s pages: the second lines are not counted", sheet, height, show(layout))
		}
	}
}
