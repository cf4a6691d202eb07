package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// colOf is the column letter of a header on a sheet's first row.
func colOf(t *testing.T, f *excelize.File, sheet, header string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range rows[0] {
		if h == header {
			c, _ := excelize.ColumnNumberToName(i + 1)
			return c
		}
	}
	t.Fatalf("%s has no column %q", sheet, header)
	return ""
}

// shape is a sheet's last column letter and last row number.
func shape(t *testing.T, f *excelize.File, sheet string) (string, int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := excelize.ColumnNumberToName(len(rows[0]))
	return last, len(rows)
}

// Each row sheet highlights, over all its data rows and columns, the rows
// whose Status cell (its own row's, in its own column) says inconsistent,
// with a fill; read back from the written file.
func TestXLSXHighlightRule(t *testing.T) {
	f := writeBook(t, sample())
	for _, sheet := range []string{"Findings", "Finding claims", "Claims"} {
		last, rows := shape(t, f, sheet)
		cfs, err := f.GetConditionalFormats(sheet)
		if err != nil {
			t.Fatal(err)
		}
		rng := fmt.Sprintf("A2:%s%d", last, rows)
		opts, ok := cfs[rng]
		if len(cfs) != 1 || !ok || len(opts) != 1 {
			t.Errorf("%s: conditional formats %+v, want one on %s", sheet, cfs, rng)
			continue
		}
		o := opts[0]
		if want := fmt.Sprintf(`$%s2="inconsistent"`, colOf(t, f, sheet, "Status")); o.Type != "formula" || o.Criteria != want {
			t.Errorf("%s: %s %q, want a formula %q", sheet, o.Type, o.Criteria, want)
		}
		if o.Format == nil {
			t.Errorf("%s: the highlight has no format", sheet)
			continue
		}
		st, err := f.GetConditionalStyle(*o.Format)
		if err != nil || len(st.Fill.Color) == 0 || st.Fill.Pattern != 1 {
			t.Errorf("%s: highlight style %+v %v, want a solid fill", sheet, st, err)
		}
	}
}

// The sheets a reviewer writes verdicts on offer them in a drop-down on
// the Verdict column and check a date on the Checked on column, over every
// data row, each with a stop alert; read back from the written file.
func TestXLSXVerdictValidations(t *testing.T) {
	f := writeBook(t, sample())
	for sheet, verdicts := range map[string]string{
		"Findings": `"confirmed error,false alarm,needs source,fixed"`,
		"Claims":   `"confirmed,wrong,unclear"`,
	} {
		_, rows := shape(t, f, sheet)
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(dvs) != 2 {
			t.Errorf("%s: %d validations, want 2", sheet, len(dvs))
			continue
		}
		v, d := dvs[0], dvs[1]
		vc, dc := colOf(t, f, sheet, "Verdict"), colOf(t, f, sheet, "Checked on")
		if want := fmt.Sprintf("%s2:%s%d", vc, vc, rows); v.Type != "list" || v.Sqref != want || v.Formula1 != verdicts {
			t.Errorf("%s: verdict validation %s on %s of %s, want a list on %s of %s", sheet, v.Type, v.Sqref, v.Formula1, want, verdicts)
		}
		if want := fmt.Sprintf("%s2:%s%d", dc, dc, rows); d.Type != "date" || d.Sqref != want || d.Operator != "between" ||
			d.Formula1 != "36526" || d.Formula2 != "73415" {
			t.Errorf("%s: date validation %s %s %s–%s on %s, want a date between 36526 and 73415 on %s",
				sheet, d.Type, d.Operator, d.Formula1, d.Formula2, d.Sqref, want)
		}
		for _, x := range dvs {
			if x.ErrorStyle == nil || *x.ErrorStyle != "stop" || !x.ShowErrorMessage || x.Error == nil || *x.Error == "" {
				t.Errorf("%s %s: no stop alert: %+v", sheet, x.Sqref, x)
			}
		}
		if !strings.Contains(*v.Error, strings.ReplaceAll(strings.Trim(verdicts, `"`), ",", ", ")) {
			t.Errorf("%s: the verdict alert %q does not list the verdicts", sheet, *v.Error)
		}
	}
	if dvs, _ := f.GetDataValidations("Finding claims"); len(dvs) != 0 {
		t.Errorf("Finding claims takes no verdicts: %+v", dvs)
	}
}
