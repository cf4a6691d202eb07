package reports

import (
	"bufio"
	"encoding/csv"
	"os"
	"strconv"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// ClaimsCSV writes claims.csv and FindingsCSV findings.csv: UTF-8 with a
// BOM, so that Excel reads the CJK text, and cells that a spreadsheet would
// take for a formula escaped as OWASP recommends.
type ClaimsCSV struct{}

// FindingsCSV writes findings.csv.
type FindingsCSV struct{}

var (
	_ Writer = ClaimsCSV{}
	_ Writer = FindingsCSV{}
)

// File implements Writer.
func (ClaimsCSV) File() string { return "claims.csv" }

// File implements Writer.
func (FindingsCSV) File() string { return "findings.csv" }

// Write implements Writer.
func (ClaimsCSV) Write(f *os.File, r *pipeline.Result) error {
	status := claimStatus(r)
	header := []string{"ID", "File", "Line", "Col", "Claim text", "Value", "Unit", "Min", "Max", "Qualifier",
		"Kind", "Subject", "Metric", "Period", "Rule", "Status", "Source"}
	return writeCSV(f, header, len(r.Claims), func(i int) []string {
		c := &r.Claims[i]
		return []string{c.ID(), c.File(), strconv.Itoa(int(c.Line)), strconv.Itoa(int(c.Col)), c.Text, fnum(&c.Value), c.Unit(),
			fnum(c.Min), fnum(c.Max), c.Qualifier(), c.Kind(), c.Subject(), c.Metric(), c.Period(), c.Rule(),
			status[c.ID()], c.Source()}
	})
}

// Write implements Writer.
func (FindingsCSV) Write(f *os.File, r *pipeline.Result) error {
	return writeCSV(f, []string{"ID", "Status", "Kind", "Rule", "Message", "Claims"}, len(r.Findings), func(i int) []string {
		x := &r.Findings[i]
		return []string{x.ID, x.Status, x.Kind, x.Rule, x.Message, strings.Join(x.Claims, " ")}
	})
}

func writeCSV(f *os.File, header []string, n int, row func(int) []string) error {
	b := bufio.NewWriter(f)
	b.WriteString("\ufeff")
	w := csv.NewWriter(b)
	if err := w.Write(header); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		rec := row(i)
		for k, v := range rec {
			rec[k] = escapeCell(v)
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return b.Flush()
}

// escapeCell keeps a spreadsheet from running text as a formula: a cell that
// starts with = + - @, a tab or a carriage return gets a leading quote. A
// plain negative number stays a number.
func escapeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

func fnum(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'g', -1, 64)
}

// claimStatus is each claim's worst finding: inconsistent, unverifiable, consistent.
func claimStatus(r *pipeline.Result) map[string]string {
	out := map[string]string{}
	for _, f := range r.Findings {
		for _, id := range f.Claims {
			if rank(f.Status) > rank(out[id]) {
				out[id] = f.Status
			}
		}
	}
	return out
}
