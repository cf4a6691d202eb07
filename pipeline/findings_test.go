package pipeline_test

import (
	"math"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// told is a text and the status of what a check finds in it ("": nothing).
type told struct{ text, status string }

// Each check other than the arithmetic ones (see TestArithmeticFindings),
// on a text it must flag, names exactly the figures it read, the value it
// expected where it has one, and what it computed; on the same text told
// right no check raises an inconsistent finding.
func TestCheckFindings(t *testing.T) {
	none := math.NaN()
	cases := []struct {
		rule, bad string
		good      []told   // the same text told right, and what the rule finds in it
		claims    []string // the texts of the finding's claims, sorted
		expected  float64  // NaN: the check states no single expectation
		message   string   // what it computed, in its message
	}{
		{"conflict", "Google holds 28% of global AI compute as of Q4 2025.\n谷歌在2025年第四季度占全球算力的22%。",
			[]told{{"Google holds about one quarter of global AI compute as of Q4 2025.\n谷歌在2025年第四季度占全球算力的25%。", "consistent"},
				{"Google holds 70% of global AI compute as of Q4 2025.\n谷歌在2025年第四季度占全球算力的71%。", "consistent"}, // they touch at 70.5
				{"Google holds over 60% of global AI compute as of Q4 2025.\n谷歌在2025年第四季度占全球算力的不到60%。", "consistent"}},
			[]string{"22%", "28%"}, none, `"28%" (t.txt:1) reads as [27.5, 28.5]; "22%" (t.txt:2) reads as [21.5, 22.5]`},
		{"change-conflict", "The five hyperscalers hold 71% of global AI compute as of Q4 2025.\n五大云厂商的算力份额从58%上升到71%。\nFive hyperscalers now own 71% of global AI compute, rising from 64% in Q1 2024.\n五大云厂商的算力份额从64%上升到71%。",
			[]told{{"The five hyperscalers hold 71% of global AI compute as of Q4 2025.\n五大云厂商的算力份额从64%上升到71%。\nFive hyperscalers now own 71% of global AI compute, rising from 64% in Q1 2024.\n五大云厂商的算力份额从64%上升到71%。", "consistent"},
				{"The five hyperscalers hold 71% of global AI compute as of Q4 2025.\n五大云厂商的算力份额从64%上升到71%。\nFive hyperscalers now own 71% of global AI compute, rising from 65% in Q1 2024.\n五大云厂商的算力份额从65%上升到71%。", "consistent"}},
			[]string{"58%", "64%", "64%", "71%", "71%", "71%"}, none, "is told with a different start: 58% → 71% (t.txt:2); 64% → 71% (t.txt:3); 64% → 71% (t.txt:4)"},
		{"restatement", "The port handled 8,460 containers in March.\n三月港口处理了8,640个集装箱。",
			[]told{{"The port handled 8,460 containers in March.\n三月港口处理了8,460个集装箱。", "consistent"},
				{"The port handled 8,460 containers in March.\n三月港口处理了约25,000个集装箱。", "unverifiable"}}, // three times: another figure
			[]string{"8,460", "8,640个"}, 8460, "the same digits in another order"},
		{"misquote", "In 2023 the city's bus ridership reached 4.61 million.\n\nA later report put 2023 bus ridership at 4.16 million.",
			[]told{{"In 2023 the city's bus ridership reached 4.61 million.\n\nIn 2024 the city's bus ridership reached 4.16 million.", ""},
				{"In 2023 Ostrava's bus ridership reached 4.61 million.\n\nIn 2023 Brno's bus ridership reached 4.16 million.", ""}},
			[]string{"4.16 million", "4.61 million"}, 4.61e6, "look like one figure miscopied (the same digits in another order)"},
		{"ratio-of-durations", "Training now takes 6 weeks, 5 times faster than the 18 weeks it took before.",
			[]told{{"Training now takes 6 weeks, 3 times faster than the 18 weeks it took before.", "consistent"},
				{"Training now takes 6 weeks, about 3.3 times faster than the 20 weeks it took before.", "consistent"},
				{"Training now takes 2 weeks, 3 times faster than the 7 weeks it took before.", "consistent"},  // 3.5: at the top of 3's rounding
				{"Training now takes 2 weeks, 3 times faster than the 5 weeks it took before.", "consistent"}}, // 2.5: at its foot
			[]string{"18 weeks", "5 times", "6 weeks"}, none, `"18 weeks" (t.txt:1) against "6 weeks" (t.txt:1) is 3 times, and "5 times" (t.txt:1) says [4.5, 5.5]`},
		{"share-sum", "Firm A holds 45% of the market, firm B 40% and firm C 30%.",
			[]told{{"Firm A holds 45% of the market and firm B 30%.", "consistent"},
				{"Firm A holds 50% of the market and firm B 51%.", "consistent"}}, // 100% to 102%: may be the whole
			[]string{"30%", "40%", "45%"}, none, "add up to 113.5 to 116.5%"},
		{"parts-total", "北方占35%,南方占30%,两地合计不到60%。",
			[]told{{"北方占35%,南方占30%,两地合计约65%。", "consistent"},
				{"北方占35%,南方占30%,两地合计不到64%。", "consistent"}}, // the parts may add up to 64%
			[]string{"30%", "35%", "不到60%"}, 64, "add up to 64 to 66%; the total \"不到60%\" (t.txt:1) states at most 60%"},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			res := runAll(t, c.bad)
			f := only(t, res, c.rule, pipeline.Inconsistent)
			if got := texts(res, f.Claims); strings.Join(got, "|") != strings.Join(c.claims, "|") {
				t.Errorf("claims %q, want %q", got, c.claims)
			}
			switch {
			case math.IsNaN(c.expected) && f.Expected != nil:
				t.Errorf("expected %+v, want none", *f.Expected)
			case !math.IsNaN(c.expected) && (f.Expected == nil || math.Abs(f.Expected.Value-c.expected) > 1e-9*c.expected):
				t.Errorf("expected %+v, want %g", f.Expected, c.expected)
			}
			if !strings.Contains(f.Message, c.message) {
				t.Errorf("message %q, want it to hold %q", f.Message, c.message)
			}
			for _, good := range c.good {
				var got []string
				for _, g := range runAll(t, good.text).Findings {
					if g.Status == pipeline.Inconsistent {
						t.Errorf("%q: %s flags: %s", good.text, g.Rule, g.Message)
					}
					if g.Rule == c.rule {
						got = append(got, g.Status)
					}
				}
				if strings.Join(got, " ") != good.status {
					t.Errorf("%q: %s finds %q, want %q", good.text, c.rule, got, good.status)
				}
			}
		})
	}
}
