package pipeline_test

import (
	"strings"
	"testing"
)

// share-of holds a share against its part and its whole only where the
// three stand as "part, N% of its whole of W": a middle figure that is no
// share, a part and a whole of different families, percentages, a part as
// large as its whole, a whole set off by a comma or standing far away
// raise no finding at all.
func TestShareOfOnlyPartShareWhole(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The plant cut 4,000 jobs, some 20% of its workforce of 32,000.", "inconsistent"},
		{"The plant cut 4,000 jobs, some 12% of its workforce of 32,000.", "consistent"},
		{"The plant cut 4,000 jobs, over 20% of its workforce of 32,000.", "inconsistent"}, // a bound, no direction
		{"The plant cut 4,000 jobs, some 0.2 of its workforce of 32,000.", ""},             // no percentage
		{"The plant cut 4,000 jobs, some 20 times of its workforce of 32,000.", ""},        // a multiple
		{"The plant cut 4,000 jobs, up 20% of its workforce of 32,000.", ""},               // a change
		{"The plant cut 4,000 tonnes, some 20% of its workforce of 32,000.", ""},           // two families
		{"The plant cut 4,000%, some 20% of its workforce of 32,000%.", ""},                // percentages
		{"The plant cut 40,000 jobs, some 20% of its workforce of 32,000.", ""},            // a part past its whole
		{"The plant cut 32,000 jobs, some 20% of its workforce of 32,000.", ""},            // a part as large as its whole
		{"The plant cut 4,000 jobs, some 20% of its workforce, of 32,000.", ""},
		{"The plant cut 4,000 jobs over the long hard years of the downturn, some 20% of its workforce of 32,000.", ""},
		{"The plant cut 4,000 jobs, some 20% of its workforce and of all the people it ever hired, 32,000.", ""},
	}
	for _, c := range cases {
		res := runAll(t, c.text)
		var got []string
		for _, f := range res.Findings {
			if f.Rule == "share-of" {
				got = append(got, f.Status)
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q: share-of findings %q, want %q", c.text, got, c.want)
		}
	}
}

