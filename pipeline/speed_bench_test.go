package pipeline_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
	"github.com/factsheet-dev/factsheet/rules"
)

// BenchmarkStagesSeedCorpus runs every stage on the corpus of
// scripts/bench-e2e.sh (the seed's lines, each copy tagged), 100 copies:
// profile it with -cpuprofile and focus on a stage to see where it goes.
func BenchmarkStagesSeedCorpus(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile("../seeds/ai-compute.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for r := range 100 {
		tag := string(rune('a'+r%26)) + string(rune('a'+r/26))
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				sb.WriteString(l + " (" + tag + ")\n")
			}
		}
	}
	text := []byte(sb.String())
	check, err := pipeline.NewCheck(rs)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		res := &pipeline.Result{Sources: ingest.Text{}.Read("corpus.txt", text, nil)}
		for i := range res.Sources {
			res.Sources[i].SetID("h" + string(rune(i)))
		}
		err := pipeline.Run(context.Background(), res, &pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs},
			&pipeline.Link{Rules: rs}, check)
		if err != nil {
			b.Fatal(err)
		}
	}
}
