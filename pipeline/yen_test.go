package pipeline_test

import "testing"

// A note's ¥ is in the currency its quote's figures are in, where they are
// in one of the two the sign stands for; else the sign's own reading holds.
func TestNoteYenFollowsItsQuote(t *testing.T) {
	cases := []struct {
		name, text, note, want string
	}{
		{"a yen quote", "営業利益は5兆3529億円だった。\nOperating profit was ¥5.35 trillion.", "¥5.35 trillion", "JPY"},
		{"a yen quote, a price", "価格は1平方メートル当たり164万円。\nAbout ¥1.64 million per square metre.", "About ¥1.64 million per square metre", "JPY/m2"},
		{"a yuan quote", "利润为5.35万亿元人民币。\nProfit was ¥5.35 trillion.", "¥5.35 trillion", "CNY"},
		// a quote of both: the figure the note restates says which
		{"a quote of both", "利润为500亿元，约合1万亿日元。\nProfit was ¥50 billion.", "¥50 billion", "CNY"},
		{"a quote of both, the yen", "利润为500亿元，约合1万亿日元。\nProfit was ¥1 trillion.", "¥1 trillion", "JPY"},
		// the sign's own reading in English is the yen, as CLDR's
		{"a quote of neither", "Profit was $35 billion.\nProfit was ¥5 trillion.", "¥5 trillion", "JPY"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runAll(t, c.text)
			found := false
			for _, cl := range r.Claims {
				if cl.Text == c.note {
					found = true
					if cl.Unit() != c.want {
						t.Errorf("%q: unit %q, want %q", cl.Text, cl.Unit(), c.want)
					}
				}
			}
			if !found {
				t.Errorf("no claim %q among %d", c.note, len(r.Claims))
			}
		})
	}
}
