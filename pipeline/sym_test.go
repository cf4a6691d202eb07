package pipeline

import (
	"strconv"
	"sync"
	"testing"
)

func TestSym(t *testing.T) {
	if intern("") != 0 || sym(0).String() != "" {
		t.Error(`"" is not the zero sym`)
	}
	// Many strings from several goroutines at once: each gets one sym,
	// the same every time, and reads back as itself.
	const n = 5000
	got := make([][]sym, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for i := range n {
				got[g] = append(got[g], intern("s"+strconv.Itoa((i*(g+1))%n)))
			}
		})
	}
	wg.Wait()
	for i := range n {
		s := "s" + strconv.Itoa(i)
		id := intern(s)
		if id.String() != s {
			t.Fatalf("%q reads back as %q", s, id.String())
		}
		for g := range got {
			if k := (i * (g + 1)) % n; got[g][i] != intern("s"+strconv.Itoa(k)) {
				t.Fatalf("goroutine %d: %q has two syms", g, "s"+strconv.Itoa(k))
			}
		}
	}
}

func TestShapeSetters(t *testing.T) {
	// Each setter changes its word and keeps the others, on claims that
	// share a shape.
	var a, b Claim
	a.SetUnit("%")
	a.SetKind("share")
	b.SetUnit("%")
	b.SetKind("share")
	if a.shape != b.shape {
		t.Fatal("two claims with the same words have two shapes")
	}
	b.SetBound("approx")
	b.SetChange("from")
	if got := [...]string{b.Unit(), b.Kind(), b.Bound(), b.Change(), a.Bound(), a.Change()}; got != [...]string{"%", "share", "approx", "from", "", ""} {
		t.Errorf("got %q", got)
	}
	var s Source
	s.SetRole("note")
	s.SetLang("zh")
	s.SetFormat("text")
	if s.Role() != "note" || s.Lang() != "zh" || s.Format() != "text" {
		t.Errorf("source: %q %q %q", s.Role(), s.Lang(), s.Format())
	}
}
