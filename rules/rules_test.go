package rules_test

import (
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// TestRuleExamples runs every rule's examples, as `factsheet rules test` does.
func TestRuleExamples(t *testing.T) {
	rs, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if rs.ExampleCount() < 40 {
		t.Errorf("only %d examples", rs.ExampleCount())
	}
	for _, f := range rs.TestExamples() {
		t.Error(f)
	}
}

// texts lists the claims' texts, for messages.
func texts(ms []rules.Match) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + m.Text + "]")
	}
	return b.String()
}
