package main

// The fault-injection suite (go test ./... -run Fault): each test runs
// factsheet in a child process (this test binary, re-executed: see
// TestMain), does something bad to it (a named pipe, a signal at each
// stage, a full disk, a second run at once, a symbolic link loop) and
// checks what the user is promised: the previous reports are byte for
// byte as they were, no temporary file is left, and the exit status and
// message are the documented ones. The child says where it is on stderr
// ("AT stage"), so that a test waits on a pipe, never on a sleep.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the command line instead of the tests when a fault test
// starts this binary as its child.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("FAULT_CHILD_ARGS"); ok {
		pause := os.Getenv("FAULT_PAUSE_AT")
		atStage = func(stage string) {
			fmt.Fprintln(os.Stderr, "AT "+stage)
			if stage == pause {
				select {} // until a signal ends the process
			}
		}
		os.Exit(execute(strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// faultTimeout bounds every wait: generous, for a loaded 2-core machine.
const faultTimeout = 2 * time.Minute

type child struct {
	t     *testing.T
	cmd   *exec.Cmd
	lines chan string
	seen  []string
	done  chan struct{}
	code  int
}

// startChild starts factsheet with args in dir, its TMPDIR a directory of
// its own, pausing at stage pause ("" runs through).
func startChild(t *testing.T, dir string, stdin io.Reader, pause string, args ...string) *child {
	t.Helper()
	tmp := filepath.Join(dir, "tmpdir")
	os.MkdirAll(tmp, 0o755)
	cmd := exec.Command(os.Args[0])
	cmd.Dir = dir
	cmd.Stdin = stdin
	cmd.Env = append(os.Environ(), "FAULT_CHILD_ARGS="+strings.Join(args, "\x1f"), "FAULT_PAUSE_AT="+pause, "TMPDIR="+tmp)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{t: t, cmd: cmd, lines: make(chan string, 1024), done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	t.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			c.cmd.Process.Kill()
			c.cmd.Wait()
		}
	})
	return c
}

// waitFor reads the child's stderr up to a line that starts with prefix.
func (c *child) waitFor(prefix string) {
	c.t.Helper()
	deadline := time.After(faultTimeout)
	for {
		select {
		case l, ok := <-c.lines:
			if !ok {
				c.t.Fatalf("the run ended before %q:\n%s", prefix, strings.Join(c.seen, "\n"))
			}
			c.seen = append(c.seen, l)
			if strings.HasPrefix(l, prefix) {
				return
			}
		case <-deadline:
			c.t.Fatalf("no %q in %v:\n%s", prefix, faultTimeout, strings.Join(c.seen, "\n"))
		}
	}
}

// wait waits for the child to end and returns its exit status and stderr.
func (c *child) wait() (int, []string) {
	c.t.Helper()
	ended := make(chan error, 1)
	go func() {
		for l := range c.lines {
			c.seen = append(c.seen, l)
		}
		ended <- c.cmd.Wait()
	}()
	select {
	case <-ended:
	case <-time.After(faultTimeout):
		c.cmd.Process.Kill()
		c.t.Fatalf("the run did not end in %v:\n%s", faultTimeout, strings.Join(c.seen, "\n"))
	}
	return c.cmd.ProcessState.ExitCode(), c.seen
}

// previous puts a previous run's reports into out and returns a check
// that they are byte for byte the same and that no temporary file is left
// there or in the child's TMPDIR.
func previous(t *testing.T, dir, out string) func() {
	t.Helper()
	os.MkdirAll(filepath.Join(dir, out), 0o755)
	old := map[string][]byte{
		"factsheet.json": []byte("{\n \"sources\": [ the previous run's\n"),
		"factsheet.xlsx": []byte("PK the previous run's workbook"),
	}
	for name, b := range old {
		os.WriteFile(filepath.Join(dir, out, name), b, 0o644)
	}
	return func() {
		t.Helper()
		ents, _ := os.ReadDir(filepath.Join(dir, out))
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		if strings.Join(names, " ") != "factsheet.json factsheet.xlsx" {
			t.Errorf("%s holds %v", out, names)
		}
		for name, b := range old {
			if got, _ := os.ReadFile(filepath.Join(dir, out, name)); !bytes.Equal(got, b) {
				t.Errorf("%s changed: %q…", name, got[:min(len(got), 80)])
			}
		}
		if left, _ := os.ReadDir(filepath.Join(dir, "tmpdir")); len(left) > 0 {
			t.Errorf("temporary files left in TMPDIR: %v", left)
		}
	}
}

