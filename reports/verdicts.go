package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// ReadVerdicts reads the verdicts of an earlier workbook: those on its
// Claims and Findings sheets (and their continuations, "Claims (2)"), and
// those its Lost verdicts sheet still lists, so that a verdict lost once
// comes back if its claim does. A row with nothing in its verdict columns
// is no verdict. A workbook from before ids came from content is read too:
// its verdicts will not match and are listed as lost.
func ReadVerdicts(path string) ([]pipeline.Verdict, error) {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	var out []pipeline.Verdict
	for _, name := range x.GetSheetList() {
		of := ""
		switch {
		case isPart(name, claimSheet):
			of = pipeline.OfClaim
		case isPart(name, findingSheet):
			of = pipeline.OfFinding
		case name == lostSheet:
		default:
			continue
		}
		vs, err := readVerdictSheet(x, name, of)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %s: %w", path, name, err)
		}
		out = append(out, vs...)
	}
	return out, nil
}

// isPart reports the sheet of a table or one of its continuations.
func isPart(name, sheet string) bool {
	return name == sheet || strings.HasPrefix(name, sheet+" (") && strings.HasSuffix(name, ")")
}

// Columns read, by header; the first of each list that a sheet has is
// read (today's names, then those of earlier workbooks).
var verdictHeaders = map[string][]string{
	"id": {"ID", "Old ID"}, "verdict": {"Verdict", "Reviewer verdict"}, "reviewer": {"Reviewer"},
	"note": {"Note", "Reviewer note"}, "checked": {"Checked on"}, "of": {"Of"},
	"file": {"File"}, "line": {"Line"}, "where": {"Where"},
	"text": {"Old text", "Figure", "Claim text", "Message"}, "quote": {"Quote"},
}

func readVerdictSheet(x *excelize.File, name, of string) ([]pipeline.Verdict, error) {
	rows, err := x.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var col map[string]int
	var out []pipeline.Verdict
	for n := 1; rows.Next(); n++ {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		if col == nil {
			if col, err = verdictColumns(row); err != nil {
				return nil, err
			}
			continue
		}
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		v := pipeline.Verdict{ID: get("id"), Of: of, Verdict: get("verdict"), Reviewer: get("reviewer"),
			Note: get("note"), CheckedOn: dateText(get("checked")), Where: get("where"), Text: get("text")}
		if v.Verdict == "" && v.Reviewer == "" && v.Note == "" && v.CheckedOn == "" {
			continue
		}
		if of == "" {
			v.Of = get("of")
		}
		if v.Where == "" && get("file") != "" {
			v.Where = get("file") + ":" + get("line")
		}
		if q := get("quote"); q != "" && q != v.Text {
			v.Text += " — " + q // the figure in its words, should it be lost
		}
		if v.ID == "" {
			return nil, fmt.Errorf("row %d has a verdict and no ID", n)
		}
		out = append(out, v)
	}
	return out, rows.Error()
}

// verdictColumns finds the columns of a header row; ID and the verdict are required.
func verdictColumns(header []string) (map[string]int, error) {
	at := map[string]int{}
	for i, h := range header {
		at[strings.TrimSpace(h)] = i
	}
	col := map[string]int{}
	for k, names := range verdictHeaders {
		for _, n := range names {
			if i, ok := at[n]; ok {
				col[k] = i
				break
			}
		}
	}
	for _, need := range []string{"id", "verdict"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("no %q column", verdictHeaders[need][0])
		}
	}
	return col, nil
}

// dateText turns a date cell's day number into 2025-03-01; text stays as written.
func dateText(s string) string {
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 1 || n > 2958465 {
		return s
	}
	return excelEpoch.AddDate(0, 0, int(n)).Format("2006-01-02")
}
