package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/factsheet-dev/factsheet/ledger"
	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
	"github.com/factsheet-dev/factsheet/rules"
)

var (
	rsOnce sync.Once
	rs     *rules.Ruleset
	rsErr  error
)

func ruleset(t testing.TB) *rules.Ruleset {
	t.Helper()
	rsOnce.Do(func() { rs, rsErr = rules.Default() })
	if rsErr != nil {
		t.Fatal(rsErr)
	}
	return rs
}

// The sources a draft is checked against.
const sources = `Global AI computing capacity is doubling every 7 months
We estimate Google is the largest single owner of AI compute, holding about one quarter of global cumulative capacity as of Q4 2025.
Amazon, Google, Meta, Microsoft, and Oracle collectively hold an estimated 71% of the world's cumulative AI compute as of Q4 2025.
这个惊人的数据揭示了AI算力高度集中的现状,五大科技巨头控制了全球超过三分之二的AI算力。
`

// pipe runs files (name → text) through the pipeline, recalling from l.
func pipe(t *testing.T, l *ledger.Ledger, files map[string]string, draft bool) *pipeline.Result {
	t.Helper()
	var names []string
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	srcs, _, err := ingest.Read(names, "", func(p ingest.Problem) { t.Log(p) })
	if err != nil {
		t.Fatal(err)
	}
	if draft {
		for i := range srcs {
			srcs[i].SetRole("draft")
			srcs[i].NoteOf, srcs[i].DuplicateOf = nil, nil
		}
	}
	r := &pipeline.Result{Sources: srcs}
	check, err := pipeline.NewCheck(ruleset(t))
	if err != nil {
		t.Fatal(err)
	}
	rs := ruleset(t)
	stages := []pipeline.Stage{&pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs},
		&ledger.Recall{Ledger: l, Rules: rs}, &pipeline.Link{Rules: rs}, check}
	if err := pipeline.Run(context.Background(), r, stages...); err != nil {
		t.Fatal(err)
	}
	return r
}

