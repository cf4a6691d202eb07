package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The mutations that cannot compile are + into - on strings (a + b, s += t).
// mutschema does not run them; nonCompiling finds them by type too, whatever
// status a report gives them: gremlins v0.6.0 itself counts a mutant that
// does not compile as caught (go test exits with status 1 on a build failure
// as on a failed test).

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
