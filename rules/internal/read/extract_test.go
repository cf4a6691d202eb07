package read_test

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
	"github.com/factsheet-dev/factsheet/rules/internal/read"
)

// The readers are tested through the default rules, as a run reads text.
// They are compiled once (a third of a second with the CLDR units) and
// shared: a ruleset is read-only once built, and a mutation run runs these
// tests hundreds of times.
func defaultRules(t testing.TB) *rules.Ruleset {
	t.Helper()
	builtin.once.Do(func() { builtin.rs, builtin.err = rules.Default() })
	if builtin.err != nil {
		t.Fatal(builtin.err)
	}
	return builtin.rs
}

var builtin struct {
	once sync.Once
	rs   *rules.Ruleset
	err  error
}

// want is one expected claim: value, unit and bounds (NaN: open).
type want struct {
	text     string
	value    float64
	unit     string
	min, max float64
}

var open = math.NaN()

func w(text string, v float64, unit string) want { return want{text, v, unit, open, open} }

func wb(text string, v float64, unit string, min, max float64) want {
	return want{text, v, unit, min, max}
}

type extractCase struct {
	in   string
	want []want
}

func runCases(t *testing.T, cases []extractCase) {
	t.Helper()
	rs := defaultRules(t)
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got := rs.Extract(c.in)
			if len(got) != len(c.want) {
				t.Fatalf("got %d claims %v, want %d", len(got), texts(got), len(c.want))
			}
			for i, w := range c.want {
				checkMatch(t, got[i], w)
			}
		})
	}
}

func checkMatch(t *testing.T, m rules.Match, w want) {
	t.Helper()
	if w.text != "" && m.Text != w.text {
		t.Errorf("text %q, want %q", m.Text, w.text)
	}
	if !close(m.Value, w.value) || m.Unit != w.unit {
		t.Errorf("%q: got %g %q, want %g %q", m.Text, m.Value, m.Unit, w.value, w.unit)
	}
	if !boundIs(m.Min, w.min) || !boundIs(m.Max, w.max) {
		t.Errorf("%q: bounds [%v, %v], want [%g, %g]", m.Text, deref(m.Min), deref(m.Max), w.min, w.max)
	}
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func boundIs(got *float64, want float64) bool {
	if math.IsNaN(want) {
		return got == nil
	}
	return got != nil && close(*got, want)
}

func deref(f *float64) any {
	if f == nil {
		return "open"
	}
	return *f
}

func texts(ms []rules.Match) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + m.Text + "]")
	}
	return b.String()
}

func TestDigits(t *testing.T) {
	runCases(t, []extractCase{
		{"a network-level clustering coefficient of 0.24", []want{w("0.24", 0.24, "")}},
		{"1,234,567 rows", []want{w("1,234,567", 1234567, "")}},
		{"only .08 of them", []want{w(".08", 0.08, "")}},
		{"-10000 and 4.800", []want{w("-10000", -10000, ""), w("4.800", 4.8, "")}},
		{"１２３ 件", []want{w("１２３ 件", 123, "")}},
		{"trained with 1e25 FLOP", []want{w("1e25 FLOP", 1e25, "FLOP")}},
		{"10^25 operations", []want{w("10^25", 1e25, "")}},
		{"3×10^24 FLOP", []want{w("3×10^24 FLOP", 3e24, "FLOP")}},
		{"from roughly 10¹⁴ flops", []want{w("roughly 10¹⁴ flops", 1e14, "FLOP")}},
		{"40k users", []want{w("40k", 40000, "")}},
		{"a 1.5bn deal", []want{w("1.5bn", 1.5e9, "")}},
		{"1.5 million people", []want{w("1.5 million", 1.5e6, "")}},
		{"3 dozens", []want{w("3 dozens", 36, "")}},
	})
}

func TestWordsEnglish(t *testing.T) {
	runCases(t, []extractCase{
		{"one hundred and sixty-one", []want{w("", 161, "")}},
		{"twenty five thousand three hundred", []want{w("", 25300, "")}},
		{"a trillionth", []want{w("", 1e-12, "")}},
		{"a hundred trillionths", []want{w("", 1e-10, "")}},
		{"three-quarters of users", []want{w("three-quarters", 0.75, "")}},
		{"half a dozen", []want{w("", 6, "")}},
		{"these five categories", []want{w("five", 5, "")}},
		{"If the last decade has taught us one lesson", nil},
		{"a world different from the one they occupy", nil},
		{"the next few years", nil},
		// digits and words in one figure; the rest must be smaller than the scale
		{"3 hundred and 21", []want{w("", 321, "")}},
		{"4 thousand 3 hundred and 21", []want{w("", 4321, "")}},
		{"6 crore and two hundred", []want{w("", 60000200, "")}},
		{"3 million and 5 people", []want{w("3 million", 3e6, ""), w("5", 5, "")}},
		{"three dozen 4", []want{w("three dozen", 36, ""), w("4", 4, "")}},
		// after hundred, "and" joins the number unless a proper fraction follows
		{"one hundred and thirty fifths", []want{w("", 26, "")}},
		{"one hundred and three quarters", []want{w("", 100.75, "")}},
		{"one hundred thirty-fifths", []want{w("", 100.0/35, "")}},
		{"three hundred twenty first place", []want{w("three hundred twenty", 320, "")}},
		{"three hundred and two dozens", []want{w("", 324, "")}},
		{"two hundred point seventy-one", []want{w("", 200.71, "")}},
		{"<-30", []want{wb("", -30, "", open, -30)}},
		{"more than one way", nil},
	})
}

