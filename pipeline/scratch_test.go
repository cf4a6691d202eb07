package pipeline

import "testing"

// The scratch numbers a group's sources in the order they first appear,
// by index where the result holds the source and by id where it does not,
// and forgets them when the next group starts.
func TestDisagreeScratchNumbersSources(t *testing.T) {
	var sc disagreeScratch
	sc.at = map[string]int{}
	sc.reset(4, 3)
	got := []int{}
	for _, c := range []struct {
		src int32
		id  string
	}{{2, "h-c"}, {0, "h-a"}, {2, "h-c"}, {-1, "h-x"}, {-1, "h-x"}, {0, "h-a"}} {
		j := sc.source(c.src, c.id)
		if j == len(sc.count) {
			sc.count = append(sc.count, 0)
		}
		got = append(got, j)
	}
	want := []int{0, 1, 0, 2, 2, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("numbers %v, want %v", got, want)
		}
	}
	sc.reset(1, 3) // the next group: source 2 is new again
	if j := sc.source(2, "h-c"); j != 0 {
		t.Errorf("source 2 in the next group: %d, want 0", j)
	}
	sc.group = ^uint32(0) // about to wrap: no stamp may look current after
	sc.stamp[1] = 0
	sc.reset(1, 3)
	sc.count = sc.count[:0]
	if j := sc.source(1, "h-b"); j != 0 || sc.stamp[1] != sc.group {
		t.Errorf("after the wrap: %d, stamp %d of %d", j, sc.stamp[1], sc.group)
	}
}

// The first source's set of figures is compared like any other: its 65-75
// is allowed by no figure of the second source (50-62), so that figure and
// the second source's are the disagreeing ones, though its 60-70 agrees.
func TestDisagreeingFirstSetCounts(t *testing.T) {
	r := &Result{
		Sources: []Source{Source{}.WithID("h-a"), Source{}.WithID("h-b")},
		Claims:  []Claim{Claim{}.WithIDs("c-1", "h-a"), Claim{}.WithIDs("c-2", "h-a"), Claim{}.WithIDs("c-3", "h-b")},
	}
	spans := []Span{{Lo: 60, Hi: 70}, {Lo: 65, Hi: 75}, {Lo: 50, Hi: 62}}
	bad, judged := disagreeing(r, []int{0, 1, 2}, spans)
	if !judged || len(bad) != 2 || bad[0] != 1 || bad[1] != 2 {
		t.Errorf("disagreeing: %v, judged %v; want [1 2]", bad, judged)
	}
}
