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
	"go/printer"
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

// mutated is what each mutator makes of an operator, as in gremlins v0.6.0.
var mutated = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE":       {token.ADD: token.SUB, token.SUB: token.ADD, token.MUL: token.QUO, token.QUO: token.MUL, token.REM: token.MUL},
	"CONDITIONALS_BOUNDARY": {token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS, token.LSS: token.LEQ},
	"CONDITIONALS_NEGATION": {token.EQL: token.NEQ, token.NEQ: token.EQL, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR, token.LSS: token.GEQ},
	"INCREMENT_DECREMENT":   {token.INC: token.DEC, token.DEC: token.INC},
	"INVERT_ASSIGNMENTS":    {token.ADD_ASSIGN: token.SUB_ASSIGN, token.SUB_ASSIGN: token.ADD_ASSIGN, token.MUL_ASSIGN: token.QUO_ASSIGN, token.QUO_ASSIGN: token.MUL_ASSIGN, token.REM_ASSIGN: token.REM_ASSIGN},
	"INVERT_LOGICAL":        {token.LAND: token.LOR, token.LOR: token.LAND},
	"INVERT_NEGATIVES":      {token.SUB: token.ADD},
}

// mutate returns the file src with the operator at line and column
// (1-based, in bytes) changed as typ changes it. As gremlins does, it
// changes the operator in the syntax tree and prints the tree: the
// mutant keeps the tree's grouping, so that a && b && c with its first &&
// changed is (a || b) && c, not a || b && c.
func mutate(src []byte, line, col int, typ string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var op *token.Token
	ast.Inspect(f, func(n ast.Node) bool {
		var tok *token.Token
		var pos token.Pos
		switch n := n.(type) {
		case *ast.AssignStmt:
			tok, pos = &n.Tok, n.TokPos
		case *ast.BinaryExpr:
			tok, pos = &n.Op, n.OpPos
		case *ast.IncDecStmt:
			tok, pos = &n.Tok, n.TokPos
		case *ast.UnaryExpr:
			tok, pos = &n.Op, n.OpPos
		}
		if tok != nil && op == nil {
			if p := fset.Position(pos); p.Line == line && p.Column == col {
				op = tok
			}
		}
		return op == nil
	})
	to, ok := mutated[typ][deref(op)]
	if !ok {
		return nil, fmt.Errorf("no operator of %s at %d:%d", typ, line, col)
	}
	*op = to
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func deref(t *token.Token) token.Token {
	if t == nil {
		return token.ILLEGAL
	}
	return *t
}

// outcome is the status a test run gives a mutant.
func outcome(out []byte, err error, ctx context.Context) string {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded), bytes.Contains(out, []byte("panic: test timed out after")):
		return "TIMED OUT"
	case err == nil:
		return "LIVED"
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return "NOT VIABLE"
	}
	return "KILLED"
}

// rerun tests each mutant of the report that gremlins left untested, and
// sets its status; it returns how many it ran. dir is a copy of the module;
// with more than one worker, each worker tests in a copy of its own
// (dir.1, dir.2, ...), made here and removed after.
func rerun(dir, pkg string, rep *report, timeout time.Duration, workers int) (int, error) {
	type job struct{ fi, mi int }
	var jobs []job
	for fi := range rep.Files {
		for mi, m := range rep.Files[fi].Mutations {
			if m.Status == "NOT COVERED" {
				jobs = append(jobs, job{fi, mi})
			}
		}
	}
	if len(jobs) == 0 {
		return 0, nil
	}
	workers = max(1, min(workers, len(jobs)))
	dirs := []string{dir}
	for w := 1; w < workers; w++ {
		d := fmt.Sprintf("%s.%d", dir, w)
		if out, err := exec.Command("cp", "-a", dir, d).CombinedOutput(); err != nil {
			return 0, fmt.Errorf("copying %s: %v: %s", dir, err, out)
		}
		defer os.RemoveAll(d)
		dirs = append(dirs, d)
	}
	next := make(chan job)
	errs := make(chan error, workers)
	for _, d := range dirs {
		go func() {
			var err error
			for j := range next {
				if err == nil {
					f := &rep.Files[j.fi]
					err = rerunOne(d, pkg, f.Name, &f.Mutations[j.mi], timeout)
				}
			}
			errs <- err
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	var first error
	for range dirs {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return len(jobs), first
}

// rerunOne tests one mutant of file (of pkg) in dir, a copy of the module,
// and puts the file back as it was.
func rerunOne(dir, pkg, file string, m *mutation, timeout time.Duration) error {
	path := filepath.Join(dir, pkg, file)
	orig, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	src, err := mutate(orig, m.Line, m.Column, m.Type)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return err
	}
	// The test binary gets the timeout too: killing go at the deadline
	// leaves a looping test running on (as gremlins passes -timeout).
	ctx, cancel := context.WithTimeout(context.Background(), timeout+15*time.Second)
	defer cancel()
	// The flags of the gremlins run come in GOFLAGS (scripts/mutation.sh).
	cmd := exec.CommandContext(ctx, "go", "test", "-short", "-failfast", "-vet=off", "-count=1", "-timeout", timeout.String(),
		"./"+filepath.Dir(filepath.Join(pkg, file)))
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	m.Status = outcome(out, err, ctx)
	m.rerun = true
	return os.WriteFile(path, orig, 0o644)
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
