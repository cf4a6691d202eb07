// Command mutcache is the -toolexec of scripts/mutation.sh: it runs each Go
// tool as asked, but serves a compile from its own cache when the compile's
// inputs are the same as before, comparing what the compiler reads of each
// import (its export data), not the whole archive as go does.
//
// Why: a mutant changes a function body of one package. go test then
// compiles that package again, and also every package that imports it in
// the test binary (the external tests, pipeline/ingest, rules), because go
// keys a compile on the whole archive of each import, object code included.
// The compiler reads only an import's export data, which a changed body
// leaves as it was (with -l nothing is inlined; generic bodies, the only
// ones left in it, change it, and are then compiled again): the
// recompiled importers come out byte for byte as before, save the build ID
// that go writes into them. That work was a sixth of a pipeline mutant's
// CPU and a tenth of a rules one.
//
// A compile is served from the cache only if its arguments (the go
// command's work directory aside), the content of its Go files and the
// export data of every package in its import configuration are those of
// the cached compile; the cached archive gets the build ID go asked for.
// The mutated package (MUTCACHE_SKIP, its import path) is never cached: its
// sources change with every mutant. Anything else the compiler would read
// (assembly, embedded files) makes the compile run as usual.
//
//	GOFLAGS=-toolexec=/path/to/mutcache MUTCACHE_DIR=dir MUTCACHE_SKIP=import/path go test ./pkg
//
// MUTCACHE_SKIP may list several import paths, space-separated. Without
// MUTCACHE_DIR every tool just runs. MUTCACHE_GOGC sets GOGC for the
// compiler and the linker (mutation.sh: off, as they are short-lived).
// MUTCACHE_LOG names a file to which each hit and miss is appended; with
// MUTCACHE_VERIFY set, a hit is compiled anyway, and logged as "verified"
// if the compiler made the archive the cache holds, "MISMATCH" if not.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: mutcache TOOL ARGS... (as go's -toolexec)")
		os.Exit(2)
	}
	tool, args := os.Args[1], os.Args[2:]
	dir := os.Getenv("MUTCACHE_DIR")
	if dir != "" && filepath.Base(tool) == "compile" {
		if c, ok := newCompile(tool, args); ok && !slices.Contains(strings.Fields(os.Getenv("MUTCACHE_SKIP")), c.pkg) && c.pkg != "main" {
			if key, err := c.key(); err == nil {
				os.Exit(c.cached(dir, key))
			}
		}
	}
	os.Exit(run(tool, args))
}

// run runs the tool and returns its exit status.
func run(tool string, args []string) int {
	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if gogc := os.Getenv("MUTCACHE_GOGC"); gogc != "" {
		if t := filepath.Base(tool); t == "compile" || t == "link" {
			cmd.Env = append(os.Environ(), "GOGC="+gogc)
		}
	}
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	fmt.Fprintln(os.Stderr, "mutcache:", err)
	return 1
}

// compile is one invocation of the compiler, as far as the cache needs it.
type compile struct {
	tool, pkg, out, buildID, importcfg, work string
	args                                     []string
}

// newCompile reads a compile's arguments; ok is false for the invocations
// the cache leaves alone (the version query, assembly, embedded files,
// coverage).
func newCompile(tool string, args []string) (c compile, ok bool) {
	c = compile{tool: tool, args: args}
	for i := 0; i < len(args); i++ {
		val := func() string {
			if i+1 < len(args) {
				return args[i+1]
			}
			return ""
		}
		switch args[i] {
		case "-o":
			c.out = val()
		case "-p":
			c.pkg = val()
		case "-buildid":
			c.buildID = val()
		case "-importcfg":
			c.importcfg = val()
		case "-symabis", "-asmhdr", "-embedcfg", "-coveragecfg", "-pgoprofile":
			return c, false
		}
		if strings.HasPrefix(args[i], "-V") {
			return c, false
		}
	}
	if c.out == "" || c.pkg == "" || c.buildID == "" || c.importcfg == "" {
		return c, false
	}
	// The go command's work directory: $WORK/b001/_pkg_.a.
	c.work = filepath.Dir(filepath.Dir(c.out))
	return c, true
}

