package read_test

import "testing"

// A lower-case word just before a metric names a part of it, unless it is
// a plain word (total, annual) or a number; a name or a possessive before
// it says whose metric it is.
func TestMetricPart(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Its services revenue was $2 billion.", "services revenue"},
		{"The automotive revenue of the group fell.", "automotive revenue"},
		{"Its total revenue was $9 billion.", "revenue"},
		{"Annual revenue rose.", "revenue"},
		{"Acme's revenue rose.", "revenue"},
		{"the company's revenue rose", "revenue"},
		{"Acme revenue rose.", "revenue"},
		{"It made $5 billion revenue.", "revenue"},
		{"It made $5bn revenue.", "revenue"},
		{"revenue rose", "revenue"},
		{"Its data center revenue rose.", "data center revenue"},
		{"The median price was $389,800.", "median price"},
		{"The firm's cloud revenue rose.", "cloud revenue"},
		{"a training run now costs $5 million", "price"},
		{"its recently reported revenue", "revenue"},
		{"公司营业收入增长", "revenue"},
	}
	rs := defaultRules(t)
	for _, c := range cases {
		got := ""
		for _, m := range rs.Mentions(c.text) {
			if m.Kind == "metric" {
				got = m.Name
			}
		}
		if got != c.want {
			t.Errorf("%q: metric %q, want %q", c.text, got, c.want)
		}
	}
}
