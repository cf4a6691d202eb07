package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// site is one mutant of a file as gremlins lists it: the operator at line
// and column (1-based, bytes) and the mutator, with the id that switches it.
type site struct {
	id        int
	line, col int
	typ       string
}

// The runtime's import path is module + "/" + runtimeDir, and the rewritten
// files import it under runtimeName.
const (
	runtimeDir  = "internal/zzmutant"
	runtimeName = "zzmutant"
)

// rewriter turns the mutants of one file into switches. Each mutated
// expression or statement becomes code that does what the original does
// unless its mutant is the active one, and then what the mutated code does:
//
//	a < b     zzmutant.Lss(kb, kn, a, b)            (kb: < into <=, kn: < into >=)
//	a == b    zzmutant.Not(k, a == b)
//	a && b    zzmutant.And(k, a, func() bool { return b })
//	a * b     zzmutant.Mul(k, a, b)                 (* into /)
//	-a        zzmutant.Neg(k, a)                    (- into +)
//	i++       if zzmutant.Is(k) { i-- } else { i++ }
//	x += y    if zzmutant.Is(k) { x -= y } else { x += y }
//	const     zzmutant.Pick[T](k, <the constant mutated>, <the constant>)
//
// The operands are evaluated once and in their order, && and || still
// short-circuit, and the grouping of the tree is kept (a && b && c with its
// first && switched is (a || b) && c, as gremlins prints it). What cannot be
// switched safely (a constant that must stay one, a type no helper takes)
// is left as it is and returned as a fallback, with why.
type rewriter struct {
	fset   *token.FileSet
	src    []byte
	tf     *token.File
	info   *types.Info
	pkg    *types.Package
	parent map[ast.Node]ast.Node
	// viable reports whether the package still type-checks with the
	// operator at pos turned into tok (a mutated constant can overflow or
	// divide by zero); nil takes every constant mutant as viable.
	viable func(pos token.Pos, tok token.Token) bool

	xforms    []*xform
	fallback  map[int]string
	notViable map[int]string
}

// xform replaces the source from start to end with what emit returns.
type xform struct {
	start, end token.Pos
	emit       func() string
}

// mutated is what each mutator makes of an operator, as in gremlins v0.6.0
// (its %= "inverted" is %= itself).
var mutated = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE":       {token.ADD: token.SUB, token.SUB: token.ADD, token.MUL: token.QUO, token.QUO: token.MUL, token.REM: token.MUL},
	"CONDITIONALS_BOUNDARY": {token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS, token.LSS: token.LEQ},
	"CONDITIONALS_NEGATION": {token.EQL: token.NEQ, token.NEQ: token.EQL, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR, token.LSS: token.GEQ},
	"INCREMENT_DECREMENT":   {token.INC: token.DEC, token.DEC: token.INC},
	"INVERT_ASSIGNMENTS":    {token.ADD_ASSIGN: token.SUB_ASSIGN, token.SUB_ASSIGN: token.ADD_ASSIGN, token.MUL_ASSIGN: token.QUO_ASSIGN, token.QUO_ASSIGN: token.MUL_ASSIGN, token.REM_ASSIGN: token.REM_ASSIGN},
	"INVERT_LOGICAL":        {token.LAND: token.LOR, token.LOR: token.LAND},
	"INVERT_NEGATIVES":      {token.SUB: token.ADD},
}

