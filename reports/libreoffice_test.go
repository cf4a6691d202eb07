package reports

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The highlight of inconsistent rows is what a spreadsheet program shows,
// not only a rule in the XML: LibreOffice converts the workbook to HTML,
// which gives each cell the fill its conditional format gives it, and
// every row whose status is inconsistent, and no other, is pink. Skipped
// where LibreOffice is not installed (.ci/run installs it).
func TestHighlightInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	dir := t.TempDir()
	paths, err := WriteAll(dir, sample(), []Writer{XLSX{}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own: another LibreOffice running would take the
	// conversion over, or lock the default profile.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "html", "--outdir", dir, paths[0])
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	html, err := os.ReadFile(filepath.Join(dir, "factsheet.html"))
	if err != nil {
		t.Fatal(err)
	}
	sheets := sheetTables(string(html))
	for _, name := range []string{"Findings", "Finding claims", "Claims"} {
		rows := sheets[name]
		if len(rows) < 2 {
			t.Fatalf("%s: %d rows in LibreOffice's HTML", name, len(rows))
		}
		bad, pink := 0, 0
		for _, row := range rows[1:] {
			isBad := strings.Contains(row, ">inconsistent<")
			isPink := strings.Contains(strings.ToUpper(row), `BGCOLOR="#FFC7CE"`)
			if isBad {
				bad++
			}
			if isPink {
				pink++
			}
			if isBad != isPink {
				t.Errorf("%s: a row that is inconsistent=%v is pink=%v: %.300s", name, isBad, isPink, row)
			}
		}
		if bad == 0 && name != "Finding claims" { // the sample's only finding of three claims is unverifiable
			t.Errorf("%s: no inconsistent row to see", name)
		}
	}
}

var (
	sheetHead = regexp.MustCompile(`(?s)<h1>[^<]*<em>([^<]*)</em></h1>`)
	tableRow  = regexp.MustCompile(`(?is)<tr.*?</tr>`)
)

// sheetTables splits LibreOffice's HTML of a workbook into its sheets'
// rows, by sheet name.
func sheetTables(html string) map[string][]string {
	out := map[string][]string{}
	heads := sheetHead.FindAllStringSubmatchIndex(html, -1)
	for i, h := range heads {
		end := len(html)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		name := html[h[2]:h[3]]
		out[name] = tableRow.FindAllString(html[h[1]:end], -1)
	}
	return out
}
