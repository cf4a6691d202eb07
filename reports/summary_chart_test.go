package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The Summary's chart shows the problems: its series are the inconsistent
// and unverifiable findings of each kind, read from the table beside it,
// not claims, and not the consistent findings.
func TestSummaryChartShowsProblems(t *testing.T) {
	var b bytes.Buffer
	if err := writeXLSX(&b, sample()); err != nil {
		t.Fatal(err)
	}
	chart := unzip(t, b.Bytes())["xl/charts/chart1.xml"]
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// read gives the values of the cells a chart's reference names.
	read := func(ref string) []string {
		sheet, rng, _ := strings.Cut(ref, "!")
		from, to, ok := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
		if !ok {
			to = from
		}
		c1, r1, _ := excelize.CellNameToCoordinates(from)
		c2, r2, _ := excelize.CellNameToCoordinates(to)
		var out []string
		for c := c1; c <= c2; c++ {
			for r := r1; r <= r2; r++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				v, _ := f.GetCellValue(sheet, cell)
				out = append(out, v)
			}
		}
		return out
	}
	var names, cats []string
	values := map[string][]string{}
	for _, s := range regexp.MustCompile(`(?s)<ser>.*?</ser>`).FindAllString(chart, -1) {
		refs := regexp.MustCompile(`<f>([^<]*)</f>`).FindAllStringSubmatch(s, -1)
		if len(refs) != 3 {
			t.Fatalf("series with %d references: %s", len(refs), s)
		}
		name := strings.Join(read(refs[0][1]), "")
		names = append(names, name)
		cats = read(refs[1][1])
		values[name] = read(refs[2][1])
	}
	if got := strings.Join(names, ","); got != "Inconsistent,Unverifiable" {
		t.Errorf("series %s", got)
	}
	// The sample has one inconsistent restatement and one unverifiable
	// arithmetic finding; its conflict is consistent, charted as nothing.
	want := map[string][2]string{"restatement": {"1", "0"}, "arithmetic": {"0", "1"}, "conflict": {"0", "0"}}
	if len(cats) != len(want) || len(values["Inconsistent"]) != len(cats) || len(values["Unverifiable"]) != len(cats) {
		t.Fatalf("categories %q, values %q", cats, values)
	}
	for i, kind := range cats {
		w, ok := want[kind]
		if !ok || values["Inconsistent"][i] != w[0] || values["Unverifiable"][i] != w[1] {
			t.Errorf("%s: inconsistent %s, unverifiable %s, want %v", kind, values["Inconsistent"][i], values["Unverifiable"][i], w)
		}
	}
}
