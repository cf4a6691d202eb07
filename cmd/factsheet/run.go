package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/factsheet-dev/factsheet/ledger"
	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
	"github.com/factsheet-dev/factsheet/reports"
	"github.com/factsheet-dev/factsheet/rules"
)

func (a *app) runCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run PATH...",
		Short: "Extract the numeric claims of highlight files or directories (- for standard input) and write the reports",
		Args:  cobra.MinimumNArgs(1),
		RunE:  a.run,
	}
	f := cmd.Flags()
	f.String("out", "out", "directory for the reports")
	f.String("format", "xlsx,json", "report formats, comma-separated: xlsx, json, csv, md")
	f.Int("workers", 0, "extraction workers (0: one per CPU)")
	f.String("input-format", "", "read every input as this format: text, readwise, kindle, hypothesis, markdown, jsonl (default: by extension and content)")
	f.String("merge-verdicts", "", "carry the reviewer verdicts and notes of this previous factsheet.xlsx forward")
	f.Bool("checks", true, "link the claims and run the checks (false: extraction only)")
	f.String("ledger", "", "keep what runs read in this SQLite file and check new claims against it (default: the ledger setting)")
	f.String("fail-on", "never", "exit 1 when a finding has this status: inconsistent or never")
	f.Bool("wait", false, "wait for another run writing to the same --out to finish (default: fail at once)")
	f.String("cpuprofile", "", "write a CPU profile to this file")
	f.String("memprofile", "", "write an allocation profile to this file at the end")
	f.Bool("memstats", false, "log the live heap after each part and where the bytes go (collects after each part: slower)")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	_ = f.MarkHidden("memstats")
	return cmd
}

// runJob is one run: what was asked, and what it has made so far.
type runJob struct {
	writers []reports.Writer
	rules   *rules.Ruleset
	// compiled is closed when rules and rulesErr are set: the rules
	// compile while the inputs are read.
	compiled chan struct{}
	rulesErr error
	inputs   []ingest.Input
	out      string
	ledger   *ledger.Ledger // nil: none
	res      *pipeline.Result
}

// run checks the settings and the inputs named before it reads any input,
// compiles the rules while it reads (a rules error is still reported
// before any stage runs or any report is written, and before standard
// input is read), locks the output directory, then extracts, checks and
// writes the reports as one set.
func (a *app) run(cmd *cobra.Command, args []string) error {
	start := time.Now()
	if stop, err := a.profiles(cmd); err != nil {
		return codeError{exitError, err}
	} else {
		defer stop()
	}
	job, err := a.prepare(cmd, args)
	if err != nil {
		return err
	}
	defer job.waitRules()                      // whatever stops the run, the rules' goroutine ends first
	a.stop.do(func() { a.stop.out = job.out }) // a stop while reading names it too
	defer watchGC()()
	var input int64
	for _, in := range job.inputs {
		input += in.Size
	}
	budgetRSS(input)
	if on, _ := cmd.Flags().GetBool("memstats"); on {
		a.mem = &memStats{w: a.progress, input: input}
	}
	if job.ledger, err = a.openLedger(false); err != nil {
		return err
	}
	if job.ledger != nil {
		defer job.ledger.Close()
	}
	a.progress.Start()
	if err := a.readInputs(job); err != nil {
		return err
	}
	unlock, err := a.lockOut(job.out)
	if err != nil {
		return codeError{exitError, err}
	}
	defer unlock()
	if err := a.pipeline(cmd, job); err != nil {
		return err
	}
	collectBetween()
	werr := a.writeReports(job)
	if job.ledger != nil && werr == nil {
		lap := a.lap()
		if err := a.recordRun(context.Background(), job.ledger, job.res, args); err != nil {
			return codeError{exitError, err}
		}
		lap.log("ledger")
	}
	cpu, faults := cpuTime()
	a.log.Debug().Dur("took", time.Since(start)).Dur("cpu", cpu).Int64("faults", faults).Msg("done")
	a.mem.where(job.res)
	a.summary(job.res)
	if werr != nil {
		return codeError{exitError, werr}
	}
	if a.v.GetString("fail_on") == "inconsistent" && inconsistent(job.res) > 0 {
		a.code = exitFindings
	}
	return nil
}

