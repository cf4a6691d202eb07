package pipeline_test

import (
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
)

// Findings the check stage leaves packed (Check.Packed) read the same, one
// at a time or unpacked, as those it unpacks, on every seed: ids, values,
// messages and all; a result that holds findings before is not packed.
func TestPackedFindings(t *testing.T) {
	seeds, err := os.ReadDir("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs := defaultRules(t)
	for _, e := range seeds {
		t.Run(e.Name(), func(t *testing.T) {
			src, _, err := ingest.Read([]string{"../seeds/" + e.Name()}, "", func(ingest.Problem) {})
			if err != nil {
				t.Fatal(err)
			}
			want := runStages(t, rs, src)
			res := &pipeline.Result{Sources: src}
			check, err := pipeline.NewCheck(rs)
			if err != nil {
				t.Fatal(err)
			}
			check.Packed = true
			err = pipeline.Run(context.Background(), res, &pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs},
				&pipeline.Link{Rules: rs}, check)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Findings) > 0 && res.Findings != nil {
				t.Fatalf("packed: Findings holds %d, want nil until unpacked", len(res.Findings))
			}
			if res.NumFindings() != len(want.Findings) {
				t.Fatalf("NumFindings = %d, want %d", res.NumFindings(), len(want.Findings))
			}
			for i := range want.Findings {
				if got := res.Finding(i); !reflect.DeepEqual(got, want.Findings[i]) {
					t.Errorf("Finding(%d) = %+v, want %+v", i, got, want.Findings[i])
				}
				if got := res.FindingStatus(i); got != want.Findings[i].Status {
					t.Errorf("FindingStatus(%d) = %q, want %q", i, got, want.Findings[i].Status)
				}
			}
			if res.FindingBytes() <= 0 && len(want.Findings) > 0 {
				t.Errorf("FindingBytes = %d for %d packed findings", res.FindingBytes(), len(want.Findings))
			}
			res.UnpackFindings()
			if !reflect.DeepEqual(res.Findings, want.Findings) {
				t.Errorf("unpacked findings differ from the check stage's")
			}
			// Run again over a result that holds findings: they stay unpacked.
			if err := check.Run(context.Background(), res); err != nil {
				t.Fatal(err)
			}
			if res.NumFindings() != len(res.Findings) || len(res.Findings) != 2*len(want.Findings) {
				t.Errorf("a second run over held findings: NumFindings %d, Findings %d, want %d", res.NumFindings(), len(res.Findings), 2*len(want.Findings))
			}
		})
	}
}
