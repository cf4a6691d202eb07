package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/rules"
)

// Exit codes, as linters use them.
const (
	exitOK       = 0
	exitFindings = 1 // --fail-on matched
	exitError    = 2 // bad usage, bad config, unreadable input
)

// app is what every command shares: settings, the logger, the streams.
type app struct {
	v      *viper.Viper
	log    zerolog.Logger
	stdout io.Writer
	stderr io.Writer
	code   int
}

// exitError carries an exit code out of a command.
type codeError struct {
	code int
	err  error
}

func (e codeError) Error() string { return e.err.Error() }

func execute(args []string, stdout, stderr io.Writer) int {
	a := &app{v: viper.New(), stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(stderr, "factsheet:", err)
		var ce codeError
		if errors.As(err, &ce) {
			return ce.code
		}
		return exitError
	}
	return a.code
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "factsheet",
		Short:         "Audit the statistics quoted in reading highlights",
		Version:       factsheet.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.configure(cmd)
		},
	}
	pf := root.PersistentFlags()
	pf.String("config", "", "configuration file (settings and rules) over the built-in defaults")
	pf.StringArray("rules", nil, "extra rule file (YAML with a rules: list); repeatable")
	pf.String("log-level", "info", "log level: debug, info, warn, error")
	pf.String("log-format", "console", "log format: console or json")
	root.AddCommand(a.runCmd(), a.checkCmd(), a.rulesCmd(), a.ledgerCmd())
	return root
}

// configure layers the settings: flags, then FACTSHEET_* environment
// variables, then --config FILE, then the defaults embedded in the binary.
func (a *app) configure(cmd *cobra.Command) error {
	v := a.v
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(settingsOf(factsheet.DefaultConfig))); err != nil {
		return codeError{exitError, fmt.Errorf("built-in config: %w", err)}
	}
	if path, _ := cmd.Flags().GetString("config"); path != "" {
		v.SetConfigFile(path)
		if err := v.MergeInConfig(); err != nil {
			return codeError{exitError, fmt.Errorf("%s: %w", path, err)}
		}
	}
	v.SetEnvPrefix("FACTSHEET")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	for _, name := range []string{"log-level", "log-format", "out", "format", "workers", "fail-on", "input-format", "ledger"} {
		if f := cmd.Flags().Lookup(name); f != nil {
			if err := v.BindPFlag(strings.ReplaceAll(name, "-", "_"), f); err != nil {
				return err
			}
		}
	}
	log, err := newLogger(a.stderr, v.GetString("log_level"), v.GetString("log_format"))
	if err != nil {
		return codeError{exitError, err}
	}
	a.log = log
	return nil
}

// settingsOf is the part of the built-in config before its rules: viper
// needs only the settings, and parsing 800 lines of rules for them cost a
// few milliseconds of every run (the rules are parsed once, by rules.Load).
func settingsOf(config []byte) []byte {
	if i := bytes.Index(config, []byte("\nrules:")); i >= 0 {
		return config[:i+1]
	}
	return config
}

func newLogger(w io.Writer, level, format string) (zerolog.Logger, error) {
	lvl, err := zerolog.ParseLevel(strings.ToLower(level))
	if err != nil || level == "" {
		return zerolog.Nop(), fmt.Errorf("--log-level: %q is not one of debug, info, warn, error", level)
	}
	switch format {
	case "json":
	case "console":
		w = zerolog.ConsoleWriter{Out: w, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}}
	default:
		return zerolog.Nop(), fmt.Errorf("--log-format: %q is not console or json", format)
	}
	return zerolog.New(w).Level(lvl).With().Timestamp().Logger(), nil
}

// ruleset compiles the built-in rules, then those of --config, then --rules files.
func (a *app) ruleset(cmd *cobra.Command) (*rules.Ruleset, error) {
	var files []string
	if path, _ := cmd.Flags().GetString("config"); path != "" {
		files = append(files, path)
	}
	extra, _ := cmd.Flags().GetStringArray("rules")
	files = append(files, extra...)
	rs, err := rules.Load("config.yaml (built in)", factsheet.DefaultConfig, files...)
	if err != nil {
		return nil, codeError{exitError, err}
	}
	return rs, nil
}
