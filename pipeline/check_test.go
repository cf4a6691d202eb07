package pipeline_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
	"github.com/factsheet-dev/factsheet/rules"
)

func runAll(t testing.TB, text string) *pipeline.Result {
	t.Helper()
	rs := defaultRules(t)
	return runWith(t, rs, text)
}

// runWith reads text as a plain text file and runs every stage with rs.
func runWith(t testing.TB, rs *rules.Ruleset, text string) *pipeline.Result {
	t.Helper()
	src := ingest.Text{}.Read("t.txt", []byte(text), nil)
	for i := range src {
		src[i].SetID("h" + string(rune('a'+i)))
		if k := src[i].NoteIndex; k > 0 {
			id := src[k-1].ID()
			src[i].NoteOf = &id
		}
	}
	return runStages(t, rs, src)
}

// runStages runs every stage with rs over sources.
func runStages(t testing.TB, rs *rules.Ruleset, src []pipeline.Source) *pipeline.Result {
	t.Helper()
	res := &pipeline.Result{Sources: src}
	check, err := pipeline.NewCheck(rs)
	if err != nil {
		t.Fatal(err)
	}
	err = pipeline.Run(context.Background(), res, &pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs},
		&pipeline.Link{Rules: rs}, check)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Each check has a case that must flag and one that must not.
