package pipeline

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// An id table finds every source and claim by id, misses what is not
// there, and finds the last of a repeated id, as the maps it replaced did.
func TestIDTableFinds(t *testing.T) {
	var claims []Claim
	for i := range 1000 {
		claims = append(claims, Claim{}.WithIDs("c-"+strconv.Itoa(i), ""))
	}
	claims = append(claims, Claim{}.WithIDs("c-7", "")) // repeated: the last wins
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
	st := newIDTable([]Source{Source{}.WithID("h-a"), Source{}.WithID("h-b")})
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
		id := g.uniqueRef(hashOf("h-1", strconv.Itoa(i)))
		if i%100 == 50 {
			id = idRef{} // a claim without an id breaks a run
		}
		claims = append(claims, Claim{id: id})
	}
	claims = append(claims, Claim{}.WithIDs(strings.Clone(claims[3].ID())+"x", "")) // not IDs': the table finds it
	at := newClaimAt(claims)
	if want := fewestRuns(claims); len(at.runs) != want {
		t.Fatalf("%d runs for 3000 ids; their layout allows %d", len(at.runs), want)
	}
	// a claim's own id is found by address: the table is never built for it
	for k, c := range claims[:len(claims)-1] {
		if c.ID() == "" {
			continue
		}
		if got, ok := at.find(c.ID()); !ok || got != k {
			t.Fatalf("%s: %d, %v; want %d", c.ID(), got, ok, k)
		}
	}
	if at.table.slot != nil {
		t.Fatal("the table was built to find claims by their own ids")
	}
	for k, c := range claims {
		if c.ID() == "" {
			continue
		}
		for _, id := range []string{c.ID(), strings.Clone(c.ID())} {
			if got, ok := at.find(id); !ok || got != k {
				t.Fatalf("%s: %d, %v; want %d", id, got, ok, k)
			}
		}
	}
	for _, id := range []string{"c-0000000000", claims[0].ID()[:4]} {
		if k, ok := at.find(id); ok {
			t.Errorf("%q found at %d", id, k)
		}
	}
}

// Ids made one by one elsewhere (a ledger's rows) are found through the table.
func TestClaimAtScattered(t *testing.T) {
	var claims []Claim
	for i := range 500 {
		claims = append(claims, Claim{}.WithIDs(strings.Clone("c-"+strconv.Itoa(i)), ""))
	}
	at := newClaimAt(claims)
	for k := range claims {
		if got, ok := at.find(claims[k].ID()); !ok || got != k {
			t.Fatalf("%s: %d, %v", claims[k].ID(), got, ok)
		}
	}
}

// fewestRuns is how many runs of ids laid out one after another the claims
// hold: a claim continues its predecessor's run when its id, of the same
// length, starts where the predecessor's ends.
func fewestRuns(claims []Claim) int {
	n := 0
	for k, c := range claims {
		if c.ID() == "" {
			continue
		}
		if k > 0 && len(claims[k-1].ID()) == len(c.ID()) &&
			uintptr(unsafe.Pointer(unsafe.StringData(claims[k-1].ID())))+uintptr(refLen(len(c.ID()))) == uintptr(unsafe.Pointer(unsafe.StringData(c.ID()))) {
			continue
		}
		n++
	}
	return n
}

// The runs hold at most 64 ids and one more per 64 claims that are not laid
// out one after another; past that the table finds them all. Either way
// every claim is found, and an id that IDs made after the last claim's is
// no claim's (it lies at the end of the last run).
func TestClaimAtRunsLimit(t *testing.T) {
	for _, c := range []struct {
		scattered int  // ids apart from each other, one run each
		runs      bool // kept, and a claim found without the table
	}{
		{65, true}, {66, true}, {67, false}, {128, false},
	} {
		// ids of five bytes seven apart (six with their length): none
		// continues another
		var all []byte
		for i := range c.scattered {
			all = append(appendRef(all, fmt.Sprintf("c-%03d", i)), ' ')
		}
		var claims []Claim
		for i := range c.scattered {
			claims = append(claims, Claim{id: idRef{&all[7*i]}})
		}
		at := newClaimAt(claims)
		if got := len(at.runs) > 0; got != c.runs {
			t.Errorf("%d scattered ids: runs kept %v (%d), want %v", c.scattered, got, len(at.runs), c.runs)
		}
		for k := range claims {
			if got, ok := at.find(claims[k].ID()); !ok || got != k {
				t.Fatalf("%d scattered ids: %s: %d, %v; want %d", c.scattered, claims[k].ID(), got, ok, k)
			}
		}
		if built := at.table.slot != nil; built == c.runs {
			t.Errorf("%d scattered ids: table built %v", c.scattered, built)
		}
	}
	g := NewIDs("c-")
	var claims []Claim
	for i := range 10 {
		claims = append(claims, Claim{id: g.uniqueRef(hashOf("h-1", strconv.Itoa(i)))})
	}
	at := newClaimAt(claims)
	next := g.Claim("h-1", "10") // right after the last claim's id, in the same slab
	if k, ok := at.find(next); ok {
		t.Errorf("an id that is no claim's found at %d", k)
	}
}
