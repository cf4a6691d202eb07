package pipeline_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
)

// runSeed reads a seed file as a run does and runs every stage.
func runSeed(t *testing.T, name string) *pipeline.Result {
	t.Helper()
	src, _, err := ingest.Read([]string{"../seeds/" + name}, "", func(ingest.Problem) {})
	if err != nil {
		t.Fatal(err)
	}
	return runStages(t, defaultRules(t), src)
}

// seedFinding is a finding as "rule status text@line, …", its claims sorted.
func seedFinding(res *pipeline.Result, f pipeline.Finding) string {
	at := map[string]string{}
	for _, c := range res.Claims {
		at[c.ID()] = fmt.Sprintf("%s@%d", c.Text, c.Line)
	}
	var cs []string
	for _, id := range f.Claims {
		cs = append(cs, at[id])
	}
	sort.Strings(cs)
	return f.Rule + " " + f.Status + " " + strings.Join(cs, ", ")
}

// The golden reports of cmd/factsheet hold every field of the seeds'
// reports; this table names what the seeds must be found to say, so that
// no behaviour is guarded by a golden file alone: each inconsistent
// finding (and no other), and the agreements that show a check at work.
func TestSeedFindings(t *testing.T) {
	cases := []struct {
		seed         string
		inconsistent map[string]string // why it matters → the finding
		consistent   map[string]string
	}{
		{"ai-compute.txt",
			map[string]string{
				"71% and 67% for the five hyperscalers in Q4 2025 conflict":           "conflict inconsistent 67%@10, 71%@8",
				"63% against 60% at the start, in Q1 2024":                            "conflict inconsistent 60%@10, 60%@9, 63%@8",
				"one rise told from 63% and from 60%":                                 "change-conflict inconsistent 60%@10, 60%@9, 63%@8, 67%@10, 71%@8, over two-thirds@9",
				"7 months against 18-24 months is 2.6 to 3.4 times, not over 3 times": "ratio-of-durations inconsistent 18-24 个月@30, 3 倍以上@30, 7 个月@30",
			},
			map[string]string{
				"about one quarter is 25%":                   "conflict consistent 25%@32, about one quarter@31",
				"up to 5 GW restated as 5GW":                 "restatement consistent 5GW@6, up to 5 gigawatts (GW)@5",
				"from 10¹⁴ to over 10²⁶ flops is 1 trillion": "change-factor consistent 1 trillion times@13, over 10²⁶ flops@13, roughly 10¹⁴ flops@13",
				"0.1 dollars × 1000 calls is 100 dollars":    "product consistent 0.1 美元@18, 100 美元@18, 1000 次@18",
			}},
		{"readwise-export.csv",
			map[string]string{"415 TWh restated as 451": "restatement inconsistent about 415 TWh@2, 约451太瓦时@2"},
			map[string]string{
				"45%, 25% and 15% of one whole do not pass 100%": "share-sum consistent 15%@5, 25%@5, 45%@5",
				"and come to the 85% stated for them":            "parts-total consistent 15%@5, 25%@5, 45%@5, 85%@5",
				"85% in a note is another figure than 45%":       "restatement unverifiable 45%@5, 85%@5",
			}},
		{"draft.md",
			map[string]string{"10,000 GPUs at $40,000 are $400 million, not $100 million": "product inconsistent $100 million@12, $40,000@12, 10,000@12"},
			nil},
	}
	for _, c := range cases {
		t.Run(c.seed, func(t *testing.T) {
			res := runSeed(t, c.seed)
			got := map[string]bool{}
			var bad []string
			for _, f := range res.Findings {
				s := seedFinding(res, f)
				got[s] = true
				if f.Status == pipeline.Inconsistent {
					bad = append(bad, s)
				}
			}
			for why, want := range c.inconsistent {
				if !got[want] {
					t.Errorf("%s: no %q", why, want)
				}
			}
			for why, want := range c.consistent {
				if !got[want] {
					t.Errorf("%s: no %q", why, want)
				}
			}
			if len(bad) != len(c.inconsistent) {
				t.Errorf("inconsistent findings %q, want only the %d named", bad, len(c.inconsistent))
			}
		})
	}
}
