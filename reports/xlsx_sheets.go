package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// sheet describes a streamed sheet of records: header, widths, and the
// cell of a column by name.
type sheet struct {
	name   string
	header []string
	widths []float64
}

func (s sheet) col(name string) string {
	for i, h := range s.header {
		if h == name {
			c, _ := excelize.ColumnNumberToName(i + 1)
			return c
		}
	}
	return "A"
}

func (s sheet) lastCol() string {
	c, _ := excelize.ColumnNumberToName(len(s.header))
	return c
}

// stream writes n records as rows of the sheet, in parts past Excel's row
// limit. after runs on each part before it is flushed (conditional formats,
// validations and links must be added then).
func (b *book) stream(s sheet, n int, row func(i int) []any, after func(name string, lo, hi int) error) error {
	per := maxRows - 1
	for part := 0; part == 0 || part*per < n; part++ {
		lo, hi := part*per, min((part+1)*per, n)
		name := partName(s.name, part)
		if err := b.part(s, name, lo, hi, row, after); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	return nil
}

func (b *book) part(s sheet, name string, lo, hi int, row func(int) []any, after func(string, int, int) error) error {
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	sw, err := b.x.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, w := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	head := make([]any, len(s.header))
	for i, h := range s.header {
		head[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i := lo; i < hi; i++ {
		if err := sw.SetRow("A"+strconv.Itoa(i-lo+2), row(i)); err != nil {
			return err
		}
	}
	if hi > lo {
		table := &excelize.Table{Range: fmt.Sprintf("A1:%s%d", s.lastCol(), hi-lo+1),
			Name: strings.NewReplacer(" ", "", "(", "_", ")", "").Replace(name), StyleName: "TableStyleLight9"}
		if err := sw.AddTable(table); err != nil {
			return err
		}
		if err := after(name, lo, hi); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// highlight marks the rows of a part whose status column says inconsistent.
func (b *book) highlight(s sheet, name string, rows int) error {
	rng := fmt.Sprintf("A2:%s%d", s.lastCol(), rows+1)
	return b.x.SetConditionalFormat(name, rng, []excelize.ConditionalFormatOptions{{
		Type: "formula", Criteria: "=", Format: &b.st.bad, Value: fmt.Sprintf(`$%s2="inconsistent"`, s.col("Status"))}})
}

// links adds internal links in one column of a part, up to Excel's limit.
func (b *book) links(name, col string, lo, hi int, target func(i int) string) error {
	for i := lo; i < hi && i-lo < maxLinks; i++ {
		to := target(i)
		if to == "" {
			continue
		}
		kind := "Location"
		if strings.Contains(to, "://") {
			kind = "External"
		}
		if err := b.x.SetCellHyperLink(name, col+strconv.Itoa(i-lo+2), to, kind); err != nil {
			return err
		}
	}
	return nil
}

var claimSheet = sheet{name: "Claims",
	header: []string{"ID", "File", "Line", "Col", "Claim text", "Value", "Unit", "Min", "Max", "Qualifier",
		"Kind", "Subject", "Metric", "Period", "Rule", "Status", "Source", "Source text", "Reviewer verdict", "Reviewer note"},
	widths: []float64{8, 24, 7, 6, 28, 14, 8, 12, 12, 12, 14, 20, 26, 14, 18, 13, 8, 80, 16, 30}}

// Verdicts are what reviewers wrote in a previous workbook's Claims sheet.
const (
	VerdictCol = "Reviewer verdict"
	NoteCol    = "Reviewer note"
)

func (b *book) claims() error {
	text := make(map[string]string, len(b.r.Sources))
	for _, s := range b.r.Sources {
		text[s.ID] = s.Text
	}
	row := func(i int) []any {
		c := &b.r.Claims[i]
		v := b.r.Verdicts[VerdictKey(c)]
		return []any{c.ID, c.File, c.Line, c.Col, c.Text, b.st.value(c, c.Value), c.Unit,
			b.st.value(c, opt(c.Min)), b.st.value(c, opt(c.Max)), c.Qualifier, c.Kind, c.Subject,
			c.Metric, c.Period, c.Rule, b.status[c.ID], c.Source,
			excelize.Cell{StyleID: b.st.wrap, Value: clip(text[c.Source])}, v[0], v[1]}
	}
	return b.stream(claimSheet, len(b.r.Claims), row, func(name string, lo, hi int) error {
		if err := b.highlight(claimSheet, name, hi-lo); err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", claimSheet.col(VerdictCol), claimSheet.col(VerdictCol), hi-lo+1)
		if err := dv.SetDropList([]string{"confirmed", "wrong", "unclear"}); err != nil {
			return err
		}
		if err := b.x.AddDataValidation(name, dv); err != nil {
			return err
		}
		return b.links(name, claimSheet.col("Source"), lo, hi, func(i int) string { return b.sourceAt[b.r.Claims[i].Source] })
	})
}

var findingSheet = sheet{name: "Findings",
	header: []string{"ID", "Status", "Kind", "Rule", "Message", "First claim", "Where", "Claims"},
	widths: []float64{8, 13, 13, 20, 100, 11, 30, 30}}

func (b *book) findings() error {
	where := make(map[string]string, len(b.r.Claims))
	for _, c := range b.r.Claims {
		where[c.ID] = c.File + ":" + strconv.Itoa(c.Line)
	}
	row := func(i int) []any {
		f := &b.r.Findings[i]
		var places []string
		seen := map[string]bool{}
		for _, id := range f.Claims {
			if p := where[id]; !seen[p] {
				seen[p] = true
				places = append(places, p)
			}
		}
		first := ""
		if len(f.Claims) > 0 {
			first = f.Claims[0]
		}
		return []any{f.ID, f.Status, f.Kind, f.Rule, excelize.Cell{StyleID: b.st.wrap, Value: clip(f.Message)}, first,
			clip(strings.Join(places, " ")), clip(strings.Join(f.Claims, " "))}
	}
	return b.stream(findingSheet, len(b.r.Findings), row, func(name string, lo, hi int) error {
		if err := b.highlight(findingSheet, name, hi-lo); err != nil {
			return err
		}
		return b.links(name, findingSheet.col("First claim"), lo, hi, func(i int) string {
			if len(b.r.Findings[i].Claims) == 0 {
				return ""
			}
			return b.claimAt[b.r.Findings[i].Claims[0]]
		})
	})
}

var sourceSheet = sheet{name: "Sources",
	header: []string{"ID", "File", "Line", "Role", "Language", "Title", "Author", "URL", "Location", "Date", "Tags",
		"Format", "Note of", "Duplicate of", "Text"},
	widths: []float64{8, 24, 7, 7, 9, 24, 18, 30, 18, 20, 14, 10, 9, 12, 90}}

func (b *book) sources() error {
	row := func(i int) []any {
		s := &b.r.Sources[i]
		return []any{s.ID, s.File, s.Line, s.Role, s.Lang, str(s.Title), s.Author, str(s.URL), s.Location, s.Date,
			s.Tags, s.Format, str(s.NoteOf), str(s.DuplicateOf), excelize.Cell{StyleID: b.st.wrap, Value: clip(s.Text)}}
	}
	return b.stream(sourceSheet, len(b.r.Sources), row, func(name string, lo, hi int) error {
		if err := b.links(name, sourceSheet.col("URL"), lo, hi, func(i int) string { return str(b.r.Sources[i].URL) }); err != nil {
			return err
		}
		return b.links(name, sourceSheet.col("Note of"), lo, hi, func(i int) string {
			if n := b.r.Sources[i].NoteOf; n != nil {
				return b.sourceAt[*n]
			}
			return ""
		})
	})
}

var ruleSheet = sheet{name: "Rules", header: []string{"ID", "Type", "Description", "Claims"}, widths: []float64{24, 12, 90, 9}}

func (b *book) rules() error {
	return b.stream(ruleSheet, len(b.r.Rules), func(i int) []any {
		u := b.r.Rules[i]
		return []any{u.ID, u.Type, u.Description, u.Claims}
	}, func(string, int, int) error { return nil })
}

// VerdictKey matches a claim across runs: same file, text and value.
func VerdictKey(c *pipeline.Claim) string {
	return c.File + "\x00" + c.Text + "\x00" + strconv.FormatFloat(c.Value, 'g', -1, 64)
}
