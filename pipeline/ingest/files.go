package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Input is one file to read.
type Input struct {
	Path   string // as found; "-" for standard input
	Name   string // as the reports name it: Path, or "<stdin>"
	Size   int64  // bytes, when known before reading (0 for a stream)
	Given  bool   // named on the command line, not found in a directory
	Stream bool   // a pipe the shell opened, as in <(cmd)
}

// Stdin is the name standard input goes by in reports and messages.
const Stdin = "<stdin>"

// SkipFunc says why a path is not to be read ("" reads it): the run's
// own output directory, a directory of reports. dir tells a directory;
// expected makes the skip a note rather than a warning.
type SkipFunc func(path string, dir bool) (why string, expected bool)

// Files expands the paths into input files as List does, without a skip
// function, and returns their paths ("-" for standard input).
func Files(paths []string, report func(Problem)) ([]string, error) {
	in, err := List(paths, nil, report)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(in))
	for i, f := range in {
		out[i] = f.Path
	}
	return out, nil
}

// List expands the paths (files, directories, "-" for standard input)
// into input files in a stable order. Only regular files and directories
// are read: a named pipe, socket or device is skipped with a warning and
// never opened (opening a pipe waits for a writer). Directories are walked
// through symbolic links, a link back into a directory being walked is
// skipped with a warning, and so is an entry that cannot be read. A path
// given on the command line that does not exist or cannot be opened is an
// error, found before any input is read.
func List(paths []string, skip SkipFunc, report func(Problem)) ([]Input, error) {
	if report == nil {
		report = func(Problem) {}
	}
	w := walker{skip: skip, report: report, seen: map[string]bool{}}
	if w.skip == nil {
		w.skip = func(string, bool) (string, bool) { return "", false }
	}
	stdin := false
	for _, p := range paths {
		if p == "-" || p == "/dev/stdin" {
			if stdin {
				return nil, errors.New("standard input (-) is named twice")
			}
			stdin = true
			w.out = append(w.out, Input{Path: "-", Name: Stdin, Given: true})
			continue
		}
		if err := w.given(p); err != nil {
			return nil, err
		}
	}
	return w.out, nil
}

type walker struct {
	skip   SkipFunc
	report func(Problem)
	seen   map[string]bool // real paths of the directories walked
	out    []Input
}

// given adds a path named on the command line.
func (w *walker) given(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%s: %s", p, cause(err))
	}
	switch {
	case fi.IsDir():
		if w.skipped(p, true) {
			return nil
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			return err
		}
		w.dir(p, real)
	case fi.Mode().IsRegular():
		if w.skipped(p, false) {
			return nil
		}
		f, err := openRegular(p)
		if err != nil {
			return fmt.Errorf("%s: %s", p, cause(err))
		}
		f.Close()
		w.out = append(w.out, Input{Path: p, Name: p, Size: fi.Size(), Given: true})
	case isStream(p, fi):
		w.out = append(w.out, Input{Path: p, Name: p, Given: true, Stream: true})
	default:
		w.report(Problem{File: p, Msg: "skipped: " + special(fi.Mode())})
	}
	return nil
}

// skipped asks skip about a path and reports a skip.
func (w *walker) skipped(path string, dir bool) bool {
	why, expected := w.skip(path, dir)
	if why != "" {
		w.report(Problem{File: path, Msg: "skipped: " + why, Info: expected})
	}
	return why != ""
}

// isStream is a pipe the shell opened for us, as in `factsheet run <(cmd)`:
// it has a writer, so it is read like standard input.
func isStream(p string, fi fs.FileInfo) bool {
	return fi.Mode()&fs.ModeNamedPipe != 0 && (strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/self/fd/"))
}

// dir walks directory p, whose real path (symbolic links resolved) is real.
func (w *walker) dir(p, real string) {
	if w.seen[real] {
		return
	}
	w.seen[real] = true
	entries, err := os.ReadDir(p)
	if err != nil {
		w.report(Problem{File: p, Msg: "skipped: cannot read the directory: " + cause(err)})
		return
	}
	for _, e := range entries { // ReadDir sorts by name: a stable order
		path := filepath.Join(p, e.Name())
		if strings.HasPrefix(e.Name(), ".") && e.IsDir() {
			continue // .git, .obsidian and our own temporary directories
		}
		w.entry(path, real, e)
	}
}

// entry adds one directory entry: a file, a directory (walked), or a
// symbolic link to either.
func (w *walker) entry(path, parentReal string, e fs.DirEntry) {
	fi, err := os.Stat(path) // through links
	if err != nil {
		switch {
		case errors.Is(err, syscall.ELOOP):
			w.report(Problem{File: path, Msg: "skipped: a symbolic link loop"})
		case e.Type()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist):
			w.report(Problem{File: path, Msg: "skipped: a broken symbolic link"})
		default:
			w.report(Problem{File: path, Msg: "skipped: cannot read: " + cause(err)})
		}
		return
	}
	switch {
	case fi.IsDir():
		w.subdir(path, parentReal, e)
	case fi.Mode().IsRegular():
		if w.skipped(path, false) {
			return
		}
		if ForPath(path) == nil && !sniffable(path) {
			w.report(Problem{File: path, Msg: "skipped: unknown file type"})
			return
		}
		w.out = append(w.out, Input{Path: path, Name: path, Size: fi.Size()})
	default:
		w.report(Problem{File: path, Msg: "skipped: " + special(fi.Mode())})
	}
}

func (w *walker) subdir(path, parentReal string, e fs.DirEntry) {
	real := filepath.Join(parentReal, e.Name())
	if e.Type()&fs.ModeSymlink != 0 {
		r, err := filepath.EvalSymlinks(path)
		if err != nil {
			w.report(Problem{File: path, Msg: "skipped: cannot read: " + cause(err)})
			return
		}
		real = r
		if within(parentReal, real) {
			w.report(Problem{File: path, Msg: "skipped: a symbolic link loop (it leads back to " + real + ")"})
			return
		}
		if w.seen[real] {
			w.report(Problem{File: path, Msg: "skipped: a link to a directory already read (" + real + ")"})
			return
		}
	}
	if w.skipped(path, true) {
		return
	}
	w.dir(path, real)
}

// within reports whether dir is ancestor or the same as of path (both real).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// special names a file that is neither regular nor a directory.
func special(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file"
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case m&fs.ModeDevice != 0:
		return "a device, not a regular file"
	}
	return fmt.Sprintf("not a regular file (%v)", m.Type())
}

// cause is an error's last part, without the path the message already has.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// sniffable reports a file without a known extension whose content names
// its format (My Clippings, a CSV export saved without extension).
func sniffable(path string) bool {
	f, err := openRegular(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := f.Read(head)
	return Sniff(path, head[:n]) != nil
}
