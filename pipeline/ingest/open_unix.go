//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// openRegular opens a regular file for reading without ever waiting: a file
// replaced by a named pipe after it was listed would make a plain open wait
// for a writer, and O_NONBLOCK changes nothing for a regular file's reads.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if err := mustBeRegular(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