func TestNumeralsChinese(t *testing.T) {
	runCases(t, []extractCase{
		{"全球超过三分之二的AI算力", []want{wb("超过三分之二", 2.0/3, "", 2.0/3, open)}},
		{"十分之一的计算量", []want{w("十分之一", 0.1, "")}},
		{"百分之三十", []want{w("", 30, "%")}},
		{"万分之三", []want{w("", 0.03, "%")}},
		{"十分之三", []want{w("", 0.3, "")}},
		{"增长了1万亿倍", []want{w("1万亿倍", 1e12, "x")}},
		{"4.78万亿", []want{w("", 4.78e12, "")}},
		{"7 万5 千4 百", []want{w("", 75400, "")}},
		{"10万万", []want{w("", 1e9, "")}},
		{"3万4000", []want{w("", 34000, "")}},
		{"1,100万", []want{w("", 1.1e7, "")}},
		{"一百零一万一千", []want{w("", 1011000, "")}},
		{"五亿零六", []want{w("", 500000006, "")}},
		// a place with no digit after a scale starts a word: 百姓, 千米, 百升
		{"惠及1亿百姓", []want{w("1亿", 1e8, "")}},
		{"共5万千米", []want{w("5万千米", 5e7, "m")}},
		{"三万五千", []want{w("", 35000, "")}},
		{"十四億一千四百二万千百", []want{w("", 1414021100, "")}},
		{"两千四百五", []want{w("", 2450, "")}},
		{"肆佰陸拾", []want{w("", 460, "")}},
		{"负三十二", []want{w("", -32, "")}},
		{"零点五", []want{w("", 0.5, "")}},
		{"500多亿", []want{wb("", 5e10, "", 5e10, 6e10)}},
		{"十倍以上", []want{wb("十倍以上", 10, "x", 10, open)}},
		{"六个百分点", []want{w("", 6, "pp")}},
		{"一个用户提交一个研究主题,这一发现", nil},
		{"大多数人认为数据很重要", nil},
		{"第三多的国家", nil},
		{"4月13日发布", nil},
		{"零十三", []want{w("", 13, "")}},
		{"万万分之七", []want{w("", 7e-6, "%")}},
		{"百分之15k", []want{w("", 15000, "%")}},
		{"七成六的人", []want{w("七成六", 76, "%")}},
		{"七成六十", []want{w("七成", 70, "%"), w("六十", 60, "")}},
		{"七二折", []want{w("", 72, "%")}},
		{"超过一半的企业", []want{wb("超过一半", 0.5, "", 0.5, open)}},
		{"年过半百, 对折出售", []want{w("半百", 50, ""), w("对折", 50, "%")}},
		{"一以上", []want{wb("", 1, "", 1, open)}},
		{"半导体和半年", nil},
		{"六   个 百 分点", []want{w("", 6, "pp")}},
	})
}

func TestNumeralsJapanese(t *testing.T) {
	runCases(t, []extractCase{
		{"五十五兆一十二億四万五千二", []want{w("", 55001200045200, "")}},
		{"3割", []want{w("", 30, "%")}},
		{"3割5分", []want{w("", 35, "%")}},
		{"合計数百回、時には数千回", []want{wb("数百回", 100, "", 100, 999), wb("数千回", 1000, "", 1000, 9999)}},
		{"約2倍", []want{w("約2倍", 2, "x")}},
		{"１０％未満", []want{wb("１０％未満", 10, "%", open, 10)}},
		{"マイナス百二十七・三二×十の十三乗", []want{w("", -1.2732e15, "")}},
		{"マイナス2.5 M", []want{w("", -2.5e6, "")}},
		{"2222円13銭", []want{w("", 2222.13, "JPY")}},
		{"2.4パ ー   セ    ン ト", []want{w("", 2.4, "%")}},
		{"半数以上の社員が半額で", []want{wb("半数以上", 0.5, "", 0.5, open), w("半額", 50, "%")}},
		{"一個以上", []want{wb("", 1, "", 1, open)}},
	})
}

