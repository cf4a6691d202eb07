package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/pipeline/checktest"
	"github.com/factsheet-dev/factsheet/rules"
)

// Exit codes, as linters use them; a signal ends a run with 128 + its number.
const (
	exitOK       = 0
	exitFindings = 1 // --fail-on matched
	exitError    = 2 // bad usage, bad config, unreadable input, a report not written
)

// app is what every command shares: settings, the logger, the streams.
type app struct {
	v        *viper.Viper
	log      zerolog.Logger
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	code     int
	json     bool              // --log-format json: every line on stderr is JSON
	configAt map[string]string // where each key of --config stands (file:line:col)
	progress *progress         // the progress line; log lines go through it
	mem      *memStats         // --memstats, or nil
	stop     stopper
	// terminal says whether stderr is a terminal (tests pretend it is).
	terminal func() (bool, int)
}

// codeError carries an exit code out of a command.
type codeError struct {
	code int
	err  error
}

func (e codeError) Error() string { return e.err.Error() }
func (e codeError) Unwrap() error { return e.err }

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	a := &app{v: viper.New(), stdin: stdin, stdout: stdout, stderr: stderr, log: zerolog.Nop()}
	a.terminal = func() (bool, int) {
		f, ok := stderr.(*os.File)
		if !ok || !isatty.IsTerminal(f.Fd()) {
			return false, 0
		}
		return true, termWidth(f)
	}
	a.progress = newProgress(stderr)
	return a
}

// execute runs the command line and returns the exit status. SIGINT and
// SIGTERM end it at once, whatever the command is doing (see stopper).
func execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newApp(stdin, stdout, stderr).execute(args)
}

func (a *app) execute(args []string) int {
	a.json = wantsJSON(args)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan int, 1)
	go func() { done <- a.command(args) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		code, msg := a.stop.stop(sig)
		a.progress.Stop()
		a.printError(msg)
		return code
	}
}

// command runs cobra and turns its error into a message and a status.
func (a *app) command(args []string) int {
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.Execute()
	a.progress.Stop()
	if err != nil {
		a.printError(err.Error())
		var ce codeError
		if errors.As(err, &ce) {
			return ce.code
		}
		return exitError
	}
	return a.code
}

// printError writes an error as the last line on stderr: plain, or JSON
// under --log-format json. Each line of an error that has several is one.
func (a *app) printError(msg string) {
	for _, line := range strings.Split(msg, "\n") {
		if a.json {
			l := zerolog.New(a.progress)
			l.Error().Timestamp().Msg(line)
			continue
		}
		fmt.Fprintln(a.progress, "factsheet:", line)
	}
}

// wantsJSON is --log-format json as the arguments or the environment
// give it, for the errors that come before the settings are read.
func wantsJSON(args []string) bool {
	for i, arg := range args {
		if arg == "--log-format=json" || arg == "--log-format" && i+1 < len(args) && args[i+1] == "json" {
			return true
		}
	}
	return os.Getenv("FACTSHEET_LOG_FORMAT") == "json"
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "factsheet",
		Short:         "Audit the statistics quoted in reading highlights",
		Version:       factsheet.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.configure(cmd); err != nil {
				return codeError{exitError, err}
			}
			return nil
		},
	}
	pf := root.PersistentFlags()
	pf.String("config", "", "configuration file (settings and rules) over the built-in defaults")
	pf.StringArray("rules", nil, "extra rule file (YAML with a rules: list); repeatable")
	pf.String("log-level", "info", "log level: debug, info, warn, error")
	pf.String("log-format", "console", "log format: console or json (every line on stderr is then JSON)")
	pf.BoolP("quiet", "q", false, "no progress line and no info lines: warnings, errors and the summary only")
	root.AddCommand(a.runCmd(), a.checkCmd(), a.rulesCmd(), a.ledgerCmd())
	return root
}

