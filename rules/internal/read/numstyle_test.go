package read_test

import (
	"strings"
	"testing"
	"time"
)

func TestNumberFormats(t *testing.T) {
	runCases(t, []extractCase{
		// decimal commas: a comma before one or two digits
		{"inflation eased to 2,7 % in May", []want{w("2,7 %", 2.7, "%")}},
		{"a deficit of €12,4 billion", []want{w("€12,4 billion", 12.4e9, "EUR")}},
		{"a yield of 0,45%", []want{w("0,45%", 0.45, "%")}},
		{"a ratio of 1,3", []want{w("1,3", 1.3, "")}},
		{"0,125 of the vote", []want{w("0,125", 0.125, "")}}, // 0,125 cannot be grouped
		// a comma before three digits groups, unless the text groups otherwise
		{"it hired 4,812 people and paid 2,1% more", []want{w("4,812", 4812, ""), w("2,1%", 2.1, "%")}},
		{"1.250.000 visitors and 2,375 kilos each", []want{w("1.250.000", 1250000, ""), w("2,375 kilos", 0.002375, "t")}}, // kilos is a unit
		{"3 412 908 seats, 2,750 left", []want{w("3 412 908", 3412908, ""), w("2,750", 2.75, "")}},
		{"a fee of 1.234,50 and 7.500", []want{w("1.234,50", 1234.5, ""), w("7.500", 7500, "")}},
		{"a fee of 7.500 in a plain text", []want{w("7.500", 7.5, "")}},
		// lists, CJK punctuation and ranges keep their commas
		{"rounds 4,7,9 were close", []want{w("4", 4, ""), w("7", 7, ""), w("9", 9, "")}},
		{"增长3,5家企业", []want{w("3", 3, ""), w("5家", 5, "")}},
		{"9,250.75 tonnes", []want{w("9,250.75 tonnes", 9250.75, "t")}},
		// spaced thousands
		{"a town of 48 200 people", []want{w("48 200", 48200, "")}},
		{"a town of 48\u202f200 people", []want{w("48\u202f200", 48200, "")}},
		{"a town of 48\u00a0200 people", []want{w("48\u00a0200", 48200, "")}},
		{"2 118 904,5 hectares", []want{w("2 118 904,5 hectares", 2.1189045e10, "m2")}},
		{"scores 7 12 350 and 8", []want{w("7", 7, ""), w("12", 12, ""), w("350", 350, ""), w("8", 8, "")}},
		{"Windows 11 200 million users", []want{w("200 million", 200e6, "")}},
		{"dial 1 202-555-0143", []want{w("1", 1, "")}},
		// Indian grouping
		{"a budget of 3,27,415 crore", []want{w("3,27,415 crore", 3.27415e12, "")}},
		{"a budget of 112,05,300 crore", []want{w("112,05,300 crore", 1.120530e14, "")}},
		{"it is written 1,00,000", []want{w("1,00,000", 100000, "")}},
		// signs, never from a range dash or a hyphenated word
		{"the low was minus 12", []want{w("minus 12", -12, "")}},
		{"prices moved -1.8%", []want{w("-1.8%", -1.8, "%")}},
		{"a low of −40.2 at night", []want{w("−40.2", -40.2, "")}},
		{"夜间气温零下18度", []want{w("零下18度", -18, "°C")}},
		{"金利はマイナス0.3%", []want{w("マイナス0.3%", -0.3, "%")}},
		{"零下的天气", nil},
		{"ages 30-45 and the mid-60 range", []want{wb("30-45", 37.5, "", 30, 45)}},
	})
}

// TestNumberFormatsLinear reads long runs of separators in linear time:
// eight times the text may not cost more than thirty times as long
// (quadratic would be sixty-four). The two sizes are timed in turns and
// the best of each taken, so that a loaded machine slows both alike; a
// unit that fails is timed again, up to three rounds, before it counts:
// a busy machine can stall one round, a quadratic reader fails them all.
func TestNumberFormatsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	rs := defaultRules(t)
	timed := func(s string) time.Duration {
		start := time.Now()
		rs.Extract(s)
		return time.Since(start)
	}
	linear := func(unit string) (bool, time.Duration, time.Duration) {
		smallText, largeText := strings.Repeat(unit, 2000), strings.Repeat(unit, 16000)
		small, large := time.Duration(1<<62), time.Duration(1<<62)
		for range 5 {
			small, large = min(small, timed(smallText)), min(large, timed(largeText))
		}
		return large <= 30*small+100*time.Millisecond, small, large
	}
	for _, unit := range []string{"1,2", "1 000 ", "1.234.", "0,", "12,34,", "1\u202f", "9,999", "1,2,", "+1 2", "7:45 "} {
		var ok bool
		var small, large time.Duration
		for round := 0; round < 3 && !ok; round++ {
			ok, small, large = linear(unit)
		}
		t.Logf("%q %v %v", unit, small, large)
		if !ok {
			t.Errorf("%q: 2000 repeats %v, 16000 repeats %v, in three rounds", unit, small, large)
		}
	}
}