// rewrite returns the source of f with its mutants switched, and the ids of
// those it left as they were (runtimePath is the import path of the
// runtime package, see runtime.go): fallback (to be tested by a compile of their
// own) and notViable (the mutated code cannot compile: + on strings).
// Every site must name an operator of f that its mutator changes.
func rewrite(fset *token.FileSet, f *ast.File, src []byte, info *types.Info, pkg *types.Package,
	runtimePath string, sites []site, viable func(token.Pos, token.Token) bool) (out []byte, fallback, notViable map[int]string, err error) {
	r := &rewriter{fset: fset, src: src, tf: fset.File(f.Pos()), info: info, pkg: pkg, viable: viable,
		parent: map[ast.Node]ast.Node{}, fallback: map[int]string{}, notViable: map[int]string{}}
	// The operators of the file, by line and column.
	type opAt struct {
		node ast.Node
		tok  token.Token
		pos  token.Pos
	}
	ops := map[[2]int]opAt{}
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			r.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		var o opAt
		switch n := n.(type) {
		case *ast.BinaryExpr:
			o = opAt{n, n.Op, n.OpPos}
		case *ast.UnaryExpr:
			o = opAt{n, n.Op, n.OpPos}
		case *ast.IncDecStmt:
			o = opAt{n, n.Tok, n.TokPos}
		case *ast.AssignStmt:
			o = opAt{n, n.Tok, n.TokPos}
		}
		if o.node != nil {
			p := fset.Position(o.pos)
			ops[[2]int{p.Line, p.Column}] = o
		}
		return true
	})
	byNode := map[ast.Node][]site{}
	var order []ast.Node
	for _, s := range sites {
		o, ok := ops[[2]int{s.line, s.col}]
		if !ok {
			return nil, nil, nil, fmt.Errorf("%s:%d:%d: no operator for %s", r.tf.Name(), s.line, s.col, s.typ)
		}
		if _, ok := mutated[s.typ][o.tok]; !ok {
			return nil, nil, nil, fmt.Errorf("%s:%d:%d: %s does not change %s", r.tf.Name(), s.line, s.col, s.typ, o.tok)
		}
		if byNode[o.node] == nil {
			order = append(order, o.node)
		}
		byNode[o.node] = append(byNode[o.node], s)
	}
	// Constants first: every mutant inside one maximal constant expression
	// is switched by that expression as a whole.
	consts := map[ast.Expr][]site{}
	var constOrder []ast.Expr
	for _, n := range order {
		e, ok := n.(ast.Expr)
		if !ok || r.info.Types[e].Value == nil {
			continue
		}
		top := r.maximalConst(e)
		if consts[top] == nil {
			constOrder = append(constOrder, top)
		}
		consts[top] = append(consts[top], byNode[n]...)
		delete(byNode, n)
	}
	for _, e := range constOrder {
		r.constant(e, consts[e])
	}
	for _, n := range order {
		if ss := byNode[n]; ss != nil {
			r.node(n, ss)
		}
	}
	sort.SliceStable(r.xforms, func(i, j int) bool {
		a, b := r.xforms[i], r.xforms[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end > b.end
	})
	body := r.render(f.Pos(), f.End())
	head := string(src[:r.off(f.Pos())])
	if len(r.xforms) > 0 {
		// The import goes in a declaration of its own after the package
		// clause, so that no other import moves.
		pkgEnd := r.off(f.Name.End())
		body = r.render(f.Name.End(), f.End())
		head = string(src[:pkgEnd]) + fmt.Sprintf("\n\nimport %s %q\n", runtimeName, runtimePath)
	}
	return []byte(head + body + string(src[r.off(f.End()):])), r.fallback, r.notViable, nil
}

func (r *rewriter) off(p token.Pos) int { return r.tf.Offset(p) }

// render returns the source from start to end with the outermost xforms in
// it replaced. An xform renders the parts of its node (its operands), never
// its node again: spans of distinct xforms differ.
func (r *rewriter) render(start, end token.Pos) string {
	var b strings.Builder
	pos := start
	for _, x := range r.xforms {
		if x.start < pos || x.end > end {
			continue
		}
		b.Write(r.src[r.off(pos):r.off(x.start)])
		b.WriteString(x.emit())
		pos = x.end
	}
	b.Write(r.src[r.off(pos):r.off(end)])
	return b.String()
}

func (r *rewriter) text(n ast.Node) string { return r.render(n.Pos(), n.End()) }

func (r *rewriter) add(n ast.Node, emit func() string) {
	r.xforms = append(r.xforms, &xform{n.Pos(), n.End(), emit})
}

func (r *rewriter) fail(ss []site, why string) {
	for _, s := range ss {
		r.fallback[s.id] = why
	}
}

// idOf returns the id of the site of mutator typ, or -1.
func idOf(ss []site, typ string) int {
	for _, s := range ss {
		if s.typ == typ {
			return s.id
		}
	}
	return -1
}

