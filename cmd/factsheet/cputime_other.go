//go:build !unix

package main

import "time"

// cpuTime is not measured here; the debug log shows 0.
func cpuTime() (time.Duration, int64) { return 0, 0 }

// peakRSS is not measured here.
func peakRSS() uint64 { return 0 }
