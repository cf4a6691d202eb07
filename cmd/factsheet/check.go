package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/ledger"
	"github.com/factsheet-dev/factsheet/ledger/lint"
	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
)

// defaultBaseline is read when it exists and no --baseline is given.
const defaultBaseline = ".factsheet-ignore"

func (a *app) checkCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check DRAFT...",
		Short: "Check the figures of drafts (Markdown, text) against the ledger: misquoted, unsupported, inconsistent",
		Args:  cobra.MinimumNArgs(1),
		RunE:  a.check,
	}
	f := cmd.Flags()
	f.String("ledger", "", "the ledger to check against (default: the ledger setting)")
	f.String("against", "", "check against this factsheet.json report instead of a ledger")
	f.StringP("output", "o", "text", "output: "+strings.Join(lint.Formats, ", "))
	f.String("fail-on", lint.Misquoted, "exit 1 when a finding of these rules remains, comma-separated: misquoted, inconsistent, unsupported, or never")
	f.Bool("unsupported", true, "report figures the ledger knows nothing about (severity info)")
	f.String("baseline", "", "file of accepted finding ids, one a line (default: "+defaultBaseline+" if it exists)")
	f.String("write-baseline", "", "write the ids of the findings to this file (to accept them all) and exit 0")
	f.String("input-format", "", "read every draft as this format: text or markdown (default: by extension and content)")
	return cmd
}

func (a *app) check(cmd *cobra.Command, args []string) error {
	fl := cmd.Flags()
	output, _ := fl.GetString("output")
	failOn, err := parseFailOn(a.v.GetString("fail_on"))
	if err != nil {
		return codeError{exitError, err}
	}
	if !contains(lint.Formats, output) {
		return codeError{exitError, fmt.Errorf("--output: %q is not one of %s", output, strings.Join(lint.Formats, ", "))}
	}
	base, err := baseline(cmd)
	if err != nil {
		return codeError{exitError, err}
	}
	rs, err := a.ruleset(cmd)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	l, err := a.checkLedger(ctx, cmd)
	if err != nil {
		return err
	}
	defer l.Close()
	res, err := a.readDrafts(args)
	if err != nil {
		return codeError{exitError, err}
	}
	checks, err := pipeline.NewCheck(rs)
	if err != nil {
		return codeError{exitError, err}
	}
	recall := &ledger.Recall{Ledger: l, Rules: rs}
	stages := []pipeline.Stage{&pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs}, recall, &pipeline.Link{Rules: rs}, checks}
	if err := pipeline.Run(ctx, res, stages...); err != nil {
		return codeError{exitError, err}
	}
	unsupported, _ := fl.GetBool("unsupported")
	found := lint.Audit(res, lint.Options{Approx: lint.ApproxOf(rs), Unsupported: unsupported})
	if path, _ := fl.GetString("write-baseline"); path != "" {
		return a.writeBaseline(path, found)
	}
	found, silenced := base.Filter(found)
	if err := lint.Write(a.stdout, output, found, lint.Tool{Name: "factsheet", Version: factsheet.Version,
		URI: "https://github.com/factsheet-dev/factsheet"}); err != nil {
		return codeError{exitError, err}
	}
	counts := map[string]int{}
	for _, f := range found {
		counts[f.Rule]++
	}
	a.log.Debug().Int("recalled", recall.Claims).Int("silenced", silenced).Msg("checked")
	fmt.Fprintf(a.stderr, "%d claims checked against %s: %d misquoted, %d inconsistent, %d unsupported (%d silenced by the baseline)\n",
		draftClaims(res), l.Path(), counts[lint.Misquoted], counts[lint.Inconsistent], counts[lint.Unsupported], silenced)
	for rule := range failOn {
		if counts[rule] > 0 {
			a.code = exitFindings
		}
	}
	return nil
}

// checkLedger opens the ledger, or builds one from --against.
func (a *app) checkLedger(ctx context.Context, cmd *cobra.Command) (*ledger.Ledger, error) {
	against, _ := cmd.Flags().GetString("against")
	if against == "" {
		return a.openLedger(true)
	}
	rs, err := a.ruleset(cmd)
	if err != nil {
		return nil, err
	}
	l, err := ledger.FromReport(ctx, against, rs)
	if err != nil {
		return nil, codeError{exitError, fmt.Errorf("--against: %w", err)}
	}
	return l, nil
}

// readDrafts reads the drafts as the author's own prose: no quotes, no
// notes, no duplicates (a figure repeated in a draft is checked each time).
func (a *app) readDrafts(args []string) (*pipeline.Result, error) {
	report := func(p ingest.Problem) { a.log.Warn().Msg(p.String()) }
	files, err := ingest.Files(args, report)
	if err != nil {
		return nil, err
	}
	srcs, _, err := ingest.Read(files, a.v.GetString("input_format"), report)
	if err != nil {
		return nil, err
	}
	for i := range srcs {
		s := &srcs[i]
		s.SetRole("draft")
		s.NoteOf, s.DuplicateOf = nil, nil
	}
	return &pipeline.Result{Sources: srcs}, nil
}

func draftClaims(r *pipeline.Result) int {
	seen := map[string]bool{}
	for i := range r.Sources {
		if r.Sources[i].Seen() != "" {
			seen[r.Sources[i].ID()] = true
		}
	}
	n := 0
	for i := range r.Claims {
		if !seen[r.Claims[i].Source()] {
			n++
		}
	}
	return n
}

// parseFailOn reads "misquoted,inconsistent" (or "never") into a set.
func parseFailOn(s string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		switch p {
		case "", "never":
		case lint.Misquoted, lint.Inconsistent, lint.Unsupported:
			out[p] = true
		default:
			return nil, fmt.Errorf("--fail-on: %q is not misquoted, inconsistent, unsupported or never", p)
		}
	}
	return out, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// baseline reads --baseline, or .factsheet-ignore when it exists.
func baseline(cmd *cobra.Command) (lint.Baseline, error) {
	path, _ := cmd.Flags().GetString("baseline")
	if path == "" {
		if _, err := os.Stat(defaultBaseline); errors.Is(err, fs.ErrNotExist) {
			return lint.Baseline{}, nil
		}
		path = defaultBaseline
	}
	b, err := lint.ReadBaseline(path)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	return b, nil
}

func (a *app) writeBaseline(path string, found []lint.Finding) error {
	f, err := os.Create(path)
	if err != nil {
		return codeError{exitError, err}
	}
	if err := lint.WriteBaseline(f, found); err != nil {
		f.Close()
		return codeError{exitError, err}
	}
	if err := f.Close(); err != nil {
		return codeError{exitError, err}
	}
	fmt.Fprintf(a.stderr, "wrote %d finding ids to %s\n", len(found), path)
	return nil
}
