package pipeline

import "testing"

// Blocks keep every item, in order, past the small first blocks and far
// past the point where their sizes would overflow a shift.
func TestBlocksKeepOrder(t *testing.T) {
	for _, n := range []int{0, 1, 16, 17, 48, 240, 241, 256 * 100, 256*100 + 1} {
		var b blocks[int]
		for i := range n {
			b.add(i)
		}
		if b.n != n {
			t.Fatalf("%d added: n = %d", n, b.n)
		}
		next := 0
		for _, blk := range b.full {
			if len(blk) == 0 || len(blk) > 256 {
				t.Fatalf("%d added: a block of %d", n, len(blk))
			}
			for _, x := range blk {
				if x != next {
					t.Fatalf("%d added: item %d is %d", n, next, x)
				}
				next++
			}
		}
		if next != n {
			t.Fatalf("%d added: %d read back", n, next)
		}
	}
}

// A block is full before the next one starts: only the last has room.
func TestBlocksFillBeforeTheNext(t *testing.T) {
	var b blocks[int]
	for i := range 1000 {
		b.add(i)
	}
	for k, blk := range b.full[:len(b.full)-1] {
		if len(blk) != cap(blk) {
			t.Errorf("block %d of %d holds %d of %d", k, len(b.full), len(blk), cap(blk))
		}
	}
}
