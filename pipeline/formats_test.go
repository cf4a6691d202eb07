package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
)

// pair is a quote and its note (which may be empty).
type pair struct{ quote, note string }

// seedPairs reads the seed as quote/note pairs, as the text reader links them.
func seedPairs(t *testing.T) []pair {
	data, err := os.ReadFile("../seeds/ai-compute.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := ingest.Text{}.Read("seed.txt", data, nil)
	var out []pair
	for i, s := range src {
		if s.NoteIndex > 0 {
			out[len(out)-1].note = s.Text
			continue
		}
		_ = i
		out = append(out, pair{quote: s.Text})
	}
	return out
}

// The seed written in every format must yield the claims it yields as plain text.
func TestFormatsReadLikeText(t *testing.T) {
	pairs := seedPairs(t)
	writers := map[string]func([]pair) string{
		"readwise": func(ps []pair) string {
			var b strings.Builder
			b.WriteString("Highlight,Book Title,Note,Location\n")
			for i, p := range ps {
				fmt.Fprintf(&b, "%s,Seed,%s,%d\n", csvQuote(p.quote), csvQuote(p.note), 100+i)
			}
			return b.String()
		},
		"kindle": func(ps []pair) string {
			var b strings.Builder
			for i, p := range ps {
				fmt.Fprintf(&b, "Seed (Owner)\r\n- Your Highlight on page 1 | Location %d-%d | Added on Monday, 1 January 2024 10:00:00\r\n\r\n%s\r\n==========\r\n", 100*i, 100*i+5, p.quote)
				if p.note != "" {
					fmt.Fprintf(&b, "Seed (Owner)\r\n- Your Note on page 1 | Location %d | Added on Monday, 1 January 2024 10:01:00\r\n\r\n%s\r\n==========\r\n", 100*i+5, p.note)
				}
			}
			return b.String()
		},
		"hypothesis": func(ps []pair) string {
			var rows []map[string]any
			for _, p := range ps {
				rows = append(rows, map[string]any{"uri": "https://example.org", "text": p.note,
					"target": []any{map[string]any{"selector": []any{map[string]any{"type": "TextQuoteSelector", "exact": p.quote}}}}})
			}
			b, _ := json.MarshalIndent(map[string]any{"total": len(rows), "rows": rows}, "", "  ")
			return string(b)
		},
		"jsonl": func(ps []pair) string {
			var b strings.Builder
			for _, p := range ps {
				line, _ := json.Marshal(map[string]string{"text": p.quote, "note": p.note})
				b.Write(line)
				b.WriteByte('\n')
			}
			return b.String()
		},
		"markdown": func(ps []pair) string {
			var b strings.Builder
			b.WriteString("# Seed\n\n")
			for _, p := range ps {
				fmt.Fprintf(&b, "> %s\n\n", p.quote)
				if p.note != "" {
					fmt.Fprintf(&b, "%s\n\n", p.note)
				}
			}
			return b.String()
		},
	}
	want := claimsOf(t, "text", "seed.txt", mustRead(t, "../seeds/ai-compute.txt"))
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			got := claimsOf(t, name, "seed."+name, []byte(write(pairs)))
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s reads %d claims, text %d:\n%s", name, len(got), len(want), diff(want, got))
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func csvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// claimsOf reads data with one reader, extracts, checks every claim stands
// on its line at its column, and returns the claims as sorted "value unit".
func claimsOf(t *testing.T, format, file string, data []byte) []string {
	t.Helper()
	rs := defaultRules(t)
	var problems []string
	src := ingest.Readers[format].Read(file, data, func(p ingest.Problem) { problems = append(problems, p.String()) })
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	for i := range src {
		src[i].SetID(fmt.Sprint("h", i+1))
	}
	res := &pipeline.Result{Sources: src}
	if err := pipeline.Run(context.Background(), res, &pipeline.Extract{Rules: rs}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
	var out []string
	for _, c := range res.Claims {
		l := []rune(strings.TrimRight(lines[c.Line-1], "\r"))
		col := int(c.Col)
		if col < 1 || col-1+len([]rune(c.Text)) > len(l) || string(l[col-1:col-1+len([]rune(c.Text))]) != c.Text {
			t.Errorf("%s:%d:%d: %q is not there: %q", file, c.Line, c.Col, c.Text, string(l))
		}
		out = append(out, fmt.Sprintf("%.6g %s", c.Value, c.Unit()))
	}
	sort.Strings(out)
	return out
}

func diff(want, got []string) string {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, g := range got {
		count[g]--
	}
	var b strings.Builder
	for k, n := range count {
		if n != 0 {
			fmt.Fprintf(&b, "%+d %s\n", -n, k)
		}
	}
	return b.String()
}
