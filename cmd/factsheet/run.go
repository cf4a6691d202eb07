package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"github.com/factsheet-dev/factsheet/ledger"
	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
	"github.com/factsheet-dev/factsheet/reports"
)

func (a *app) runCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run PATH...",
		Short: "Extract the numeric claims of highlight files or directories and write the reports",
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
	f.String("cpuprofile", "", "write a CPU profile to this file")
	f.String("memprofile", "", "write an allocation profile to this file at the end")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	return cmd
}

func (a *app) run(cmd *cobra.Command, args []string) error {
	start := time.Now()
	if p, _ := cmd.Flags().GetString("cpuprofile"); p != "" {
		stopProfile, err := startProfile(p)
		if err != nil {
			return codeError{exitError, err}
		}
		defer stopProfile()
	}
	if p, _ := cmd.Flags().GetString("memprofile"); p != "" {
		runtime.MemProfileRate = 4 << 10
		defer writeHeapProfile(p)
	}
	writers, err := reports.Parse(a.v.GetString("format"))
	if err != nil {
		return codeError{exitError, fmt.Errorf("--format: %w", err)}
	}
	rs, err := a.ruleset(cmd)
	if err != nil {
		return err
	}
	l, err := a.openLedger(false)
	if err != nil {
		return err
	}
	if l != nil {
		defer l.Close()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lap := a.lap()
	res, err := a.read(args)
	if err != nil {
		return codeError{exitError, err}
	}
	lap = lap.log("read")
	checks, err := pipeline.NewCheck(rs)
	if err != nil {
		return codeError{exitError, err}
	}
	stages := []pipeline.Stage{&pipeline.Extract{Rules: rs, Workers: a.v.GetInt("workers")}}
	if on, _ := cmd.Flags().GetBool("checks"); on {
		stages = append(stages, &pipeline.Context{Rules: rs}, &pipeline.Link{Rules: rs}, checks)
	}
	stages = ledgerStages(l, stages, &ledger.Recall{Ledger: l, Rules: rs})
	for _, st := range stages {
		t0 := a.lap()
		if err := pipeline.Run(ctx, res, st); err != nil {
			return codeError{exitError, err}
		}
		t0.log("stage " + st.Name())
	}
	lap = lap.log("pipeline")
	if prev, _ := cmd.Flags().GetString("merge-verdicts"); prev != "" {
		if err := a.mergeVerdicts(prev, res); err != nil {
			return codeError{exitError, err}
		}
	}
	paths, err := reports.WriteAll(a.v.GetString("out"), res, writers)
	if err != nil {
		return codeError{exitError, err}
	}
	lap = lap.log("reports")
	if l != nil {
		if err := a.recordRun(ctx, l, res, args); err != nil {
			return codeError{exitError, err}
		}
		lap.log("ledger")
	}
	for _, p := range paths {
		a.log.Info().Str("report", p).Msg("wrote")
	}
	cpu, faults := cpuTime()
	a.log.Debug().Dur("took", time.Since(start)).Dur("cpu", cpu).Int64("faults", faults).Msg("done")
	bad := inconsistent(res.Findings)
	fmt.Fprintf(a.stderr, "%d sources, %d claims, %d inconsistent findings\n", len(res.Sources), len(res.Claims), bad)
	switch failOn := a.v.GetString("fail_on"); failOn {
	case "", "never":
	case "inconsistent":
		if bad > 0 {
			a.code = exitFindings
		}
	default:
		return codeError{exitError, fmt.Errorf("--fail-on: %q is not inconsistent or never", failOn)}
	}
	return nil
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
	next := l.a.lap()
	l.a.log.Debug().Dur("took", next.start.Sub(l.start)).Dur("cpu", next.cpu-l.cpu).
		Int64("faults", next.faults-l.faults).Msg(what)
	return next
}

// read reads the inputs, logging every problem with its file and line.
func (a *app) read(args []string) (*pipeline.Result, error) {
	report := func(p ingest.Problem) {
		a.log.Warn().Msg(p.String())
	}
	files, err := ingest.Files(args, report)
	if err != nil {
		return nil, err
	}
	src, st, err := ingest.Read(files, a.v.GetString("input_format"), report)
	if err != nil {
		return nil, err
	}
	ev := a.log.Info().Int("files", st.Files).Int("records", st.Read).Int("sources", st.Sources).Int("skipped", st.Skipped)
	if st.Skipped > 0 {
		ev = ev.Str("why", st.Reasons())
	}
	ev.Msg("read")
	return &pipeline.Result{Sources: src}, nil
}

// mergeVerdicts reads a previous workbook's verdicts and says how many
// still have their claim.
func (a *app) mergeVerdicts(path string, res *pipeline.Result) error {
	v, err := reports.ReadVerdicts(path)
	if err != nil {
		return fmt.Errorf("--merge-verdicts: %w", err)
	}
	res.Verdicts = v
	kept := map[string]bool{}
	for i := range res.Claims {
		if k := reports.VerdictKey(&res.Claims[i]); v[k] != [2]string{} {
			kept[k] = true
		}
	}
	a.log.Info().Int("verdicts", len(v)).Int("carried", len(kept)).Int("lost", len(v)-len(kept)).Msg("merged verdicts")
	return nil
}

func inconsistent(fs []pipeline.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Status == "inconsistent" {
			n++
		}
	}
	return n
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
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
