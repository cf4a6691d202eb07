package pipeline

import (
	"slices"
	"strconv"
	"testing"
)

// The source index finds each claim's source and each note's quote,
// whether they lie next to each other (as read) or far apart (claims out of
// source order, a quote many sources back, an id no source has).
func TestSourceIndex(t *testing.T) {
	var r Result
	for i := range 40 {
		r.Sources = append(r.Sources, Source{}.WithID("h-"+strconv.Itoa(i)))
	}
	q1, q30, none := "h-1", "h-30", "h-none"
	r.Sources[2].NoteOf = &q1   // just after its quote
	r.Sources[25].NoteOf = &q1  // far after it
	r.Sources[5].NoteOf = &q30  // before it
	r.Sources[6].NoteOf = &none // its quote was not read
	srcOf := []int{0, 0, 1, 3, 3, 39, 2, 20, 1, -1}
	for k, s := range srcOf {
		id := "h-missing"
		if s >= 0 {
			id = r.Sources[s].ID()
		}
		r.Claims = append(r.Claims, Claim{}.WithIDs("c-"+strconv.Itoa(k), id))
	}
	x := r.index()
	for k, want := range srcOf {
		if got, ok := x.sourceOf(k); got != want && (ok || want >= 0) {
			t.Errorf("claim %d: source %d, %v; want %d", k, got, ok, want)
		}
	}
	if got := x.of(1); !slices.Equal(got, []int{2, 8}) {
		t.Errorf("claims of source 1: %v", got)
	}
	if got := x.of(3); !slices.Equal(got, []int{3, 4}) {
		t.Errorf("claims of source 3: %v", got)
	}
	want := map[int]int{2: 1, 25: 1, 5: 30}
	for i := range r.Sources {
		q, ok := x.quote(i)
		if w, has := want[i]; ok != has || ok && q != w {
			t.Errorf("source %d: quote %d, %v; want %d, %v", i, q, ok, w, has)
		}
	}
	if i, ok := x.find("h-17"); !ok || i != 17 {
		t.Errorf("find h-17: %d, %v", i, ok)
	}
}
