package pipeline_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// BenchmarkStagesLongLine runs every stage on one long highlight: compare
// ns/op across the sizes, which should grow as the line does (a claim's
// context was once found by scanning the whole line, per claim).
func BenchmarkStagesLongLine(b *testing.B) {
	rs, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	unit := "Over 60% of 5 GW, 数百回 and 1,234 in Q4 2025, rising from 40%; "
	for _, n := range []int{100, 1000} {
		text := strings.Repeat(unit, n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				runWith(b, rs, text)
			}
		})
	}
}
