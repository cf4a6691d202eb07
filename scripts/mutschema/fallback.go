package main

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// compileEach tests mutants as gremlins does: the mutated file written into
// a copy of the module (one per worker), then `go test` of its package, all
// its tests. It is the path of the mutants the rewriter leaves alone, and
// what -validate compares the switched verdicts with.
func (r *run) compileEach(muts []*mutant, label string) error {
	workers := min(r.workers, len(muts))
	dirs := make([]string, workers)
	for w := range dirs {
		dirs[w] = fmt.Sprintf("%s.%s.%d", strings.TrimRight(r.module, "/"), label, w)
		os.RemoveAll(dirs[w])
		if out, err := exec.Command("cp", "-a", r.module, dirs[w]).CombinedOutput(); err != nil {
			return fmt.Errorf("copying %s: %v: %s", r.module, err, out)
		}
		defer os.RemoveAll(dirs[w])
	}
	next := make(chan *mutant)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for _, d := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			for m := range next {
				if err == nil {
					err = r.compileOne(d, m)
					if label == "fallback" {
						m.how = "fallback"
					}
				}
			}
			errs <- err
		}()
	}
	for _, m := range muts {
		next <- m
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compileOne tests one mutant in dir, a copy of the module, and puts the
// file back as it was.
func (r *run) compileOne(dir string, m *mutant) error {
	path := filepath.Join(dir, m.pkg, m.file)
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
	defer os.WriteFile(path, orig, 0o644)
	// The tests take a few seconds (reports' the most), the build a few
	// more on a busy machine. The test binaries get the timeout too:
	// killing go at the deadline would leave a looping test running on.
	timeout := 60 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), timeout+15*time.Second)
	defer cancel()
	var pkgs []string
	for _, d := range r.testers.of[m.dir] {
		pkgs = append(pkgs, "./"+d)
	}
	args := append([]string{"test", "-short", "-failfast", "-vet=off", "-count=1", "-timeout", timeout.String()}, pkgs...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil && (bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]"))):
		m.Status = "NOT VIABLE"
	default:
		m.Status = verdict(ctx, out, err)
	}
	m.ran = "all (go test " + strings.Join(pkgs, " ") + ")"
	if m.how == "" || m.how == "fallback" {
		r.log(m, out)
	}
	return nil
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
	if op == nil {
		return nil, fmt.Errorf("no operator at %d:%d", line, col)
	}
	to, ok := mutated[typ][*op]
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