// The ratio check reads "A, N times B" with the multiple at most 30 runes
// after A and B at most 40 after the multiple, and "A は B の N倍" with B at
// most 30 runes after A and the multiple at most 6 after B; one rune
// further, the figures are not what the multiple compares.
func TestRatioOperandsReach(t *testing.T) {
	pad := func(s string, n int) string { return strings.Repeat(s, n) }
	cases := []struct{ text, want string }{
		{"A flat in the capital sells for $240,000, " + pad("x", 24) + " so four times the $35,000 paid in the provinces.", "inconsistent"}, // 30
		{"A flat in the capital sells for $240,000, " + pad("x", 25) + " so four times the $35,000 paid in the provinces.", ""},             // 31
		{"A flat in the capital sells for $240,000, four times the " + pad("x", 31) + " of $35,000 paid in the provinces.", "inconsistent"}, // 40
		{"A flat in the capital sells for $240,000, four times the " + pad("x", 32) + " of $35,000 paid in the provinces.", ""},             // 41
		{"首都のマンション価格2400万円は" + pad("ほ", 26) + "地方の350万円の約4倍だ。", "inconsistent"},                                                             // 30
		{"首都のマンション価格2400万円は" + pad("ほ", 27) + "地方の350万円の約4倍だ。", ""},                                                                         // 31
		{"首都のマンション価格2400万円は地方の350万円のほぼおよそ約4倍だ。", "inconsistent"},                                                                            // 6
		{"首都のマンション価格2400万円は地方の350万円のほぼおよそ 約4倍だ。", ""},                                                                                       // 7
	}
	for _, c := range cases {
		res := runAll(t, c.text)
		var got []string
		for _, f := range res.Findings {
			if f.Rule == "ratio" {
				got = append(got, f.Status)
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q: ratio findings %q, want %q", c.text, got, c.want)
		}
	}
}

// share-whole works out a quote's whole from its one part and share
// ("480 million litres, roughly a quarter of the country's jet fuel": 1.92
// billion) and holds the note's figure of that family against it, but for
// a share that is none (a multiple, a change, 0%), a part that is a
// percentage or a change, a part too far from its share or set off by a
// colon, a quote with two parts, a note figure of another family, a
// change, one more than 20 times the whole, or the rest of the whole.
func TestShareWholeGuards(t *testing.T) {
	q := "The fleet burned 480 million litres, roughly a quarter of the country's jet fuel."
	note := "\nNote: 全国航空燃油约为19亿升。"
	cases := []struct{ text, want string }{
		{q + note, "consistent"},
		{q + "\nNote: 全国航空燃油约为30亿升。", "inconsistent"},
		{"The fleet burned 480 million litres, roughly 25 times the country's jet fuel." + note, ""},
		{"The fleet burned 480 million litres, up 25% of the country's jet fuel." + note, ""},
		{"The fleet burned 480 million litres, 0% of the country's jet fuel." + note, ""},
		{"The fleet burned 48%, roughly a quarter of the country's jet fuel." + note, ""},
		{"The fleet burned 480 million litres more, roughly a quarter of the country's jet fuel." + note, ""},
		{"The fleet burned 480 million litres " + strings.Repeat("x", 27) + ", roughly a quarter of the country's jet fuel." + note, "consistent"}, // 30 runes
		{"The fleet burned 480 million litres " + strings.Repeat("x", 28) + ", roughly a quarter of the country's jet fuel." + note, ""},           // 31
		{"The fleet burned 480 million litres: roughly a quarter of the country's jet fuel." + note, ""},
		{q + " Trucks used 120 million litres, some 6% of its diesel." + note, ""},
		{q + "\nNote: 全国航空燃油约为19亿吨。", ""},
		{q + "\nNote: 全国航空燃油增加约19亿升。", ""},
		{q + "\nNote: 全国航空燃油约为384亿升。", "inconsistent"}, // 20 times the whole
		{q + "\nNote: 全国航空燃油约为385亿升。", ""},
		{q + "\nNote: 其余约14.5亿升由其他航空公司消耗。", ""}, // the rest, 1.44 billion, within 5%
		{q + "\nNote: 全国航空燃油约为19亿升，国际航班20亿升。", ""},
	}
	for _, c := range cases {
		res := runAll(t, c.text)
		var got []string
		for _, f := range res.Findings {
			if f.Rule == "share-whole" {
				got = append(got, f.Status)
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q: share-whole findings %q, want %q", c.text, got, c.want)
		}
	}
}

// A note's dated figure is the start of its quote's change when the
// change's end is the level just before its size, with at most 16 runes
// between them (a year aside) and no semicolon, and the note's figure is
// of the end's family, dated, and earlier than the end.
func TestNoteBaseOfLevelBefore(t *testing.T) {
	n := "\nNote: so about 46,000 in 2023."
	q := "Enrolment was 52,400 in 2024, up 31% from 2023."
	cases := []struct{ text, want string }{
		{q + n, "inconsistent"},
		{q + "\nNote: so about 40,000 in 2023.", "consistent"},
		{"Enrolment was 52,400 in 2024, " + strings.Repeat("x", 6) + " up 31% from 2023." + n, "inconsistent"}, // 16 runes between
		{"Enrolment was 52,400 in 2024, " + strings.Repeat("x", 7) + " up 31% from 2023." + n, ""},             // 17
		{"Enrolment was 52,400 in 2024; up 31% from 2023." + n, ""},
		{q + "\nNote: so about 46,000 tonnes in 2023.", ""},
		{q + "\nNote: so about 46,000.", ""},
		{q + "\nNote: so about 46,000 in 2024.", ""},
		{q + "\nNote: so about 46,000 in 2025.", ""},
	}
	for _, c := range cases {
		res := runAll(t, c.text)
		var got []string
		for _, f := range res.Findings {
			if f.Rule == "percent-change" {
				got = append(got, f.Status)
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q: percent-change findings %q, want %q", c.text, got, c.want)
		}
	}
}