// prepare checks the formats, the rules and the inputs named.
func (a *app) prepare(cmd *cobra.Command, args []string) (*runJob, error) {
	job := &runJob{out: a.v.GetString("out")}
	var err error
	if job.writers, err = reports.Parse(a.v.GetString("format")); err != nil {
		return nil, codeError{exitError, fmt.Errorf("%s: %w", a.origin(cmd, "format"), err)}
	}
	if f := a.v.GetString("input_format"); f != "" && ingest.Readers[f] == nil {
		return nil, codeError{exitError, fmt.Errorf("%s: %q is not one of %s", a.origin(cmd, "input_format"), f, orList(ingest.Names()))}
	}
	// The rules compile (about 60 ms of CPU, YAML mostly) while the
	// inputs are listed and read, on the other core.
	job.compiled = make(chan struct{})
	go func() {
		defer close(job.compiled)
		job.rules, job.rulesErr = a.ruleset(cmd)
	}()
	job.inputs, err = ingest.List(args, a.skipper(job.out), a.warn)
	if err != nil {
		if rerr := job.waitRules(); rerr != nil {
			return nil, rerr // a rules error first, as when the rules compiled first
		}
		return nil, codeError{exitError, err}
	}
	return job, nil
}

// waitRules waits for the rules to compile and returns their error.
func (job *runJob) waitRules() error {
	<-job.compiled
	return job.rulesErr
}

