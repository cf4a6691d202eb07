package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
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

// tuneGC sets how much garbage a run lets pile up by how much it holds.
// A small run collects at 200% (the heap grows to three times what is
// live): that is much of its speed, and costs little memory. A large run
// would grow to three times a large heap, so it collects at 100%, then at
// 50%, as what it holds grows: a few percent more CPU for a third less
// memory. GOGC in the environment wins.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := sample[0].Value.Uint64()
	switch {
	case live < 64<<20:
		debug.SetGCPercent(200)
	case live < 256<<20:
		debug.SetGCPercent(100)
	default:
		debug.SetGCPercent(50)
	}
}