func TestChecks(t *testing.T) {
	cases := []struct {
		name, rule, status, text string
	}{
		{"conflict flags", "conflict", "inconsistent",
			"Amazon, Google, Meta, Microsoft, and Oracle hold 71% of global AI compute as of Q4 2025.\nFive hyperscalers own 67% of AI compute as of Q4 2025."},
		{"conflict: over 60% and 71% agree", "conflict", "consistent",
			"The five hyperscalers hold 71% of global AI compute as of Q4 2025.\nThe five hyperscalers own over 60% of AI compute as of Q4 2025."},
		{"restatement: two figures repeated in a note agree", "restatement", "consistent",
			"In a 2023 survey, 62% of executives expect AI to cut costs by 10-20%.\n在2023年的调查中,62%的高管预计AI将把成本降低10%到20%。"},
		{"conflict: one quarter is 25%", "conflict", "consistent",
			"Google holds about one quarter of global AI compute as of Q4 2025.\nGoogle holds 25% of AI compute in Q4 2025."},
		{"restatement: digits swapped", "restatement", "inconsistent",
			"Data centres used 415 TWh of electricity in 2024.\n数据中心在2024年用电451太瓦时。"},
		{"restatement: scale slipped", "restatement", "inconsistent",
			"up to 5 gigawatts (GW) of capacity\n5MW的算力规模是惊人的"},
		{"percent change: a note's rise against its quote's change", "percent-change", "inconsistent",
			"Average download speed reached 240 Mbps, up from 80 Mbps.\nNote: speeds rose 300%."},
		{"percent change: a note's right rise against its quote's change", "percent-change", "consistent",
			"Average download speed reached 240 Mbps, up from 80 Mbps.\nNote: speeds rose 200%."},
		{"points change: a note's bp against its quote's change", "points-change", "inconsistent",
			"The policy rate went from 3.75% to 4.5% this year.\nNote: a 50 bp increase."},
		{"percent change: a percentage more than a base", "percent-change", "inconsistent",
			"The port handled 45 million tonnes, 8% more than 40 million tonnes a year earlier."},
		{"percent change: a percentage lower than a base", "percent-change", "consistent",
			"Exports were 20% lower than the previous year's $50 billion, at $40 billion."},
		{"points change: points of a change between percentages", "points-change", "inconsistent",
			"The jobless rate fell 0.6 points to 3.7% from 4.1%."},
		{"points change: points of an index are no percentage points", "points-change", "consistent",
			"The jobless rate fell 0.4 points to 3.7% from 4.1%, and the index fell 120 points to 38,450."},
		{"percent change: a note's start against its quote's change", "percent-change", "inconsistent",
			"Ridership rose to 3.4 million in 2024, up 12% from 2023.\nNote: that means about 2.6 million in 2023."},
		{"change difference: a note's start against the level its quote's change follows", "change-difference", "inconsistent",
			"Enrolment reached 84,300 in 2024, up 2,100 on 2023.\nNote: 2023 enrolment was about 86,400."},
		{"change difference: a note's right start against the level its quote's change follows", "change-difference", "consistent",
			"Enrolment reached 84,300 in 2024, up 2,100 on 2023.\nNote: 2023 enrolment was about 82,200."},
		{"percent change: a round tens figure is rounded as the press rounds", "percent-change", "consistent",
			"Shipments fell to 4,150 in 2024, 30% below the 2019 peak of 6,000."},
		{"percent change: a figure that is not round is held to its rounding", "percent-change", "inconsistent",
			"Shipments fell to 4,150 in 2024, 32% below the 2019 peak of 6,000."},
		{"percent change: and a round one past its slack is held too", "percent-change", "inconsistent",
			"Shipments fell to 4,150 in 2024, 40% below the 2019 peak of 6,000."},
		{"share of: a share between its part and its whole", "share-of", "inconsistent",
			"The airline retired 45 jets, about 30% of its fleet of 210."},
		{"share of: one that holds", "share-of", "consistent",
			"The airline retired 45 jets, about 21% of its fleet of 210."},
		{"share whole: a note's whole against its quote's part and share", "share-whole", "inconsistent",
			"The club sold 42,000 season tickets, about 70% of its seats.\nNote: the stadium holds some 52,000."},
		{"share whole: a note's whole that holds", "share-whole", "consistent",
			"The club sold 42,000 season tickets, about 70% of its seats.\nNote: the stadium holds some 60,000."},
		{"ratio: a multiple against the two figures it compares", "ratio", "inconsistent",
			"The average stadium seats 41,000, three times the 9,800 of an indoor arena."},
		{"ratio: a multiple that holds", "ratio", "consistent",
			"The average stadium seats 41,000, more than four times the 9,800 of an indoor arena."},
		{"ratio: AはBのN倍", "ratio", "inconsistent",
			"球場の平均収容人数4万1000人は屋内アリーナの9800人の約3倍だ。"},
		{"ratio: A是B的N倍", "ratio", "consistent",
			"球场平均容纳4.1万人，是室内馆9800人的4倍多。"},
		{"ratio: a note's multiple against its quote's two figures", "ratio", "inconsistent",
			"Full-time staff take home about $53,000 on average, part-timers about $20,000.\nNote: full-timers earn 3.5 times what part-timers do."},
		{"ratio: a note's multiple that holds against its quote's two figures", "ratio", "consistent",
			"Full-time staff take home about $53,000 on average, part-timers about $20,000.\nNote: full-timers earn over 2.5 times what part-timers do."},
		{"ratio: a note's figure for the other side of its quote's comparison", "ratio", "inconsistent",
			"On the festival's peak day 41,000 visitors came, 2.4 times an ordinary Saturday.\nNote: an ordinary Saturday brings about 21,000."},
		{"ratio: a note's right figure for the other side", "ratio", "consistent",
			"On the festival's peak day 41,000 visitors came, 2.4 times an ordinary Saturday.\nNote: an ordinary Saturday brings about 17,000."},
		{"ratio: three times more may mean four times as much", "ratio", "consistent",
			"The stadium holds 41,000, three times more than the 9,800 of an indoor arena."},
		{"percent change: a note's right start against its quote's change", "percent-change", "consistent",
			"Ridership rose to 3.4 million in 2024, up 12% from 2023.\nNote: that means about 3.04 million in 2023."},
		{"percent change: a fraction in words sizes a change loosely", "percent-change", "consistent",
			"户均人口从3.1人降到2.6人，减少了五分之一。"},
		{"restatement: round figures with about agree to 5%", "restatement", "consistent",
			"The jet burns about 5,400 kg of fuel an hour.\nNote: roughly 12,000 lb an hour."},
		{"restatement: about does not swallow 11%", "restatement", "unverifiable",
			"The jet burns about 5,400 kg of fuel an hour.\nNote: about 6,000 kg an hour."},
		{"restatement: over ten times", "restatement", "consistent",
			"Anthropic spent over ten times more on compute.\n算力投入超过十倍以上。"},
		{"restatement: 1 trillion", "restatement", "consistent",
			"it has grown by a staggering 1 trillion times\n增长了1万亿倍"},
		{"ratio of durations flags", "ratio-of-durations", "inconsistent",
			"全球 AI 算力每 7 个月翻倍——比摩尔定律(18-24 个月)快了 3 倍以上。"},
		{"ratio of durations holds", "ratio-of-durations", "consistent",
			"Compute is doubling every 6 months, 3 times faster than the 18 months of Moore's law."},
		{"factor holds", "change-factor", "consistent",
			"It has grown by 1 trillion times, from 10¹⁴ flops to 10²⁶ flops."},
		{"factor of a fall holds", "change-factor", "consistent",
			"测序成本从1亿美元降至不到1000美元,下降了10万倍。"},
		{"factor: at most a half is at least twice", "change-factor", "consistent",
			"卸値は1キロ当たり410円と、前年の960円から半分以下になった。"},
		{"factor: at most a half, not held", "change-factor", "inconsistent",
			"卸値は1キロ当たり510円と、前年の960円から半分以下になった。"},
		{"factor flags", "change-factor", "inconsistent",
			"It has grown by 1000 times, from 10¹⁴ flops to 10²⁶ flops."},
		{"product holds", "product", "consistent",
			"如果每次调用均价 0.1 美元,1000 次调用就是 100 美元的计算成本。"},
		{"product flags", "product", "inconsistent",
			"如果每次调用均价 0.1 美元,1000 次调用就是 1000 美元的计算成本。"},
		{"percent change holds", "percent-change", "consistent",
			"Revenue grew 25% from $80 million to $100 million."},
		{"percent change flags", "percent-change", "inconsistent",
			"Revenue grew 50% from $80 million to $100 million."},
		{"shares past 100%", "share-sum", "inconsistent",
			"Google holds 45% of AI compute, Microsoft 40% and Amazon 30%."},
		{"shares under 100%", "share-sum", "consistent",
			"Google holds 25% of AI compute and Microsoft 20%."},
		{"change told twice", "change-conflict", "inconsistent",
			"The five hyperscalers hold 71% of global AI compute as of Q4 2025.\n五大科技巨头控制的算力在一年内从63%上升到71%。\nFive hyperscalers now own over two-thirds of global AI compute, rising from 60% in Q1 2024.\n这五大超大规模云服务提供商的AI计算资源从60%增长到67%。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runAll(t, c.text)
			var got []string
			for _, f := range res.Findings {
				if c.status == pipeline.Consistent && f.Rule == c.rule && f.Status == pipeline.Inconsistent {
					t.Errorf("a consistent case flags: %s", f.Message)
				}
			}
			for _, f := range res.Findings {
				got = append(got, f.Rule+"/"+f.Status)
				if f.Rule == c.rule && f.Status == c.status {
					if f.Message == "" || len(f.Claims) < 2 {
						t.Errorf("finding without message or claims: %+v", f)
					}
					return
				}
			}
			t.Errorf("no %s finding of %s; got %v", c.status, c.rule, got)
		})
	}
}

