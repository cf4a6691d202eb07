package main

import (
	"bytes"
	"math"
	"os"
	"runtime"
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
	heapCeiling.Store(0)
	heapGoalMax.Store(0)
	rssBudget.Store(0)
	tuneGC()
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
	return func() {
		close(done)
		heapCeiling.Store(0)
		rssBudget.Store(0)
		if lastLimit.Swap(0) != 0 {
			debug.SetMemoryLimit(math.MaxInt64)
		}
	}
}

// tuneGC sets how much garbage a run lets pile up by how much it holds:
// about 96 MB, whatever the run holds, down to 64 MB as a large run grows
// past 256 MB (at 384 MB on), and never less than 10% of what it holds.
// A small run so collects seldom (the 10 MB corpus three times, not four to
// six at 200%, whose timing shifted with every change of what the run
// allocates: 1% fewer instructions than at 200%, for a peak of about the
// same 150 MB), and a large one does not grow to twice what it holds (a
// million one-line highlights, 335 MB live, peak at about 435 MiB; with 96 MB
// of garbage at the same CPU time 450). The decline starts at 256 MB: from
// 192 MB it slowed the workbook of the 50 MB corpus, 255 MB live, by a third.
// GOGC in the environment wins.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"},
		{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(sample)
	for _, x := range sample {
		if x.Value.Kind() != metrics.KindUint64 {
			return
		}
	}
	keepBudget(sample)
	for goal := sample[1].Value.Uint64(); ; {
		if old := heapGoalMax.Load(); goal <= old || heapGoalMax.CompareAndSwap(old, goal) {
			break
		}
	}
	if p := gcPercent(sample[0].Value.Uint64(), heapCeiling.Load()); int32(p) != lastGCPercent.Swap(int32(p)) {
		debug.SetGCPercent(p)
	}
}

// rssBudget is the resident memory a run of a large input stays within
// (0: none): see budgetRSS. lastLimit is the memory limit tuneGC set last.
var rssBudget, lastLimit atomic.Uint64

// rssPerInput is the resident memory a run of a large input is held to,
// per byte of input, in thousandths: 2.95 MiB per input MB, under the 3 of
// #14 by what the limit lets pass (the 100 MB corpus peaks at 2.95-2.97;
// at 2.9 no lower, its checks then held to 10% over what they hold).
const rssPerInput = 3093

// minBudgetInput is the least input the budget is set for: under about
// 64 MB the program's own memory (its code, 16 MiB resident, and the rules'
// tables) and what the run holds already pass 3 MB per input MB, and a run
// held to it would only collect more often.
const minBudgetInput = 64e6

// budgetRSS holds a run of input bytes to rssPerInput of resident memory
// per input byte. The collector's headroom (see tuneGC) is about 96 MB
// whatever the input, and over the 100 MB corpus, which holds 2.5 bytes per
// input byte while its checks run, that was 3.6 MiB of peak RSS per input
// MB. The budget is kept by a soft memory limit (debug.SetMemoryLimit),
// which the collector meets by the memory the runtime has mapped, each
// collection as late as it can be; a heap goal from GOGC, which tuneGC
// sets every 50 ms from the live heap of the last collection, overshot it
// and collected more often for a higher peak. GOGC or GOMEMLIMIT in the
// environment wins.
func budgetRSS(input int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || input < minBudgetInput {
		return
	}
	rssBudget.Store(uint64(input) * rssPerInput / 1000)
	tuneGC()
}

// keepBudget sets the memory limit of a run held to a budget (see
// budgetRSS) from tuneGC's sample: the live heap, the heap goal, the
// runtime's memory, released, in objects and free. A limit set by another
// (the workbook's writer holds its own while it writes) stays while it
// is set.
func keepBudget(sample []metrics.Sample) {
	budget := rssBudget.Load()
	if budget == 0 {
		return
	}
	last := lastLimit.Load()
	if last != 0 && debug.SetMemoryLimit(-1) != int64(min(last, math.MaxInt64)) {
		return
	}
	v := func(i int) uint64 { return sample[i].Value.Uint64() }
	mapped := v(2) - min(v(2), v(3))
	l := memoryLimit(budget, residentBytes(), mapped, mapped-min(mapped, v(4)+v(5)), v(0), heapCeiling.Load() == 0)
	if l == math.MaxUint64 {
		rssBudget.CompareAndSwap(budget, 0) // given up for the rest of the run
	}
	if l != last {
		lastLimit.Store(l)
		debug.SetMemoryLimit(int64(min(l, math.MaxInt64)))
	}
}

// budgeted says whether the run is held to a budget (see budgetRSS). Such
// a run collects before extraction too: its first collection came at the
// start of extraction, which makes room for all of its claims at once,
// and the heap, marked for the first time at that size while the cores
// read, grew 30-40 MB past the budget meanwhile (the 100 MB corpus's peak).
func budgeted() bool { return rssBudget.Load() > 0 }

