package pipeline_test

import (
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Every verdict read is carried, repeated or lost, and a lost one says why.
func TestCarryVerdicts(t *testing.T) {
	r := &pipeline.Result{
		Claims:   []pipeline.Claim{pipeline.Claim{}.WithIDs("c-1", ""), pipeline.Claim{}.WithIDs("c-2", "")},
		Findings: []pipeline.Finding{{ID: "f-1"}},
	}
	old := []pipeline.Verdict{
		{ID: "c-1", Of: "claim", Verdict: "confirmed", Where: "a.txt:1", Text: "60%"},
		{ID: "c-1", Of: "claim", Verdict: "confirmed"},                    // the same, again: repeated
		{ID: "c-1", Of: "claim", Verdict: "wrong", Note: "no, it is 61%"}, // another: lost
		{ID: "f-1", Of: "finding", Verdict: "false alarm"},
		{ID: "c-9", Of: "claim", Verdict: "unclear", Text: "9 GW"}, // its claim is gone
		{ID: "f-1", Of: "claim", Verdict: "wrong"},                 // an id of the other kind
	}
	v := pipeline.CarryVerdicts(r, old)
	if r.Verdicts != v || v.Read != 6 || len(v.Carried) != 2 || v.Repeated != 1 || len(v.Lost) != 3 {
		t.Fatalf("read %d, carried %d, repeated %d, lost %d", v.Read, len(v.Carried), v.Repeated, len(v.Lost))
	}
	if c := v.Carried["c-1"]; c.Verdict != "confirmed" || c.Where != "" || c.Text != "" {
		t.Errorf("carried %+v", c)
	}
	if v.Carried["f-1"].Verdict != "false alarm" {
		t.Errorf("finding verdict %+v", v.Carried["f-1"])
	}
	for i, id := range []string{"c-1", "c-9", "f-1"} {
		if l := v.Lost[i]; l.ID != id || l.Why == "" {
			t.Errorf("lost %d: %+v", i, l)
		}
	}
	if v.Lost[1].Text != "9 GW" {
		t.Errorf("a lost verdict keeps what it was about: %+v", v.Lost[1])
	}
}
