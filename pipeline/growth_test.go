package pipeline_test

import (
	"strings"
	"testing"
)

// The growth checks on the sentences that give them their figures in
// other ways than TestArithmeticFindings: a stated window of years, ends
// in text order, a rate in the sentence before a doubling time, a multiple
// with an equality word or, before its percentage, in apposition.
func TestGrowthFindings(t *testing.T) {
	cases := []struct {
		name, rule, text string
		want             string // "status claim, …" of the rule's one finding, "" for none
	}{
		{"a window of years", "compound-growth", "Members went from 1,000 to 2,000 over 10 years, about 7% a year.",
			"consistent 1,000, 10 years, 2,000, about 7%"},
		{"a window of years, told wrong", "compound-growth", "Members went from 1,000 to 2,000 over 10 years, about 12% a year.",
			"inconsistent 1,000, 10 years, 2,000, about 12%"},
		{"ends in text order, with a window", "compound-growth", "1,750万人按年增3.2%复利9年,约为2,330万人。",
			"consistent 1,750万人, 3.2%, 9年, 约为2,330万人"},
		{"a share's change is no compounding", "compound-growth",
			"Members went from 1,000 in 2010 to 2,000 in 2020, about 7% a year, and from 50% to 60% of the town.",
			"consistent 1,000, 2,000, about 7%"},
		{"a window that is the first figure", "compound-growth", "Over 10 years, members went from 1,000 to 2,000, about 7% a year.",
			"consistent 1,000, 10 years, 2,000, about 7%"},
		{"the ends of the change, not the first and last levels", "compound-growth",
			"Members went from 1,000 to 2,000 over 10 years, about 7% a year, and now number 2,500.",
			"consistent 1,000, 10 years, 2,000, about 7%"},
		{"a change with no years", "compound-growth", "Members went from 1,000 to 2,000, about 7% a year.", ""},
		{"a share's change does not compound", "compound-growth", "The share went from 10% in 2010 to 20% in 2020, about 7% a year.", ""},
		{"a window first, in Chinese", "compound-growth", "9年复利,1,750万人按年增3.2%,约为2,330万人。",
			"consistent 1,750万人, 3.2%, 9年, 约为2,330万人"},
		{"a rise and its multiple", "growth-multiple", "Fees rose 200%, that is 3 times what they were.", "consistent 200%, 3 times"},
		{"a rise and a wrong multiple", "growth-multiple", "Fees rose 200%, or 2 times what they were.", "inconsistent 2 times, 200%"},
		{"a multiple before its rise, said to be one", "growth-multiple", "Fees were 3 times what they were, that is they rose 200%.", "consistent 200%, 3 times"},
		{"a multiple, then its rise in apposition", "growth-multiple", "Traffic grew 2.5x in four years, a rise of 150%.", "consistent 150%, 2.5x"},
		{"a multiple, then a wrong rise in apposition", "growth-multiple", "Traffic grew 2.5x in four years, a rise of 250%.", "inconsistent 2.5x, 250%"},
		{"a multiple, then another rise", "growth-multiple", "Fees tripled, and costs rose 200%.", ""},
		{"a multiple, then a rise after another figure", "growth-multiple", "Fees tripled to $90, a rise of 150%.", ""},
		{"no word makes them one", "growth-multiple", "Fees rose 200% and costs 3 times.", ""},
		{"a share is no rise", "growth-multiple", "The share is 200%, that is 3 times.", ""},
		{"a yearly rate is no rise", "growth-multiple", "It grows 100% a year, that is 2 times.", ""},
		{"an amount is no multiple", "growth-multiple", "Fees rose 200%, that is $3 million.", ""},
		{"a percentage of a change between shares in words is no percent change", "percent-change",
			"The share rose from two-thirds to three-quarters, up 12.5%.", ""},
		{"a percent change between amounts of two currencies is none", "percent-change",
			"Revenue rose from $50 million to €60 million, up 20%.", ""},
		{"the rate in the sentence before", "doubling-rate", "人口按年增3.2%。照这个速度,人口大约每22年翻一番。", "consistent 22年, 3.2%"},
		{"two rates before: which?", "doubling-rate", "人口按年增3.2%,另一个按年增5%。照这个速度,人口大约每22年翻一番。", ""},
	}
	for _, c := range cases {
		res := runAll(t, c.text)
		var got []string
		for _, f := range res.Findings {
			if f.Rule == c.rule {
				got = append(got, f.Status+" "+strings.Join(texts(res, f.Claims), ", "))
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
