package table

import (
	"strconv"
	"sync"
	"testing"
)

type pair struct{ a, b string }

func TestTable(t *testing.T) {
	tb := New[pair]()
	if tb.Find(pair{}) != 0 || *tb.At(0) != (pair{}) {
		t.Error("the zero value is not 0")
	}
	// Many values from several goroutines at once, past a chunk: each gets
	// one number, the same every time, and reads back as itself.
	const n = 3 * chunk
	got := make([][]uint32, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for i := range n {
				k := (i * (g + 1)) % n
				got[g] = append(got[g], tb.Find(pair{"a" + strconv.Itoa(k), "b"}))
			}
		})
	}
	wg.Wait()
	for i := range n {
		w := pair{"a" + strconv.Itoa(i), "b"}
		id := tb.Find(w)
		if *tb.At(id) != w {
			t.Fatalf("%v reads back as %v", w, *tb.At(id))
		}
		for g := range got {
			if k := (i * (g + 1)) % n; got[g][i] != tb.Find(pair{"a" + strconv.Itoa(k), "b"}) {
				t.Fatalf("goroutine %d: value %d has two numbers", g, k)
			}
		}
	}
	if tb.Len() != n+1 {
		t.Errorf("%d values, want %d", tb.Len(), n+1)
	}
}
