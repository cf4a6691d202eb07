// Command mutscore reads the JSON reports of a mutation run (gremlins' -o
// format, as scripts/mutschema writes them; see scripts/mutation.sh) and
// prints, per file, the mutants the tests caught and those that
// survived, leaving out the equivalent mutants listed in a file: changes that
// cannot alter behaviour, so no test can catch them.
//
//	go run ./scripts/mutscore -equivalent scripts/mutation-equivalent.txt pipeline=pipeline.json rules=rules.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/factsheet-dev/factsheet/scripts/internal/gremlins"
	"io"
	"os"
	"path"
	"sort"
	"strings"
)

// report and mutation are gremlins' report format, shared with the other
// mutation script.
type (
	report   = gremlins.Report
	mutation = gremlins.Mutation
)

// equivalent is one entry of the equivalent-mutants file. It names the code
// of the mutated line rather than its number, so that it holds while the
// lines around it move, and goes stale (and is reported) when the line changes.
type equivalent struct {
	file, typ, code, why string
	col                  int
	line                 int // in the equivalent-mutants file
	used                 bool
}

func (e *equivalent) key() string { return fmt.Sprintf("%s %s %d: %s", e.file, e.typ, e.col, e.code) }

// readEquivalent reads entries of the form
//
//	# why: the reason, on one or more comment lines before the entries it covers
//	pipeline/interval.go CONDITIONALS_BOUNDARY 23: if v != 0 && (math.Abs(v) >= 1e7 {
func readEquivalent(name string, r io.Reader) ([]*equivalent, error) {
	var out []*equivalent
	why := ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			why = ""
		case strings.HasPrefix(line, "#"):
			if w, ok := strings.CutPrefix(line, "# why:"); ok {
				why = strings.TrimSpace(w)
			}
		default:
			head, code, ok := strings.Cut(line, ": ")
			f := strings.Fields(head)
			var col int
			if !ok || len(f) != 3 {
				return nil, fmt.Errorf("%s:%d: want FILE TYPE COLUMN: CODE, got %q", name, n, line)
			}
			if _, err := fmt.Sscan(f[2], &col); err != nil || col < 1 {
				return nil, fmt.Errorf("%s:%d: column %q is not a number", name, n, f[2])
			}
			if why == "" {
				return nil, fmt.Errorf("%s:%d: no \"# why:\" line before the entry", name, n)
			}
			out = append(out, &equivalent{file: f[0], typ: f[1], col: col, code: strings.TrimSpace(code), why: why, line: n})
		}
	}
	return out, sc.Err()
}

// tally is what one file's mutants came to.
type tally struct {
	caught, survived, equivalent, timedOut, notViable int
}

func (t *tally) add(o tally) {
	t.caught += o.caught
	t.survived += o.survived
	t.equivalent += o.equivalent
	t.timedOut += o.timedOut
	t.notViable += o.notViable
}

// score is the share of the mutants that count which the tests caught.
func (t tally) score() float64 {
	if t.caught+t.survived == 0 {
		return 100
	}
	return 100 * float64(t.caught) / float64(t.caught+t.survived)
}

// sourceLine returns line n of a file, trimmed; the files are read once.
type sources map[string][]string