// seedInput copies the seed into dir.
func seedInput(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile("../../seeds/ai-compute.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "in.txt"), b, 0o644)
	return "in.txt"
}

func skipShort(t *testing.T) {
	if testing.Short() {
		t.Skip("runs factsheet in child processes")
	}
}

// SIGINT and SIGTERM at each stage end the run at once with 130 or 143
// and one line; the previous reports stay and no temporary file is left.
func TestFaultSignals(t *testing.T) {
	skipShort(t)
	stages := []string{"read", "extract", "context", "link", "check", "write factsheet.xlsx", "commit"}
	for _, stage := range stages {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(stage+"/"+sig.String(), func(t *testing.T) {
				dir := t.TempDir()
				check := previous(t, dir, "out")
				var stdin io.Reader
				input := seedInput(t, dir)
				pause := stage
				if stage == "read" { // standard input that never ends: the run waits in a read
					r, w, _ := os.Pipe()
					t.Cleanup(func() { r.Close(); w.Close() })
					stdin, input, pause = r, "-", ""
				}
				c := startChild(t, dir, stdin, pause, "run", "--format", "json,xlsx", input)
				c.waitFor("AT " + stage)
				c.cmd.Process.Signal(sig)
				code, lines := c.wait()
				want := map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143}[sig]
				name := map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[sig]
				last := lines[len(lines)-1]
				if code != want || last != "factsheet: stopped by "+name+": no report written, out keeps its previous reports" {
					t.Errorf("exit %d, last line %q", code, last)
				}
				for _, l := range lines {
					if strings.Contains(l, "context canceled") {
						t.Errorf("stderr says %q", l)
					}
				}
				check()
			})
		}
	}
}

// With --log-format json the stop is a JSON line too, and every line before it.
func TestFaultSignalJSON(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	check := previous(t, dir, "out")
	c := startChild(t, dir, nil, "check", "run", "--log-format", "json", "--format", "json,xlsx", seedInput(t, dir))
	c.waitFor("AT check")
	c.cmd.Process.Signal(syscall.SIGINT)
	code, lines := c.wait()
	var last map[string]any
	for _, l := range lines {
		if strings.HasPrefix(l, "AT ") {
			continue // the test's own marks
		}
		if err := json.Unmarshal([]byte(l), &last); err != nil {
			t.Errorf("not JSON: %q", l)
		}
	}
	if code != 130 || last["level"] != "error" || last["message"] != "stopped by SIGINT: no report written, out keeps its previous reports" {
		t.Errorf("exit %d, last %v", code, last)
	}
	check()
}

// A signal while a large workbook is being written removes the half
// written file with the rest.
func TestFaultSignalInWorkbook(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	check := previous(t, dir, "out")
	// Rows of long text make a workbook that takes a while to write.
	var b strings.Builder
	word := strings.Repeat("lorem ipsum dolor sit amet ", 40)
	for i := 0; b.Len() < 18<<20; i++ {
		fmt.Fprintf(&b, "%s %d\n", word, i)
	}
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte(b.String()), 0o644)
	c := startChild(t, dir, nil, "", "run", "--checks=false", "--format", "xlsx", "big.txt")
	c.waitFor("AT write factsheet.xlsx")
	deadline := time.Now().Add(faultTimeout)
	for {
		found, _ := filepath.Glob(filepath.Join(dir, "out", ".factsheet-tmp-*", "factsheet.xlsx"))
		if len(found) > 0 {
			if st, err := os.Stat(found[0]); err == nil && st.Size() > 0 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the workbook was never being written")
		}
		time.Sleep(20 * time.Millisecond) // polling for a file: nothing to wait on
	}
	c.cmd.Process.Signal(syscall.SIGTERM)
	if code, lines := c.wait(); code != 143 {
		t.Errorf("exit %d: %s", code, lines[len(lines)-1])
	}
	check()
}

// A named pipe, given or in a directory, is skipped with a warning: the
// run neither waits for a writer nor fails.
func TestFaultFIFO(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "d"), 0o755)
	seedInput(t, filepath.Join(dir, "d"))
	for _, p := range []string{"p.txt", "d/q.txt"} {
		if err := syscall.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
			t.Skip(err)
		}
	}
	c := startChild(t, dir, nil, "", "run", "--format", "json", "p.txt", "d")
	code, lines := c.wait()
	all := strings.Join(lines, "\n")
	if code != 0 || !strings.Contains(all, "p.txt: skipped: a named pipe (FIFO), not a regular file") ||
		!strings.Contains(all, "d/q.txt: skipped: a named pipe (FIFO)") || lines[len(lines)-1] != "52 sources, 48 claims, 4 inconsistent findings" {
		t.Errorf("exit %d:\n%s", code, all)
	}
}