// configure layers the settings: flags, then FACTSHEET_* environment
// variables, then --config FILE, then the defaults embedded in the binary;
// and checks every one of the command's settings, naming a wrong one as
// the user wrote it.
func (a *app) configure(cmd *cobra.Command) error {
	v := a.v
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(settingsOf(factsheet.DefaultConfig))); err != nil {
		return fmt.Errorf("built-in config: %w", err)
	}
	if path := a.configFile(cmd); path != "" {
		at, err := configKeys(path, configSettingKeys())
		if err != nil {
			return err
		}
		a.configAt = at
		v.SetConfigFile(path)
		if err := v.MergeInConfig(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	v.SetEnvPrefix("FACTSHEET")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	for _, s := range settings {
		if f := cmd.Flags().Lookup(flagName(s.key)); f != nil {
			if err := v.BindPFlag(s.key, f); err != nil {
				return err
			}
		}
	}
	if err := a.checkSettings(cmd); err != nil {
		return err
	}
	a.json = a.text("log_format") == "json"
	on, width := a.terminal()
	a.progress.Enable(on && !a.json && !a.v.GetBool("quiet"), width)
	a.log = a.newLogger()
	for _, w := range unknownEnv() {
		a.log.Warn().Msg(w)
	}
	return nil
}

// configFile is --config or FACTSHEET_CONFIG.
func (a *app) configFile(cmd *cobra.Command) string {
	if path, _ := cmd.Flags().GetString("config"); path != "" {
		return path
	}
	return os.Getenv("FACTSHEET_CONFIG")
}

// ruleFiles are the --rules files, or those of FACTSHEET_RULES.
func (a *app) ruleFiles(cmd *cobra.Command) []string {
	if f := cmd.Flags().Lookup("rules"); f != nil && f.Changed {
		files, _ := cmd.Flags().GetStringArray("rules")
		return files
	}
	return envList(os.Getenv("FACTSHEET_RULES"))
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

// newLogger logs to stderr through the progress line, at the level the
// settings give (warnings at least under --quiet).
func (a *app) newLogger() zerolog.Logger {
	lvl, _ := zerolog.ParseLevel(a.text("log_level"))
	if a.v.GetBool("quiet") {
		lvl = max(lvl, zerolog.WarnLevel)
	}
	var w io.Writer = a.progress
	if !a.json {
		w = zerolog.ConsoleWriter{Out: a.progress, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}}
	}
	return zerolog.New(w).Level(lvl).With().Timestamp().Logger()
}

// ruleset compiles the built-in rules, then those of --config, then --rules
// files. The examples of the user's rules must pass, or the command stops
// (but for `rules test` and `rules list`, which show them); the built-in
// ones pass (a test holds them), and are run only when the user's rules
// could have changed what they read.
func (a *app) ruleset(cmd *cobra.Command) (*rules.Ruleset, error) {
	var files []string
	if path := a.configFile(cmd); path != "" {
		files = append(files, path)
	}
	for _, path := range a.ruleFiles(cmd) {
		_, err := configKeysHint(path, []string{"rules"}, func(key string) string {
			if contains(configSettingKeys(), key) {
				return fmt.Sprintf("%q is a setting: a --rules file holds rules only (settings go in --config)", key)
			}
			return ""
		})
		if err != nil {
			return nil, codeError{exitError, err}
		}
		files = append(files, path)
	}
	rs, err := rules.Default(files...)
	if err != nil {
		return nil, codeError{exitError, err}
	}
	if len(files) == 0 || cmd.Parent() != nil && cmd.Parent().Name() == "rules" {
		return rs, nil
	}
	if err := a.userExamples(rs); err != nil {
		return nil, codeError{exitError, err}
	}
	return rs, nil
}

// userExamples fails on an example of the user's rules that does not
// read as it says, and warns when the user's rules change what a built-in
// example reads. A check's examples run every stage (about 6 ms for the
// defaults' 30), so they run only when the user's files hold a check.
func (a *app) userExamples(rs *rules.Ruleset) error {
	user := func(f string) bool { return f != rules.BuiltinConfig && f != rules.BuiltinUnits }
	fails := rs.TestExamplesOf(user)
	builtin := rs.TestExamplesOf(func(f string) bool { return !user(f) })
	for _, in := range rs.Rules() {
		if in.Type != "check" || !user(in.File) || len(in.Examples) == 0 {
			continue
		}
		checks, err := checktest.Run(rs)
		if err != nil {
			return err
		}
		for _, f := range checks {
			if strings.HasPrefix(f, rules.BuiltinConfig+":") {
				builtin = append(builtin, f)
			} else {
				fails = append(fails, f)
			}
		}
		break
	}
	if len(fails) > 0 {
		return fmt.Errorf("%s\n%d examples of your rules do not read as they say (factsheet rules test lists every failure)", strings.Join(fails, "\n"), len(fails))
	}
	if len(builtin) > 0 {
		a.log.Warn().Int("examples", len(builtin)).Str("first", builtin[0]).
			Msg("your rules change what built-in examples read (factsheet rules test lists them)")
	}
	return nil
}
