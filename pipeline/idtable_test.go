package pipeline

import (
	"strconv"
	"testing"
)

// An id table finds every source and claim by id, misses what is not
// there, and finds the last of a repeated id, as the maps it replaced did.
func TestIDTableFinds(t *testing.T) {
	var claims []Claim
	for i := range 1000 {
		claims = append(claims, Claim{ID: "c-" + strconv.Itoa(i)})
	}
	claims = append(claims, Claim{ID: "c-7"}) // repeated: the last wins
	ct := newIDTable(claims)
	for i := range 1000 {
		want := i
		if i == 7 {
			want = 1000
		}
		if k, ok := ct.find("c-" + strconv.Itoa(i)); !ok || k != want {
			t.Fatalf("c-%d: %d, %v; want %d", i, k, ok, want)
		}
	}
	for _, id := range []string{"c-1000", "", "c-"} {
		if k, ok := ct.find(id); ok {
			t.Errorf("%q found at %d", id, k)
		}
	}
	st := newIDTable([]Source{{ID: "h-a"}, {ID: "h-b"}})
	if k, ok := st.find("h-b"); !ok || k != 1 {
		t.Errorf("h-b: %d, %v", k, ok)
	}
	var empty idTable[Source]
	if _, ok := empty.find("h-a"); ok {
		t.Error("found in an empty table")
	}
}
