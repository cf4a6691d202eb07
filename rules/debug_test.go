package rules_test

import (
	"bufio"
	"fmt"
	"os"
	"testing"

	"github.com/factsheet-dev/factsheet"
	"github.com/factsheet-dev/factsheet/rules"
)

func TestDebugSeed(t *testing.T) {
	if os.Getenv("DEBUG_SEED") == "" {
		t.Skip()
	}
	rs, err := rules.Load("config.yaml", factsheet.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(os.Getenv("DEBUG_SEED"))
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		for _, m := range rs.Extract(sc.Text()) {
			fmt.Printf("%d\t%q\t%g\t%q\tmin=%v max=%v q=%q k=%s ch=%s p=%q r=%s\n", n, m.Text, m.Value, m.Unit, p(m.Min), p(m.Max), m.Qualifier, m.Kind, m.Change, m.Period, m.Rule)
		}
	}
}

func p(f *float64) string {
	if f == nil {
		return "-"
	}
	return fmt.Sprint(*f)
}
