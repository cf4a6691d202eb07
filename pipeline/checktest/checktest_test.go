package checktest_test

import (
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline/checktest"
	"github.com/factsheet-dev/factsheet/rules"
)

func defaults(t *testing.T) *rules.Ruleset {
	t.Helper()
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// Every check rule's examples hold.
func TestDefaultExamples(t *testing.T) {
	fails, err := checktest.Run(defaults(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fails {
		t.Error(f)
	}
}

// Every check rule shows what it flags and what it lets pass: an
// inconsistent example and a consistent one (a consistent finding, or for
// a check that only flags, none).
func TestEveryCheckHasBothExamples(t *testing.T) {
	for _, in := range defaults(t).Rules() {
		if in.Type != "check" {
			continue
		}
		has := map[string]bool{}
		for _, ex := range in.Examples {
			has[ex.Finding] = true
		}
		if !has["inconsistent"] || !has["consistent"] && !has["none"] {
			t.Errorf("%s:%d: check %q lacks an inconsistent or a consistent example", in.File, in.Line, in.ID)
		}
	}
}

// A wrong expectation is reported with the rule, the line and what was found.
func TestFailureNamesRule(t *testing.T) {
	rs, err := rules.Default("testdata/wrong.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fails, err := checktest.Run(rs)
	if err != nil {
		t.Fatal(err)
	}
	want := `testdata/wrong.yaml:9: rule "percent-change": "Revenue grew 50% from $80 million to $100 million.": want consistent, got inconsistent: `
	if len(fails) != 1 || len(fails[0]) < len(want) || fails[0][:len(want)] != want {
		t.Fatalf("got %q\nwant one failure starting %q", fails, want)
	}
}
