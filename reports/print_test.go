package reports

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Every sheet prints in landscape, one page wide (the Summary on one page
// in all), its name and page number in the margins, the sheets too wide
// to read on A4 or Letter on A3; each record sheet
// repeats its header row on every page and keeps it frozen on screen;
// the Summary's print area ends at its last column and row, so no text
// that runs on past them widens the page. Read back from the file.
func TestPrintSetup(t *testing.T) {
	r := sample()
	pipeline.CarryVerdicts(r, []pipeline.Verdict{{ID: "c-404", Of: "claim", Verdict: "wrong", Where: "a.txt:4", Text: "61%"}})
	f := writeBook(t, r)
	sheets := f.GetSheetList()
	if got := strings.Join(sheets, ","); got != "Summary,Findings,Finding claims,Claims,Sources,Rules,Lost verdicts" {
		t.Fatalf("sheets %s", got)
	}
	names := map[string]string{} // sheet name + defined name -> what it refers to
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	for _, sheet := range sheets {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		tall := 0
		if sheet == summarySheet {
			tall = 1
		}
		if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
			layout.FitToHeight == nil || *layout.FitToHeight != tall {
			t.Errorf("%s: page layout %s, want landscape, 1 page wide, %d high", sheet, show(layout), tall)
		}
		paper := 0 // none set: the printer's own
		if sheet == findingSheet || sheet == claimSheet || sheet == sourceSheet {
			paper = paperA3
		}
		if layout.Size == nil || *layout.Size != paper {
			t.Errorf("%s: paper %s, want %d", sheet, show(layout), paper)
		}
		if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page: %+v", sheet, props)
		}
		if hf, _ := f.GetHeaderFooter(sheet); hf == nil || !strings.Contains(hf.OddHeader, "&A") || !strings.Contains(hf.OddFooter, "&P of &N") {
			t.Errorf("%s: header and footer %+v", sheet, hf)
		}
		if sheet == summarySheet {
			continue
		}
		if got := names[sheet+" _xlnm.Print_Titles"]; got != "'"+sheet+"'!$1:$1" {
			t.Errorf("%s: print titles %q, want the header row", sheet, got)
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, want the header row frozen", sheet, panes)
		}
	}
	rows, _ := f.GetRows(summarySheet)
	cols := 0
	for _, row := range rows {
		cols = max(cols, len(row))
	}
	last, _ := excelize.ColumnNumberToName(cols)
	if want := "'Summary'!$A$1:$I$" + strconv.Itoa(len(rows)); names["Summary _xlnm.Print_Area"] != want || last > "I" {
		t.Errorf("Summary's print area %q, want %q (its cells reach column %s)", names["Summary _xlnm.Print_Area"], want, last)
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
