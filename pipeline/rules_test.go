package pipeline_test

import (
	"sync"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// The built-in rules take a while to compile (60 ms before the CLDR units
// came); a ruleset is read-only once loaded, so the tests share one (a
// mutation run runs them hundreds of times).
var defaults struct {
	once sync.Once
	rs   *rules.Ruleset
	err  error
}

// defaultRules returns the built-in rules, loaded once.
func defaultRules(t testing.TB) *rules.Ruleset {
	t.Helper()
	defaults.once.Do(func() {
		defaults.rs, defaults.err = rules.Default()
	})
	if defaults.err != nil {
		t.Fatal(defaults.err)
	}
	return defaults.rs
}
