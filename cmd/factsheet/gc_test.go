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
