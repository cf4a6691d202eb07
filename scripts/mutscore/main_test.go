package main

import (
	"bytes"
	"github.com/factsheet-dev/factsheet/scripts/internal/gremlins"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestReadEquivalent(t *testing.T) {
	in := "# header, no reason\n\n# why: -0 and 0 compare equal\n" +
		"pipeline/spanmath.go CONDITIONALS_BOUNDARY 9: case a.Lo >= 0:\n" +
		"pipeline/spanmath.go CONDITIONALS_BOUNDARY 9: case a.Hi <= 0:\n"
	eq, err := readEquivalent("eq.txt", strings.NewReader(in))
	if err != nil || len(eq) != 2 {
		t.Fatalf("%d entries, %v", len(eq), err)
	}
	if e := eq[1]; e.file != "pipeline/spanmath.go" || e.typ != "CONDITIONALS_BOUNDARY" || e.col != 9 ||
		e.code != "case a.Hi <= 0:" || e.why != "-0 and 0 compare equal" || e.line != 5 {
		t.Errorf("entry %+v", *e)
	}
	for _, bad := range []string{
		"pipeline/a.go X 3: code\n",                   // no reason
		"# why: r\npipeline/a.go X: code\n",           // no column
		"# why: r\npipeline/a.go X three: code\n",     // not a number
		"# why: r\npipeline/a.go X 3 code\n",          // no ": "
		"# why: r\n\npipeline/a.go X 3: code\n",       // a blank line ends the reason
		"# why: r\npipeline/a.go X 0: code\n",         // columns start at 1
		"# why: r\npipeline/a.go X 3 extra: code\n",   // four fields
		"# why: r\npipeline/a.go CONDITIONALS 3:code", // no space after the colon
	} {
		if _, err := readEquivalent("eq.txt", strings.NewReader(bad)); err == nil || !strings.HasPrefix(err.Error(), "eq.txt:") {
			t.Errorf("%q: %v, want an error naming the line", bad, err)
		}
	}
}

// Killed and timed-out mutants are caught; lived and uncovered ones
// survive; one that does not compile is not counted; a listed equivalent
// mutant is counted apart, matched by file, type, column and code.
func TestClassify(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "pkg", "a.go")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, []byte("package a\n\nfunc f(x int) bool { return x > 0 }\nfunc g(x int) bool { return x < 0 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, "pkg")
	rep := report{}
	rep.Files = append(rep.Files, gremlins.File{Name: "a.go", Mutations: []*mutation{
		{Type: "CONDITIONALS_BOUNDARY", Status: "KILLED", Line: 3, Column: 30},
		{Type: "CONDITIONALS_NEGATION", Status: "TIMED OUT", Line: 3, Column: 30},
		{Type: "CONDITIONALS_BOUNDARY", Status: "LIVED", Line: 4, Column: 30},
		{Type: "CONDITIONALS_NEGATION", Status: "NOT COVERED", Line: 4, Column: 30},
		{Type: "ARITHMETIC_BASE", Status: "NOT VIABLE", Line: 4, Column: 30},
		{Type: "CONDITIONALS_BOUNDARY", Status: "LIVED", Line: 3, Column: 30}, // equivalent, by its code
	}})
	eq := []*equivalent{
		{file: pkg + "/a.go", typ: "CONDITIONALS_BOUNDARY", col: 30, code: "func f(x int) bool { return x > 0 }", why: "w"},
		{file: pkg + "/a.go", typ: "CONDITIONALS_BOUNDARY", col: 30, code: "func h() {}", why: "stale"},
	}
	tallies, surv, warn := classify(pkg, rep, eq, sources{}, nil)
	got := tallies[pkg+"/a.go"]
	if got != (tally{caught: 1, survived: 2, equivalent: 2, timedOut: 1, notViable: 1}) {
		t.Errorf("tally %+v", got)
	}
	// The killed one at 3:30 is listed as equivalent too: it matched, and
	// a warning says a test caught it.
	if len(warn) != 1 || !strings.Contains(warn[0], "listed as equivalent but a test caught it") {
		t.Errorf("warnings %q", warn)
	}
	if len(surv) != 2 || surv[0].status != "LIVED" || surv[1].status != "NOT COVERED" || surv[0].code != "func g(x int) bool { return x < 0 }" {
		t.Errorf("survivors %+v", surv)
	}
	if !eq[0].used || eq[1].used {
		t.Errorf("used: %v %v", eq[0].used, eq[1].used)
	}
	if s := got.score(); s < 33.3 || s > 33.4 {
		t.Errorf("score %g", s)
	}
	var b bytes.Buffer
	printTable(&b, "pkg", tallies)
	if !strings.Contains(b.String(), "33.3%") || !strings.Contains(b.String(), "1 timed out; 1 did not compile") {
		t.Errorf("table:\n%s", b.String())
	}
}

// A + of strings turned into - does not compile: it is found by type.
func TestNonCompiling(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module m\n\ngo 1.22\n")
	write("p/a.go", "package p\n\ntype label string\n\nfunc f(s string, n int, l label) (string, int, label) {\n\ts += \"x\"\n\treturn s + \"y\", n + 1, l + \"z\"\n}\n")
	rep := report{}
	rep.Files = append(rep.Files, gremlins.File{Name: "a.go"})
	got, err := nonCompiling(dir, "p", rep)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := "p/a.go:6:4 p/a.go:7:11 p/a.go:7:27"; strings.Join(keys, " ") != want {
		t.Errorf("not compiling at %q, want %s", keys, want)
	}
}
