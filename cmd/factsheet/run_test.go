package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// "-" reads standard input, its format sniffed or forced.
func TestStdin(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := runStdin(t, "GPU share was over 60% in 2024.\n", "run", "--format", "json", "--out", dir, "-")
	if code != 0 || !strings.Contains(stderr, "1 sources, 1 claims") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "factsheet.json"))
	if !strings.Contains(string(b), `"file":"<stdin>"`) {
		t.Errorf("report %s", b)
	}
	jsonl := "{\"text\": \"over 60%\"}\n{\"text\": \"about 5 GW\"}\n"
	_, stderr, code = runStdin(t, jsonl, "run", "--format", "json", "--out", dir, "--input-format", "jsonl", "-")
	if code != 0 || !strings.Contains(stderr, "2 sources, 2 claims") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// `factsheet run .` three times reads the same input three times: never
// its own --out, nor another directory of reports.
func TestRunDotTwice(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("notes.txt", []byte("Over 60% of GPUs.\n5 GW of power.\n"), 0o644)
	var first string
	for i := 0; i < 3; i++ {
		_, stderr, code := runCLI(t, "run", "--format", "json,md,csv", ".")
		summary := lastLine(stderr)
		if code != 0 || summary != "2 sources, 2 claims, 0 inconsistent findings" {
			t.Fatalf("run %d: exit %d: %s", i, code, stderr)
		}
		if i == 0 {
			first = summary
		} else if summary != first {
			t.Errorf("run %d: %s, first %s", i, summary, first)
		}
	}
	os.Rename("out", "old-out") // another directory of reports
	_, stderr, _ := runCLI(t, "run", "--format", "json", ".")
	if lastLine(stderr) != "2 sources, 2 claims, 0 inconsistent findings" || !strings.Contains(stderr, "old-out: skipped: it holds factsheet reports") {
		t.Errorf("%s", stderr)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// Every setting is checked before any input is read, and a wrong one is
// named as the user wrote it: flag, environment variable or config file.
// The rules compile while the input is read: a rules error is still the
// only thing the run says, and nothing is made.
func TestSettingsCheckedFirst(t *testing.T) {
	inRoot(t)
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, nil, 0o644)
	conf := filepath.Join(tmp, "c.yaml")
	os.WriteFile(conf, []byte("out: x\nworkers: abc\n"), 0o644)
	typo := filepath.Join(tmp, "typo.yaml")
	os.WriteFile(typo, []byte("format: json\nrule:\n  - id: x\n"), 0o644)
	settingInRules := filepath.Join(tmp, "r.yaml")
	os.WriteFile(settingInRules, []byte("workers: 2\nrules: []\n"), 0o644)
	badExample := filepath.Join(tmp, "ex.yaml")
	os.WriteFile(badExample, []byte(`rules:
  - id: furlongs
    type: unit
    canonical: m
    kind: length
    factor: 201.168
    words: [furlong, furlongs]
    examples:
      - text: "3 furlongs"
        claims: [{value: 600, unit: m}]
`), 0o644)
	replacing := filepath.Join(tmp, "p.yaml")
	os.WriteFile(replacing, []byte("rules:\n  - id: percent\n    type: unit\n    canonical: \"%\"\n"), 0o644)
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"--fail-on", "consistent"}, `--fail-on: "consistent" is not never or inconsistent`},
		{map[string]string{"FACTSHEET_FAIL_ON": "bogus"}, nil, `FACTSHEET_FAIL_ON: "bogus" is not never or inconsistent`},
		{nil, []string{"--workers", "-1"}, `--workers: "-1" is not a whole number of 0 or more`},
		{map[string]string{"FACTSHEET_WORKERS": "abc"}, nil, `FACTSHEET_WORKERS: "abc" is not a whole number`},
		{map[string]string{"FACTSHEET_CHECKS": "maybe"}, nil, `FACTSHEET_CHECKS: "maybe" is not true or false`},
		{nil, []string{"--out", file}, `--out: "` + file + `" is a file, not a directory`},
		{nil, []string{"--merge-verdicts", "missing.xlsx"}, `--merge-verdicts: "missing.xlsx" cannot be read: no such file or directory`},
		{map[string]string{"FACTSHEET_FORMAT": "pdf"}, nil, `FACTSHEET_FORMAT: unknown format "pdf"`},
		{nil, []string{"--input-format", "word"}, `--input-format: "word" is not one of hypothesis, jsonl, kindle, markdown, readwise or text`},
		{map[string]string{"FACTSHEET_LOG_LEVEL": "loud"}, nil, `FACTSHEET_LOG_LEVEL: "loud" is not debug, info, warn or error`},
		{nil, []string{"--config", conf}, conf + `:2:10: workers: "abc" is not a whole number`},
		{map[string]string{"FACTSHEET_CONFIG": typo}, nil, typo + `:2:1: unknown key "rule" (did you mean "rules"?)`},
		{nil, []string{"--rules", typo}, typo + `:1:1: "format" is a setting: a --rules file holds rules only`},
		{map[string]string{"FACTSHEET_RULES": settingInRules}, nil, settingInRules + `:1:1: "workers" is a setting`},
		{nil, []string{"--rules", badExample}, badExample + `:9: rule "furlongs": "3 furlongs": claim 1: value: want 600`},
		{nil, []string{"--rules", replacing}, replacing + `:2:9: rule "percent": field id: config.yaml (built in):`},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			out := filepath.Join(t.TempDir(), "out")
			args := append([]string{"run", "--out", out}, c.args...)
			_, stderr, code := runCLI(t, append(args, "seeds/ai-compute.txt")...)
			if code != exitError || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, c.want)
			}
			if strings.Contains(stderr, "INF read") {
				t.Errorf("input reported before the error: %s", stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("--out made before the error")
			}
		})
	}
}

