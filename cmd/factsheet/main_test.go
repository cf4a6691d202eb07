package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// inRoot runs the test from the repository root, where seeds/ is, so that
// the report names the files as a user who runs it there sees them.
func inRoot(t *testing.T) {
	t.Helper()
	t.Chdir("../..")
}

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runStdin(t, "", args...)
}

// runStdin runs the command line with stdin as its standard input.
func runStdin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := execute(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// TestSeedGolden compares each sample's JSON report with its golden file.
func TestSeedGolden(t *testing.T) {
	inRoot(t)
	samples, _ := filepath.Glob("seeds/*")
	if len(samples) < 6 {
		t.Fatalf("samples: %v", samples)
	}
	for _, s := range samples {
		t.Run(filepath.Base(s), func(t *testing.T) { golden(t, s) })
	}
}

func golden(t *testing.T, sample string) {
	dir := t.TempDir()
	_, stderr, code := runCLI(t, "run", "--format", "json", "--out", dir, sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimSuffix(filepath.Base(sample), filepath.Ext(sample))
	golden := "cmd/factsheet/testdata/golden/" + strings.ReplaceAll(name, " ", "-") + ".json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/factsheet -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("seed report differs from %s; diff it, then -update if the change is right", golden)
	}
}

// TestDeterministic runs twice and expects the same bytes.
func TestDeterministic(t *testing.T) {
	inRoot(t)
	var reports [2][]byte
	for i := range reports {
		dir := t.TempDir()
		if _, stderr, code := runCLI(t, "run", "--format", "json", "--workers", "2", "--out", dir, "seeds/"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		reports[i], _ = os.ReadFile(filepath.Join(dir, "factsheet.json"))
	}
	if len(reports[0]) == 0 || !bytes.Equal(reports[0], reports[1]) {
		t.Error("two runs differ")
	}
}

// TestBinary builds the command and runs it on seeds/ as a user would.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "factsheet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	inRoot(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "run", "--out", dir, "seeds/")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "sources,") {
		t.Errorf("no summary line in %s", out)
	}
	for _, f := range []string{"factsheet.json", "factsheet.xlsx"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestRulesTestCommand(t *testing.T) {
	out, stderr, code := runCLI(t, "rules", "test")
	if code != 0 || !strings.Contains(out, " passed, 0 failed") {
		t.Errorf("exit %d: %s%s", code, out, stderr)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--format", "pdf", "x"}, `--format: unknown format "pdf"`},
		{[]string{"run", "no/such/file.txt"}, "no/such/file.txt"},
		{[]string{"run", "--log-level", "loud", "x"}, `--log-level: "loud"`},
		{[]string{"rules", "test", "--rules", "../../rules/testdata/config/invalid/bad-bound.yaml"}, `rule "roughly": field bound`},
	}
	for _, c := range cases {
		_, stderr, code := runCLI(t, c.args...)
		if code != exitError || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

// --fail-on inconsistent exits 1 when the seed's flags are found, as linters do.
func TestFailOn(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	_, stderr, code := runCLI(t, "run", "--format", "json", "--out", dir, "--fail-on", "inconsistent", "seeds/ai-compute.txt")
	if code != exitFindings || !strings.Contains(stderr, "4 inconsistent findings") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if _, _, code := runCLI(t, "run", "--format", "json", "--out", dir, "seeds/"); code != 0 {
		t.Errorf("without --fail-on: exit %d", code)
	}
}