// key hashes everything the compile reads.
func (c compile) key() (string, error) {
	h := sha256.New()
	st, err := os.Stat(c.tool)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "tool %s %d %d\n", c.tool, st.Size(), st.ModTime().UnixNano())
	for _, v := range []string{"GOOS", "GOARCH", "GOAMD64", "GOEXPERIMENT", "GODEBUG", "GOROOT"} {
		fmt.Fprintf(h, "env %s=%s\n", v, os.Getenv(v))
	}
	for i := 0; i < len(c.args); i++ {
		a := c.args[i]
		switch a {
		case "-o", "-buildid", "-importcfg":
			i++ // their values are the cache's business (out, build ID) or hashed below
			continue
		}
		fmt.Fprintf(h, "arg %s\n", strings.ReplaceAll(a, c.work, "$WORK"))
		if strings.HasSuffix(a, ".go") && !strings.HasPrefix(a, "-") {
			if err := hashFile(h, a); err != nil {
				return "", err
			}
		}
	}
	cfg, err := os.ReadFile(c.importcfg)
	if err != nil {
		return "", err
	}
	sc := bufio.NewScanner(bytes.NewReader(cfg))
	for sc.Scan() {
		line := sc.Text()
		path, file, ok := strings.Cut(strings.TrimPrefix(line, "packagefile "), "=")
		if !ok || !strings.HasPrefix(line, "packagefile ") {
			fmt.Fprintf(h, "cfg %s\n", line)
			continue
		}
		exp, err := exportData(file)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "import %s %x\n", path, sha256.Sum256(exp))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(h io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(h, "file %s\n", name)
	_, err = io.Copy(h, f)
	return err
}

// exportData returns the first member of a Go archive, __.PKGDEF, without
// its build ID line: the export data, all the compiler reads of an import.
func exportData(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var hdr [8 + 60]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if string(hdr[:8]) != "!<arch>\n" || strings.TrimSpace(string(hdr[8:24])) != "__.PKGDEF" {
		return nil, fmt.Errorf("%s: not a Go archive", name)
	}
	var size int64
	if _, err := fmt.Sscan(string(hdr[8+48:8+58]), &size); err != nil {
		return nil, fmt.Errorf("%s: member size: %w", name, err)
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if i := bytes.Index(data, []byte("\nbuild id \"")); i >= 0 {
		if j := bytes.IndexByte(data[i+1:], '\n'); j >= 0 {
			data = append(data[:i+1:i+1], data[i+1+j+1:]...)
		}
	}
	return data, nil
}

// cached serves the compile from dir if it holds key, or runs it and keeps
// its archive there; it returns the exit status. An entry is the build ID
// the compiler wrote into the archive, a newline, and the archive as the
// compiler left it (before go writes the content ID into it), so that a
// later compile can have its own build ID put in.
func (c compile) cached(dir, key string) int {
	entry := filepath.Join(dir, key)
	if e, err := os.ReadFile(entry); err == nil {
		id, a, ok := bytes.Cut(e, []byte("\n"))
		if ok && len(id) == len(c.buildID) && bytes.Contains(a, id) {
			a = bytes.ReplaceAll(a, id, []byte(c.buildID))
			if os.Getenv("MUTCACHE_VERIFY") != "" {
				return c.verify(a, key)
			}
			if err := os.WriteFile(c.out, a, 0o666); err == nil {
				logf("hit %s %s", c.pkg, key[:12])
				return 0
			}
		}
	}
	logf("miss %s %s", c.pkg, key[:12])
	status := run(c.tool, c.args)
	if status != 0 {
		return status
	}
	if a, err := os.ReadFile(c.out); err == nil && bytes.Contains(a, []byte(c.buildID)) && !strings.Contains(c.buildID, "\n") {
		_ = os.MkdirAll(dir, 0o777)
		_ = put(entry, append([]byte(c.buildID+"\n"), a...))
	}
	return 0
}

// put writes a file whole or not at all (two workers may write one entry).
func put(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// logf appends a line to the file MUTCACHE_LOG names, if any.
func logf(format string, args ...any) {
	name := os.Getenv("MUTCACHE_LOG")
	if name == "" {
		return
	}
	if f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o666); err == nil {
		fmt.Fprintf(f, format+"\n", args...)
		f.Close()
	}
}

// verify runs the compile the cache would serve, and logs whether its
// archive is the one the cache holds (MUTCACHE_VERIFY, for testing mutcache).
func (c compile) verify(cached []byte, key string) int {
	status := run(c.tool, c.args)
	a, err := os.ReadFile(c.out)
	if status == 0 && err == nil && bytes.Equal(a, cached) {
		logf("verified %s %s", c.pkg, key[:12])
	} else {
		logf("MISMATCH %s %s", c.pkg, key[:12])
	}
	return status
}
