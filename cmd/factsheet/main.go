// Command factsheet audits the statistics quoted in reading highlights.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// A run holds its whole input and result in memory and ends: collecting
	// garbage less often trades a little memory for a lot of time.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
