package pipeline_test

import (
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Each arithmetic check, on a sentence it must flag, names exactly the
// figures it read and the value it expected; on the same sentence told
// right it raises no inconsistent finding at all.
func TestArithmeticFindings(t *testing.T) {
	cases := []struct {
		rule, bad, good string
		claims          []string // the texts of the finding's claims, sorted
		expected        float64  // what the other figures imply for the tested one
	}{
		{"percent-change", "Profit grew 40% from $50 million to $60 million.", "Profit grew 20% from $50 million to $60 million.",
			[]string{"$50 million", "$60 million", "40%"}, 20},
		{"percent-change", "一年前为80万吨,今年为72万吨,下降了15%。", "一年前为80万吨,今年为72万吨,下降了10%。",
			[]string{"15%", "72万吨", "80万吨"}, -10},
		{"points-change", "Turnout rose 6 percentage points, from 58% to 61%.", "Turnout rose 3 percentage points, from 58% to 61%.",
			[]string{"58%", "6 percentage points", "61%"}, 3},
		{"change-difference", "Staff fell by 120, from 940 to 860.", "Staff fell by 80, from 940 to 860.",
			[]string{"120", "860", "940"}, -80},
		{"change-factor", "Traffic grew 5 times, from 2,000 to 8,000 vehicles.", "Traffic grew 4 times, from 2,000 to 8,000 vehicles.",
			[]string{"2,000", "5 times", "8,000"}, 4},
		{"growth-multiple", "Fees rose 200%, that is 2 times what they were.", "Fees rose 200%, that is 3 times what they were.",
			[]string{"2 times", "200%"}, 3},
		{"compound-growth", "Members went from 1,000 in 2010 to 2,000 in 2020, about 12% a year.",
			"Members went from 1,000 in 2010 to 2,000 in 2020, about 7% a year.",
			[]string{"1,000", "2,000", "about 12%"}, 7.18},
		{"doubling-rate", "Demand doubles every 10 years, about 14% a year.", "Demand doubles every 10 years, about 7% a year.",
			[]string{"10 years", "about 14%"}, 7.18},
		{"product", "At 300 seats for $20 each, the show comes to $9,000.", "At 300 seats for $20 each, the show comes to $6,000.",
			[]string{"$20", "$9,000", "300"}, 6000},
		{"conversion", "The tower is 300 metres (0.5 km) tall.", "The tower is 300 metres (0.3 km) tall.",
			[]string{"0.5 km", "300 metres"}, 300},
	}
	for _, c := range cases {
		t.Run(c.rule+": "+c.bad, func(t *testing.T) {
			res := runAll(t, c.bad)
			f := only(t, res, c.rule, pipeline.Inconsistent)
			if got := texts(res, f.Claims); strings.Join(got, "|") != strings.Join(c.claims, "|") {
				t.Errorf("claims %q, want %q", got, c.claims)
			}
			if f.Expected == nil || math.Abs(f.Expected.Value-c.expected) > 0.01*math.Max(1, math.Abs(c.expected)) {
				t.Errorf("expected %+v, want %g", f.Expected, c.expected)
			}
			if f.Deviation == nil || *f.Deviation == 0 || len(f.Values) != len(f.Claims) {
				t.Errorf("deviation %v, values %v for %d claims", f.Deviation, f.Values, len(f.Claims))
			}
			for _, g := range runAll(t, c.good).Findings {
				if g.Status == pipeline.Inconsistent {
					t.Errorf("%q: %s flags: %s", c.good, g.Rule, g.Message)
				}
			}
		})
	}
}

// only returns the one finding of a rule with a status, failing otherwise.
func only(t *testing.T, res *pipeline.Result, rule, status string) pipeline.Finding {
	t.Helper()
	var got []pipeline.Finding
	var all []string
	for _, f := range res.Findings {
		all = append(all, f.Rule+"/"+f.Status+": "+f.Message)
		if f.Rule == rule && f.Status == status {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d %s findings of %s; all: %q", len(got), status, rule, all)
	}
	return got[0]
}

// texts lists the claims' texts, sorted.
func texts(res *pipeline.Result, ids []string) []string {
	byID := map[string]string{}
	for _, c := range res.Claims {
		byID[c.ID()] = c.Text
	}
	var out []string
	for _, id := range ids {
		out = append(out, byID[id])
	}
	sort.Strings(out)
	return out
}