// Two runs into one --out: the second fails at once with a clear message,
// or with --wait waits; the reports in place are one run's set.
func TestFaultConcurrentRuns(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	seedInput(t, dir)
	os.WriteFile(filepath.Join(dir, "other.txt"), []byte("Over 60% of the GPUs.\n"), 0o644)
	first := startChild(t, dir, nil, "extract", "run", "--format", "json,md", "in.txt")
	first.waitFor("AT extract")
	second := startChild(t, dir, nil, "", "run", "--format", "json,md", "other.txt")
	if code, lines := second.wait(); code != exitError || lines[len(lines)-1] != "factsheet: out: another factsheet run is writing its reports there; wait for it with --wait, or choose another --out" {
		t.Errorf("second run: exit %d: %v", code, lines)
	}
	waiting := startChild(t, dir, nil, "", "run", "--wait", "--format", "json,md", "other.txt")
	waiting.waitFor("INF waiting for another factsheet run")
	first.cmd.Process.Signal(syscall.SIGTERM)
	if code, _ := first.wait(); code != 143 {
		t.Errorf("first run: exit %d", code)
	}
	if code, lines := waiting.wait(); code != 0 || lines[len(lines)-1] != "1 sources, 1 claims, 0 inconsistent findings" {
		t.Errorf("waiting run: exit %d: %v", code, lines)
	}
	// Now two at once, both waiting: each writes a whole set in turn.
	a := startChild(t, dir, nil, "", "run", "--wait", "--format", "json,md", "in.txt")
	b := startChild(t, dir, nil, "", "run", "--wait", "--format", "json,md", "other.txt")
	ca, _ := a.wait()
	cb, _ := b.wait()
	js, _ := os.ReadFile(filepath.Join(dir, "out", "factsheet.json"))
	md, _ := os.ReadFile(filepath.Join(dir, "out", "factsheet.md"))
	fromJSON := strings.Contains(string(js), `"file":"in.txt"`)
	fromMD := strings.Contains(string(md), "`in.txt`") || strings.Contains(string(md), "in.txt")
	if ca != 0 || cb != 0 || fromJSON != fromMD {
		t.Errorf("exits %d %d; json from in.txt %v, md from in.txt %v", ca, cb, fromJSON, fromMD)
	}
}

// A directory with symbolic link loops is read, each loop skipped with a warning.
func TestFaultSymlinkLoops(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "d/sub"), 0o755)
	seedInput(t, filepath.Join(dir, "d/sub"))
	os.Symlink("..", filepath.Join(dir, "d/sub/up"))
	os.Symlink("loop", filepath.Join(dir, "d/loop"))
	c := startChild(t, dir, nil, "", "run", "--format", "json", "d")
	code, lines := c.wait()
	all := strings.Join(lines, "\n")
	if code != 0 || !strings.Contains(all, "d/loop: skipped: a symbolic link loop") ||
		!strings.Contains(all, "d/sub/up: skipped: a symbolic link loop") || lines[len(lines)-1] != "52 sources, 48 claims, 4 inconsistent findings" {
		t.Errorf("exit %d:\n%s", code, all)
	}
}

// A full disk fails the reports that do not fit, each named, and leaves
// the previous ones and no temporary file. A tmpfs of a few kilobytes is
// the full disk where this test may mount one; elsewhere a file size
// limit (ulimit -f) makes every write past it fail the same way.
func TestFaultFullDisk(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	disk := filepath.Join(dir, "disk")
	os.MkdirAll(disk, 0o755)
	seedInput(t, disk)
	limit := ""
	if err := syscall.Mount("tmpfs", filepath.Join(disk), "tmpfs", 0, "size=512k"); err == nil {
		t.Cleanup(func() { syscall.Unmount(disk, 0) })
		seedInput(t, disk)
		check := previous(t, disk, "out")
		fill(t, filepath.Join(disk, "filler"), 8<<10)
		defer check()
	} else {
		limit = "ulimit -f 64; " // 64 blocks of 512 bytes: 32 kB a file
		defer previous(t, disk, "out")()
	}
	cmd := exec.Command("sh", "-c", limit+`exec "$0" "$@"`, os.Args[0])
	cmd.Dir = disk
	cmd.Env = append(os.Environ(), "FAULT_CHILD_ARGS="+strings.Join([]string{"run", "--format", "json,xlsx", "in.txt"}, "\x1f"), "TMPDIR="+filepath.Join(disk, "tmpdir"))
	os.MkdirAll(filepath.Join(disk, "tmpdir"), 0o755)
	out, _ := cmd.CombinedOutput()
	code := cmd.ProcessState.ExitCode()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var failed []string
	for _, l := range lines {
		if strings.HasPrefix(l, "factsheet: out/") && strings.Contains(l, " not written: ") {
			failed = append(failed, l)
		}
	}
	if code != exitError || len(failed) == 0 {
		t.Errorf("exit %d:\n%s", code, out)
	}
	for _, l := range failed {
		if !strings.Contains(l, "no space left on device") && !strings.Contains(l, "file too large") || !strings.Contains(l, "there is a previous run's") {
			t.Errorf("message %q", l)
		}
	}
}

// fill writes a file until the disk is full, then frees room bytes: room
// for the run to start writing, not for a report.
func fill(t *testing.T, path string, room int64) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4<<10)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	fi, _ := f.Stat()
	f.Truncate(max(0, fi.Size()-room))
}