// memoryLimit is the memory limit that holds a run to a budget of resident
// bytes, in whole MiB: the budget, plus what the runtime has mapped but is
// not resident (pages not yet written), less what is resident but not the
// runtime's (the program's code, 15-17 MiB); but no less than what the
// run holds (live) and what the runtime maps over its objects (spans'
// unused ends, metadata: overhead) and 10% of live, the least headroom a
// collection is worth. Where that least passes the budget during reading
// and extraction (early), or by more than 5% of the budget later, the
// budget cannot be kept and the limit is none (MaxUint64, which tuneGC
// keeps for the rest of the run): extraction is most of a run's time and
// garbage, and a 66 MB corpus, whose program and rules weigh more per
// input MB than the 100 MB corpus's, held to 10% of live through it
// peaked at 3.1 MiB per input MB for 45 collections where it had 9. The
// later stages are short and allocate less: the 100 MB corpus's checks
// run at 10% of live. Without rss (not Linux) the limit is the budget.
func memoryLimit(budget, rss, mapped, overhead, live uint64, early bool) uint64 {
	l := budget
	if rss > 0 {
		l = budget + mapped - min(budget+mapped, rss)
	}
	least := overhead + live + live/10
	if early && least > l || least > l+budget/20 {
		return math.MaxUint64
	}
	return max(l, least) &^ (1<<20 - 1)
}

// residentBytes is the process's resident memory (0: not known).
func residentBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	var pages uint64
	for _, c := range f[1] {
		if c < '0' || c > '9' {
			return 0
		}
		pages = pages*10 + uint64(c-'0')
	}
	return pages * uint64(os.Getpagesize())
}

// heapGoalMax is the largest heap the collector let the run grow to before
// it collected, as tuneGC saw it; heapCeiling, once holdHeap set it, the
// heap the rest of the run stays within (0: none).
var heapGoalMax, heapCeiling atomic.Uint64

// holdHeap, after extraction, keeps the rest of the run within the heap
// extraction was let grow to. Extraction is most of a run's time and of
// its garbage, and its heap at the end (all the claims, and the collector's
// headroom over them) was a large run's peak but for the stages after it,
// which hold more (the checks' index, scopes and findings) and so were let
// grow past it by as much headroom again, though they allocate a fraction
// of what extraction does: a few more collections in short stages, where
// the 100 MB corpus's peak was theirs. A small run is not affected: its
// later stages hold less than extraction's headroom.
func holdHeap() {
	if os.Getenv("GOGC") != "" {
		return
	}
	tuneGC()
	heapCeiling.Store(heapGoalMax.Load())
	tuneGC()
}

// lastGCPercent is the setting tuneGC made last (0: none yet).
var lastGCPercent atomic.Int32

// gcPercent is the collector's setting for a run that holds live bytes
// (0: none collected yet): the headroom of tuneGC, in steps of 5%, within
// 10% and 2400%; with a ceiling (see holdHeap), no more than it takes to
// stay within it, but 32 MB at least.
func gcPercent(live, ceiling uint64) int {
	if live == 0 {
		return 2400 // the runtime's first collection at 4 MB times 24
	}
	headroom := uint64(96 << 20)
	if live > 256<<20 {
		headroom -= min((live-256<<20)/4, 32<<20)
	}
	if ceiling > 0 && live+headroom > ceiling {
		headroom = max(32<<20, ceiling-min(ceiling, live))
	}
	p := min(headroom*100/live, 2400) / 5 * 5
	return int(max(p, 10))
}

// collectBetween collects between two stages (after extraction) of a run
// that held 48 MB or more at the last collection, if 16 MB or more were
// allocated since: what the stage before let go (extraction's batches, the
// mentions once the context stage read them, the index and scopes once the
// checks did) is then memory the next stage reuses, where the collector
// would have let the next stage's garbage pile up on top of it. The 20 MB
// corpus peaked at 160-172 MiB, now 122-127, the time of a collection or
// two of 60 MB. A smaller run is left alone: its collections are what its
// timing was tuned to (the 10 MB corpus holds about 30 MB), and its peak
// is the headroom's. GOGC in the environment wins.
func collectBetween() {
	if os.Getenv("GOGC") != "" {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return
	}
	if collectNow(s[0].Value.Uint64(), s[1].Value.Uint64()) {
		runtime.GC()
		tuneGC()
	}
}

// collectNow says whether a run that held live bytes at the last
// collection and holds held bytes of objects now collects between stages.
func collectNow(live, held uint64) bool { return live >= 48<<20 && held >= live+16<<20 }
