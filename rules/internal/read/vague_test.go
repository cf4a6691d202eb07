package read

import (
	"fmt"
	"strings"
	"testing"
)

// A vague word needs low <= high and the words it must stand before.
func TestVagueErrors(t *testing.T) {
	cases := []struct {
		w    VagueWord
		want string // "" for no error
	}{
		{VagueWord{Low: 3, High: 9, Before: []string{"of"}}, ""},
		{VagueWord{Low: 5, High: 5, Before: []string{"of"}}, ""},
		{VagueWord{Low: 9, High: 3, Before: []string{"of"}}, `field words: "w" needs low <= high and a list of before words`},
		{VagueWord{Low: 3, High: 9}, `field words: "w" needs low <= high and a list of before words`},
	}
	for _, c := range cases {
		got := ""
		if err := NewBuilder().Vague("v", VagueDef{Words: map[string]VagueWord{"w": c.w}}); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%+v: got %q, want %q", c.w, got, c.want)
		}
	}
}

// "aa of bb" multiplies only when bb starts above aa's end: a scale of
// it, as thousands is of hundreds; where it starts at aa's end it is none.
func TestVagueOf(t *testing.T) {
	b := NewBuilder()
	words := map[string]VagueWord{
		"aa": {Low: 1, High: 5, Before: []string{"of"}},
		"bb": {Low: 5, High: 9, Before: []string{"x"}},
		"cc": {Low: 6, High: 9, Before: []string{"x"}},
	}
	if err := b.Vague("v", VagueDef{Words: words}); err != nil {
		t.Fatal(err)
	}
	rs, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"aa of bb": "aa=1 [1, 5]",
		"aa of cc": "aa of cc=6 [6, 35]",
	} {
		var got []string
		for _, m := range rs.Extract(in) {
			got = append(got, fmt.Sprintf("%s=%g [%g, %g]", m.Text, m.Value, *m.Min, *m.Max))
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("%q: got %q, want %q", in, g, want)
		}
	}
}
