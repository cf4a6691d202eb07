package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 2400}, {1 << 20, 2400}, {10 << 20, 960}, {48 << 20, 200}, {64 << 20, 150}, {128 << 20, 75},
		{200 << 20, 45}, {256 << 20, 35}, {320 << 20, 25}, {384 << 20, 15}, {4 << 30, 10},
	} {
		if got := gcPercent(c.live, 0); got != c.want {
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

// Held under a ceiling (the heap extraction grew to), a stage collects
// when it would pass it, with 32 MB of headroom at least; under the
// ceiling, or with none, the headroom is tuneGC's.
func TestGCPercentUnderCeiling(t *testing.T) {
	for _, c := range []struct {
		name          string
		live, ceiling uint64
		want          int
	}{
		{"no ceiling", 200 << 20, 0, 45},
		{"far under it", 100 << 20, 400 << 20, 95},                    // 96 MB of headroom, as without
		{"the checks of the 100 MB corpus", 253 << 20, 331 << 20, 30}, // 78 MB left, not 95
		{"the reports of the 100 MB corpus", 273 << 20, 331 << 20, 20},
		{"at the ceiling", 320 << 20, 331 << 20, 10}, // 32 MB at least
		{"past it", 400 << 20, 331 << 20, 10},        // 32 MB at least: 8%, and 10% is the floor
		{"a small run", 30 << 20, 126 << 20, 320},    // its later stages hold less than extraction's headroom
	} {
		if got := gcPercent(c.live, c.ceiling); got != c.want {
			t.Errorf("%s: %d MB live under %d MB: %d%%, want %d%%", c.name, c.live>>20, c.ceiling>>20, got, c.want)
		}
	}
}

// A run held to a budget of resident memory gets a memory limit of the
// budget, corrected by what is resident and what the runtime has mapped,
// with 10% of what it holds as headroom at least, and none once it holds
// more than the budget.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		name                                string
		budget, rss, mapped, overhead, live uint64
		early                               bool
		want                                uint64
	}{
		{"not known resident: the budget", 304 * mib, 0, 250 * mib, 10 * mib, 200 * mib, true, 304 * mib},
		{"the program's code resident", 304 * mib, 280 * mib, 264 * mib, 10 * mib, 235 * mib, true, 288 * mib},
		{"pages mapped but not written", 304 * mib, 250 * mib, 264 * mib, 10 * mib, 200 * mib, true, 318 * mib},
		{"the checks of the 100 MB corpus: 10% headroom", 304 * mib, 300 * mib, 284 * mib, 13 * mib, 260 * mib, false, 299 * mib},
		{"the same during extraction: none", 304 * mib, 300 * mib, 284 * mib, 13 * mib, 260 * mib, true, math.MaxUint64},
		{"10% over what it holds passes the budget by 5%: none", 195 * mib, 190 * mib, 175 * mib, 12 * mib, 169 * mib, false, math.MaxUint64},
		{"and by less", 195 * mib, 190 * mib, 175 * mib, 12 * mib, 160 * mib, false, 188 * mib},
		{"more than the budget: none", 30 * mib, 60 * mib, 50 * mib, 5 * mib, 35 * mib, false, math.MaxUint64},
		{"whole MiB", 304*mib + 5, 0, 0, 0, 0, true, 304 * mib},
	} {
		if got := memoryLimit(c.budget, c.rss, c.mapped, c.overhead, c.live, c.early); got != c.want {
			t.Errorf("%s: %d MiB, want %d MiB", c.name, got/mib, c.want/mib)
		}
	}
}

// Only a large input is held to a budget; GOGC or GOMEMLIMIT in the
// environment wins.
func TestBudgetRSS(t *testing.T) {
	defer func() { rssBudget.Store(0); lastLimit.Store(0); debug.SetMemoryLimit(math.MaxInt64) }()
	for _, c := range []struct {
		name  string
		env   string
		input int64
		want  uint64
	}{
		{"10 MB", "", 10e6, 0},
		{"100 MB", "", 100e6, 309300000},
		{"GOGC", "GOGC", 100e6, 0},
		{"GOMEMLIMIT", "GOMEMLIMIT", 100e6, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			rssBudget.Store(0)
			if c.env != "" {
				t.Setenv(c.env, "100")
			}
			budgetRSS(c.input)
			if got := rssBudget.Load(); got != c.want {
				t.Errorf("budget %d, want %d", got, c.want)
			}
		})
	}
}

// A memory limit another part of the run set (the workbook's writer, while
// it writes) stays while it is set; the budget's is set again after.
func TestKeepBudgetLeavesAnotherLimit(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the collector is left alone")
	}
	defer func() { rssBudget.Store(0); lastLimit.Store(0); debug.SetMemoryLimit(math.MaxInt64) }()
	rssBudget.Store(1 << 40)
	lastLimit.Store(1 << 39)
	debug.SetMemoryLimit(3 << 30) // another's
	tuneGC()
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Fatalf("limit %d, want another's %d", got, int64(3<<30))
	}
	debug.SetMemoryLimit(1 << 39) // restored
	tuneGC()
	if got := debug.SetMemoryLimit(-1); got == 1<<39 || got == 3<<30 {
		t.Fatalf("limit %d, want the budget's", got)
	}
}
