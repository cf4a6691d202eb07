package main

import (
	"fmt"

	"github.com/factsheet-dev/factsheet/pipeline/checktest"
	"github.com/spf13/cobra"
)

func (a *app) rulesCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "rules", Short: "List and test the extraction rules"}
	cmd.AddCommand(&cobra.Command{
		Use:   "test",
		Short: "Check every rule's examples: the claims each must or must not yield",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rs, err := a.ruleset(cmd)
			if err != nil {
				return err
			}
			fails := rs.TestExamples()
			checks, err := checktest.Run(rs) // a check's examples run every stage
			if err != nil {
				return err
			}
			fails = append(fails, checks...)
			for _, f := range fails {
				fmt.Fprintln(a.stdout, f)
			}
			n := rs.ExampleCount()
			fmt.Fprintf(a.stdout, "%d passed, %d failed\n", n-len(fails), len(fails))
			if len(fails) > 0 {
				a.code = exitFindings
			}
			return nil
		},
	}, &cobra.Command{
		Use:   "list",
		Short: "List the rules with their ids, types and descriptions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rs, err := a.ruleset(cmd)
			if err != nil {
				return err
			}
			for _, r := range rs.Rules() {
				fmt.Fprintf(a.stdout, "%s:%d\t%s\t%s\t%s\n", r.File, r.Line, r.ID, r.Type, r.Description)
			}
			return nil
		},
	})
	return cmd
}