// node switches the mutants of one operator that is not in a constant.
func (r *rewriter) node(n ast.Node, ss []site) {
	q := runtimeName
	switch n := n.(type) {
	case *ast.BinaryExpr:
		x, y := n.X, n.Y
		switch n.Op {
		case token.LAND, token.LOR:
			if !r.isBool(n) {
				r.fail(ss, "a logical operator of a named boolean type")
				return
			}
			fn := map[token.Token]string{token.LAND: "And", token.LOR: "Or"}[n.Op]
			k := idOf(ss, "INVERT_LOGICAL")
			r.add(n, func() string {
				return fmt.Sprintf("%s.%s(%d, %s, func() bool { return %s })", q, fn, k, r.text(x), r.text(y))
			})
		case token.EQL, token.NEQ:
			if !r.isBool(n) {
				r.fail(ss, "a comparison of a named boolean type")
				return
			}
			k := idOf(ss, "CONDITIONALS_NEGATION")
			op := n.Op
			r.add(n, func() string { return fmt.Sprintf("%s.Not(%d, %s %s %s)", q, k, r.text(x), op, r.text(y)) })
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if !r.isBool(n) {
				r.fail(ss, "a comparison of a named boolean type")
				return
			}
			targ, ok := r.typeArg(x, n.Pos(), x, y)
			if !ok || !r.ordered(x) {
				r.fail(ss, "a comparison of operands no helper takes")
				return
			}
			fn := map[token.Token]string{token.LSS: "Lss", token.LEQ: "Leq", token.GTR: "Gtr", token.GEQ: "Geq"}[n.Op]
			kb, kn := idOf(ss, "CONDITIONALS_BOUNDARY"), idOf(ss, "CONDITIONALS_NEGATION")
			r.add(n, func() string {
				return fmt.Sprintf("%s.%s%s(%d, %d, %s, %s)", q, fn, targ, kb, kn, r.text(x), r.text(y))
			})
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM:
			if r.isString(n) {
				r.notViableAll(ss, "+ on strings turned into -")
				return
			}
			if n.Op == token.MUL && r.isZero(y) && r.isInteger(n) {
				r.fail(ss, "an integer times a constant 0, turned into a division by 0")
				return
			}
			targ, ok := r.typeArg(n, n.Pos(), x, y)
			if !ok || !r.number(n, n.Op == token.REM) {
				r.fail(ss, "arithmetic on a type no helper takes")
				return
			}
			fn := map[token.Token]string{token.ADD: "Add", token.SUB: "Sub", token.MUL: "Mul", token.QUO: "Quo", token.REM: "Rem"}[n.Op]
			k := idOf(ss, "ARITHMETIC_BASE")
			r.add(n, func() string { return fmt.Sprintf("%s.%s%s(%d, %s, %s)", q, fn, targ, k, r.text(x), r.text(y)) })
		default:
			r.fail(ss, "an operator no helper switches")
		}
	case *ast.UnaryExpr:
		x := n.X
		targ, ok := r.typeArg(n, n.Pos(), x)
		if !ok || !r.number(n, false) || (n.Op != token.SUB && n.Op != token.ADD) {
			r.fail(ss, "a sign on a type no helper takes")
			return
		}
		fn := map[token.Token]string{token.SUB: "Neg", token.ADD: "Plus"}[n.Op]
		k := idOf(ss, "ARITHMETIC_BASE")
		r.add(n, func() string { return fmt.Sprintf("%s.%s%s(%d, %s)", q, fn, targ, k, r.text(x)) })
	case *ast.IncDecStmt:
		k := idOf(ss, "INCREMENT_DECREMENT")
		alt := mutated["INCREMENT_DECREMENT"][n.Tok]
		x, tok := n.X, n.Tok
		if r.inList(n) {
			r.add(n, func() string {
				return fmt.Sprintf("if %s.Is(%d) { %s%s } else { %s%s }", q, k, r.text(x), alt, r.text(x), tok)
			})
			return
		}
		if !r.info.Types[x].Addressable() || !r.number(x, false) {
			r.fail(ss, "an increment outside a statement list, of what has no address")
			return
		}
		fn := map[token.Token]string{token.INC: "Inc", token.DEC: "Dec"}[tok]
		r.add(n, func() string { return fmt.Sprintf("%s.%s(%d, &%s)", q, fn, k, r.text(x)) })
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			r.fail(ss, "an assignment of many values")
			return
		}
		x, y, tok := n.Lhs[0], n.Rhs[0], n.Tok
		if tok == token.ADD_ASSIGN && r.isString(x) {
			r.notViableAll(ss, "+= on strings turned into -=")
			return
		}
		if tok == token.MUL_ASSIGN && r.isZero(y) && r.isInteger(x) {
			r.fail(ss, "an integer *= 0, turned into /= 0")
			return
		}
		k := idOf(ss, "INVERT_ASSIGNMENTS")
		alt := mutated["INVERT_ASSIGNMENTS"][tok]
		if r.inList(n) {
			r.add(n, func() string {
				return fmt.Sprintf("if %s.Is(%d) { %s %s %s } else { %s %s %s }", q, k, r.text(x), alt, r.text(y), r.text(x), tok, r.text(y))
			})
			return
		}
		if !r.info.Types[x].Addressable() || !r.number(x, tok == token.REM_ASSIGN) {
			r.fail(ss, "an assignment outside a statement list, to what has no address")
			return
		}
		fn := map[token.Token]string{token.ADD_ASSIGN: "AddAssign", token.SUB_ASSIGN: "SubAssign",
			token.MUL_ASSIGN: "MulAssign", token.QUO_ASSIGN: "QuoAssign", token.REM_ASSIGN: "RemAssign"}[tok]
		r.add(n, func() string { return fmt.Sprintf("%s.%s(%d, &%s, %s)", q, fn, k, r.text(x), r.text(y)) })
	default:
		r.fail(ss, "a node no helper switches")
	}
}

