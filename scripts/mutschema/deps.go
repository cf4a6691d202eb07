package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// goPkg is what `go list -json` says of a package, and whether its tests
// have a TestMain of their own.
type goPkg struct {
	ImportPath, Dir, Name              string
	Imports, TestImports, XTestImports []string
	TestGoFiles, XTestGoFiles          []string
	testMain                           bool
}

// testers are the packages whose tests run a mutated package's code: the
// package itself, then each other package of the module whose code or
// tests import it (pipeline/checktest runs every check's examples through
// pipeline; rules runs every rule's examples through rules/internal/read).
// An importer without tests, one whose tests have a TestMain of their own
// (the hits are written at the end of ours), and those named in skip are
// left out, each with why.
type testers struct {
	of      map[string][]string // mutated dir → the dirs whose test binaries run on its mutants, its own first
	skipped []string            // "dir: why"
}

func findTesters(modPath string, pkgs []goPkg, mutated, skip []string) testers {
	t := testers{of: map[string][]string{}}
	rel := func(p string) string {
		if p == modPath {
			return "."
		}
		return strings.TrimPrefix(p, modPath+"/")
	}
	said := map[string]bool{}
	for _, dir := range mutated {
		t.of[dir] = []string{dir}
		path := modPath + "/" + dir
		for _, p := range pkgs {
			d := rel(p.ImportPath)
			if d == dir || !(contains(p.Imports, path) || contains(p.TestImports, path) || contains(p.XTestImports, path)) {
				continue
			}
			why := ""
			switch {
			case contains(skip, d):
				why = "skipped (-skip)"
			case len(p.TestGoFiles)+len(p.XTestGoFiles) == 0:
				why = "no tests"
			case p.testMain:
				why = "its tests have a TestMain of their own"
			}
			if why == "" {
				t.of[dir] = append(t.of[dir], d)
			} else if !said[d] {
				said[d] = true
				t.skipped = append(t.skipped, d+": "+why)
			}
		}
		sort.Strings(t.of[dir][1:])
	}
	sort.Strings(t.skipped)
	return t
}

// all lists every tester once, the mutated packages first.
func (t testers) all(mutated []string) []string {
	out := append([]string{}, mutated...)
	var more []string
	for _, dir := range mutated {
		for _, d := range t.of[dir][1:] {
			if !contains(out, d) && !contains(more, d) {
				more = append(more, d)
			}
		}
	}
	sort.Strings(more)
	return append(out, more...)
}

var testMainRE = regexp.MustCompile(`(?m)^func TestMain\(`)

// listModule runs `go list -json ./...` in dir and marks the packages whose
// tests have a TestMain.
func listModule(dir string) (string, []goPkg, error) {
	modPath, err := goList(dir, "-m")
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -json ./...: %w", err)
	}
	var pkgs []goPkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p goPkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return "", nil, fmt.Errorf("go list -json ./...: %w", err)
		}
		for _, f := range append(append([]string{}, p.TestGoFiles...), p.XTestGoFiles...) {
			src, err := os.ReadFile(filepath.Join(p.Dir, f))
			if err != nil {
				return "", nil, err
			}
			p.testMain = p.testMain || testMainRE.Match(src)
		}
		pkgs = append(pkgs, p)
	}
	return modPath, pkgs, nil
}
