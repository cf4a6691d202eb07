//go:build !unix

package main

import "time"

// cpuTime is not measured here; the debug log shows 0.
func cpuTime() time.Duration { return 0 }
