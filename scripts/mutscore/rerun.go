package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Two things gremlins v0.6.0 gets wrong, set right here.
//
// It skips as "NOT COVERED" every mutant outside a block of Go's coverage
// profile, and a switch's case expressions and package-level initializers
// lie in none, however often the tests run them: rerun tests those
// mutants itself.
//
// It counts a mutant that does not compile as caught: go test exits with
// status 1 on a build failure as on a failed test, and gremlins reads only
// the status. The mutations that cannot compile are + into - on strings
// (a + b, s += t); nonCompiling finds them by type.

// mutated is an operator and what each mutator makes of it.
var mutated = map[string]map[string]string{
	"ARITHMETIC_BASE":       {"+": "-", "-": "+", "*": "/", "/": "*", "%": "*"},
	"CONDITIONALS_BOUNDARY": {">=": ">", ">": ">=", "<=": "<", "<": "<="},
	"CONDITIONALS_NEGATION": {"==": "!=", "!=": "==", ">=": "<", ">": "<=", "<=": ">", "<": ">="},
	"INCREMENT_DECREMENT":   {"++": "--", "--": "++"},
	"INVERT_ASSIGNMENTS":    {"+=": "-=", "-=": "+=", "*=": "/=", "/=": "*=", "%=": "%="},
	"INVERT_LOGICAL":        {"&&": "||", "||": "&&"},
	"INVERT_NEGATIVES":      {"-": "+"},
}

// mutate returns src with the operator at line and column (1-based, in
// bytes) changed as typ changes it.
func mutate(src []byte, line, col int, typ string) ([]byte, error) {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return nil, fmt.Errorf("no line %d", line)
		}
		off += i + 1
	}
	off += col - 1
	ops := mutated[typ]
	if ops == nil || off >= len(src) {
		return nil, fmt.Errorf("cannot apply %s at %d:%d", typ, line, col)
	}
	for _, n := range []int{2, 1} { // the longer operator first: >= before >
		if off+n > len(src) {
			continue
		}
		if to, ok := ops[string(src[off:off+n])]; ok {
			out := append(append(append([]byte(nil), src[:off]...), to...), src[off+n:]...)
			return out, nil
		}
	}
	return nil, fmt.Errorf("no operator of %s at %d:%d: %q", typ, line, col, src[off:min(len(src), off+3)])
}

// outcome is the status a test run gives a mutant.
func outcome(out []byte, err error, ctx context.Context) string {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "TIMED OUT"
	case err == nil:
		return "LIVED"
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return "NOT VIABLE"
	}
	return "KILLED"
}

// rerun tests, in dir (a copy of the module), each mutant of the report
// that gremlins left untested, and sets its status; it returns how many it ran.
func rerun(dir, pkg string, rep *report, timeout time.Duration) (int, error) {
	n := 0
	for fi := range rep.Files {
		f := &rep.Files[fi]
		path := filepath.Join(dir, pkg, f.Name)
		orig, err := os.ReadFile(path)
		if err != nil {
			return n, err
		}
		for mi := range f.Mutations {
			m := &f.Mutations[mi]
			if m.Status != "NOT COVERED" {
				continue
			}
			src, err := mutate(orig, m.Line, m.Column, m.Type)
			if err != nil {
				return n, fmt.Errorf("%s: %w", path, err)
			}
			if err := os.WriteFile(path, src, 0o644); err != nil {
				return n, err
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			cmd := exec.CommandContext(ctx, "go", "test", "-short", "-failfast", "-vet=off", "-count=1", "./"+filepath.Dir(filepath.Join(pkg, f.Name)))
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			m.Status = outcome(out, err, ctx)
			m.rerun = true
			cancel()
			n++
			if err := os.WriteFile(path, orig, 0o644); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// nonCompiling lists, as "file:line:col" under the module at dir, the +
// and += on strings in the files the report names: the positions where
// ARITHMETIC_BASE and INVERT_ASSIGNMENTS make code that does not compile.
func nonCompiling(dir, pkg string, rep report) (map[string]bool, error) {
	byDir := map[string][]string{}
	for _, f := range rep.Files {
		d := filepath.Dir(filepath.Join(pkg, f.Name))
		byDir[d] = append(byDir[d], f.Name)
	}
	out := map[string]bool{}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		files, err := parsePackage(fset, filepath.Join(dir, d))
		if err != nil {
			return nil, err
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
		conf := types.Config{Importer: imp, Error: func(error) {}}
		if _, err := conf.Check(d, fset, files, info); err != nil {
			return nil, fmt.Errorf("type-checking %s: %w", d, err)
		}
		isString := func(e ast.Expr) bool {
			t := info.TypeOf(e)
			b, ok := t.(*types.Basic)
			if !ok && t != nil {
				b, ok = t.Underlying().(*types.Basic)
			}
			return ok && b.Info()&types.IsString != 0
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				var pos token.Pos
				switch n := n.(type) {
				case *ast.BinaryExpr:
					if n.Op == token.ADD && isString(n) {
						pos = n.OpPos
					}
				case *ast.AssignStmt:
					if n.Tok == token.ADD_ASSIGN && isString(n.Lhs[0]) {
						pos = n.TokPos
					}
				}
				if pos.IsValid() {
					p := fset.Position(pos)
					rel, _ := filepath.Rel(dir, p.Filename)
					out[fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), p.Line, p.Column)] = true
				}
				return true
			})
		}
	}
	return out, nil
}

// parsePackage parses the non-test Go files of a directory that build here.
func parsePackage(fset *token.FileSet, dir string) ([]*ast.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := buildsHere(filepath.Join(dir, name)); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// buildsHere reports whether a file's build constraints hold on this machine.
func buildsHere(path string) (bool, error) {
	return build.Default.MatchFile(filepath.Dir(path), filepath.Base(path))
}
