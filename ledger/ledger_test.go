package ledger

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

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

var day = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// analyze reads files (name → text, written in a temporary directory that
// becomes the working directory) and runs the pipeline, recalling from l
// when it is not nil.
func analyze(t *testing.T, l *Ledger, files map[string]string) *pipeline.Result {
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
	r := &pipeline.Result{Sources: srcs}
	rs := ruleset(t)
	check, err := pipeline.NewCheck(rs)
	if err != nil {
		t.Fatal(err)
	}
	stages := []pipeline.Stage{&pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs}}
	if l != nil {
		stages = append(stages, &Recall{Ledger: l, Rules: rs})
	}
	stages = append(stages, &pipeline.Link{Rules: rs}, check, Mark{})
	if err := pipeline.Run(context.Background(), r, stages...); err != nil {
		t.Fatal(err)
	}
	return r
}

func record(t *testing.T, l *Ledger, r *pipeline.Result, verdicts map[string][2]string) Counts {
	t.Helper()
	n, err := l.Record(context.Background(), r, Run{Started: day, Version: "test", Inputs: []string{"x"}, Verdicts: verdicts})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func openTemp(t *testing.T) *Ledger {
	t.Helper()
	t.Chdir(t.TempDir())
	l, err := Open("l.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func stats(t *testing.T, l *Ledger) Stats {
	t.Helper()
	st, err := l.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st.Runs, st.LastRun, st.FileBytes = 0, "", 0 // a run is a run; compare what was read
	return st
}

const compute = `Google is the largest single owner of AI compute, holding about one quarter of global cumulative capacity as of Q4 2025.
Amazon, Google, Meta, Microsoft, and Oracle collectively hold an estimated 71% of the world's cumulative AI compute as of Q4 2025.
这个惊人的数据揭示了AI算力高度集中的现状,五大科技巨头控制了全球超过三分之二的AI算力,这种集中度在短短一年内从63%上升到71%。
`

// TestRoundTrip writes a run and reads it back: every claim with its
// place, value, bounds and context; every finding with its claims.
func TestRoundTrip(t *testing.T) {
	l := openTemp(t)
	r := analyze(t, l, map[string]string{"a.txt": compute})
	record(t, l, r, nil)
	back, _, err := l.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Sources) != len(r.Sources) || len(back.Claims) != len(r.Claims) || len(back.Findings) != len(r.Findings) {
		t.Fatalf("sources %d/%d, claims %d/%d, findings %d/%d", len(back.Sources), len(r.Sources),
			len(back.Claims), len(r.Claims), len(back.Findings), len(r.Findings))
	}
	type view struct {
		File, Text, Unit, Qualifier, Kind, Subject, Metric, Period, Rule string
		Line, Col                                                        int32
		Value, Step                                                      float64
		Min, Max                                                         string
	}
	see := func(c *pipeline.Claim) view {
		return view{c.File(), c.Text, c.Unit(), c.Qualifier(), c.Kind(), c.Subject(), c.Metric(), c.Period(), c.Rule(),
			c.Line, c.Col, c.Value, c.Step, ptr(c.Min), ptr(c.Max)}
	}
	for i := range r.Claims {
		if got, want := see(&back.Claims[i]), see(&r.Claims[i]); got != want {
			t.Errorf("claim %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	for i, f := range r.Findings {
		g := back.Findings[i]
		if g.Status != f.Status || g.Message != f.Message || len(g.Claims) != len(f.Claims) {
			t.Errorf("finding %d: got %+v, want %+v", i, g, f)
			continue
		}
		if g.ID != f.ID || fmt.Sprint(g.Claims) != fmt.Sprint(f.Claims) {
			t.Errorf("finding %d: %s %v, want %s %v", i, g.ID, g.Claims, f.ID, f.Claims)
		}
	}
}

func ptr(f *float64) string {
	if f == nil {
		return "nil"
	}
	return fmt.Sprint(*f)
}

// TestIdempotent: reading the same inputs again adds nothing.
func TestIdempotent(t *testing.T) {
	l := openTemp(t)
	files := map[string]string{"a.txt": compute, "b.txt": "Google holds 30% of global AI compute as of Q4 2025.\n"}
	record(t, l, analyze(t, l, files), nil)
	first := stats(t, l)
	if first.Claims == 0 || first.Findings[pipeline.Inconsistent] == 0 {
		t.Fatalf("nothing to compare: %+v", first)
	}
	for range 2 {
		record(t, l, analyze(t, l, files), nil)
		if again := stats(t, l); fmt.Sprint(again) != fmt.Sprint(first) {
			t.Errorf("re-run changed the ledger:\n%+v\n%+v", first, again)
		}
	}
}

// TestChangedHighlight: an edited highlight replaces its old version, and
// a verdict on its figure moves to the figure of the new version.
func TestChangedHighlight(t *testing.T) {
	l := openTemp(t)
	r := analyze(t, l, map[string]string{"a.txt": compute})
	var quarter string
	for _, c := range r.Claims {
		if c.Text == "about one quarter" {
			quarter = c.ID()
		}
	}
	n := record(t, l, r, map[string][2]string{quarter: {"confirmed", "checked against Epoch"}})
	if n.Verdicts != 1 {
		t.Fatalf("verdicts written: %d", n.Verdicts)
	}
	before := stats(t, l)
	edited := strings.Replace(compute, "the largest single owner", "the biggest owner", 1)
	n = record(t, l, analyze(t, l, map[string]string{"a.txt": edited}), nil)
	if n.Replaced != 1 || n.CarriedVerdicts != 1 {
		t.Errorf("replaced %d sources, carried %d verdicts; want 1 and 1", n.Replaced, n.CarriedVerdicts)
	}
	after := stats(t, l)
	if after.Sources != before.Sources || after.Claims != before.Claims || after.Verdicts["confirmed"] != 1 {
		t.Errorf("before %+v\nafter %+v", before, after)
	}
	hits, err := l.Search(context.Background(), ruleset(t), "biggest owner", 0)
	if err != nil || len(hits) != 1 || hits[0].Claim.Text != "about one quarter" {
		t.Errorf("search for the new text: %v %+v", err, hits)
	}
	if hits, _ := l.Search(context.Background(), ruleset(t), "largest single owner", 0); len(hits) != 0 {
		t.Errorf("the old version is still there: %+v", hits)
	}
}

// TestRecallContradiction: a highlight read today that contradicts one
// read before is a finding, and its message says which side is old.
func TestRecallContradiction(t *testing.T) {
	l := openTemp(t)
	record(t, l, analyze(t, l, map[string]string{"old.txt": compute}), nil)
	r := analyze(t, l, map[string]string{"new.txt": "We estimate Google holds 40% of global AI compute as of Q4 2025.\n"})
	var found *pipeline.Finding
	for i, f := range r.Findings {
		if f.Status == pipeline.Inconsistent {
			found = &r.Findings[i]
		}
	}
	if found == nil {
		t.Fatalf("no inconsistent finding: %+v", r.Findings)
	}
	for _, want := range []string{`"40%" (new.txt:1)`, `from the ledger: "about one quarter" (old.txt:1, first read 2026-03-01)`} {
		if !strings.Contains(found.Message, want) {
			t.Errorf("message %q lacks %q", found.Message, want)
		}
	}
	var seen []string
	for _, s := range r.Sources {
		if s.Seen() != "" {
			seen = append(seen, s.File()+":"+fmt.Sprint(s.Line))
		}
	}
	if strings.Join(seen, " ") != "old.txt:1" {
		t.Errorf("recalled sources kept in the result: %v (want only the one a finding names)", seen)
	}
	record(t, l, r, nil)
	st := stats(t, l)
	if st.Sources != 4 || st.Findings[pipeline.Inconsistent] < 1 {
		t.Errorf("after the second run: %+v", st)
	}
}

// TestSearchAcrossLanguages: a subject named in Chinese finds the claims
// filed under its English name, with their sources.
func TestSearchAcrossLanguages(t *testing.T) {
	l := openTemp(t)
	record(t, l, analyze(t, l, map[string]string{"a.txt": compute}), nil)
	hits, err := l.Search(context.Background(), ruleset(t), "五大科技巨头", 0)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, h := range hits {
		if h.Claim.Subject() != "five hyperscalers" || h.Source.Text == "" {
			t.Errorf("hit %+v", h)
		}
		texts = append(texts, h.Claim.Text)
	}
	if !strings.Contains(strings.Join(texts, "|"), "an estimated 71%") {
		t.Errorf("hits %v lack the English quote's 71%%", texts)
	}
}

// TestMigrateFromSchema1 makes a ledger with the first schema, as the
// first release wrote it, and opens it with this one.
func TestMigrateFromSchema1(t *testing.T) {
	t.Chdir(t.TempDir())
	old, err := open("old.db", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO runs (started, version, inputs) VALUES ('2025-11-02T10:00:00Z', '0.1.0', '["a.txt"]')`,
		`INSERT INTO sources (id, hash, file, line, col, role, lang, text, first_run, last_run)
			VALUES ('s1', 'h', 'a.txt', 1, 1, 'quote', 'en', 'Google holds about one quarter of global AI compute as of Q4 2025.', 1, 1)`,
		`INSERT INTO claims (id, source, file, line, col, text, value, unit, qualifier, kind, change, subject, metric,
			period, period_key, rule, step, bound, start, stop, sentence)
			VALUES ('k1', 's1', 'a.txt', 1, 14, 'about one quarter', 0.25, '', 'about', 'share', '', 'Google',
			'share of global AI compute', 'Q4 2025', '2025-Q4', 'fractions-en', 0.01, 'approx', 13, 30, 0)`,
		`INSERT INTO verdicts (claim, verdict, note, run) VALUES ('k1', 'confirmed', '', 1)`,
	} {
		if _, err := old.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if v, _ := old.Version(context.Background()); v != 1 {
		t.Fatalf("old ledger has schema %d", v)
	}
	old.Close()

	l, err := Open("old.db")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	steps, _ := migrations()
	if v, _ := l.Version(context.Background()); v != len(steps) || v < 2 {
		t.Fatalf("migrated to %d, want %d", v, len(steps))
	}
	var family string
	if err := l.db.QueryRow(`SELECT family FROM claims WHERE id = 'k1'`).Scan(&family); err != nil || family != "%" {
		t.Errorf("family of a share after migration: %q %v", family, err)
	}
	// The migrated claim is recalled and checked against a new one.
	r := analyze(t, l, map[string]string{"b.txt": "Google holds 40% of global AI compute as of Q4 2025.\n"})
	if !strings.Contains(fmt.Sprint(r.Findings), "first read 2025-11-02") {
		t.Errorf("the old claim was not recalled: %+v", r.Findings)
	}
	if st := stats(t, l); st.Verdicts["confirmed"] != 1 {
		t.Errorf("verdict lost in the migration: %+v", st)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	l := openTemp(t)
	if _, err := l.db.Exec(`UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := Open("l.db"); err == nil || !strings.Contains(err.Error(), "newer than this factsheet knows") {
		t.Errorf("err = %v", err)
	}
	if err := os.WriteFile("junk.db", []byte("not a database, just text that is long enough to be a header"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open("junk.db"); err == nil || !strings.Contains(err.Error(), "junk.db") {
		t.Errorf("junk file: err = %v", err)
	}
}

// TestKilledWriter kills a child process in the middle of writing a large
// run: the ledger must be whole and as it was before.
func TestKilledWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	l := openTemp(t)
	record(t, l, analyze(t, l, map[string]string{"a.txt": compute}), nil)
	before := stats(t, l)
	l.Close()

	dir, _ := os.Getwd()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
	cmd.Env = append(os.Environ(), "LEDGER_KILL_CHILD="+filepath.Join(dir, "l.db"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "mid-write") {
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if sc.Err() != nil || !strings.HasPrefix(sc.Text(), "mid-write") {
		t.Fatalf("the child never reached the middle of its write: %q %v", sc.Text(), sc.Err())
	}

	l, err = Open("l.db")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var check string
	if err := l.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	if after := stats(t, l); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("killed write changed the ledger:\nbefore %+v\nafter  %+v", before, after)
	}
	record(t, l, analyze(t, l, map[string]string{"b.txt": "Google holds 30% of global AI compute as of Q4 2025.\n"}), nil)
}

// TestMain runs the child of TestKilledWriter when asked to.
func TestMain(m *testing.M) {
	if path := os.Getenv("LEDGER_KILL_CHILD"); path != "" {
		killChild(path)
		return
	}
	os.Exit(m.Run())
}

// killChild writes a large synthetic run and stops, mid-transaction, once
// it has written some claims, waiting to be killed.
func killChild(path string) {
	l, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	l.OnProgress(func(what string, n int) {
		if what == "claims" {
			fmt.Printf("mid-write %s %d\n", what, n)
			os.Stdout.Sync()
			select {} // wait for the kill
		}
	})
	r := synthetic("big.txt", 30000)
	_, err = l.Record(context.Background(), r, Run{Started: day, Version: "test"})
	fmt.Println("finished:", err) // the parent must never read this
	os.Exit(4)
}

// synthetic is a result of n one-claim sources, without the pipeline.
func synthetic(file string, n int) *pipeline.Result {
	r := &pipeline.Result{}
	for i := range n {
		id := fmt.Sprintf("h%d", i+1)
		text := fmt.Sprintf("Firm %d holds %d%% of the market in 2024.", i, i%100)
		s := pipeline.Source{Line: int32(i + 1), Col: 1, Text: text}.WithID(id)
		s.SetShape(file, "quote", "en", "")
		r.Sources = append(r.Sources, s)
		c := pipeline.Claim{Line: int32(i + 1), Col: 10,
			Text: fmt.Sprintf("%d%%", i%100), Value: float64(i % 100), Step: 1, Group: -1, Partner: -1}.WithIDs(fmt.Sprintf("c%d", i+1), id)
		c.SetFile(file)
		c.SetUnit("%")
		c.SetKind("share")
		c.SetSubject(fmt.Sprintf("firm %d", i))
		c.SetMetric("market share")
		c.SetPeriod("2024")
		c.SetPeriodKey("2024")
		c.SetRule("percent")
		r.Claims = append(r.Claims, c)
	}
	return r
}