// readInputs reads the inputs while the rules compile and returns the
// rules' error before the input's. Standard input is read only once the
// rules compiled: a rules error must not consume it.
func (a *app) readInputs(job *runJob) error {
	for _, in := range job.inputs {
		if in.Path == "-" {
			if err := job.waitRules(); err != nil {
				return err
			}
		}
	}
	lap := a.lap()
	// What the read has to say waits for the rules: a rules error is the
	// only thing a run with one prints, as when the rules compiled first.
	var mu sync.Mutex
	var said []func()
	res, err := a.read(job.inputs, func(log func()) {
		mu.Lock()
		defer mu.Unlock()
		if said == nil && isClosed(job.compiled) && job.rulesErr == nil {
			log()
			return
		}
		said = append(said, log)
	})
	if rerr := job.waitRules(); rerr != nil {
		return rerr
	}
	mu.Lock()
	for _, log := range said {
		log()
	}
	said = nil
	mu.Unlock()
	if err != nil {
		return codeError{exitError, err}
	}
	job.res = res
	lap.log("read")
	return nil
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// warn logs a problem with the input.
func (a *app) warn(p ingest.Problem) {
	if p.Info {
		a.log.Info().Msg(p.String())
		return
	}
	a.log.Warn().Msg(p.String())
}

// skipper keeps a run from reading its own --out, or any directory that
// holds factsheet reports, or a report itself: three runs of
// `factsheet run .` read the same input three times.
func (a *app) skipper(out string) ingest.SkipFunc {
	outInfo, _ := os.Stat(out)
	return func(path string, dir bool) (string, bool) {
		if !dir {
			if reports.IsReport(path) {
				return "a report factsheet wrote", false
			}
			return "", false
		}
		if fi, err := os.Stat(path); err == nil && outInfo != nil && os.SameFile(fi, outInfo) {
			return "the output directory of this run (--out)", true
		}
		if name := reports.Holds(path); name != "" {
			return "it holds factsheet reports (" + name + ")", false
		}
		return "", false
	}
}

var errBusy = errors.New("another factsheet run is writing its reports there; wait for it with --wait, or choose another --out")

// lockOut makes the output directory if need be and locks it for this run.
func (a *app) lockOut(out string) (func(), error) {
	var err error
	removeOut := func() {}
	a.stop.do(func() {
		a.stop.out = out
		if _, serr := os.Stat(out); serr != nil {
			if err = os.MkdirAll(out, 0o755); err == nil {
				// made by this run: removed again if nothing was written
				removeOut = a.stop.onStop(func() { os.Remove(out) })
			}
		}
	})
	if err != nil {
		return nil, err
	}
	unlock, err := lockDir(out, a.v.GetBool("wait"), func() {
		a.log.Info().Str("out", out).Msg("waiting for another factsheet run to finish writing there")
	})
	if err != nil {
		removeOut()
		return nil, fmt.Errorf("%s: %w", out, err)
	}
	for _, p := range reports.Sweep(out) {
		a.log.Info().Str("path", p).Msg("removed what a killed run left")
	}
	return func() { unlock(); removeOut() }, nil
}

// pipeline runs the stages on what readInputs read.
func (a *app) pipeline(cmd *cobra.Command, job *runJob) error {
	lap := a.lap()
	res := job.res
	checks, err := pipeline.NewCheck(job.rules)
	if err != nil {
		return codeError{exitError, err}
	}
	checks.Collect = collectBetween
	// The findings stay packed until a report writes them (the ledger's
	// stages read them whole): 51 MB of the 100 MB corpus's JSON run.
	checks.Packed = job.ledger == nil
	extract := &pipeline.Extract{Rules: job.rules, Workers: a.v.GetInt("workers"), Done: a.progress.Counter()}
	stages := []pipeline.Stage{extract}
	if a.v.GetBool("checks") {
		stages = append(stages, &pipeline.Context{Rules: job.rules}, &pipeline.Link{Rules: job.rules}, checks)
	}
	stages = ledgerStages(job.ledger, stages, &ledger.Recall{Ledger: job.ledger, Rules: job.rules})
	for _, st := range stages {
		if st.Name() != "extract" || budgeted() {
			collectBetween()
		}
		a.stage(st, res)
		t0 := a.lap()
		if err := pipeline.Run(context.Background(), res, st); err != nil {
			return codeError{exitError, err}
		}
		t0.log("stage " + st.Name())
		if st.Name() == "extract" {
			holdHeap()
		}
	}
	lap.log("pipeline")
	if prev := a.v.GetString("merge_verdicts"); prev != "" {
		res.UnpackFindings()
		if err := a.mergeVerdicts(prev, res); err != nil {
			return codeError{exitError, err}
		}
	}
	return nil
}

// atStage is called as each stage starts ("read", "extract", …, "write
// factsheet.xlsx", "commit"): the fault-injection tests stop a run there.
var atStage = func(string) {}

// stage tells the progress line which stage runs.
func (a *app) stage(st pipeline.Stage, res *pipeline.Result) {
	atStage(st.Name())
	a.progress.Counts(len(res.Sources), len(res.Claims))
	if st.Name() == "extract" {
		a.progress.Stage("extracting", "sources", int64(len(res.Sources)))
		return
	}
	a.progress.Stage(st.Name(), "", 0)
}

// writeReports writes the reports into a temporary directory inside --out
// and moves those written whole into place together.
func (a *app) writeReports(job *runJob) error {
	lap := a.lap()
	var set *reports.Set
	var err error
	var cleanup func()
	a.stop.do(func() {
		if set, err = reports.Begin(job.out); err == nil {
			cleanup = a.stop.onStop(func() { removeAll(set.Temp()) })
		}
	})
	if err != nil {
		return err
	}
	defer cleanup()
	a.progress.Counts(len(job.res.Sources), len(job.res.Claims))
	set.Write(job.res, job.writers, func(file string) {
		atStage("write " + file)
		a.progress.Stage("writing "+file, "", 0)
	})
	var paths []string
	atStage("commit")
	a.stop.do(func() {
		paths, err = set.Commit()
		a.stop.written = len(paths) > 0
	})
	a.progress.Stop()
	lap.log("reports")
	for _, p := range paths {
		a.log.Info().Str("report", p).Msg("wrote")
	}
	return err
}

// summary is the last line: N sources, N claims, N inconsistent findings;
// a JSON line under --log-format json, printed at every log level.
func (a *app) summary(res *pipeline.Result) {
	bad := inconsistent(res)
	if a.json {
		a.log.Log().Str("level", "info").Int("sources", len(res.Sources)).Int("claims", len(res.Claims)).
			Int("inconsistent", bad).Msg("summary")
		return
	}
	fmt.Fprintf(a.progress, "%d sources, %d claims, %d inconsistent findings\n", len(res.Sources), len(res.Claims), bad)
}

// lap times a part of the run for the debug log.
type lap struct {
	a      *app
	cpu    time.Duration
	faults int64
	start  time.Time
}

func (a *app) lap() lap {
	cpu, faults := cpuTime()
	return lap{a: a, start: time.Now(), cpu: cpu, faults: faults}
}

// log logs the part's wall and CPU time and page faults, and starts the next part.
func (l lap) log(what string) lap {
	tuneGC()
	next := l.a.lap()
	l.a.log.Debug().Dur("took", next.start.Sub(l.start)).Dur("cpu", next.cpu-l.cpu).
		Int64("faults", next.faults-l.faults).Msg(what)
	if l.a.mem != nil {
		l.a.mem.part(what)
		next = l.a.lap() // the collection is not the next part's
	}
	return next
}

// read reads the inputs, logging every problem with its file and line.
func (a *app) read(inputs []ingest.Input, say func(log func())) (*pipeline.Result, error) {
	var total int64
	for _, in := range inputs {
		total += in.Size
	}
	atStage("read")
	a.progress.Stage("reading", "bytes", total)
	if len(inputs) == 1 && inputs[0].Path == "-" {
		if f, ok := a.stdin.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
			say(func() { a.log.Info().Msg("reading standard input (end it with Ctrl-D)") })
		}
	}
	src, st, err := ingest.ReadInputs(inputs, ingest.Options{
		Format: a.v.GetString("input_format"), Stdin: a.stdin, Progress: a.progress.Set,
		Report: func(p ingest.Problem) { say(func() { a.warn(p) }) },
	})
	if err != nil {
		return nil, err
	}
	say(func() {
		ev := a.log.Info().Int("files", st.Files).Int("records", st.Read).Int("sources", st.Sources).Int("skipped", st.Skipped)
		if st.Skipped > 0 {
			ev = ev.Str("why", st.Reasons())
		}
		ev.Msg("read")
	})
	return &pipeline.Result{Sources: src}, nil
}

