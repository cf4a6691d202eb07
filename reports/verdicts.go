package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadVerdicts reads the reviewer verdicts and notes of a previous
// workbook's Claims sheets, keyed as VerdictKey keys a claim (file, text,
// value), so that a re-run carries an audit forward to the claims that are
// still there.
func ReadVerdicts(path string) (map[string][2]string, error) {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	out := map[string][2]string{}
	for _, name := range x.GetSheetList() {
		if name != claimSheet.name && !strings.HasPrefix(name, claimSheet.name+" (") {
			continue
		}
		rows, err := x.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %s: %w", path, name, err)
		}
		if err := verdictRows(path, name, rows, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func verdictRows(path, name string, rows [][]string, out map[string][2]string) error {
	if len(rows) == 0 {
		return nil
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, need := range []string{"File", "Claim text", "Value", VerdictCol, NoteCol} {
		if _, ok := col[need]; !ok {
			return fmt.Errorf("%s: sheet %s: no %q column", path, name, need)
		}
	}
	get := func(row []string, h string) string {
		if i := col[h]; i < len(row) {
			return row[i]
		}
		return ""
	}
	for _, row := range rows[1:] {
		verdict, note := get(row, VerdictCol), get(row, NoteCol)
		if verdict == "" && note == "" {
			continue
		}
		v, err := strconv.ParseFloat(get(row, "Value"), 64)
		if err != nil {
			continue
		}
		key := get(row, "File") + "\x00" + get(row, "Claim text") + "\x00" + strconv.FormatFloat(v, 'g', -1, 64)
		out[key] = [2]string{verdict, note}
	}
	return nil
}