// Every setting has its environment variable.
func TestEverySettingHasItsEnv(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	t.Setenv("FACTSHEET_CHECKS", "false")
	t.Setenv("FACTSHEET_OUT", dir)
	t.Setenv("FACTSHEET_FORMAT", "md")
	_, stderr, code := runCLI(t, "run", "seeds/ai-compute.txt")
	if code != 0 || !strings.HasSuffix(stderr, ", 0 inconsistent findings\n") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "factsheet.md")); err != nil {
		t.Error(err)
	}
	t.Setenv("FACTSHEET_CHECKS", "true")
	t.Setenv("FACTSHEET_FAIL_ON", "inconsistent")
	if _, stderr, code := runCLI(t, "run", "seeds/ai-compute.txt"); code != exitFindings {
		t.Errorf("FACTSHEET_FAIL_ON: exit %d: %s", code, stderr)
	}
	t.Setenv("FACTSHEET_FORMATS", "json")
	if _, stderr, _ := runCLI(t, "run", "seeds/ai-compute.txt"); !strings.Contains(stderr, `FACTSHEET_FORMATS is not a setting of factsheet (did you mean "FACTSHEET_FORMAT"?)`) {
		t.Errorf("a misspelt variable passes without a word: %s", stderr)
	}
}

// With --log-format json every line on stderr is JSON: warnings, the
// summary and errors alike.
func TestJSONLogsOnly(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{bad\n"), 0o644)
	_, stderr, code := runCLI(t, "run", "--log-format", "json", "--format", "json", "--out", dir, "seeds/ai-compute.txt", bad)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := allJSON(t, stderr)
	last := lines[len(lines)-1]
	if last["message"] != "summary" || last["sources"] != 52.0 || last["inconsistent"] != 4.0 {
		t.Errorf("summary %v", last)
	}
	_, stderr, code = runCLI(t, "run", "--log-format", "json", "--bogus")
	if lines := allJSON(t, stderr); code != exitError || lines[0]["message"] != "unknown flag: --bogus" {
		t.Errorf("exit %d: %s", code, stderr)
	}
	t.Setenv("FACTSHEET_LOG_FORMAT", "json")
	_, stderr, _ = runCLI(t, "run", "--out", dir, "no/such/file")
	allJSON(t, stderr)
}

func allJSON(t *testing.T, stderr string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		out = append(out, m)
	}
	return out
}