// mergeVerdicts carries the verdicts of a previous workbook to this run's
// claims and findings by id and says what became of each.
func (a *app) mergeVerdicts(path string, res *pipeline.Result) error {
	old, err := reports.ReadVerdicts(path)
	if err != nil {
		return fmt.Errorf("--merge-verdicts: %w", err)
	}
	v := pipeline.CarryVerdicts(res, old)
	ev := a.log.Info().Int("verdicts", v.Read).Int("carried", len(v.Carried)).Int("lost", len(v.Lost))
	if v.Repeated > 0 {
		ev = ev.Int("repeated", v.Repeated)
	}
	ev.Msg("merged verdicts")
	return nil
}

func inconsistent(r *pipeline.Result) int {
	n := 0
	for i := range r.NumFindings() {
		if r.FindingStatus(i) == pipeline.Inconsistent {
			n++
		}
	}
	return n
}

// profiles starts the hidden --cpuprofile and --memprofile.
func (a *app) profiles(cmd *cobra.Command) (func(), error) {
	var stops []func()
	if p, _ := cmd.Flags().GetString("cpuprofile"); p != "" {
		stop, err := startProfile(p)
		if err != nil {
			return nil, err
		}
		stops = append(stops, stop)
	}
	if p, _ := cmd.Flags().GetString("memprofile"); p != "" {
		runtime.MemProfileRate = 4 << 10
		stops = append(stops, func() { writeHeapProfile(p) })
	}
	return func() {
		for _, f := range stops {
			f()
		}
	}, nil
}

// writeHeapProfile writes what the run allocated, for go tool pprof
// -sample_index=alloc_space; a failure only loses the profile.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC() // the profile counts up to the last collection
	_ = pprof.Lookup("allocs").WriteTo(f, 0)
}

func startProfile(path string) (func(), error) {
	f, err := os.Create(filepath.Clean(path))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
