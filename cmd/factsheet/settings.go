package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// setting is one setting, known by the same name as a flag (--fail-on),
// an environment variable (FACTSHEET_FAIL_ON) and a key of a --config
// file (fail_on). Each is checked before any input is read, and a wrong
// value is reported by the name the user wrote it under.
type setting struct {
	key   string             // the config key: fail_on
	kind  string             // what it takes, for messages and checks
	check func(string) error // a value of the right kind may still be wrong
	only  string             // the command check is for ("": every one)
}

// Kinds of value.
const (
	kText  = "text"
	kBool  = "true or false"
	kCount = "a whole number of 0 or more"
	kList  = "a comma-separated list"
)

// settings are every setting; a new flag that is a setting adds its line.
var settings = []setting{
	{key: "log_level", kind: kText, check: oneOf("debug", "info", "warn", "error")},
	{key: "log_format", kind: kText, check: oneOf("console", "json")},
	{key: "quiet", kind: kBool},
	{key: "out", kind: kText, check: outDir},
	{key: "format", kind: kList},
	{key: "workers", kind: kCount},
	{key: "input_format", kind: kText},
	{key: "merge_verdicts", kind: kText, check: readable},
	{key: "checks", kind: kBool},
	{key: "fail_on", kind: kText, check: oneOf("never", "inconsistent"), only: "run"}, // check reads its own list
	{key: "wait", kind: kBool},
	{key: "ledger", kind: kText},
}

// onlyFlagOrEnv are settings a config file cannot hold: the files themselves.
var onlyFlagOrEnv = []string{"config", "rules"}

func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }
func envName(key string) string  { return "FACTSHEET_" + strings.ToUpper(key) }

func oneOf(valid ...string) func(string) error {
	return func(s string) error {
		for _, v := range valid {
			if s == v {
				return nil
			}
		}
		return fmt.Errorf("is not %s", orList(valid))
	}
}

func orList(vs []string) string {
	if len(vs) == 1 {
		return vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " or " + vs[len(vs)-1]
}

// outDir is a directory, or nothing yet.
func outDir(s string) error {
	if s == "" {
		return fmt.Errorf("is empty: name the directory for the reports")
	}
	if fi, err := os.Stat(s); err == nil && !fi.IsDir() {
		return fmt.Errorf("is a file, not a directory")
	}
	return nil
}

// readable is empty or a file that can be read.
func readable(s string) error {
	if s == "" {
		return nil
	}
	f, err := os.Open(s)
	if err != nil {
		return fmt.Errorf("cannot be read: %v", cause(err))
	}
	f.Close()
	return nil
}

func cause(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// origin names where a setting's value came from, as the user wrote it:
// --fail-on, FACTSHEET_FAIL_ON, or my.yaml:4:10: fail_on.
func (a *app) origin(cmd *cobra.Command, key string) string {
	if f := cmd.Flags().Lookup(flagName(key)); f != nil && f.Changed {
		return "--" + flagName(key)
	}
	if os.Getenv(envName(key)) != "" {
		return envName(key)
	}
	if at, ok := a.configAt[key]; ok {
		return at + ": " + key
	}
	return "config.yaml (built in): " + key
}

// text is a setting's value as text: a YAML list is joined with commas.
func (a *app) text(key string) string {
	switch v := a.v.Get(key).(type) {
	case nil:
		return ""
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = fmt.Sprint(e)
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(v)
	}
}

// checkSettings checks every setting the command has, and names the first
// wrong one by where it was written.
func (a *app) checkSettings(cmd *cobra.Command) error {
	for _, s := range settings {
		if cmd.Flags().Lookup(flagName(s.key)) == nil {
			continue // not this command's
		}
		if s.only != "" && s.only != cmd.Name() {
			s.check = nil
		}
		if err := a.checkSetting(s); err != nil {
			return fmt.Errorf("%s: %q %w", a.origin(cmd, s.key), a.text(s.key), err)
		}
	}
	return nil
}

func (a *app) checkSetting(s setting) error {
	val := a.text(s.key)
	switch s.kind {
	case kBool:
		if _, err := strconv.ParseBool(val); err != nil {
			return fmt.Errorf("is not %s", kBool)
		}
	case kCount:
		if n, err := strconv.Atoi(val); err != nil || n < 0 {
			return fmt.Errorf("is not %s", kCount)
		}
	}
	if s.check != nil {
		return s.check(val)
	}
	return nil
}

// configKeys reads the top-level keys of a --config or --rules file with
// their positions, and rejects a key that is not a setting (or rules:),
// so that a typo is an error, not a setting silently left at its default.
func configKeys(path string, allowed []string) (map[string]string, error) {
	return configKeysHint(path, allowed, func(string) string { return "" })
}

// configKeysHint is configKeys with a message of its own for some keys.
func configKeysHint(path string, allowed []string, hint func(key string) string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(path, err)
	}
	at := map[string]string{}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return at, nil
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !contains(allowed, k.Value) {
			if h := hint(k.Value); h != "" {
				return nil, fmt.Errorf("%s:%d:%d: %s", path, k.Line, k.Column, h)
			}
			return nil, fmt.Errorf("%s:%d:%d: unknown key %q%s", path, k.Line, k.Column, k.Value, suggest(k.Value, allowed))
		}
		at[k.Value] = fmt.Sprintf("%s:%d:%d", path, v.Line, v.Column)
	}
	return at, nil
}

// suggest names the valid key nearest to a misspelt one.
func suggest(key string, valid []string) string {
	best, dist := "", 3
	for _, v := range valid {
		if d := editDistance(key, v); d < dist {
			best, dist = v, d
		}
	}
	if best == "" {
		return " (valid: " + strings.Join(valid, ", ") + ")"
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// configSettingKeys are the keys a --config file may hold.
func configSettingKeys() []string {
	out := []string{"rules"}
	for _, s := range settings {
		out = append(out, s.key)
	}
	return out
}

// unknownEnv warns of a FACTSHEET_ variable that is no setting but nearly
// one (FACTSHEET_FORMATS): a typo there would otherwise be ignored without
// a word. Variables far from every setting are another tool's (a script's
// FACTSHEET_BENCH_LEDGER), and pass.
func unknownEnv() []string {
	var known []string
	for _, s := range settings {
		known = append(known, envName(s.key))
	}
	for _, k := range onlyFlagOrEnv {
		known = append(known, envName(k))
	}
	sort.Strings(known)
	var out []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "FACTSHEET_") || contains(known, name) {
			continue
		}
		if hint := suggest(name, known); strings.HasPrefix(hint, " (did you mean") {
			out = append(out, name+" is not a setting of factsheet"+hint)
		}
	}
	sort.Strings(out)
	return out
}

// envList splits FACTSHEET_RULES as PATH is split.
func envList(s string) []string {
	if s == "" {
		return nil
	}
	return filepath.SplitList(s)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError puts the line a YAML syntax error names where an editor
// looks for it: file:line: message.
func yamlError(path string, err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("%s:%s: %s", path, m[1], err.Error()[len(m[0]):])
	}
	return fmt.Errorf("%s: %w", path, err)
}
