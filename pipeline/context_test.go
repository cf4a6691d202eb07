package pipeline

import (
	"fmt"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// nearest must give what a scan of every mention gives: the closest of the
// claim's sentence, the one before it at equal distance, an overlapping one
// at distance 0.
func TestNearest(t *testing.T) {
	ms := mentionsOf([]rules.Mention{
		{Kind: "subject", Name: "a", Start: 0, End: 2, Sentence: 0},
		{Kind: "subject", Name: "b", Start: 10, End: 12, Sentence: 0},
		{Kind: "subject", Name: "c", Start: 20, End: 22, Sentence: 1},
		{Kind: "subject", Name: "d", Start: 30, End: 32, Sentence: 1},
		{Kind: "subject", Name: "e", Start: 40, End: 44, Sentence: 2},
	})
	cases := []struct {
		start, end, sentence int
		want                 string
	}{
		{4, 6, 0, "a"},   // 2 after a, 4 before b
		{6, 8, 0, "b"},   // 4 after a, 2 before b
		{5, 7, 0, "a"},   // 3 and 3: the one before
		{13, 15, 0, "b"}, // after the last
		{13, 15, 1, "c"}, // b is in another sentence
		{41, 43, 2, "e"}, // inside e
		{50, 52, 3, ""},  // no mention in the sentence
		{24, 30, 1, "d"}, // 2 after c, 0 before d
	}
	for _, c := range cases {
		cl := &Claim{Start: c.start, End: c.end, Sentence: int32(c.sentence)}
		if got := nearest(ms, cl, nil).String(); got != c.want {
			t.Errorf("claim [%d,%d) in sentence %d: %q, want %q", c.start, c.end, c.sentence, got, c.want)
		}
	}
	// a clause mark between a figure and the nearer name after it: the name before
	marks := func(i, j int) bool { return i < 9 && j > 9 } // a mark at rune 9
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{6, 8, "a"}, // b is nearer but across the mark
		{9, 9, "b"}, // the mark is not between
		{3, 4, "a"}, // a is nearer anyway
	} {
		cl := &Claim{Start: c.start, End: c.end}
		if got := nearest(ms, cl, marks).String(); got != c.want {
			t.Errorf("claim [%d,%d) with a mark at 9: %q, want %q", c.start, c.end, got, c.want)
		}
	}
	// with no name before, the one after serves across the mark
	if got := nearest(ms[1:2], &Claim{Start: 6, End: 8}, marks).String(); got != "b" {
		t.Errorf("no name before: %q, want b", got)
	}
}

// In Chinese a figure's country stands before it: the next clause's is
// another's (泰国…增长1.9%，马来西亚增长3.7%).
func TestClauseMarkIn(t *testing.T) {
	text := []rune("泰国增长1.9%，马来西亚")
	for _, c := range []struct {
		i, j int
		want bool
	}{{8, 9, true}, {2, 8, false}, {9, 13, false}, {-3, 2, false}, {8, 99, true}} {
		if got := clauseMarkIn(text, c.i, c.j); got != c.want {
			t.Errorf("clauseMarkIn(%d, %d) = %v", c.i, c.j, got)
		}
	}
}

func TestClosest(t *testing.T) {
	cases := []struct {
		ks   []int
		k    int
		want int
	}{
		{nil, 3, -1}, {[]int{5}, 3, 5}, {[]int{1, 5}, 3, 1}, {[]int{1, 6}, 3, 1},
		{[]int{1, 4}, 3, 4}, {[]int{1, 2}, 9, 2}, {[]int{4, 8}, 0, 4},
	}
	for _, c := range cases {
		if got := closest(c.ks, c.k); got != c.want {
			t.Errorf("closest(%v, %d) = %d, want %d", c.ks, c.k, got, c.want)
		}
	}
}

// A note's figure takes its name from the noted source's figure like it,
// even garbled; from another highlight of the document only when it is
// close in value: a price in yen beside a quote on barrels is not the
// price of eggs three highlights on.
func TestInheritFromDocument(t *testing.T) {
	claim := func(src, unit, kind, subject string, v float64, named bool) Claim {
		c := Claim{Value: v, Step: 0.01, Partner: -1, Named: named}.WithIDs("", src)
		c.SetUnit(unit)
		c.SetKind(kind)
		c.SetSubject(subject)
		if subject != "" {
			c.SetMetric("price")
		}
		return c
	}
	cases := []struct {
		name        string
		note        Claim
		wantSubject string
		wantNamed   bool
	}{
		{"garble of the quote's own figure", claim("n", "USD/L", "price", "", 0.9, false), "Brent", true},
		{"close to a figure elsewhere in the document", claim("n", "USD", "money", "", 1.93, false), "United States", true},
		{"far from every figure of its kind", claim("n", "USD", "money", "", 91.8, false), "Brent", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &Result{Claims: []Claim{
				claim("q", "USD/L", "price", "Brent", 0.59, true),
				claim("d", "USD", "money", "United States", 1.93, true),
				c.note,
			}}
			inherit(r, []int{2}, []int{0, 1})
			got := &r.Claims[2]
			if got.Subject() != c.wantSubject || got.Named != c.wantNamed {
				t.Errorf("subject %q named %v, want %q %v", got.Subject(), got.Named, c.wantSubject, c.wantNamed)
			}
		})
	}
}

// A note whose quote names nothing takes its document's subject only when
// most of the document speaks of it: a file of highlights from many
// articles has none.
func TestInheritFromManyArticles(t *testing.T) {
	claim := func(src, subject string, v float64) Claim {
		c := Claim{Value: v, Step: 1, Partner: -1}.WithIDs("", src)
		c.SetUnit("USD")
		c.SetKind("money")
		c.SetSubject(subject)
		return c
	}
	cases := []struct {
		name     string
		document []string // the subjects of the document's other highlights
		want     string
	}{
		{"one article", []string{"Acme", "Acme", "Globex"}, "Acme"},
		{"many articles", []string{"Acme", "Globex", "Initech"}, ""},
		{"a tie", []string{"Acme", "Acme", "Globex", "Globex"}, ""},
		{"one article named among many unnamed", []string{"Acme", "", ""}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &Result{Claims: []Claim{claim("q", "", 500)}}
			quote := []int{0}
			for i, s := range c.document {
				r.Claims = append(r.Claims, claim(fmt.Sprintf("d%d", i), s, float64(9000+i)))
				quote = append(quote, len(r.Claims)-1)
			}
			r.Claims = append(r.Claims, claim("n", "", 777))
			inherit(r, []int{len(r.Claims) - 1}, quote)
			if got := r.Claims[len(r.Claims)-1].Subject(); got != c.want {
				t.Errorf("subject %q, want %q", got, c.want)
			}
		})
	}
}
