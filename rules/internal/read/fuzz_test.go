package read_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/rules"
)

// FuzzExtract checks that no text makes the reader panic, and that every
// claim's offsets and text agree with the input.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"up to 5 gigawatts (GW) of capacity", "从63%上升到71%", "五十五兆一十二億四万五千二",
		"3×10^24 FLOP", "10²⁶", "one hundred and three and two thirds", "数百到数千次", "18-24 个月",
		"$30m", "between 20 and 35", "1,100万", "500多亿", "3割5分", "万分之三", "Q4 2025",
		"4 thousand 3 hundred and 21", "one hundred and thirty fifths", "七成六", "超过一半", "マイナス十二・三二×十の十四乗",
		"百分之15k", "六   个 百 分点",
		"3,5 %", "€51,3 billion", "1.234.567,89 and 2,375", "597\u202f000", "12 345,6", "5,46,532 crore", "零下55度",
		"−56.5°C", "1,2,3", "0,125",
		"more than tripled", "翻了近两番", "增长了约4.6倍", "每 7 个月翻倍", "每5人中约有1人", "10社に6社近く",
		"two out of every three", "between 7.5 and 8 billion", "$20 to $25 billion", "-44.35°C to -56.5°C",
		"746.7, 568.1 and 556.6 million tonnes", "3.77万亿、2.58万亿和1.19万亿美元", "300兆瓦", "2,345.6亿千瓦时",
		"18 hours and 45 minutes", "14 lakh 70 thousand", "32 thousand 633 crore", "over half a billion",
		"in 2:01:09 and at 14:30:00.", "1:59:40.2", "10-5 GW", "a 3:1 ratio", "fell by 837,000 to 124.4 million",
		"47.6C in the heat", "$3.20 a pound", "2桁増", "40-odd", "時速320キロ", "1割強",
		"half a percentage point", "a third of a cent", "3.9 billion cubic metres, down 12% from 4.2 billion a year ago",
		"8% more than the 40 million", "涨到每磅3.44美元", "1亿百姓", "2.37亿百升", "its highest since 1989",
		"from 168 million in 2022 to 178 million in 2023", "气温一度降到零下5度", "ファルコン9は", "+19%",
		"一年半", "三个半月", "两个半小时", "an hour and a half", "two years and a half", "十年半导体", "1½ hours", "$2¼ million",
		"¾", "4分30秒", "5分の1", "年約3,000万トン", "今年350万吨", "86% − 81% = 5", "120 million × $19.50", "zero-dose",
		"約2.4m", "23.17万亿美元",
	} {
		f.Add(s)
	}
	rs := defaultRules(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		r := []rune(s)
		prev := 0
		done := make(chan []rules.Match, 1)
		go func() { done <- rs.Extract(s) }()
		var ms []rules.Match
		select {
		case ms = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("no answer in 5s for %q", s)
		}
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(r) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, s)
			}
			if got := string(r[m.Start:m.End]); got != m.Text {
				t.Fatalf("text %q, span holds %q", m.Text, got)
			}
			if m.Min != nil && m.Max != nil && *m.Min > *m.Max {
				t.Fatalf("%q: min %g > max %g", m.Text, *m.Min, *m.Max)
			}
			prev = m.End
		}
	})
}