// Consistent restatements and comparisons in one sentence must never flag.
func TestNoFalseAlarms(t *testing.T) {
	texts := []string{
		"Anthropic spent over ten times more on compute than Minimax.\n这个数字说明 Anthropic 的算力投入是十倍以上。",
		"Google holds about one quarter of global AI compute as of Q4 2025.\n全球 AI 算力的 25% 被谷歌独占。",
		"DeepSeek 用几倍效率提升,不够弥补十倍差距。",
		"we can reach the same capabilities with over an order of magnitude less compute\n仅用前代模型十分之一的计算量就能达到相同能力。",
		"Chinese companies own just over 5% of compute as of the end of 2025.\n中国公司仅拥有约5%的全球AI计算能力。",
	}
	for _, text := range texts {
		for _, f := range runAll(t, text).Findings {
			if f.Status == pipeline.Inconsistent {
				t.Errorf("%q: false alarm %s: %s", text, f.Rule, f.Message)
			}
		}
	}
}

// claim is c with this unit, kind and bound.
func claim(c pipeline.Claim, unit, kind, bound string) pipeline.Claim {
	c.SetUnit(unit)
	c.SetKind(kind)
	c.SetBound(bound)
	return c
}

func TestInterval(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	inf := math.Inf(1)
	cases := []struct {
		name   string
		c      pipeline.Claim
		lo, hi float64
	}{
		{"71% rounds", claim(pipeline.Claim{Value: 71, Step: 1}, "%", "", ""), 70.5, 71.5},
		{"1.5% rounds", claim(pipeline.Claim{Value: 1.5, Step: 0.1}, "%", "", ""), 1.45, 1.55},
		{"over 60%", claim(pipeline.Claim{Value: 60, Step: 1, Min: f(60)}, "%", "", "min"), 60, inf},
		{"over two-thirds", claim(pipeline.Claim{Value: 2.0 / 3, Min: f(2.0 / 3)}, "", "share", "min"), 200.0 / 3, inf},
		{"up to 5", claim(pipeline.Claim{Value: 5, Step: 1, Max: f(5)}, "", "", "max"), math.Inf(-1), 5},
		{"about 25%", claim(pipeline.Claim{Value: 25, Step: 1}, "%", "", "approx"), 25 - 1.25, 25 + 1.25},
		{"about 2.5 rounds wider than 1%", claim(pipeline.Claim{Value: 2.5, Step: 0.1}, "", "", "approx"), 2.45, 2.55},
		{"18-24", claim(pipeline.Claim{Value: 21, Step: 1, Min: f(18), Max: f(24)}, "month", "", ""), 17.5, 24.5},
	}
	for _, c := range cases {
		got := pipeline.Interval(&c.c, 0.05)
		if c.name == "about 2.5 rounds wider than 1%" {
			got = pipeline.Interval(&c.c, 0.01)
		}
		if math.Abs(got.Lo-c.lo) > 1e-9 && !(math.IsInf(got.Lo, -1) && math.IsInf(c.lo, -1)) ||
			math.Abs(got.Hi-c.hi) > 1e-9 && !(math.IsInf(got.Hi, 1) && math.IsInf(c.hi, 1)) {
			t.Errorf("%s: %v, want [%g, %g]", c.name, got, c.lo, c.hi)
		}
	}
	if pipeline.Overlap(pipeline.Span{Lo: 59.5, Hi: 60.5}, pipeline.Span{Lo: 62.5, Hi: 63.5}) {
		t.Error("60% and 63% overlap")
	}
	if !strings.Contains(pipeline.Span{Lo: 1, Hi: math.Inf(1)}.String(), "∞") {
		t.Error("open span not shown as ∞")
	}
}

