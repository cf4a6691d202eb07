package main

import (
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// progress is one line on a terminal's stderr that says what a run longer
// than a second is doing: the stage, how far it is, the rate. Log lines
// pass through it (it is their writer): the line is cleared, the log line
// written, the line drawn again. It is our own rather than a library's:
// those draw from goroutines of their own and hold back or drop log lines
// written before the bar shows, and this one must share stderr with the
// logger and vanish on Ctrl-C.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool // draw at all: stderr is a terminal, no --quiet, no JSON logs
	shown bool // a line is on the screen
	width int

	start      time.Time
	stage      string
	unit       string // "bytes" or "sources"; "" shows no count
	total      int64
	done       atomic.Int64
	stageStart time.Time
	sources    int
	claims     int

	quit chan struct{}
	once sync.Once
}

// progressDelay is how long a run goes before its line shows.
var progressDelay = time.Second

func newProgress(w io.Writer) *progress {
	return &progress{w: w, quit: make(chan struct{})}
}

// Enable says whether the line is drawn, and the terminal's width.
func (p *progress) Enable(on bool, width int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.on, p.width = on, width
}

// Start starts the clock: the line shows a second later.
func (p *progress) Start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.start, p.stageStart = time.Now(), time.Now()
	if p.on {
		go p.loop()
	}
}

func (p *progress) loop() {
	select {
	case <-time.After(progressDelay):
	case <-p.quit:
		return
	}
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		p.mu.Lock()
		p.draw()
		p.mu.Unlock()
		select {
		case <-t.C:
		case <-p.quit:
			return
		}
	}
}

// Stage starts a stage; unit and total say what Set counts.
func (p *progress) Stage(name, unit string, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.unit, p.total, p.stageStart = name, unit, total, time.Now()
	p.done.Store(0)
}

// Set is how far the stage is; safe from any goroutine.
func (p *progress) Set(n int64) { p.done.Store(n) }

// Counter is the stage's count, for a stage that adds to it itself.
func (p *progress) Counter() *atomic.Int64 { return &p.done }

// Counts are the sources and claims so far.
func (p *progress) Counts(sources, claims int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sources, p.claims = sources, claims
}

// Stop clears the line for good.
func (p *progress) Stop() {
	p.once.Do(func() { close(p.quit) })
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	p.on = false
}

// Write writes a log line above the progress line.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	shown := p.shown
	p.clear()
	n, err := p.w.Write(b)
	if shown {
		p.draw()
	}
	return n, err
}

func (p *progress) clear() {
	if p.shown {
		io.WriteString(p.w, "\r\033[K")
		p.shown = false
	}
}

func (p *progress) draw() {
	if !p.on || p.stage == "" {
		return
	}
	line := p.line(time.Now())
	if p.width > 1 && len(line) > p.width-1 {
		line = line[:p.width-1]
	}
	io.WriteString(p.w, "\r"+line+"\033[K")
	p.shown = true
}

// line is the progress line at time now, such as
// "12s extracting: 412,000 of 1,000,000 sources, 190,000/s".
func (p *progress) line(now time.Time) string {
	s := fmt.Sprintf("%ds %s", int(now.Sub(p.start).Seconds()), p.stage)
	done, secs := p.done.Load(), now.Sub(p.stageStart).Seconds()
	switch p.unit {
	case "bytes":
		s += ": " + megabytes(done) + " of " + megabytes(p.total)
		if secs > 0.2 {
			s += ", " + megabytes(int64(float64(done)/secs)) + "/s"
		}
	case "sources":
		s += ": " + thousands(done) + " of " + thousands(p.total) + " sources"
		if secs > 0.2 {
			s += ", " + thousands(int64(float64(done)/secs)) + "/s"
		}
	default:
		if p.sources > 0 {
			s += ": " + thousands(int64(p.sources)) + " sources"
		}
		if p.claims > 0 {
			s += ", " + thousands(int64(p.claims)) + " claims"
		}
	}
	return s
}

func megabytes(n int64) string { return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB" }

// thousands writes n with thousands separators: 1,000,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
