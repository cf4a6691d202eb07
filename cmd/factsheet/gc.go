package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// watchGC tunes the collector (see tuneGC) every 50 ms until stopped: what
// a run holds grows within a stage too (extraction makes every claim), and
// a setting read only between stages let the heap of a large run grow to
// three times what it held.
func watchGC() (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				tuneGC()
			}
		}
	}()
	return func() { close(done) }
}

// tuneGC sets how much garbage a run lets pile up by how much it holds:
// about 96 MB, whatever the run holds, within 25% and 200% of it. A small
// run collects at 200% (the heap grows to three times what is live): that
// is much of its speed, and costs little memory. A large run would grow to
// three times a large heap, so it collects at 75% while it holds 128 MB,
// at 35% at 256 MB, at 25% from 384 MB on: a few percent more CPU for half
// the memory (a million one-line highlights, 380 MB live, peak at about
// 545 MB, 585 with 128 MB of garbage, at the same CPU time). GOGC in the
// environment wins.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	if p := gcPercent(sample[0].Value.Uint64()); int32(p) != lastGCPercent.Swap(int32(p)) {
		debug.SetGCPercent(p)
	}
}

// lastGCPercent is the setting tuneGC made last (0: none yet).
var lastGCPercent atomic.Int32

// gcPercent is the collector's setting for a run that holds live bytes:
// 96 MB of headroom, in steps of 5%, within 25% and 200%.
func gcPercent(live uint64) int {
	const headroom = 96 << 20
	if live == 0 {
		return 200
	}
	p := min(headroom*100/live, 200) / 5 * 5
	return int(max(p, 25))
}