func (s sources) line(file string, n int) string {
	lines, ok := s[file]
	if !ok {
		data, _ := os.ReadFile(file)
		lines = strings.Split(string(data), "\n")
		s[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

// survivor is a mutant that counts against the score, for the list.
type survivor struct {
	file            string
	line, col       int
	typ, status, at string
	code            string
}

// classify sorts one package's mutants into files' tallies and survivors;
// those at a position of noCompile ("file:line:col") that make + a - are
// not viable, whatever gremlins said.
func classify(pkg string, rep report, eq []*equivalent, src sources, noCompile map[string]bool) (map[string]tally, []survivor, []string) {
	byKey := map[string]*equivalent{}
	for _, e := range eq {
		byKey[e.key()] = e
	}
	tallies := map[string]tally{}
	var surv []survivor
	var warn []string
	for _, f := range rep.Files {
		file := path.Join(pkg, f.Name)
		t := tallies[file]
		for _, m := range f.Mutations {
			code := src.line(file, m.Line)
			if noCompile[fmt.Sprintf("%s:%d:%d", file, m.Line, m.Column)] && (m.Type == "ARITHMETIC_BASE" || m.Type == "INVERT_ASSIGNMENTS") {
				m.Status = "NOT VIABLE"
			}
			k := fmt.Sprintf("%s %s %d: %s", file, m.Type, m.Column, code)
			if e := byKey[k]; e != nil {
				e.used = true
				t.equivalent++
				if m.Status == "KILLED" {
					warn = append(warn, fmt.Sprintf("%s:%d:%d %s is listed as equivalent but a test caught it", file, m.Line, m.Column, m.Type))
				}
				continue
			}
			switch m.Status {
			case "KILLED":
				t.caught++
			case "TIMED OUT": // the tests did not pass; a hang is caught too
				t.caught++
				t.timedOut++
			case "LIVED", "NOT COVERED":
				t.survived++
				surv = append(surv, survivor{file, m.Line, m.Column, m.Type, m.Status,
					fmt.Sprintf("%s:%d:%d", file, m.Line, m.Column), code})
			default: // NOT VIABLE: the change does not compile
				t.notViable++
			}
		}
		tallies[file] = t
	}
	sort.Slice(surv, func(i, j int) bool {
		a, b := surv[i], surv[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	return tallies, surv, warn
}

func main() {
	eqFile := flag.String("equivalent", "", "file of equivalent mutants")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: mutscore [-equivalent FILE] PACKAGE=REPORT.json...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	var eq []*equivalent
	if *eqFile != "" {
		f, err := os.Open(*eqFile)
		if err != nil {
			fail(err)
		}
		eq, err = readEquivalent(*eqFile, f)
		f.Close()
		if err != nil {
			fail(err)
		}
	}
	src := sources{}
	var allSurv []survivor
	var warns []string
	run := map[string]bool{}
	for _, arg := range flag.Args() {
		pkg, file, ok := strings.Cut(arg, "=")
		if !ok {
			fail(fmt.Errorf("%q is not PACKAGE=REPORT.json", arg))
		}
		data, err := os.ReadFile(file)
		if err != nil {
			fail(err)
		}
		var rep report
		if err := json.Unmarshal(data, &rep); err != nil {
			fail(fmt.Errorf("%s: %w", file, err))
		}
		noCompile, err := nonCompiling(".", pkg, rep)
		if err != nil {
			fail(err)
		}
		tallies, surv, warn := classify(pkg, rep, eq, src, noCompile)
		allSurv = append(allSurv, surv...)
		warns = append(warns, warn...)
		printTable(os.Stdout, pkg, tallies)
		for f := range tallies {
			run[f] = true
		}
	}
	if len(allSurv) > 0 {
		fmt.Println("\nsurvivors (a test should fail on each; or list it as equivalent, with why):")
		for _, s := range allSurv {
			fmt.Printf("  %-36s %-22s %-11s %s\n", s.at, s.typ, s.status, s.code)
		}
	}
	for _, e := range eq {
		if !e.used && run[e.file] {
			warns = append(warns, fmt.Sprintf("%s:%d: no mutant matches %q (the code changed?)", *eqFile, e.line, e.key()))
		}
	}
	for _, w := range warns {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
}

func printTable(w io.Writer, pkg string, tallies map[string]tally) {
	files := make([]string, 0, len(tallies))
	for f := range tallies {
		files = append(files, f)
	}
	sort.Strings(files)
	fmt.Fprintf(w, "\n%-36s %7s %9s %6s %7s\n", pkg, "caught", "survived", "equiv", "score")
	var total tally
	for _, f := range files {
		t := tallies[f]
		total.add(t)
		fmt.Fprintf(w, "  %-34s %7d %9d %6d %6.1f%%\n", f, t.caught, t.survived, t.equivalent, t.score())
	}
	fmt.Fprintf(w, "  %-34s %7d %9d %6d %6.1f%%\n", "total", total.caught, total.survived, total.equivalent, total.score())
	if total.timedOut > 0 || total.notViable > 0 {
		fmt.Fprintf(w, "  (caught includes %d timed out; %d did not compile and are not counted)\n", total.timedOut, total.notViable)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mutscore:", err)
	os.Exit(2)
}
