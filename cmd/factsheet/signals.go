package main

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// stopper lets Ctrl-C (SIGINT) or SIGTERM end a run at any stage within a
// moment: whatever the run is doing (reading a pipe, waiting for a lock,
// extracting, writing a workbook), the signal's handler removes the run's
// temporary files, leaves the reports in --out as they were, and the
// process exits 130 or 143 with one line. The run's goroutine is not
// waited for: it may be deep in a library call that never looks at a
// context. Everything the run creates on disk is made through do, so that
// it is either made before the stop and removed by it, or not made at all.
type stopper struct {
	mu       sync.Mutex
	stopped  bool
	cleanups map[int]func()
	next     int
	out      string // the output directory, once known
	written  bool   // the reports were moved into place
}

// do runs f unless the run was stopped; a stop waits for f to finish, so
// that a move of reports into place is never cut in half. After a stop, do
// blocks for good: the process is about to exit.
func (s *stopper) do(f func()) {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		select {}
	}
	defer s.mu.Unlock()
	f()
}

// onStop registers a cleanup (call it inside do) and returns the function
// that runs it now and unregisters it.
func (s *stopper) onStop(f func()) func() {
	if s.cleanups == nil {
		s.cleanups = map[int]func(){}
	}
	id := s.next
	s.next++
	s.cleanups[id] = f
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if g, ok := s.cleanups[id]; ok {
			delete(s.cleanups, id)
			g()
		}
	}
}

// stop runs every cleanup, newest first, and keeps anything else from
// being made. It returns what the user is to be told.
func (s *stopper) stop(sig os.Signal) (code int, msg string) {
	s.mu.Lock() // never unlocked: the process exits
	s.stopped = true
	for id := s.next - 1; id >= 0; id-- {
		if f, ok := s.cleanups[id]; ok {
			f()
		}
	}
	code, name := 130, "SIGINT"
	if sig == syscall.SIGTERM {
		code, name = 143, "SIGTERM"
	}
	msg = "stopped by " + name
	switch {
	case s.written:
		msg += " after the reports were written"
	case s.out != "":
		msg += ": no report written, " + s.out + " keeps its previous reports"
	}
	return code, msg
}

// removeAll removes a directory that another goroutine may still be
// writing into: a file made between RemoveAll's listing and its last
// rmdir fails that rmdir, so it tries again.
func removeAll(dir string) {
	for range 10 {
		os.RemoveAll(dir)
		if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
			return
		}
	}
}
