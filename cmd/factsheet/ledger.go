package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/ledger"
	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/reports"
)

// openLedger opens the ledger the --ledger flag or the ledger setting
// names; nil when none is set. must: a ledger is required (the ledger
// commands), so none set is an error.
func (a *app) openLedger(must bool) (*ledger.Ledger, error) {
	path := a.v.GetString("ledger")
	if path == "" {
		if must {
			return nil, codeError{exitError, fmt.Errorf("no ledger: give --ledger FILE or set ledger: in the config (FACTSHEET_LEDGER)")}
		}
		return nil, nil
	}
	if must {
		if _, err := os.Stat(path); err != nil {
			return nil, codeError{exitError, fmt.Errorf("--ledger: %w", err)}
		}
	}
	l, err := ledger.Open(path)
	if err != nil {
		return nil, codeError{exitError, fmt.Errorf("--ledger: %w", err)}
	}
	return l, nil
}

// ledgerStages are the stages a run with a ledger adds around link and
// check: recall before, mark after.
func ledgerStages(l *ledger.Ledger, stages []pipeline.Stage, recall *ledger.Recall) []pipeline.Stage {
	if l == nil {
		return stages
	}
	var out []pipeline.Stage
	for _, st := range stages {
		if _, ok := st.(*pipeline.Link); ok {
			out = append(out, recall)
		}
		out = append(out, st)
		if _, ok := st.(*pipeline.Check); ok {
			out = append(out, ledger.Mark{})
		}
	}
	return out
}

// runStarted is now, or SOURCE_DATE_EPOCH when set, so that a test or a
// reproducible build gets the same dates in its messages.
func runStarted() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}

// recordRun writes the run to the ledger, with the verdicts the run's
// claims carry.
func (a *app) recordRun(ctx context.Context, l *ledger.Ledger, res *pipeline.Result, args []string) error {
	verdicts := map[string][2]string{}
	if res.Verdicts != nil {
		for id, v := range res.Verdicts.Carried {
			if v.Of == pipeline.OfClaim {
				verdicts[id] = [2]string{v.Verdict, v.Note}
			}
		}
	}
	n, err := l.Record(ctx, res, ledger.Run{Started: runStarted(), Version: factsheet.Version, Inputs: args, Verdicts: verdicts})
	if err != nil {
		return err
	}
	a.log.Info().Str("ledger", l.Path()).Int("sources", n.Sources).Int("claims", n.Claims).Int("findings", n.Findings).
		Int("replaced", n.Replaced).Int("verdicts", n.Verdicts+n.CarriedVerdicts).Msg("recorded")
	return nil
}

func (a *app) ledgerCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "ledger", Short: "Look into the ledger of everything read: stats, search, export"}
	cmd.PersistentFlags().String("ledger", "", "the ledger file (default: the ledger setting)")
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the ledger's sources, claims, findings by status and verdicts by verdict",
		Args:  cobra.NoArgs,
		RunE:  a.ledgerStats,
	}
	search := &cobra.Command{
		Use:   "search TEXT",
		Short: "List the claims whose subject, metric or quote matches TEXT (in any language of the lexicons), with their sources",
		Args:  cobra.MinimumNArgs(1),
		RunE:  a.ledgerSearch,
	}
	search.Flags().Int("limit", 100, "show at most this many claims (0: all)")
	export := &cobra.Command{
		Use:   "export",
		Short: "Write the whole ledger as reports (factsheet.json, factsheet.xlsx, ...)",
		Args:  cobra.NoArgs,
		RunE:  a.ledgerExport,
	}
	export.Flags().String("out", "out", "directory for the reports")
	export.Flags().String("format", "xlsx,json", "report formats, comma-separated: xlsx, json, csv, md")
	cmd.AddCommand(stats, search, export)
	return cmd
}

func (a *app) ledgerStats(cmd *cobra.Command, _ []string) error {
	l, err := a.openLedger(true)
	if err != nil {
		return err
	}
	defer l.Close()
	st, err := l.Stats(cmd.Context())
	if err != nil {
		return codeError{exitError, err}
	}
	w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "ledger\t%s (schema %d, %s)\n", l.Path(), st.Schema, size(st.FileBytes))
	fmt.Fprintf(w, "runs\t%d (last %s)\n", st.Runs, orNone(st.LastRun))
	fmt.Fprintf(w, "sources\t%d in %d files\n", st.Sources, st.Files)
	fmt.Fprintf(w, "claims\t%d (%d subjects, %d metrics)\n", st.Claims, st.Subjects, st.Metrics)
	fmt.Fprintf(w, "findings\t%s\n", byCount(st.Findings))
	fmt.Fprintf(w, "verdicts\t%s\n", byCount(st.Verdicts))
	return w.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// byCount is "12 (inconsistent 3, consistent 9)".
func byCount(m map[string]int) string {
	total := 0
	keys := make([]string, 0, len(m))
	for k, n := range m {
		total += n
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if total == 0 {
		return "0"
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

func (a *app) ledgerSearch(cmd *cobra.Command, args []string) error {
	rs, err := a.ruleset(cmd)
	if err != nil {
		return err
	}
	l, err := a.openLedger(true)
	if err != nil {
		return err
	}
	defer l.Close()
	limit, _ := cmd.Flags().GetInt("limit")
	hits, err := l.Search(cmd.Context(), rs, strings.Join(args, " "), limit)
	if err != nil {
		return codeError{exitError, err}
	}
	for _, h := range hits {
		c := &h.Claim
		about := strings.Join(nonEmpty(c.Subject(), strings.TrimPrefix(c.Metric(), "~"), c.Period()), ", ")
		fmt.Fprintf(a.stdout, "%s:%d:%d: %s = %s %s [%s] (first read %s)\n    %s\n", c.File(), c.Line, c.Col, c.Text,
			strconv.FormatFloat(c.Value, 'g', -1, 64), c.Unit(), about, h.Source.Seen(), h.Source.Text)
	}
	fmt.Fprintf(a.stderr, "%d claims\n", len(hits))
	return nil
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (a *app) ledgerExport(cmd *cobra.Command, _ []string) error {
	format, _ := cmd.Flags().GetString("format")
	writers, err := reports.Parse(format)
	if err != nil {
		return codeError{exitError, fmt.Errorf("--format: %w", err)}
	}
	l, err := a.openLedger(true)
	if err != nil {
		return err
	}
	defer l.Close()
	res, verdicts, err := l.Export(cmd.Context())
	if err != nil {
		return codeError{exitError, err}
	}
	var old []pipeline.Verdict
	for i := range res.Claims {
		if v, ok := verdicts[res.Claims[i].ID()]; ok {
			old = append(old, pipeline.Verdict{ID: res.Claims[i].ID(), Of: pipeline.OfClaim, Verdict: v[0], Note: v[1]})
		}
	}
	pipeline.CarryVerdicts(res, old)
	out, _ := cmd.Flags().GetString("out")
	paths, err := reports.WriteAll(out, res, writers)
	if err != nil {
		return codeError{exitError, err}
	}
	for _, p := range paths {
		a.log.Info().Str("report", p).Msg("wrote")
	}
	fmt.Fprintf(a.stderr, "%d sources, %d claims, %d findings\n", len(res.Sources), len(res.Claims), len(res.Findings))
	return nil
}