// On a terminal a run longer than a second shows a progress line, cleared
// before each log line and at the end; never with --quiet or JSON logs.
func TestProgressLine(t *testing.T) {
	inRoot(t)
	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0
	run := func(args ...string) string {
		var out, errb strings.Builder
		a := newApp(strings.NewReader(""), &out, &errb)
		a.terminal = func() (bool, int) { return true, 100 }
		atStage = func(string) { time.Sleep(300 * time.Millisecond) } // a slow run
		defer func() { atStage = func(string) {} }()
		if code := a.execute(append([]string{"run", "--format", "json", "--out", t.TempDir()}, args...)); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return errb.String()
	}
	got := run("seeds/ai-compute.txt")
	// the seconds are the run's own: under a loaded machine the first line may say 1s
	progress := regexp.MustCompile(`\r\d+s extracting: `)
	if !progress.MatchString(got) || !strings.Contains(got, "\r\033[K") {
		t.Errorf("no progress line: %q", got)
	}
	for _, l := range strings.Split(got, "\n") {
		last := regexp.MustCompile(`\r\d+s`).FindAllStringIndex(l, -1)
		if i := strings.LastIndex(l, "\r\033[K"); len(last) > 0 && i < last[len(last)-1][0] {
			t.Errorf("a line left on the screen: %q", l)
		}
	}
	if !strings.HasSuffix(got, "\n52 sources, 48 claims, 4 inconsistent findings\n") {
		t.Errorf("summary not last: %q", got[max(0, len(got)-200):])
	}
	for _, args := range [][]string{{"--quiet"}, {"--log-format", "json"}} {
		if got := run(append(args, "seeds/ai-compute.txt")...); strings.Contains(got, "\r") {
			t.Errorf("%v: progress line %q", args, got)
		}
	}
}

// A second run into a --out that another run holds fails at once, with a
// message that says what to do.
func TestOutBusy(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	unlock, err := lockDir(dir, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, stderr, code := runCLI(t, "run", "--out", dir, "seeds/ai-compute.txt")
	if code != exitError || !strings.Contains(stderr, dir+": another factsheet run is writing its reports there; wait for it with --wait") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// A user's rules that change what a built-in example reads are said so,
// and the run goes on.
func TestUserRulesChangeBuiltinExamples(t *testing.T) {
	inRoot(t)
	off := filepath.Join(t.TempDir(), "off.yaml")
	os.WriteFile(off, []byte("rules:\n  - id: words-en\n    type: words\n    disabled: true\n"), 0o644)
	_, stderr, code := runCLI(t, "run", "--rules", off, "--format", "json", "--out", t.TempDir(), "seeds/ai-compute.txt")
	if code != 0 || !strings.Contains(stderr, "your rules change what built-in examples read") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// What a killed run (SIGKILL) left in --out is removed by the next run there.
func TestLeftoversSwept(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".factsheet-tmp-123"), 0o700)
	os.WriteFile(filepath.Join(dir, ".factsheet-tmp-123", "excelize-456"), make([]byte, 1000), 0o600)
	os.WriteFile(filepath.Join(dir, ".factsheet.xlsx.789"), nil, 0o600) // an earlier version's temporary report
	os.WriteFile(filepath.Join(dir, ".keep"), nil, 0o600)
	_, stderr, code := runCLI(t, "run", "--format", "json", "--out", dir, "seeds/ai-compute.txt")
	if code != 0 || !strings.Contains(stderr, "removed what a killed run left") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".keep factsheet.json" {
		t.Errorf("left %v", names)
	}
}
