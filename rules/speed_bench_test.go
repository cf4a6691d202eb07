package rules

import (
	"testing"

	"github.com/factsheet-dev/factsheet"
)

// The start of every run: the built-in rule files parsed and compiled.
func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(BuiltinUnits, factsheet.GeneratedUnits); err != nil {
			b.Fatal(err)
		}
		if _, err := Parse(BuiltinConfig, factsheet.DefaultConfig); err != nil {
			b.Fatal(err)
		}
	}
}
