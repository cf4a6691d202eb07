package main

import "testing"

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 2400}, {1 << 20, 2400}, {10 << 20, 960}, {48 << 20, 200}, {64 << 20, 150}, {128 << 20, 75},
		{200 << 20, 45}, {256 << 20, 35}, {320 << 20, 25}, {384 << 20, 15}, {4 << 30, 10},
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("%d MB live: %d%%, want %d%%", c.live>>20, got, c.want)
		}
	}
}

// Between stages a run collects only when it holds 48 MB or more and 16 MB
// or more were allocated since the last collection.
func TestCollectNow(t *testing.T) {
	for _, c := range []struct {
		live, held uint64
		want       bool
	}{
		{2 << 20, 74 << 20, false},  // the 10 MB corpus before its context stage
		{29 << 20, 54 << 20, false}, // and before its reports
		{55 << 20, 97 << 20, true},  // the 20 MB corpus before its context stage
		{55 << 20, 70 << 20, false}, // little garbage
		{300 << 20, 316 << 20, true},
	} {
		if got := collectNow(c.live, c.held); got != c.want {
			t.Errorf("%d MB live, %d MB held: %v, want %v", c.live>>20, c.held>>20, got, c.want)
		}
	}
}
