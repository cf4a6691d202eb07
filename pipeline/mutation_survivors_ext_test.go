package pipeline_test

import "testing"

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
