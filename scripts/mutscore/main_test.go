package main

import (
	"bytes"
	"os"
	"path/filepath"
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
	rep.Files = append(rep.Files, struct {
		Name      string     `json:"file_name"`
		Mutations []mutation `json:"mutations"`
	}{"a.go", []mutation{
		{"CONDITIONALS_BOUNDARY", "KILLED", 3, 30},
		{"CONDITIONALS_NEGATION", "TIMED OUT", 3, 30},
		{"CONDITIONALS_BOUNDARY", "LIVED", 4, 30},
		{"CONDITIONALS_NEGATION", "NOT COVERED", 4, 30},
		{"ARITHMETIC_BASE", "NOT VIABLE", 4, 30},
		{"CONDITIONALS_BOUNDARY", "LIVED", 3, 30}, // equivalent, by its code
	}})
	eq := []*equivalent{
		{file: pkg + "/a.go", typ: "CONDITIONALS_BOUNDARY", col: 30, code: "func f(x int) bool { return x > 0 }", why: "w"},
		{file: pkg + "/a.go", typ: "CONDITIONALS_BOUNDARY", col: 30, code: "func h() {}", why: "stale"},
	}
	tallies, surv, warn := classify(pkg, rep, eq, sources{})
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
