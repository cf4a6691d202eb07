package read_test

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkExtractSeed extracts every line of the seed; bytes/s is the
// throughput on text like the seed's.
func BenchmarkExtractSeed(b *testing.B) {
	data, err := os.ReadFile("../../../seeds/ai-compute.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	rs := defaultRules(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			rs.Extract(l)
		}
	}
}

// BenchmarkExtractLongLine checks that cost grows linearly with line length:
// compare ns/op per KB across the sizes.
func BenchmarkExtractLongLine(b *testing.B) {
	rs := defaultRules(b)
	unit := "over 60% of 5 GW, 数百回 and 1,234 in Q4 2025; "
	for _, n := range []int{10, 100, 1000} {
		s := strings.Repeat(unit, n)
		b.Run(strings.Repeat("x", 0)+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for i := 0; i < b.N; i++ {
				rs.Extract(s)
			}
		})
	}
}

// BenchmarkDigitString is the pathological input that made a peer's
// regexes run for hours: one long run of digits.
func BenchmarkDigitString(b *testing.B) {
	rs := defaultRules(b)
	s := strings.Repeat("1234567890", 10000)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		rs.Extract(s)
	}
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+n/1000%10)) + string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10)))
}