// withLedger makes an in-memory ledger of the sources.
func withLedger(t *testing.T) *ledger.Ledger {
	t.Helper()
	t.Chdir(t.TempDir())
	l, err := ledger.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	r := pipe(t, l, map[string]string{"sources.txt": sources}, false)
	if _, err := l.Record(context.Background(), r, ledger.Run{Started: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return l
}

func check(t *testing.T, l *ledger.Ledger, draft string) []Finding {
	t.Helper()
	r := pipe(t, l, map[string]string{"draft.md": draft}, true)
	return Audit(r, Options{Approx: ApproxOf(ruleset(t)), Unsupported: true})
}

// brief is "rule line:col text" for each finding.
func brief(fs []Finding) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, f.Rule+" "+itoa(f.Line)+":"+itoa(f.Col)+" "+f.Text)
	}
	return strings.Join(parts, "; ")
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestAudit(t *testing.T) {
	l := withLedger(t)
	cases := []struct{ name, draft, want string }{
		{"a quote misquoted, undated", "Global AI computing capacity is doubling every 5 months.\n",
			"misquoted 1:48 5 months"},
		{"the same figure", "Global AI computing capacity is doubling every 7 months.\n", ""},
		{"rounding allows it", "Google holds 25.4% of global AI compute as of Q4 2025.\n", ""},
		{"approximate source, figure outside", "Google holds 29% of global AI compute as of Q4 2025.\n",
			"misquoted 1:14 29%"},
		{"a note does not excuse a misquote of the quote", "The five hyperscalers hold 80% of global AI compute as of Q4 2025.\n",
			"unsupported 1:5 five; misquoted 1:28 80%"}, // the note says over two-thirds; the quote an estimated 71%
		{"an estimate is approximate", "The five hyperscalers hold 74% of global AI compute as of Q4 2025.\n",
			"unsupported 1:5 five"},
		{"another period is unsupported", "Google holds about one quarter of global AI compute as of Q4 2023.\n",
			"unsupported 1:14 about one quarter"},
		{"nothing about it", "The cluster has 10,000 GPUs.\n", "unsupported 1:17 10,000"},
		{"inconsistent within the draft", "At 10,000 GPUs for $40,000 each the cluster comes to $100 million.\n",
			"unsupported 1:4 10,000; inconsistent 1:4 10,000; unsupported 1:20 $40,000; unsupported 1:54 $100 million"},
		{"column after a Markdown emphasis, second line", "# Title\n\nFirst line.\nSo **Google holds 29%** of global AI compute as of Q4 2025.\n",
			"misquoted 4:19 29%"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := brief(check(t, l, c.draft)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestMisquoteMessage(t *testing.T) {
	l := withLedger(t)
	fs := check(t, l, "Global AI computing capacity is doubling every 5 months.\n")
	if len(fs) != 1 {
		t.Fatalf("findings: %+v", fs)
	}
	f := fs[0]
	for _, want := range []string{`"5 months"`, `"7 months" at sources.txt:1:48`, `first read 2026-01-05`,
		`reads as [6.5, 7.5], the draft's as [4.5, 5.5]`} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
	if f.Severity != "error" || f.Source == nil || f.Source.Line != 1 || f.EndCol != 56 {
		t.Errorf("finding %+v", f)
	}
}

// TestIDsSurviveEdits: a finding keeps its id when another paragraph is
// edited or the figure's paragraph moves, so a baseline keeps holding it.
func TestIDsSurviveEdits(t *testing.T) {
	l := withLedger(t)
	const mis = "Global AI computing capacity is doubling every 5 months.\n"
	a := check(t, l, mis)
	b := check(t, l, "An opening paragraph, since added.\n\nAnother, of 12 words.\n\n"+mis)
	if len(a) != 1 || len(b) != 2 || a[0].ID != b[1].ID || !strings.HasPrefix(a[0].ID, "misquoted-") {
		t.Fatalf("ids: %+v / %+v", a, b)
	}
	base := Baseline{a[0].ID: true}
	rest, n := base.Filter(b)
	if n != 1 || len(rest) != 1 || rest[0].Rule != Unsupported {
		t.Errorf("baseline left %+v, silenced %d", rest, n)
	}
}

func TestBaselineFile(t *testing.T) {
	t.Chdir(t.TempDir())
	fs := []Finding{{ID: "misquoted-0123456789", File: "d.md", Line: 3, Text: "5 months"}}
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, fs); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("ok", buf.Bytes(), 0o644)
	b, err := ReadBaseline("ok")
	if err != nil || !b["misquoted-0123456789"] || len(b) != 1 {
		t.Errorf("read back %v %v from\n%s", b, err, buf.String())
	}
	os.WriteFile("bad", []byte("# ok\n\nnot_an_id\n"), 0o644)
	if _, err := ReadBaseline("bad"); err == nil || !strings.Contains(err.Error(), "bad:3:") {
		t.Errorf("bad baseline: %v", err)
	}
}

// TestOutputs writes every format; the SARIF log must be valid against
// the SARIF 2.1.0 schema (vendored in testdata: no network in tests).
func TestOutputs(t *testing.T) {
	l := withLedger(t)
	fs := check(t, l, "Global AI computing capacity is doubling every 5 months, says my file: a, b.\n"+
		"At 10,000 GPUs for $40,000 each the cluster comes to $100 million.\n")
	tool := Tool{Name: "factsheet", Version: "test", URI: "https://github.com/factsheet-dev/factsheet"}
	out := map[string]string{}
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, fs, tool); err != nil {
			t.Fatal(err)
		}
		out[format] = buf.String()
	}
	if !strings.HasPrefix(out["text"], "draft.md:1:48: error: \"5 months\" for share of global AI compute differs") ||
		!strings.Contains(out["text"], " [misquoted]\n") {
		t.Errorf("text:\n%s", out["text"])
	}
	if !strings.HasPrefix(out["github"], "::error file=draft.md,line=1,col=48,endColumn=56,title=factsheet misquoted::") ||
		!strings.Contains(out["github"], "::notice file=draft.md,line=2,col=4,") {
		t.Errorf("github:\n%s", out["github"])
	}
	var js struct {
		Findings []Finding
		Counts   map[string]int
	}
	if err := json.Unmarshal([]byte(out["json"]), &js); err != nil || len(js.Findings) != len(fs) || js.Counts[Misquoted] != 1 {
		t.Errorf("json: %v\n%s", err, out["json"])
	}
	validSARIF(t, out["sarif"])
	// The schema does catch a bad log: the test is not vacuous.
	if err := sarifErr(t, strings.Replace(out["sarif"], `"level": "error"`, `"level": "fatal"`, 1)); err == nil {
		t.Error("a result with level fatal passed the schema")
	}
	if err := Write(&bytes.Buffer{}, "xml", fs, tool); err == nil {
		t.Error("an unknown format was written")
	}
	var empty bytes.Buffer
	if err := Write(&empty, "sarif", nil, tool); err != nil {
		t.Fatal(err)
	}
	validSARIF(t, empty.String())
}

func validSARIF(t *testing.T, log string) {
	t.Helper()
	if err := sarifErr(t, log); err != nil {
		t.Errorf("SARIF log is not valid: %v\n%s", err, log)
	}
}

func sarifErr(t *testing.T, log string) error {
	t.Helper()
	f, err := os.Open(testdata("sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return sch.Validate(inst)
}

// testdata is the path of a file in this package's testdata, whatever
// directory the test moved to.
func testdata(name string) string { return pkgDir + "/testdata/" + name }

var pkgDir, _ = os.Getwd()
