package read

import (
	"slices"
	"testing"
)

// Sentences end at . ! ? ; and their full-width forms (a point only before
// a space or the end); clauses also at commas (not 1,000's), 、 and dashes.
func TestSentenceAndClauseMarks(t *testing.T) {
	cases := []struct {
		text             string
		sentence, clause []int
	}{
		{"Up 5.2% in 2024. Down; then 1,000, more! Why? Yes.", []int{15, 21, 39, 44, 49}, []int{21, 33, 39, 44}},
		{"增长5%，达到10亿。然后下降、再上升！", []int{10, 19}, []int{4, 10, 15, 19}},
		{"a\tb—c_d@e#f", nil, []int{3}},
	}
	for _, c := range cases {
		sc := scan{t: newText(c.text)}
		if got := sc.sentences(); !slices.Equal(got, c.sentence) {
			t.Errorf("%q sentences end at %v, want %v", c.text, []int(got), c.sentence)
		}
		if got := sc.clauses(); !slices.Equal(got, c.clause) {
			t.Errorf("%q clauses end at %v, want %v", c.text, []int(got), c.clause)
		}
		sc.t.release()
	}
}
