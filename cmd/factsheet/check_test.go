package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seedLedger runs the seeds into a new ledger and returns its path.
func seedLedger(t *testing.T) string {
	t.Helper()
	inRoot(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01: the "first read" dates of the messages
	dir := t.TempDir()
	db := filepath.Join(dir, "l.db")
	if _, stderr, code := runCLI(t, "run", "--format", "json", "--out", dir, "--ledger", db, "seeds/"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	return db
}

// TestCheckDraftGolden: the draft misquotes the seed; the text output is
// golden, and the exit status follows --fail-on.
func TestCheckDraftGolden(t *testing.T) {
	db := seedLedger(t)
	out, stderr, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--fail-on", "misquoted")
	if code != exitFindings {
		t.Errorf("exit %d, want 1: %s", code, stderr)
	}
	const golden = "cmd/factsheet/testdata/golden/check-draft.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/factsheet -update)", err)
	}
	if out != string(want) {
		t.Errorf("check output differs from %s:\n%s", golden, out)
	}
	if !strings.Contains(stderr, "3 misquoted, 1 inconsistent") {
		t.Errorf("summary: %s", stderr)
	}
	for _, c := range []struct {
		failOn string
		code   int
	}{{"never", 0}, {"inconsistent", 1}, {"unsupported", 1}, {"misquoted,inconsistent", 1}, {"bogus", 2}} {
		if _, _, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--fail-on", c.failOn); code != c.code {
			t.Errorf("--fail-on %s: exit %d, want %d", c.failOn, code, c.code)
		}
	}
	if _, _, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--fail-on", "unsupported", "--unsupported=false"); code != 0 {
		t.Errorf("--unsupported=false still fails on unsupported: exit %d", code)
	}
}

// TestCheckAgainstReport: a factsheet.json report stands in for a ledger.
func TestCheckAgainstReport(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	if _, stderr, code := runCLI(t, "run", "--format", "json", "--out", dir, "seeds/ai-compute.txt"); code != 0 {
		t.Fatal(stderr)
	}
	out, stderr, code := runCLI(t, "check", "seeds/draft.md", "--against", filepath.Join(dir, "factsheet.json"))
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	places := regexp.MustCompile(`(?m)^(\S+:\d+:\d+): error: .*? at (\S+:\d+:\d+) `).FindAllStringSubmatch(out, -1)
	var got []string
	for _, p := range places {
		got = append(got, p[1]+" "+p[2])
	}
	want := "seeds/draft.md:7:98 seeds/ai-compute.txt:29:48 seeds/draft.md:9:91 seeds/ai-compute.txt:9:27 seeds/draft.md:10:20 seeds/ai-compute.txt:31:71"
	if strings.Join(got, " ") != want {
		t.Errorf("misquotes and their sources:\n got %v\nwant %s\n%s", got, want, out)
	}
}

// TestCheckBaseline: accepted findings are silenced, and the run passes.
func TestCheckBaseline(t *testing.T) {
	db := seedLedger(t)
	base := filepath.Join(t.TempDir(), "ignore")
	if _, stderr, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--write-baseline", base); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out, stderr, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--baseline", base, "--fail-on", "misquoted,inconsistent,unsupported")
	if code != 0 || out != "" || !strings.Contains(stderr, "(8 silenced by the baseline)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, stderr, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--baseline", "no/such/file"); code != exitError || !strings.Contains(stderr, "no/such/file") {
		t.Errorf("missing baseline: exit %d, %s", code, stderr)
	}
}

// TestCheckOutputs: every --output is written; SARIF's validity against
// the schema is tested in ledger/lint.
func TestCheckOutputs(t *testing.T) {
	db := seedLedger(t)
	for _, o := range []string{"json", "sarif", "github"} {
		out, stderr, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--output", o)
		if code != exitFindings {
			t.Errorf("%s: exit %d: %s", o, code, stderr)
		}
		if o != "github" && !json.Valid([]byte(out)) {
			t.Errorf("%s: not JSON:\n%s", o, out)
		}
		if o == "github" && !strings.HasPrefix(out, "::error file=seeds/draft.md,line=7,col=98,") {
			t.Errorf("github:\n%s", out)
		}
	}
	if _, stderr, code := runCLI(t, "check", "seeds/draft.md", "--ledger", db, "--output", "xml"); code != exitError || !strings.Contains(stderr, "--output") {
		t.Errorf("--output xml: exit %d, %s", code, stderr)
	}
}

// TestLedgerRerun: the same inputs again leave the ledger's counts as
// they were; only the run count moves.
func TestLedgerRerun(t *testing.T) {
	db := seedLedger(t)
	stats := func() string {
		out, stderr, code := runCLI(t, "ledger", "stats", "--ledger", db)
		if code != 0 {
			t.Fatalf("stats: exit %d: %s", code, stderr)
		}
		return regexp.MustCompile(`(?m)^(runs|ledger) .*\n`).ReplaceAllString(out, "") // the run count and the file size move
	}
	before := stats()
	if _, stderr, code := runCLI(t, "run", "--format", "json", "--out", t.TempDir(), "--ledger", db, "seeds/"); code != 0 {
		t.Fatal(stderr)
	}
	if after := stats(); after != before {
		t.Errorf("a re-run changed the ledger:\n%s\n%s", before, after)
	}
	if !strings.Contains(before, "claims    ") || !strings.Contains(before, "inconsistent") {
		t.Errorf("stats:\n%s", before)
	}
}

func TestLedgerCommands(t *testing.T) {
	db := seedLedger(t)
	out, _, code := runCLI(t, "ledger", "search", "--ledger", db, "五大科技巨头")
	if code != 0 || !strings.Contains(out, "seeds/ai-compute.txt:7:63: an estimated 71%") {
		t.Errorf("search: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	if _, stderr, code := runCLI(t, "ledger", "export", "--ledger", db, "--format", "json", "--out", dir); code != 0 {
		t.Fatal(stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	if err != nil || !json.Valid(data) || !bytes.Contains(data, []byte(`"text":"an estimated 71%"`)) {
		t.Errorf("export: %v", err)
	}
	for _, args := range [][]string{{"ledger", "stats"}, {"ledger", "stats", "--ledger", "no/such.db"}, {"check", "seeds/draft.md"}} {
		if _, stderr, code := runCLI(t, args...); code != exitError || !strings.Contains(stderr, "ledger") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
}

// BenchmarkCheckLedger times `factsheet check` in-process against a large
// ledger: FACTSHEET_BENCH_LEDGER and FACTSHEET_BENCH_DRAFT name them
// (scripts/ledger-1m.sh builds a 1M-claim ledger and a 5,000-word draft).
func BenchmarkCheckLedger(b *testing.B) {
	db, draft := os.Getenv("FACTSHEET_BENCH_LEDGER"), os.Getenv("FACTSHEET_BENCH_DRAFT")
	if db == "" || draft == "" {
		b.Skip("set FACTSHEET_BENCH_LEDGER and FACTSHEET_BENCH_DRAFT (see scripts/ledger-1m.sh)")
	}
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := execute([]string{"check", "--log-level", "warn", "--fail-on", "never", "--ledger", db, draft}, strings.NewReader(""), &out, &errb); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}