func TestUnitsAndQualifiers(t *testing.T) {
	runCases(t, []extractCase{
		{"up to 5 gigawatts (GW) of capacity", []want{wb("up to 5 gigawatts (GW)", 5e9, "W", open, 5e9)}},
		{"5GW的算力规模", []want{w("5GW", 5e9, "W")}},
		{"415 TWh", []want{w("", 4.15e14, "Wh")}},
		{"over 60% of global AI compute", []want{wb("over 60%", 60, "%", 60, open)}},
		{"at least 3 and nearly 40 percent", []want{wb("at least 3", 3, "", 3, open), wb("nearly 40 percent", 40, "%", open, 40)}},
		{"$30m in revenue", []want{w("$30m", 3e7, "USD")}},
		{"€3 billion", []want{w("€3 billion", 3e9, "EUR")}},
		{"0.1 美元", []want{w("", 0.1, "USD")}},
		{"1000 円", []want{w("", 1000, "JPY")}},
		{"5亿元", []want{w("", 5e8, "CNY")}},
		{"Anthropic spent over ten times more", []want{wb("over ten times", 10, "x", 10, open)}},
		{"over an order of magnitude less compute", []want{wb("", 10, "x", 10, open)}},
		{"two orders of magnitude", []want{w("", 100, "x")}},
		{"20万人次以上", []want{wb("", 2e5, "", 2e5, open)}},
		{"超过了百分之零点九", []want{wb("", 0.9, "%", 0.9, open)}},
		{"约5%的全球AI计算能力", []want{w("约5%", 5, "%")}},
	})
}

func TestRanges(t *testing.T) {
	runCases(t, []extractCase{
		{"摩尔定律(18-24 个月)", []want{wb("18-24 个月", 21, "month", 18, 24)}},
		{"a 3–4x speed-up", []want{wb("3–4x", 3.5, "x", 3, 4)}},
		{"between 20 and 35", []want{wb("", 27.5, "", 20, 35)}},
		{"12.8–13.0 TeV", []want{wb("", 12.9, "", 12.8, 13.0)}},
		{"数百到数千次", []want{wb("", 100, "", 100, 9999)}},
		{"从63%上升到71%", []want{w("63%", 63, "%"), w("71%", 71, "%")}},
		{"from 60% to 67%", []want{w("60%", 60, "%"), w("67%", 67, "%")}},
	})
}

func TestExclusions(t *testing.T) {
	runCases(t, []extractCase{
		{"the NCS2 stick with 2 USB filters", []want{w("2", 2, "")}},
		{"H100-equivalents of computing power", nil},
		{"o1/R1 类推理模型 and DeepSeek-R1 and GPT-4", nil},
		{"our previous model, Llama 4 Maverick", nil},
		{"table 5.2 and Figure 3 and section 2.1 and p. 41 and [12]", nil},
		{"(2020 April 13). R-bloggers. https://www.r-bloggers.com/a-1/", nil},
		{"In 2019 the market began; in April 2015 too; 2012–13 season", nil},
		{"x <- c(1, 2, 3); print(x)", nil},
		{"version v1.2.3 and 3.4.5", nil},
	})
}