func (r *rewriter) notViableAll(ss []site, why string) {
	for _, s := range ss {
		r.notViable[s.id] = why
	}
}

// constant switches the mutants inside the maximal constant expression e:
// each mutated constant is computed by the compiler as the mutant's own
// compile would, and picked at run time.
func (r *rewriter) constant(e ast.Expr, ss []site) {
	if why := r.mustStayConstant(e); why != "" {
		r.fail(ss, why)
		return
	}
	t := r.info.Types[e].Type
	name := r.typeName(t, e.Pos())
	if name == "" {
		r.fail(ss, "a constant of a type that cannot be named here: "+t.String())
		return
	}
	type alt struct {
		id   int
		text string
	}
	var alts []alt
	for _, s := range ss {
		// The operator of the site, found again by position.
		var pos token.Pos
		var tok token.Token
		ast.Inspect(e, func(n ast.Node) bool {
			var p token.Pos
			var t token.Token
			switch n := n.(type) {
			case *ast.BinaryExpr:
				p, t = n.OpPos, n.Op
			case *ast.UnaryExpr:
				p, t = n.OpPos, n.Op
			default:
				return true
			}
			if q := r.fset.Position(p); q.Line == s.line && q.Column == s.col {
				pos, tok = p, t
			}
			return true
		})
		to := mutated[s.typ][tok]
		if r.viable != nil && !r.viable(pos, to) {
			r.fail([]site{s}, "the mutated constant does not compile")
			continue
		}
		o := r.off(pos)
		text := string(r.src[r.off(e.Pos()):o]) + to.String() + string(r.src[o+len(tok.String()):r.off(e.End())])
		alts = append(alts, alt{s.id, text})
	}
	if len(alts) == 0 {
		return
	}
	r.add(e, func() string {
		out := "(" + string(r.src[r.off(e.Pos()):r.off(e.End())]) + ")"
		for i := len(alts) - 1; i >= 0; i-- {
			out = fmt.Sprintf("%s.Pick[%s](%d, (%s), %s)", runtimeName, name, alts[i].id, alts[i].text, out)
		}
		return out
	})
}

// maximalConst returns the largest constant expression that holds e.
func (r *rewriter) maximalConst(e ast.Expr) ast.Expr {
	for {
		p, ok := r.parent[e].(ast.Expr)
		if !ok || r.info.Types[p].Value == nil {
			return e
		}
		e = p
	}
}

