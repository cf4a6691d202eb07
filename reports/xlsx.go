package reports

import (
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// XLSX writes factsheet.xlsx: a Claims sheet and a Sources sheet, streamed
// row by row so that memory does not grow with the input.
type XLSX struct{}

var _ Writer = XLSX{}

// File implements Writer.
func (XLSX) File() string { return "factsheet.xlsx" }

var claimHeader = []any{"File", "Line", "Source text", "Claim text", "Value", "Unit", "Min", "Max",
	"Qualifier", "Kind", "Period", "Rule", "Subject", "Metric", "ID"}

var findingHeader = []any{"ID", "Status", "Kind", "Rule", "Claims", "Where", "Message"}

var sourceHeader = []any{"ID", "File", "Line", "Role", "Language", "Text", "Note of", "Duplicate of",
	"Title", "Author", "URL", "Location", "Date", "Tags", "Format"}

// Write implements Writer.
func (XLSX) Write(f *os.File, r *pipeline.Result) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", "Claims"); err != nil {
		return err
	}
	for _, name := range []string{"Findings", "Sources"} {
		if _, err := x.NewSheet(name); err != nil {
			return err
		}
	}
	if err := writeFindings(x, r); err != nil {
		return err
	}
	if err := writeClaims(x, r); err != nil {
		return err
	}
	if err := writeSources(x, r); err != nil {
		return err
	}
	_, err := x.WriteTo(f)
	return err
}

func writeClaims(x *excelize.File, r *pipeline.Result) error {
	text := make(map[string]string, len(r.Sources))
	for _, s := range r.Sources {
		text[s.ID] = s.Text
	}
	rows := make([][]any, 0, len(r.Claims))
	for _, c := range r.Claims {
		rows = append(rows, []any{c.File, c.Line, clip(text[c.Source]), c.Text, c.Value, c.Unit,
			opt(c.Min), opt(c.Max), c.Qualifier, c.Kind, c.Period, c.Rule, c.Subject, c.Metric, c.ID})
	}
	return stream(x, "Claims", claimHeader, rows)
}

func writeFindings(x *excelize.File, r *pipeline.Result) error {
	where := make(map[string]string, len(r.Claims))
	for _, c := range r.Claims {
		where[c.ID] = c.File + ":" + strconv.Itoa(c.Line)
	}
	rows := make([][]any, 0, len(r.Findings))
	for _, f := range r.Findings {
		var places []string
		for _, id := range f.Claims {
			places = append(places, where[id])
		}
		rows = append(rows, []any{f.ID, f.Status, f.Kind, f.Rule, clip(strings.Join(f.Claims, " ")),
			clip(strings.Join(places, " ")), clip(f.Message)})
	}
	return stream(x, "Findings", findingHeader, rows)
}

// clip keeps a cell under Excel's limit of 32,767 characters; the JSON
// report keeps the whole text.
func clip(s string) string {
	const limit = 32767
	if len(s) <= limit {
		return s
	}
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	return string(r[:limit-20]) + " … [cut, see JSON]"
}

func writeSources(x *excelize.File, r *pipeline.Result) error {
	rows := make([][]any, 0, len(r.Sources))
	for _, s := range r.Sources {
		rows = append(rows, []any{s.ID, s.File, s.Line, s.Role, s.Lang, clip(s.Text), str(s.NoteOf), str(s.DuplicateOf),
			str(s.Title), s.Author, str(s.URL), s.Location, s.Date, s.Tags, s.Format})
	}
	return stream(x, "Sources", sourceHeader, rows)
}

// stream writes a header and rows with excelize's StreamWriter. Every
// string is written as text: a highlight that starts with = is no formula.
func stream(x *excelize.File, sheet string, header []any, rows [][]any) error {
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func opt(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func str(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
