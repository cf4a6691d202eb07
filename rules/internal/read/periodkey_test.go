package read_test

import "testing"

// Every spelling of one period gets one key, and a fiscal year is not its
// calendar year.
func TestPeriodKey(t *testing.T) {
	cases := []struct{ period, want string }{
		{"2023", "2023"},
		{"2023年", "2023"},
		{"Q4 2025", "2025-Q4"},
		{"2024年第三季度", "2024-Q3"},
		{"end of 2025", "2025-Q4"},
		{"fiscal 2023", "FY2023"},
		{"fiscal year 2023", "FY2023"},
		{"FY2023", "FY2023"},
		{"FY 2023", "FY2023"},
		{"2023年度", "FY2023"},
		{"2023财年", "FY2023"},
		{"last year", "year-1"},
		{"now", "now"},
		{"", ""},
	}
	rs := defaultRules(t)
	for _, c := range cases {
		if got, _ := rs.PeriodKey(c.period); got != c.want {
			t.Errorf("%q: key %q, want %q", c.period, got, c.want)
		}
	}
}