// mustStayConstant says why a constant expression cannot become a call,
// or "".
func (r *rewriter) mustStayConstant(e ast.Expr) string {
	var child ast.Node = e
	for n := r.parent[e]; n != nil; child, n = n, r.parent[n] {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				return "a constant declaration"
			}
		case *ast.ArrayType:
			if n.Len == child {
				return "an array length"
			}
		case *ast.KeyValueExpr:
			if n.Key == child {
				if cl, ok := r.parent[n].(*ast.CompositeLit); ok {
					if _, isMap := r.info.TypeOf(cl).Underlying().(*types.Map); !isMap {
						return "an index key of a composite literal"
					}
				}
			}
		case *ast.CallExpr:
			// A conversion of a constant is a constant; so is len of an array:
			// both were seen as part of the maximal constant already.
		case ast.Stmt, *ast.FuncLit:
			return ""
		}
	}
	return ""
}

// typeName returns how the file names t at pos, or "" if it cannot (an
// untyped constant, a type of another package, a name shadowed there).
func (r *rewriter) typeName(t types.Type, pos token.Pos) string {
	var obj types.Object
	switch t := t.(type) {
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 {
			return ""
		}
		obj = types.Universe.Lookup(t.Name())
	case *types.Named:
		if t.Obj().Pkg() != r.pkg || t.TypeArgs() != nil || t.Obj().Parent() != r.pkg.Scope() {
			return ""
		}
		obj = t.Obj()
	default:
		return ""
	}
	if obj == nil {
		return ""
	}
	if scope := r.pkg.Scope().Innermost(pos); scope != nil {
		if _, found := scope.LookupParent(obj.Name(), pos); found != obj {
			return ""
		}
	}
	return obj.Name()
}

// typeArg returns the type argument of a helper, "[T]" with T the type of
// of (an operand for a comparison, the whole for arithmetic) as the file
// names it at pos. Given always where it can be: inference would type an
// untyped operand by itself (1<<n - 1 in a uint64 would be an int). Where
// the type cannot be named here, "" leaves it to inference from the typed
// operands; ok is false when there are none, or one is a type parameter.
func (r *rewriter) typeArg(of ast.Expr, pos token.Pos, operands ...ast.Expr) (string, bool) {
	if name := r.typeName(r.info.TypeOf(of), pos); name != "" {
		return "[" + name + "]", true
	}
	typed := false
	for _, e := range operands {
		if _, isParam := r.info.TypeOf(e).(*types.TypeParam); isParam {
			return "", false
		}
		typed = typed || !r.untyped(e)
	}
	return "", typed
}

func (r *rewriter) untyped(e ast.Expr) bool {
	b, ok := r.info.TypeOf(e).(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

func (r *rewriter) basic(e ast.Expr) *types.Basic {
	t := r.info.TypeOf(e)
	if t == nil {
		return nil
	}
	b, _ := t.Underlying().(*types.Basic)
	return b
}

// isBool: the helpers return bool, which an untyped boolean becomes.
func (r *rewriter) isBool(e ast.Expr) bool {
	b, ok := r.info.TypeOf(e).(*types.Basic)
	return ok && (b.Kind() == types.Bool || b.Kind() == types.UntypedBool)
}

func (r *rewriter) isString(e ast.Expr) bool {
	b := r.basic(e)
	return b != nil && b.Info()&types.IsString != 0
}

func (r *rewriter) isInteger(e ast.Expr) bool {
	b := r.basic(e)
	return b != nil && b.Info()&types.IsInteger != 0
}

func (r *rewriter) isZero(e ast.Expr) bool {
	v := r.info.Types[e].Value
	return v != nil && v.String() == "0"
}

// number: the helpers take integers and floats (rem: integers only).
func (r *rewriter) number(e ast.Expr, rem bool) bool {
	b := r.basic(e)
	if b == nil {
		return false
	}
	if rem {
		return b.Info()&types.IsInteger != 0
	}
	return b.Info()&(types.IsInteger|types.IsFloat) != 0
}

func (r *rewriter) ordered(e ast.Expr) bool {
	b := r.basic(e)
	return b != nil && b.Info()&types.IsOrdered != 0
}

// inList: a statement of a block or a case, where an if statement may
// stand; not the init or post statement of an if, a for or a switch.
func (r *rewriter) inList(s ast.Stmt) bool {
	switch p := r.parent[s].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return true
	case *ast.LabeledStmt:
		return r.inList(p)
	}
	return false
}
