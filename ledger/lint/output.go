package lint

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func hash10(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:10]
}

// Formats are the --output names.
var Formats = []string{"text", "json", "sarif", "github"}

// Write writes the findings in a format: text (file:line:col: severity:
// message [rule], as compilers and linters print), json, sarif (SARIF
// 2.1.0) or github (workflow commands that annotate a pull request).
func Write(w io.Writer, format string, fs []Finding, tool Tool) error {
	switch format {
	case "text", "":
		return writeText(w, fs)
	case "json":
		return writeJSON(w, fs)
	case "sarif":
		return writeSARIF(w, fs, tool)
	case "github":
		return writeGitHub(w, fs)
	}
	return fmt.Errorf("unknown output %q (valid: %s)", format, strings.Join(Formats, ", "))
}

// Tool names the program in a SARIF log.
type Tool struct{ Name, Version, URI string }

func writeText(w io.Writer, fs []Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s]\n", f.File, f.Line, f.Col, f.Severity, f.Message, f.Rule)
	}
	return bw.Flush()
}

func writeJSON(w io.Writer, fs []Finding) error {
	if fs == nil {
		fs = []Finding{}
	}
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.Rule]++
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(struct {
		Findings []Finding      `json:"findings"`
		Counts   map[string]int `json:"counts"`
	}{fs, counts})
}

// github escapes a workflow command's message and its properties.
var (
	ghData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProp = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func writeGitHub(w io.Writer, fs []Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		level := map[string]string{"error": "error", "warning": "warning"}[f.Severity]
		if level == "" {
			level = "notice"
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endColumn=%d,title=%s::%s\n", level, ghProp.Replace(f.File),
			f.Line, f.Col, f.EndCol, ghProp.Replace("factsheet "+f.Rule), ghData.Replace(f.Message))
	}
	return bw.Flush()
}

// Baseline is a set of accepted finding ids, read from a file with one id
// a line (the first word of it; # starts a comment), as gitleaks reads
// .gitleaksignore.
type Baseline map[string]bool

// ReadBaseline reads a baseline file; a missing file is an error.
func ReadBaseline(path string) (Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := Baseline{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		id := fields[0]
		if _, _, ok := strings.Cut(id, "-"); !ok {
			return nil, fmt.Errorf("%s:%d: %q is not a finding id (such as misquoted-3fa9e01b2c)", path, n, id)
		}
		b[id] = true
	}
	return b, sc.Err()
}

// Filter returns the findings the baseline does not hold and how many it silenced.
func (b Baseline) Filter(fs []Finding) ([]Finding, int) {
	out := fs[:0:0]
	for _, f := range fs {
		if !b[f.ID] {
			out = append(out, f)
		}
	}
	return out, len(fs) - len(out)
}

// WriteBaseline writes the findings' ids as a baseline file, each with a
// comment that says what it silences.
func WriteBaseline(w io.Writer, fs []Finding) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# factsheet check baseline: accepted findings, one id a line")
	sorted := append([]Finding(nil), fs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, f := range sorted {
		fmt.Fprintf(bw, "%s  # %s:%d %q\n", f.ID, filepath.ToSlash(f.File), f.Line, f.Text)
	}
	return bw.Flush()
}
