package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// review fills in verdicts in a workbook as a reviewer would, in Excel:
// on the row whose ID is id, each column by its header.
func review(t *testing.T, x *excelize.File, sheet, id string, cells map[string]any) {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if len(row) == 0 || row[0] != id {
			continue
		}
		for i, h := range rows[0] {
			if v, ok := cells[h]; ok {
				cell, _ := excelize.CoordinatesToCellName(i+1, r+1)
				if err := x.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	t.Fatalf("%s: no row %s", sheet, id)
}

// rowOf returns the cells of the row whose ID is id, by header.
func rowOf(t *testing.T, book, sheet, id string) map[string]string {
	t.Helper()
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if len(row) > 0 && row[0] == id {
			out := map[string]string{}
			for i, h := range rows[0] {
				if i < len(row) {
					out[h] = row[i]
				}
			}
			return out
		}
	}
	return nil
}

type report struct {
	Claims []struct {
		ID, Text string
		Line     int
	}
	Findings []struct {
		ID     string
		Status string
	}
	Verdicts     []map[string]string `json:"verdicts"`
	LostVerdicts []map[string]string `json:"lost_verdicts"`
}

func readReport(t *testing.T, dir string) report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// Verdicts written in a workbook survive a re-run after lines are inserted
// above their claims; a verdict whose claim's figure was edited is listed
// on the Lost verdicts sheet with its old text and note, and the log's
// counts say so.
func TestVerdictsFollowTheirClaims(t *testing.T) {
	inRoot(t)
	seed, err := os.ReadFile("seeds/ai-compute.txt")
	if err != nil {
		t.Fatal(err)
	}
	work, first, second := t.TempDir(), t.TempDir(), t.TempDir()
	input := filepath.Join(work, "notes.txt")
	os.WriteFile(input, seed, 0o644)
	if _, stderr, code := runCLI(t, "run", "--out", first, input); code != 0 {
		t.Fatal(stderr)
	}
	before := readReport(t, first)
	claim := func(text string) (string, int) {
		for _, c := range before.Claims {
			if c.Text == text {
				return c.ID, c.Line
			}
		}
		t.Fatalf("no claim %q", text)
		return "", 0
	}
	kept, _ := claim("7 months")                  // line 29: its line stays as it is
	edited, editedLine := claim("over ten times") // its figure is edited below
	var bad string
	for _, f := range before.Findings {
		if f.Status == "inconsistent" {
			bad = f.ID
			break
		}
	}

	book := filepath.Join(first, "factsheet.xlsx")
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	review(t, x, "Claims", kept, map[string]any{"Verdict": "confirmed", "Reviewer": "ana", "Note": "as in the report"})
	review(t, x, "Claims", edited, map[string]any{"Verdict": "wrong", "Note": "the report says eleven"})
	review(t, x, "Findings", bad, map[string]any{"Verdict": "false alarm", "Reviewer": "ana",
		"Checked on": time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "Note": "two periods"})
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()

	lines := strings.Split(string(seed), "\n")
	if !strings.Contains(lines[editedLine-1], "over ten times") {
		t.Fatalf("line %d: %q", editedLine, lines[editedLine-1])
	}
	lines[editedLine-1] = strings.Replace(lines[editedLine-1], "over ten times", "over twelve times", 1)
	changed := append([]string{"A new first line: 12 apples.", "And a second: 3 pears."}, lines...)
	os.WriteFile(input, []byte(strings.Join(changed, "\n")), 0o644)

	_, stderr, code := runCLI(t, "run", "--out", second, "--merge-verdicts", book, input)
	if code != 0 || !strings.Contains(stderr, "carried=2") || !strings.Contains(stderr, "lost=1") || !strings.Contains(stderr, "verdicts=3") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	newBook := filepath.Join(second, "factsheet.xlsx")
	if row := rowOf(t, newBook, "Claims", kept); row["Verdict"] != "confirmed" || row["Reviewer"] != "ana" || row["Note"] != "as in the report" ||
		row["Line"] != "31" {
		t.Errorf("carried claim verdict: %v", row)
	}
	if row := rowOf(t, newBook, "Findings", bad); row["Verdict"] != "false alarm" || row["Checked on"] != "2025-03-01" {
		t.Errorf("carried finding verdict: %v", row)
	}
	lost := rowOf(t, newBook, "Lost verdicts", "claim")
	if lost["Old ID"] != edited || lost["Verdict"] != "wrong" || lost["Note"] != "the report says eleven" ||
		!strings.Contains(lost["Old text"], "over ten times") || lost["Where"] != input+":"+strconv.Itoa(editedLine) || lost["Why"] == "" {
		t.Errorf("lost verdict: %v", lost)
	}
	after := readReport(t, second)
	if len(after.Verdicts) != 2 || after.Verdicts[0]["id"] != kept || after.Verdicts[1]["id"] != bad ||
		after.Verdicts[1]["checked_on"] != "2025-03-01" {
		t.Errorf("verdicts in the JSON: %v", after.Verdicts)
	}
	if len(after.LostVerdicts) != 1 || after.LostVerdicts[0]["id"] != edited {
		t.Errorf("lost verdicts in the JSON: %v", after.LostVerdicts)
	}

	// A third run on the second workbook keeps the lost verdict listed.
	third := t.TempDir()
	if _, stderr, code := runCLI(t, "run", "--out", third, "--merge-verdicts", newBook, input); code != 0 ||
		!strings.Contains(stderr, "carried=2") || !strings.Contains(stderr, "lost=1") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}
