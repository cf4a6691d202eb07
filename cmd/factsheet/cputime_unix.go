//go:build unix

package main

import (
	"runtime"
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used so far (user and system),
// and its page faults, so that the debug log shows how many cores each
// stage kept busy and how much fresh memory it took (a fault costs a few
// microseconds of system time).
func cpuTime() (time.Duration, int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), ru.Minflt
}

// peakRSS is the most memory the process has held, in bytes.
func peakRSS() uint64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return uint64(ru.Maxrss) // bytes there
	}
	return uint64(ru.Maxrss) * 1024
}
