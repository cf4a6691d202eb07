package pipeline

import (
	"strconv"
	"strings"
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

// claimAt finds a claim by its own id string (laid out by IDs, by address)
// and by a copy of it (through the table), skipping claims without ids;
// it misses what is not there.
func TestClaimAtFinds(t *testing.T) {
	g := NewIDs("c-")
	var claims []Claim
	for i := range 3000 { // several slabs
		id := g.Claim("h-1", strconv.Itoa(i))
		if i%100 == 50 {
			id = "" // a claim without an id breaks a run
		}
		claims = append(claims, Claim{ID: id})
	}
	claims = append(claims, Claim{ID: strings.Clone(claims[3].ID) + "x"}) // not IDs': the table finds it
	at := newClaimAt(claims)
	if len(at.runs) == 0 || len(at.runs) > 200 {
		t.Fatalf("%d runs for 3000 ids", len(at.runs))
	}
	for k, c := range claims {
		if c.ID == "" {
			continue
		}
		for _, id := range []string{c.ID, strings.Clone(c.ID)} {
			if got, ok := at.find(id); !ok || got != k {
				t.Fatalf("%s: %d, %v; want %d", id, got, ok, k)
			}
		}
	}
	for _, id := range []string{"c-0000000000", claims[0].ID[:4]} {
		if k, ok := at.find(id); ok {
			t.Errorf("%q found at %d", id, k)
		}
	}
}

// Ids made one by one elsewhere (a ledger's rows) are found through the table.
func TestClaimAtScattered(t *testing.T) {
	var claims []Claim
	for i := range 500 {
		claims = append(claims, Claim{ID: strings.Clone("c-" + strconv.Itoa(i))})
	}
	at := newClaimAt(claims)
	for k := range claims {
		if got, ok := at.find(claims[k].ID); !ok || got != k {
			t.Fatalf("%s: %d, %v", claims[k].ID, got, ok)
		}
	}
}
