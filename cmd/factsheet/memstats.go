package main

import (
	"fmt"
	"io"
	"runtime"
	"unsafe"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// memStats, under the hidden --memstats, says after each part of a run
// how much memory is live (after a collection, which costs time: never
// on by default) and, at the end, where the bytes go, per source and per
// claim. scripts/memory.sh runs it on large inputs.
type memStats struct {
	w     io.Writer
	input int64
}

// part logs the live heap after a part of the run and the peak so far.
func (m *memStats) part(what string) {
	if m == nil {
		return
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(m.w, "memstats: %-14s live %7.1f MB  heap in use %7.1f MB  from the OS %7.1f MB  peak RSS %7.1f MB\n",
		what, mb(ms.HeapAlloc), mb(ms.HeapInuse), mb(ms.Sys), mb(peakRSS()))
}

// where prints what the sources and claims of a result hold, per record.
func (m *memStats) where(res *pipeline.Result) {
	if m == nil || res == nil {
		return
	}
	var src, srcOwn, cl, clOwn int64
	src = int64(len(res.Sources)) * int64(unsafe.Sizeof(pipeline.Source{}))
	for i := range res.Sources {
		s := &res.Sources[i]
		srcOwn += int64(len(s.ID())+1) + int64(s.OutOfLine()) // the id and its length, in IDs' slab
	}
	cl = int64(len(res.Claims)) * int64(unsafe.Sizeof(pipeline.Claim{}))
	for i := range res.Claims {
		c := &res.Claims[i]
		clOwn += int64(len(c.ID()) + 1 + len(c.PeriodKey())) // the id and its length; the text is a slice of the source's
		if c.Min != nil {
			clOwn += 8
		}
		if c.Max != nil {
			clOwn += 8
		}
	}
	per := func(n int64, k int) float64 {
		if k == 0 {
			return 0
		}
		return float64(n) / float64(k)
	}
	ns, nc := len(res.Sources), len(res.Claims)
	// The bar of #14 is MiB of RSS (as /usr/bin/time's KiB / 1024) per MB of input.
	rss := float64(peakRSS()) / (1 << 20)
	fmt.Fprintf(m.w, "memstats: input %.1f MB; peak RSS %.1f MiB = %.2f MiB per input MB\n", mb(uint64(m.input)), rss, rss/max(mb(uint64(m.input)), 1e-9))
	fmt.Fprintf(m.w, "memstats: %d sources: %.0f B each (struct %d B, ids and positions %.0f B); text shared with the input\n",
		ns, per(src+srcOwn, ns), unsafe.Sizeof(pipeline.Source{}), per(srcOwn, ns))
	fmt.Fprintf(m.w, "memstats: %d claims: %.0f B each (struct %d B, id and bounds %.0f B; text shared with the source)\n",
		nc, per(cl+clOwn, nc), unsafe.Sizeof(pipeline.Claim{}), per(clOwn, nc))
	fs := res.FindingBytes()
	fmt.Fprintf(m.w, "memstats: sources %.1f MB, claims %.1f MB, %d findings %.1f MB\n", mb(uint64(src+srcOwn)), mb(uint64(cl+clOwn)), res.NumFindings(), mb(uint64(fs)))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	in := max(mb(uint64(m.input)), 1e-9)
	perMB := func(n int64) float64 { return mb(uint64(max(n, 0))) / in }
	live := int64(ms.HeapAlloc)
	rest := live - m.input - (src + srcOwn) - (cl + clOwn) - fs
	fmt.Fprintf(m.w, "memstats: per input MB: live %.2f MB = the input %.2f + sources %.2f + claims %.2f + findings %.2f + the rest %.2f (indexes, symbols, caches); peak RSS %.2f MB (%.2f MiB), of which the collector's headroom and the runtime %.2f MB\n",
		perMB(live), perMB(m.input), perMB(src+srcOwn), perMB(cl+clOwn), perMB(fs), perMB(rest), mb(peakRSS())/in, float64(peakRSS())/(1<<20)/in, mb(peakRSS())/in-perMB(live))
}

func mb(n uint64) float64 { return float64(n) / 1e6 }
