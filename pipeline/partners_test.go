package pipeline_test

import (
	"strings"
	"testing"
)

// A change's start takes the end nearest it that no other start took, the
// later at equal distance: in two changes told side by side each end goes
// with its own start, so that a note's size is held to the right one.
func TestChangePartners(t *testing.T) {
	cases := []struct {
		name, text string
		want       map[string]string // start -> end
	}{
		{"two changes side by side", "Firm A's share rose from 18.8% to 19.0%, while firm B's fell from 19.4% to 18.3%.",
			map[string]string{"18.8%": "19.0%", "19.4%": "18.3%"}},
		{"an end before its start", "Over two-thirds of users now pay, rising from 60% a year ago.",
			map[string]string{"60%": "two-thirds"}},
		{"three changes in a row", "Wheat went from 10 to 12 tonnes, barley from 8 to 7 tonnes and oats from 5 to 6 tonnes.",
			map[string]string{"10": "12 tonnes", "8": "7 tonnes", "5": "6 tonnes"}},
		// an end after its start is marked "to": the level after is another figure
		{"an unmarked end before its start", "Ridership was 41.2 million in 2024, up 12% from 36.8 million, still short of the 45 million of 2019.",
			map[string]string{"36.8 million": "41.2 million"}},
		{"no level before the start", "From 36.8 million in 2023, ridership climbed past 41.2 million.",
			map[string]string{"36.8 million": "41.2 million"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runAll(t, c.text)
			got := map[string]string{}
			for _, cl := range r.Claims {
				if cl.Change() == "from" && cl.Partner >= 0 {
					got[cl.Text] = r.Claims[cl.Partner].Text
				}
			}
			for from, to := range c.want {
				if got[from] == "" || !strings.Contains(got[from], to) {
					t.Errorf("start %q: end %q, want %q (all: %v)", from, got[from], to, got)
				}
			}
		})
	}
}
