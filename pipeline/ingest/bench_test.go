package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkReadText reads a ~1 MB file of the seed's lines, each made unique.
func BenchmarkReadText(b *testing.B) {
	seed, err := os.ReadFile("../../seeds/ai-compute.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		for _, l := range strings.Split(string(seed), "\n") {
			sb.WriteString(l + " (" + strings.Repeat("z", i%7) + string(rune('a'+i%26)) + ")\n")
		}
	}
	path := filepath.Join(b.TempDir(), "c.txt")
	os.WriteFile(path, []byte(sb.String()), 0o644)
	b.SetBytes(int64(sb.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		readPaths(b, nil, path)
	}
}
