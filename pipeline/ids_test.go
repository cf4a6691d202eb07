package pipeline_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
)

// runFile writes text to dir/name and runs every stage on it as a run does,
// ids included.
func runFile(t *testing.T, dir, name, text string) *pipeline.Result {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _, err := ingest.Read([]string{p}, "", func(ingest.Problem) {})
	if err != nil {
		t.Fatal(err)
	}
	return runStages(t, defaultRules(t), src)
}

// allIDs lists the ids of every record, unique or not.
func allIDs(r *pipeline.Result) (sources, claims, findings []string) {
	for _, s := range r.Sources {
		sources = append(sources, s.ID())
	}
	for _, c := range r.Claims {
		claims = append(claims, c.ID())
	}
	for _, f := range r.Findings {
		findings = append(findings, f.ID)
	}
	return
}

func missing(old, now []string) []string {
	have := map[string]bool{}
	for _, id := range now {
		have[id] = true
	}
	var out []string
	for _, id := range old {
		if !have[id] {
			out = append(out, id)
		}
	}
	return out
}

// Lines added above, between and below the seed's lines change no id of
// the records that were there; an edited figure changes the ids of its
// line's claims and no other.
func TestIDsFollowContent(t *testing.T) {
	seed, err := os.ReadFile("../seeds/ai-compute.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	before := runFile(t, dir, "a.txt", string(seed))
	s0, c0, f0 := allIDs(before)
	if len(c0) < 40 || len(f0) < 4 {
		t.Fatalf("the seed gave %d claims and %d findings", len(c0), len(f0))
	}

	lines := strings.Split(string(seed), "\n")
	added := append([]string{"A new first line says 12 apples cost 3 dollars."}, lines[:4]...)
	added = append(added, "Another line, added between two pairs: 7 pears.") // a quote, as line 5 is
	added = append(added, lines[4:]...)
	added = append(added, "And a last one with 9 plums.")
	after := runFile(t, dir, "a.txt", strings.Join(added, "\n"))
	s1, c1, f1 := allIDs(after)
	for _, x := range []struct {
		what     string
		old, now []string
	}{{"source", s0, s1}, {"claim", c0, c1}, {"finding", f0, f1}} {
		if lost := missing(x.old, x.now); len(lost) > 0 {
			t.Errorf("after adding lines, %d %s ids changed: %v", len(lost), x.what, lost)
		}
	}
	if len(c1) < len(c0)+4 {
		t.Errorf("%d claims after adding four figures to %d", len(c1), len(c0))
	}
	for _, id := range missing(c1, c0) { // the new claims stand on the new lines
		for _, c := range after.Claims {
			if c.ID() == id && c.Line != 1 && c.Line != 6 && int(c.Line) != len(added) {
				t.Errorf("new claim %s %q on line %d", id, c.Text, c.Line)
			}
		}
	}

	// Edit one figure of the seed: only its line's claims change id.
	k := 0
	for k < len(before.Claims) && before.Claims[k].Text != "71%" {
		k++
	}
	edited := before.Claims[k]
	lines[edited.Line-1] = strings.Replace(lines[edited.Line-1], "71%", "72%", 1)
	changed := runFile(t, dir, "a.txt", strings.Join(lines, "\n"))
	_, c2, _ := allIDs(changed)
	var sameLine []string
	for _, c := range before.Claims {
		if c.Line == edited.Line {
			sameLine = append(sameLine, c.ID())
		}
	}
	lost := missing(c0, c2)
	if strings.Join(lost, " ") != strings.Join(sameLine, " ") {
		t.Errorf("editing line %d changed the ids %v, want those of its claims %v", edited.Line, lost, sameLine)
	}
}

// A figure stated twice in one source and a line repeated in one file give
// distinct ids; ids are short, of one form, and found by no search for another.
func TestIDsUnique(t *testing.T) {
	text := "Sales grew 60% and margins grew 60% in 2024.\nSales grew 60% and margins grew 60% in 2024.\nCosts fell 60%."
	r := runFile(t, t.TempDir(), "b.txt", text)
	form := regexp.MustCompile(`^[hcf]-[0-9a-f]{10}$`)
	seen := map[string]bool{}
	s, c, f := allIDs(r)
	for _, id := range append(append(s, c...), f...) {
		if seen[id] || !form.MatchString(id) {
			t.Errorf("id %q repeated or malformed", id)
		}
		seen[id] = true
	}
	if len(c) != 5 || len(s) != 3 {
		t.Errorf("%d sources and %d claims, want 3 and 5", len(s), len(c))
	}
	for _, a := range c {
		for _, b := range c {
			if a != b && strings.Contains(a, b) {
				t.Errorf("searching %s finds %s", b, a)
			}
		}
	}
}

// Clashing hashes are settled in the order asked; an id taken before is
// never given again.
func TestIDsClash(t *testing.T) {
	g := pipeline.NewIDs("c-")
	first := g.Claim("h-1", "60%")
	g2 := pipeline.NewIDs("c-")
	g2.Take(first)
	seen := map[string]bool{first: true}
	for range 1000 {
		id := g2.Claim("h-1", "60%")
		if seen[id] {
			t.Fatalf("%s given twice", id)
		}
		seen[id] = true
	}
	if again := pipeline.NewIDs("c-").Claim("h-1", "60%"); again != first {
		t.Errorf("the same content gave %s and %s", first, again)
	}
}

// A source's id is the same whichever way its file is named on the command line.
func TestIDsOfSourceIgnoreDirectory(t *testing.T) {
	a := pipeline.NewIDs("h-").Source("notes/2025/a.txt", "Sales grew 60%.")
	b := pipeline.NewIDs("h-").Source("/home/me/notes/2025/a.txt", "Sales grew 60%.")
	c := pipeline.NewIDs("h-").Source("notes/2025/b.txt", "Sales grew 60%.")
	if a != b || a == c {
		t.Errorf("ids %s, %s (same file), %s (another file)", a, b, c)
	}
}
