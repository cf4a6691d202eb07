package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// lc is a claim for the link tests: subject, metric, unit and period key,
// with no partner.
func lc(subject, metric, unit, key string) Claim {
	return Claim{subject: intern(subject), metric: intern(metric), shape: shapeOf(shapeWords{unit: unit, kind: "share"}), periodKey: intern(key), Partner: -1}
}

// pairUp makes claims from and to the two ends of one change statement.
func pairUp(cs []Claim, from, to int) []Claim {
	cs[from].SetChange("from")
	cs[from].Partner = int32(to)
	cs[to].SetChange("to")
	cs[to].Partner = int32(from)
	return cs
}

func keys(cs []Claim) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.PeriodKey())
	}
	return strings.Join(out, " | ")
}

// A period key is dated when it starts with a year from 1000 to 2999.
func TestIsDated(t *testing.T) {
	cases := map[string]bool{
		"2024": true, "1999": true, "1000": true, "2999": true, "2025-Q4": true, "2022-09": true,
		"now": false, "": false, "2": false, "202": false, // too short for a year
		"0999": false, "3000": false, // before 1000, after 2999
		"2/00": false, "2:00": false, "Q4 2": false, "H1": false,
	}
	for k, want := range cases {
		if got := isDated(k); got != want {
			t.Errorf("isDated(%q) = %v, want %v", k, got, want)
		}
	}
}

