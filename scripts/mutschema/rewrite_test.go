package main

import (
	"context"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// sample holds every kind of mutant site the rewriter meets; a comment
// "// fallback" or "// not viable" marks a line whose mutants the rewriter
// must leave alone (a constant that must stay one, an integer times 0
// whose mutant divides by a constant 0, a named boolean; + on strings).
const sample = `package p

import (
	"fmt"
	"math"
)

const limit = 3 - 1 // fallback

var table [2 + 1]int // fallback

var start = 10*2 + len(table)

type flag bool

type span struct{ lo, hi float64 }

func F(x, y int, a, b float64, s string) string {
	out := []any{}
	out = append(out, x < y, x <= y, x > y, x >= y, x == y, x != y)
	out = append(out, a < b, a >= b, a == b)
	out = append(out, x < y && a < b || x == 0, x > 0 && (y > 0 || a > 0))
	out = append(out, x+y, x-y, x*y, a/b, a*2, x%3)
	if y != 0 {
		out = append(out, x/y, x%y)
	}
	out = append(out, -x, -a, +a, math.Inf(-1), 1e-9*a)
	out = append(out, x*0) // fallback
	var mask uint64 = 1<<uint(y&7) - 1
	out = append(out, mask)
	n := 0
	for i := 0; i < 3; i++ { // no single mutant makes it loop for ever
		n += i
		if n > 100 || n < -100 {
			break
		}
	}
	n++
	m := map[int]int{}
	m[x] += 2
	m[y] *= 3
	m[x]--
	out = append(out, n, m[x], m[y])
	if n -= 1; n > 2 {
		out = append(out, "big")
	}
	switch {
	case x > 1 && y > 1:
		out = append(out, "both")
	case x-1 == y:
		out = append(out, "next")
	}
	var f flag = x > 0 // fallback
	sp := span{a - 1, a + 1}
	sp.hi /= 2
	k := x
	k %= 5
	out = append(out, f, s+"!", start, limit, len(table), sp, k) // not viable
	t := s
	t += "?" // not viable
	out = append(out, t)
	return fmt.Sprint(out...)
}
`

// gremlins' operators per mutator, the ones mutation.sh turns on.
var typesOf = map[token.Token][]string{
	token.ADD: {"ARITHMETIC_BASE"}, token.SUB: {"ARITHMETIC_BASE"}, token.MUL: {"ARITHMETIC_BASE"},
	token.QUO: {"ARITHMETIC_BASE"}, token.REM: {"ARITHMETIC_BASE"},
	token.EQL: {"CONDITIONALS_NEGATION"}, token.NEQ: {"CONDITIONALS_NEGATION"},
	token.LSS: {"CONDITIONALS_BOUNDARY", "CONDITIONALS_NEGATION"}, token.LEQ: {"CONDITIONALS_BOUNDARY", "CONDITIONALS_NEGATION"},
	token.GTR: {"CONDITIONALS_BOUNDARY", "CONDITIONALS_NEGATION"}, token.GEQ: {"CONDITIONALS_BOUNDARY", "CONDITIONALS_NEGATION"},
	token.INC: {"INCREMENT_DECREMENT"}, token.DEC: {"INCREMENT_DECREMENT"},
	token.ADD_ASSIGN: {"INVERT_ASSIGNMENTS"}, token.SUB_ASSIGN: {"INVERT_ASSIGNMENTS"}, token.MUL_ASSIGN: {"INVERT_ASSIGNMENTS"},
	token.QUO_ASSIGN: {"INVERT_ASSIGNMENTS"}, token.REM_ASSIGN: {"INVERT_ASSIGNMENTS"},
	token.LAND: {"INVERT_LOGICAL"}, token.LOR: {"INVERT_LOGICAL"},
}

// sitesOf lists the mutants of a file as gremlins finds them.
func sitesOf(fset *token.FileSet, f *ast.File) []site {
	var out []site
	ast.Inspect(f, func(n ast.Node) bool {
		var tok token.Token
		var pos token.Pos
		switch n := n.(type) {
		case *ast.BinaryExpr:
			tok, pos = n.Op, n.OpPos
		case *ast.UnaryExpr:
			tok, pos = n.Op, n.OpPos
		case *ast.IncDecStmt:
			tok, pos = n.Tok, n.TokPos
		case *ast.AssignStmt:
			tok, pos = n.Tok, n.TokPos
		default:
			return true
		}
		p := fset.Position(pos)
		for _, typ := range typesOf[tok] {
			out = append(out, site{len(out), p.Line, p.Column, typ})
		}
		return true
	})
	return out
}

func rewriteSample(t *testing.T, dir string) (out []byte, sites []site, fallback, notViable map[int]string) {
	t.Helper()
	fset := token.NewFileSet()
	name := filepath.Join(dir, "p.go")
	f, err := parser.ParseFile(fset, name, sample, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	imp := importer.ForCompiler(fset, "source", nil)
	pkg, err := (&types.Config{Importer: imp}).Check("m/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	viable := func(pos token.Pos, tok token.Token) bool {
		var op *token.Token
		ast.Inspect(f, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && b.OpPos == pos {
				op = &b.Op
			}
			if u, ok := n.(*ast.UnaryExpr); ok && u.OpPos == pos {
				op = &u.Op
			}
			return op == nil
		})
		was := *op
		*op = tok
		defer func() { *op = was }()
		_, err := (&types.Config{Importer: imp, Error: func(error) {}}).Check("m/p", fset, []*ast.File{f}, &types.Info{})
		return err == nil
	}
	sites = sitesOf(fset, f)
	out, fallback, notViable, err = rewrite(fset, f, []byte(sample), info, pkg, "m/"+runtimeDir, sites, viable)
	if err != nil {
		t.Fatal(err)
	}
	return out, sites, fallback, notViable
}

// The mutants on the lines marked "fallback" are left to a compile of
// their own, those marked "not viable" are not compiled at all, and every
// other one is switched.
func TestRewriteLeavesAlone(t *testing.T) {
	_, sites, fallback, notViable := rewriteSample(t, t.TempDir())
	lines := strings.Split(sample, "\n")
	for _, s := range sites {
		line := lines[s.line-1]
		_, fb := fallback[s.id]
		_, nv := notViable[s.id]
		want := "switched"
		switch {
		case strings.HasSuffix(line, "// fallback"):
			want = "fallback"
		case strings.HasSuffix(line, "// not viable"):
			want = "not viable"
		}
		got := "switched"
		if fb {
			got = "fallback"
		}
		if nv {
			got = "not viable"
		}
		if got != want {
			t.Errorf("%d:%d %s (%s): %s, want %s (%s)", s.line, s.col, s.typ, strings.TrimSpace(line), got, want, fallback[s.id])
		}
	}
}

// The rewritten file compiles, and with each mutant switched on it gives
// what the file with that one mutant applied, as gremlins applies it,
// gives: for every switched mutant, on inputs around the boundaries
// (equal values, zero, negative, NaN).
func TestRewriteSwitches(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program of some forty packages")
	}
	dir := t.TempDir()
	out, sites, fallback, notViable := rewriteSample(t, filepath.Join(dir, "p"))
	write := func(name, text string) {
		t.Helper()
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module m\n\ngo 1.22\n")
	write(filepath.Join(runtimeDir, "zzmutant.go"), runtimeSource(len(sites)))
	write("p/p.go", string(out))
	// One package per mutant, mutated as gremlins mutates it; v is the
	// file as it is.
	var imports, cases []string
	write("v/p.go", strings.Replace(sample, "package p", "package v", 1))
	switched := 0
	for _, s := range sites {
		if _, ok := fallback[s.id]; ok {
			continue
		}
		if _, ok := notViable[s.id]; ok {
			continue
		}
		src, err := mutate([]byte(sample), s.line, s.col, s.typ)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("v%d", s.id)
		write(name+"/p.go", strings.Replace(string(src), "package p", "package "+name, 1))
		imports = append(imports, fmt.Sprintf("\t%q", "m/"+name))
		cases = append(cases, fmt.Sprintf("\tcase %d:\n\t\twant = %s.F", s.id, name))
		switched++
	}
	write("main.go", `package main

import (
	"fmt"
	"math"
	"os"
	"strconv"

	"m/p"
	"m/v"
`+strings.Join(imports, "\n")+`
)

func call(f func(int, int, float64, float64, string) string, x, y int, a, b float64) (s string) {
	defer func() {
		if e := recover(); e != nil {
			s = fmt.Sprint("panic: ", e)
		}
	}()
	return f(x, y, a, b, "s")
}

func main() {
	k, _ := strconv.Atoi(os.Getenv("FACTSHEET_MUTANT"))
	want := v.F
	switch k {
`+strings.Join(cases, "\n")+`
	}
	bad := 0
	for _, x := range []int{-2, 0, 1, 2, 3} {
		for _, y := range []int{-2, 0, 1, 2, 3} {
			for _, a := range []float64{-1.5, 0, 1, 2.5, math.NaN()} {
				for _, b := range []float64{0, 1, 2.5, math.NaN()} {
					if got, w := call(p.F, x, y, a, b), call(want, x, y, a, b); got != w {
						if bad++; bad <= 3 {
							fmt.Printf("F(%d, %d, %g, %g):\n  switched: %s\n  compiled: %s\n", x, y, a, b, got, w)
						}
					}
				}
			}
		}
	}
	if bad > 0 {
		os.Exit(1)
	}
}
`)
	bin := filepath.Join(dir, "sample")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the rewritten sample does not build: %v\n%s\n%s", err, msg, out)
	}
	ids := []int{-1}
	for _, s := range sites {
		ids = append(ids, s.id)
	}
	sort.Ints(ids)
	for _, k := range ids {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, bin)
		cmd.Env = append(os.Environ(), fmt.Sprintf("FACTSHEET_MUTANT=%d", k))
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("mutant %d: %v\n%s", k, err, msg)
		}
		cancel()
	}
	if switched < 60 {
		t.Errorf("only %d mutants switched", switched)
	}
}

// A site that names no operator of its mutator is an error, not a guess.
func TestRewriteRefusesUnknownSites(t *testing.T) {
	fset := token.NewFileSet()
	src := "package p\n\nfunc f(x int) int { return x + 1 }\n"
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []site{{0, 3, 31, "ARITHMETIC_BASE"}, {0, 3, 30, "INVERT_LOGICAL"}, {0, 9, 1, "ARITHMETIC_BASE"}} {
		if _, _, _, err := rewrite(fset, f, []byte(src), info, pkg, "m/"+runtimeDir, []site{s}, nil); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
	if _, _, _, err := rewrite(fset, f, []byte(src), info, pkg, "m/"+runtimeDir, []site{{0, 3, 30, "ARITHMETIC_BASE"}}, nil); err != nil {
		t.Errorf("x + 1: %v", err)
	}
}
