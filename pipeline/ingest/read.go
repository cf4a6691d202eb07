package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Options are how Read reads.
type Options struct {
	Format   string            // read every input as this format ("": by extension and content)
	Stdin    io.Reader         // standard input, for "-"
	Report   func(Problem)     // every warning, with its file and line
	Progress func(n int64)     // bytes read so far, after each file (may be nil)
	Done     func(file string) // called after each file (may be nil)
}

// Read lists and reads paths as a run does (see List and ReadInputs), with
// standard input for "-": for tools and tests.
func Read(paths []string, format string, report func(Problem)) ([]pipeline.Source, Stats, error) {
	in, err := List(paths, nil, report)
	if err != nil {
		return nil, Stats{}, err
	}
	return ReadInputs(in, Options{Format: format, Stdin: os.Stdin, Report: report})
}

// ReadInputs reads every input and returns the sources in input order, with ids
// from their file and text (see pipeline.IDs), duplicates marked. Every record either becomes a source or is reported
// as skipped, so that Stats.Read = Stats.Sources + Stats.Skipped counts
// the records the inputs hold (a test per reader holds each to it).
func ReadInputs(inputs []Input, opt Options) ([]pipeline.Source, Stats, error) {
	forced := Readers[opt.Format]
	if opt.Format != "" && forced == nil {
		return nil, Stats{}, fmt.Errorf("unknown input format %q (valid: %s)", opt.Format, strings.Join(formatNames(), ", "))
	}
	report := opt.Report
	if report == nil {
		report = func(Problem) {}
	}
	var all []pipeline.Source
	ids := pipeline.NewIDs("h-")
	st := Stats{Why: map[string]int{}}
	count := func(p Problem) {
		if p.Skipped {
			st.Skipped++
			why, _, _ := strings.Cut(strings.TrimPrefix(p.Msg, "skipped: "), ":")
			st.Why[why]++
		}
		report(p)
	}
	var done int64
	for _, in := range inputs {
		data, err := load(in, opt.Stdin)
		if err != nil {
			if in.Given {
				return nil, st, err
			}
			count(Problem{File: in.Name, Msg: "skipped: cannot read: " + cause(err), Skipped: true})
			continue
		}
		st.Files++
		done += int64(len(data))
		if opt.Progress != nil {
			opt.Progress(done)
		}
		all = appendFile(all, readOne(in.Name, data, forced, count), ids)
	}
	markDuplicates(all)
	st.Sources = len(all)
	st.Read = st.Sources + st.Skipped
	return all, st, nil
}

// readOne reads one file's bytes with the forced reader, or the one its
// name and content call for. The bytes are the reader's to keep: nothing
// writes to them afterwards.
func readOne(name string, data []byte, forced Reader, report func(Problem)) []pipeline.Source {
	data, ok := clean(name, data, report)
	if !ok {
		return nil
	}
	r := forced
	if r == nil {
		r = Sniff(name, data)
	}
	if r == nil {
		r = Text{}
	}
	var src []pipeline.Source
	if k, ok := r.(keeper); ok {
		src = k.readKept(name, data, report) // data is this file's own, read by load or clean
	} else {
		src = r.Read(name, data, report)
	}
	setLangs(src)
	fileLang(src)
	return src
}

// load reads one input whole: a regular file (opened without waiting, see
// openRegular), standard input, or a pipe the shell opened for us.
func load(in Input, stdin io.Reader) ([]byte, error) {
	if in.Path == "-" {
		if stdin == nil {
			return nil, errors.New("standard input: not available")
		}
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return data, nil
	}
	var f *os.File
	var err error
	if in.Stream {
		f, err = os.Open(in.Path) // has a writer: the open does not wait
	} else {
		f, err = openRegular(in.Path)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, in.Size+1) // +1: ReadAll sees the end without growing
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// errNotRegular is a path that was a regular file when listed and is
// something else when opened.
var errNotRegular = errors.New("not a regular file")

func mustBeRegular(f *os.File) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "open", Path: f.Name(), Err: errNotRegular}
	}
	return nil
}
