package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tag is a letter code, so that no two lines are alike and no digit adds
// a figure.
func tag(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}

// summaryText is the Summary sheet of a workbook, line by line.
func summaryText(t *testing.T, book string) string {
	t.Helper()
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " ") + "\n")
	}
	return b.String()
}

// Runs past Excel's 65,530 links a sheet finish with every report
// written, and the Summary says where the links stop: 70,000 sources with
// URLs, and 70,000 inconsistent findings.
func TestRunPastTheLinkLimit(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	var urls, pairs bytes.Buffer
	for i := range 70000 {
		fmt.Fprintf(&urls, `{"text": "Sales grew 5%% in the store %s.", "url": "https://example.org/%s?a=1&b=2"}`+"\n", tag(i), tag(i))
		fmt.Fprintf(&pairs, "Data centres used about 415 TWh of electricity in 2024 (plant %s).\n数据中心在2024年用电451太瓦时（%s）。\n", tag(i), tag(i))
	}
	os.WriteFile(filepath.Join(dir, "urls.jsonl"), urls.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "pairs.txt"), pairs.Bytes(), 0o644)
	for _, c := range []struct{ input, note string }{
		{"urls.jsonl", "Sources: links stop after row 65531"},
		{"pairs.txt", "Findings: links stop after row"},
	} {
		out := filepath.Join(dir, "out-"+c.input)
		_, stderr, code := runCLI(t, "run", "--checks="+fmt.Sprint(c.input == "pairs.txt"), "--out", out, filepath.Join(dir, c.input))
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.input, code, stderr)
		}
		for _, f := range []string{"factsheet.json", "factsheet.xlsx"} {
			if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
				t.Errorf("%s: %s: %v", c.input, f, err)
			}
		}
		if c.input == "pairs.txt" && !strings.Contains(stderr, "70000 inconsistent findings") {
			t.Errorf("pairs: %s", stderr)
		}
		if s := summaryText(t, filepath.Join(out, "factsheet.xlsx")); !strings.Contains(s, c.note) {
			t.Errorf("%s: the Summary lacks %q:\n%s", c.input, c.note, s)
		}
	}
}

// With SOURCE_DATE_EPOCH set, two runs write byte-identical workbooks.
func TestWorkbookByteIdentical(t *testing.T) {
	inRoot(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	var books [2][]byte
	for i := range books {
		dir := t.TempDir()
		if _, stderr, code := runCLI(t, "run", "--format", "xlsx", "--out", dir, "seeds/"); code != 0 {
			t.Fatal(stderr)
		}
		books[i], _ = os.ReadFile(filepath.Join(dir, "factsheet.xlsx"))
	}
	if len(books[0]) < 10000 || !bytes.Equal(books[0], books[1]) {
		t.Error("two workbooks of the same input differ")
	}
}