// The context and restatement stages cut a large input into parts for all
// cores: every copy of the same highlights must come out the same, wherever
// the cuts fall (a note in one part, its quote in the one before).
func TestPartsAgree(t *testing.T) {
	seed, err := os.ReadFile("../seeds/ai-compute.txt")
	if err != nil {
		t.Fatal(err)
	}
	const copies = 100
	res := runAll(t, strings.Repeat(strings.TrimRight(string(seed), "\n")+"\n\n", copies))
	per := len(res.Sources) / copies
	lineOf := map[string]int{}
	for i, s := range res.Sources {
		lineOf[s.ID()] = i
	}
	byCopy := make([][]string, copies)
	for _, c := range res.Claims {
		k := lineOf[c.Source()]
		byCopy[k/per] = append(byCopy[k/per], fmt.Sprintf("%d %s %g %s | %s | %s | %s",
			k%per, c.Text, c.Value, c.Unit(), c.Subject(), c.Metric(), c.Period()))
	}
	restated := make([]int, copies)
	for _, f := range res.Findings {
		if f.Kind == "restatement" {
			restated[lineOf[claimSource(res, f.Claims[0])]/per]++
		}
	}
	for j := 1; j < copies; j++ {
		if d := diff(byCopy[0], byCopy[j]); d != "" {
			t.Fatalf("copy %d differs from copy 0:\n%s", j, d)
		}
		if restated[j] != restated[0] {
			t.Fatalf("copy %d has %d restatement findings, copy 0 has %d", j, restated[j], restated[0])
		}
	}
	if restated[0] == 0 || len(byCopy[0]) == 0 {
		t.Fatal("the seed yields no claims or no restatements")
	}
}

func claimSource(r *pipeline.Result, id string) string {
	for _, c := range r.Claims {
		if c.ID() == id {
			return c.Source()
		}
	}
	return ""
}

// A note on a note reads the context its note took from the quote.
func TestNoteOnNote(t *testing.T) {
	rs := defaultRules(t)
	q, n := "h1", "h2"
	res := &pipeline.Result{Sources: []pipeline.Source{
		pipeline.Source{Line: 3, Text: "还是71%", NoteOf: &n}.WithID("h3"), // before its note, in input order
		pipeline.Source{Line: 1, Text: "The five hyperscalers own 71% of global AI compute as of Q4 2025."}.WithID(q),
		pipeline.Source{Line: 2, Text: "五大云厂商占71%", NoteOf: &q}.WithID(n),
	}}
	for i, lang := range []string{"zh", "en", "zh"} {
		res.Sources[i].SetLang(lang)
	}
	err := pipeline.Run(context.Background(), res, &pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs})
	if err != nil {
		t.Fatal(err)
	}
	want := res.Claims[1] // the quote's
	if want.Subject() == "" || want.Metric() == "" || want.Period() == "" {
		t.Fatalf("the quote's claim has no context: %+v", want)
	}
	for _, c := range res.Claims {
		if c.Subject() != want.Subject() || c.Metric() != want.Metric() || c.Period() != want.Period() {
			t.Errorf("%s %q: %q, %q, %q; want the quote's %q, %q, %q", c.Source(), c.Text,
				c.Subject(), c.Metric(), c.Period(), want.Subject(), want.Metric(), want.Period())
		}
	}
}
