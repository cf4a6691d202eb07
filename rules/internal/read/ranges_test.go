package read_test

import "testing"

// Where two numbers make one range and where they stay two figures: a
// change word before a left number with a unit makes a connector word a
// change's end, but not a dash; a unit on the left alone makes no range; a
// currency before the right number belongs to the range only when it is a
// sign right after the connector; a vague right end starts the reading at
// its low end; the left end takes the right's scale while the range stays
// in order, equal ends included.
func TestRangeJoins(t *testing.T) {
	runCases(t, []extractCase{
		{"sales rose 3%-5%", []want{wb("3%-5%", 4, "%", 3, 5)}},
		{"a 12% to 28.5 billion", []want{w("12%", 12, "%"), w("28.5 billion", 2.85e10, "")}},
		{"$20 to 25 billion", []want{wb("$20 to 25 billion", 2.25e10, "USD", 2e10, 2.5e10)}},
		{"$5 to USD$7", []want{wb("$5 to USD$7", 6, "USD", 5, 7)}},
		// the right's sign is looked for in the four runes after the connector
		{"$5 to USD$ 7", []want{w("$5", 5, "USD"), w("USD$ 7", 7, "USD")}},
		{"$5 to dollars 7", []want{w("$5", 5, "USD"), w("dollars 7", 7, "USD")}},
		{"$20 to a $25 bonus", []want{w("$20", 20, "USD"), w("$25", 25, "USD")}},
		{"100 to several thousand", []want{wb("100 to several thousand", 100, "", 100, 9000)}},
		{"2 to 2 million", []want{wb("2 to 2 million", 2e6, "", 2e6, 2e6)}},
		// the scale of the right end is all its scale words: 万亿 is 1e12, three hundred 100
		{"1到3万亿元", []want{wb("1到3万亿元", 2e12, "CNY", 1e12, 3e12)}},
		{"two to three hundred", []want{wb("two to three hundred", 250, "", 200, 300)}},
		// after a change word, ends ten times apart are its size and its end; closer, a range
		{"it fell by 837 to 9,000", []want{w("837", 837, ""), w("9,000", 9000, "")}},
		{"it rose 3 to 30", []want{wb("3 to 30", 16.5, "", 3, 30)}},
		{"it rose 0 to 3", []want{wb("0 to 3", 1.5, "", 0, 3)}},
	})
}

// A range that runs downwards is no range unless both ends carry their
// unit (-44.35°C to -56.5°C): 10-5 GW is a score or a list, 5 GW keeps its
// own reading, and 10 takes no unit from it (it read as 10 W; bare, the
// score rule drops it).
func TestDownwardIsNoRange(t *testing.T) {
	rs := defaultRules(t)
	got := rs.Extract("10-5 GW")
	if len(got) == 0 {
		t.Fatalf("got nothing, want 5 GW")
	}
	for _, m := range got {
		if m.Min != nil || m.Max != nil {
			t.Errorf("%q: bounds [%v, %v], want none", m.Text, deref(m.Min), deref(m.Max))
		}
		if m.Text == "10" && m.Unit != "" {
			t.Errorf("10 took the unit %q of 5 GW", m.Unit)
		}
	}
	checkMatch(t, got[len(got)-1], w("5 GW", 5e9, "W"))
}