// "now" is the latest dated period stated for its subject and metric, and
// stays "now" where none is.
func TestResolveNow(t *testing.T) {
	cases := []struct {
		name   string
		claims []Claim
		want   string // the period keys after, in order
	}{
		{"the latest of the topic",
			[]Claim{lc("s", "m", "%", "2024"), lc("s", "m", "%", "2025-Q4"), lc("s", "m", "%", "now"), lc("s", "m", "%", "2025")},
			"2024 | 2025-Q4 | 2025-Q4 | 2025"},
		{"the first of equal keys is as good as the last",
			[]Claim{lc("s", "m", "%", "now"), lc("s", "m", "%", "2023"), lc("s", "m", "%", "2023")},
			"2023 | 2023 | 2023"},
		{"another subject's or metric's period is not this topic's now",
			[]Claim{lc("s", "m", "%", "now"), lc("t", "m", "%", "2025"), lc("s", "n", "%", "2024")},
			"now | 2025 | 2024"},
		{"an undated key is no present",
			[]Claim{lc("s", "m", "%", "H1"), lc("s", "m", "%", "now"), lc("s", "m", "%", "")},
			"H1 | now | "},
		{"a dated key beside an undated one",
			[]Claim{lc("s", "m", "%", "late"), lc("s", "m", "%", "2020"), lc("s", "m", "%", "now")},
			"late | 2020 | 2020"},
	}
	for _, c := range cases {
		r := &Result{Claims: c.claims}
		resolveNow(r)
		if got := keys(r.Claims); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// The start of a change with no date of its own takes the date of another
// statement of the same change: same subject, metric and family, ending in
// the same period. Nothing else is dated by it.
func TestResolveStarts(t *testing.T) {
	cases := []struct {
		name   string
		claims []Claim
		want   string
	}{
		{"an undated start takes the date of the same change",
			// a dated statement whose end is claim 0, an undated one ending in the same period
			pairUp(pairUp([]Claim{lc("s", "m", "%", "2025-Q4"), lc("s", "m", "%", "2024-Q1"),
				lc("s", "m", "%", ""), lc("s", "m", "%", "2025-Q4")}, 1, 0), 2, 3),
			"2025-Q4 | 2024-Q1 | 2024-Q1 | 2025-Q4"},
		{"an undated start whose end is claim 0",
			pairUp(pairUp([]Claim{lc("s", "m", "%", "2025-Q4"), lc("s", "m", "%", ""),
				lc("s", "m", "%", "2024-Q1"), lc("s", "m", "%", "2025-Q4")}, 1, 0), 2, 3),
			"2025-Q4 | 2024-Q1 | 2024-Q1 | 2025-Q4"},
		{"a change that ends in another period is another change",
			pairUp(pairUp([]Claim{lc("s", "m", "%", "2024-Q1"), lc("s", "m", "%", "2025-Q4"),
				lc("s", "m", "%", ""), lc("s", "m", "%", "2024-Q4")}, 0, 1), 2, 3),
			"2024-Q1 | 2025-Q4 |  | 2024-Q4"},
		{"another metric, subject or family is another change",
			pairUp(pairUp(pairUp(pairUp([]Claim{lc("s", "m", "%", "2024-Q1"), lc("s", "m", "%", "2025-Q4"),
				lc("s", "n", "%", ""), lc("s", "n", "%", "2025-Q4"),
				lc("t", "m", "%", ""), lc("t", "m", "%", "2025-Q4"),
				lc("s", "m", "USD", ""), lc("s", "m", "USD", "2025-Q4")}, 0, 1), 2, 3), 4, 5), 6, 7),
			"2024-Q1 | 2025-Q4 |  | 2025-Q4 |  | 2025-Q4 |  | 2025-Q4"},
		{"a dated figure that is no start dates nothing",
			// claim 0 is a level with no change; claim 1 a start without its end;
			// 2 → 3 is a change whose end has no date either
			pairUp([]Claim{lc("s", "m", "%", "2022"), {subject: intern("s"), metric: intern("m"), shape: shapeOf(shapeWords{unit: "%", kind: "share", change: "from"}), periodKey: intern("2023"), Partner: -1},
				lc("s", "m", "%", ""), lc("s", "m", "%", "")}, 2, 3),
			"2022 | 2023 |  | "},
		{"an undated end is no start to date",
			// 0 → 1 ends in 2025-Q4; 2 → 3 starts there and its end has no date
			pairUp(pairUp([]Claim{lc("s", "m", "%", "2024-Q1"), lc("s", "m", "%", "2025-Q4"),
				lc("s", "m", "%", "2025-Q4"), lc("s", "m", "%", "")}, 0, 1), 2, 3),
			"2024-Q1 | 2025-Q4 | 2025-Q4 | "},
		{"the end of a change dates no start",
			// 0 → 1 is dated at both ends; 2 → 3 ends where 0 starts
			pairUp(pairUp([]Claim{lc("s", "m", "%", "2024-Q1"), lc("s", "m", "%", "2025-Q4"),
				lc("s", "m", "%", ""), lc("s", "m", "%", "2024-Q1")}, 0, 1), 2, 3),
			"2024-Q1 | 2025-Q4 |  | 2024-Q1"},
	}
	for _, c := range cases {
		r := &Result{Claims: c.claims}
		resolveStarts(r)
		if got := keys(r.Claims); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// Claims are linked by subject, metric, period and family; a claim with no
// metric or no dated period stays alone, as does a metric found by key
// words ("~revenue") with no subject; doubling times and growth rates are
// kept apart from durations and shares. Groups come in input order.
func TestGroups(t *testing.T) {
	kind := func(c Claim, k string) Claim { c.SetKind(k); return c }
	cs := []Claim{
		lc("s", "m", "%", "2024"),                            // 0: with 3
		lc("s", "", "%", "2024"),                             // 1: no metric
		lc("s", "", "%", "2024"),                             // 2: no metric
		lc("s", "m", "%", "2024"),                            // 3: with 0
		lc("s", "m", "%", ""),                                // 4: no period
		lc("s", "m", "%", ""),                                // 5: no period
		lc("s", "m", "%", "now"),                             // 6: now unresolved
		lc("s", "m", "%", "now"),                             // 7
		lc("", "~rev", "USD", "2024"),                        // 8: key words, no subject
		lc("", "~rev", "USD", "2024"),                        // 9
		lc("", "gdp", "USD", "2024"),                         // 10: a lexicon metric needs no subject: with 11
		lc("", "gdp", "USD", "2024"),                         // 11
		lc("acme", "~rev", "USD", "2024"),                    // 12: key words with a subject: with 13
		lc("acme", "~rev", "USD", "2024"),                    // 13
		lc("s", "m", "%", "2025"),                            // 14: alone in its period
		kind(lc("s", "t", "month", "2024"), "doubling_time"), // 15: with 17, not 16
		kind(lc("s", "t", "month", "2024"), "duration"),      // 16: alone
		kind(lc("s", "t", "month", "2024"), "doubling_time"), // 17
		kind(lc("s", "g", "%", "2024"), "growth_rate"),       // 18: alone, not with 19
		lc("s", "g", "%", "2024"),                            // 19: alone
	}
	r := &Result{Claims: cs}
	got := fmt.Sprint(groups(r))
	if want := "[[0 3] [10 11] [12 13] [15 17]]"; got != want {
		t.Errorf("groups %s, want %s", got, want)
	}
}
