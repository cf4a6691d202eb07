package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// listing returns the names Files finds under dir and the problems it
// reports, with dir cut from both.
func listing(t *testing.T, dir string, skip SkipFunc, paths ...string) ([]string, []string) {
	t.Helper()
	var problems []string
	type result struct {
		in  []Input
		err error
	}
	done := make(chan result, 1)
	go func() {
		in, err := List(paths, skip, func(p Problem) { problems = append(problems, p.String()) })
		done <- result{in, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Files hangs (did it open a named pipe?)")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	var names []string
	for _, in := range r.in {
		names = append(names, strings.TrimPrefix(in.Name, dir+"/"))
	}
	for i := range problems {
		problems[i] = strings.ReplaceAll(problems[i], dir+"/", "")
	}
	return names, problems
}

// Only regular files and directories are read: a named pipe is skipped
// with a warning and never opened, whether named or found in a directory.
func TestFilesSkipSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "d"), 0o755)
	writeFile(t, filepath.Join(dir, "d/a.txt"), "over 60%\n")
	for _, p := range []string{"d/pipe.txt", "named.txt"} {
		if err := syscall.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	names, problems := listing(t, dir, nil, filepath.Join(dir, "named.txt"), filepath.Join(dir, "d"))
	if strings.Join(names, "|") != "d/a.txt" {
		t.Errorf("files %q", names)
	}
	want := "d/pipe.txt: skipped: a named pipe (FIFO), not a regular file|named.txt: skipped: a named pipe (FIFO), not a regular file"
	if got := strings.Join(sorted(problems), "|"); got != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// A directory walk follows symbolic links, skips each loop and broken
// link with a warning, and reads a directory reached twice once.
func TestFilesSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) { os.MkdirAll(filepath.Join(dir, p), 0o755) }
	ln := func(target, p string) {
		if err := os.Symlink(target, filepath.Join(dir, p)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	mk("d/sub")
	writeFile(t, filepath.Join(dir, "d/a.txt"), "1%\n")
	writeFile(t, filepath.Join(dir, "d/sub/b.txt"), "2%\n")
	ln(".", "d/self")             // d itself
	ln("..", "d/sub/up")          // back to d
	ln("self2", "d/self2")        // a link to itself
	ln("nowhere", "d/broken")     // to nothing
	ln("sub", "d/twin")           // a directory read twice
	ln("sub/b.txt", "d/link.txt") // a file: read
	names, problems := listing(t, dir, nil, filepath.Join(dir, "d"))
	if got := strings.Join(names, "|"); got != "d/a.txt|d/link.txt|d/sub/b.txt" {
		t.Errorf("files %q", got)
	}
	real, _ := filepath.EvalSymlinks(dir)
	for i := range problems {
		problems[i] = strings.ReplaceAll(problems[i], real+"/", "")
	}
	want := []string{
		"d/broken: skipped: a broken symbolic link",
		"d/self: skipped: a symbolic link loop (it leads back to d)",
		"d/self2: skipped: a symbolic link loop",
		"d/sub/up: skipped: a symbolic link loop (it leads back to d)",
		"d/twin: skipped: a link to a directory already read (d/sub)",
	}
	if got := strings.Join(problems, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// An entry that cannot be read is skipped with a warning; the walk goes on.
func TestFilesUnreadableEntry(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "d"), 0o755)
	writeFile(t, filepath.Join(dir, "d/a.txt"), "1%\n")
	// a link whose target's name is too long: stat fails, even for root
	if err := os.Symlink(strings.Repeat("x", 300), filepath.Join(dir, "d/long")); err != nil {
		t.Skip(err)
	}
	names, problems := listing(t, dir, nil, filepath.Join(dir, "d"))
	if strings.Join(names, "|") != "d/a.txt" || strings.Join(problems, "|") != "d/long: skipped: cannot read: file name too long" {
		t.Errorf("files %q, problems %q", names, problems)
	}
}

// A directory that cannot be listed is skipped with a warning.
func TestFilesUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "d/locked"), 0o755)
	writeFile(t, filepath.Join(dir, "d/a.txt"), "1%\n")
	os.Chmod(filepath.Join(dir, "d/locked"), 0)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "d/locked"), 0o755) })
	names, problems := listing(t, dir, nil, filepath.Join(dir, "d"))
	if strings.Join(names, "|") != "d/a.txt" || len(problems) != 1 || !strings.Contains(problems[0], "d/locked: skipped: cannot read the directory: permission denied") {
		t.Errorf("files %q, problems %q", names, problems)
	}
}

// The skip function keeps out a run's output and report directories.
func TestFilesSkip(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "in/out"), 0o755)
	writeFile(t, filepath.Join(dir, "in/a.txt"), "1%\n")
	writeFile(t, filepath.Join(dir, "in/out/factsheet.json"), "{}")
	skip := func(path string, isDir bool) (string, bool) {
		if isDir && filepath.Base(path) == "out" {
			return "the output directory", true
		}
		return "", false
	}
	var infos []bool
	in, err := List([]string{filepath.Join(dir, "in")}, skip, func(p Problem) { infos = append(infos, p.Info) })
	if err != nil || len(in) != 1 || len(infos) != 1 || !infos[0] {
		t.Errorf("inputs %v, problems %v, err %v", in, infos, err)
	}
}

// "-" is standard input, once; a path named that does not exist is an
// error that names it.
func TestFilesStdinAndMissing(t *testing.T) {
	in, err := List([]string{"-"}, nil, nil)
	if err != nil || len(in) != 1 || in[0].Name != Stdin || in[0].Path != "-" {
		t.Errorf("%+v %v", in, err)
	}
	if _, err := List([]string{"-", "/dev/stdin"}, nil, nil); err == nil {
		t.Error("standard input twice accepted")
	}
	if _, err := List([]string{"no/such.txt"}, nil, nil); err == nil || err.Error() != "no/such.txt: no such file or directory" {
		t.Errorf("error %v", err)
	}
	src, st, err := ReadInputs([]Input{{Path: "-", Name: Stdin, Given: true}}, Options{Stdin: strings.NewReader("Over 60% of it.\n")})
	if err != nil || len(src) != 1 || src[0].File() != Stdin || st.Files != 1 {
		t.Errorf("%+v %+v %v", src, st, err)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