func TestFormsAndPeriods(t *testing.T) {
	rs := defaultRules(t)
	cases := []struct {
		in, text, kind, change, period string
	}{
		{"Global AI computing capacity is doubling every 7 months", "7 months", "doubling_time", "", ""},
		{"全球 AI 算力每 7 个月翻倍", "7 个月", "doubling_time", "", ""},
		{"revenue grew 25% a year", "25%", "growth_rate", "", ""},
		{"a CAGR of 10%", "10%", "growth_rate", "", ""},
		{"rising from 60% in Q1 2024.", "60%", "share", "from", "Q1 2024"},
		{"hold an estimated 71% of compute as of Q4 2025", "an estimated 71%", "share", "", "Q4 2025"},
		{"as of the end of 2025, firms own just over 5%", "just over 5%", "share", "", "end of 2025"},
		{"Just last year, Anthropic spent over ten times more", "over ten times", "multiple", "", "last year"},
		{"Google 今天 25% 的市场份额", "25%", "share", "", "今天"},
		{"从63%上升到71%", "71%", "share", "to", ""},
		// a year between a change's start and its end goes with the start in
		// English ("in 2022 to"), with the end in Chinese ("到2018年的")
		{"output rose from 168 million bags in 2022 to 178 million bags in 2023", "178 million", "count", "to", "2023"},
		{"output rose from 168 million bags in 2022 to 178 million bags in 2023", "168 million", "count", "from", "2022"},
		{"城市人口从1950年的7.51亿增长到2018年的42亿", "42亿", "count", "to", "2018年"},
		{"prices rose to $5 in 2024 from $4 in 2023", "$4", "money", "from", "2023"},
		// two times that open a change are its span: the first is the start's
		{"Between 2000 and 2022, the share rose from 23.4% to 31.3%.", "23.4%", "share", "from", "2000"},
		{"Between 2000 and 2022, the share rose from 23.4% to 31.3%.", "31.3%", "share", "to", "2022"},
		{"In 2023 output rose from 5 to 9 tonnes.", "5", "mass", "from", "2023"},
		// a later clause's time dates that clause's figures, not the one before it
		{"开支为2.44万亿美元，2022年约为2.28万亿美元", "2.44万亿美元", "money", "", ""},
		{"开支为2.44万亿美元，2022年约为2.28万亿美元", "约为2.28万亿美元", "money", "", "2022年"},
		{"Capex reached $83 billion, and may top $100 billion in 2025.", "$83 billion", "money", "", ""},
		// a time that leads into a change's end is the end's, not the level's before it
		{"A fleet of 1,200 buses is expected to double by 2030, to about 2,400.", "1,200", "count", "", ""},
		{"A fleet of 1,200 buses is expected to double by 2030, to about 2,400.", "about 2,400", "count", "to", "2030"},
		{"The fleet had 1,200 buses in 2024 and is expected to reach 2,400 by 2030.", "1,200", "count", "", "2024"},
		// the point of an abbreviation ends no sentence: the year is the figure's
		{"In 2023 U.S. output rose 4%.", "4%", "share", "", "2023"},
		// a time that opens a window is no figure's period
		{"The index rose 2.8% to 38,915, its highest close since 1989.", "38,915", "count", "to", ""},
		{"销量2010年以来增长了40%", "40%", "share", "", ""},
		{"In 2024 the index rose 2.8%, the most since 1989.", "2.8%", "share", "", "2024"},
		// the words before a unit that stands before the number
		{"咖啡期货涨到每磅3.44美元", "每磅3.44美元", "price", "to", ""},
		{"油价从每桶80美元跌至每桶72美元", "每桶80美元", "price", "from", ""},
		// a time ago after a change's start is the start's, not the level's before it
		{"The lake holds 3.9 billion cubic metres, down 12% from 4.2 billion a year ago.", "3.9 billion cubic metres", "volume", "", ""},
		{"The lake holds 3.9 billion cubic metres, down 12% from 4.2 billion a year ago.", "4.2 billion", "volume", "from", "a year ago"},
		{"In 2024 the lake held 3.9 billion cubic metres, down from 4.2 billion a year ago.", "3.9 billion cubic metres", "volume", "", "2024"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			for _, m := range rs.Extract(c.in) {
				if m.Text != c.text {
					continue
				}
				if m.Kind != c.kind || m.Change != c.change || m.Period != c.period {
					t.Errorf("kind %q change %q period %q, want %q %q %q", m.Kind, m.Change, m.Period, c.kind, c.change, c.period)
				}
				return
			}
			t.Errorf("no claim %q in %v", c.text, texts(rs.Extract(c.in)))
		})
	}
}

// A scaled figure is the whole number it was written as, not the product
// binary floating point makes of it: reports show it and restatements of
// it in other scripts compare equal.
func TestScaledFiguresAreWhole(t *testing.T) {
	rs := defaultRules(t)
	for _, c := range []struct {
		in       string
		value    float64
		min, max float64 // 0: not checked
	}{
		{"GDP reached 23.17万亿美元", 23170000000000, 0, 0},
		{"约17.85 lakh crore", 17850000000000, 0, 0},
		{"0.0175 million people", 17500, 0, 0},
		{"2.3-4.1 trillion dollars", 3200000000000, 2300000000000, 4100000000000},
		{"a share of 0.3", 0.3, 0, 0}, // a fraction stays as it is
	} {
		got := rs.Extract(c.in)
		if len(got) != 1 {
			t.Fatalf("%q: got %s, want one claim", c.in, texts(got))
		}
		m := got[0]
		if m.Value != c.value {
			t.Errorf("%q: value %v, want exactly %v", c.in, m.Value, c.value)
		}
		if c.min != 0 && (m.Min == nil || *m.Min != c.min || m.Max == nil || *m.Max != c.max) {
			t.Errorf("%q: bounds [%v, %v], want exactly [%v, %v]", c.in, deref(m.Min), deref(m.Max), c.min, c.max)
		}
	}
}

func TestSnapWholeKeepsFractions(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{23170000000000.004, 23170000000000},
		{175.00000000000003, 175},
		{-74.44444444444446, -74.44444444444446},
		{0.5, 0.5},
		{1e15 + 1, 1e15 + 1},
		{2.5, 2.5},
		{0.9999999999999999, 1},
	} {
		if got := read.SnapWhole(c.in); got != c.want {
			t.Errorf("snapWhole(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
